import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { RuleOutcome } from '../../src/engine/run.js';
import { decide, levelFor, overallScore, scoreAspects } from '../../src/engine/score.js';
import type { AnyRule } from '../../src/rules/define.js';
import type { RubricFile } from '../../src/rubric/schema.js';
import { ASPECT_IDS, type AspectId, type Finding, type Severity } from '../../src/types.js';

const RUBRIC: RubricFile = {
  id: 't',
  title: 't',
  version: '1',
  source: 's',
  aspects: ASPECT_IDS.map((id) => ({ id, title: id, description: id, weight: id === 'assessment' ? 2 : 1 })),
  levels: { developing: 40, proficient: 65, exemplary: 85 },
  decision: {
    reject: { anyBlockingRule: true, rules: ['practice'], aspectsAtLevel0: ['grain-size', 'evidence', 'assessment'] },
    approve: { minLevels: { 'grain-size': 2, resources: 2, evidence: 2, assessment: 2, transparency: 2 }, maxErrors: 0, requiredRules: [] },
  },
  rules: {},
};

function rule(id: string, aspect: AspectId): AnyRule {
  return { id, aspect, description: id, summary: `no ${id}`, rationale: '', source: '', fix: '', anchor: id, params: z.object({}), check: () => [] };
}

/** An outcome: `earnedShare` of `points` earned (1 = passed). */
function outcome(id: string, aspect: AspectId, points: number, earnedShare: number, opts: { blocking?: boolean; severity?: Severity; cap?: 0 | 1 | 2 } = {}): RuleOutcome {
  return {
    rr: { rule: rule(id, aspect), severity: opts.severity ?? 'warning', points, blocking: opts.blocking ?? false, params: {}, ...(opts.cap !== undefined ? { maxLevelWhenFailed: opts.cap } : {}) },
    earned: points * earnedShare,
    failed: earnedShare < 1,
    findings: [],
  };
}

/** One passing 10-point rule per aspect, plus `extra`. */
function all(extra: RuleOutcome[] = []): RuleOutcome[] {
  return [...ASPECT_IDS.map((a) => outcome(`base-${a}`, a, 10, 1)), ...extra];
}

const err = (ruleId: string): Finding => ({ ruleId, aspect: 'evidence', severity: 'error', message: 'm', fix: null, line: 1, column: 1, path: null });

describe('levelFor', () => {
  it.each([
    [0, 0],
    [39, 0],
    [40, 1],
    [64, 1],
    [65, 2],
    [84, 2],
    [85, 3],
    [100, 3],
  ])('score %i is level %i', (score, level) => {
    expect(levelFor(score, RUBRIC.levels)).toBe(level);
  });
});

describe('scoreAspects', () => {
  it('is points earned over points available, per aspect', () => {
    const a = scoreAspects(all([outcome('x', 'resources', 30, 0), outcome('y', 'resources', 10, 0.5)]), RUBRIC);
    // resources: 10 + 0 + 5 of 50 = 30
    expect(a.resources).toMatchObject({ score: 30, level: 0, label: 'not-evident', earned: 15, available: 50, blocked: false });
    expect(a['grain-size']).toMatchObject({ score: 100, level: 3, label: 'exemplary' });
  });

  it('sets an aspect to 0 when a blocking rule fails', () => {
    const a = scoreAspects(all([outcome('block', 'evidence', 5, 0, { blocking: true })]), RUBRIC);
    expect(a.evidence).toMatchObject({ score: 0, level: 0, blocked: true });
  });

  it('caps an aspect level when a rule with maxLevelWhenFailed fails outright, not on a partial pass', () => {
    const a = scoreAspects(all([outcome('verb', 'grain-size', 10, 0, { cap: 1 }), outcome('more', 'grain-size', 80, 1)]), RUBRIC);
    expect(a['grain-size']).toMatchObject({ score: 90, level: 1, label: 'developing' });
    const b = scoreAspects(all([outcome('verb', 'grain-size', 10, 0.5, { cap: 1 }), outcome('more', 'grain-size', 80, 1)]), RUBRIC);
    expect(b['grain-size'].level).toBe(3);
  });

  it('leaves skipped (not applicable) rules out of the points', () => {
    const skipped: RuleOutcome = { ...outcome('n-a', 'resources', 30, 0), failed: false, skipped: true };
    const a = scoreAspects(all([outcome('present', 'resources', 20, 0), skipped]), RUBRIC);
    // resources: 10 of 30 (base + present); the skipped 30 points count for nothing
    expect(a.resources).toMatchObject({ score: 33, available: 30, earned: 10 });
  });

  it('weights the overall score by the rubric', () => {
    const a = scoreAspects(all([outcome('x', 'assessment', 10, 0)]), RUBRIC);
    // assessment 50 with weight 2, the others 100: (400 + 100) / 6
    expect(overallScore(a, RUBRIC)).toBe(83);
  });
});

