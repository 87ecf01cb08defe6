import { describe, it, expect } from 'vitest';
import rule from '../../../src/rules/resources/resource-access.js';
import { check, docFromJson } from '../../helpers.js';

const LIST = '- [Wait time guide](https://www.ascd.org/wait-time)\n- Rowe, M. B. (1986). Wait time. Journal of Teacher Education.\n';

describe('resource-access', () => {
  it('passes the examples.pass snippet and fails examples.fail', () => {
    expect(check(rule, rule.examples!.pass).passed).toBe(true);
    expect(check(rule, rule.examples!.fail).passed).toBe(false);
  });

  it.each([
    'All resources are free.',
    'The articles are open access.',
    'The book costs $25.',
    'The journal article needs a subscription or is available through your school library.',
    'Available to NCTM members only.',
    'The book is available for purchase.',
  ])('passes a Markdown resources section stating access: %s', (line) => {
    expect(check(rule, `# Wait Time\n\n## Resources\n${line}\n\n${LIST}`).passed).toBe(true);
  });

  it('passes a front-matter cost on a structured resource and a JSON string item that says free', () => {
    expect(check(rule, '---\ntitle: Wait Time\nresources:\n  - title: Guide\n    cost: none\n---\n# Wait Time\n').passed).toBe(true);
    expect(check(rule, docFromJson({ resources: ['Free wait time guide, https://www.ascd.org/x'] })).passed).toBe(true);
  });

  it('fails a Markdown list with no cost or access statement, at the resources anchor', () => {
    const r = check(rule, `# Wait Time\n\n## Resources\n${LIST}`);
    expect(r.passed).toBe(false);
    expect(r.earned).toBe(0);
    const f = r.findings[0]!;
    expect(f.ruleId).toBe('resource-access');
    expect(f.severity).toBe('warning');
    expect(f.line).toBe(4);
  });

  it('fails JSON with a placeholder cost, and is not fooled by "feel free" or the Library of Congress', () => {
    const doc = docFromJson({ resources: [{ title: 'Guide', url: 'https://www.ascd.org/x', cost: 'TBD' }] });
    expect(check(rule, doc).findings[0]!.line).toBe(2);
    const md = '## Resources\nFeel free to explore primary sources from the Library of Congress.\n\n- [Primary sources](https://www.loc.gov/teachers)\n';
    expect(check(rule, md).passed).toBe(false);
  });

  it('does not take the offering cost for the resources cost', () => {
    expect(check(rule, `---\ncost: free\n---\n# Wait Time\n\n## Resources\n${LIST}`).passed).toBe(false);
  });

  it('passes when there are no resources (resources-present covers it)', () => {
    expect(check(rule, '# Wait Time\n\n## Competency\nEducator uses wait time.\n').passed).toBe(true);
  });
});
