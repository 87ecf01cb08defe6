import { z } from 'zod';
import type { Hit, Position } from '../../types.js';
import { defineRule } from '../define.js';
import { findAll, isBlank } from '../text.js';
import { parseHours } from './util.js';

const NUM = String.raw`(\d{1,4}(?:\.\d{1,2})?)`;
/** Effort stated in prose: "takes about 15 hours to complete". */
const PROSE_RE = new RegExp(
  String.raw`\b(?:takes?|requires?|spend|estimated|approximately|complete (?:it )?in|completion time|time commitment|expect(?:ed)? to)\b[^.\n]{0,40}?\b${NUM}(?:\s{0,3}(?:-|–|—|to)\s{0,3}${NUM})?\s{0,3}(?:hours?|hrs?)\b`,
  'i',
);
const PROSE_SCOPES = ['description', 'about', 'other', 'estimatedHours', 'prerequisites', 'audience'];

const fmt = (h: number) => (Number.isInteger(h) ? String(h) : h.toFixed(1).replace(/\.0$/, ''));
const hoursText = (h: number) => `${fmt(h)} hour${h === 1 ? '' : 's'}`;

export default defineRule({
  id: 'effort-estimate',
  aspect: 'grain-size',
  description: 'The offering states its estimated effort in hours, and it fits one competency (by default 3 to 30 hours).',
  summary: 'no plausible effort estimate in hours',
  rationale:
    'An effort estimate tells educators what they commit to and is a check on grain size: published educator micro-credentials take about 5 hours (Utah) to 15 hours (NEA, Citizen U); 1-2 hours is too thin to show a competency, and much more than 30 hours is a bundle of skills.',
  source: 'NEA (~15 h per MC, S7); Utah Microcredentials (~5 h); WEA and Aurora CO credit 10-15 clock hours per MC; RAND 2024 (communicate time requirements, S9); domain.md §1 Aspect 1 and §6 rule 4.',
  fix: 'State the expected effort in hours, e.g. "Estimated time: 15 hours" (or `estimatedHours: 15`), counting planning, teaching, collecting evidence and writing the reflection.',
  anchor: 'estimatedHours',
  params: z.strictObject({
    /** Less effort than this is too thin to demonstrate a competency. */
    minHours: z.number().min(0),
    /** More effort than this is more than one competency. */
    maxHours: z.number().min(0),
  }),
  examples: {
    pass: '# Wait Time\n\nEstimated time: 12 hours\n\n## Competency\nEducator uses wait time after questions to increase student response.',
    fail: '# Wait Time\n\nEstimated time: 1 hour\n\n## Competency\nEducator uses wait time after questions to increase student response.',
  },
  check(doc, params) {
    const v = doc.data.estimatedHours;
    let hours: number | null = null;
    let at: Position | string = 'estimatedHours';
    let quote: string | undefined;
    if (v !== undefined && !(typeof v === 'string' && isBlank(v))) {
      quote = String(v).trim().slice(0, 200);
      hours = parseHours(v);
      if (hours === null) {
        return [
          {
            message: `the estimated effort ("${quote}") is not given in hours`,
            at,
            quote,
            credit: 0.5,
            fix: 'Give the effort as a number of hours, e.g. "Estimated time: 15 hours (over about 2 weeks)".',
          },
        ];
      }
    } else {
      for (const m of findAll(doc, PROSE_RE, PROSE_SCOPES)) {
        const h = parseHours(m.block.text.slice(m.index, m.index + m.length).replace(/^[^\d]*/, ''));
        if (h !== null) {
          hours = h;
          at = m.pos;
          quote = m.quote;
          break;
        }
      }
      if (hours === null) return [{ message: 'no estimated effort in hours is stated (no "Estimated time" line, time-commitment section or `estimatedHours` field)' }];
    }
    const hits: Hit[] = [];
    if (hours < params.minHours) {
      hits.push({
        message: `the estimated effort (${hoursText(hours)}) is under ${hoursText(params.minHours)}: too thin to demonstrate a competency in practice`,
        at,
        ...(quote ? { quote } : {}),
        fix: 'Make sure the offering asks for evidence of the practice with learners (planning, teaching, student work, reflection) and state the realistic time that takes; a short course or quiz is not a micro-credential.',
      });
    } else if (hours > params.maxHours) {
      hits.push({
        message: `the estimated effort (${hoursText(hours)}) is over ${hoursText(params.maxHours)}: too broad for one competency`,
        at,
        ...(quote ? { quote } : {}),
        fix: 'Split the offering into a stack of smaller micro-credentials, each one competency of about 5-15 hours (NEA about 15 hours, Utah about 5 hours).',
      });
    }
    return hits;
  },
});
