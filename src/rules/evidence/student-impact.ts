import { z } from 'zod';
import { defineRule } from '../define.js';
import { evidenceAt, IMPACT_TYPES, found, units } from './util.js';

/** A prompt about the effect of the practice on students or their learning. */
const IMPACT_RE =
  /\b(?:impact|effects?|influence|difference)\s+(?:it |this |that |the \w+ )?(?:on|of|for)\b[^.?!\n]{0,60}\b(?:students?|learners?|pupils?|learning|achievement|outcomes|engagement)\b|\b(?:students?|learners?|pupils?)(?:'|’)?s?(?:'|’)?\s+(?:[\w-]+\s+)?(?:learning|growth|progress|outcomes|achievement|understanding|engagement|success|impact|reasoning|thinking|responses|participation|discourse|skills|performance|results|behaviou?r)\b|\bhow (?:did|does|do|will|has|have|might|can)\b[^.?!\n]{0,60}\b(?:affect|impact|influence|change|improve|shape)\w*\b[^.?!\n]{0,40}\b(?:students?|learners?|learning)\b|\bevidence of (?:student|learner) (?:learning|growth|progress)\b|\b(?:changed|affected|improved|influenced|shaped)\b[^.?!\n]{0,60}\b(?:students?|learners?|pupils?)\b|\bhow (?:your |the )?(?:students?|learners?|pupils?) (?:responded|reacted|engaged|participated|performed|progressed|grew|changed|learned)\b/i;

export default defineRule({
  id: 'student-impact',
  aspect: 'evidence',
  description: 'The evidence shows impact on students: student work, student data, student feedback, or a prompt about the effect on student learning.',
  summary: 'no evidence of impact on students',
  rationale:
    'The purpose of a teaching practice is student learning. Issuers ask for student work, pre/post data or student voice, and a reflection on the impact on students, so assessors see that the practice worked, not only that it was tried.',
  source: 'NEA/Digital Promise Part 3 reflection (impact on students) (S6, S7); Utah pre/post assessment data; NEA RP2 evidence list (pre-post assessment, student work samples); MPOS standards (S4).',
  fix: 'Ask for evidence of the effect on students, e.g. "three student work samples before and after the lesson" or "In 300 words, describe the impact on your students\' learning, citing the work samples."',
  anchor: 'evidence',
  params: z.strictObject({}),
  examples: {
    pass: '## Evidence\n- A lesson plan.\n- Pre/post assessment data for the class.',
    fail: '## Evidence\n- A lesson plan.\n- A 10-minute video of the lesson.',
  },
  check(doc) {
    const all = units(doc);
    if (!all.length) return [];
    if (all.some((u) => IMPACT_TYPES.some((t) => u.types.has(t)))) return [];
    if (found(doc, IMPACT_RE, ['evidence', 'rubric'])) return [];
    return [
      {
        message: 'no evidence of impact on students is requested (student work, student data, student feedback, or a prompt about the effect on student learning)',
        ...evidenceAt(doc),
      },
    ];
  },
});
