/**
 * Near-duplicate detection across a catalog: Jaccard similarity of word shingles,
 * found through MinHash signatures and locality-sensitive hashing (LSH), so the work
 * grows with the number of statements plus the candidate pairs that share a band, not
 * with every pair. Candidates are confirmed by exact Jaccard on the shingle sets.
 * Pure and deterministic: fixed seeds, sorted output.
 */

/** Words shorter than this many make no statement worth comparing. */
export const MIN_WORDS = 4;
/** Words per shingle: word pairs, so one edited word in a sentence still leaves it near-identical. */
export const SHINGLE = 2;
const HASHES = 128;

const WORD = /[\p{L}\p{N}]+/gu;

export function words(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

/** FNV-1a, 32 bits. */
function fnv(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A 32-bit mixer (murmur3 finaliser). */
function mix(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

const SEEDS = Array.from({ length: HASHES }, (_, i) => mix(Math.imul(i + 1, 0x9e3779b9)));

/** The statement's set of word-shingle hashes, sorted and unique (empty when too short). */
export function shingles(text: string, k = SHINGLE): number[] {
  const w = words(text);
  if (w.length < MIN_WORDS) return [];
  const out = new Set<number>();
  if (w.length < k) out.add(fnv(w.join(' ')));
  for (let i = 0; i + k <= w.length; i++) out.add(fnv(w.slice(i, i + k).join(' ')));
  return [...out].sort((a, b) => a - b);
}

/** Exact Jaccard similarity of two sorted unique lists. */
export function jaccard(a: readonly number[], b: readonly number[]): number {
  if (!a.length && !b.length) return 0;
  let i = 0;
  let j = 0;
  let inter = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      inter++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return inter / (a.length + b.length - inter);
}

function signature(set: readonly number[]): Uint32Array {
  const sig = new Uint32Array(HASHES).fill(0xffffffff);
  for (const x of set) {
    for (let i = 0; i < HASHES; i++) {
      const h = mix(x ^ SEEDS[i]!);
      if (h < sig[i]!) sig[i] = h;
    }
  }
  return sig;
}

/**
 * Rows per LSH band for a threshold: the most rows (fewest false candidates) that still
 * make a pair at the threshold a candidate with probability at least 0.995.
 */
export function rowsPerBand(threshold: number): number {
  for (let r = 8; r > 1; r--) {
    const b = Math.floor(HASHES / r);
    if (1 - (1 - threshold ** r) ** b >= 0.995) return r;
  }
  return 1;
}

export interface DuplicatePair {
  /** Indexes into the input list, a < b. */
  a: number;
  b: number;
  /** Jaccard similarity, rounded to two decimals. */
  similarity: number;
}

/**
 * Pairs of statements whose word-shingle Jaccard similarity is at least `threshold`.
 * `texts[i]` null or too short takes no part. Pairs sorted by a, then b.
 */
export function findDuplicates(texts: readonly (string | null | undefined)[], threshold: number): DuplicatePair[] {
  const sets = texts.map((t) => (t ? shingles(t) : []));
  const r = rowsPerBand(threshold);
  const bands = Math.floor(HASHES / r);
  const buckets = new Map<string, number[]>();
  sets.forEach((set, i) => {
    if (!set.length) return;
    const sig = signature(set);
    for (let b = 0; b < bands; b++) {
      const key = `${b}:${Array.from(sig.subarray(b * r, b * r + r)).join(',')}`;
      const list = buckets.get(key);
      if (list) list.push(i);
      else buckets.set(key, [i]);
    }
  });
  const seen = new Set<number>();
  const n = texts.length;
  const pairs: DuplicatePair[] = [];
  for (const list of buckets.values()) {
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const a = list[x]!;
        const b = list[y]!;
        const key = a * n + b;
        if (seen.has(key)) continue;
        seen.add(key);
        const s = jaccard(sets[a]!, sets[b]!);
        if (s >= threshold) pairs.push({ a, b, similarity: Math.floor(s * 100) / 100 });
      }
    }
  }
  return pairs.sort((p, q) => p.a - q.a || p.b - q.b);
}
