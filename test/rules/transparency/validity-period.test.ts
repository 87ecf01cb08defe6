import { describe, it, expect } from 'vitest';
import rule from '../../../src/rules/transparency/validity-period.js';
import { check, docFromJson } from '../../helpers.js';

describe('validity-period', () => {
  it('passes a "Validity:" line', () => {
    expect(check(rule, '# Wait Time\n\n## About\n- Validity: does not expire\n').passed).toBe(true);
  });

  it('passes expires: false and expires: never', () => {
    expect(check(rule, '---\nexpires: false\n---\n# Wait Time\n').passed).toBe(true);
    expect(check(rule, docFromJson({ title: 'Wait Time', expires: 'never' })).passed).toBe(true);
  });

  it.each([
    'This micro-credential does not expire.',
    'The badge is valid for 5 years.',
    'The credential must be renewed every three years with new evidence.',
  ])('passes prose: %s', (sentence) => {
    expect(check(rule, `# Wait Time\n\n${sentence}\n`).passed).toBe(true);
  });

  it('reports an info finding when nothing is said', () => {
    const md = '# Wait Time\n\nYour submission window expires after six months. Counts toward license renewal every five years.\n';
    const r = check(rule, md);
    expect(r.passed).toBe(false);
    const f = r.findings[0]!;
    expect(f.ruleId).toBe('validity-period');
    expect(f.severity).toBe('info');
    expect(f.line).toBe(1);
  });

  it('reports a placeholder expires field at its line', () => {
    const r = check(rule, docFromJson({ title: 'Wait Time', expires: 'TBD' }));
    expect(r.earned).toBe(0);
    expect(r.findings[0]!.line).toBe(3);
    expect(r.findings[0]!.quote).toBe('TBD');
  });

  it('passes its own pass example and fails its fail example', () => {
    expect(check(rule, rule.examples!.pass).passed).toBe(true);
    expect(check(rule, rule.examples!.fail).passed).toBe(false);
  });
});
