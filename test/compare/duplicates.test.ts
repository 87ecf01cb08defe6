import { describe, expect, it } from 'vitest';
import { duplicateIndex, findDuplicates, jaccard, rowsPerBand, shingles, type DuplicatePair } from '../../src/compare/duplicates.js';

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

/** The earlier implementation: MinHash band keys as strings in a Map, a Set of seen pairs. */
function reference(texts: readonly (string | null)[], threshold: number): DuplicatePair[] {
  const mix = (x: number) => {
    x ^= x >>> 16;
    x = Math.imul(x, 0x85ebca6b);
    x ^= x >>> 13;
    x = Math.imul(x, 0xc2b2ae35);
    x ^= x >>> 16;
    return x >>> 0;
  };
  const seeds = Array.from({ length: 128 }, (_, i) => mix(Math.imul(i + 1, 0x9e3779b9)));
  const sets = texts.map((t) => (t ? shingles(t) : []));
  const r = rowsPerBand(threshold);
  const buckets = new Map<string, number[]>();
  sets.forEach((set, i) => {
    if (!set.length) return;
    const sig = seeds.map((seed) => Math.min(...set.map((x) => mix(x ^ seed))));
    for (let b = 0; b < Math.floor(128 / r); b++) {
      const key = `${b}:${sig.slice(b * r, b * r + r).join(',')}`;
      buckets.set(key, [...(buckets.get(key) ?? []), i]);
    }
  });
  const seen = new Set<number>();
  const pairs: DuplicatePair[] = [];
  for (const list of buckets.values()) {
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const [a, b] = [list[x]!, list[y]!];
        if (seen.has(a * texts.length + b)) continue;
        seen.add(a * texts.length + b);
        const s = jaccard(sets[a]!, sets[b]!);
        if (s >= threshold) pairs.push({ a, b, similarity: Math.floor(s * 100) / 100 });
      }
    }
  }
  return pairs.sort((p, q) => p.a - q.a || p.b - q.b);
}

describe('duplicateIndex', () => {
  // Templated families (one template, one or two slots), exact and edited copies, distinct
  // statements and missing ones: many shared bands, pairs on both sides of the threshold.
  let seed = 3;
  const rnd = (k: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8) % k;
  const sentence = (n: number) => Array.from({ length: n }, () => `w${rnd(400)}`).join(' ');
  const templates = Array.from({ length: 4 }, () => [sentence(8), sentence(6), sentence(5)]);
  const texts: (string | null)[] = [];
  for (let i = 0; i < 1500; i++) {
    const u = rnd(100);
    const [a, b, c] = templates[rnd(4)]!;
    if (u < 3) texts.push(null);
    else if (u < 10 && texts.length) texts.push(texts[rnd(texts.length)]!);
    else if (u < 20 && texts.length) texts.push((texts[rnd(texts.length)] ?? sentence(12)).replace(/\S+$/, `x${rnd(50)}`));
    else if (u < 60) texts.push(`${a} s${rnd(30)} ${b} t${rnd(5)} ${c}`);
    else texts.push(sentence(6 + rnd(14)));
  }

  it('finds the same pairs and similarities as comparing full MinHash band keys', () => {
    for (const threshold of [0.5, 0.8, 0.9]) {
      const expected = reference(texts, threshold);
      expect(expected.length).toBeGreaterThan(100);
      expect(findDuplicates(texts, threshold)).toEqual(expected);
    }
  });

  it('takes statements one at a time and keeps none of their text', () => {
    const index = duplicateIndex(0.8);
    for (const t of texts) index.add(t);
    expect(index.size).toBe(texts.length);
    expect(index.pairs()).toEqual(findDuplicates(texts, 0.8));
    expect(index.pairs()).toEqual(index.pairs());
  });
});
