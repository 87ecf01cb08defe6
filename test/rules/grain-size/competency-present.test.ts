import { describe, it, expect } from 'vitest';
import rule from '../../../src/rules/grain-size/competency-present.js';
import { check, docFromJson } from '../../helpers.js';

describe('competency-present', () => {
  it('passes a Markdown competency section', () => {
    const r = check(rule, '# Wait Time\n\n## Competency\n\nEducator uses wait time after questions to increase student response.\n');
    expect(r.passed).toBe(true);
    expect(r.earned).toBe(r.points);
  });

  it('passes a front-matter competency and a JSON competency', () => {
    expect(check(rule, '---\ntitle: Wait Time\ncompetency: Educator uses wait time after questions to increase student response.\n---\n\n# Wait Time\n').passed).toBe(true);
    expect(check(rule, docFromJson({ title: 'Wait Time', competency: 'Educator uses wait time after questions to increase student response.' })).passed).toBe(true);
  });

  it('fails when there is no competency, pointing at the start of the file', () => {
    const r = check(rule, '# Wait Time\n\n## Resources\n\n- A video about wait time.\n');
    expect(r.passed).toBe(false);
    expect(r.earned).toBe(0);
    expect(r.findings).toHaveLength(1);
    const f = r.findings[0]!;
    expect(f.ruleId).toBe('competency-present');
    expect(f.severity).toBe('error');
    expect(f.line).toBe(1);
    expect(f.message).toMatch(/no competency statement/);
  });

  it('fails a placeholder competency at its line', () => {
    const r = check(rule, '# Wait Time\n\n## Competency\n\n[Describe the competency here]\n');
    expect(r.passed).toBe(false);
    const f = r.findings[0]!;
    expect(f.severity).toBe('error');
    expect(f.line).toBe(5);
    expect(f.message).toMatch(/empty or a placeholder/);
  });

  it('fails a competency too short to be a statement (front matter), at the field line', () => {
    const r = check(rule, '---\ntitle: Wait Time\ncompetency: Wait time\n---\n\n# Wait Time\n');
    expect(r.passed).toBe(false);
    const f = r.findings[0]!;
    expect(f.line).toBe(3);
    expect(f.quote).toBe('Wait time');
    expect(f.message).toMatch(/2 words/);
  });

  it('respects the minWords parameter', () => {
    expect(check(rule, docFromJson({ competency: 'Educator uses wait time.' }), { minWords: 4 }).passed).toBe(true);
    expect(check(rule, docFromJson({ competency: 'Educator uses wait time.' }), { minWords: 5 }).passed).toBe(false);
  });

  it('its examples behave as documented', () => {
    expect(check(rule, rule.examples!.pass).passed).toBe(true);
    expect(check(rule, rule.examples!.fail).passed).toBe(false);
  });
});
