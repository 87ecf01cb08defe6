import { z } from 'zod';
import { defineRule } from '../define.js';
import { evidenceAt, isPractice, joinList, seatTimeLabels, units } from './util.js';

export default defineRule({
  id: 'practice-artifact',
  aspect: 'evidence',
  description:
    'At least one required artifact comes from practice with learners: video or audio of teaching, student work, an implemented plan, an observation, student data or student feedback.',
  summary: 'no artifact from practice with learners',
  rationale:
    'A micro-credential certifies a practice, so the evidence must come from doing it with real learners. Reflection, essays, quizzes, attendance or a completion certificate show participation, not competence: a participation badge is not a micro-credential, and essays can mask a lack of learning.',
  source:
    'Digital Promise list of evidence types (S6); Utah evidence of implementation; BloomBoard authenticity rules (S8); Kennesaw badge taxonomy (participation "souvenirs" are not MCs); CompetencyWorks (RI Assessment for Learning Project) on essays.',
  fix: 'Require at least one artifact from teaching real learners, e.g. "Submit a 10-minute video of a lesson in which you use wait time" or "three samples of student work from the implemented lesson".',
  anchor: 'evidence',
  params: z.strictObject({}),
  examples: {
    pass: '## Evidence\n- A 10-minute video of a lesson in which you use wait time.\n- A 300-word reflection on what changed.',
    fail: '## Evidence\n- A 500-word essay on why wait time matters.\n- A reflection on what you learned.',
  },
  check(doc) {
    const all = units(doc);
    if (!all.length) return [];
    // Overview and reflection prompts keep practice types only when they say to submit the artifact.
    if (all.some(isPractice)) return [];
    // Name what was asked instead.
    const labels: string[] = [];
    const add = (l: string) => {
      if (!labels.includes(l)) labels.push(l);
    };
    for (const u of all) {
      if (u.kind === 'overview') add('overview questions');
      if (u.types.has('reflection') || u.kind === 'reflection') add('reflection');
      if (u.kind !== 'overview' && u.types.has('written')) add('an essay or written response');
      if (u.types.has('plan')) add('a plan that is not taught');
      for (const s of seatTimeLabels(u.text)) add(s);
    }
    const what = labels.length ? `evidence is ${joinList(labels)} only; ` : '';
    return [
      {
        message: `${what}no artifact from practice with learners (video or audio of teaching, student work, an implemented lesson plan, an observation or student data)`,
        ...evidenceAt(doc),
      },
    ];
  },
});
