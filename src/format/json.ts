import type { Formatter } from './types.js';

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

/** The report as JSON (the documented shape; control characters are escaped). */
export const json: Formatter = (report) => escapeJsonText(JSON.stringify(report, null, 2)) + '\n';

/**
 * `value` as report JSON, indented to sit `pad` (an even number of spaces) deep inside the
 * report: the streamed JSON path. JSON.stringify indents it there itself when it is wrapped
 * in one array per level, which is faster than indenting its lines afterwards.
 */
export function jsonAt(value: unknown, pad: string): string {
  const levels = pad.length / 2;
  if (value === undefined || !Number.isInteger(levels) || pad !== ' '.repeat(pad.length)) {
    return escapeJsonText(JSON.stringify(value, null, 2)).replace(/\n/g, `\n${pad}`);
  }
  let wrapped: unknown = value;
  for (let i = 0; i < levels; i++) wrapped = [wrapped];
  // Before the value, "[\n" and 2, 4, … spaces per level ("[\n  [\n    " for two); after it,
  // "\n", 0, 2, … spaces and "]" per level ("\n  ]\n]").
  const all = JSON.stringify(wrapped, null, 2);
  const s = all.slice(levels * (levels + 3), all.length - levels * (levels + 1));
  return isPlainAscii(s) ? s : escapeJsonText(s);
}

/** True when `s` is ASCII without DEL: nothing in it for `escapeJsonText` to escape. */
function isPlainAscii(s: string): boolean {
  return Buffer.byteLength(s) === s.length && !s.includes('\x7f');
}

/** One offering as it appears in the report's `offerings` array. */
export const offeringJson = (o: unknown): string => jsonAt(o, '    ');

/**
 * UTF-8 bytes of `s` in an ArrayBuffer of their own (so a worker can transfer them without
 * a copy). ASCII text, the usual report, is copied byte for byte, which is faster than encoding.
 */
export function utf8Bytes(s: string): Uint8Array {
  const n = Buffer.byteLength(s);
  const b = Buffer.allocUnsafeSlow(n);
  b.write(s, n === s.length ? 'latin1' : 'utf8');
  return b;
}
