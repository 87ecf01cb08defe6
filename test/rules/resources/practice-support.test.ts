import { describe, it, expect } from 'vitest';
import rule from '../../../src/rules/resources/practice-support.js';
import { check, docFromJson } from '../../helpers.js';

describe('practice-support', () => {
  it('passes the examples.pass snippet and fails examples.fail', () => {
    expect(check(rule, rule.examples!.pass).passed).toBe(true);
    expect(check(rule, rule.examples!.fail).passed).toBe(false);
  });

  it('passes a template in a Markdown resources list and a coach in a "Supports" section', () => {
    expect(check(rule, '# Wait Time\n\n## Resources\n- [Wait time planning template](https://www.ascd.org/t)\n').passed).toBe(true);
    expect(check(rule, '# Wait Time\n\n## Supports\nA coach reviews your plan before you record.\n').passed).toBe(true);
  });

  it('passes a front-matter supports field and a JSON structured resource type', () => {
    expect(check(rule, '---\ntitle: Wait Time\nsupports: Monthly office hours\n---\n# Wait Time\n').passed).toBe(true);
    expect(check(rule, docFromJson({ resources: [{ title: 'Wait time', type: 'observation tool' }] })).passed).toBe(true);
  });

  it('fails readings only, at the resources anchor', () => {
    const md = '# Wait Time\n\n## Resources\n- [Wait time article](https://www.ascd.org/wait)\n- Rowe, M. B. (1986). Wait time. Journal of Teacher Education.\n';
    const r = check(rule, md);
    expect(r.passed).toBe(false);
    expect(r.earned).toBe(0);
    const f = r.findings[0]!;
    expect(f.ruleId).toBe('practice-support');
    expect(f.severity).toBe('warning');
    expect(f.line).toBe(4);
  });

  it('fails a JSON offering with readings only, and does not accept a bare "exemplar" or supports mentioned elsewhere', () => {
    const doc = docFromJson({
      description: 'Join our community of practice.',
      resources: ['Sample exemplar of a wait-time lesson', 'https://www.ascd.org/wait'],
    });
    const r = check(rule, doc);
    expect(r.passed).toBe(false);
    expect(r.findings[0]!.line).toBe(3);
  });

  it('fails an offering with no resources or supports at all, at line 1', () => {
    const r = check(rule, '# Wait Time\n\n## Competency\nEducator uses wait time.\n');
    expect(r.passed).toBe(false);
    expect(r.findings[0]!.line).toBe(1);
  });

  it('uses the phrases parameter, word-bounded', () => {
    const md = '## Resources\n- Templated notes on wait time\n';
    expect(check(rule, md).passed).toBe(false);
    expect(check(rule, md, { phrases: ['notes'] }).passed).toBe(true);
  });
});
