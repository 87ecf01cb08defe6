import { describe, expect, it } from 'vitest';
import { findDuplicates, jaccard, rowsPerBand, shingles } from '../../src/compare/duplicates.js';

const BASE = 'Educator uses a single-point rubric to guide students in assessing their own work in progress and revising it against clear success criteria.';

describe('shingles and jaccard', () => {
  it('ignores case and punctuation', () => {
    expect(shingles('Educator uses wait time, after questions!')).toEqual(shingles('educator USES wait time after questions'));
  });

  it('makes no shingles for statements too short to compare', () => {
    expect(shingles('Explores management.')).toEqual([]);
    expect(shingles('')).toEqual([]);
  });

  it('is 1 for identical sets, 0 for disjoint ones', () => {
    const a = shingles(BASE);
    expect(jaccard(a, a)).toBe(1);
    expect(jaccard(a, shingles('Leader observes classrooms during instructional rounds with a team'))).toBe(0);
    expect(jaccard([], [])).toBe(0);
  });
});

describe('rowsPerBand', () => {
  it('uses fewer rows (more candidates) for lower thresholds', () => {
    expect(rowsPerBand(0.9)).toBeGreaterThan(rowsPerBand(0.5));
    expect(rowsPerBand(0.1)).toBe(1);
  });
});

describe('findDuplicates', () => {
  it('flags an edited copy and not an unrelated statement', () => {
    const texts = [BASE, 'Educator uses wait time after posing questions to increase student participation and the depth of student thinking.', BASE.replace('and revising', 'and then revising')];
    const pairs = findDuplicates(texts, 0.8);
    expect(pairs).toEqual([{ a: 0, b: 2, similarity: 0.87 }]);
  });

  it('respects the threshold', () => {
    const texts = [BASE, BASE.replace('and revising', 'and then revising')];
    expect(findDuplicates(texts, 0.9)).toEqual([]);
    expect(findDuplicates(texts, 0.85)).toHaveLength(1);
  });

  it('skips missing and very short statements', () => {
    expect(findDuplicates([null, undefined, 'Explores management.', 'Explores management.'], 0.8)).toEqual([]);
  });

  it('finds every planted duplicate in a large catalog of distinct statements, and nothing else', () => {
    // Deterministic pseudo-random vocabulary: 3,000 statements of 16 words.
    let seed = 7;
    const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8) % 5000;
    const texts = Array.from({ length: 3000 }, () => Array.from({ length: 16 }, () => `w${rnd()}`).join(' '));
    // Plant 20 near-copies (one word changed at the end) of statements 0, 150, 300, …
    for (let k = 0; k < 20; k++) {
      const words = texts[k * 150]!.split(' ');
      words[15] = 'changed';
      texts.push(words.join(' '));
    }
    const pairs = findDuplicates(texts, 0.8);
    expect(pairs.map((p) => [p.a, p.b])).toEqual(Array.from({ length: 20 }, (_, k) => [k * 150, 3000 + k]));
    for (const p of pairs) expect(p.similarity).toBeGreaterThanOrEqual(0.8);
  });
});
