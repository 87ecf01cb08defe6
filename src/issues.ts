/**
 * zod issues as one plain line each (`path: message`), with a "did you mean" for an
 * unknown key when the schema knows a close one. Used for rubric and config files.
 */
import type { z } from 'zod';
import { nearest } from './rubric/load.js';

/**
 * Parse options for a small document read once per run (a rubric, a config file). zod
 * compiles a fast parser for each object schema with `new Function` on its first use; for
 * one small document that costs more than it saves (about 10 ms of a one-file lint, for
 * the rubric's schema and each rule's parameters). Schemas run on every offering keep it.
 */
export const PARSE_ONCE = { jitless: true } as const;

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  valueType?: z.ZodType;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  options?: z.ZodType[];
}

const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Unwrap optional/default/nullable/pipe wrappers. */
function unwrap(s: z.ZodType): z.ZodType {
  let cur = s;
  for (let i = 0; i < 20; i++) {
    const d = defOf(cur);
    if ((d.type === 'optional' || d.type === 'default' || d.type === 'nullable' || d.type === 'prefault' || d.type === 'readonly') && d.innerType) cur = d.innerType;
    else if (d.type === 'pipe' && d.in) cur = d.in;
    else return cur;
  }
  return cur;
}

/** The keys an object schema at `path` knows, or [] when there is no object there. */
export function knownKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let cur: z.ZodType | undefined = unwrap(schema);
  for (const key of path) {
    if (!cur) return [];
    const d = defOf(cur);
    if (d.type === 'object' && d.shape) cur = d.shape[String(key)];
    else if (d.type === 'record') cur = d.valueType;
    else if (d.type === 'array') cur = d.element;
    else return [];
    if (cur) cur = unwrap(cur);
  }
  if (!cur) return [];
  const d = defOf(cur);
  return d.type === 'object' && d.shape ? Object.keys(d.shape) : [];
}

function joinPath(p: readonly PropertyKey[]): string {
  return p.map(String).join('.') || '(root)';
}

/** One line per problem: `path: message`; unknown keys get their own line with a suggestion. */
export function issueLines(error: Pick<z.ZodError, 'issues'>, schema: z.ZodType, base: (string | number)[] = []): string[] {
  const lines: string[] = [];
  for (const i of error.issues) {
    if (i.code === 'unrecognized_keys') {
      const known = knownKeysAt(schema, i.path);
      for (const k of i.keys) {
        const near = nearest(k, known);
        lines.push(`${joinPath([...base, ...i.path, k])}: unknown key${near ? ` (did you mean "${near}"?)` : known.length ? ` (known keys: ${known.join(', ')})` : ''}`);
      }
    } else {
      lines.push(`${joinPath([...base, ...i.path])}: ${i.message}`);
    }
  }
  return lines;
}
