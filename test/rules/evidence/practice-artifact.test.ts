import { describe, it, expect } from 'vitest';
import rule from '../../../src/rules/evidence/practice-artifact.js';
import { check, docFromJson } from '../../helpers.js';

describe('practice-artifact', () => {
  it('passes a Markdown artifact part with a video of teaching', () => {
    const md = '# Wait Time\n\n## Submission Requirements\n\n### Part 2. Work Examples/Artifacts\n- A 10-minute video of a lesson in which you use wait time.\n- A 300-word summary of the research.\n';
    expect(check(rule, md).passed).toBe(true);
  });

  it('passes front-matter evidence asking for student work samples', () => {
    const md = '---\ntitle: X\nevidence:\n  - Three student work samples at different levels of mastery\n  - part: reflection\n    description: Reflect on the lesson.\n---\n';
    expect(check(rule, md).passed).toBe(true);
  });

  it('passes JSON with a lesson plan that was implemented with the class', () => {
    const doc = docFromJson({
      evidence: [
        { part: 'artifact', type: 'lesson plan', description: 'A lesson plan you implemented with your class, annotated with what happened.' },
        { part: 'reflection', description: 'What would you change?' },
      ],
    });
    expect(check(rule, doc).passed).toBe(true);
  });

  it('passes silently when no evidence is asked for at all (evidence-present reports that)', () => {
    expect(check(rule, '# X\n\n## Competency\nEducator uses wait time.\n').findings).toEqual([]);
  });

  it('fails reflection-and-essay-only evidence and names what was asked', () => {
    const md = '# X\n\n## Evidence\n- A 500-word essay on why wait time matters.\n- A reflection on what you learned.\n';
    const r = check(rule, md);
    expect(r.passed).toBe(false);
    expect(r.findings).toHaveLength(1);
    const f = r.findings[0]!;
    expect(f.ruleId).toBe('practice-artifact');
    expect(f.severity).toBe('error');
    expect(f.line).toBe(4);
    expect(f.message).toBe(
      'evidence is an essay or written response and reflection only; no artifact from practice with learners (video or audio of teaching, student work, an implemented lesson plan, an observation or student data)',
    );
    expect(r.earned).toBe(0);
  });

  it('fails seat-time evidence in front matter (attendance, webinar video, quiz, certificate)', () => {
    const md =
      '---\ntitle: Intro\nevidence:\n  - Attend the three-hour workshop.\n  - Watch the video "Circles in Action" and pass the quiz.\n  - Upload a photo of your certificate of completion.\n---\n';
    const r = check(rule, md);
    expect(r.passed).toBe(false);
    const f = r.findings[0]!;
    expect(f.severity).toBe('error');
    expect(f.line).toBe(3);
    expect(f.message).toMatch(/^evidence is attendance or completion, a quiz or test of knowledge and a certificate of completion only; no artifact/);
  });

  it('does not count a plan that is not taught, a video reflection, or student work named only in a reflection prompt', () => {
    const md =
      '# X\n\n## Submission Requirements\n\n### Artifacts\n- One lesson plan for a lesson on fractions.\n- A 3-minute video reflection on your planning.\n\n### Reflection\nReflect on the student work you expect to see.\n';
    const r = check(rule, md);
    expect(r.passed).toBe(false);
    expect(r.findings[0]!.message).toMatch(/^evidence is a plan that is not taught and reflection only;/);
  });

  it('does not count a reflection recorded as audio or video, or a plan only meant for use (JSON)', () => {
    const doc = docFromJson({ evidence: ['A lesson plan for use in your classroom.', 'A reflection in text, audio or video format.'] });
    const r = check(rule, doc);
    expect(r.passed).toBe(false);
    expect(r.findings[0]!.line).toBe(2);
  });

  it('counts records of practice with adults, e.g. newsletters sent to families', () => {
    const doc = docFromJson({ evidence: ['Copies of three newsletters you sent to families, with a 200-word rationale.'] });
    expect(check(rule, doc).passed).toBe(true);
  });

  it('counts student work that the reflection part says to upload', () => {
    const md = '# X\n\n## Part 3. Reflection\nReflect on the lesson and upload two samples of student work that show the change.\n';
    expect(check(rule, md).passed).toBe(true);
  });

  it('finds the artifact part of a single three-part prose paragraph', () => {
    const md = '# X\n\n## Evidence\nPart 1: describe your class (200 words). Part 2: submit a 10-minute video of your teaching. Part 3: reflect (300 words).\n';
    expect(check(rule, md).passed).toBe(true);
  });

  it('its examples behave as documented', () => {
    expect(check(rule, rule.examples!.pass).passed).toBe(true);
    expect(check(rule, rule.examples!.fail).passed).toBe(false);
  });
});
