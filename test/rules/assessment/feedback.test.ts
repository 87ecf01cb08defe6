import { describe, it, expect } from 'vitest';
import rule from '../../../src/rules/assessment/feedback.js';
import { check, docFromJson } from '../../helpers.js';

describe('feedback', () => {
  it('passes on per-criterion written feedback in the assessment process', () => {
    expect(check(rule, '# MC\n\n## Assessment Process\nAssessors give you written feedback on each criterion.\n').passed).toBe(true);
  });

  it('passes on section-by-section feedback in an About section', () => {
    const md = '# MC\n\n## About\nCandidates receive section-by-section feedback from the reviewer.\n';
    expect(check(rule, md).passed).toBe(true);
  });

  it('passes on a truthy `assessment.feedback` in JSON and front matter', () => {
    expect(check(rule, docFromJson({ assessment: { feedback: true } })).passed).toBe(true);
    expect(check(rule, '---\nassessment:\n  feedback: Written comments per rubric row\n---\nBody.\n').passed).toBe(true);
  });

  it('gives half credit to feedback that is not tied to criteria or sections', () => {
    const md = '# MC\n\n## Assessment Process\nAfter scoring, you will receive feedback by email.\n';
    const r = check(rule, md);
    expect(r.passed).toBe(false);
    expect(r.earned).toBe(4);
    const f = r.findings[0]!;
    expect(f.ruleId).toBe('feedback');
    expect(f.severity).toBe('info');
    expect(f.line).toBe(4);
    expect(f.column).toBe(33);
    expect(f.quote).toBe('After scoring, you will receive feedback by email.');
  });

  it('fails with a warning when feedback is never mentioned', () => {
    const md = '# MC\n\n## Competency\nEducator uses wait time.\n\n## Assessment Process\nYou will be notified whether you earned the badge.\n';
    const r = check(rule, md);
    expect(r.passed).toBe(false);
    expect(r.earned).toBe(0);
    expect(r.findings[0]!.severity).toBe('warning');
    expect(r.findings[0]!.line).toBe(6);
    expect(r.findings[0]!.column).toBe(4);
  });

  it('fails when feedback is ruled out, in prose or in a field', () => {
    const prose = check(rule, '# MC\n\n## Assessment Process\nNo feedback is provided; you only see the final decision.\n');
    expect(prose.passed).toBe(false);
    expect(prose.findings[0]!.message).toBe('the offering says no feedback is given to candidates');
    expect(prose.findings[0]!.line).toBe(4);
    const field = check(rule, '---\nassessment:\n  feedback: false\n---\nBody.\n');
    expect(field.findings[0]!.line).toBe(3);
    expect(field.findings[0]!.message).toMatch(/`assessment.feedback` says no/);
  });

  it('does not count feedback the teacher gives students', () => {
    const md = '# MC\n\n## Competency\nEducator gives written feedback to students on each draft.\n\n## Evidence\nSubmit three samples of the feedback you gave students on each draft.\n';
    expect(check(rule, md).passed).toBe(false);
  });

  it('runs its own examples', () => {
    expect(check(rule, rule.examples!.pass).passed).toBe(true);
    expect(check(rule, rule.examples!.fail).passed).toBe(false);
  });
});
