import { describe, it, expect } from 'vitest';
import rule from '../../../src/rules/grain-size/not-a-domain.js';
import { check, docFromJson } from '../../helpers.js';

const md = (competency: string) => `# Title\n\n## Competency\n\n${competency}\n`;

describe('not-a-domain', () => {
  it('passes a specific practice with no field named (New America: "using wait time effectively")', () => {
    expect(check(rule, md('Educator uses wait time effectively after questions.')).passed).toBe(true);
    expect(check(rule, docFromJson({ competency: 'Educator uses hinge-point questions to decide whether to reteach.' })).passed).toBe(true);
  });

  it('passes a field narrowed to a specific technique', () => {
    expect(check(rule, md('Educator demonstrates classroom management by using a visual timer for transitions.')).passed).toBe(true);
    expect(check(rule, md('Educator uses Responsive Classroom morning meetings to support social emotional learning.')).passed).toBe(true);
    expect(check(rule, md('Educator uses exit tickets as a formative assessment to group students for next-day reteaching.')).passed).toBe(true);
  });

  it('passes a field named only in the purpose clause', () => {
    expect(check(rule, md('Educator uses cold calling to increase student engagement.')).passed).toBe(true);
  });

  it('fails a whole field and points at it (Markdown)', () => {
    const r = check(rule, md('Educator demonstrates effective classroom management.'));
    expect(r.passed).toBe(false);
    expect(r.earned).toBe(0);
    const f = r.findings[0]!;
    expect(f.ruleId).toBe('not-a-domain');
    expect(f.severity).toBe('warning');
    expect(f.line).toBe(5);
    expect(f.column).toBe(33);
    expect(f.message).toMatch(/"classroom management"/);
    expect(f.fix).toMatch(/stack/);
  });

  it('fails the broad New America example "analyzing student work" (front matter)', () => {
    const r = check(rule, '---\ntitle: Student Work\ncompetency: Educator analyzes student work.\n---\n\n# Student Work\n');
    expect(r.passed).toBe(false);
    expect(r.findings[0]!.line).toBe(3);
    expect(r.findings[0]!.column).toBe(22);
  });

  it('fails a field with only generic words around it (JSON)', () => {
    const r = check(rule, docFromJson({ competency: 'Educator implements differentiated instruction to meet the needs of diverse learners in the classroom.' }));
    expect(r.passed).toBe(false);
    expect(r.findings[0]!.message).toMatch(/\("differentiated instruction"\) with nothing more specific/);
    expect(r.findings[0]!.line).toBe(2);
  });

  it('uses minSpecificWords and domains', () => {
    const c = md('Educator implements differentiated instruction with tiered reading groups.');
    expect(check(rule, c).passed).toBe(false);
    expect(check(rule, c, { minSpecificWords: 3 }).passed).toBe(true);
    expect(check(rule, md('Educator demonstrates classroom management.'), { domains: ['assessment literacy'] }).passed).toBe(true);
  });

  it('leaves a missing competency to competency-present', () => {
    expect(check(rule, '# T\n\n## Resources\n\n- A video.\n').passed).toBe(true);
  });

  it('its examples behave as documented', () => {
    expect(check(rule, rule.examples!.pass).passed).toBe(true);
    expect(check(rule, rule.examples!.fail).passed).toBe(false);
  });
});
