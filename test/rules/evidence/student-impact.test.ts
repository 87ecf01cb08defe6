import { describe, it, expect } from 'vitest';
import rule from '../../../src/rules/evidence/student-impact.js';
import { check, docFromJson } from '../../helpers.js';

describe('student-impact', () => {
  it('passes a Markdown body asking for student work samples', () => {
    const md = '# X\n\n## Evidence\n- A lesson plan.\n- Three student work samples from the lesson.\n';
    expect(check(rule, md).passed).toBe(true);
  });

  it('passes a front-matter reflection prompt about the impact on students\' learning', () => {
    const md = '---\nevidence:\n  - A 10-minute video of the lesson.\n  - part: reflection\n    description: Describe the impact on your students\' learning.\n---\n';
    expect(check(rule, md).passed).toBe(true);
  });

  it('passes JSON asking how the practice affected student responses', () => {
    const doc = docFromJson({ evidence: [{ part: 'artifact', description: 'A 10-minute video.' }, { part: 'reflection', description: 'How did wait time affect student responses?' }] });
    expect(check(rule, doc).passed).toBe(true);
  });

  it('fails a plan and a video with nothing about students, at the evidence section', () => {
    const md = '# X\n\n## Evidence\n- A lesson plan.\n- A 10-minute video of the lesson.\n';
    const r = check(rule, md);
    expect(r.passed).toBe(false);
    const f = r.findings[0]!;
    expect(f.ruleId).toBe('student-impact');
    expect(f.severity).toBe('warning');
    expect(f.line).toBe(4);
    expect(f.message).toMatch(/^no evidence of impact on students is requested/);
  });

  it('fails JSON whose reflection asks only about the educator', () => {
    const doc = docFromJson({ title: 'X', evidence: [{ part: 'artifact', description: 'A 10-minute video of your lesson.' }, { part: 'reflection', description: 'What did you learn about your own questioning?' }] });
    const r = check(rule, doc);
    expect(r.passed).toBe(false);
    expect(r.findings[0]!.line).toBe(3);
  });

  it('its examples behave as documented', () => {
    expect(check(rule, rule.examples!.pass).passed).toBe(true);
    expect(check(rule, rule.examples!.fail).passed).toBe(false);
  });
});
