import { describe, it, expect } from 'vitest';
import rule from '../../../src/rules/assessment/assessor-qualifications.js';
import { check, docFromJson } from '../../helpers.js';

describe('assessor-qualifications', () => {
  it('passes on trained assessors in the assessment process', () => {
    expect(check(rule, '# MC\n\n## Assessment Process\nEach submission is scored by trained assessors.\n').passed).toBe(true);
  });

  it('passes on Digital Promise style assessors in an About section', () => {
    const md = '# MC\n\n## About\nSubmissions are reviewed by subject-matter experts or educators who have earned this micro-credential.\n';
    expect(check(rule, md).passed).toBe(true);
  });

  it('passes on `assessment.assessors` in front matter and on a training flag in JSON', () => {
    expect(check(rule, '---\nassessment:\n  assessors: National Board certified teachers\n---\nBody.\n').passed).toBe(true);
    expect(check(rule, docFromJson({ assessment: { training: true } })).passed).toBe(true);
  });

  it('passes when the sentence naming reviewers says what qualifies them', () => {
    const md = '# MC\n\n## Assessment Process\nReviewers are classroom teachers with at least five years of experience.\n';
    expect(check(rule, md).passed).toBe(true);
  });

  it('fails when reviewers are named without qualifications, at the sentence', () => {
    const md = '# MC\n\n## Assessment Process\nSubmissions go to the platform. A reviewer reads each submission.\n';
    const r = check(rule, md);
    expect(r.passed).toBe(false);
    const f = r.findings[0]!;
    expect(f.ruleId).toBe('assessor-qualifications');
    expect(f.severity).toBe('warning');
    expect(f.line).toBe(4);
    expect(f.column).toBe(33);
    expect(f.quote).toBe('A reviewer reads each submission.');
    expect(f.message).toBe('the offering names reviewers but not their qualifications or training');
  });

  it('fails when nobody is named, at the assessment anchor', () => {
    const r = check(rule, docFromJson({ title: 'MC', assessment: { feedback: true } }));
    expect(r.passed).toBe(false);
    expect(r.findings[0]!.line).toBe(3);
    expect(r.findings[0]!.message).toBe('the offering does not say who assesses submissions or what qualifies them');
  });

  it('does not take the audience or a self-assessor field for qualified assessors', () => {
    const audience = '# MC\n\n## Audience\nDesigned for experienced teachers and National Board certified teachers.\n\n## Assessment Process\nSubmissions are checked.\n';
    expect(check(rule, audience).passed).toBe(false);
    expect(check(rule, '---\nassessment:\n  assessors: self-assessment by the candidate\n---\nBody.\n').passed).toBe(false);
  });

  it('runs its own examples', () => {
    expect(check(rule, rule.examples!.pass).passed).toBe(true);
    expect(check(rule, rule.examples!.fail).passed).toBe(false);
  });
});

describe('assessor-qualifications: an "Assessors" section', () => {
  it('takes content under an Assessors heading as naming the assessors', () => {
    expect(check(rule, '# MC\n\n## Assessors\nDistrict instructional coaches.\n').passed).toBe(true);
    expect(check(rule, '# MC\n\n## Assessors\nTBD\n').passed).toBe(false);
  });
});
