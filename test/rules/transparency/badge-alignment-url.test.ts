import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/transparency/badge-alignment-url.js';
import { check, docFrom } from '../../helpers.js';

const ach = (alignment: unknown[]) =>
  JSON.stringify({ type: ['Achievement'], id: 'urn:x', name: 'W', description: 'd', criteria: { narrative: 'x' }, alignment }, null, 2);

describe('badge-alignment-url', () => {
  it('passes when every alignment has a targetUrl', () => {
    expect(check(rule, docFrom(ach([{ type: ['Alignment'], targetName: 'InTASC 8', targetUrl: 'https://ccsso.org/intasc' }]), 'a.json')).passed).toBe(true);
  });

  it('fails each alignment without a targetUrl, at its JSON path, with partial credit when some have one', () => {
    const text = ach([
      { type: ['Alignment'], targetName: 'InTASC 8', targetUrl: 'https://ccsso.org/intasc' },
      { type: ['Alignment'], targetName: 'ISTE 2.5.a' },
    ]);
    const r = check(rule, docFrom(text, 'a.json'));
    expect(r.passed).toBe(false);
    expect(r.earned).toBe(r.points / 2);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]!.message).toBe('alignment 2 has no targetUrl');
    expect(r.findings[0]!.path).toBe('alignment.1');
    expect(r.findings[0]!.line).toBe(text.split('\n').findIndex((l) => l.includes('ISTE')) - 4 + 1); // the item's opening brace
  });

  it('is not applicable without alignments or to a non-badge offering', () => {
    expect(check(rule, docFrom(ach([]), 'a.json')).earned).toBe(0);
    expect(check(rule, '---\nalignment:\n  - name: InTASC 8\n---\n# W\n').earned).toBe(0);
  });

  it('passes its own pass example and fails its fail example', () => {
    expect(check(rule, rule.examples!.pass).passed).toBe(true);
    expect(check(rule, rule.examples!.fail).passed).toBe(false);
  });
});
