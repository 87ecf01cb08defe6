import { describe, it, expect } from 'vitest';
import rule from '../../../src/rules/grain-size/research-recency.js';
import { check, docFromJson } from '../../helpers.js';

// test/helpers.ts runs rules with now = 2026-06-01.
describe('research-recency', () => {
  it('passes when one citation is from the last ten years of now (Markdown)', () => {
    expect(check(rule, '# T\n\n## Research\n\n- Rowe, M. B. (1986). Wait time.\n- Tobin, K. (2016). Wait time revisited.\n').passed).toBe(true);
  });

  it('passes relative to the updated year, and with JSON year fields', () => {
    expect(check(rule, docFromJson({ updated: '2015-03-01', research: [{ citation: 'Rowe, M. B. Wait time.', year: 2006 }] })).passed).toBe(true);
  });

  it('passes when nothing is cited (research-basis reports that)', () => {
    expect(check(rule, '# T\n\n## Competency\n\nEducator uses wait time.\n').passed).toBe(true);
    expect(check(rule, docFromJson({ research: ['A blog post about wait time'] })).passed).toBe(true);
  });

  it('fails old research relative to the updated year (front matter), at the research field', () => {
    const r = check(rule, '---\nupdated: "2025-01-10"\nresearch:\n  - "Rowe, M. B. (1986). Wait time."\n  - "Tobin, K. (1987). The role of wait time."\n---\n\n# T\n');
    expect(r.passed).toBe(false);
    expect(r.earned).toBe(0);
    const f = r.findings[0]!;
    expect(f.ruleId).toBe('research-recency');
    expect(f.severity).toBe('info');
    expect(f.line).toBe(3);
    expect(f.message).toBe("the newest cited research is from 1987, more than 10 years before 2025 (the offering's last update)");
  });

  it('fails old research relative to now when no update is given (Markdown)', () => {
    const r = check(rule, '# T\n\n## Research\n\nWait time helps (Rowe, 1986; Tobin, 2015).\n');
    expect(r.passed).toBe(false);
    expect(r.findings[0]!.line).toBe(5);
    expect(r.findings[0]!.message).toMatch(/from 2015, more than 10 years before 2026$/);
  });

  it('uses the maxAgeYears parameter', () => {
    const doc = docFromJson({ research: ['Tobin, K. (2015). Wait time revisited.'] });
    expect(check(rule, doc, { maxAgeYears: 11 }).passed).toBe(true);
    expect(check(rule, doc, { maxAgeYears: 10 }).passed).toBe(false);
  });

  it('its examples behave as documented', () => {
    expect(check(rule, rule.examples!.pass).passed).toBe(true);
    expect(check(rule, rule.examples!.fail).passed).toBe(false);
  });
});
