import { describe, it, expect } from 'vitest';
import rule from '../../../src/rules/transparency/portable-badge.js';
import { check, docFromJson } from '../../helpers.js';

describe('portable-badge', () => {
  it('passes a "Badge:" line', () => {
    expect(check(rule, '# Wait Time\n\n## About\n- Badge: Open Badges 2.0 via Badgr\n').passed).toBe(true);
  });

  it('passes badge: true in front matter', () => {
    expect(check(rule, '---\nbadge: true\n---\n# Wait Time\n').passed).toBe(true);
  });

  it('passes a JSON badge object', () => {
    expect(check(rule, docFromJson({ title: 'Wait Time', badge: { image: 'https://example.org/b.png', standard: 'OB 3.0' } })).passed).toBe(true);
  });

  it.each([
    'Earners receive a digital badge.',
    'Badges are issued through Credly.',
    'The credential is issued as a W3C verifiable credential and added to your Comprehensive Learner Record.',
  ])('passes prose: %s', (sentence) => {
    expect(check(rule, `# Wait Time\n\n${sentence}\n`).passed).toBe(true);
  });

  it('fails when no format is stated', () => {
    const r = check(rule, '# Wait Time\n\nEarners receive a PDF certificate of completion.\n');
    expect(r.passed).toBe(false);
    const f = r.findings[0]!;
    expect(f.ruleId).toBe('portable-badge');
    expect(f.severity).toBe('warning');
    expect(f.line).toBe(1);
  });

  it('fails on badge: false, pointing at the field', () => {
    const r = check(rule, docFromJson({ title: 'Wait Time', badge: false }));
    expect(r.earned).toBe(0);
    expect(r.findings[0]!.line).toBe(3);
    expect(r.findings[0]!.message).toMatch(/badge field/);
  });

  it('fails a badge field that names only a PDF certificate', () => {
    const r = check(rule, '---\ntitle: Wait Time\nbadge: "PDF certificate of completion"\n---\nBody.\n');
    expect(r.earned).toBe(0);
    expect(r.findings[0]!.line).toBe(3);
    expect(r.findings[0]!.quote).toBe('PDF certificate of completion');
    expect(check(rule, '---\nbadge: "Open Badge 3.0, with a printable PDF certificate"\n---\nBody.\n').passed).toBe(true);
  });

  it('ignores badges mentioned only in research or resources, and negations', () => {
    const md = '# Wait Time\n\nNo digital badge is issued.\n\n## Supporting Research\n- Gamrat, C. (2014). Digital badges and teacher PD.\n\n## Resources\n- Credly help: https://example.org\n';
    expect(check(rule, md).passed).toBe(false);
  });

  it('passes its own pass example and fails its fail example', () => {
    expect(check(rule, rule.examples!.pass).passed).toBe(true);
    expect(check(rule, rule.examples!.fail).passed).toBe(false);
  });
});
