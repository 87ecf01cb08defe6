import { z } from 'zod';
import { defineRule } from '../define.js';
import { isBlank, wordCount } from '../text.js';

/** Separators of components written in one value: list lines, semicolons, "1)", "(2)", "3.". */
const SPLIT_RE = /\n[ \t]{0,8}(?:[-*+•]|\d{1,2}[.)])?[ \t]*|;\s*|(?:^|\s)\(?\d{1,2}\)\s|(?:^|\s)\d{1,2}\.\s/;

function countIn(item: string): number {
  return item.split(new RegExp(SPLIT_RE.source, 'g')).filter((p) => p !== undefined && wordCount(p) >= 2 && !isBlank(p)).length;
}

export default defineRule({
  id: 'method-components',
  aspect: 'grain-size',
  description: 'The key method is broken into method components: the steps an assessor looks for in the evidence.',
  summary: 'too few method components',
  rationale:
    'Method components break the key method into the observable steps of the practice; they tell earners what to show and let criteria be written against each step.',
  source: 'Digital Promise template ("Method Components" section, S6); NEA micro-credential anatomy ("key method & method components", S7); domain.md §1 Aspect 1 and §6 rule 2.',
  fix: 'Add a "Method Components" section listing the steps of the key method, one per item, e.g. "1. Pose the question to the whole class. 2. Wait 3-5 seconds before calling on anyone. 3. Wait again after the answer before responding."',
  anchor: 'methodComponents',
  params: z.strictObject({
    /** The fewest components that break a method into steps. */
    min: z.number().int().min(1),
  }),
  examples: {
    pass: '## Method Components\n- Pose the question to the whole class.\n- Wait three to five seconds before calling on a student.\n- Wait again after the answer before responding.',
    fail: '## Method Components\n- Use wait time.',
  },
  check(doc, params) {
    const list = doc.data.methodComponents;
    if (list === undefined) return [{ message: 'no method components are listed (no "Method Components" section or `methodComponents` field)' }];
    const real = list.filter((c) => !isBlank(c));
    let n = real.length;
    if (n === 1) n = Math.max(1, countIn(real[0]!));
    if (n === 0) return [{ message: 'the method components are empty or placeholders', at: 'methodComponents' }];
    if (n < params.min) {
      return [
        {
          message: `only ${n} method component${n === 1 ? ' is' : 's are'} listed; break the key method into at least ${params.min} steps`,
          at: 'methodComponents',
          quote: real.join(' / ').slice(0, 200),
          credit: 0.5,
        },
      ];
    }
    return [];
  },
});
