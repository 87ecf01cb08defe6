/**
 * Reviewer waivers: a JSON or YAML file of `{offering, rule, reason, reviewer, date}`
 * entries, validated with zod. A problem is a UsageError (exit 2) naming the entry and field.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { UsageError } from '../errors.js';
import { formatZodIssues } from '../rubric/load.js';

const nonEmpty = z.string().trim().min(1, 'must not be empty');

export const waiverSchema = z.strictObject({
  /** The offering's id, or its file path (relative to the working directory, forward slashes). */
  offering: nonEmpty,
  /** The rule id whose findings are waived on that offering. */
  rule: nonEmpty,
  /** Why the reviewer accepts the finding. */
  reason: nonEmpty,
  reviewer: nonEmpty,
  /** When the waiver was granted, YYYY-MM-DD. */
  // (YAML 1.2, as the yaml package reads it, keeps an unquoted 2026-05-01 a string.)
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'use a date as YYYY-MM-DD', abort: true })
    .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'not a calendar date'),
});

export type Waiver = z.output<typeof waiverSchema>;

export class WaiversError extends UsageError {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`invalid waivers file ${file}:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
}

/** Parse and validate waivers text. `file` names the source in errors and picks the parser by extension. */
export function parseWaivers(text: string, file: string): Waiver[] {
  const isJson = /\.json$/i.test(file);
  let data: unknown;
  try {
    data = isJson ? JSON.parse(text.replace(/^\uFEFF/, '')) : parseYaml(text, { maxAliasCount: 100 });
  } catch (e) {
    throw new WaiversError(file, [`not valid ${isJson ? 'JSON' : 'YAML'}: ${(e as Error).message.split('\n')[0]}`]);
  }
  // An array at the top, or { waivers: [...] }. Report array errors with the array's own paths.
  const list = Array.isArray(data) ? data : data && typeof data === 'object' && 'waivers' in data ? (data as { waivers: unknown }).waivers : data;
  const base = Array.isArray(data) ? [] : ['waivers'];
  if (!Array.isArray(list)) throw new WaiversError(file, ['expected a list of waivers (or an object with a "waivers" list)']);
  if (!Array.isArray(data)) {
    const extra = Object.keys(data as object).filter((k) => k !== 'waivers');
    if (extra.length) throw new WaiversError(file, extra.map((k) => `${k}: unknown key (only "waivers" is allowed at the top)`));
  }
  const parsed = z.array(waiverSchema).safeParse(list);
  if (!parsed.success) throw new WaiversError(file, formatZodIssues(parsed.error, base));
  // File paths as reported: forward slashes, no leading "./".
  return parsed.data.map((w) => ({ ...w, offering: w.offering.replace(/\\/g, '/').replace(/^(?:\.\/)+/, '') }));
}

/** Read and validate a waivers file (JSON by extension, otherwise YAML). */
export function loadWaivers(file: string, cwd: string): Waiver[] {
  let text: string;
  try {
    text = readFileSync(path.resolve(cwd, file), 'utf8');
  } catch (e) {
    throw new WaiversError(file, [`cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`]);
  }
  return parseWaivers(text, file);
}
