import { describe, it, expect } from 'vitest';
import rule from '../../../src/rules/assessment/turnaround.js';
import { check, docFromJson } from '../../helpers.js';

describe('turnaround', () => {
  it('passes on a turnaround in days within the bound', () => {
    expect(check(rule, '# MC\n\n## Assessment Process\nSubmissions are scored within 14 days.\n').passed).toBe(true);
  });

  it('converts weeks and business days', () => {
    expect(check(rule, '# MC\n\n## About\nExpect to hear back from reviewers in 2-3 weeks.\n').passed).toBe(true);
    expect(check(rule, '# MC\n\n## Assessment Process\nSubmissions are reviewed within 20 business days.\n').passed).toBe(true);
    // 22 business days is about 30.8 calendar days
    expect(check(rule, '# MC\n\n## Assessment Process\nSubmissions are reviewed within 22 business days.\n').passed).toBe(false);
  });

  it('passes on `assessment.turnaroundDays` in front matter and JSON', () => {
    expect(check(rule, '---\nassessment:\n  turnaroundDays: 10\n---\nBody.\n').passed).toBe(true);
    expect(check(rule, docFromJson({ assessment: { turnaroundDays: '10 business days' } })).passed).toBe(true);
  });

  it('reads a "Turnaround:" label in the assessment section', () => {
    expect(check(rule, '# MC\n\n## Assessment Process\nTurnaround: 3 weeks\n').passed).toBe(true);
  });

  it('ignores durations that are about something else', () => {
    const md = '# MC\n\n## Assessment Process\nYou have 6 months to submit your evidence. The assessment takes about 15 hours to complete.\n';
    const r = check(rule, md);
    expect(r.passed).toBe(false);
    expect(r.findings[0]!.message).toBe('the offering does not say how long scoring takes after a submission');
  });

  it('fails with a warning at the assessment heading when no turnaround is stated', () => {
    const md = '# MC\n\n## Competency\nEducator uses wait time.\n\n## Assessment Process\nTrained assessors score each submission.\n';
    const r = check(rule, md);
    expect(r.passed).toBe(false);
    const f = r.findings[0]!;
    expect(f.ruleId).toBe('turnaround');
    expect(f.severity).toBe('warning');
    expect(f.line).toBe(6);
    expect(f.column).toBe(4);
  });

  it('reports a turnaround over the bound one severity lower, quoting it', () => {
    const md = '# MC\n\n## Assessment Process\nTrained assessors score each submission. Results are returned within 6-8 weeks.\n';
    const r = check(rule, md);
    expect(r.passed).toBe(false);
    expect(r.earned).toBe(2.5);
    const f = r.findings[0]!;
    expect(f.severity).toBe('info');
    expect(f.line).toBe(4);
    expect(f.column).toBe(70);
    expect(f.message).toBe('the stated scoring turnaround is about 56 days, longer than 30');
    expect(f.quote).toBe('Results are returned within 6-8 weeks.');
    expect(check(rule, md, { maxDays: 60 }).passed).toBe(true);
  });

  it('reports a field over the bound at its line, and a field with no number', () => {
    const r = check(rule, '---\ntitle: MC\nassessment:\n  turnaroundDays: 45\n---\nBody.\n');
    expect(r.passed).toBe(false);
    expect(r.findings[0]!.line).toBe(4);
    expect(r.findings[0]!.message).toMatch(/about 45 days/);
    const vague = check(rule, docFromJson({ assessment: { turnaroundDays: 'varies' } }));
    expect(vague.findings[0]!.message).toMatch(/gives no number of days/);
  });

  it('runs its own examples', () => {
    expect(check(rule, rule.examples!.pass).passed).toBe(true);
    expect(check(rule, rule.examples!.fail).passed).toBe(false);
  });
});
