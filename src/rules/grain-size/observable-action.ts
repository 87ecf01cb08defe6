import { z } from 'zod';
import { defineRule } from '../define.js';
import { globalOf, phraseRegex } from '../text.js';
import { competencyView, isActionWord, posAtView, tokenize, type Token } from './util.js';


const JOINS = new Set(['and', 'then', ',', ';']);

/** Index of the first token at or after offset `i`. */
function tokenAt(tokens: readonly Token[], i: number): number {
  for (let k = 0; k < tokens.length; k++) if (tokens[k]!.i >= i) return k;
  return tokens.length;
}

export default defineRule({
  id: 'observable-action',
  aspect: 'grain-size',
  description: 'The competency is an observable educator action (uses, designs, implements, facilitates…), not knowledge or awareness.',
  summary: 'the competency is knowledge, not an observable action',
  rationale:
    'A micro-credential is earned by demonstrating a skill in practice and submitting evidence of it. "Understands", "explores" or "learns about" describe knowledge that cannot be observed in classroom evidence; every Digital Promise and NEA competency follows "Educator + action verb + practice + purpose".',
  source: 'Digital Promise competency template (S6); NEA micro-credential anatomy (S7); New America 2022 ("earned by demonstration", S1); domain.md §1 Aspect 1 (NEA "Educator explores restorative practices" scores lower) and §6 rule 1.',
  fix: 'Start the competency with an action the educator performs with students and that evidence can show, e.g. replace "Educator explores restorative practices" with "Educator facilitates a restorative circle after a classroom conflict so that students repair harm."',
  anchor: 'competency',
  params: z.strictObject({
    /** Verbs and phrases that state knowledge, awareness or belief rather than an action. */
    knowledgeVerbs: z.array(z.string().min(1)).min(1),
  }),
  examples: {
    pass: '## Competency\nEducator uses exit tickets to check for understanding and regroup students for the next lesson.',
    fail: '## Competency\nEducator explores restorative practices.',
  },
  check(doc, params) {
    const view = competencyView(doc);
    if (!view) return [];
    const tokens = tokenize(view.text);
    const re = globalOf(phraseRegex(params.knowledgeVerbs));
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(view.text))) {
      // A knowledge verb is the main verb when no action verb comes before it in its sentence
      // ("checks for understanding" is an action; "demonstrates an understanding of" is not).
      const k = tokenAt(tokens, m.index);
      let actionBefore = false;
      for (let j = k - 1; j >= 0; j--) {
        const t = tokens[j]!;
        if (t.p && t.end) break;
        if (!t.p && isActionWord(t.w)) {
          actionBefore = true;
          break;
        }
      }
      if (actionBefore) continue;
      // An action joined to it ("explores X and implements Y") earns part of the points.
      const end = m.index + m[0].length;
      let actionAfter = false;
      for (let j = tokenAt(tokens, end); j < tokens.length; j++) {
        const t = tokens[j]!;
        if (t.p && t.end) break;
        if (!t.p && isActionWord(t.w)) {
          const prev = tokens[j - 1];
          const prev2 = tokens[j - 2];
          if ((prev && JOINS.has(prev.w)) || (prev && (prev.w === 'also' || prev.w === 'then') && prev2 && JOINS.has(prev2.w))) {
            actionAfter = true;
            break;
          }
        }
      }
      const verb = m[0];
      return [
        {
          message: actionAfter
            ? `the competency starts with a knowledge verb ("${verb}") before the action it names; lead with the observable action`
            : `the competency states knowledge or awareness ("${verb}"), not an observable educator action`,
          at: posAtView(view, m.index),
          quote: view.plain,
          ...(actionAfter ? { credit: 0.5 } : {}),
        },
      ];
    }
    return [];
  },
});
