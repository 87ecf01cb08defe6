import { describe, it, expect } from 'vitest';
import rule from '../../../src/rules/assessment/observable-criteria.js';
import { check, docFromJson } from '../../helpers.js';

const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

describe('observable-criteria', () => {
  it('passes on descriptors with counts and observable behaviour', () => {
    const md = '# MC\n\n## Scoring Guide\n| Criterion | Proficient | Not Yet |\n|---|---|---|\n| Wait time | Video shows 3 pauses of 3+ seconds | Fewer than 3 pauses |\n| Responses | Log lists each student response | Missing |\n';
    expect(check(rule, md).passed).toBe(true);
  });

  it('passes when a vague word comes with a count (JSON)', () => {
    const doc = docFromJson({
      rubric: { criteria: [{ name: 'Questions', levels: [{ name: 'Proficient', descriptor: 'Asks at least 5 good open questions' }, { name: 'Not Yet', descriptor: 'Asks fewer than 5' }] }] },
    });
    expect(check(rule, doc).passed).toBe(true);
  });

  it('passes when vague descriptors are at most maxVagueShare', () => {
    const md = '# MC\n\n## Scoring Guide\n| Criterion | Proficient | Not Yet |\n|---|---|---|\n| Wait time | Good wait time | Fewer than 3 pauses |\n';
    expect(check(rule, md).passed).toBe(true);
    expect(check(rule, md, { maxVagueShare: 0.2 }).passed).toBe(false);
  });

  it('reports each vague table descriptor on its row line', () => {
    const md = rule.examples!.fail;
    const r = check(rule, '# MC\n\n' + md);
    expect(r.passed).toBe(false);
    expect(r.earned).toBe(0);
    expect(r.findings).toHaveLength(2);
    const f = r.findings[0]!;
    expect(f.ruleId).toBe('observable-criteria');
    expect(f.severity).toBe('warning');
    expect(f.line).toBe(6);
    expect(f.quote).toBe('Good use of appropriate wait time');
    expect(f.message).toMatch(/^level descriptor "Good use of appropriate wait time" rests on "Good"/);
    expect(r.findings[1]!.quote).toBe('Wait time is not adequate');
  });

  it('reports vague descriptors in front matter at the descriptor line and column', () => {
    const md =
      '---\nrubric:\n  criteria:\n    - name: Plan\n      levels:\n        - name: Proficient\n          descriptor: An appropriate and thoughtful plan\n        - name: Not Yet\n          descriptor: The plan is not adequate\n---\nBody.\n';
    const r = check(rule, md);
    expect(r.passed).toBe(false);
    expect(r.findings.map((f) => [f.line, f.column])).toEqual([
      [lineOf(md, 'descriptor: An'), 23],
      [lineOf(md, 'descriptor: The'), 23],
    ]);
  });

  it('reads "Passing:" lines when there are no structured criteria', () => {
    const md = '# MC\n\n## Submission Guidelines\n### Part 1\n- Describe your class.\n\n**Passing:** A clear and thoughtful response.\n';
    const r = check(rule, md);
    expect(r.passed).toBe(false);
    expect(r.findings[0]!.line).toBe(7);
    expect(r.findings[0]!.quote).toBe('A clear and thoughtful response.');
  });

  it('passes when there are no descriptors at all', () => {
    expect(check(rule, '# MC\n\n## Competency\nEducator uses wait time.\n').passed).toBe(true);
  });

  it('runs its own examples', () => {
    expect(check(rule, rule.examples!.pass).passed).toBe(true);
    expect(check(rule, rule.examples!.fail).passed).toBe(false);
  });
});

describe('observable-criteria: BloomBoard style rubric lists', () => {
  const md = `# MC

## Evidence Requirements
### Requirement 1: Analyze
Upload the pre-check results.

#### Requirement 1 Rubric
- Demonstrated: Strong evidence of analysis.
- Progressing: Some evidence of analysis.
- Not Met: Little or no evidence of analysis.
`;

  it('takes a leading level line as a level of the heading criterion and reports it', () => {
    const r = check(rule, md);
    expect(r.passed).toBe(false);
    expect(r.findings).toHaveLength(3);
    expect(r.findings[0]!.line).toBe(8);
    expect(r.findings[0]!.column).toBe(17);
    expect(r.findings[0]!.quote).toBe('Strong evidence of analysis.');
    expect(r.findings[2]!.message).toMatch(/rests on "Little"/);
  });
});