describe('decide', () => {
  const run = (outcomes: RuleOutcome[], findings: Finding[] = []) => decide(outcomes, scoreAspects(outcomes, RUBRIC), findings, RUBRIC);

  it('approves when every aspect is proficient and there are no errors', () => {
    expect(run(all()).decision).toBe('approve');
  });

  it('rejects when a blocking rule fails, naming it', () => {
    const r = run(all([outcome('competency', 'grain-size', 10, 0, { blocking: true })]));
    expect(r.decision).toBe('reject');
    expect(r.reasons).toEqual(['blocking rule failed: no competency (competency)']);
  });

  it('rejects when a reject rule fails, even with every aspect proficient', () => {
    const r = run(all([outcome('practice', 'evidence', 1, 0)]));
    expect(r.decision).toBe('reject');
    expect(r.reasons).toEqual(['no practice (practice)']);
  });

  it('does not reject on a partial pass of a reject rule', () => {
    expect(run(all([outcome('practice', 'evidence', 1, 0.5)])).decision).not.toBe('reject');
  });

  it('rejects when grain-size, evidence or assessment is not evident, but only revises for resources or transparency', () => {
    const weakAssessment = run(all([outcome('calib', 'assessment', 40, 0)]));
    expect(weakAssessment.decision).toBe('reject');
    expect(weakAssessment.reasons).toEqual(['assessment is not-evident (0/3): no calib']);
    const weakResources = run(all([outcome('res', 'resources', 40, 0)]));
    expect(weakResources.decision).toBe('revise');
    expect(weakResources.reasons).toEqual(['resources is not-evident (0/3): no res']);
  });

  it('revises when an aspect is below its minimum, with the weakest points first', () => {
    const r = run(all([outcome('small', 'assessment', 2, 0), outcome('big', 'assessment', 5, 0), outcome('calibration', 'assessment', 3, 0)]));
    // assessment: 10 of 20 = 50 -> developing
    expect(r.decision).toBe('revise');
    expect(r.reasons).toEqual(['assessment is developing (1/3): no big; no calibration; no small']);
  });

  it('revises when there are more error findings than allowed', () => {
    const r = run(all(), [err('a'), err('b'), err('a')]);
    expect(r.decision).toBe('revise');
    expect(r.reasons).toEqual(['3 error findings to fix (a, b)']);
  });

  it('revises when a required rule fails', () => {
    const rubric = { ...RUBRIC, decision: { ...RUBRIC.decision, approve: { ...RUBRIC.decision.approve, requiredRules: ['calib'] } } };
    const outcomes = all([outcome('calib', 'assessment', 1, 0.5)]);
    const r = decide(outcomes, scoreAspects(outcomes, rubric), [], rubric);
    expect(r).toEqual({ decision: 'revise', reasons: ['required by this rubric: no calib (calib)'] });
  });
});

describe('runRules', async () => {
  const { runRules } = await import('../../src/engine/run.js');
  const { docFrom } = await import('../helpers.js');
  it('skips a rule whose prerequisite fails outright, and runs it when the prerequisite passes', () => {
    const pre: AnyRule = { ...rule('pre', 'resources'), check: (d) => (d.data.resources?.length ? [] : [{ message: 'none' }]) };
    const dep: AnyRule = { ...rule('dep', 'resources'), requires: 'pre', check: () => [{ message: 'dependent problem' }] };
    const rr = (r: AnyRule) => ({ rule: r, severity: 'warning' as const, points: 10, blocking: false, params: {} });
    const none = runRules(docFrom('# T\n'), [rr(pre), rr(dep)], { now: new Date(0) });
    expect(none.map((o) => [o.rr.rule.id, o.failed, o.skipped ?? false])).toEqual([
      ['pre', true, false],
      ['dep', false, true],
    ]);
    const some = runRules(docFrom('## Resources\n- A guide https://a.org\n'), [rr(pre), rr(dep)], { now: new Date(0) });
    expect(some.map((o) => [o.rr.rule.id, o.failed, o.skipped ?? false])).toEqual([
      ['pre', false, false],
      ['dep', true, false],
    ]);
  });
});
