/**
 * Template placeholders left in a draft ("[Describe …]", "TODO", "<insert …>"), as findings
 * for `mcaudit lint`. They are reported to the author and fail lint, but take no part in
 * scoring: the rules already treat a placeholder-only field as missing.
 */
import { posIn, quoteAround, PLACEHOLDER_RE } from '../rules/text.js';
import type { Doc, Finding } from '../types.js';

const ALL = new RegExp(PLACEHOLDER_RE.source, 'gi');

export const PLACEHOLDER_RULE_ID = 'placeholder';

/** One finding per placeholder, in document order. */
export function placeholderFindings(doc: Doc): Finding[] {
  const out: Finding[] = [];
  for (const b of doc.blocks) {
    ALL.lastIndex = 0;
    for (let m = ALL.exec(b.text); m; m = ALL.exec(b.text)) {
      // A table row's text is its cells re-joined, so columns inside it are not exact: point at the row.
      const pos = b.kind === 'row' ? { line: b.line, column: b.column } : posIn(b, m.index);
      const text = m[0].length > 60 ? `${m[0].slice(0, 59)}…` : m[0];
      out.push({
        ruleId: PLACEHOLDER_RULE_ID,
        aspect: null,
        severity: 'warning',
        message: `placeholder left in: ${text}`,
        fix: 'Replace the placeholder with your own text (the comment above it says what a strong answer holds).',
        line: pos.line,
        column: pos.column,
        path: b.path ?? null,
        quote: quoteAround(b.text, m.index, m[0].length),
      });
      if (m[0].length === 0) ALL.lastIndex++;
    }
  }
  return out;
}
