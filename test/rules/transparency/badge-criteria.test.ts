import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/transparency/badge-criteria.js';
import { check, docFrom, docFromJson } from '../../helpers.js';

const ach = (criteria: unknown) => ({
  '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
  id: 'urn:example:wt',
  type: ['Achievement'],
  name: 'Wait Time',
  description: 'Pausing after questions.',
  criteria,
});

describe('badge-criteria', () => {
  it('is not applicable to an offering that is not a badge definition', () => {
    const r = check(rule, '# Wait Time\n\n## Competency\nEducator uses wait time.\n');
    expect(r.passed).toBe(true);
    expect(r.earned).toBe(0); // skipped: its points leave the total
    expect(check(rule, docFromJson({ title: 'Wait Time', badge: 'Open Badges 3.0' })).earned).toBe(0);
  });

  it('passes a narrative that states what to submit', () => {
    const r = check(rule, docFromJson(ach({ narrative: 'Submit a 10-minute video of a lesson in which you pause at least 3 seconds after each question, and a 300-word reflection.' })));
    expect(r.passed).toBe(true);
    expect(r.earned).toBe(r.points);
  });

  it('passes a badge with only a criteria URL (badge-criteria-embedded judges that)', () => {
    expect(check(rule, docFromJson(ach({ id: 'https://example.org/wt' }))).passed).toBe(true);
  });

  it('fails a badge with no criteria at all, at the criteria key', () => {
    const text = JSON.stringify(ach({}), null, 2);
    const r = check(rule, docFrom(text, 'b.json'));
    expect(r.passed).toBe(false);
    expect(r.findings[0]!.message).toMatch(/has no criteria/);
    expect(r.findings[0]!.line).toBe(text.split('\n').findIndex((l) => l.includes('"criteria"')) + 1);
    expect(r.findings[0]!.path).toBe('criteria');
  });

  it.each([
    ['TBD', /placeholder/],
    ['Coming soon: the requirements for this badge will be published here when the pilot ends.', /placeholder \("Coming soon"\)/],
    ['# Degree Requirements\\nStudents must complete...', /cut off/],
    ['Show wait time.', /2 words|too few/],
  ])('fails the narrative %j', (narrative, message) => {
    const r = check(rule, docFromJson(ach({ narrative })));
    expect(r.passed).toBe(false);
    expect(r.earned).toBe(0);
    expect(r.findings[0]!.message).toMatch(message);
    expect(r.findings[0]!.path).toBe('criteria.narrative');
  });

  it('gives half credit to a narrative that describes the badge but not what to do', () => {
    const r = check(rule, docFromJson(ach({ narrative: 'Team members are nominated for this badge by their peers and recognized upon review by Example Corp management.' })));
    expect(r.passed).toBe(false);
    expect(r.earned).toBe(r.points / 2);
    expect(r.findings[0]!.severity).toBe('info');
  });

  it('passes a native offering with badge metadata whose requirements are its evidence (export renders the narrative)', () => {
    const md = '---\ntitle: Wait Time\nbadge:\n  achievementType: MicroCredential\nevidence:\n  - Submit a 10-minute video of a lesson.\n---\n';
    const r = check(rule, md);
    expect([r.passed, r.earned]).toEqual([true, r.points]);
    expect(check(rule, '---\ntitle: Wait Time\nbadge:\n  achievementType: MicroCredential\n---\n').passed).toBe(false);
  });

  it('reads badge criteria from front matter', () => {
    const md = '---\ntitle: Wait Time\nbadge:\n  type: Achievement\n  criteria:\n    narrative: lorem ipsum dolor sit amet\n---\n';
    const r = check(rule, md);
    expect(r.passed).toBe(false);
    expect(r.findings[0]!.line).toBe(6);
  });

  it('passes its own pass example and fails its fail example', () => {
    expect(check(rule, rule.examples!.pass).passed).toBe(true);
    expect(check(rule, rule.examples!.fail).passed).toBe(false);
  });
});
