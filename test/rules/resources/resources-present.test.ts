import { describe, it, expect } from 'vitest';
import rule from '../../../src/rules/resources/resources-present.js';
import { check, docFromJson } from '../../helpers.js';

describe('resources-present', () => {
  it('passes the examples.pass snippet and fails examples.fail', () => {
    expect(check(rule, rule.examples!.pass).passed).toBe(true);
    expect(check(rule, rule.examples!.fail).passed).toBe(false);
  });

  it('passes a Markdown "Learning Resources" section with items', () => {
    const r = check(rule, '# Wait Time\n\n## Learning Resources\n- [Wait time guide](https://www.ascd.org/wait-time)\n');
    expect(r.passed).toBe(true);
    expect(r.earned).toBe(r.points);
  });

  it('passes a "Supports" section (a resources heading) and a front-matter resources list', () => {
    expect(check(rule, '## Supports\n- Wait-time planning template\n').passed).toBe(true);
    expect(check(rule, '---\ntitle: Wait Time\nresources:\n  - title: Wait time guide\n    url: https://www.ascd.org/wait-time\n---\n# Wait Time\n').passed).toBe(true);
  });

  it('fails an offering with no resources at all, at line 1', () => {
    const r = check(rule, '# Wait Time\n\n## Competency\nEducator uses wait time after questions.\n');
    expect(r.passed).toBe(false);
    expect(r.earned).toBe(0);
    expect(r.findings).toHaveLength(1);
    const f = r.findings[0]!;
    expect(f.ruleId).toBe('resources-present');
    expect(f.severity).toBe('warning');
    expect(f.line).toBe(1);
    expect(f.message).toMatch(/no learning resources are listed/);
  });

  it('fails a placeholder resources section at the placeholder line', () => {
    const r = check(rule, '# Wait Time\n\n## Resources\n- [Insert resource link here]\n');
    expect(r.passed).toBe(false);
    const f = r.findings[0]!;
    expect(f.severity).toBe('warning');
    expect(f.line).toBe(4);
    expect(f.message).toMatch(/empty or only a placeholder/);
  });

  it('fails resources that are only promised for later', () => {
    const r = check(rule, '# Wait Time\n\n## Resources\nResources will be provided after enrollment.\n');
    expect(r.passed).toBe(false);
    expect(r.findings[0]!.line).toBe(4);
    expect(r.findings[0]!.message).toMatch(/only promised/);
  });

  it('fails an empty resources heading at the heading', () => {
    const r = check(rule, '# Wait Time\n\n## Competency\nEducator uses wait time.\n\n## Resources\n\n## Evidence\nA video.\n');
    expect(r.passed).toBe(false);
    expect(r.findings[0]!.line).toBe(6);
    expect(r.findings[0]!.message).toMatch(/lists no resources/);
  });

  it('gives partial credit (one severity lower) when only a supports field is given, at the field', () => {
    const doc = docFromJson({ title: 'Wait Time', supports: 'Monthly office hours with a coach.' });
    const r = check(rule, doc);
    expect(r.passed).toBe(false);
    expect(r.earned).toBe(r.points * 0.5);
    const f = r.findings[0]!;
    expect(f.severity).toBe('info');
    expect(f.line).toBe(3);
    expect(f.path).toBe('supports');
  });

  it('fails a JSON offering whose resources are all blank', () => {
    const r = check(rule, docFromJson({ title: 'Wait Time', resources: ['TBD', ''] }));
    expect(r.passed).toBe(false);
    expect(r.findings[0]!.line).toBe(4);
    expect(r.findings[0]!.severity).toBe('warning');
  });
});
