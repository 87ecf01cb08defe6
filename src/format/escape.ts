/**
 * Escaping at each format's boundary. Every piece of document text goes through one of
 * these before it reaches HTML, Markdown or CSV output. All expressions are linear.
 */
import { stripControl } from './sanitize.js';

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML element content or a quoted attribute value. Control characters are removed. */
export function escapeHtml(value: unknown): string {
  return stripControl(String(value ?? '')).replace(/[&<>"']/g, (c) => HTML[c]!);
}

/**
 * Text for Markdown (GitHub-flavoured), inline: HTML is neutralised as entities, the
 * punctuation that formats or links mid-line is backslash-escaped (so `|` cannot end a
 * table cell, `*`, `_`, `~` or a backtick cannot format, `[` cannot start a link), and
 * newlines become `<br>` so a value stays on its line and in its table cell. The value
 * is always placed after other text (a cell, a list marker, a label), never at the
 * start of a line, so line-start syntax (`#`, `-`, `1.`) cannot take effect.
 */
export function escapeMarkdown(value: unknown): string {
  return stripControl(String(value ?? ''))
    .replace(/[&<>]/g, (c) => HTML[c]!)
    .replace(/[\\`*_[\]|~]/g, '\\$&')
    .replace(/\r\n?|\n/g, '<br>')
    .replace(/\t/g, ' ');
}

/** Characters that make a spreadsheet read a cell as a formula (or a DDE command). */
const FORMULA_START = /^[=+\-@\t\r\n]/;

/** Prefix a cell that a spreadsheet would run as a formula with an apostrophe. */
export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * One CSV field (RFC 4180): numbers as they are; text has control characters removed
 * (but tab, CR and LF), is neutralised against formulas, and is quoted when it holds a
 * comma, quote, CR or LF, with quotes doubled.
 */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  // eslint-disable-next-line no-control-regex
  // Line breaks inside a cell become LF (CRLF ends records only); other controls go.
  const s = neutraliseCell(value.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, ''));
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One CSV record, CRLF-terminated. */
export function csvRow(values: readonly (string | number | null | undefined)[]): string {
  return values.map(csvField).join(',') + '\r\n';
}
