import { describe, it, expect } from 'vitest';
import rule from '../../../src/rules/grain-size/observable-action.js';
import { check, docFromJson } from '../../helpers.js';

const md = (competency: string) => `# Title\n\n## Competency\n\n${competency}\n`;

describe('observable-action', () => {
  it('passes observable educator actions (Markdown and JSON)', () => {
    expect(check(rule, md('Educator facilitates a restorative circle after a classroom conflict.')).passed).toBe(true);
    expect(check(rule, docFromJson({ competency: 'Educator designs a hinge-point question to check the whole class\'s understanding.' })).passed).toBe(true);
  });

  it('passes a knowledge word used after the action ("check for understanding", "student values")', () => {
    expect(check(rule, md('Educator uses exit tickets to check for understanding and regroup students.')).passed).toBe(true);
    expect(check(rule, md('Educator uses student values surveys to plan morning meetings.')).passed).toBe(true);
  });

  it('fails the NEA-style "Educator explores …" and points at the verb (Markdown)', () => {
    const r = check(rule, md('Educator explores restorative practices.'));
    expect(r.passed).toBe(false);
    expect(r.earned).toBe(0);
    const f = r.findings[0]!;
    expect(f.ruleId).toBe('observable-action');
    expect(f.severity).toBe('warning');
    expect(f.line).toBe(5);
    expect(f.column).toBe(10);
    expect(f.quote).toBe('Educator explores restorative practices.');
    expect(f.message).toMatch(/"explores"/);
  });

  it('fails knowledge statements in front matter, at the verb column', () => {
    const r = check(rule, '---\ntitle: T\ncompetency: Educator demonstrates an understanding of formative assessment.\n---\n\n# T\n');
    expect(r.passed).toBe(false);
    const f = r.findings[0]!;
    expect(f.line).toBe(3);
    expect(f.column).toBe(38);
    expect(f.message).toMatch(/"understanding"/);
  });

  it('fails multi-word knowledge phrases and a label line', () => {
    const r = check(rule, '# T\n\nCompetency: Teacher learns about trauma-informed teaching.\n');
    expect(r.passed).toBe(false);
    expect(r.findings[0]!.line).toBe(3);
    expect(r.findings[0]!.column).toBe(21);
    expect(r.findings[0]!.message).toMatch(/"learns about"/);
    expect(check(rule, md('Students will understand the water cycle.')).passed).toBe(false);
  });

  it('gives half the points when an action follows the knowledge verb', () => {
    const r = check(rule, md('Educator explores restorative practices and implements a restorative circle.'));
    expect(r.passed).toBe(false);
    expect(r.earned).toBe(r.points / 2);
    expect(r.findings[0]!.severity).toBe('info');
    // a purpose clause is not a joined action
    expect(check(rule, md('Educator explores restorative practices to build community.')).earned).toBe(0);
  });

  it('finds the verb on the second line of a wrapped paragraph', () => {
    const r = check(rule, '# T\n\n## Competency\n\nThe middle school educator\nexplores restorative practices.\n');
    expect(r.findings[0]!.line).toBe(6);
    expect(r.findings[0]!.column).toBe(1);
  });

  it('uses the knowledgeVerbs parameter', () => {
    expect(check(rule, md('Educator explores restorative practices.'), { knowledgeVerbs: ['understands'] }).passed).toBe(true);
  });

  it('leaves a missing competency to competency-present', () => {
    expect(check(rule, '# T\n\n## Resources\n\n- A video.\n').passed).toBe(true);
  });

  it('its examples behave as documented', () => {
    expect(check(rule, rule.examples!.pass).passed).toBe(true);
    expect(check(rule, rule.examples!.fail).passed).toBe(false);
  });
});
