import { describe, expect, it } from 'vitest';
import { readBody } from '../../src/load/markdown.js';
import { readBlocks } from '../../src/load/markdown-blocks.js';

const body = (md: string, firstLine = 1) => readBody(md.split('\n'), firstLine);

describe('readBlocks', () => {
  it('reads ATX and setext headings, items, paragraphs and table rows with positions', () => {
    const blocks = readBlocks(
      ['# Title', '', 'Intro line one', 'line two', '', 'Sub', '---', '', '- item one', '  continued', '- item two', '', '| A | B |', '|---|---|', '| 1 | 2 |'],
      10,
    );
    expect(blocks.map((b) => [b.type, b.text, b.line, b.column])).toEqual([
      ['heading', 'Title', 10, 3],
      ['paragraph', 'Intro line one\nline two', 12, 1],
      ['heading', 'Sub', 15, 1],
      ['item', 'item one\ncontinued', 18, 3],
      ['item', 'item two', 20, 3],
      ['row', '1 | 2', 24, 1],
    ]);
    expect(blocks[3]!.columns).toEqual([3, 3]);
  });

  it('skips fenced code and HTML comments', () => {
    const blocks = readBlocks(['```', '# not a heading', '```', '<!-- hidden', '# also hidden -->', 'text']);
    expect(blocks.map((b) => b.text)).toEqual(['text']);
  });

  it('handles a long run of blank lines after a list item in linear time', () => {
    const lines = ['- item', ...Array.from({ length: 200_000 }, () => ''), 'after'];
    const t = Date.now();
    const blocks = readBlocks(lines);
    expect(blocks.map((b) => b.type)).toEqual(['item', 'paragraph']);
    expect(Date.now() - t).toBeLessThan(5000);
  });
});

