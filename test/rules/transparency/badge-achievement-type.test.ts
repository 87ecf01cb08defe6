import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/transparency/badge-achievement-type.js';
import { check, docFrom } from '../../helpers.js';

const ach = (extra: Record<string, unknown>) =>
  JSON.stringify({ type: ['Achievement'], id: 'urn:x', name: 'Wait Time Micro-Credential', description: 'd', criteria: { narrative: 'x' }, ...extra }, null, 2);

describe('badge-achievement-type', () => {
  it.each(['MicroCredential', 'Competency'])('passes achievementType %s', (t) => {
    expect(check(rule, docFrom(ach({ achievementType: t }), 'a.json')).passed).toBe(true);
  });

  it('fails another achievementType, at its JSON path', () => {
    const text = ach({ achievementType: 'CertificateOfCompletion' });
    const r = check(rule, docFrom(text, 'a.json'));
    expect(r.passed).toBe(false);
    expect(r.findings[0]!.message).toMatch(/achievementType is "CertificateOfCompletion"/);
    expect(r.findings[0]!.path).toBe('achievementType');
    expect(r.findings[0]!.line).toBe(text.split('\n').findIndex((l) => l.includes('"achievementType"')) + 1);
  });

  it('fails an achievement that claims to be a micro-credential with no achievementType', () => {
    const r = check(rule, docFrom(ach({}), 'a.json'));
    expect(r.findings[0]!.message).toMatch(/has no achievementType/);
  });

  it('gives half credit to an Open Badges 2.0 BadgeClass, which has no achievementType', () => {
    const text = JSON.stringify({ '@context': 'https://w3id.org/openbadges/v2', type: 'BadgeClass', id: 'https://x.org/b', name: 'Wait Time Microcredential', description: 'd', criteria: 'https://x.org/c', issuer: 'https://x.org/i' });
    const r = check(rule, docFrom(text, 'b.json'));
    expect(r.earned).toBe(r.points / 2);
  });

  it('is not applicable when the offering does not call itself a micro-credential', () => {
    const r = check(rule, docFrom(ach({ name: 'Robotics Badge', achievementType: 'Badge' }), 'a.json'));
    expect([r.passed, r.earned]).toEqual([true, 0]);
  });

  it('is not applicable to a Markdown offering without badge metadata', () => {
    expect(check(rule, '# Wait Time Micro-credential\n').earned).toBe(0);
  });

  it('passes its own pass example and fails its fail example', () => {
    expect(check(rule, rule.examples!.pass).passed).toBe(true);
    expect(check(rule, rule.examples!.fail).passed).toBe(false);
  });
});
