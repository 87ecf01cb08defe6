import { describe, it, expect } from 'vitest';
import rule from '../../../src/rules/grain-size/educator-actor.js';
import { check, docFromJson } from '../../helpers.js';

const md = (competency: string) => `# Title\n\n## Competency\n\n${competency}\n`;

describe('educator-actor', () => {
  it('passes when the educator acts (Markdown, JSON, plural, adjectives before the actor)', () => {
    expect(check(rule, md('The teacher designs a hinge-point question to check understanding.')).passed).toBe(true);
    expect(check(rule, docFromJson({ competency: 'Educator uses wait time after questions to increase student response.' })).passed).toBe(true);
    expect(check(rule, md('Teachers use think-pair-share so that every student rehearses an answer.')).passed).toBe(true);
    expect(check(rule, md('A middle school mathematics teacher uses number talks to build fluency.')).passed).toBe(true);
    expect(check(rule, md('The **school leader** facilitates a data meeting with grade-level teams.')).passed).toBe(true);
  });

  it('fails when students are the actors, at the start of the competency (Markdown)', () => {
    const r = check(rule, md('Students will explain their reasoning in small-group discussion.'));
    expect(r.passed).toBe(false);
    expect(r.earned).toBe(0);
    const f = r.findings[0]!;
    expect(f.ruleId).toBe('educator-actor');
    expect(f.severity).toBe('warning');
    expect(f.line).toBe(5);
    expect(f.column).toBe(1);
    expect(f.message).toMatch(/names students/);
    expect(f.quote).toBe('Students will explain their reasoning in small-group discussion.');
  });

  it('fails a bare verb phrase in front matter, at the value', () => {
    const r = check(rule, '---\ntitle: Wait Time\ncompetency: Using wait time effectively\n---\n\n# Wait Time\n');
    expect(r.passed).toBe(false);
    const f = r.findings[0]!;
    expect(f.line).toBe(3);
    expect(f.column).toBe(13);
    expect(f.message).toMatch(/bare verb phrase/);
  });

  it('fails a bare noun phrase and a teacher who is not the subject', () => {
    expect(check(rule, docFromJson({ competency: 'Restorative circles for community building in grades 6-8.' })).passed).toBe(false);
    const r = check(rule, md('With support from the teacher, students design a survey.'));
    expect(r.passed).toBe(false);
    expect(r.findings[0]!.message).toMatch(/names students/);
  });

  it('gives half the points for a first-person statement', () => {
    const r = check(rule, md('I can use exit tickets to group students for reteaching.'));
    expect(r.passed).toBe(false);
    expect(r.earned).toBe(r.points / 2);
    expect(r.findings[0]!.severity).toBe('info');
  });

  it('uses the actors parameter', () => {
    expect(check(rule, md('Coach facilitates a lesson study cycle with two teachers.')).passed).toBe(true);
    expect(check(rule, md('Coach facilitates a lesson study cycle with two teachers.'), { actors: ['educator'] }).passed).toBe(false);
  });

  it('leaves a missing competency to competency-present', () => {
    expect(check(rule, '# T\n\n## Resources\n\n- A video.\n').passed).toBe(true);
  });

  it('its examples behave as documented', () => {
    expect(check(rule, rule.examples!.pass).passed).toBe(true);
    expect(check(rule, rule.examples!.fail).passed).toBe(false);
  });
});
