import { describe, it, expect } from 'vitest';
import rule from '../../../src/rules/grain-size/single-competency.js';
import { check, docFromJson } from '../../helpers.js';

const md = (competency: string) => `# Title\n\n## Competency\n\n${competency}\n`;

describe('single-competency', () => {
  it('passes one practice, including two nouns of one practice and a shared object', () => {
    expect(check(rule, md('Educator uses questioning and wait time to deepen student thinking.')).passed).toBe(true);
    expect(check(rule, md('Educator designs and implements a think-pair-share routine to increase participation.')).passed).toBe(true);
    expect(check(rule, md('Educator plans, teaches, and reflects on a lesson that uses number talks.')).passed).toBe(true);
  });

  it('passes a follow-up step of the same practice (back reference, "based on")', () => {
    expect(check(rule, md('Educator co-creates anchor charts with students and uses them to support independent work.')).passed).toBe(true);
    expect(
      check(rule, docFromJson({ competency: 'Educator uses hinge-point questions to check understanding and adjusts instruction immediately based on the responses.' })).passed,
    ).toBe(true);
  });

  it('fails three practices joined by "and", pointing at the competency line (Markdown)', () => {
    const r = check(rule, md('Educator designs rubrics and facilitates peer feedback and analyzes data.'));
    expect(r.passed).toBe(false);
    expect(r.earned).toBe(0);
    const f = r.findings[0]!;
    expect(f.ruleId).toBe('single-competency');
    expect(f.severity).toBe('warning');
    expect(f.line).toBe(5);
    expect(f.column).toBe(1);
    expect(f.quote).toBe('Educator designs rubrics and facilitates peer feedback and analyzes data.');
    expect(f.message).toMatch(/3 practices/);
  });

  it('gives half the points for two practices joined by "and" (front matter)', () => {
    const r = check(rule, '---\ntitle: Rubrics\ncompetency: Educator designs rubrics and facilitates peer feedback.\n---\n\n# Rubrics\n');
    expect(r.passed).toBe(false);
    expect(r.earned).toBe(r.points / 2);
    const f = r.findings[0]!;
    expect(f.severity).toBe('info');
    expect(f.line).toBe(3);
    expect(f.column).toBe(13);
    expect(f.message).toMatch(/"designs", "facilitates"/);
  });

  it('fails practices separated by a semicolon or written as separate sentences', () => {
    const a = check(rule, md('Educator designs rubrics; facilitates peer feedback.'));
    expect(a.passed).toBe(false);
    expect(a.findings[0]!.severity).toBe('warning');
    const b = check(rule, docFromJson({ competency: 'Educator designs rubrics. Educator facilitates peer feedback.' }));
    expect(b.passed).toBe(false);
    expect(b.findings[0]!.message).toMatch(/separate sentences/);
    expect(b.findings[0]!.line).toBe(2);
  });

  it('fails a competency written as a list: Markdown bullets, inline numbering, list lines in JSON', () => {
    const a = check(rule, '# T\n\n## Competency\n\n- Educator designs rubrics.\n- Educator facilitates peer feedback.\n');
    expect(a.passed).toBe(false);
    expect(a.findings[0]!.line).toBe(5);
    expect(a.findings[0]!.column).toBe(3);
    expect(a.findings[0]!.message).toMatch(/list of 2 actions/);
    const b = check(rule, md('Educator is able to: 1) design rubrics 2) facilitate peer feedback'));
    expect(b.passed).toBe(false);
    expect(b.findings[0]!.message).toMatch(/list of 2 items/);
    const c = check(rule, docFromJson({ competency: 'Educator will:\n- design rubrics\n- facilitate peer feedback' }));
    expect(c.passed).toBe(false);
  });

  it('does not count a second sentence that is not an educator action, or a verb in a relative clause', () => {
    expect(check(rule, md('Educator uses wait time. This gives students time to think.')).passed).toBe(true);
    expect(check(rule, md('Educator uses a protocol that supports student discourse and builds community.')).passed).toBe(true);
  });

  it('gives half the points for a single statement longer than maxWords', () => {
    const long = 'Educator uses wait time of three to five seconds after posing a higher-order question to the whole class and again after a student responds, before calling on anyone else, to increase the length of student responses.';
    const r = check(rule, md(long), { maxWords: 30 });
    expect(r.passed).toBe(false);
    expect(r.earned).toBe(r.points / 2);
    expect(r.findings[0]!.message).toMatch(/more than 30/);
    expect(check(rule, md(long)).passed).toBe(true);
  });

  it('leaves a missing or placeholder competency to competency-present', () => {
    expect(check(rule, '# T\n\n## Resources\n\n- A video.\n').passed).toBe(true);
    expect(check(rule, md('TBD')).passed).toBe(true);
  });

  it('its examples behave as documented', () => {
    expect(check(rule, rule.examples!.pass).passed).toBe(true);
    expect(check(rule, rule.examples!.fail).passed).toBe(false);
  });
});
