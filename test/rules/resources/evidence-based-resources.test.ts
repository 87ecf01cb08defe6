import { describe, it, expect } from 'vitest';
import rule from '../../../src/rules/resources/evidence-based-resources.js';
import { check, docFromJson } from '../../helpers.js';

describe('evidence-based-resources', () => {
  it('passes the examples.pass snippet and fails examples.fail', () => {
    expect(check(rule, rule.examples!.pass).passed).toBe(true);
    expect(check(rule, rule.examples!.fail).passed).toBe(false);
  });

  it.each([
    ['a journal article', '- Stahl, R. J. (1994). Using think-time. Journal of Classroom Interaction.'],
    ['a DOI', '- Tobin (1987), doi:10.3102/00346543057001069'],
    ['a What Works Clearinghouse practice guide', '- What Works Clearinghouse practice guide on questioning'],
    ['an ASCD article (acronym)', '- ASCD: Wait time in the classroom'],
    ['a recognised host', '- [UDL guidelines](https://udlguidelines.cast.org/)'],
    ['a research-based label', '- Research-based wait time strategies (district handout)'],
  ])('passes a Markdown resource that is %s', (_name, item) => {
    expect(check(rule, `# Wait Time\n\n## Resources\n${item}\n`).passed).toBe(true);
  });

  it('passes a JSON item marked evidenceBased: true or with a doi field', () => {
    expect(check(rule, docFromJson({ resources: [{ title: 'District guide', evidenceBased: true }] })).passed).toBe(true);
    expect(check(rule, docFromJson({ resources: [{ title: 'Wait time', doi: '10.1177/002248718603700110' }] })).passed).toBe(true);
  });

  it('fails Edutopia and blog resources: Edutopia is not a research body', () => {
    const md = '# Wait Time\n\n## Resources\n- [Wait time tips](https://www.edutopia.org/article/wait-time)\n- [My favourite wait-time trick](https://teacherblog.net/wait)\n';
    const r = check(rule, md);
    expect(r.passed).toBe(false);
    expect(r.earned).toBe(0);
    expect(r.findings).toHaveLength(1);
    const f = r.findings[0]!;
    expect(f.ruleId).toBe('evidence-based-resources');
    expect(f.severity).toBe('warning');
    expect(f.line).toBe(4);
    expect(f.message).toMatch(/^none of the 2 resources is evidence-based/);
  });

  it('respects an explicit evidenceBased: false in front matter, and points at the resources field', () => {
    const md = '---\ntitle: Wait Time\nresources:\n  - title: Journal of wait time\n    evidenceBased: false\n---\n# Wait Time\n';
    const r = check(rule, md);
    expect(r.passed).toBe(false);
    expect(r.findings[0]!.line).toBe(3); // the `resources:` key
    expect(r.findings[0]!.message).toMatch(/^the one resource is not evidence-based/);
  });

  it('gives proportional credit when some but fewer than min are evidence-based', () => {
    const md = '## Resources\n- Rowe (1986), Journal of Teacher Education\n- [Tips](https://www.edutopia.org/tips)\n';
    const r = check(rule, md, { min: 2 });
    expect(r.passed).toBe(false);
    expect(r.earned).toBe(r.points * 0.5);
    expect(r.findings[0]!.severity).toBe('info');
    expect(r.findings[0]!.message).toBe('only 1 of the resources is evidence-based; at least 2 should be');
  });

  it('does not read "cast" in lower case as CAST', () => {
    expect(check(rule, '## Resources\n- A podcast about how to cast a wide net with questions\n').passed).toBe(false);
  });

  it('passes when there are no resources (resources-present covers it)', () => {
    expect(check(rule, '# Wait Time\n\n## Competency\nEducator uses wait time.\n').passed).toBe(true);
  });
});
