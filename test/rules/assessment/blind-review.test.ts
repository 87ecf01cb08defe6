import { describe, it, expect } from 'vitest';
import rule from '../../../src/rules/assessment/blind-review.js';
import { check, docFromJson } from '../../helpers.js';

describe('blind-review', () => {
  it('passes on double-blind review in prose', () => {
    expect(check(rule, '# MC\n\n## About\nSubmissions are assessed double-blind by subject-matter experts.\n').passed).toBe(true);
  });

  it('passes on submission IDs and on anonymised portfolios', () => {
    expect(check(rule, '# MC\n\n## Assessment Process\nAssessors see only a submission ID.\n').passed).toBe(true);
    expect(check(rule, '# MC\n\n## Assessment Process\nPortfolios are anonymized before assessors score them.\n').passed).toBe(true);
  });

  it('passes on a truthy `assessment.blindReview` in JSON and front matter', () => {
    expect(check(rule, docFromJson({ assessment: { blindReview: true } })).passed).toBe(true);
    expect(check(rule, '---\nassessment:\n  blindReview: Names are removed before scoring\n---\nBody.\n').passed).toBe(true);
  });

  it('fails when nothing says reviews are blind', () => {
    const md = '# MC\n\n## Competency\nEducator uses wait time.\n\n## Assessment Process\nYour coach scores your submission.\n';
    const r = check(rule, md);
    expect(r.passed).toBe(false);
    const f = r.findings[0]!;
    expect(f.ruleId).toBe('blind-review');
    expect(f.severity).toBe('warning');
    expect(f.line).toBe(6);
    expect(f.column).toBe(4);
  });

  it('fails on a false field, at the field line', () => {
    const r = check(rule, '---\ntitle: MC\nassessment:\n  blindReview: false\n---\nBody.\n');
    expect(r.passed).toBe(false);
    expect(r.findings[0]!.line).toBe(4);
    expect(r.findings[0]!.message).toMatch(/not blind/);
  });

  it('fails on a negated statement and points at it', () => {
    const r = check(rule, '# MC\n\n## Assessment Process\nThis is not a blind review: your coach knows you.\n');
    expect(r.passed).toBe(false);
    expect(r.findings[0]!.line).toBe(4);
    expect(r.findings[0]!.message).toBe('the offering says reviews are not blind');
  });

  it('does not count anonymised student work as blind review', () => {
    const md = '# MC\n\n## Evidence\nSubmit anonymized student work samples.\n\n## Assessment Process\nStudent names must be anonymized in the submission.\n';
    expect(check(rule, md).passed).toBe(false);
  });

  it('runs its own examples', () => {
    expect(check(rule, rule.examples!.pass).passed).toBe(true);
    expect(check(rule, rule.examples!.fail).passed).toBe(false);
  });
});
