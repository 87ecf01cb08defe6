/**
 * Reviewer waivers in the engine: pure functions. A waived rule's findings stay in the
 * report, marked waived, but the rule scores as passed, so they no longer count toward
 * levels or the decision.
 */
import type { Waiver } from '../load/waivers.js';
import type { Finding, OfferingReport, WaiverNote } from '../types.js';
import type { RuleOutcome } from './run.js';

/** Each waivers list's positions by the offering they name, made once per list. */
const byOffering = new WeakMap<readonly Waiver[], Map<string, number[]>>();

function positionsByOffering(waivers: readonly Waiver[]): Map<string, number[]> {
  let index = byOffering.get(waivers);
  if (!index) {
    index = new Map();
    for (let i = 0; i < waivers.length; i++) {
      const list = index.get(waivers[i]!.offering);
      if (list) list.push(i);
      else index.set(waivers[i]!.offering, [i]);
    }
    byOffering.set(waivers, index);
  }
  return index;
}

/**
 * The waivers for one offering, by rule id (the first entry for a rule wins). A waiver names
 * an offering by its file path or its id. Looked up by both, so a catalog costs time in
 * proportion to its offerings plus its waivers.
 */
export function waiversFor(waivers: readonly Waiver[], file: string, id: string | null | undefined): Map<string, Waiver> {
  const index = positionsByOffering(waivers);
  const byFile = index.get(file) ?? [];
  const byId = id !== null && id !== undefined && id !== file ? (index.get(id) ?? []) : [];
  const positions = byId.length ? [...byFile, ...byId].sort((a, b) => a - b) : byFile;
  const out = new Map<string, Waiver>();
  for (const i of positions) if (!out.has(waivers[i]!.rule)) out.set(waivers[i]!.rule, waivers[i]!);
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
  // The rules with a waived finding, by the offering's file and by its id (either names it).
  const used = new Map<string, Set<string>>();
  const add = (key: string, rule: string) => {
    const rules = used.get(key);
    if (rules) rules.add(rule);
    else used.set(key, new Set([rule]));
  };
  for (const o of offerings) {
    for (const f of o.findings) {
      if (!f.waived) continue;
      add(o.file, f.ruleId);
      if (o.id !== null && o.id !== undefined) add(o.id, f.ruleId);
    }
  }
  return waivers.filter((w) => !used.get(w.offering)?.has(w.rule));
}
