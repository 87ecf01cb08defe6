import { describe, it, expect } from 'vitest';
import rule from '../../../src/rules/assessment/passing-rule.js';
import { check, docFromJson } from '../../helpers.js';

const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

describe('passing-rule', () => {
  it('passes on a conjunctive rule in the submission guidelines', () => {
    const md = '# MC\n\n## Submission Guidelines\nTo earn this micro-credential, you must be rated Proficient on all components in Part 2.\n';
    expect(check(rule, md).passed).toBe(true);
  });

  it('passes on a conjunctive `rubric.passingRule` in JSON', () => {
    expect(check(rule, docFromJson({ rubric: { passingRule: 'Demonstrated on every criterion of every requirement.' } })).passed).toBe(true);
  });

  it('passes on an NEA style rule naming levels per part', () => {
    const md = '# MC\n\n## Scoring Guide\nTo earn the micro-credential, you must receive a Pass for Part 2 and Yes for Parts 1 and 3.\n';
    expect(check(rule, md).passed).toBe(true);
  });

  it('treats "N of N" as conjunctive', () => {
    const md = '---\nrubric:\n  passingRule: 4 of 4 criteria at Proficient\n---\nBody.\n';
    expect(check(rule, md).passed).toBe(true);
  });

  it('fails with a warning at the rubric heading when no pass rule is stated', () => {
    const md = rule.examples!.fail;
    const r = check(rule, '# MC\n\n' + md);
    expect(r.passed).toBe(false);
    const f = r.findings[0]!;
    expect(f.ruleId).toBe('passing-rule');
    expect(f.severity).toBe('warning');
    expect(f.line).toBe(3);
    expect(f.column).toBe(4);
    expect(f.message).toMatch(/^no pass rule/);
  });

  it('gives half credit to a compensatory rule and points at its sentence', () => {
    const md = '# MC\n\n## Scoring Guide\n- Video shows wait time\n\nCandidates must score Proficient on at least 80% of the components.\n';
    const r = check(rule, md);
    expect(r.passed).toBe(false);
    expect(r.earned).toBe(5);
    const f = r.findings[0]!;
    expect(f.severity).toBe('info');
    expect(f.line).toBe(lineOf(md, 'Candidates must'));
    expect(f.column).toBe(1);
    expect(f.message).toMatch(/compensatory \("80%"\)/);
    expect(f.quote).toBe('Candidates must score Proficient on at least 80% of the components.');
  });

  it('fails a compensatory rule outright when allowCompensatory is false', () => {
    const obj = { rubric: { criteria: ['A', 'B', 'C', 'D'], passingRule: 'At least 3 of 4 criteria at Proficient.' } };
    const r = check(rule, docFromJson(obj), { allowCompensatory: false });
    expect(r.passed).toBe(false);
    expect(r.earned).toBe(0);
    const f = r.findings[0]!;
    expect(f.severity).toBe('warning');
    expect(f.message).toMatch(/compensatory \("3 of 4"\); this rubric requires every criterion/);
    expect(f.line).toBe(lineOf(JSON.stringify(obj, null, 2), '"passingRule"'));
  });

  it('recognises averages and point totals as compensatory', () => {
    const avg = check(rule, '# MC\n\n## Scoring Guide\nTo pass, you need an average of 3 across the criteria.\n');
    expect(avg.findings[0]!.message).toMatch(/compensatory \("average"\)/);
    const pts = check(rule, '# MC\n\n## Scoring Guide\nA passing score is 12 points.\n');
    expect(pts.findings[0]!.message).toMatch(/compensatory \("12 points"\)/);
  });

  it('gives half credit to a vague rule and ignores assessor agreement thresholds', () => {
    const vague = check(rule, '# MC\n\n## Assessment\nTo earn the badge, your submission must pass review.\n');
    expect(vague.earned).toBe(5);
    expect(vague.findings[0]!.message).toMatch(/does not say which level/);
    const calib = check(rule, '# MC\n\n## Assessment\nAssessors must reach 80% agreement with anchor scores.\n');
    expect(calib.findings[0]!.message).toMatch(/^no pass rule/);
  });

  it('runs its own examples', () => {
    expect(check(rule, rule.examples!.pass).passed).toBe(true);
    expect(check(rule, rule.examples!.fail).passed).toBe(false);
  });
});
