import { describe, it, expect } from 'vitest';
import rule from '../../../src/rules/transparency/audience-level.js';
import { check, docFromJson } from '../../helpers.js';

describe('audience-level', () => {
  it('passes "Audience:" and "Level:" lines', () => {
    expect(check(rule, '# Wait Time\n\n## About\n- Audience: K-5 classroom teachers\n- Level: introductory\n').passed).toBe(true);
  });

  it('passes front-matter audience list and level', () => {
    expect(check(rule, '---\naudience: ["6-8", "science teachers"]\nlevel: advanced\n---\n# Wait Time\n').passed).toBe(true);
  });

  it('passes audience and level stated in prose', () => {
    const md = '# Wait Time\n\nAn introductory micro-credential designed for middle school mathematics teachers.\n';
    expect(check(rule, md).passed).toBe(true);
  });

  it('passes an "Intended Audience" section plus a level in About prose', () => {
    const md = '# Wait Time\n\n## Intended Audience\nInstructional coaches.\n\n## About\nThis is a Level 2 micro-credential.\n';
    expect(check(rule, md).passed).toBe(true);
  });

  it('fails when neither audience nor level is stated', () => {
    const r = check(rule, '# Wait Time\n\n## Competency\nEducator uses wait time after questions.\n');
    expect(r.earned).toBe(0);
    const f = r.findings[0]!;
    expect(f.ruleId).toBe('audience-level');
    expect(f.severity).toBe('warning');
    expect(f.line).toBe(1);
  });

  it('gives half credit for audience without level, at the audience field', () => {
    const r = check(rule, docFromJson({ title: 'Wait Time', audience: 'Grades 9-12 ELA teachers' }));
    expect(r.earned).toBe(r.points * 0.5);
    const f = r.findings[0]!;
    expect(f.severity).toBe('info');
    expect(f.line).toBe(3);
    expect(f.message).toMatch(/not the level/);
  });

  it('gives half credit for level without audience', () => {
    const r = check(rule, '# Wait Time\n\nIntro.\n\n## About\n- Level: intermediate\n');
    expect(r.earned).toBe(r.points * 0.5);
    expect(r.findings[0]!.line).toBe(6);
    expect(r.findings[0]!.message).toMatch(/not the intended audience/);
  });

  it('ignores rubric level words and placeholder fields', () => {
    const md = '# Wait Time\n\n## About\n- Audience: TBD\n\n## Rubric\n| Criterion | Developing | Advanced |\n|---|---|---|\n| Wait | Some | All |\n';
    expect(check(rule, md).earned).toBe(0);
  });

  it('passes its own pass example and fails its fail example', () => {
    expect(check(rule, rule.examples!.pass).passed).toBe(true);
    expect(check(rule, rule.examples!.fail).passed).toBe(false);
  });
});
