import { z } from 'zod';
import { defineRule } from '../define.js';
import type { Hit } from '../../types.js';
import { blocksIn, globalOf, phraseRegex, posIn, quoteAround } from '../text.js';

/** A learner is the subject or owner of the phrase ("student participation", "students attend"). */
const LEARNER_BEFORE_RE = /\b(?:students?|learners?|pupils?|children|kids|class|classroom|peers?)(?:'s|s'|’s|s’|'|’)?\s+(?:[\w-]+\s+)?$/i;
/** A quiz or test the educator makes or gives to learners ("design a quiz"). */
const MADE_BEFORE_RE =
  /\b(?:design(?:ed|s)?|creat(?:e|ed|es)|writ(?:e|ten|es)|develop(?:ed|s)?|build|built|adapt(?:ed|s)?|administer(?:ed|s)?|give|gave|exit|formative|unit|weekly|teacher-made|student-made)\s+(?:(?:a|an|the|your|their)\s+)?(?:[\w-]+\s+)?$/i;
/** "attend to misconceptions", "attendance data", "a quiz for your students". */
const NOT_SEAT_AFTER_RE = /^\s+(?:to\b|data\b|rates?\b|patterns?\b|records?\b|(?:for|with) (?:your |the )?(?:students|learners|class)\b)/i;


export default defineRule({
  id: 'no-seat-time',
  aspect: 'evidence',
  description: 'The evidence is a demonstration of practice, not seat time (attendance, completing modules, watching webinars, quizzes, certificates of completion).',
  summary: 'seat-time evidence',
  rationale:
    'Micro-credentials are earned by demonstrating a competency, not by seat time. Attendance, completion certificates and quizzes show participation; a participation badge is not a micro-credential.',
  source:
    'New America 2022 (MCs are earned by demonstration, not seat time); Kennesaw badge taxonomy ("souvenirs" for participation); EU Council Recommendation 2022 (non-assessed attendance certificates are not MCs).',
  fix: 'Replace seat-time requirements with evidence of practice, e.g. instead of "Attend the webinar and pass the quiz", ask for "a 10-minute video of a lesson in which you use the strategy".',
  anchor: 'evidence',
  params: z.strictObject({
    /** Phrases that describe seat time rather than a demonstration. */
    phrases: z.array(z.string().min(1)).min(1),
  }),
  examples: {
    pass: '## Evidence\n- A 10-minute video of a lesson in which you use wait time.',
    fail: '## Evidence\n- Attend the two-hour webinar and upload your certificate of completion.',
  },
  check(doc, params) {
    const re = globalOf(phraseRegex(params.phrases));
    const hits: Hit[] = [];
    for (const b of blocksIn(doc, ['evidence'])) {
      re.lastIndex = 0;
      for (let m = re.exec(b.text); m; m = re.exec(b.text)) {
        if (m[0].length === 0) {
          re.lastIndex++;
          continue;
        }
        const before = b.text.slice(Math.max(0, m.index - 40), m.index);
        const after = b.text.slice(m.index + m[0].length, m.index + m[0].length + 20);
        if (LEARNER_BEFORE_RE.test(before) || MADE_BEFORE_RE.test(before) || NOT_SEAT_AFTER_RE.test(after)) continue;
        hits.push({
          message: `the evidence asks for seat time ("${m[0]}"), not a demonstration of practice`,
          at: posIn(b, m.index),
          quote: quoteAround(b.text, m.index, m[0].length),
        });
        break;
      }
    }
    re.lastIndex = 0;
    return hits;
  },
});
