import { describe, it, expect } from 'vitest';
import rule from '../../../src/rules/grain-size/learner-purpose.js';
import { check, docFromJson } from '../../helpers.js';

const md = (competency: string) => `# Title\n\n## Competency\n\n${competency}\n`;

describe('learner-purpose', () => {
  it('passes a purpose for students in the competency (Markdown)', () => {
    expect(check(rule, md('Educator uses wait time after questions so that more students respond.')).passed).toBe(true);
    expect(check(rule, md('Educator uses think-pair-share to increase participation in whole-class discussion.')).passed).toBe(true);
    expect(check(rule, md('Educator designs exit tickets that show student learning at the end of a lesson.')).passed).toBe(true);
  });

  it('passes a purpose stated in the key method, description or research (JSON, front matter)', () => {
    expect(check(rule, docFromJson({ competency: 'Educator designs a single-point rubric.', keyMethod: 'The rubric is co-constructed with learners.' })).passed).toBe(true);
    expect(check(rule, docFromJson({ competency: 'Educator designs a single-point rubric.', description: 'Self-assessment improves student achievement in writing.' })).passed).toBe(true);
    expect(
      check(rule, '---\ncompetency: Educator designs a single-point rubric.\nresearch:\n  - "Andrade (2008): rubric-referenced self-assessment improves writing quality of students."\n---\n# T\n').passed,
    ).toBe(true);
  });

  it('fails when no effect on students is stated, at the competency (Markdown)', () => {
    const r = check(rule, md('Educator designs a rubric for a unit project.'));
    expect(r.passed).toBe(false);
    expect(r.earned).toBe(0);
    const f = r.findings[0]!;
    expect(f.ruleId).toBe('learner-purpose');
    expect(f.severity).toBe('warning');
    expect(f.line).toBe(5);
    expect(f.quote).toBe('Educator designs a rubric for a unit project.');
  });

  it('fails in front matter, at the competency field', () => {
    const r = check(rule, '---\ntitle: T\ncompetency: Educator explores classroom management.\n---\n\n# T\n');
    expect(r.passed).toBe(false);
    expect(r.findings[0]!.line).toBe(3);
  });

  it('does not accept a passing mention of students in the description', () => {
    const r = check(rule, docFromJson({ competency: 'Educator designs a rubric for a unit project.', description: 'Popular with teachers of older students.' }));
    expect(r.passed).toBe(false);
  });

  it('its examples behave as documented', () => {
    expect(check(rule, rule.examples!.pass).passed).toBe(true);
    expect(check(rule, rule.examples!.fail).passed).toBe(false);
  });
});
