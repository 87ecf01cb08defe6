import { describe, it, expect } from 'vitest';
import rule from '../../../src/rules/evidence/evidence-specificity.js';
import { check, docFromJson } from '../../helpers.js';

const SPECIFIC = `# Wait Time

## Submission Requirements

### Part 1. Overview Questions
Describe your class: grade level, subject and students. (200-word limit)

### Part 2. Work Examples/Artifacts
- One 10-minute video of a lesson in which you pause after each question.
- Three student work samples at different levels of mastery.

### Part 3. Reflection
Reflect on how your students responded. (300-word limit)
`;

describe('evidence-specificity', () => {
  it('passes a Markdown submission where every artifact and prompt is specific', () => {
    const r = check(rule, SPECIFIC);
    expect(r.findings).toEqual([]);
    expect(r.earned).toBe(r.points);
  });

  it('passes JSON entries sized by `quantity` and `limit` fields', () => {
    const doc = docFromJson({
      evidence: [
        { part: 'artifact', type: 'video', description: 'A video showing you pausing after questions.', limit: '10 minutes' },
        { part: 'artifact', description: 'Student work samples that show the range of responses.', quantity: 3 },
        { part: 'reflection', description: 'What changed?', limit: '250 words' },
      ],
    });
    expect(check(rule, doc).passed).toBe(true);
  });

  it('reports each vague artifact at its own line with no credit when all are vague', () => {
    const md = '# X\n\n## Evidence\n- A video.\n- Student work.\n';
    const r = check(rule, md);
    expect(r.passed).toBe(false);
    expect(r.findings.map((f) => [f.line, f.column, f.severity, f.path])).toEqual([
      [4, 3, 'warning', 'evidence.0'],
      [5, 3, 'warning', 'evidence.1'],
    ]);
    expect(r.findings[0]!.ruleId).toBe('evidence-specificity');
    expect(r.findings[0]!.message).toBe('artifact 1 ("A video.") does not state what it must show or a quantity, format or limit');
    expect(r.findings[0]!.quote).toBe('A video.');
    expect(r.earned).toBe(0);
  });

  it('gives the share of specific entries as credit (front matter), reported one level lower', () => {
    const md = '---\ntitle: X\nevidence:\n  - One 10-minute video of a lesson in which you use wait time.\n  - A video of teaching\n---\n';
    const r = check(rule, md);
    expect(r.findings).toHaveLength(1);
    const f = r.findings[0]!;
    expect(f.line).toBe(5);
    expect(f.severity).toBe('info');
    expect(f.message).toBe('artifact 2 ("A video of teaching") does not state what it must show or a quantity, format or limit');
    expect(r.earned).toBeCloseTo(r.points * 0.5);
  });

  it('costs only part of the points when overview and reflection prompts lack word limits', () => {
    const md = SPECIFIC.replace(' (200-word limit)', '').replace(' (300-word limit)', '');
    const r = check(rule, md);
    expect(r.findings.map((f) => [f.line, f.severity])).toEqual([
      [5, 'info'],
      [12, 'info'],
    ]);
    expect(r.findings[0]!.message).toBe('the overview questions ("Describe your class: grade level, subject and students.") have no word or length limit');
    expect(r.findings[1]!.message).toBe('the reflection prompt ("Reflect on how your students responded.") has no word or length limit');
    expect(r.earned).toBeCloseTo(r.points * 0.75);
  });

  it('does not read "Part 2" or a grade range as a quantity', () => {
    const md = '# X\n\n## Evidence\n- Part 2: a video of your grades 3-5 class.\n';
    const r = check(rule, md);
    expect(r.passed).toBe(false);
    expect(r.findings[0]!.message).toMatch(/does not state a quantity, format or limit$/);
  });

  it('splits a single three-part prose paragraph and points at the vague part', () => {
    const md = '# X\n\n## Evidence\nPart 1: describe your class (200 words). Part 2: submit a video. Part 3: reflect on it (300 words).\n';
    const r = check(rule, md);
    expect(r.findings).toHaveLength(1);
    const f = r.findings[0]!;
    expect([f.line, f.column]).toEqual([4, 42]);
    expect(f.quote).toBe('Part 2: submit a video.');
    expect(r.earned).toBeCloseTo((r.points * 2) / 3);
  });

  it('does not judge an intro paragraph above the parts as an artifact', () => {
    const md = SPECIFIC.replace('## Submission Requirements\n', '## Submission Requirements\nSubmit all parts together.\n');
    expect(check(rule, md).passed).toBe(true);
  });

  it('its examples behave as documented', () => {
    expect(check(rule, rule.examples!.pass).passed).toBe(true);
    expect(check(rule, rule.examples!.fail).passed).toBe(false);
  });
});
