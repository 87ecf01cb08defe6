import { describe, it, expect } from 'vitest';
import rule from '../../../src/rules/resources/resource-links.js';
import { check, docFromJson } from '../../helpers.js';

describe('resource-links', () => {
  it('passes the examples.pass snippet and fails examples.fail', () => {
    expect(check(rule, rule.examples!.pass).passed).toBe(true);
    expect(check(rule, rule.examples!.fail).passed).toBe(false);
  });

  it('passes well-formed https links in Markdown resources and research', () => {
    const md = [
      '# Wait Time',
      '',
      '## Supporting Research',
      '- Rowe, M. B. (1986). Wait time. https://doi.org/10.1177/002248718603700110.',
      '',
      '## Resources',
      '- [Wait time guide](https://www.ascd.org/el/articles/wait-time) — read this first.',
      '- Video: https://www.teachingchannel.org/video/wait-time, 6 minutes.',
      '- Rowe, M. B. (1986). Wait time. No link.',
      '',
    ].join('\n');
    const r = check(rule, md);
    expect(r.findings).toEqual([]);
  });

  it('passes a JSON item whose url also appears in its own description', () => {
    const doc = docFromJson({ resources: [{ title: 'Guide', url: 'https://www.ascd.org/x', description: 'Read https://www.ascd.org/x.' }] });
    expect(check(rule, doc).passed).toBe(true);
  });

  it('fails a placeholder host (with subdomain) at the line and column of the link', () => {
    const md = '# Wait Time\n\n## Resources\n- [Guide](https://docs.example.org/wait-time)\n';
    const r = check(rule, md);
    expect(r.passed).toBe(false);
    expect(r.earned).toBe(0);
    const f = r.findings[0]!;
    expect(f.ruleId).toBe('resource-links');
    expect(f.severity).toBe('warning');
    expect([f.line, f.column]).toEqual([4, 11]);
    expect(f.message).toBe('the link "https://docs.example.org/wait-time" points at the placeholder host example.org');
  });

  it('fails placeholder text in a URL and an empty or "#" link target', () => {
    const md = '## Resources\n- [Guide](https://www.ascd.org/TODO)\n- [Video](#)\n- [Template]()\n';
    const r = check(rule, md);
    expect(r.findings.map((f) => [f.line, f.severity])).toEqual([
      [2, 'warning'],
      [3, 'warning'],
      [4, 'warning'],
    ]);
    expect(r.findings[0]!.message).toMatch(/is a placeholder/);
    expect(r.findings[2]!.message).toBe('a link has an empty target');
  });

  it('reports http with partial credit and an https fix, one severity lower', () => {
    const r = check(rule, '## Resources\n- Guide: http://www.ascd.org/wait-time\n');
    expect(r.passed).toBe(false);
    expect(r.earned).toBe(r.points * 0.5);
    const f = r.findings[0]!;
    expect(f.severity).toBe('info');
    expect([f.line, f.column]).toEqual([2, 10]);
    expect(f.fix).toContain('https://www.ascd.org/wait-time');
  });

  it('reports a duplicate URL at the second occurrence, across resources and research', () => {
    const md = '## Research\n- Rowe (1986) https://doi.org/10.1177/0022487186037001\n\n## Resources\n- Rowe article: https://doi.org/10.1177/0022487186037001/\n';
    const r = check(rule, md);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]!.line).toBe(5);
    expect(r.findings[0]!.message).toMatch(/listed twice \(first on line 2\)/);
  });

  it('checks structured url fields in front matter: placeholder text, missing scheme, malformed', () => {
    const md = [
      '---',
      'title: Wait Time',
      'resources:',
      '  - title: Guide',
      '    url: "<insert link>"',
      '  - title: Video',
      '    url: www.teachingchannel.org/wait-time',
      '  - title: Article',
      '    url: htps://www.ascd.org/x',
      'research:',
      '  - citation: Rowe 1986',
      '    url: https://localhost/rowe',
      '---',
      '# Wait Time',
      '',
    ].join('\n');
    const r = check(rule, md);
    expect(r.findings.map((f) => [f.line, f.severity])).toEqual([
      [5, 'warning'],
      [7, 'info'],
      [9, 'warning'],
      [12, 'warning'],
    ]);
    expect(r.findings[1]!.message).toMatch(/no https:\/\/ prefix/);
    expect(r.findings[2]!.message).toMatch(/not a well-formed web address/);
    expect(r.findings[3]!.message).toMatch(/placeholder host localhost/);
  });

  it('flags a relative Markdown link target as not a full address', () => {
    const r = check(rule, '## Resources\n- [Guide](/files/guide.pdf)\n');
    expect(r.findings[0]!.message).toBe('the link target "/files/guide.pdf" is not a full web address');
    expect([r.findings[0]!.line, r.findings[0]!.column]).toEqual([2, 11]);
  });

  it('honours the placeholderHosts parameter', () => {
    expect(check(rule, '## Resources\n- https://www.ascd.org/x\n', { placeholderHosts: ['ascd.org'] }).passed).toBe(false);
  });
});
