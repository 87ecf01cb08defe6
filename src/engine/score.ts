/**
 * Scoring and decision. Pure functions of rule outcomes and the rubric: every number
 * and threshold comes from the rubric file.
 */
import type { RubricFile } from '../rubric/schema.js';
import { ASPECT_IDS, LEVEL_LABELS, type AspectId, type AspectResult, type Decision, type Finding, type Level } from '../types.js';
import type { RuleOutcome } from './run.js';

export function levelFor(score: number, t: RubricFile['levels']): Level {
  if (score >= t.exemplary) return 3;
  if (score >= t.proficient) return 2;
  if (score >= t.developing) return 1;
  return 0;
}

export function scoreAspects(outcomes: readonly RuleOutcome[], rubric: RubricFile): Record<AspectId, AspectResult> {
  const out = {} as Record<AspectId, AspectResult>;
  for (const aspect of ASPECT_IDS) {
    const mine = outcomes.filter((o) => o.rr.rule.aspect === aspect && !o.skipped);
    const available = mine.reduce((s, o) => s + o.rr.points, 0);
    const earned = mine.reduce((s, o) => s + o.earned, 0);
    const blocked = mine.some((o) => o.rr.blocking && o.failed && o.earned < o.rr.points);
    const raw = available > 0 ? (100 * earned) / available : 100;
    const score = blocked ? 0 : Math.round(raw);
    // A rule that fails outright may cap its aspect's level (rubric: maxLevelWhenFailed).
    const cap = mine.reduce<number>((c, o) => (o.rr.maxLevelWhenFailed !== undefined && o.failed && o.earned === 0 ? Math.min(c, o.rr.maxLevelWhenFailed) : c), 3);
    const level = Math.min(levelFor(score, rubric.levels), cap) as Level;
    out[aspect] = { level, label: LEVEL_LABELS[level], score, earned: round2(blocked ? 0 : earned), available: round2(available), blocked };
  }
  return out;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Weighted mean of aspect scores, rounded. */
export function overallScore(aspects: Record<AspectId, AspectResult>, rubric: RubricFile): number {
  let sum = 0;
  let weights = 0;
  for (const a of rubric.aspects) {
    sum += aspects[a.id].score * a.weight;
    weights += a.weight;
  }
  return weights > 0 ? Math.round(sum / weights) : 0;
}

const SEVERITY_RANK = { error: 0, warning: 1, info: 2 } as const;

/** The failing rules of an aspect, most points lost first, as short phrases. */
function weakPoints(outcomes: readonly RuleOutcome[], aspect: AspectId, max = 3): string[] {
  // A failure that caps the level explains it best, so it comes first; then points lost.
  const capped = (o: RuleOutcome) => (o.rr.maxLevelWhenFailed !== undefined && o.earned === 0 ? 0 : 1);
  return outcomes
    .filter((o) => o.rr.rule.aspect === aspect && o.failed)
    .sort((a, b) => capped(a) - capped(b) || b.rr.points - b.earned - (a.rr.points - a.earned) || SEVERITY_RANK[a.rr.severity] - SEVERITY_RANK[b.rr.severity])
    .slice(0, max)
    .map((o) => o.rr.rule.summary);
}

function aspectPhrase(aspect: AspectId, r: AspectResult, outcomes: readonly RuleOutcome[]): string {
  const weak = weakPoints(outcomes, aspect);
  return `${aspect} is ${r.label} (${r.level}/3)${weak.length ? `: ${weak.join('; ')}` : ''}`;
}

export interface DecisionResult {
  decision: Decision;
  reasons: string[];
}

/**
 * Apply the rubric's decision policy. Reject when the offering is not a real
 * micro-credential; approve when every aspect meets its minimum with no errors;
 * otherwise revise. Every decision carries its reasons in plain words.
 */
export function decide(
  outcomes: readonly RuleOutcome[],
  aspects: Record<AspectId, AspectResult>,
  findings: readonly Finding[],
  rubric: RubricFile,
): DecisionResult {
  const policy = rubric.decision;
  const reject: string[] = [];
  if (policy.reject.anyBlockingRule) {
    for (const o of outcomes) {
      if (o.rr.blocking && o.failed && o.earned < o.rr.points) reject.push(`blocking rule failed: ${o.rr.rule.summary} (${o.rr.rule.id})`);
    }
  }
  for (const id of policy.reject.rules) {
    const o = outcomes.find((x) => x.rr.rule.id === id);
    if (o && o.failed && o.earned === 0 && !(o.rr.blocking && policy.reject.anyBlockingRule)) reject.push(`${o.rr.rule.summary} (${id})`);
  }
  for (const a of policy.reject.aspectsAtLevel0) {
    if (aspects[a].level === 0 && !aspects[a].blocked) reject.push(aspectPhrase(a, aspects[a], outcomes));
  }
  if (reject.length) return { decision: 'reject', reasons: reject };

  const revise: string[] = [];
  for (const a of ASPECT_IDS) {
    const min = policy.approve.minLevels[a];
    if (min !== undefined && aspects[a].level < min) revise.push(aspectPhrase(a, aspects[a], outcomes));
  }
  for (const id of policy.approve.requiredRules) {
    const o = outcomes.find((x) => x.rr.rule.id === id);
    if (o && o.failed) revise.push(`required by this rubric: ${o.rr.rule.summary} (${id})`);
  }
  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.length > policy.approve.maxErrors) {
    const ids = [...new Set(errors.map((f) => f.ruleId))];
    revise.push(`${errors.length} error finding${errors.length === 1 ? '' : 's'} to fix (${ids.slice(0, 5).join(', ')}${ids.length > 5 ? ', …' : ''})`);
  }
  if (revise.length) return { decision: 'revise', reasons: revise };
  return { decision: 'approve', reasons: ['every aspect meets the rubric minimum and there are no error findings'] };
}
