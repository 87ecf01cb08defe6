import { describe, it, expect } from 'vitest';
import rule from '../../../src/rules/evidence/representative-samples.js';
import { check, docFromJson } from '../../helpers.js';

describe('representative-samples', () => {
  it('passes Markdown asking for samples at different levels of mastery', () => {
    expect(check(rule, '# X\n\n## Evidence\n- Three student work samples at different levels of mastery.\n').passed).toBe(true);
  });

  it('passes samples from a struggling and an advanced learner, and whole-class data (JSON)', () => {
    const doc = docFromJson({
      evidence: ['Two samples of student work, one from a struggling learner and one from an advanced learner.', 'Pre/post quiz scores for the whole class.'],
    });
    expect(check(rule, doc).passed).toBe(true);
  });

  it('is not applicable when no student work or data is asked for', () => {
    expect(check(rule, '# X\n\n## Evidence\n- A 10-minute video of a lesson.\n').passed).toBe(true);
  });

  it('fails a single hand-picked work sample, at that entry', () => {
    const md = '# X\n\n## Evidence\n- A 10-minute video of a lesson.\n- One student work sample from the lesson.\n';
    const r = check(rule, md);
    expect(r.passed).toBe(false);
    const f = r.findings[0]!;
    expect(f.ruleId).toBe('representative-samples');
    expect(f.severity).toBe('warning');
    expect([f.line, f.column]).toEqual([5, 3]);
    expect(f.path).toBe('evidence.1');
    expect(f.quote).toBe('One student work sample from the lesson.');
  });

  it('fails front-matter student data for a few students with no range, at its item', () => {
    const md = '---\ntitle: X\nevidence:\n  - A lesson plan you taught.\n  - Pre/post assessment data for two students.\n---\n';
    const r = check(rule, md);
    expect(r.passed).toBe(false);
    expect(r.findings[0]!.line).toBe(5);
    expect(r.findings[0]!.path).toBe('evidence.1');
  });

  it('does not ask for a range when the data is for the whole class or the practice centres on one learner', () => {
    expect(check(rule, '# X\n\n## Evidence\n- Pre/post assessment data for your class.\n').passed).toBe(true);
    const md = '# X\n\n## Evidence\nAll evidence comes from work with a student you serve.\n\n- Three work samples from the student.\n- A 5-minute video.\n';
    expect(check(rule, md).passed).toBe(true);
  });

  it('its examples behave as documented', () => {
    expect(check(rule, rule.examples!.pass).passed).toBe(true);
    expect(check(rule, rule.examples!.fail).passed).toBe(false);
  });
});
