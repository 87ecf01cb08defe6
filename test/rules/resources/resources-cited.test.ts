import { describe, it, expect } from 'vitest';
import rule from '../../../src/rules/resources/resources-cited.js';
import { check, docFromJson } from '../../helpers.js';

describe('resources-cited', () => {
  it('passes the examples.pass snippet and fails examples.fail', () => {
    expect(check(rule, rule.examples!.pass).passed).toBe(true);
    expect(check(rule, rule.examples!.fail).passed).toBe(false);
  });

  it('passes Markdown items with a link, an APA citation, an author-year citation and a publisher with a title', () => {
    const md = [
      '# Wait Time',
      '',
      '## Resources',
      '- [Wait time guide](https://www.ascd.org/wait-time)',
      '- Rowe, M. B. (1986). Wait time: Slowing down may be a way of speeding up.',
      '- Stahl (1994) on think time in secondary classrooms',
      '- Questioning Strategies That Work, Solution Tree',
      '- See www.teachingchannel.org for the wait time video',
      '',
    ].join('\n');
    const r = check(rule, md);
    expect(r.findings).toEqual([]);
    expect(r.passed).toBe(true);
  });

  it('passes structured JSON items with url, doi, or author and year fields', () => {
    const doc = docFromJson({
      resources: [
        { title: 'Wait time guide', url: 'https://www.ascd.org/wait-time' },
        { title: 'Wait time revisited', doi: '10.3102/00346543057001069' },
        { title: 'Think time', author: 'Stahl, R. J.', year: 1994 },
        { title: 'Questioning in the classroom', publisher: 'Heinemann' },
      ],
    });
    expect(check(rule, doc).passed).toBe(true);
  });

  it('reports each uncited Markdown resource at its own line with credit = share cited', () => {
    const md = '# Wait Time\n\n## Resources\n- [Wait time guide](https://www.ascd.org/wait-time)\n- A video about wait time\n- Planning template\n- Edutopia\n';
    const r = check(rule, md);
    expect(r.passed).toBe(false);
    expect(r.earned).toBeCloseTo(r.points * 0.25);
    expect(r.findings.map((f) => [f.ruleId, f.severity, f.line, f.column, f.path])).toEqual([
      ['resources-cited', 'info', 5, 3, 'resources.1'],
      ['resources-cited', 'info', 6, 3, 'resources.2'],
      ['resources-cited', 'info', 7, 3, 'resources.3'],
    ]);
    expect(r.findings[0]!.message).toBe('resource 2 has no link or full citation (author and year, or publisher and title)');
    expect(r.findings[0]!.quote).toBe('A video about wait time');
  });

  it('fails front-matter items with a placeholder url or a bare title, at full severity when none is cited', () => {
    const md = '---\ntitle: Wait Time\nresources:\n  - title: Wait time guide\n    url: TODO\n  - Wait time article\n---\n# Wait Time\n';
    const r = check(rule, md);
    expect(r.passed).toBe(false);
    expect(r.earned).toBe(0);
    expect(r.findings.map((f) => [f.severity, f.line, f.path])).toEqual([
      ['warning', 4, 'resources.0'],
      ['warning', 6, 'resources.1'],
    ]);
    expect(r.findings[0]!.message).toMatch(/^resource 1 \("Wait time guide"\) has no link/);
  });

  it('does not take a capitalised word and a year for an author ("Updated 2021")', () => {
    expect(check(rule, '## Resources\n- Wait time tips. Updated 2021\n').passed).toBe(false);
  });

  it('passes when there are no resources (resources-present covers it)', () => {
    expect(check(rule, '# Wait Time\n\n## Competency\nEducator uses wait time.\n').passed).toBe(true);
  });
});
