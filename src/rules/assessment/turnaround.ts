import { z } from 'zod';
import type { Hit, Position } from '../../types.js';
import { defineRule } from '../define.js';
import { findInText, isBlank } from '../text.js';
import { NUM, numberOf, SCOPES, sentenceSpots, spotPos, spotQuote } from './util.js';

/** "14 days", "2-3 weeks", "10 business days", "two to three weeks", "a 10-day turnaround". */
const DURATION_RE = new RegExp(
  `\\b(${NUM})(?:\\s*(?:-|–|—|to|or)\\s*(${NUM}))?[\\s-]+(?:(business|working|school|calendar)[\\s-]+)?(hours?|days?|weeks?|months?)\\b`,
  'i',
);
const DURATION_G = new RegExp(DURATION_RE.source, 'gi');
/** The sentence is about how long scoring takes. */
const CUE_RE =
  /\b(?:turn-?around|scor(?:e|ed|es|ing)|review(?:ed|s)?|assess(?:ed|ment)|evaluat(?:ed|ion)|decisions?|notif(?:ied|ication)|hear back|awarded|results? (?:are|will)|feedback|response time|processing time)\b/i;
/** Words right before a duration that make it a time limit for scoring. */
const PREP_END_RE =
  /(?:\b(?:within|in|up to|takes?|taking|took|about|approximately|approx\.|around|roughly|typically|usually|generally|allow|under|than|of|is|are|averages?|average of)|:)\s*(?:about\s+|approximately\s+|roughly\s+|around\s+|up to\s+)?$/i;
/** Durations that are about something else: time to submit, validity, effort. */
const OTHER_AFTER_RE = /^\s*(?:to (?:submit|complete|finish|earn|work|collect|implement|teach|upload|prepare)|of (?:instruction|teaching|implementation|practice|data|class|lessons?|work)|from (?:enrol|enroll|registration|purchase|application|the start))/i;
const OTHER_BEFORE_RE = /\b(?:have|has|valid for|expires?(?: in| after)?|over|for|during|last|every)\s*$/i;

/** Days a duration stands for: the upper end of a range; business days count 7/5. */
function toDays(m: RegExpExecArray): number {
  const n = numberOf((m[2] ?? m[1])!);
  const unit = m[4]!.toLowerCase();
  const business = m[3] && /^(?:business|working|school)$/i.test(m[3]);
  if (unit.startsWith('hour')) return n / 24;
  if (unit.startsWith('week')) return n * 7;
  if (unit.startsWith('month')) return n * 30;
  return business ? (n * 7) / 5 : n;
}

function fmt(days: number): string {
  return Number.isInteger(days) ? String(days) : days.toFixed(1);
}

export default defineRule({
  id: 'turnaround',
  aspect: 'assessment',
  description: 'The offering says how long scoring takes, and it is within the rubric\'s bound.',
  summary: 'scoring turnaround not stated or too long',
  rationale:
    'Candidates plan their submissions around the wait for a decision, and a long wait breaks the cycle of feedback and resubmission. Digital Promise commits to at most 14 business days from submission to award or denial; Delaware states 3-4 weeks.',
  source: 'Digital Promise (≤14 business days from submission to award/denial); Delaware DOE (3-4 weeks); domain research §6 rule 9 (turnaround benchmark ≤14 business days to ≤4 weeks).',
  fix: 'State the scoring turnaround, e.g. "Submissions are scored within 14 business days; you are notified by email."',
  anchor: 'assessment',
  params: z.strictObject({
    /** Longest acceptable turnaround in calendar days. */
    maxDays: z.number().positive(),
  }),
  examples: {
    pass: '## Assessment Process\nSubmissions are scored within 14 days.',
    fail: '## Assessment Process\nSubmissions are scored by trained assessors.',
  },
  check(doc, params) {
    const over = (days: number, at: Position | string, quote: string): Hit[] =>
      days <= params.maxDays
        ? []
        : [
            {
              message: `the stated scoring turnaround is about ${fmt(days)} days, longer than ${params.maxDays}`,
              at,
              quote,
              credit: 0.5,
            },
          ];

    const field = doc.data.assessment?.turnaroundDays;
    if (field !== undefined && !isBlank(field)) {
      const at = 'assessment.turnaroundDays';
      if (typeof field === 'number') return over(field, at, `turnaroundDays: ${field}`);
      const text = field.trim();
      if (/^\d{1,4}(?:\.\d{1,2})?$/.test(text)) return over(Number(text), at, `turnaroundDays: ${text}`);
      const m = DURATION_RE.exec(text);
      const found = findInText(doc, text, /\S/, at);
      const pos = found?.block.path === at ? found.pos : at;
      if (m) return over(toDays(m), pos, text);
      return [{ message: `the turnaround ("${text.slice(0, 60)}") gives no number of days or weeks`, at: pos, quote: text, credit: 0.5 }];
    }

    for (const s of sentenceSpots(doc, DURATION_RE, SCOPES, (sp) => CUE_RE.test(sp.sentence.text))) {
      const t = s.sentence.text;
      DURATION_G.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = DURATION_G.exec(t))) {
        const before = t.slice(Math.max(0, m.index - 30), m.index);
        const after = t.slice(m.index + m[0].length, m.index + m[0].length + 40);
        if (!PREP_END_RE.test(before) || OTHER_BEFORE_RE.test(before) || OTHER_AFTER_RE.test(after)) continue;
        const spot = { ...s, index: s.sentence.start + m.index, length: m[0].length };
        return over(toDays(m), spotPos(spot), spotQuote(spot));
      }
    }
    return [{ message: 'the offering does not say how long scoring takes after a submission' }];
  },
});
