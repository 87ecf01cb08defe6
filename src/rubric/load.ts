/**
 * Loads and validates a rubric: its own shape (zod), then its agreement with the rule
 * registry (every rule configured, parameters valid for each rule's schema, policy
 * naming only known rules). Problems are collected, one line each, with their path.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { z } from 'zod';
import type { AnyRule } from '../rules/define.js';
import { RULES } from '../rules/index.js';
import { UsageError } from '../errors.js';
import { rubricFileSchema, type RubricFile } from './schema.js';

/** The folder of built-in rubrics, next to `src/` and `dist/`. */
export const RUBRICS_DIR = fileURLToPath(new URL('../../rubrics/', import.meta.url));

export interface ResolvedRule {
  rule: AnyRule;
  severity: RubricFile['rules'][string]['severity'];
  points: number;
  blocking: boolean;
  /** Level cap on the rule's aspect when the rule fails outright. */
  maxLevelWhenFailed?: 0 | 1 | 2 | 3;
  params: unknown;
}

export interface Rubric {
  file: RubricFile;
  /** Where it was read from (a path, or `built-in:<name>`). */
  origin: string;
  sha256: string;
  /** Enabled rules in registry order, with their settings. */
  rules: ResolvedRule[];
}

export class RubricError extends UsageError {
  constructor(
    readonly origin: string,
    readonly problems: string[],
  ) {
    super(`invalid rubric ${origin}:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
}

function issuePath(base: (string | number)[], p: readonly PropertyKey[]): string {
  return [...base, ...p].map(String).join('.') || '(root)';
}

export function formatZodIssues(error: z.ZodError, base: (string | number)[] = []): string[] {
  return error.issues.map((i) => `${issuePath(base, i.path)}: ${i.message}`);
}

/** Edit distance, for "did you mean" suggestions. */
export function distance(a: string, b: string): number {
  const dp = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0]!;
    dp[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j]!;
      dp[j] = Math.min(dp[j]! + 1, dp[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return dp[b.length]!;
}

export function nearest(name: string, candidates: readonly string[]): string | null {
  let best: string | null = null;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = distance(name, c);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best !== null && bestD <= Math.max(2, Math.floor(name.length / 3)) ? best : null;
}

/** Validate parsed rubric JSON against the schema and the registry. */
export function resolveRubric(json: unknown, origin: string, sha256: string, registry: readonly AnyRule[] = RULES): Rubric {
  const parsed = rubricFileSchema.safeParse(json);
  if (!parsed.success) throw new RubricError(origin, formatZodIssues(parsed.error));
  const file = parsed.data;
  const problems: string[] = [];
  const ids = registry.map((r) => r.id);
  for (const id of Object.keys(file.rules)) {
    if (!ids.includes(id)) {
      const near = nearest(id, ids);
      problems.push(`rules.${id}: unknown rule${near ? ` (did you mean "${near}"?)` : ''}`);
    }
  }
  const rules: ResolvedRule[] = [];
  for (const rule of registry) {
    const s = file.rules[rule.id];
    if (!s) {
      problems.push(`rules.${rule.id}: missing settings for this rule (set "enabled": false to turn it off)`);
      continue;
    }
    const p = rule.params.safeParse(s.params);
    if (!p.success) {
      problems.push(...formatZodIssues(p.error, ['rules', rule.id, 'params']));
      continue;
    }
    if (s.enabled) {
      const rr: ResolvedRule = { rule, severity: s.severity, points: s.points, blocking: s.blocking, params: p.data };
      if (s.maxLevelWhenFailed !== undefined) rr.maxLevelWhenFailed = s.maxLevelWhenFailed as 0 | 1 | 2 | 3;
      rules.push(rr);
    }
  }
  const named = [...file.decision.reject.rules, ...file.decision.approve.requiredRules];
  for (const id of named) if (!ids.includes(id)) problems.push(`decision: unknown rule "${id}"`);
  if (problems.length) throw new RubricError(origin, problems);
  return { file, origin, sha256, rules };
}

/** Names of the built-in rubrics (files in rubrics/). */
export function builtInRubrics(): string[] {
  return ['default', 'strict'];
}

/**
 * Load a rubric by built-in name (`default`, `strict`) or by file path.
 * Throws `RubricError` (exit 2) with one line per problem.
 */
export function loadRubric(nameOrPath = 'default', cwd = process.cwd()): Rubric {
  const isName = /^[a-z0-9-]+$/.test(nameOrPath) && !existsSync(path.resolve(cwd, nameOrPath));
  const file = isName ? path.join(RUBRICS_DIR, `${nameOrPath}.json`) : path.resolve(cwd, nameOrPath);
  const origin = isName ? `built-in:${nameOrPath}` : nameOrPath;
  let text: Buffer;
  try {
    text = readFileSync(file);
  } catch {
    const hint = isName ? ` (built-in rubrics: ${builtInRubrics().join(', ')})` : '';
    throw new RubricError(origin, [`cannot read ${isName ? 'built-in rubric' : 'file'}${hint}`]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.toString('utf8').replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new RubricError(origin, [`not valid JSON: ${(e as Error).message}`]);
  }
  const sha256 = createHash('sha256').update(text).digest('hex');
  return resolveRubric(json, origin, sha256);
}
