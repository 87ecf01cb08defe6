import { describe, it, expect } from 'vitest';
import rule from '../../../src/rules/assessment/criteria-cover-evidence.js';
import { check, docFromJson } from '../../helpers.js';

const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

const DP = `# Wait Time

## Competency
Educator uses wait time after questions to increase student response.

## Submission Guidelines
This micro-credential has three parts.

### Part 1. Overview Questions
- Describe your class and its needs.

### Part 2. Work Examples/Artifacts
- A 10-minute video of a discussion.
- Student work samples from three students.

### Part 3. Reflection
- What changed in student responses?
`;

describe('criteria-cover-evidence', () => {
  it('passes when every part and artifact has a criterion (part numbers, kinds and names)', () => {
    const md = `${DP}
## Scoring Guide
| Criterion | Proficient | Not Yet |
|---|---|---|
| Part 1: Overview | Describes the class | Missing |
| Video | Shows 3 pauses | Fewer |
| Student work | Shows 3 responses | Missing |
| Reflection | Names 2 changes | Missing |
`;
    const r = check(rule, md);
    expect(r.findings).toEqual([]);
    expect(r.passed).toBe(true);
  });

  it('passes in JSON when criterion.evidence names the artifact', () => {
    const doc = docFromJson({
      competency: 'Educator asks higher-order questions.',
      evidence: [
        { part: 'artifact', title: 'Lesson video', description: 'A 15-minute video' },
        { part: 'artifact', title: 'Question log', description: 'A log of 20 questions' },
      ],
      rubric: {
        criteria: [
          { name: 'Questioning in practice', evidence: 'the lesson video' },
          { name: 'Range of questions', evidence: 'question log' },
        ],
      },
    });
    expect(check(rule, doc).passed).toBe(true);
  });

  it('passes when there is no rubric or no evidence (other rules report those)', () => {
    expect(check(rule, DP).passed).toBe(true);
    expect(check(rule, '# MC\n\n## Rubric\n- Video shows wait time\n').passed).toBe(true);
  });

  it('skips optional evidence', () => {
    const doc = docFromJson({
      evidence: [
        { title: 'Lesson video', description: 'A video' },
        { title: 'Parent letter', description: 'A letter', required: 'optional' },
      ],
      rubric: { criteria: [{ name: 'Video' }] },
    });
    expect(check(rule, doc).passed).toBe(true);
  });

  it('reports each uncovered artifact at its line with partial credit', () => {
    const md = `${DP}
## Scoring Guide
| Criterion | Proficient | Not Yet |
|---|---|---|
| Part 2: Video | Shows 3 pauses | Fewer |
`;
    const r = check(rule, md);
    expect(r.passed).toBe(false);
    expect(r.findings.map((f) => f.line)).toEqual([lineOf(md, '### Part 1'), lineOf(md, '- Student work'), lineOf(md, '### Part 3')]);
    const work = r.findings[1]!;
    expect(work.ruleId).toBe('criteria-cover-evidence');
    expect(work.severity).toBe('info');
    expect(work.column).toBe(3);
    expect(work.message).toBe('no rubric criterion scores artifact 2 ("Student work samples from three students.")');
    expect(r.earned).toBeCloseTo(2.5);
  });

  it('fails with full severity in front matter when no artifact is covered', () => {
    const md = '---\nevidence:\n  - title: Lesson video\n    part: artifact\n  - title: Student survey\n    part: artifact\nrubric:\n  criteria:\n    - name: Classroom climate\n---\nBody.\n';
    const r = check(rule, md);
    expect(r.passed).toBe(false);
    expect(r.earned).toBe(0);
    expect(r.findings).toHaveLength(2);
    expect(r.findings[0]!.severity).toBe('warning');
    expect(r.findings[0]!.line).toBe(3);
    expect(r.findings[1]!.line).toBe(5);
    expect(r.findings[1]!.message).toBe('no rubric criterion scores artifact 2 ("Student survey")');
  });

  it('does not let a part number cover an artifact the criterion does not name', () => {
    const doc = docFromJson({
      evidence: [
        { part: 'Part 2', title: 'Lesson video' },
        { part: 'Part 2', title: 'Exit tickets' },
      ],
      rubric: { criteria: [{ name: 'Part 2 video' }] },
    });
    const r = check(rule, doc);
    expect(r.findings.map((f) => f.message)).toEqual(['no rubric criterion scores evidence item 2 ("Exit tickets")']);
  });

  it('matches up to the limit of pairs, and past it says it did not check instead of running for minutes', () => {
    // 1,000 x 1,000 pairs: matched (each criterion names its artifact).
    const n = 1000;
    const at = docFromJson({
      evidence: Array.from({ length: n }, (_, i) => ({ title: `Artifact ${i + 1}` })),
      rubric: { criteria: Array.from({ length: n }, (_, i) => ({ name: `Artifact ${i + 1}` })) },
    });
    expect(check(rule, at).findings).toEqual([]);
    // One more criterion and entry: over 1,000,000 pairs.
    const over = docFromJson({
      evidence: Array.from({ length: n + 1 }, (_, i) => ({ title: `Artifact ${i + 1}` })),
      rubric: { criteria: Array.from({ length: n + 1 }, (_, i) => ({ name: `Artifact ${i + 1}` })) },
    });
    const r = check(rule, over);
    expect(r.findings.map((f) => f.message)).toEqual([
      '1,001 required evidence items and 1,001 rubric criteria are too many to match (over 1,000,000 pairs); coverage was not checked',
    ]);
    expect(r.earned).toBe(0);
  });

  it('runs its own examples', () => {
    expect(check(rule, rule.examples!.pass).passed).toBe(true);
    expect(check(rule, rule.examples!.fail).passed).toBe(false);
  });
});
