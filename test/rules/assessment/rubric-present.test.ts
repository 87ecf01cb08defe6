import { describe, it, expect } from 'vitest';
import rule from '../../../src/rules/assessment/rubric-present.js';
import { check, docFromJson } from '../../helpers.js';

/** 1-based line of the first occurrence of `needle` in `text`. */
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

describe('rubric-present', () => {
  it('passes on a scoring-guide table in a Markdown body', () => {
    const md = '# Wait Time\n\n## Scoring Guide\n| Criterion | Proficient | Not Yet |\n|---|---|---|\n| Wait time | Video shows 3 pauses after questions | Fewer than 3 |\n';
    const r = check(rule, md);
    expect(r.passed).toBe(true);
    expect(r.earned).toBe(20);
  });

  it('passes on `rubric.criteria` in JSON', () => {
    const r = check(rule, docFromJson({ title: 'Wait Time', rubric: { criteria: [{ name: 'Video shows wait time', levels: ['Yes', 'No'] }] } }));
    expect(r.passed).toBe(true);
  });

  it('passes on criteria in YAML front matter', () => {
    const r = check(rule, '---\ntitle: Wait Time\nrubric:\n  criteria:\n    - Video shows three pauses after questions\n---\nBody text.\n');
    expect(r.passed).toBe(true);
  });

  it('passes on a Digital Promise style scoring guide ("Passing:" lines) inside the submission guidelines', () => {
    const md =
      '# Wait Time\n\n## Submission Guidelines & Evaluation Criteria\n### Part 1. Overview Questions\n- Describe your class.\n\n**Passing:** Response gives accurate information about the class and its needs.\n';
    expect(check(rule, md).passed).toBe(true);
  });

  it('passes on a rubric written as prose in the rubric section', () => {
    const md = '# Wait Time\n\n## Rubric\nAssessors judge whether the video shows the teacher pausing after each question and whether students answer in full sentences.\n';
    expect(check(rule, md).passed).toBe(true);
  });

  it('fails with an error at line 1 when there is no rubric at all', () => {
    const r = check(rule, '# Wait Time\n\n## Competency\nEducator uses wait time after questions.\n');
    expect(r.passed).toBe(false);
    expect(r.earned).toBe(0);
    const f = r.findings[0]!;
    expect(f.ruleId).toBe('rubric-present');
    expect(f.severity).toBe('error');
    expect(f.line).toBe(1);
    expect(f.message).toMatch(/no rubric or scoring guide/);
  });

  it('fails on a placeholder rubric section and points at its heading', () => {
    const r = check(rule, '# Wait Time\n\n## Competency\nEducator uses wait time.\n\n## Scoring Guide\nTBD\n');
    expect(r.passed).toBe(false);
    const f = r.findings[0]!;
    expect(f.severity).toBe('error');
    expect(f.line).toBe(6);
    expect(f.column).toBe(4);
    expect(f.message).toBe('the rubric section is empty or a placeholder');
  });

  it('fails on placeholder criteria in JSON and points at the criteria', () => {
    const obj = { title: 'Wait Time', rubric: { criteria: ['TBD', '[insert criterion]'] } };
    const r = check(rule, docFromJson(obj));
    expect(r.passed).toBe(false);
    const f = r.findings[0]!;
    expect(f.message).toBe('the rubric criteria are empty or placeholders');
    expect(f.line).toBe(lineOf(JSON.stringify(obj, null, 2), '"criteria"'));
  });

  it('fails when the rubric section only states a pass rule', () => {
    const r = check(rule, '# Wait Time\n\n## Scoring Guide\nTo earn the badge you must pass.\n');
    expect(r.passed).toBe(false);
    expect(r.findings[0]!.message).toMatch(/states a pass rule but no rubric criteria/);
  });

  it('leaves a withheld rubric ("shared after enrollment") to public-criteria instead of blocking', () => {
    const md = '# Wait Time\n\n## Rubric\nThe rubric is shared after you enroll.\n';
    expect(check(rule, md).passed).toBe(true);
    const json = docFromJson({ rubric: { passingRule: 'Meet expectations on the rubric. The full rubric is shared with participants after enrollment and payment.' } });
    expect(check(rule, json).passed).toBe(true);
    // a notice that does not name a rubric is not one
    expect(check(rule, '# Wait Time\n\n## Rubric\nAvailable after enrollment.\n').passed).toBe(false);
  });

  it('runs its own examples', () => {
    expect(check(rule, rule.examples!.pass).passed).toBe(true);
    expect(check(rule, rule.examples!.fail).passed).toBe(false);
  });
});

describe('rubric-present: scoring tables in the submission guidelines', () => {
  it('passes on a table under a "Part 2 Rubric" label inside the evidence section', () => {
    const md =
      '# MC\n\n## Submission Guidelines\n### Part 2. Work Examples/Artifacts (Pass/Fail)\n- A video.\n\n**Part 2 Rubric**\n\n| Component | Passing |\n|---|---|\n| Video | Shows 3 pauses after questions |\n';
    expect(check(rule, md).passed).toBe(true);
  });

  it('does not take a plain requirements table for a rubric', () => {
    const md = '# MC\n\n## Submission Guidelines\n| Artifact | Length |\n|---|---|\n| Video | 10 minutes |\n';
    const r = check(rule, md);
    expect(r.passed).toBe(false);
    expect(r.findings[0]!.line).toBe(1);
  });
});

describe('rubric-present: a pass rule alone', () => {
  it('fails JSON with only `rubric.passingRule`', () => {
    const r = check(rule, docFromJson({ title: 'MC', rubric: { passingRule: 'Proficient on every criterion.' } }));
    expect(r.passed).toBe(false);
    expect(r.findings[0]!.message).toBe('the offering states a pass rule but no rubric criteria or levels to score evidence against');
    expect(r.findings[0]!.line).toBe(3);
  });
});
