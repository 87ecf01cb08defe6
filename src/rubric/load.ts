/**
 * Loads and validates a rubric: its own shape (zod), then its agreement with the rule
 * registry (every rule configured, parameters valid for each rule's schema, policy
 * naming only known rules). Problems are collected, one line each, with their path.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import type { AnyRule } from '../rules/define.js';
import { RULES } from '../rules/index.js';
import { UsageError } from '../errors.js';
import { issueLines, PARSE_ONCE } from '../issues.js';
import { readRubricChain } from './extends.js';
import { rubricFileSchema, type RubricFile } from './schema.js';

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
  /** The rubric and the ones it extends, top first (set by `loadRubric`). */
  chain?: string[];
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
  const ids = registry.map((r) => r.id);
  const rawRules = (json as { rules?: unknown } | null)?.rules;
  const unknownIds = rawRules !== null && typeof rawRules === 'object' ? Object.keys(rawRules).filter((id) => !ids.includes(id)) : [];
  const unknownLines = unknownIds.map((id) => {
    const near = nearest(id, ids);
    return `rules.${id}: unknown rule${near ? ` (did you mean "${near}"?)` : ''}`;
  });
  const parsed = rubricFileSchema.safeParse(json, PARSE_ONCE);
  if (!parsed.success) {
    // Problems inside an unknown rule's settings are noise: the unknown id says it all.
    const issues = parsed.error.issues.filter((i) => !(i.path[0] === 'rules' && unknownIds.includes(String(i.path[1]))));
    const lines = issueLines({ issues }, rubricFileSchema);
    throw new RubricError(origin, [...lines, ...unknownLines]);
  }
  const file = parsed.data;
  const problems: string[] = [...unknownLines];
  const rules: ResolvedRule[] = [];
  for (const rule of registry) {
    const s = file.rules[rule.id];
    if (!s) {
      problems.push(`rules.${rule.id}: missing settings for this rule (set "enabled": false to turn it off)`);
      continue;
    }
    const p = rule.params.safeParse(s.params, PARSE_ONCE);
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

/** Whether `ref` names a built-in rubric rather than a file (relative to `dir`). */
export function isBuiltInRef(ref: string, dir: string): boolean {
  return /^[a-z0-9-]+$/.test(ref) && !existsSync(path.resolve(dir, ref));
}

/**
 * Load a rubric by built-in name (`default`, `strict`) or by file path, following its
 * `extends` chain (see src/rubric/extends.ts). Throws `RubricError` (exit 2) with one
 * line per problem. The sha256 is that of the resolved rubric in canonical JSON.
 */
export function loadRubric(nameOrPath = 'default', cwd = process.cwd()): Rubric {
  const { json, origin, chain } = readRubricChain(nameOrPath, cwd);
  const rubric = resolveRubric(json, origin, '');
  rubric.sha256 = rubricSha256(rubric.file);
  rubric.chain = chain;
  return rubric;
}

/** sha256 of the resolved rubric: canonical JSON (keys sorted, no spaces), without `$schema`. */
export function rubricSha256(file: RubricFile): string {
  const { $schema: _ignored, ...rest } = file;
  return createHash('sha256').update(canonicalJson(rest)).digest('hex');
}

/** The resolved rubric as printed by `mcaudit rubric check`: the validated file without `$schema`. */
export function resolvedForm(file: RubricFile): Omit<RubricFile, '$schema'> {
  const { $schema: _ignored, ...rest } = file;
  return rest;
}

/** JSON with object keys sorted at every level and no whitespace. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
