import { z } from 'zod';
import type { Hit } from '../../types.js';
import { defineRule } from '../define.js';
import { wordCount } from '../text.js';
import { analyseClauses, competencyView, isActionWord, posAtView, tokenize } from './util.js';

/** Inline list markers: "1)", "(a)", "(ii)", "a)". Counted when two or more differ. */
const INLINE_MARKER_RE = /(?:^|[\s:;,])(\((?:[1-9]|[a-h]|i{1,3}|iv)\)|(?:[1-9]|[a-h])\))(?=\s)/g;
/** List lines inside one text value: "\n- …", "\n* …", "\n2. …". */
const LIST_LINE_RE = /(?:^|\n)[ \t]{0,8}(?:[-*+•]|\d{1,2}[.)])[ \t]/g;

function inlineMarkers(text: string): number {
  const seen = new Set<string>();
  INLINE_MARKER_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = INLINE_MARKER_RE.exec(text))) seen.add(m[1]!.replace(/[()]/g, ''));
  let lines = 0;
  LIST_LINE_RE.lastIndex = 0;
  while (LIST_LINE_RE.exec(text)) lines++;
  return Math.max(seen.size, lines);
}

export default defineRule({
  id: 'single-competency',
  aspect: 'grain-size',
  description: 'The competency names one discrete skill in one statement of bounded length, not several practices or a list.',
  summary: 'the competency bundles several skills',
  rationale:
    'A micro-credential verifies one discrete, "bite-sized" competency. A statement that joins several practices, each with its own action verb, or lists outcomes cannot be demonstrated and scored as one skill; broader skills belong in a stack of micro-credentials.',
  source: 'Digital Promise framework ("single competency", S6); CCSSO/Digital Promise design principles (S3); New America 2022 ("one very specific bite-sized competency", S1); domain.md §1 Aspect 1 and §6 rule 1.',
  fix: 'Keep one educator action and its purpose, e.g. "Educator uses wait time after questions to increase student response." Move each other practice into its own micro-credential and group them as a stack.',
  anchor: 'competency',
  params: z.strictObject({
    /** A competency longer than this is not one bite-sized statement. */
    maxWords: z.number().int().min(1),
  }),
  examples: {
    pass: '## Competency\nEducator designs and implements a think-pair-share routine to increase participation in whole-class discussion.',
    fail: '## Competency\nEducator designs rubrics and facilitates peer feedback and analyzes student data.',
  },
  check(doc, params) {
    const view = competencyView(doc);
    if (!view) return [];
    const hits: Hit[] = [];
    const at = posAtView(view, 0);
    const quote = view.plain;

    // A Markdown competency section written as a list of actions.
    const items = doc.blocks.filter((b) => b.scope === 'competency' && b.kind === 'item' && (b.path === undefined || b.path === 'competency'));
    if (items.length > 1) {
      const left = items.reduce((min, b) => Math.min(min, b.column), Infinity);
      const top = items.filter((b) => b.column === left && tokenize(b.text).some((t) => !t.p && isActionWord(t.w)));
      if (top.length > 1) {
        hits.push({
          message: `the competency is a list of ${top.length} actions, not one skill`,
          at: { line: top[0]!.line, column: top[0]!.column },
          quote: top.map((b) => b.text.split('\n')[0]).join(' / '),
        });
        return hits;
      }
    }

    const markers = inlineMarkers(view.text);
    if (markers > 1) {
      hits.push({ message: `the competency is a list of ${markers} items, not one skill`, at, quote });
      return hits;
    }

    const { clauses } = analyseClauses(view.text);
    if (clauses.length > 1) {
      const verbs = clauses.map((c) => `"${c.verb}"`).join(', ');
      const separate = clauses.some((c) => c.joint === 'sentence');
      const semicolon = clauses.some((c) => c.joint === ';');
      // Two clauses joined by "and" may still be one practice ("identifies a need and selects an
      // intervention"): half the points. Three or more, or separate statements, are several skills.
      const partial = clauses.length === 2 && !separate && !semicolon;
      hits.push({
        message: separate
          ? `the competency states ${clauses.length} separate actions (${verbs}) in separate sentences; one micro-credential verifies one skill`
          : `the competency joins ${clauses.length} practices, each with its own action verb (${verbs}); one micro-credential verifies one skill`,
        at,
        quote,
        ...(partial ? { credit: 0.5 } : {}),
      });
      return hits;
    }

    const n = wordCount(view.plain);
    if (n > params.maxWords) {
      hits.push({
        message: `the competency statement has ${n} words (more than ${params.maxWords}); a single skill fits in one short sentence`,
        at,
        quote,
        credit: 0.5,
        fix: 'Shorten the competency to one sentence: actor, action, practice and purpose. Move detail into the key method and method components.',
      });
    }
    return hits;
  },
});
