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

/** `value` as report JSON, indented to sit `pad` deep inside the report (the streamed JSON path). */
export function jsonAt(value: unknown, pad: string): string {
  return escapeJsonText(JSON.stringify(value, null, 2)).replace(/\n/g, `\n${pad}`);
}

/** One offering as it appears in the report's `offerings` array. */
export const offeringJson = (o: unknown): string => jsonAt(o, '    ');
