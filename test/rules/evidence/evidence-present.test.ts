import { describe, it, expect } from 'vitest';
import rule from '../../../src/rules/evidence/evidence-present.js';
import { check, docFromJson } from '../../helpers.js';

describe('evidence-present', () => {
  it('passes a Markdown body that lists artifacts', () => {
    const r = check(rule, '# Wait Time\n\n## Submission Requirements\n\n### Part 2. Artifacts\n- One 10-minute video of a lesson.\n- Three student work samples.\n');
    expect(r.passed).toBe(true);
    expect(r.earned).toBe(r.points);
  });

  it('passes JSON evidence given as plain strings', () => {
    const r = check(rule, docFromJson({ title: 'X', evidence: ['A lesson plan you taught, with notes on what happened.'] }));
    expect(r.passed).toBe(true);
  });

  it('fails a body with no evidence section at all, at line 1', () => {
    const r = check(rule, '# Wait Time\n\n## Competency\nEducator uses wait time after questions.\n');
    expect(r.passed).toBe(false);
    expect(r.findings).toHaveLength(1);
    const f = r.findings[0]!;
    expect(f.ruleId).toBe('evidence-present');
    expect(f.severity).toBe('error');
    expect(f.line).toBe(1);
    expect(f.message).toMatch(/no evidence requirements/);
    expect(r.earned).toBe(0);
  });

  it('fails a front-matter evidence field that is a placeholder, at its line', () => {
    const r = check(rule, '---\ntitle: Wait Time\nevidence: TBD\n---\n## Competency\nEducator uses wait time.\n');
    expect(r.passed).toBe(false);
    const f = r.findings[0]!;
    expect(f.severity).toBe('error');
    expect(f.line).toBe(3);
    expect(f.message).toMatch(/empty or placeholders/);
  });

  it('fails an evidence section holding only a template placeholder, at the section', () => {
    const r = check(rule, '# X\n\n## What to Submit\n\n[Describe the evidence here]\n');
    expect(r.passed).toBe(false);
    expect(r.findings[0]!.line).toBe(5);
    expect(r.findings[0]!.message).toMatch(/placeholders/);
  });

  it('fails JSON whose evidence entries are all blank or generic headings', () => {
    const r = check(rule, docFromJson({ title: 'X', evidence: [{ title: 'Artifacts', description: '' }, 'N/A'] }));
    expect(r.passed).toBe(false);
    expect(r.findings[0]!.line).toBe(3);
  });

  it('reads evidence under an "Earning Criteria" heading the loader does not map', () => {
    const md = '# X\n\n## Earning Criteria\n\n### Task 1: Analyze\nAnalyze your class data.\n\n### Task 2: Implement\nSubmit a video of you teaching.\n';
    expect(check(rule, md).passed).toBe(true);
  });

  it('its examples behave as documented', () => {
    expect(check(rule, rule.examples!.pass).passed).toBe(true);
    expect(check(rule, rule.examples!.fail).passed).toBe(false);
  });
});
