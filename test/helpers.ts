/**
 * Test helpers: build a Doc from Markdown or JSON text, and run one rule on it with
 * the parameters the default rubric gives it (or overrides), getting resolved findings.
 */
import { readFileSync } from 'node:fs';
import { loadText } from '../src/load/file.js';
import type { AnyRule, RuleContext } from '../src/rules/define.js';
import { runRule } from '../src/engine/run.js';
import type { ResolvedRule } from '../src/rubric/load.js';
import type { Doc, Finding } from '../src/types.js';

const DEFAULT = JSON.parse(readFileSync(new URL('../rubrics/default.json', import.meta.url), 'utf8')) as {
  rules: Record<string, { severity: 'error' | 'warning' | 'info'; points: number; blocking?: boolean; params: Record<string, unknown> }>;
};

export const CTX: RuleContext = { now: new Date('2026-06-01T00:00:00Z') };

/** Load Markdown (or JSON when `file` ends in .json) into exactly one Doc. */
export function docFrom(text: string, file = 'draft.md'): Doc {
  const entries = loadText(file, text);
  const e = entries[0];
  if (!e || e.kind !== 'offering' || entries.length !== 1) throw new Error(`expected one valid offering, got ${JSON.stringify(entries)}`);
  return e.doc;
}

/** Load a JSON offering object. */
export function docFromJson(obj: unknown): Doc {
  return docFrom(JSON.stringify(obj, null, 2), 'draft.json');
}

/** The rule's settings from rubrics/default.json, with optional parameter overrides. */
export function settingsFor(rule: AnyRule, params: Record<string, unknown> = {}): ResolvedRule {
  const s = DEFAULT.rules[rule.id];
  if (!s) throw new Error(`rubrics/default.json has no settings for ${rule.id}`);
  return { rule, severity: s.severity, points: s.points, blocking: s.blocking ?? false, params: rule.params.parse({ ...s.params, ...params }) };
}

export interface Checked {
  findings: Finding[];
  /** Points earned out of the rule's points. */
  earned: number;
  points: number;
  passed: boolean;
}

/** Run one rule on a Doc (or Markdown text) with default-rubric parameters. */
export function check(rule: AnyRule, input: Doc | string, params: Record<string, unknown> = {}): Checked {
  const doc = typeof input === 'string' ? docFrom(input) : input;
  const rr = settingsFor(rule, params);
  const o = runRule(doc, rr, CTX);
  return { findings: o.findings, earned: o.earned, points: rr.points, passed: !o.failed };
}
