import { z } from 'zod';
import { defineRule } from '../define.js';
import { isBlank } from '../text.js';
import { negatedAfter, negatedBefore, NUM, SCOPES, sentenceSpots, firstSpot, spotPos, spotQuote, type Spot } from './util.js';

const RESUBMIT_RE = new RegExp(
  `\\b(?:re-?submi(?:t|ts|tted|tting|ssions?)|submit again|try again|another (?:attempt|try|submission)|revise and resubmit|re-?attempt|(?:may|can) be revised|(?:may|can) revise (?:it|them|and)|(?:ask|asks|request|requests) (?:for )?revisions?|revisions? (?:is|are|may be|will be) requested|(?:${NUM}|unlimited|multiple)\\s+(?:attempts|submissions|tries)|up to ${NUM}\\s+(?:times|attempts|submissions|resubmissions))\\b`,
  'i',
);
/** Students revising their work is part of the practice, not of the assessment. */
const ABOUT_STUDENTS_RE = /\b(?:students?|learners?|pupils?|children|kids)\b/i;
const ABOUT_CANDIDATE_RE = /\b(?:you (?:may|can|will|are|have)|candidates?|educators?|earners?|applicants?|assessors?|reviewers?|badges?|credentials?|micro-?credentials?|portfolios?)\b/i;
/** Statements that rule resubmission out. */
const NO_RESUBMIT_RE =
  /\b(?:only one (?:attempt|submission|try)|one attempt only|single attempt|one submission only|all (?:decisions|scores) are final|may not be resubmitted|cannot be resubmitted)\b/i;
/** A field value that says resubmission is not allowed. */
const FIELD_NO_RE = /^\s*(?:no\b|not\b|none\b|false\b|never\b|n\/a\b|0\b|disallowed|prohibited)|\bnot (?:allowed|permitted|accepted|possible|offered|available)\b/i;

export default defineRule({
  id: 'resubmission',
  aspect: 'assessment',
  description: 'A candidate who does not pass can revise and resubmit; the offering says how (which parts, how many attempts).',
  summary: 'no resubmission policy',
  rationale:
    'A micro-credential certifies growth toward a competency; a "Not Yet" should lead to revision, not a dead end. Providers state the policy: resubmit only the failing parts (BloomBoard, up to 3 times then a coach meeting), unlimited (Utah), "invited to try again" (Digital Promise).',
  source: 'BloomBoard (resubmit failing parts, at most 3 submissions then coach); Utah (unlimited resubmission); Digital Promise ("invited to try again"); domain research §6 rule 9.',
  fix: 'State the resubmission policy, e.g. "If any criterion is rated Not Yet, you may revise and resubmit that part up to two times at no extra cost."',
  anchor: 'assessment',
  params: z.strictObject({}),
  examples: {
    pass: '## Assessment Process\nIf a part is scored Not Yet, you may revise and resubmit it up to two times.',
    fail: '## Assessment Process\nAssessors score each submission once.',
  },
  check(doc) {
    const field = doc.data.assessment?.resubmission;
    if (field !== undefined && !isBlank(field)) {
      const no = typeof field === 'boolean' ? !field : typeof field === 'number' ? field <= 0 : FIELD_NO_RE.test(field);
      if (!no) return [];
      return [{ message: 'resubmission is not allowed: `assessment.resubmission` says no', at: 'assessment.resubmission', fix: 'Allow at least one resubmission of the parts rated Not Yet, and say so in `assessment.resubmission`.' }];
    }
    const positive = (s: Spot) => !negatedBefore(s.block.text, s.index) && !negatedAfter(s.block.text, s.index + s.length);
    const spots = sentenceSpots(doc, RESUBMIT_RE, SCOPES, (s) => !ABOUT_STUDENTS_RE.test(s.sentence.text) || ABOUT_CANDIDATE_RE.test(s.sentence.text));
    const allowed = spots.filter(positive);
    const ruledOut = firstSpot(doc, NO_RESUBMIT_RE) ?? spots.find((s) => !positive(s));
    // A permission counts unless it sits in the very sentence that rules resubmission out.
    const sameSentence = (a: Spot, b: Spot) => a.block === b.block && a.sentence.start === b.sentence.start;
    if (allowed.some((s) => !ruledOut || !sameSentence(s, ruledOut))) return [];
    if (ruledOut) {
      return [
        {
          message: 'the offering says resubmission is not allowed: a candidate rated Not Yet cannot revise and try again',
          at: spotPos(ruledOut),
          quote: spotQuote(ruledOut),
          fix: 'Allow at least one resubmission of the parts rated Not Yet, e.g. "You may revise and resubmit any part rated Not Yet up to two times."',
        },
      ];
    }
    return [{ message: 'the offering does not say whether a candidate who does not pass can revise and resubmit' }];
  },
});
