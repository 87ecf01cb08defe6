import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/transparency/badge-issuer-contact.js';
import { check, docFrom } from '../../helpers.js';

const fixture = (n: string) => readFileSync(new URL(`../../fixtures/openbadges/${n}`, import.meta.url), 'utf8');

describe('badge-issuer-contact', () => {
  it('passes a creator profile with name, url and email', () => {
    expect(check(rule, docFrom(fixture('ob3-skillAssertionCtdl.json'), 'c.json')).passed).toBe(true);
  });

  it('fails an issuer given only as a link to its profile', () => {
    const text = fixture('ob2-badgeclass-robotics.json');
    const r = check(rule, docFrom(text, 'r.json'));
    expect(r.passed).toBe(false);
    expect(r.findings[0]!.message).toMatch(/only as a link to its profile \(https:\/\/example.org\/organization.json\)/);
    expect(r.findings[0]!.path).toBe('issuer');
    expect(r.findings[0]!.line).toBe(text.split('\n').findIndex((l) => l.includes('"issuer"')) + 1);
  });

  it('fails a credential issuer with a name only, at the issuer key', () => {
    const text = fixture('ob3-basicOpenBadgeCredential.json');
    const r = check(rule, docFrom(text, 'b.json'));
    expect(r.findings[0]!.message).toMatch(/no URL and no e-mail/);
    expect(r.findings[0]!.path).toBe('issuer');
  });

  it('gives half credit when only one of url and email is given', () => {
    const r = check(rule, '---\ntitle: W\nprovider:\n  name: X\n  url: https://x.org\nbadge:\n  achievementType: MicroCredential\n---\n');
    expect(r.earned).toBe(r.points / 2);
    expect(r.findings[0]!.message).toMatch(/no e-mail address/);
  });

  it('is not applicable to an offering without badge metadata', () => {
    expect(check(rule, '---\nprovider: X\n---\n# W\n').earned).toBe(0);
  });

  it('passes its own pass example and fails its fail example', () => {
    expect(check(rule, rule.examples!.pass).passed).toBe(true);
    expect(check(rule, rule.examples!.fail).passed).toBe(false);
  });
});
