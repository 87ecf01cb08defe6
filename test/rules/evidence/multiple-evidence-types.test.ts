import { describe, it, expect } from 'vitest';
import rule from '../../../src/rules/evidence/multiple-evidence-types.js';
import { check, docFromJson } from '../../helpers.js';

describe('multiple-evidence-types', () => {
  it('passes a Markdown body with a plan and a video', () => {
    const md = '# X\n\n## Evidence\n- One lesson plan for a lesson that uses wait time.\n- A 10-minute video of the lesson.\n';
    const r = check(rule, md);
    expect(r.passed).toBe(true);
    expect(r.earned).toBe(r.points);
  });

  it('passes JSON entries whose types come from `type` and `part` fields', () => {
    const doc = docFromJson({
      evidence: [
        { part: 'artifact', type: 'video', description: 'Ten minutes of your lesson.' },
        { part: 'reflection', description: 'What changed? (300 words)' },
      ],
    });
    expect(check(rule, doc).passed).toBe(true);
  });

  it('fails essay-only evidence with partial credit (one type of two), reported one level lower', () => {
    const md = '# X\n\n## Evidence\n- A 500-word essay on how you use wait time.\n';
    const r = check(rule, md);
    expect(r.passed).toBe(false);
    const f = r.findings[0]!;
    expect(f.ruleId).toBe('multiple-evidence-types');
    expect(f.severity).toBe('info');
    expect(f.line).toBe(4);
    expect(f.message).toBe('the evidence is of 1 evidence type (written response); ask for at least 2 distinct types');
    expect(r.earned).toBeCloseTo(r.points / 2);
  });

  it('fails front-matter evidence of no recognisable type with no credit', () => {
    const md = '---\ntitle: X\nevidence:\n  - Upload a presentation for your colleagues.\n---\n';
    const r = check(rule, md);
    expect(r.passed).toBe(false);
    const f = r.findings[0]!;
    expect(f.severity).toBe('warning');
    expect(f.line).toBe(3);
    expect(f.message).toMatch(/no recognisable evidence type/);
    expect(r.earned).toBe(0);
  });

  it('honours the `min` parameter', () => {
    const md = '# X\n\n## Evidence\n- One lesson plan you taught.\n- A 10-minute video of the lesson.\n';
    const r = check(rule, md, { min: 3 });
    expect(r.passed).toBe(false);
    expect(r.findings[0]!.message).toMatch(/2 evidence types \(video, audio or photos of teaching and lesson or unit plan\); ask for at least 3/);
  });

  it('passes silently when no evidence is asked for', () => {
    expect(check(rule, '# X\n\n## Competency\nEducator uses wait time.\n').passed).toBe(true);
  });

  it('its examples behave as documented', () => {
    expect(check(rule, rule.examples!.pass).passed).toBe(true);
    expect(check(rule, rule.examples!.fail).passed).toBe(false);
  });
});
