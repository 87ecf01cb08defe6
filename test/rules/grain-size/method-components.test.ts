import { describe, it, expect } from 'vitest';
import rule from '../../../src/rules/grain-size/method-components.js';
import { check, docFromJson } from '../../helpers.js';

describe('method-components', () => {
  it('passes a Markdown list of components', () => {
    const r = check(rule, '# T\n\n## Method Components\n\n1. Pose the question to the whole class.\n2. Wait three to five seconds.\n3. Wait again after the answer.\n');
    expect(r.passed).toBe(true);
  });

  it('passes components as sub-headings and as a JSON list', () => {
    expect(check(rule, '# T\n\n## Method Components\n\n### Pose the question\n\nTo the whole class.\n\n### Wait\n\nThree to five seconds.\n').passed).toBe(true);
    expect(check(rule, docFromJson({ methodComponents: ['Pose the question to the whole class.', 'Wait three to five seconds.'] })).passed).toBe(true);
  });

  it('counts components written in one value, separated by semicolons or numbers', () => {
    expect(check(rule, docFromJson({ methodComponents: 'Pose the question to all; wait three to five seconds; wait again after answers' })).passed).toBe(true);
    expect(check(rule, '# T\n\n## Method Components\n\n(1) Pose the question to all. (2) Wait three to five seconds.\n').passed).toBe(true);
  });

  it('fails when no components are listed, at the start of the file', () => {
    const r = check(rule, '# T\n\n## Key Method\n\nThe educator waits three to five seconds after each question.\n');
    expect(r.passed).toBe(false);
    expect(r.earned).toBe(0);
    const f = r.findings[0]!;
    expect(f.ruleId).toBe('method-components');
    expect(f.severity).toBe('warning');
    expect(f.line).toBe(1);
    expect(f.message).toMatch(/no method components/);
  });

  it('gives half the points for one component, at the section (Markdown)', () => {
    const r = check(rule, '# T\n\n## Method Components\n\n- Use wait time.\n');
    expect(r.passed).toBe(false);
    expect(r.earned).toBe(r.points / 2);
    const f = r.findings[0]!;
    expect(f.severity).toBe('info');
    expect(f.line).toBe(5);
    expect(f.message).toMatch(/only 1 method component is listed/);
  });

  it('does not count placeholders (front matter)', () => {
    const r = check(rule, '---\ntitle: T\nmethodComponents:\n  - TBD\n  - "[Describe step 2]"\n---\n\n# T\n');
    expect(r.passed).toBe(false);
    expect(r.earned).toBe(0);
    expect(r.findings[0]!.line).toBe(3);
    expect(r.findings[0]!.message).toMatch(/placeholders/);
  });

  it('uses the min parameter', () => {
    const doc = docFromJson({ methodComponents: ['Pose the question to the whole class.', 'Wait three to five seconds.'] });
    expect(check(rule, doc, { min: 3 }).passed).toBe(false);
  });

  it('its examples behave as documented', () => {
    expect(check(rule, rule.examples!.pass).passed).toBe(true);
    expect(check(rule, rule.examples!.fail).passed).toBe(false);
  });
});
