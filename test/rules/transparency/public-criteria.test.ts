import { describe, it, expect } from 'vitest';
import rule from '../../../src/rules/transparency/public-criteria.js';
import { check, docFromJson } from '../../helpers.js';

describe('public-criteria', () => {
  it('passes a Markdown offering with a published rubric', () => {
    const md = '# Wait Time\n\n## Rubric\n| Criterion | Pass |\n|---|---|\n| Wait time | 3+ seconds |\n';
    expect(check(rule, md).passed).toBe(true);
  });

  it('passes JSON metadata that says nothing is hidden', () => {
    const r = check(rule, docFromJson({ title: 'Wait Time', description: 'No account or login required to view the requirements and rubric.' }));
    expect(r.passed).toBe(true);
  });

  it('flags "available after enrollment" in a rubric section, at the phrase', () => {
    const md = '# Wait Time\n\n## Scoring Guide\nThe rubric is available after enrollment.\n';
    const r = check(rule, md);
    expect(r.passed).toBe(false);
    expect(r.earned).toBe(0);
    expect(r.findings).toHaveLength(1);
    const f = r.findings[0]!;
    expect(f.ruleId).toBe('public-criteria');
    expect(f.severity).toBe('error'); // hidden criteria block approval in the default rubric
    expect(f.line).toBe(4);
    expect(f.column).toBe(15);
    expect(f.quote).toBe('The rubric is available after enrollment.');
    expect(f.message).toContain('"available after enrollment"');
  });

  it('flags a front-matter field and every separate place that withholds criteria', () => {
    const md = '---\ntitle: Wait Time\nassessment:\n  assessors: "Trained reviewers; rubric available upon request"\n---\n## Evidence\nFull requirements: login required.\n';
    const r = check(rule, md);
    expect(r.findings.map((f) => f.line)).toEqual([4, 7]);
    expect(r.findings[0]!.column).toBe(41);
  });

  it('does not flag a phrase that is negated', () => {
    const r = check(rule, '# Wait Time\n\nThe rubric is public: no login required. The rubric is not available upon request because it is printed below.\n');
    expect(r.passed).toBe(true);
  });

  it('uses the rubric parameters', () => {
    const md = '# Wait Time\n\nThe rubric is shared with subscribers.\n';
    expect(check(rule, md).passed).toBe(true);
    expect(check(rule, md, { hiddenPhrases: ['shared with subscribers'] }).passed).toBe(false);
  });

  it('passes its own pass example and fails its fail example', () => {
    expect(check(rule, rule.examples!.pass).passed).toBe(true);
    expect(check(rule, rule.examples!.fail).passed).toBe(false);
  });
});
