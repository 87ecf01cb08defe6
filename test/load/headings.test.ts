import { describe, expect, it } from 'vitest';
import { headingAliases, matchHeading, normaliseHeading } from '../../src/load/headings.js';

describe('normaliseHeading', () => {
  it.each([
    ['Part 2. Work Examples/Artifacts (Pass/Fail)', 'work examples artifacts'],
    ['Supporting Research & Rationale', 'supporting research and rationale'],
    ['3) Scoring Guide', 'scoring guide'],
    ['Section B: Resources', 'resources'],
    ['  COMPETENCY  ', 'competency'],
    ['About this Micro-credential', 'about this micro credential'],
    ['Reflection (250-300 words) (Pass/Fail)', 'reflection'],
  ])('%s -> %s', (input, out) => {
    expect(normaliseHeading(input)).toBe(out);
  });
});

describe('matchHeading', () => {
  it('maps every documented alias, in any case and with numbering and notes', () => {
    for (const { key, part, names } of headingAliases()) {
      for (const name of names) {
        const variants = [name, name.toUpperCase(), `Part 1. ${name} (Pass/Fail)`, `2) ${name}:`];
        for (const v of variants) {
          const m = matchHeading(v);
          expect(m?.key, v).toBe(key);
          if (part) expect(m?.part, v).toBe(part);
        }
      }
    }
  });

  it.each([
    ['Competency', 'competency'],
    ['Key Method', 'keyMethod'],
    ['Method Components', 'methodComponents'],
    ['Supporting Research', 'research'],
    ['Research and Rationale', 'research'],
    ['Supporting Rationale and Research', 'research'],
    ['Resources', 'resources'],
    ['Learning Resources', 'resources'],
    ['Supports', 'resources'],
    ['Submission Requirements', 'evidence'],
    ['Submission Guidelines', 'evidence'],
    ['Submission Guidelines & Evaluation Criteria', 'evidence'],
    ['Evidence', 'evidence'],
    ['Evidence Requirements', 'evidence'],
    ['Types of Evidence Required', 'evidence'],
    ['Overview Questions', 'evidence'],
    ['Work Examples', 'evidence'],
    ['Artifacts', 'evidence'],
    ['Reflection', 'evidence'],
    ['Scoring Guide', 'rubric'],
    ['Rubric', 'rubric'],
    ['Evaluation Criteria', 'rubric'],
    ['Scoring Criteria', 'rubric'],
    ['Part 2 Scoring Guide for Artifacts', 'rubric'],
    ['Assessment Process', 'assessment'],
    ['Review Process', 'assessment'],
    ['Assessors', 'assessment'],
    ['Recognition', 'recognition'],
    ['Credit', 'recognition'],
    ['About', 'about'],
    ['Details', 'about'],
    ['Metadata', 'about'],
  ])('%s is %s', (heading, key) => {
    expect(matchHeading(heading)?.key).toBe(key);
  });

  it('names the evidence part a heading stands for', () => {
    expect(matchHeading('Part 1. Overview Questions (Pass/Fail)')).toEqual({ key: 'evidence', part: 'overview' });
    expect(matchHeading('Part 2. Work Examples/Artifacts (Pass/Fail)')).toEqual({ key: 'evidence', part: 'artifact' });
    expect(matchHeading('Part 3. Reflection')).toEqual({ key: 'evidence', part: 'reflection' });
  });

  it('returns null for unknown headings', () => {
    expect(matchHeading('Frequently Asked Questions')).toBeNull();
    expect(matchHeading('')).toBeNull();
    expect(matchHeading('###')).toBeNull();
  });
});
