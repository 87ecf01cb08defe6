import { describe, it, expect } from 'vitest';
import rule from '../../../src/rules/transparency/issuer.js';
import { check, docFrom, docFromJson } from '../../helpers.js';

describe('issuer', () => {
  it('passes with a front-matter provider object that has a url', () => {
    const r = check(rule, '---\nprovider:\n  name: Digital Promise\n  url: https://digitalpromise.org\n---\n# Wait Time\n');
    expect(r.passed).toBe(true);
    expect(r.earned).toBe(r.points);
  });

  it('passes with a body "Provider:" line that carries a website', () => {
    const r = check(rule, '# Wait Time\n\n## About\n- Provider: Utah State Board of Education (https://schools.utah.gov)\n');
    expect(r.passed).toBe(true);
  });

  it('passes with a JSON provider object that has only an e-mail', () => {
    const r = check(rule, docFromJson({ title: 'Wait Time', provider: { name: 'NEA', email: 'micro@nea.org' } }));
    expect(r.passed).toBe(true);
  });

  it('passes with a named issuer in prose and a contact line', () => {
    const md = '# Wait Time\n\nThis micro-credential is issued by the Kansas State Department of Education.\n\n## About\nContact: mc@ksde.org\n';
    expect(check(rule, md).passed).toBe(true);
  });

  it('gives half credit for an object provider with a name but no contact', () => {
    const r = check(rule, '---\ntitle: Wait Time\nprovider:\n  name: Digital Promise\n---\n# Wait Time\n');
    expect(r.passed).toBe(false);
    expect(r.earned).toBe(r.points * 0.5);
    expect(r.findings).toHaveLength(1);
    const f = r.findings[0]!;
    expect(f.ruleId).toBe('issuer');
    expect(f.severity).toBe('info'); // a partial hit is reported one level below "warning"
    expect(f.line).toBe(3); // the `provider:` key
    expect(f.message).toMatch(/no website or e-mail/);
  });

  it('gives half credit for a plain provider string without contact, pointing at its line', () => {
    const r = check(rule, '# Wait Time\n\nSome intro.\n\n## Details\n- Cost: free\n- Provider: Digital Promise\n');
    expect(r.earned).toBe(r.points * 0.5);
    expect(r.findings[0]!.line).toBe(7);
    expect(r.findings[0]!.quote).toBe('Digital Promise');
  });

  it('fails when no issuer is named anywhere', () => {
    const r = check(rule, '# Wait Time\n\n## Competency\nEducator uses wait time after questions.\n');
    expect(r.passed).toBe(false);
    expect(r.earned).toBe(0);
    const f = r.findings[0]!;
    expect(f.ruleId).toBe('issuer');
    expect(f.severity).toBe('warning');
    expect(f.line).toBe(1);
    expect(f.message).toMatch(/not named/);
  });

  it('fails on a placeholder provider and points at the field', () => {
    const r = check(rule, docFromJson({ title: 'Wait Time', provider: 'TBD' }));
    expect(r.earned).toBe(0);
    expect(r.findings[0]!.line).toBe(3);
    expect(r.findings[0]!.column).toBe(15); // the value "TBD"
    expect(r.findings[0]!.severity).toBe('warning');
    expect(r.findings[0]!.message).toMatch(/placeholder/);
  });

  it('does not take a lower-case "developed by teachers" as an issuer name', () => {
    const r = check(rule, '# Wait Time\n\nThis micro-credential was developed by teachers for teachers.\n');
    expect(r.earned).toBe(0);
  });

  it('passes its own pass example and fails its fail example', () => {
    expect(check(rule, rule.examples!.pass).passed).toBe(true);
    expect(check(rule, rule.examples!.fail).passed).toBe(false);
    expect(docFrom(rule.examples!.fail).data.provider).toBe('TBD');
  });
});
