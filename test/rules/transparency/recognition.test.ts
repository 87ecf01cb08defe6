import { describe, it, expect } from 'vitest';
import rule from '../../../src/rules/transparency/recognition.js';
import { check, docFromJson } from '../../helpers.js';

describe('recognition', () => {
  it('passes a Markdown Recognition section', () => {
    const md = '# Wait Time\n\n## Recognition\nAccepted by many districts; check locally.\n';
    expect(check(rule, md).passed).toBe(true);
  });

  it('passes a "Credit:" line in an About section', () => {
    expect(check(rule, '# Wait Time\n\n## About\n- Credit: 0.5 USBE credit\n').passed).toBe(true);
  });

  it('passes a front-matter recognition list', () => {
    const md = '---\nrecognition:\n  - 15 clock hours (WEA)\n  - 10 PDPs in Massachusetts\n---\n# Wait Time\n';
    expect(check(rule, md).passed).toBe(true);
  });

  it.each([
    'Earners receive 15 CEUs.',
    'Two micro-credentials count toward license renewal in Massachusetts.',
    'Completing the stack qualifies for salary-advancement hours in Aurora Public Schools.',
    'Recognized by the Delaware Department of Education.',
    'Eligible for 3 graduate credits through partner universities.',
  ])('passes prose in the description: %s', (sentence) => {
    expect(check(rule, docFromJson({ title: 'Wait Time', description: sentence })).passed).toBe(true);
  });

  it('fails when nothing says what earners get', () => {
    const md = '# Wait Time\n\n## About\n- Estimated hours: 15 hours\n- Cost: free\n';
    const r = check(rule, md);
    expect(r.passed).toBe(false);
    expect(r.earned).toBe(0);
    const f = r.findings[0]!;
    expect(f.ruleId).toBe('recognition');
    expect(f.severity).toBe('warning');
    expect(f.line).toBe(1);
  });

  it('fails on a placeholder recognition field, at the field', () => {
    const r = check(rule, docFromJson({ title: 'Wait Time', recognition: 'TBD' }));
    expect(r.earned).toBe(0);
    expect(r.findings[0]!.line).toBe(3);
    expect(r.findings[0]!.message).toMatch(/placeholder/);
  });

  it('does not count scoring language or a negation as recognition', () => {
    const md = '# Wait Time\n\nEach criterion counts toward the total score. This micro-credential is not recognized by the state.\n';
    expect(check(rule, md).passed).toBe(false);
  });

  it('passes its own pass example and fails its fail example', () => {
    expect(check(rule, rule.examples!.pass).passed).toBe(true);
    expect(check(rule, rule.examples!.fail).passed).toBe(false);
  });
});
