import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/transparency/badge-criteria-embedded.js';
import { check, docFrom, docFromJson } from '../../helpers.js';

const robotics = readFileSync(new URL('../../fixtures/openbadges/ob2-badgeclass-robotics.json', import.meta.url), 'utf8');

describe('badge-criteria-embedded', () => {
  it('fails the robotics BadgeClass, whose requirements are only at its criteria URL', () => {
    const r = check(rule, docFrom(robotics, 'robotics.json'));
    expect(r.passed).toBe(false);
    const f = r.findings[0]!;
    expect(f.message).toMatch(/only at the criteria URL https:\/\/example.org\/robotics-badge.html/);
    expect(f.path).toBe('criteria');
    expect(f.line).toBe(robotics.split('\n').findIndex((l) => l.includes('"criteria"')) + 1);
  });

  it('passes a badge with a URL and a narrative', () => {
    const doc = docFromJson({ type: ['Achievement'], id: 'urn:x', name: 'W', description: 'd', criteria: { id: 'https://example.org/w', narrative: 'Submit a video of a lesson with wait time after each question, and a reflection.' } });
    expect(check(rule, doc).passed).toBe(true);
  });

  it('passes a badge with a URL and rubric criteria in resultDescription', () => {
    const doc = docFromJson({
      type: ['Achievement'],
      id: 'urn:x',
      name: 'W',
      description: 'd',
      criteria: { id: 'https://example.org/w' },
      resultDescription: [{ id: 'urn:x:1', type: ['ResultDescription'], name: 'Video', resultType: 'RubricCriterion', rubricCriterionLevel: [{ id: 'urn:x:1:1', type: ['RubricCriterionLevel'], name: 'Met' }] }],
    });
    expect(check(rule, doc).passed).toBe(true);
  });

  it('is not applicable to a Markdown offering without badge metadata', () => {
    const r = check(rule, '---\npublicUrl: https://example.org/w\n---\n# Wait Time\n');
    expect([r.passed, r.earned]).toEqual([true, 0]);
  });

  it('passes its own pass example and fails its fail example', () => {
    expect(check(rule, rule.examples!.pass).passed).toBe(true);
    expect(check(rule, rule.examples!.fail).passed).toBe(false);
  });
});
