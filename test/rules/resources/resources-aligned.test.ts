import { describe, it, expect } from 'vitest';
import rule from '../../../src/rules/resources/resources-aligned.js';
import { check, docFromJson } from '../../helpers.js';

const HEAD = '# Wait Time\n\n## Competency\nEducator uses wait time after questions to increase student responses.\n\n';

describe('resources-aligned', () => {
  it('passes the examples.pass snippet and fails examples.fail', () => {
    expect(check(rule, rule.examples!.pass).passed).toBe(true);
    expect(check(rule, rule.examples!.fail).passed).toBe(false);
  });

  it('passes Markdown resources that share terms with the competency or method components', () => {
    const md =
      HEAD +
      '## Method Components\n- Pose a higher-order question\n- Pause three to five seconds\n\n## Resources\n- [Higher-order questioning](https://www.ascd.org/q)\n- Pausing with purpose (video)\n- [Seating charts](https://www.ascd.org/seating)\n';
    const r = check(rule, md);
    expect(r.findings).toEqual([]);
  });

  it('matches hyphenated and URL-slug terms', () => {
    const doc = docFromJson({
      competency: 'Educator uses think-pair-share to increase participation.',
      resources: [{ title: 'Think pair share explained' }, { title: 'Video', url: 'https://www.teachingchannel.org/participation-routines' }],
    });
    expect(check(rule, doc).passed).toBe(true);
  });

  it('fails when fewer than minShare share a term, reporting each unaligned Markdown resource at its line', () => {
    const md =
      HEAD +
      '## Resources\n- [Wait time guide](https://www.ascd.org/wait)\n- [Seating charts for effective learning](https://www.ascd.org/seating)\n- Parent newsletter template\n';
    const r = check(rule, md);
    expect(r.passed).toBe(false);
    expect(r.earned).toBeCloseTo(r.points / 3);
    expect(r.findings.map((f) => [f.ruleId, f.severity, f.line, f.column, f.path])).toEqual([
      ['resources-aligned', 'info', 8, 3, 'resources.1'],
      ['resources-aligned', 'info', 9, 3, 'resources.2'],
    ]);
    expect(r.findings[0]!.message).toBe('resource 2 ("Seating charts for effective learning") shares no key term with the competency, key method or method components');
  });

  it('fails JSON resources that share only generic words ("learning", "strategies")', () => {
    const doc = docFromJson({
      competency: 'Educator uses wait time after questions to increase student responses.',
      keyMethod: 'Wait time',
      resources: ['Effective learning strategies guide', 'Teaching tips video'],
    });
    const r = check(rule, doc);
    expect(r.passed).toBe(false);
    expect(r.earned).toBe(0);
    expect(r.findings.map((f) => [f.severity, f.line])).toEqual([
      ['warning', 5],
      ['warning', 6],
    ]);
  });

  it('passes when there is no competency to compare with, or no resources', () => {
    expect(check(rule, '## Resources\n- Seating charts\n').passed).toBe(true);
    expect(check(rule, HEAD).passed).toBe(true);
  });

  it('follows minShare', () => {
    const md = HEAD + '## Resources\n- Wait time guide\n- Seating charts\n- Parent newsletters\n';
    expect(check(rule, md, { minShare: 0.3 }).passed).toBe(true);
    expect(check(rule, md, { minShare: 0.5 }).passed).toBe(false);
  });
});
