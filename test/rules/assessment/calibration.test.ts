import { describe, it, expect } from 'vitest';
import rule from '../../../src/rules/assessment/calibration.js';
import { check, docFromJson } from '../../helpers.js';

describe('calibration', () => {
  it('passes when the assessment process describes calibration in prose', () => {
    const r = check(rule, '# MC\n\n## Assessment Process\nAssessors score anchor submissions each term and must reach 80% inter-rater agreement.\n');
    expect(r.passed).toBe(true);
    expect(r.findings).toEqual([]);
    expect(r.earned).toBe(r.points);
  });

  it('passes on a truthy `assessment.calibration` field in front matter', () => {
    const r = check(rule, '---\ntitle: Wait Time\nassessment:\n  calibration: true\n---\n## Assessment Process\nA reviewer reads each submission.\n');
    expect(r.passed).toBe(true);
  });

  it('passes on double scoring described in a JSON field', () => {
    const r = check(rule, docFromJson({ title: 'Wait Time', assessment: { assessors: 'Two reviewers; 10% of submissions are double-scored.' } }));
    expect(r.passed).toBe(true);
  });

  it('fails when no calibration is described and points at the assessment heading', () => {
    const r = check(rule, '# MC\n\n## Competency\nEducator uses wait time.\n\n## Assessment Process\nA reviewer reads each submission.\n');
    expect(r.passed).toBe(false);
    expect(r.earned).toBe(0);
    expect(r.findings).toHaveLength(1);
    const f = r.findings[0]!;
    expect(f.ruleId).toBe('calibration');
    expect(f.severity).toBe('warning');
    expect(f.line).toBe(6);
    expect(f.column).toBe(4);
    expect(f.message).toMatch(/no calibration/);
  });

  it('fails on a false or placeholder calibration field with no prose', () => {
    const off = check(rule, docFromJson({ title: 'Wait Time', assessment: { calibration: false, feedback: true } }));
    expect(off.passed).toBe(false);
    expect(off.findings[0]!.severity).toBe('warning');
    const tbd = check(rule, '---\ntitle: Wait Time\nassessment:\n  calibration: TBD\n---\nBody.\n');
    expect(tbd.passed).toBe(false);
    expect(tbd.findings[0]!.ruleId).toBe('calibration');
  });

  it('does not count calibration words outside the assessment prose scopes', () => {
    const r = check(rule, '# MC\n\n## Resources\n- A guide to calibration of science instruments.\n\n## Assessment Process\nA reviewer reads each submission.\n');
    expect(r.passed).toBe(false);
  });

  it('runs its own examples', () => {
    expect(check(rule, rule.examples!.pass).passed).toBe(true);
    expect(check(rule, rule.examples!.fail).passed).toBe(false);
  });
});
