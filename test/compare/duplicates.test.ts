import { describe, expect, it } from 'vitest';
import { duplicateIndex, findDuplicates, jaccard, MAX_PARTNERS, nearDuplicates, rowsPerBand, shingles, type DuplicatePair, type DuplicateResult } from '../../src/compare/duplicates.js';

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

/**
 * Check a result against all pairs (`expected`): the same groups (connected components);
 * a statement with at most MAX_PARTNERS near-duplicates keeps exactly those; one with more
 * keeps MAX_PARTNERS; every kept or listed pair is a real one with its similarity; the pairs
 * are the kept ones, each once.
 * Returns how many statements have more than MAX_PARTNERS.
 */
function agreesWith(expected: DuplicatePair[], found: DuplicateResult, n: number): number {
  const key = (p: DuplicatePair) => `${p.a}-${p.b}`;
  const real = new Map(expected.map((p) => [key(p), p.similarity]));
  expect(new Set(found.pairs.map(key)).size).toBe(found.pairs.length);
  for (const p of found.pairs) {
    expect(p.a).toBeLessThan(p.b);
    expect(real.get(key(p))).toBe(p.similarity);
  }
  const partners = (pairs: DuplicatePair[]) => {
    const by = Array.from({ length: n }, () => [] as number[]);
    for (const p of pairs) {
      by[p.a]!.push(p.b);
      by[p.b]!.push(p.a);
    }
    return by.map((l) => l.sort((x, y) => x - y));
  };
  const all = partners(expected);
  const listed = partners(found.pairs);
  let crowded = 0;
  for (let i = 0; i < n; i++) {
    const kept = found.partners.get(i) ?? [];
    for (const p of kept) expect(real.get(key({ a: Math.min(i, p.index), b: Math.max(i, p.index), similarity: 0 }))).toBe(p.similarity);
    expect(kept.map((p) => p.index)).toEqual([...kept.map((p) => p.index)].sort((x, y) => x - y));
    if (all[i]!.length <= MAX_PARTNERS) {
      expect(listed[i]).toEqual(all[i]);
      expect(kept.map((p) => p.index)).toEqual(all[i]);
    } else {
      crowded++;
      expect(listed[i]!.length).toBeGreaterThanOrEqual(MAX_PARTNERS);
      expect(kept).toHaveLength(MAX_PARTNERS);
    }
  }
  // The pairs are exactly the kept entries, from either side.
  const fromKept = new Set<string>();
  for (const [i, kept] of found.partners) for (const p of kept) fromKept.add(`${Math.min(i, p.index)}-${Math.max(i, p.index)}`);
  expect(new Set(found.pairs.map(key))).toEqual(fromKept);
  // Connected components of every pair, smallest member first.
  const parent = Array.from({ length: n }, (_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  for (const p of expected) parent[root(p.a)] = root(p.b);
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) if (all[i]!.length) groups.set(root(i), [...(groups.get(root(i)) ?? []), i]);
  expect(found.groups).toEqual([...groups.values()].sort((x, y) => x[0]! - y[0]!));
  return crowded;
}

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

  it('finds the same groups as comparing full MinHash band keys, and every pair of a statement with few', () => {
    const crowded = [0.5, 0.8, 0.9].map((threshold) => {
      const expected = reference(texts, threshold);
      expect(expected.length).toBeGreaterThan(100);
      return agreesWith(expected, nearDuplicates(texts, threshold), texts.length);
    });
    // Statements with more than MAX_PARTNERS near-duplicates at every threshold, so both limbs are tested.
    for (const c of crowded) expect(c).toBeGreaterThan(0);
  });

  it('is exact when no statement has more than MAX_PARTNERS near-duplicates', () => {
    // Distinct statements, and edited copies: one to five of some of them.
    const few: string[] = Array.from({ length: 300 }, () => sentence(30));
    for (let k = 0; k < 60; k++) {
      const words = few[k * 5]!.split(' ');
      for (let c = 0; c <= k % 5; c++) {
        words[c + 3] = `e${k}x${c}`;
        few.push(words.join(' '));
      }
    }
    const expected = reference(few, 0.8);
    expect(expected.length).toBeGreaterThan(60);
    expect(agreesWith(expected, nearDuplicates(few, 0.8), few.length)).toBe(0);
    expect(findDuplicates(few, 0.8)).toEqual(expected);
  });

  it('finds the same groups as the reference on many small crowded catalogs', () => {
    // Few words, so statements collide in many bands and lists fill before every pair is seen.
    let crowded = 0;
    for (let c = 0; c < 120; c++) {
      // A few base statements, each used with up to three words replaced.
      const bases = Array.from({ length: 1 + (c % 4) }, () => Array.from({ length: 6 + rnd(6) }, () => `w${rnd(30)}`));
      const small = Array.from({ length: 30 + (c % 20) }, () => {
        const w = [...bases[rnd(bases.length)]!];
        for (let k = rnd(4); k > 0; k--) w[rnd(w.length)] = `w${rnd(30)}`;
        return w.join(' ');
      });
      const threshold = [0.3, 0.5, 0.7][c % 3]!;
      crowded += agreesWith(reference(small, threshold), nearDuplicates(small, threshold), small.length);
    }
    expect(crowded).toBeGreaterThan(100);
  });

  it('joins two families that are full already when they first share a band', () => {
    // Each family alone fills every list (MAX_PARTNERS + 1 copies); the two are similar,
    // and share a band only after the first, so one family's lists are full by then.
    const other = BASE.replace('single-point', 'double-point');
    const texts = [...Array(MAX_PARTNERS + 1).fill(BASE), ...Array(MAX_PARTNERS + 1).fill(other)];
    const all = Array.from({ length: texts.length }, (_, i) => i);
    expect(nearDuplicates(texts, 0.8).groups).toEqual([all]);
    expect(agreesWith(reference(texts, 0.8), nearDuplicates(texts, 0.8), texts.length)).toBe(texts.length);
  });

  it('keeps exact copies, whatever else fills the list first', () => {
    const texts = [1, 2, 3, 4, 5].map((i) => `${BASE} x${i}`);
    texts.push(BASE, BASE);
    const { partners } = nearDuplicates(texts, 0.8);
    expect(partners.get(5)).toContainEqual({ index: 6, similarity: 1 });
    expect(partners.get(6)).toContainEqual({ index: 5, similarity: 1 });
  });

  it('does work linear in the number of copies, also with one statement in their band that is not a near-duplicate', () => {
    // The outsider shares bands with the copies (a clause added) but is below the threshold.
    const outsider = `${BASE} and then the class discusses the results together`;
    const visits = (n: number, extra: boolean) => {
      const texts = Array<string>(n).fill(BASE);
      if (extra) texts.push(outsider);
      const found = nearDuplicates(texts, 0.8);
      expect(found.groups).toEqual([Array.from({ length: n }, (_, i) => i)]);
      return found.visits;
    };
    expect(jaccard(shingles(BASE), shingles(outsider))).toBeGreaterThan(0.6);
    expect(jaccard(shingles(BASE), shingles(outsider))).toBeLessThan(0.8);
    for (const extra of [false, true]) {
      const small = visits(2000, extra);
      const large = visits(8000, extra);
      // Four times the copies, at most about four times the work (every pair would be sixteen).
      expect(large).toBeLessThanOrEqual(4.5 * small + 100);
      expect(large).toBeLessThan(8000 * 40);
      if (extra) expect(large).toBeGreaterThan(0);
    }
  });

  it('keeps a group of copies to about MAX_PARTNERS pairs each, and still names the whole group', () => {
    const copies = Array.from({ length: 2000 }, (_, i) => (i % 500 === 7 ? sentence(12) : BASE));
    const found = nearDuplicates(copies, 0.8);
    const { pairs, groups } = found;
    const members = Array.from({ length: 2000 }, (_, i) => i).filter((i) => i % 500 !== 7);
    expect(groups).toEqual([members]);
    expect(pairs.length).toBeLessThanOrEqual(members.length * MAX_PARTNERS);
    const per = new Map<number, number>();
    for (const p of pairs) {
      expect(p.similarity).toBe(1);
      for (const i of [p.a, p.b]) per.set(i, (per.get(i) ?? 0) + 1);
    }
    for (const i of members) {
      expect(per.get(i)).toBeGreaterThanOrEqual(MAX_PARTNERS);
      expect(found.partners.get(i)).toHaveLength(MAX_PARTNERS);
    }
  });

  it('takes statements one at a time and keeps none of their text', () => {
    const index = duplicateIndex(0.8);
    for (const t of texts) index.add(t);
    expect(index.size).toBe(texts.length);
    expect(index.find().pairs).toEqual(findDuplicates(texts, 0.8));
    expect(index.find()).toBe(index.find());
  });
});
