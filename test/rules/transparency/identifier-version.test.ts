import { describe, it, expect } from 'vitest';
import rule from '../../../src/rules/transparency/identifier-version.js';
import { check, docFromJson } from '../../helpers.js';

describe('identifier-version', () => {
  it('passes with id and version in front matter', () => {
    const r = check(rule, '---\nid: dp-wait-time\nversion: "2.1"\n---\n# Wait Time\n');
    expect(r.passed).toBe(true);
  });

  it('passes with an id and an updated date in JSON', () => {
    expect(check(rule, docFromJson({ id: 'nea-cm-07', updated: '2025-08-01', title: 'Wait Time' })).passed).toBe(true);
  });

  it('passes with a numeric id and an unquoted YAML date', () => {
    expect(check(rule, '---\nid: 123\nupdated: 2025-08-01\n---\nBody.\n').passed).toBe(true);
  });

  it('passes with "ID:" and "Last updated:" lines in an About section', () => {
    const r = check(rule, '# Wait Time\n\n## About\n- ID: DP-WT-01\n- Last updated: 2024-03-15\n');
    expect(r.passed).toBe(true);
  });

  it('passes with a credential code and a version in prose', () => {
    const md = '# Wait Time\n\nCredential code: UT-MC-0412. This is version 3 of the micro-credential.\n';
    expect(check(rule, md).passed).toBe(true);
  });

  it('fails when neither an identifier nor a version is given', () => {
    const r = check(rule, '# Wait Time\n\n## Competency\nEducator uses wait time after questions.\n');
    expect(r.passed).toBe(false);
    expect(r.earned).toBe(0);
    const f = r.findings[0]!;
    expect(f.ruleId).toBe('identifier-version');
    expect(f.severity).toBe('warning');
    expect(f.line).toBe(1);
  });

  it('gives half credit for an id without a version, pointing at the id', () => {
    const r = check(rule, '---\ntitle: Wait Time\nid: dp-wait-time\n---\nBody.\n');
    expect(r.earned).toBe(r.points * 0.5);
    const f = r.findings[0]!;
    expect(f.severity).toBe('info');
    expect(f.line).toBe(3);
    expect(f.message).toMatch(/no version/);
  });

  it('gives half credit for a version without an id, pointing at the version line', () => {
    const r = check(rule, '# Wait Time\n\nIntro text.\n\n## About\n- Cost: free\n- Version: 1.2\n');
    expect(r.earned).toBe(r.points * 0.5);
    expect(r.findings[0]!.line).toBe(7);
    expect(r.findings[0]!.message).toMatch(/no stable identifier/);
  });

  it('treats placeholders as missing', () => {
    const r = check(rule, docFromJson({ title: 'Wait Time', id: 'TBD', version: 'TODO' }));
    expect(r.earned).toBe(0);
    expect(r.findings[0]!.line).toBe(3);
    expect(r.findings[0]!.quote).toBe('TBD');
  });

  it('does not take a review turnaround ("updated in 2-3 weeks") as a version', () => {
    const r = check(rule, '# Wait Time\n\n## About\n- ID: DP-WT-01\n\nThe catalog is updated in 2-3 weeks.\n');
    expect(r.earned).toBe(r.points * 0.5);
  });

  it('passes its own pass example and fails its fail example', () => {
    expect(check(rule, rule.examples!.pass).passed).toBe(true);
    expect(check(rule, rule.examples!.fail).passed).toBe(false);
  });
});
