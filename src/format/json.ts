import type { Report } from '../report.js';
import { whole, type CatalogReport, type Formatter, type PartsFormatter } from './types.js';

/**
 * DEL, C1 controls (U+0080-U+009F, which some terminals read as escape sequences),
 * bidirectional overrides and U+2028/U+2029: JSON.stringify leaves them raw, so they are
 * written as \u escapes. They can only occur inside strings, so the parsed value is the same.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u007F-\u009F\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

/** Escape what JSON.stringify leaves raw but a terminal or a JavaScript parser would act on. */
export function escapeJsonText(json: string): string {
  return json.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * The report's JSON up to its first offering. With `jsonBefore`, each offering's
 * `offeringJson` and `jsonTail`, the pieces are escapeJsonText(JSON.stringify(report, null, 2))
 * and a newline: the JSON report, written without ever holding it as one string.
 */
export function jsonHead(report: Pick<Report, 'tool' | 'rubric' | 'rules'>): string {
  return `{\n  "tool": ${jsonAt(report.tool, '  ')},\n  "rubric": ${jsonAt(report.rubric, '  ')},\n  "rules": ${jsonAt(report.rules, '  ')},\n  "offerings": [`;
}

/** What goes before the offering at `index`. */
export function jsonBefore(index: number): string {
  return `${index === 0 ? '' : ','}\n    `;
}

/** After `count` offerings: the summary, then every other field of the report, in its order. */
export function jsonTail(report: CatalogReport, count: number): string {
  let out = `${count === 0 ? ']' : '\n  ]'},\n  "summary": ${jsonAt(report.summary, '  ')}`;
  for (const [k, v] of Object.entries(report)) {
    if (v !== undefined && !HEAD_FIELDS.has(k)) out += `,\n  ${JSON.stringify(k)}: ${jsonAt(v, '  ')}`;
  }
  return `${out}\n}\n`;
}
const HEAD_FIELDS: ReadonlySet<string> = new Set(['tool', 'rubric', 'rules', 'offerings', 'summary']);

/** The report as JSON (the documented shape; control characters are escaped), in pieces. */
export const jsonParts: PartsFormatter = function* (report, offerings) {
  yield jsonHead(report);
  let n = 0;
  for (const o of offerings()) yield jsonBefore(n++) + offeringJson(o);
  yield jsonTail(report, n);
};

export const json: Formatter = whole(jsonParts);

/**
 * `value` as report JSON, indented to sit `pad` (an even number of spaces) deep inside the
 * report: the streamed JSON path. JSON.stringify indents it there itself when it is wrapped
 * in one array per level, which is faster than indenting its lines afterwards.
 */
export function jsonAt(value: unknown, pad: string): string {
  const s = unescapedAt(value, pad);
  return isPlainAscii(s) ? s : escapeJsonText(s);
}

/** What `jsonAt` gives before `escapeJsonText`. */
function unescapedAt(value: unknown, pad: string): string {
  const levels = pad.length / 2;
  if (value === undefined || !Number.isInteger(levels) || pad !== ' '.repeat(pad.length)) {
    return JSON.stringify(value, null, 2).replace(/\n/g, `\n${pad}`);
  }
  let wrapped: unknown = value;
  for (let i = 0; i < levels; i++) wrapped = [wrapped];
  // Before the value, "[\n" and 2, 4, … spaces per level ("[\n  [\n    " for two); after it,
  // "\n", 0, 2, … spaces and "]" per level ("\n  ]\n]").
  const all = JSON.stringify(wrapped, null, 2);
  return all.slice(levels * (levels + 3), all.length - levels * (levels + 1));
}

/** True when `s` is ASCII without DEL: nothing in it for `escapeJsonText` to escape. */
function isPlainAscii(s: string): boolean {
  return Buffer.byteLength(s) === s.length && !s.includes('\x7f');
}

/** One offering as it appears in the report's `offerings` array. */
export const offeringJson = (o: unknown): string => jsonAt(o, '    ');

const OFFERING_END = '\n    }';

/**
 * An offering rendered by `offeringJson` (UTF-8; an object with at least one field) with
 * more fields added at its end: the same bytes as rendering the offering with them, without
 * parsing it again. Throws when `rendered` does not end as such an offering does.
 */
export function withTrailingFields(rendered: Uint8Array, fields: Record<string, unknown>): Buffer {
  const b = Buffer.from(rendered.buffer, rendered.byteOffset, rendered.byteLength);
  const end = b.length - OFFERING_END.length;
  if (end < 1 || b.toString('latin1', end) !== OFFERING_END) throw new Error('withTrailingFields: not a rendered offering with fields');
  let more = '';
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) more += `,\n      ${JSON.stringify(k)}: ${jsonAt(v, '      ')}`;
  return Buffer.concat([b.subarray(0, end), Buffer.from(`${more}${OFFERING_END}`, 'utf8')]);
}

/**
 * `offeringJson(o)` as UTF-8 (see `utf8Bytes`). The text is encoded first and the bytes are
 * searched for what needs escaping: a byte search is much faster than a regex over the text,
 * and the text needs encoding anyway. Escaped and encoded again only when something is found.
 */
export function offeringBytes(o: unknown): Uint8Array {
  const s = unescapedAt(o, '    ');
  const b = utf8Bytes(s);
  return hasUnsafeUtf8(b) ? utf8Bytes(escapeJsonText(s)) : b;
}

/**
 * Whether UTF-8 bytes hold a character `escapeJsonText` escapes: DEL (7F), U+0080-U+009F
 * (C2 80-9F), U+200E/U+200F (E2 80 8E-8F), U+2028-U+202E (E2 80 A8-AE) or U+2066-U+2069
 * (E2 81 A6-A9). C2 and E2 only ever lead a character, so each is found with a byte search.
 */
function hasUnsafeUtf8(b: Buffer): boolean {
  if (b.indexOf(0x7f) >= 0) return true;
  for (let i = b.indexOf(0xc2); i >= 0; i = b.indexOf(0xc2, i + 1)) {
    const n = b[i + 1]!;
    if (n >= 0x80 && n <= 0x9f) return true;
  }
  for (let i = b.indexOf(0xe2); i >= 0; i = b.indexOf(0xe2, i + 1)) {
    const b1 = b[i + 1];
    const b2 = b[i + 2]!;
    if (b1 === 0x80 && (b2 === 0x8e || b2 === 0x8f || (b2 >= 0xa8 && b2 <= 0xae))) return true;
    if (b1 === 0x81 && b2 >= 0xa6 && b2 <= 0xa9) return true;
  }
  return false;
}

/**
 * UTF-8 bytes of `s` in an ArrayBuffer of their own (so a worker can transfer them without
 * a copy). ASCII text, the usual report, is copied byte for byte, which is faster than encoding.
 */
export function utf8Bytes(s: string): Buffer {
  const n = Buffer.byteLength(s);
  const b = Buffer.allocUnsafeSlow(n);
  b.write(s, n === s.length ? 'latin1' : 'utf8');
  return b;
}
