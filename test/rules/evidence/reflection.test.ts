import { describe, it, expect } from 'vitest';
import rule from '../../../src/rules/evidence/reflection.js';
import { check, docFromJson } from '../../helpers.js';

describe('reflection', () => {
  it('passes a Markdown "Part 3. Reflection" part', () => {
    const md = '# X\n\n## Submission Requirements\n\n### Part 2. Artifacts\n- A 10-minute video.\n\n### Part 3. Reflection (Pass/Fail)\nWhat changed for your students? (300 words)\n';
    expect(check(rule, md).passed).toBe(true);
  });

  it('passes a JSON entry with part "reflection"', () => {
    const doc = docFromJson({ evidence: [{ part: 'artifact', description: 'A video.' }, { part: 'reflection', description: 'What changed?' }] });
    expect(check(rule, doc).passed).toBe(true);
  });

  it('passes a front-matter video reflection', () => {
    const md = '---\nevidence:\n  - A 10-minute video of your lesson.\n  - A 3-minute video reflection on what you noticed.\n---\n';
    expect(check(rule, md).passed).toBe(true);
  });

  it('fails artifacts with no reflection, at the evidence section', () => {
    const md = '# X\n\n## Evidence\n- A 10-minute video of a lesson.\n- Three student work samples.\n';
    const r = check(rule, md);
    expect(r.passed).toBe(false);
    const f = r.findings[0]!;
    expect(f.ruleId).toBe('reflection');
    expect(f.severity).toBe('warning');
    expect(f.line).toBe(4);
  });

  it('does not take a student reflection, or a plan that "reflects" principles, for the educator\'s reflection', () => {
    const md = '---\nevidence:\n  - Student reflections from three learners.\n  - One lesson plan that reflects UDL principles.\n---\n';
    const r = check(rule, md);
    expect(r.passed).toBe(false);
    expect(r.findings[0]!.line).toBe(2);
  });

  it('finds a reflection part in the body when front matter gives the other evidence', () => {
    const md = '---\nevidence:\n  - One lesson plan you taught.\n---\n## Submission Requirements\n\n### Part 3: Reflection\nWhat changed? (250 words)\n';
    expect(check(rule, md).passed).toBe(true);
  });

  it('points at the first requirement when evidence sits under an "Earning Criteria" heading', () => {
    const md = '# X\n\n## Earning Criteria\n\n### Task 1: Implement\nSubmit a video of you teaching.\n';
    const r = check(rule, md);
    expect(r.passed).toBe(false);
    expect([r.findings[0]!.line, r.findings[0]!.column]).toEqual([5, 5]);
  });

  it('its examples behave as documented', () => {
    expect(check(rule, rule.examples!.pass).passed).toBe(true);
    expect(check(rule, rule.examples!.fail).passed).toBe(false);
  });
});