describe('readBody', () => {
  it('takes the first H1 as the title and maps sections', () => {
    const r = body('# Wait Time\n\nShort intro.\n\n## Competency\nEducator uses wait time.\n\n## Frequently Asked\nText here.');
    expect(r.title?.text).toBe('Wait Time');
    expect(r.fields.title).toBe('Wait Time');
    expect(r.fields.description).toBe('Short intro.');
    expect(r.fields.competency).toBe('Educator uses wait time.');
    expect(r.sections.map((s) => s.key)).toEqual(['competency', null]);
    // Unknown sections keep their text for text checks.
    expect(r.blocks.find((b) => b.text === 'Text here.')?.scope).toBe('other');
  });

  it('turns list items and sub-headings into items with their own lines', () => {
    const r = body(['## Method Components', '- Plan the question', '- Pause three seconds', '', '## Resources', '- [Guide](https://a.org/guide) free PDF', '- Rowe (1986) https://doi.org/10.1/x'].join('\n'), 5);
    expect(r.fields.methodComponents).toEqual(['Plan the question', 'Pause three seconds']);
    expect(r.positions.get('methodComponents.1')).toEqual({ line: 7, column: 3 });
    expect(r.fields.resources).toEqual([
      { title: 'Guide', url: 'https://a.org/guide', description: '[Guide](https://a.org/guide) free PDF' },
      { title: 'Rowe (1986)', url: 'https://doi.org/10.1/x', description: 'Rowe (1986) https://doi.org/10.1/x' },
    ]);
    expect(r.positions.get('resources.0')).toEqual({ line: 10, column: 3 });
  });

  it('keeps link targets in research citations', () => {
    const r = body('## Supporting Research\n- [Rowe (1986)](https://doi.org/10.1177/002248718603700110)\n- Tobin, K. (1987). *Review of Educational Research*.');
    expect(r.fields.research).toEqual(['Rowe (1986) (https://doi.org/10.1177/002248718603700110)', 'Tobin, K. (1987). Review of Educational Research.']);
  });

  it('reads a three-part submission into evidence parts', () => {
    const r = body(
      [
        '## Submission Guidelines & Evaluation Criteria',
        '### Part 1. Overview Questions (Pass/Fail)',
        'Describe your students. (200 words)',
        '### Part 2. Work Examples/Artifacts',
        '- A 10-minute video',
        '- Three student work samples',
        '### Part 3. Reflection',
        'What changed for students? (300 words)',
      ].join('\n'),
    );
    const ev = r.fields.evidence as { part?: string; title: string }[];
    expect(ev.map((e) => [e.part, e.title])).toEqual([
      ['overview', 'Part 1. Overview Questions (Pass/Fail)'],
      ['artifact', 'A 10-minute video'],
      ['artifact', 'Three student work samples'],
      ['reflection', 'Part 3. Reflection'],
    ]);
    expect(r.positions.get('evidence.2')).toEqual({ line: 6, column: 3 });
  });

  it('keeps an "Overview" sub-heading inside an evidence section as the overview part', () => {
    const r = body('# X\n\n## Evidence\n\n### Part 1: Overview\nDescribe your students.\n\n### Part 2: Artifacts\n- Lesson plan.\n- Video.\n');
    const ev = r.fields.evidence as { part?: string; title: string }[];
    expect(ev.map((e) => e.part)).toEqual(['overview', 'artifact', 'artifact']);
    expect(r.fields.description).toBeUndefined();
  });

  it('reads a scoring table into criteria with levels, and the pass rule from prose', () => {
    const r = body(
      ['## Scoring Guide', '| Criterion | Proficient | Not Yet |', '|---|---|---|', '| Video | Pauses 3 s after each question | No pauses |', '', 'To earn the credential, you must receive Proficient on every criterion.'].join('\n'),
      20,
    );
    expect(r.fields.rubric).toEqual({
      criteria: [{ name: 'Video', levels: [{ name: 'Proficient', descriptor: 'Pauses 3 s after each question' }, { name: 'Not Yet', descriptor: 'No pauses' }] }],
      passingRule: 'To earn the credential, you must receive Proficient on every criterion.',
    });
    expect(r.positions.get('rubric.criteria.0')).toEqual({ line: 23, column: 1 });
    expect(r.positions.get('rubric.passingRule')).toEqual({ line: 25, column: 1 });
  });

  it('keeps evidence-named sub-headings of a rubric as criteria', () => {
    const r = body('## Evaluation Criteria\n### Video\n- Meets criteria: pauses after questions\n- Does not meet criteria: no pauses\n### Reflection\n- Meets criteria: names a change in students\n- Does not meet criteria: no change named\n');
    expect(r.sections.map((x) => x.key)).toEqual(['rubric']);
    expect((r.fields.rubric as { criteria: { name: string; levels: unknown[] }[] }).criteria.map((c) => [c.name, c.levels.length])).toEqual([
      ['Video', 2],
      ['Reflection', 2],
    ]);
  });

  it('names a criterion after its heading when the list starts with levels', () => {
    const r = body('## Requirement 1 Rubric\n- Demonstrated: the plan states a goal\n- Progressing: the goal is vague\n');
    expect(r.fields.rubric).toEqual({
      criteria: [{ name: 'Requirement 1 Rubric', levels: [{ name: 'demonstrated', descriptor: 'the plan states a goal' }, { name: 'progressing', descriptor: 'the goal is vague' }] }],
    });
  });

  it('does not take a calibration sentence for the pass rule', () => {
    const r = body('## Assessment Process\nAssessors must reach 80% agreement on anchor submissions.\n');
    expect(r.fields.rubric).toBeUndefined();
  });

  it('reads criteria as sub-headings with level items', () => {
    const r = body(['## Rubric', '### Lesson plan', '- Proficient: states the wait-time goal', '- Not yet: no goal stated'].join('\n'));
    expect(r.fields.rubric).toEqual({
      criteria: [{ name: 'Lesson plan', levels: [{ name: 'proficient', descriptor: 'states the wait-time goal' }, { name: 'not yet', descriptor: 'no goal stated' }] }],
    });
  });

  it('reads "Label: value" metadata lines in About and assessment sections', () => {
    const r = body(['## About', '- **Provider:** Prairie Network', '- Version: 2.1', '- Estimated time: 15 hours', '', '## Assessment Process', '- Turnaround: 14 days', 'Assessors are trained.'].join('\n'));
    expect(r.fields.provider).toBe('Prairie Network');
    expect(r.fields.version).toBe('2.1');
    expect(r.fields.estimatedHours).toBe('15 hours');
    expect(r.fields.assessment).toEqual({ turnaroundDays: '14 days' });
    expect(r.positions.get('version')).toEqual({ line: 3, column: 3 });
    const para = body('Provider: X\nVersion: 2.1\n\n## Competency\nEducator uses wait time.');
    expect(para.positions.get('provider')).toEqual({ line: 1, column: 1 });
    expect(para.positions.get('version')).toEqual({ line: 2, column: 1 });
  });
});
