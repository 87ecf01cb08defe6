import { describe, it, expect } from 'vitest';
import rule from '../../../src/rules/transparency/standards-alignment.js';
import { check, docFromJson } from '../../helpers.js';

describe('standards-alignment', () => {
  it('passes a Markdown alignment section naming InTASC with a standard number', () => {
    const md = '# Wait Time\n\n## Standards Alignment\n- InTASC Standard 8: Instructional Strategies\n';
    expect(check(rule, md).passed).toBe(true);
  });

  it('passes front-matter alignment with framework and code', () => {
    const md = '---\nalignment:\n  - framework: ISTE\n    code: "2.5.a"\n---\n# Wait Time\n';
    expect(check(rule, md).passed).toBe(true);
  });

  it('passes a JSON Open Badges style alignment with targetName and targetUrl', () => {
    const doc = docFromJson({ title: 'Wait Time', alignment: [{ targetName: 'Questioning', targetUrl: 'https://example.org/std/3b' }] });
    expect(check(rule, doc).passed).toBe(true);
  });

  it('passes a "Standards:" label line with codes', () => {
    expect(check(rule, '# Wait Time\n\n## About\n- Standards: InTASC 8; ISTE 2.5.a\n').passed).toBe(true);
  });

  it('passes a prose alignment with a code and an unlisted, proper-named framework', () => {
    const md = '# Wait Time\n\nThis micro-credential is aligned to the Utah Effective Teaching Standards 3.2.\n';
    expect(check(rule, md).passed).toBe(true);
  });

  it('gives half credit when a framework is named without a code or URL, at the item', () => {
    const md = '# Wait Time\n\n## Standards\n- Classroom routines\n- ISTE Standards for Educators\n';
    const r = check(rule, md);
    expect(r.earned).toBe(r.points * 0.5);
    const f = r.findings[0]!;
    expect(f.ruleId).toBe('standards-alignment');
    expect(f.severity).toBe('info');
    expect(f.line).toBe(5);
    expect(f.quote).toBe('ISTE Standards for Educators');
  });

  it('gives half credit for a framework named only in prose, at the mention', () => {
    const md = '# Wait Time\n\nSupports the Danielson framework for teaching.\n';
    const r = check(rule, md);
    expect(r.earned).toBe(r.points * 0.5);
    expect(r.findings[0]!.line).toBe(3);
    expect(r.findings[0]!.column).toBe(14);
  });

  it('gives half credit for a front-matter framework without a code', () => {
    const r = check(rule, '---\ntitle: Wait Time\nalignment:\n  - framework: NBPTS\n---\nBody.\n');
    expect(r.earned).toBe(r.points * 0.5);
    expect(r.findings[0]!.line).toBe(4);
  });

  it('fails when there is no alignment at all', () => {
    const r = check(rule, '# Wait Time\n\n## Competency\nEducator uses wait time after questions.\n');
    expect(r.earned).toBe(0);
    const f = r.findings[0]!;
    expect(f.severity).toBe('warning');
    expect(f.line).toBe(1);
    expect(f.message).toMatch(/no alignment/);
  });

  it('fails when the alignment names no framework', () => {
    const r = check(rule, docFromJson({ title: 'Wait Time', alignment: ['Classroom management'] }));
    expect(r.earned).toBe(0);
    expect(r.findings[0]!.line).toBe(3);
    expect(r.findings[0]!.message).toMatch(/does not name a standards framework/);
  });

  it('ignores framework names in citations and a year is not a code', () => {
    const md = '# Wait Time\n\nAligned with ISTE (2017).\n\n## Supporting Research\n- ISTE (2017). ISTE Standards for Educators 2.5.\n';
    const r = check(rule, md);
    expect(r.earned).toBe(r.points * 0.5);
    expect(r.findings[0]!.line).toBe(3);
  });

  it('uses the frameworks parameter', () => {
    const md = '# Wait Time\n\nAligned with the acme rubric, criterion 4.\n';
    expect(check(rule, md).passed).toBe(false);
    expect(check(rule, md, { frameworks: ['acme rubric'] }).passed).toBe(true);
  });

  it('passes its own pass example and fails its fail example', () => {
    expect(check(rule, rule.examples!.pass).passed).toBe(true);
    expect(check(rule, rule.examples!.fail).passed).toBe(false);
  });
});
