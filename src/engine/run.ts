/**
 * Runs the rubric's rules on one offering and turns their hits into findings.
 */
import type { RuleContext } from '../rules/define.js';
import type { ResolvedRule } from '../rubric/load.js';
import { sourcePathOf } from '../load/openbadges.js';
import { prefilterNextDocument } from '../rules/prefilter.js';
import type { Doc, Finding, Hit, Position, Severity } from '../types.js';

export interface RuleOutcome {
  rr: ResolvedRule;
  findings: Finding[];
  /** Points earned, 0 to rr.points. */
  earned: number;
  /** True when the rule found something (any hit, full or partial). */
  failed: boolean;
  /** True when the rule did not apply (its prerequisite rule failed outright); it then counts for nothing. */
  skipped?: boolean;
}

const LOWER: Record<Severity, Severity> = { error: 'warning', warning: 'info', info: 'info' };

/** Resolve a hit's `at` (position, data path or section key) to a position. */
export function resolvePosition(doc: Doc, at: Hit['at'], anchor: string): Position {
  if (at && typeof at === 'object') return at;
  const key = typeof at === 'string' ? at : anchor;
  const direct = doc.positions.get(key);
  if (direct) return direct;
  // Walk up the path: evidence.2.limit -> evidence.2 -> evidence, then the section heading.
  const parts = key.split('.');
  for (let i = parts.length - 1; i > 0; i--) {
    const p = doc.positions.get(parts.slice(0, i).join('.'));
    if (p) return p;
  }
  return doc.positions.get('#' + parts[0]) ?? doc.origin;
}

/** The data path a finding reports: the source JSON path for mapped formats (Open Badges), else the canonical path. */
function sourcePath(doc: Doc, path: string): string {
  return (doc.sourcePaths && sourcePathOf(doc.sourcePaths, path)) ?? path;
}

export function runRule(doc: Doc, rr: ResolvedRule, ctx: RuleContext): RuleOutcome {
  const { rule } = rr;
  if (rule.appliesTo && !rule.appliesTo(doc)) return { rr, findings: [], earned: 0, failed: false, skipped: true };
  let hits: Hit[];
  try {
    hits = rule.check(doc, rr.params, ctx);
  } catch (e) {
    // A rule bug must not lose the offering or the catalog: report it on the offering.
    const pos = doc.origin;
    return {
      rr,
      earned: 0,
      failed: true,
      findings: [
        {
          ruleId: rule.id,
          aspect: rule.aspect,
          severity: 'error',
          message: `internal error in rule ${rule.id}: ${(e as Error).message}; please report this`,
          fix: null,
          line: pos.line,
          column: pos.column,
          path: null,
        },
      ],
    };
  }
  if (!hits.length) return { rr, findings: [], earned: rr.points, failed: false };
  let credit = 1;
  const findings = hits.map((h): Finding => {
    const c = Math.min(1, Math.max(0, h.credit ?? 0));
    credit = Math.min(credit, c);
    const pos = resolvePosition(doc, h.at, rule.anchor);
    const f: Finding = {
      ruleId: rule.id,
      aspect: rule.aspect,
      severity: c > 0 ? LOWER[rr.severity] : rr.severity,
      message: h.message,
      fix: h.fix ?? rule.fix,
      line: pos.line,
      column: pos.column,
      // Open Badges findings name a JSON path even when placed at the rule's anchor.
      path: typeof h.at === 'string' ? sourcePath(doc, h.at) : h.at === undefined && doc.sourcePaths ? (sourcePathOf(doc.sourcePaths, rule.anchor) ?? null) : null,
    };
    if (h.quote) f.quote = h.quote;
    return f;
  });
  return { rr, findings, earned: rr.points * credit, failed: true };
}

/** Whether an outcome is an outright failure (nothing earned from a rule worth points). */
export function failedOutright(o: RuleOutcome): boolean {
  return o.failed && o.earned === 0;
}

export function runRules(doc: Doc, rules: readonly ResolvedRule[], ctx: RuleContext): RuleOutcome[] {
  prefilterNextDocument();
  const byId = new Map<string, RuleOutcome>();
  return rules.map((rr) => {
    const pre = rr.rule.requires ? byId.get(rr.rule.requires) : undefined;
    const o: RuleOutcome = pre && (failedOutright(pre) || pre.skipped) ? { rr, findings: [], earned: 0, failed: false, skipped: true } : runRule(doc, rr, ctx);
    byId.set(rr.rule.id, o);
    return o;
  });
}
