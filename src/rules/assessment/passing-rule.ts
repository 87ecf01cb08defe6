import { z } from 'zod';
import type { Hit, Position } from '../../types.js';
import { defineRule } from '../define.js';
import { findInText, isBlank } from '../text.js';
import { criteriaOf, LEVEL_TERM_RE, NOT_PASS_RULE_RE, NUM, numberOf, PASS_CUE_RE, SCOPES, sentencePos, sentenceSpots, spotQuote } from './util.js';

type Kind = 'conjunctive' | 'compensatory' | 'vague';

const PERCENT_RE = /\b(\d{1,3})(?:\.\d{1,2})?\s?(?:%|percent\b)/i;
const N_OF_M_RE = new RegExp(`\\b(${NUM})\\s+(?:out\\s+)?of\\s+(?:the\\s+|all\\s+)?(${NUM})\\b`, 'i');
const AT_LEAST_RE = new RegExp(
  `\\b(?:at least|a minimum of|minimum of|no fewer than)\\s+(${NUM})\\s+(?:of\\s+(?:the\\s+)?)?(?:criteria|criterion|components?|indicators?|parts?|sections?|standards?|requirements?|artifacts?|rows?|elements?|areas?|domains?)\\b`,
  'i',
);
const AGGREGATE_RE =
  /\b(?:average|averaged|mean)\b|\b(?:total|sum|combined|cumulative|aggregate|composite|overall)\s+(?:score|rating|points?)\s+(?:of\s+)?(?:at least\s+)?\d|\b(?:total|sum) of \d|\bmajority of\b|\bmost (?:of the )?(?:criteria|components|indicators|parts|sections)\b/i;
const POINTS_RE = /\b\d{1,3}\s+(?:or more\s+)?points\b/i;
const EACH_RE = /\b(?:each|every|per|all|both)\b/i;
const CONJUNCTIVE_RE = /\b(?:all|every|each|both)\b|\b100\s?%/i;
const PASS_CUE_G = new RegExp(PASS_CUE_RE.source, 'gi');
const EXPLICIT_RE = /\bscore of \d|\b\d\s+or (?:higher|above|better)\b|\bmeets? (?:the )?(?:standard|criteria)\b|\byes\b/i;

/** Classify a pass-rule text; `count` is the number of rubric criteria (0 when unknown). */
function classify(s: string, count: number): { kind: Kind; phrase?: string } {
  const pct = PERCENT_RE.exec(s);
  if (pct && Number(pct[1]) < 100) return { kind: 'compensatory', phrase: pct[0] };
  const nm = N_OF_M_RE.exec(s);
  if (nm) {
    if (numberOf(nm[1]!) < numberOf(nm[2]!)) return { kind: 'compensatory', phrase: nm[0] };
    return { kind: 'conjunctive' };
  }
  const al = AT_LEAST_RE.exec(s);
  if (al && (count === 0 || numberOf(al[1]!) < count)) return { kind: 'compensatory', phrase: al[0] };
  const agg = AGGREGATE_RE.exec(s);
  if (agg) return { kind: 'compensatory', phrase: agg[0] };
  const pts = POINTS_RE.exec(s);
  if (pts && !EACH_RE.test(s)) return { kind: 'compensatory', phrase: pts[0] };
  // The cue itself ("to pass", "passing score") does not name a level.
  const rest = s.replace(PASS_CUE_G, ' ');
  if (al || CONJUNCTIVE_RE.test(s) || LEVEL_TERM_RE.test(rest) || EXPLICIT_RE.test(rest)) return { kind: 'conjunctive' };
  return { kind: 'vague' };
}

interface Candidate {
  kind: Kind;
  phrase?: string | undefined;
  at: Position | string;
  quote: string;
}

export default defineRule({
  id: 'passing-rule',
  aspect: 'assessment',
  description: 'An explicit, conjunctive pass rule says what every criterion must reach ("Proficient on every criterion").',
  summary: 'no explicit pass rule',
  rationale:
    'Candidates and assessors must know what earns the credential. A conjunctive rule (every criterion at the passing level) certifies the whole competency; a compensatory rule (80% of components, an average of 3) lets strength on one criterion hide a gap in another.',
  source: 'Digital Promise / NEA (each component must be Proficient/passing); BloomBoard (Demonstrated on every criterion); CAST UDL credential (80% of components, compensatory); domain research §6 rule 7 (prefer conjunctive).',
  fix: 'State the pass rule in the rubric, e.g. "To earn the micro-credential, every criterion must be rated Proficient; parts rated Not Yet can be resubmitted."',
  anchor: 'rubric',
  params: z.strictObject({
    /** Whether a compensatory rule earns half the points (true) or none (false). */
    allowCompensatory: z.boolean(),
  }),
  examples: {
    pass: '## Scoring Guide\nTo earn the micro-credential, you must receive Proficient on every criterion.',
    fail: '## Scoring Guide\n| Criterion | Proficient | Not Yet |\n|---|---|---|\n| Wait time | 3 pauses of 3+ seconds | Fewer |',
  },
  check(doc, params) {
    const count = criteriaOf(doc).length;
    const candidates: Candidate[] = [];
    const spots = sentenceSpots(doc, PASS_CUE_RE, SCOPES, (s) => !NOT_PASS_RULE_RE.test(s.sentence.text));
    for (const s of spots) {
      const c = classify(s.sentence.text, count);
      candidates.push({ ...c, at: sentencePos(s), quote: s.sentence.text.length > 200 ? spotQuote(s) : s.sentence.text });
    }
    const field = doc.data.rubric?.passingRule;
    // The loader also takes sentences about assessor agreement ("assessors must reach 80%") as a pass rule.
    if (field !== undefined && !isBlank(field) && !NOT_PASS_RULE_RE.test(field)) {
      const m = findInText(doc, field, /\S/, 'rubric.passingRule');
      const c = classify(field, count);
      candidates.push({ ...c, at: m?.block.path === 'rubric.passingRule' ? m.pos : 'rubric.passingRule', quote: field.length > 200 ? field.slice(0, 199) + '…' : field });
    }

    const comp = candidates.find((c) => c.kind === 'compensatory');
    if (comp) {
      const hit: Hit = {
        message: params.allowCompensatory
          ? `the pass rule is compensatory ("${comp.phrase}"): strength on some criteria can make up for a criterion that is not met`
          : `the pass rule is compensatory ("${comp.phrase}"); this rubric requires every criterion to reach the passing level`,
        at: comp.at,
        quote: comp.quote,
        credit: params.allowCompensatory ? 0.5 : 0,
      };
      return [hit];
    }
    if (candidates.some((c) => c.kind === 'conjunctive')) return [];
    const vague = candidates.find((c) => c.kind === 'vague');
    if (vague) {
      return [
        {
          message: 'the pass rule does not say which level each criterion must reach or how many criteria must be met',
          at: vague.at,
          quote: vague.quote,
          credit: 0.5,
        },
      ];
    }
    return [{ message: 'no pass rule: the offering does not say which level or how many criteria a submission must reach to earn the credential' }];
  },
});
