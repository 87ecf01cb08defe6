/**
 * Reviewer waivers in the engine: pure functions. A waived rule's findings stay in the
 * report, marked waived, but the rule scores as passed, so they no longer count toward
 * levels or the decision.
 */
import type { Waiver } from '../load/waivers.js';
import type { Finding, OfferingReport, WaiverNote } from '../types.js';
import type { RuleOutcome } from './run.js';

/** Whether a waiver names this offering, by id or by file path. */
export function waiverMatches(w: Waiver, file: string, id: string | null | undefined): boolean {
  return w.offering === file || (id !== null && id !== undefined && w.offering === id);
}

/** The waivers for one offering, by rule id (the first entry for a rule wins). */
export function waiversFor(waivers: readonly Waiver[], file: string, id: string | null | undefined): Map<string, Waiver> {
  const out = new Map<string, Waiver>();
  for (const w of waivers) if (waiverMatches(w, file, id) && !out.has(w.rule)) out.set(w.rule, w);
  return out;
}

export function waiverNote(w: Waiver): WaiverNote {
  return { reason: w.reason, reviewer: w.reviewer, date: w.date };
}

export function markWaived(f: Finding, w: Waiver): Finding {
  return { ...f, waived: true, waiver: waiverNote(w) };
}

/** Mark findings of waived rules (used for loader findings, which carry no points). */
export function waiveFindings(findings: readonly Finding[], byRule: ReadonlyMap<string, Waiver>): Finding[] {
  return findings.map((f) => {
    const w = byRule.get(f.ruleId);
    return w ? markWaived(f, w) : f;
  });
}

/**
 * Apply waivers to rule outcomes: a waived rule that found something keeps its findings
 * (marked waived) and scores as passed (full points, not failed).
 */
export function applyWaivers(outcomes: readonly RuleOutcome[], byRule: ReadonlyMap<string, Waiver>): RuleOutcome[] {
  if (!byRule.size) return [...outcomes];
  return outcomes.map((o) => {
    const w = byRule.get(o.rr.rule.id);
    if (!w || !o.failed) return o;
    return { rr: o.rr, findings: o.findings.map((f) => markWaived(f, w)), earned: o.rr.points, failed: false };
  });
}

/** Waivers that matched no finding: their offering is not in the report, or the rule found nothing there. */
export function staleWaivers(waivers: readonly Waiver[], offerings: readonly OfferingReport[]): Waiver[] {
  return waivers.filter((w) => !offerings.some((o) => waiverMatches(w, o.file, o.id) && o.findings.some((f) => f.waived && f.ruleId === w.rule)));
}
