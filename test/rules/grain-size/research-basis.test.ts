import { describe, it, expect } from 'vitest';
import rule from '../../../src/rules/grain-size/research-basis.js';
import { check, docFromJson } from '../../helpers.js';

describe('research-basis', () => {
  it('passes a Markdown reference list (APA entries with DOIs)', () => {
    const r = check(
      rule,
      '# T\n\n## Supporting Research & Rationale\n\nWait time raises the length of answers.\n\n- Rowe, M. B. (1986). Wait time: Slowing down may be a way of speeding up! Journal of Teacher Education, 37(1), 43-50.\n- Hattie, J., & Timperley, H. (2007). The power of feedback. Review of Educational Research, 77(1), 81-112. https://doi.org/10.3102/003465430298487\n',
    );
    expect(r.passed).toBe(true);
  });

  it('passes prose citing several sources in one paragraph', () => {
    expect(check(rule, '# T\n\n## Research\n\nWait time helps (Rowe, 1986; Tobin, 1987), as does feedback (Hattie & Timperley, 2007).\n').passed).toBe(true);
    expect(check(rule, '# T\n\n## Research\n\nBlack and Wiliam (1998) and Smith et al. (2019) found gains.\n').passed).toBe(true);
  });

  it('passes JSON research objects with citation, year, DOI or URL', () => {
    const doc = docFromJson({
      research: [
        { citation: 'Wiliam, D. (2011). Embedded Formative Assessment. Solution Tree Press.' },
        { citation: 'Practice guide on formative assessment', url: 'https://ies.ed.gov/ncee/wwc/PracticeGuide/1' },
      ],
    });
    expect(check(rule, doc).passed).toBe(true);
  });

  it('fails when no research is cited, at the start of the file', () => {
    const r = check(rule, '# T\n\n## Competency\n\nEducator uses wait time after questions to increase student response.\n');
    expect(r.passed).toBe(false);
    expect(r.earned).toBe(0);
    const f = r.findings[0]!;
    expect(f.ruleId).toBe('research-basis');
    expect(f.severity).toBe('warning');
    expect(f.line).toBe(1);
    expect(f.message).toMatch(/no supporting research/);
  });

  it('fails a research section with no findable source, at the section text', () => {
    const r = check(rule, '# T\n\n## Supporting Research\n\nResearch shows this strategy works. In 2019 many schools adopted it.\n');
    expect(r.passed).toBe(false);
    expect(r.earned).toBe(0);
    expect(r.findings[0]!.line).toBe(5);
    expect(r.findings[0]!.message).toMatch(/no findable source/);
    expect(r.findings[0]!.quote).toMatch(/^Research shows/);
  });

  it('gives half the points for one citation (front matter)', () => {
    const r = check(rule, '---\ntitle: T\nresearch:\n  - "Rowe, M. B. (1986). Wait time. Journal of Teacher Education, 37(1), 43-50."\n  - A blog post about wait time\n---\n\n# T\n');
    expect(r.passed).toBe(false);
    expect(r.earned).toBe(r.points / 2);
    const f = r.findings[0]!;
    expect(f.severity).toBe('info');
    expect(f.line).toBe(3);
    expect(f.message).toMatch(/only 1 research citation/);
  });

  it('does not count placeholders or objects without year, DOI or link', () => {
    const r = check(rule, docFromJson({ research: ['TBD', { citation: 'A book about wait time' }] }));
    expect(r.passed).toBe(false);
    expect(r.earned).toBe(0);
  });

  it('uses the minCitations parameter', () => {
    expect(check(rule, docFromJson({ research: ['Rowe (1986) on wait time.'] }), { minCitations: 1 }).passed).toBe(true);
  });

  it('its examples behave as documented', () => {
    expect(check(rule, rule.examples!.pass).passed).toBe(true);
    expect(check(rule, rule.examples!.fail).passed).toBe(false);
  });
});
