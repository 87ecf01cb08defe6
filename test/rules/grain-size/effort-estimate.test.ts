import { describe, it, expect } from 'vitest';
import rule from '../../../src/rules/grain-size/effort-estimate.js';
import { check, docFromJson } from '../../helpers.js';

describe('effort-estimate', () => {
  it('passes an "Estimated time" label line and a time-commitment section (Markdown)', () => {
    expect(check(rule, '# T\n\nEstimated time: 15 hours\n\n## Competency\n\nEducator uses wait time.\n').passed).toBe(true);
    expect(check(rule, '# T\n\n## Time Commitment\n\nAbout 10-15 hours over two to three weeks.\n').passed).toBe(true);
  });

  it('passes numbers, bare strings and ranges in the field (front matter, JSON)', () => {
    expect(check(rule, '---\nestimatedHours: 12\n---\n\n# T\n').passed).toBe(true);
    for (const v of ['15', '10-15 hours', 'about 5 hours', '2 weeks (about 12 hours)', '8 to 10 hrs']) {
      expect(check(rule, docFromJson({ estimatedHours: v })).passed, v).toBe(true);
    }
  });

  it('passes an effort stated in the description', () => {
    expect(check(rule, '# T\n\nThis micro-credential takes about 15 hours to complete.\n').passed).toBe(true);
  });

  it('fails when no effort is stated, at the start of the file', () => {
    const r = check(rule, '# T\n\n## Competency\n\nEducator uses wait time after questions.\n');
    expect(r.passed).toBe(false);
    expect(r.earned).toBe(0);
    const f = r.findings[0]!;
    expect(f.ruleId).toBe('effort-estimate');
    expect(f.severity).toBe('warning');
    expect(f.line).toBe(1);
    expect(f.message).toMatch(/no estimated effort/);
  });

  it('fails an effort under minHours as too thin, at the label line (Markdown)', () => {
    const r = check(rule, '# T\n\nEstimated time: 1 hour\n\n## Competency\n\nEducator uses wait time.\n');
    expect(r.passed).toBe(false);
    const f = r.findings[0]!;
    expect(f.severity).toBe('warning');
    expect(f.line).toBe(3);
    expect(f.message).toBe('the estimated effort (1 hour) is under 3 hours: too thin to demonstrate a competency in practice');
    expect(check(rule, docFromJson({ estimatedHours: '90 minutes' })).findings[0]!.message).toMatch(/\(1\.5 hours\) is under/);
  });

  it('fails an effort over maxHours as too broad and suggests a stack (front matter)', () => {
    const r = check(rule, '---\ntitle: T\nestimatedHours: 45\n---\n\n# T\n');
    expect(r.passed).toBe(false);
    const f = r.findings[0]!;
    expect(f.line).toBe(3);
    expect(f.message).toMatch(/45 hours\) is over 30 hours: too broad/);
    expect(f.fix).toMatch(/stack/);
  });

  it('gives half the points for an effort not given in hours (JSON)', () => {
    const r = check(rule, docFromJson({ title: 'T', estimatedHours: '2 weeks' }));
    expect(r.passed).toBe(false);
    expect(r.earned).toBe(r.points / 2);
    const f = r.findings[0]!;
    expect(f.severity).toBe('info');
    expect(f.line).toBe(3);
    expect(f.quote).toBe('2 weeks');
  });

  it('treats a placeholder as missing, and does not read credit hours as effort', () => {
    expect(check(rule, docFromJson({ estimatedHours: 'TBD' })).findings[0]!.message).toMatch(/no estimated effort/);
    expect(check(rule, '# T\n\n## Recognition\n\nEarn 15 clock hours of credit.\n').passed).toBe(false);
  });

  it('uses the minHours and maxHours parameters', () => {
    const doc = docFromJson({ estimatedHours: 40 });
    expect(check(rule, doc, { maxHours: 40 }).passed).toBe(true);
    expect(check(rule, docFromJson({ estimatedHours: 2 }), { minHours: 1 }).passed).toBe(true);
  });

  it('its examples behave as documented', () => {
    expect(check(rule, rule.examples!.pass).passed).toBe(true);
    expect(check(rule, rule.examples!.fail).passed).toBe(false);
  });
});
