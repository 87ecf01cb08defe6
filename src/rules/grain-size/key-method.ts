import { z } from 'zod';
import { defineRule } from '../define.js';
import { isBlank, PLACEHOLDER_RE, wordCount } from '../text.js';

export default defineRule({
  id: 'key-method',
  aspect: 'grain-size',
  description: 'A key method names the specific, research-backed technique through which the competency is shown.',
  summary: 'no specific key method',
  rationale:
    'The key method turns a competency into something an assessor can look for: the one technique the educator uses and the evidence must show. Without it, earners and assessors each pick their own interpretation.',
  source: 'Digital Promise framework: "research-backed key method" guarantee and template section (S6); NEA micro-credential anatomy (S7); domain.md §1 Aspect 1 and §6 rule 2.',
  fix: 'Add a "Key Method" section (or `keyMethod` field) that names one technique and how it is used, e.g. "The educator pauses 3-5 seconds after posing a question and again after a student answers, before calling on anyone or responding."',
  anchor: 'keyMethod',
  params: z.strictObject({
    /** Fewer words than this cannot name and describe a technique. */
    minWords: z.number().int().min(1),
  }),
  examples: {
    pass: '## Key Method\nThe educator pauses three to five seconds after posing a question and again after a student answers, before responding.',
    fail: '## Key Method\nTBD',
  },
  check(doc, params) {
    const km = doc.data.keyMethod;
    if (km === undefined) return [{ message: 'no key method is stated (no "Key Method" section or `keyMethod` field)' }];
    if (isBlank(km)) return [{ message: 'the key method is empty or a placeholder', at: 'keyMethod', quote: km.trim().slice(0, 200) }];
    const ph = PLACEHOLDER_RE.exec(km);
    if (ph) return [{ message: `the key method still contains template text ("${ph[0]}")`, at: 'keyMethod', quote: km.trim().slice(0, 200) }];
    const n = wordCount(km);
    if (n < params.minWords) {
      return [
        {
          message: `the key method has ${n} word${n === 1 ? '' : 's'}; it should name a specific technique and how it is used (at least ${params.minWords} words)`,
          at: 'keyMethod',
          quote: km.trim(),
        },
      ];
    }
    return [];
  },
});
