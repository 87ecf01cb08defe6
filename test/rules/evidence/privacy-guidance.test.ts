import { describe, it, expect } from 'vitest';
import rule from '../../../src/rules/evidence/privacy-guidance.js';
import { check, docFromJson } from '../../helpers.js';

describe('privacy-guidance', () => {
  it('passes a Markdown body with a Privacy section', () => {
    const md = '# X\n\n## Evidence\n- A 10-minute video of your class.\n\n## Privacy and Consent\nGet parent permission before recording.\n';
    expect(check(rule, md).passed).toBe(true);
  });

  it('passes the NEA rule written in the overview part', () => {
    const md =
      '# X\n\n## Submission Requirements\n\n### Part 1. Overview Questions\nPlease do not include any information that will make it possible for the assessor to identify you or your school.\n\n### Part 2. Artifacts\n- Three student work samples.\n';
    expect(check(rule, md).passed).toBe(true);
  });

  it('passes JSON whose unknown `privacy` field removes names', () => {
    const doc = docFromJson({ evidence: ['Three student work samples.'], privacy: 'Redact student names on every sample.' });
    expect(check(rule, doc).passed).toBe(true);
  });

  it('is not applicable when no video or student material is asked for', () => {
    expect(check(rule, '# X\n\n## Evidence\n- One lesson plan.\n- A 500-word essay.\n').passed).toBe(true);
  });

  it('fails a video with no guidance, at the video entry', () => {
    const md = '# X\n\n## Evidence\n- One lesson plan.\n- A 10-minute video of your class.\n';
    const r = check(rule, md);
    expect(r.passed).toBe(false);
    const f = r.findings[0]!;
    expect(f.ruleId).toBe('privacy-guidance');
    expect(f.severity).toBe('error');
    expect([f.line, f.column]).toEqual([5, 3]);
    expect(f.message).toBe('video, audio or photos of teaching is requested but no privacy guidance is given (remove student names, get consent, blur faces)');
  });

  it('fails front-matter student work when the guidance is only about the platform', () => {
    const md = '---\ntitle: X\nevidence:\n  - Three student work samples at different levels.\n---\n## About\nSubmissions are stored on our platform.\n';
    const r = check(rule, md);
    expect(r.passed).toBe(false);
    expect(r.findings[0]!.line).toBe(4);
    expect(r.findings[0]!.message).toMatch(/^student work is requested/);
  });

  it('its examples behave as documented', () => {
    expect(check(rule, rule.examples!.pass).passed).toBe(true);
    expect(check(rule, rule.examples!.fail).passed).toBe(false);
  });
});
