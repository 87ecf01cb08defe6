import { z } from 'zod';
import { defineRule } from '../define.js';
import { isBlank, wordCount } from '../text.js';

export default defineRule({
  id: 'competency-present',
  aspect: 'grain-size',
  description: 'The offering states the competency it certifies.',
  summary: 'no competency statement',
  rationale:
    'A micro-credential verifies one discrete competency; without a competency statement there is nothing to demonstrate or assess.',
  source: 'New America 2021 (definition of an educator MC); Digital Promise framework: "single competency" guarantee.',
  fix: 'Add a "Competency" section (or `competency:` field) with one sentence naming the educator action, e.g. "Educator uses wait time after questions to increase student response."',
  anchor: 'competency',
  params: z.strictObject({
    /** Fewer words than this is not a statement. */
    minWords: z.number().int().min(1),
  }),
  examples: {
    pass: '## Competency\nEducator uses think-pair-share to increase participation in whole-class discussion.',
    fail: '## Competency\nTBD',
  },
  check(doc, params) {
    const c = doc.data.competency;
    if (c === undefined || isBlank(c)) {
      return [{ message: c === undefined ? 'no competency statement (no "Competency" section or `competency` field)' : 'the competency statement is empty or a placeholder' }];
    }
    const n = wordCount(c);
    if (n < params.minWords) {
      return [{ message: `the competency statement has ${n} word${n === 1 ? '' : 's'}; a statement names an actor, an action and its purpose (at least ${params.minWords} words)`, at: 'competency', quote: c }];
    }
    return [];
  },
});
