import { describe, it, expect } from 'vitest';
import rule from '../../../src/rules/assessment/independent-assessor.js';
import { check, docFromJson } from '../../helpers.js';

describe('independent-assessor', () => {
  it('passes when trained assessors score the evidence', () => {
    expect(check(rule, '# MC\n\n## Assessment Process\nEach submission is scored by two trained assessors.\n').passed).toBe(true);
  });

  it('passes when a self-assessment step is followed by an independent assessor', () => {
    expect(check(rule, rule.examples!.pass).passed).toBe(true);
  });

  it('passes on an `assessment.assessors` field in JSON and front matter', () => {
    expect(check(rule, docFromJson({ assessment: { assessors: 'BloomBoard Certified Assessors' } })).passed).toBe(true);
    expect(check(rule, '---\nassessment:\n  assessors: District instructional coaches\n---\nSelf-assess your lesson first.\n').passed).toBe(true);
  });

  it('passes when nothing at all is said about who assesses', () => {
    expect(check(rule, '# MC\n\n## Competency\nEducator uses wait time.\n').passed).toBe(true);
  });

  it('passes when students self-assess as part of the practice', () => {
    const md =
      '# Student Self-Assessment\n\n## Competency\nEducator teaches students to self-assess their writing.\n\n## Evidence\n- Three student self-assessments.\n\n## Rubric\n- Lesson plan includes a self-assessment checklist\n';
    expect(check(rule, md).passed).toBe(true);
  });

  it('fails with an error when the only assessment is self-assessment', () => {
    const md = '# MC\n\n## Assessment\nScore your own video with the checklist and certify that you met each criterion.\n';
    const r = check(rule, md);
    expect(r.passed).toBe(false);
    expect(r.earned).toBe(0);
    const f = r.findings[0]!;
    expect(f.ruleId).toBe('independent-assessor');
    expect(f.severity).toBe('error');
    expect(f.line).toBe(4);
    expect(f.column).toBe(1);
    expect(f.message).toMatch(/own self-assessment/);
  });

  it('fails on an auto-graded quiz with no assessor', () => {
    const md = '# MC\n\n## Evidence\nWatch the webinar, then pass the auto-graded quiz with 80%.\n';
    const r = check(rule, md);
    expect(r.passed).toBe(false);
    expect(r.findings[0]!.line).toBe(4);
    expect(r.findings[0]!.column).toBe(34);
    expect(r.findings[0]!.message).toMatch(/automatic/);
  });

  it('fails when no assessor is named and a reflection says to self-assess', () => {
    const md = '# MC\n\n## Evidence\n### Reflection\n- Self-assess your growth using the rubric.\n';
    expect(check(rule, md).passed).toBe(false);
  });

  it('fails on a self-only assessors field in front matter', () => {
    const r = check(rule, '---\ntitle: MC\nassessment:\n  assessors: self\n---\nBody.\n');
    expect(r.passed).toBe(false);
    expect(r.findings[0]!.line).toBe(4);
  });

  it('runs its own examples', () => {
    expect(check(rule, rule.examples!.pass).passed).toBe(true);
    expect(check(rule, rule.examples!.fail).passed).toBe(false);
  });
});

describe('independent-assessor: passive review', () => {
  it('takes "submissions are reviewed" as review by someone else', () => {
    const md = '# MC\n\n## Assessment\nSubmissions are reviewed against the rubric. Before submitting, complete the self-assessment.\n';
    expect(check(rule, md).passed).toBe(true);
  });

  it('does not take automatic or self scoring in the passive for an assessor', () => {
    const auto = '# MC\n\n## Assessment\nThe quiz is scored automatically when you finish it.\n';
    expect(check(rule, auto).passed).toBe(false);
    const self = '# MC\n\n## Assessment\nYour lesson is scored by you with the self-scoring checklist.\n';
    expect(check(rule, self).passed).toBe(false);
  });
});

describe('independent-assessor: an "Assessors" section', () => {
  it('takes content under an Assessors heading as an independent assessor', () => {
    const md = '# MC\n\n## Assessors\nDistrict instructional coaches.\n\n## Assessment Process\nSelf-assess your video before you submit it.\n';
    expect(check(rule, md).passed).toBe(true);
  });
});
