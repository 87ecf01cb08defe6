/**
 * The exit policy, as one pure function: a report and a policy in, the exit code and the
 * reasons out. Three checks, each opt-in except the first:
 *
 * - `minDecision`: every offering meets it (an invalid entry never does);
 * - `failOn`: no finding at or above this severity;
 * - `maxWarnings`: at most this many warning findings in the whole run.
 *
 * With a baseline, only what is new or worse counts: an offering in the baseline fails the
 * decision check only when its decision dropped, and only its findings beyond the recorded
 * count per rule are counted; an offering not in the baseline is gated as without one.
 * `failOn` then defaults to `info` (any new finding fails). Stale entries fail only under
 * `strictBaseline`.
 */
import { meetsGate, type Report } from '../report.js';
import type { Decision, Finding, OfferingReport, Severity } from '../types.js';
import { compareBaseline, describeDelta, offeringKey, type Baseline, type BaselineComparison } from './baseline.js';

export const FAIL_ON = ['error', 'warning', 'info', 'none'] as const;
export type FailOn = (typeof FAIL_ON)[number];

export interface GatePolicy {
  minDecision: Decision;
  /** Default `none`, or `info` with a baseline. */
  failOn?: FailOn;
  maxWarnings?: number;
  baseline?: { file: string; data: Baseline };
  /** Stale baseline entries fail the run. */
  strictBaseline?: boolean;
}

export interface GateResult {
  exitCode: 0 | 1;
  /** One line per failed check, for stderr. Empty when the gate passes. */
  failures: string[];
  /** Offering keys that failed, with why, in report order. */
  failed: { offering: string; why: string }[];
  comparison: BaselineComparison | null;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Whether a finding is at or above a `--fail-on` threshold. */
export function atOrAbove(severity: Severity, failOn: FailOn | undefined): boolean {
  return failOn !== undefined && failOn !== 'none' && RANK[severity] <= RANK[failOn];
}

/** Whether one offering fails the gate on its own (no baseline): its decision, or a finding at or above `failOn`. */
export function offeringFails(o: Pick<OfferingReport, 'decision' | 'findings'>, minDecision: Decision, failOn?: FailOn): boolean {
  return !meetsGate(o.decision, minDecision) || o.findings.some((f) => !f.waived && atOrAbove(f.severity, failOn));
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function evaluateGate(report: Report, policy: GatePolicy): GateResult {
  const comparison = policy.baseline ? compareBaseline(report, policy.baseline.data, policy.baseline.file) : null;
  const failOn: FailOn = policy.failOn ?? (comparison ? 'info' : 'none');
  const failed: GateResult['failed'] = [];
  let below = 0;
  let dropped = 0;
  let severe = 0;
  let warnings = 0;

  for (const o of report.offerings) {
    const key = offeringKey(o);
    const cmp = comparison?.offerings.get(key);
    // Waived findings stay in the reports but never gate.
    let findings: readonly Finding[] = o.findings.filter((f) => !f.waived);
    if (cmp?.entry) {
      findings = cmp.newFindings;
      if (cmp.decisionDropped) {
        dropped++;
        failed.push({ offering: key, why: `decision dropped from ${cmp.entry.decision} to ${o.decision}` });
      }
    } else if (!meetsGate(o.decision, policy.minDecision)) {
      below++;
      failed.push({ offering: key, why: o.decision === 'invalid' ? 'invalid document' : `${o.decision} is below --min-decision ${policy.minDecision}` });
    }
    const hits = findings.filter((f) => atOrAbove(f.severity, failOn));
    if (hits.length) {
      severe += hits.length;
      failed.push({ offering: key, why: `${plural(hits.length, comparison ? 'new finding' : 'finding')} at or above --fail-on ${failOn}` });
    }
    warnings += findings.filter((f) => f.severity === 'warning').length;
  }

  const failures: string[] = [];
  const of = plural(report.offerings.length, 'offering');
  if (below) failures.push(`${below} of ${of} below --min-decision ${policy.minDecision} (or invalid)`);
  if (dropped) failures.push(`${dropped} of ${of} dropped below their baseline decision`);
  if (severe) failures.push(`${plural(severe, comparison ? 'new finding' : 'finding')} at or above --fail-on ${failOn}`);
  if (policy.maxWarnings !== undefined && warnings > policy.maxWarnings) {
    failures.push(`${plural(warnings, comparison ? 'new warning' : 'warning')}, more than --max-warnings ${policy.maxWarnings}`);
  }
  if (policy.strictBaseline && comparison && comparison.summary.stale.length) {
    const n = comparison.summary.stale.length;
    failures.push(`${n} stale baseline ${n === 1 ? 'entry' : 'entries'} (--strict-baseline): ${comparison.summary.stale.slice(0, 3).map(describeDelta).join('; ')}${comparison.summary.stale.length > 3 ? '; …' : ''}`);
  }
  return { exitCode: failures.length ? 1 : 0, failures, failed, comparison };
}
