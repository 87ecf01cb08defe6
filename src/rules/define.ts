/**
 * The rule contract. A rule is a plain object: metadata, a zod schema for the
 * parameters the rubric gives it, and one pure `check`. Points, severity and
 * parameter values live in the rubric file, never here.
 */
import type { z } from 'zod';
import type { AspectId, Doc, Hit } from '../types.js';

export interface RuleContext {
  /** The time the audit runs at (from SOURCE_DATE_EPOCH when set), for date checks. */
  now: Date;
}

export interface Rule<P extends z.ZodType = z.ZodType> {
  /** Stable kebab-case id, equal to the file name. Never renamed once published. */
  id: string;
  aspect: AspectId;
  /** One line: what a passing offering does. */
  description: string;
  /** A short phrase for what is wrong when the rule fails, used in decision reasons ("no calibration of assessors"). */
  summary: string;
  /** Why the practice matters. */
  rationale: string;
  /** Where the practice comes from (see shared/research/domain.md). */
  source: string;
  /** How to fix a failure, in plain words. */
  fix: string;
  /** Data path or section key a finding points at when nothing more precise is known. */
  anchor: string;
  /**
   * A rule this one depends on: when that rule fails outright (earns nothing), this one is
   * not applicable and its points leave the aspect's total, so an absence is not counted
   * twice and cannot earn points by default (e.g. no resources at all).
   */
  requires?: string;
  /**
   * Whether the rule applies to this offering at all (e.g. only to Open Badges definitions).
   * When it does not, the rule is not applicable: it earns nothing and its points leave the
   * aspect's total, as with `requires`.
   */
  appliesTo?(doc: Doc): boolean;
  /** Schema of the parameters the rubric supplies. */
  params: P;
  /** Examples for `mcaudit explain`: a Markdown snippet that passes and one that fails. */
  examples?: { pass: string; fail: string };
  check(doc: Doc, params: z.output<P>, ctx: RuleContext): Hit[];
}

/** Identity helper: exists so TypeScript checks and infers a rule's shape. */
export function defineRule<P extends z.ZodType>(rule: Rule<P>): Rule<P> {
  return rule;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRule = Rule<any>;
