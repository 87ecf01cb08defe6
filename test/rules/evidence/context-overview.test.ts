import { describe, it, expect } from 'vitest';
import rule from '../../../src/rules/evidence/context-overview.js';
import { check, docFromJson } from '../../helpers.js';

describe('context-overview', () => {
  it('passes a Markdown Part 1 overview asking about grade level and students', () => {
    const md = '# X\n\n## Submission Requirements\n\n### Part 1. Overview Questions\n1. What grade level do you teach? (100 words)\n2. Describe the students in the class. (150 words)\n\n### Part 2. Artifacts\n- A 10-minute video.\n';
    expect(check(rule, md).passed).toBe(true);
  });

  it('passes a "Part 1: Overview" heading even when the loader files it as a description', () => {
    const md = '# X\n\n## Evidence\n\n### Part 1: Overview\nDescribe your school setting and the class you teach.\n\n### Part 2: Artifacts\n- A 10-minute video.\n';
    expect(check(rule, md).passed).toBe(true);
  });

  it('passes a JSON overview entry', () => {
    const doc = docFromJson({ evidence: [{ part: 'overview', description: 'Which subject and grade do you teach?', limit: '100 words' }, 'A 10-minute video of a lesson.'] });
    expect(check(rule, doc).passed).toBe(true);
  });

  it('fails artifacts with no context questions, at the evidence anchor', () => {
    const md = '# X\n\n## Evidence\n- A 10-minute video of a lesson.\n- A 300-word reflection.\n';
    const r = check(rule, md);
    expect(r.passed).toBe(false);
    const f = r.findings[0]!;
    expect(f.ruleId).toBe('context-overview');
    expect(f.severity).toBe('warning');
    expect(f.line).toBe(4);
    expect(f.message).toMatch(/^no overview or context questions/);
    expect(r.earned).toBe(0);
  });

  it('gives half credit when the overview questions skip the teaching context (front matter)', () => {
    const md = '---\ntitle: X\nevidence:\n  - part: overview\n    description: Why did you choose this micro-credential?\n  - A 10-minute video of a lesson.\n---\n';
    const r = check(rule, md);
    expect(r.passed).toBe(false);
    const f = r.findings[0]!;
    expect(f.severity).toBe('info');
    expect(f.line).toBe(4);
    expect(f.path).toBe('evidence.0');
    expect(r.earned).toBeCloseTo(r.points / 2);
  });

  it('its examples behave as documented', () => {
    expect(check(rule, rule.examples!.pass).passed).toBe(true);
    expect(check(rule, rule.examples!.fail).passed).toBe(false);
  });
});
