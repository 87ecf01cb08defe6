/**
 * Fixed limits on what a document may hold, so hostile input costs bounded time and
 * stack. They are documented in README (Safety).
 */

/** Largest file read by default, in bytes (`--max-file-size`). */
export const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;

/** Deepest nesting of mappings and lists read from front matter or JSON. Canonical fields are at most 5 deep. */
export const MAX_DEPTH = 100;

/** Most YAML aliases expanded in one front matter block (billion-laughs guard). */
export const MAX_ALIASES = 100;

/**
 * Most pairs of required evidence item and rubric criterion that criteria-cover-evidence
 * matches in one offering (1,000 of each). Real offerings have a handful of each; past the
 * limit the rule reports that it did not check, instead of running for minutes.
 */
export const MAX_MATCH_PAIRS = 1_000_000;

/**
 * Whether `value` nests objects or arrays more than `max` levels deep. Iterative (no
 * recursion), and it stops at the first path over the limit.
 */
export function nestedDeeperThan(value: unknown, max = MAX_DEPTH): boolean {
  const stack: { v: unknown; d: number }[] = [{ v: value, d: 0 }];
  while (stack.length) {
    const { v, d } = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (d + 1 > max) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) {
      if (typeof child === 'object' && child !== null) stack.push({ v: child, d: d + 1 });
    }
  }
  return false;
}

/** Whether an error is a JavaScript stack overflow (a parser recursing on deep input). */
export function isStackOverflow(e: unknown): boolean {
  return e instanceof RangeError || (e instanceof Error && /Maximum call stack size exceeded/.test(e.message));
}

export const TOO_DEEP = `nested more than ${MAX_DEPTH} levels deep (the limit); offerings need at most a few levels`;

