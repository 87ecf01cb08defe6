import { describe, it, expect } from 'vitest';
import rule from '../../../src/rules/transparency/cost-disclosed.js';
import { check, docFromJson } from '../../helpers.js';

describe('cost-disclosed', () => {
  it('passes a "Cost:" line in an About section', () => {
    expect(check(rule, '# Wait Time\n\n## About\n- Cost: $20\n').passed).toBe(true);
  });

  it('passes a JSON cost of 0', () => {
    expect(check(rule, docFromJson({ title: 'Wait Time', cost: 0 })).passed).toBe(true);
  });

  it('passes a front-matter assessment fee', () => {
    expect(check(rule, '---\nassessment:\n  fee: 125\n---\n# Wait Time\n').passed).toBe(true);
  });

  it('passes a fee in assessment prose', () => {
    const md = '# Wait Time\n\n## Assessment Process\nThere is a $125 scoring fee for non-members; NEA members submit at no cost.\n';
    expect(check(rule, md).passed).toBe(true);
  });

  it('passes "free of charge" in the description', () => {
    expect(check(rule, '# Wait Time\n\nThis micro-credential is free of charge for Delaware educators.\n').passed).toBe(true);
  });

  it('fails when the cost is not disclosed', () => {
    const md = '# Wait Time\n\nFeel free to use the free resources below.\n\n## Resources\n- Free video: https://example.org/v\n';
    const r = check(rule, md);
    expect(r.passed).toBe(false);
    expect(r.earned).toBe(0);
    const f = r.findings[0]!;
    expect(f.ruleId).toBe('cost-disclosed');
    expect(f.severity).toBe('warning');
    expect(f.line).toBe(1);
  });

  it('fails on a placeholder "Fee:" line and points at it', () => {
    const md = '# Wait Time\n\nIntro.\n\n## About\n- Provider: NEA\n- Fee: TBD\n';
    const r = check(rule, md);
    expect(r.earned).toBe(0);
    expect(r.findings[0]!.line).toBe(7);
    expect(r.findings[0]!.message).toMatch(/placeholder/);
  });

  it('fails on a placeholder cost in front matter, at its line', () => {
    const r = check(rule, '---\ntitle: Wait Time\ncost: TBD\n---\nBody.\n');
    expect(r.earned).toBe(0);
    expect(r.findings[0]!.line).toBe(3);
    expect(r.findings[0]!.quote).toBe('TBD');
  });

  it('passes its own pass example and fails its fail example', () => {
    expect(check(rule, rule.examples!.pass).passed).toBe(true);
    expect(check(rule, rule.examples!.fail).passed).toBe(false);
  });
});
