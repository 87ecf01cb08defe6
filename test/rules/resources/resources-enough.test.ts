import { describe, it, expect } from 'vitest';
import rule from '../../../src/rules/resources/resources-enough.js';
import { check, docFromJson } from '../../helpers.js';

const THREE = '## Resources\n- [Wait time guide](https://www.ascd.org/wait-time)\n- [Wait time video](https://www.teachingchannel.org/wait-time)\n- Wait-time planning template\n';

describe('resources-enough', () => {
  it('passes the examples.pass snippet and fails examples.fail', () => {
    expect(check(rule, rule.examples!.pass).passed).toBe(true);
    expect(check(rule, rule.examples!.fail).passed).toBe(false);
  });

  it('passes three Markdown resources', () => {
    expect(check(rule, '# Wait Time\n\n' + THREE).passed).toBe(true);
  });

  it('passes three JSON resources and passes silently with none (resources-present covers it)', () => {
    expect(check(rule, docFromJson({ resources: ['Rowe 1986', { title: 'Guide', url: 'https://www.ascd.org/x' }, 'Template'] })).passed).toBe(true);
    expect(check(rule, '# Wait Time\n\n## Competency\nEducator uses wait time.\n').passed).toBe(true);
  });

  it('fails two Markdown resources with proportional credit at the first item', () => {
    const r = check(rule, '# Wait Time\n\n## Resources\n- [Wait time guide](https://www.ascd.org/wait-time)\n- Wait-time planning template\n');
    expect(r.passed).toBe(false);
    expect(r.earned).toBeCloseTo((r.points * 2) / 3);
    const f = r.findings[0]!;
    expect(f.ruleId).toBe('resources-enough');
    expect(f.severity).toBe('info');
    expect(f.line).toBe(4);
    expect(f.message).toBe('only 2 learning resources are listed; list at least 3');
  });

  it('fails one front-matter resource, pointing at the resources field', () => {
    const r = check(rule, '---\ntitle: Wait Time\nresources:\n  - https://www.ascd.org/wait-time\n---\n# Wait Time\n');
    expect(r.passed).toBe(false);
    expect(r.earned).toBeCloseTo(r.points / 3);
    expect(r.findings[0]!.line).toBe(3); // the `resources:` key
    expect(r.findings[0]!.message).toMatch(/only 1 learning resource is listed/);
  });

  it('does not count placeholder items', () => {
    const r = check(rule, '## Resources\n- [Wait time guide](https://www.ascd.org/wait-time)\n- TBD\n- TODO\n');
    expect(r.passed).toBe(false);
    expect(r.findings[0]!.message).toMatch(/only 1/);
  });

  it('follows the min parameter', () => {
    expect(check(rule, THREE, { min: 4 }).passed).toBe(false);
    expect(check(rule, THREE, { min: 2 }).passed).toBe(true);
  });
});
