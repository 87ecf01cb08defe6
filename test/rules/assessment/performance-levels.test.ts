import { describe, it, expect } from 'vitest';
import rule from '../../../src/rules/assessment/performance-levels.js';
import { check, docFromJson } from '../../helpers.js';

const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

describe('performance-levels', () => {
  it('passes on a table with described levels', () => {
    const md = '# MC\n\n## Scoring Guide\n| Criterion | Demonstrated | Progressing | Not Met |\n|---|---|---|---|\n| Video | Shows 5 pauses | Shows 2-4 | Fewer than 2 |\n';
    expect(check(rule, md).passed).toBe(true);
  });

  it('passes on JSON criteria with level objects', () => {
    const doc = docFromJson({
      rubric: {
        criteria: [
          { name: 'Video', levels: [{ name: 'Proficient', descriptor: 'Shows 3 pauses' }, { name: 'Not Yet', descriptor: 'Fewer than 3' }] },
        ],
      },
    });
    expect(check(rule, doc).passed).toBe(true);
  });

  it('passes on Yes/No checklist rows whose criterion states what is required', () => {
    const md = '# MC\n\n## Scoring Guide\n| Criterion | Yes | No |\n|---|---|---|\n| The video shows three pauses after questions | | |\n';
    expect(check(rule, md).passed).toBe(true);
  });

  it('accepts levels described once for the whole rubric in prose', () => {
    const md = '# MC\n\n## Scoring Guide\nEach criterion is scored as Proficient or Not Yet.\n\n- Video shows wait time\n- Student responses are recorded\n';
    const r = check(rule, md);
    expect(r.findings).toEqual([]);
  });

  it('accepts front matter criteria when rubric.levels names the scale', () => {
    const md = '---\nrubric:\n  levels: [Proficient, Not Yet]\n  criteria:\n    - Video shows wait time\n---\nBody.\n';
    expect(check(rule, md).passed).toBe(true);
  });

  it('reports criteria without levels at their lines', () => {
    const md = rule.examples!.fail;
    const r = check(rule, md);
    expect(r.passed).toBe(false);
    expect(r.earned).toBe(0);
    expect(r.findings).toHaveLength(2);
    const f = r.findings[0]!;
    expect(f.ruleId).toBe('performance-levels');
    expect(f.severity).toBe('warning');
    expect(f.line).toBe(lineOf(md, '- Wait time'));
    expect(f.column).toBe(3);
    expect(f.message).toBe('criterion "Wait time" has no performance levels');
  });

  it('gives partial credit when some criteria lack descriptors (JSON)', () => {
    const obj = {
      rubric: {
        criteria: [
          { name: 'Video', levels: [{ name: 'Proficient', descriptor: 'Shows 3 pauses' }, { name: 'Not Yet', descriptor: 'Fewer' }] },
          { name: 'Log', levels: [{ name: 'Proficient', descriptor: 'Lists 20 questions' }, { name: 'Developing' }, { name: 'Not Yet' }] },
        ],
      },
    };
    const r = check(rule, docFromJson(obj));
    expect(r.passed).toBe(false);
    expect(r.earned).toBe(5);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]!.severity).toBe('info');
    expect(r.findings[0]!.message).toBe('criterion "Log" describes 1 level; at least 2 need descriptors');
    expect(r.findings[0]!.line).toBe(lineOf(JSON.stringify(obj, null, 2), '"name": "Log"') - 1);
  });

  it('fails a prose rubric that names no levels, and honours minLevels', () => {
    const r = check(rule, '# MC\n\n## Rubric\nAssessors look at the video and the reflection together.\n');
    expect(r.passed).toBe(false);
    expect(r.findings[0]!.message).toMatch(/names no performance levels/);
    const two = '# MC\n\n## Scoring Guide\n| Criterion | Proficient | Not Yet |\n|---|---|---|\n| Video | Shows 3 pauses | Fewer |\n';
    expect(check(rule, two).passed).toBe(true);
    expect(check(rule, two, { minLevels: 3 }).passed).toBe(false);
  });

  it('runs its own examples', () => {
    expect(check(rule, rule.examples!.pass).passed).toBe(true);
    expect(check(rule, rule.examples!.fail).passed).toBe(false);
  });
});

describe('performance-levels: description columns', () => {
  it('does not take a "Description" column for a level', () => {
    const md = '# MC\n\n## Scoring Guide\n| Criterion | Description |\n|---|---|\n| Video | The video shows wait time |\n';
    const r = check(rule, md);
    expect(r.passed).toBe(false);
    expect(r.findings[0]!.message).toBe('criterion "Video" has a description but no performance levels');
    expect(r.findings[0]!.line).toBe(6);
    expect(r.findings[0]!.column).toBe(1);
  });
});
