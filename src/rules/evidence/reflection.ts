import { z } from 'zod';
import { defineRule } from '../define.js';
import { evidenceAt, REFLECTION_RE, found, units } from './util.js';

export default defineRule({
  id: 'reflection',
  aspect: 'evidence',
  description: 'The submission includes a reflection by the educator on the practice and its results.',
  summary: 'no reflection requested',
  rationale:
    'Reflection connects the artifacts to the competency: the educator explains what they did, what happened for students and what they would change. It is Part 3 of the standard submission.',
  source: 'Digital Promise and NEA three-part submission, Part 3 Reflection (S6, S7); Utah evidence of reflection; UMD badges require a reflection plus artifacts.',
  fix: 'Add a reflection part, e.g. "Part 3: Reflection (300-word limit): How did wait time change your students\' responses, and what will you change next?"',
  anchor: 'evidence',
  params: z.strictObject({}),
  examples: {
    pass: '## Evidence\n- A 10-minute video of a lesson.\n\n## Part 3. Reflection\nReflect on how your students responded (300 words).',
    fail: '## Evidence\n- A 10-minute video of a lesson.\n- Three student work samples.',
  },
  check(doc) {
    const all = units(doc);
    if (!all.length) return [];
    if (all.some((u) => u.kind === 'reflection' || u.types.has('reflection'))) return [];
    if (found(doc, REFLECTION_RE)) return [];
    return [{ message: 'no reflection is requested; the submission has no part where the educator reflects on the practice and its impact', ...evidenceAt(doc) }];
  },
});
