import { z } from 'zod';
import { defineRule } from '../define.js';
import { evidenceAt, joinList, TYPE_LABELS, TYPES, units, type EvType } from './util.js';

export default defineRule({
  id: 'multiple-evidence-types',
  aspect: 'evidence',
  description:
    'The evidence combines several types (video or audio, student work, lesson plan, observation, student data, student voice, reflection, written response).',
  summary: 'evidence of too few types',
  rationale:
    'One kind of evidence gives a narrow, easily gamed picture of practice. Issuers ask for planning, implementation and reflection evidence together; reviewers found that essays used by default mask shallow learning, so varied, practice-based media are preferred.',
  source:
    'Digital Promise list of acceptable evidence types (S6); NEA three-part submission (S7); Utah planning/implementation/reflection evidence; CompetencyWorks (RI Assessment for Learning Project).',
  fix: 'Ask for evidence of more than one type, e.g. "a lesson plan, a 10-minute video of the lesson, and a 300-word reflection on student responses".',
  anchor: 'evidence',
  params: z.strictObject({
    /** Fewest distinct evidence types. */
    min: z.number().int().min(1),
  }),
  examples: {
    pass: '## Evidence\n- One lesson plan for a lesson that uses wait time.\n- A 10-minute video of the lesson.',
    fail: '## Evidence\n- A 500-word essay on how you use wait time.',
  },
  check(doc, params) {
    const all = units(doc);
    if (!all.length) return [];
    const found = new Set<EvType>();
    for (const u of all) for (const t of u.types) found.add(t);
    const n = found.size;
    if (n >= params.min) return [];
    const list = TYPES.filter((t) => found.has(t)).map((t) => TYPE_LABELS[t]);
    const what = n === 0 ? 'no recognisable evidence type' : `${n} evidence type${n === 1 ? '' : 's'} (${joinList(list)})`;
    return [
      {
        message: `the evidence is of ${what}; ask for at least ${params.min} distinct types`,
        ...evidenceAt(doc),
        credit: n / params.min,
      },
    ];
  },
});
