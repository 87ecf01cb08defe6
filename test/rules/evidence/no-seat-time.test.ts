import { describe, it, expect } from 'vitest';
import rule from '../../../src/rules/evidence/no-seat-time.js';
import { check, docFromJson } from '../../helpers.js';

describe('no-seat-time', () => {
  it('passes evidence of practice in Markdown', () => {
    const r = check(rule, '# X\n\n## Evidence\n- A 10-minute video of a lesson.\n- Three student work samples.\n');
    expect(r.passed).toBe(true);
    expect(r.earned).toBe(r.points);
  });

  it('does not flag learners\' participation, "attend to", or a quiz the educator designs (JSON)', () => {
    const doc = docFromJson({
      evidence: [
        'Video of students participating in a discussion; show how you attend to misconceptions.',
        'Design a quiz for your students and submit the student quiz results.',
        'Track student participation across three lessons.',
      ],
    });
    expect(check(rule, doc).passed).toBe(true);
  });

  it('flags each seat-time phrase in the body at its position, quoting it', () => {
    const md = '# X\n\n## What to Submit\n- Attend the two-hour webinar.\n- Upload your certificate of completion.\n- A video of your lesson.\n';
    const r = check(rule, md);
    expect(r.passed).toBe(false);
    expect(r.findings.map((f) => [f.ruleId, f.severity, f.line, f.column])).toEqual([
      ['no-seat-time', 'warning', 4, 3],
      ['no-seat-time', 'warning', 5, 15],
    ]);
    expect(r.findings[0]!.message).toBe('the evidence asks for seat time ("Attend"), not a demonstration of practice');
    expect(r.findings[1]!.quote).toBe('Upload your certificate of completion.');
    expect(r.earned).toBe(0);
  });

  it('flags a seat-time phrase in a front-matter evidence field, at the phrase', () => {
    const md = '---\ntitle: X\nevidence:\n  - Pass the quiz at the end of the module.\n---\n';
    const r = check(rule, md);
    expect(r.findings).toHaveLength(1);
    expect([r.findings[0]!.line, r.findings[0]!.column]).toEqual([4, 5]);
    expect(r.findings[0]!.message).toMatch(/\("Pass the quiz"\)/);
  });

  it('uses the phrases from the rubric parameters', () => {
    const md = '# X\n\n## Evidence\n- Log 10 hours of coaching.\n';
    expect(check(rule, md).passed).toBe(true);
    expect(check(rule, md, { phrases: ['hours of coaching'] }).passed).toBe(false);
  });

  it('its examples behave as documented', () => {
    expect(check(rule, rule.examples!.pass).passed).toBe(true);
    expect(check(rule, rule.examples!.fail).passed).toBe(false);
  });
});
