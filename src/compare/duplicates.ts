/**
 * Near-duplicate detection across a catalog: Jaccard similarity of word shingles,
 * found through MinHash signatures and locality-sensitive hashing (LSH), so the work
 * grows with the number of statements plus the candidate pairs that share a band, not
 * with every pair. Candidates are confirmed by exact Jaccard on the shingle sets.
 * Confirmed pairs are joined into groups (union-find), and each statement keeps at most
 * MAX_PARTNERS of them, so the result grows with the number of statements even when
 * every one is a near-duplicate of every other (a catalog from one template).
 * Pure and deterministic: fixed seeds, sorted output.
 *
 * Memory: statements are added one at a time to a `duplicateIndex`, which keeps no text,
 * only each statement's sorted shingle hashes and one 32-bit hash per LSH band, all in a
 * few growing typed arrays (4 bytes per shingle plus 4 per band and 4 per statement).
 * Candidates are found per band by sorting (band hash, index) keys, not with string keys.
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

/** FNV-1a, 32 bits, of `w[from..to)` joined by single spaces (the same value as hashing the joined string). */
function fnvWords(w: readonly string[], from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let k = from; k < to; k++) {
    if (k > from) {
      h ^= 0x20;
      h = Math.imul(h, 0x01000193);
    }
    const s = w[k]!;
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
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

const SEEDS = Uint32Array.from({ length: HASHES }, (_, i) => mix(Math.imul(i + 1, 0x9e3779b9)));

const NO_SHINGLES = new Uint32Array(0);

/** The statement's word-shingle hashes, sorted and unique (empty when too short). */
function shingleSet(text: string, k = SHINGLE): Uint32Array {
  const w = words(text);
  if (w.length < MIN_WORDS) return NO_SHINGLES;
  const out = new Uint32Array(w.length < k ? 1 : w.length - k + 1);
  if (w.length < k) out[0] = fnvWords(w, 0, w.length);
  else for (let i = 0; i + k <= w.length; i++) out[i] = fnvWords(w, i, i + k);
  out.sort();
  let m = 0;
  for (let i = 0; i < out.length; i++) if (m === 0 || out[i] !== out[m - 1]) out[m++] = out[i]!;
  return out.subarray(0, m);
}

/** The statement's set of word-shingle hashes, sorted and unique (empty when too short). */
export function shingles(text: string, k = SHINGLE): number[] {
  return Array.from(shingleSet(text, k));
}

/** Exact Jaccard similarity of two sorted unique lists (0 when both are empty). */
export function jaccard(a: ArrayLike<number>, b: ArrayLike<number>): number {
  // With a threshold of 0 every pair qualifies, so this is the plain similarity.
  return a.length + b.length === 0 ? 0 : jaccardAtLeast(a, 0, a.length, b, 0, b.length, 0);
}

/**
 * The Jaccard similarity of the sorted unique runs `a[i..ie)` and `b[j..je)` when it is at
 * least `t`, else -1, stopping as soon as too few elements remain to reach `t`.
 */
function jaccardAtLeast(a: ArrayLike<number>, i: number, ie: number, b: ArrayLike<number>, j: number, je: number, t: number): number {
  const total = ie - i + (je - j);
  const most = Math.min(ie - i, je - j);
  // The fewest shared elements with a similarity of at least t (the same float arithmetic,
  // which grows with the shared count, so fewer can never reach t).
  let need = Math.max(0, Math.floor((t * total) / (1 + t)) - 1);
  while (need <= most && need / (total - need) < t) need++;
  if (need > most || total === 0) return -1;
  let inter = 0;
  while (i < ie && j < je) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      inter++;
      i++;
      j++;
      continue;
    }
    if (x < y) i++;
    else j++;
    if (inter + Math.min(ie - i, je - j) < need) return -1;
  }
  return inter < need ? -1 : inter / (total - inter);
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
  /** Jaccard similarity, rounded down to two decimals. */
  similarity: number;
}

/**
 * Near-duplicates kept per statement (see `duplicateIndex`): one with this many or fewer
 * keeps them all; one with more keeps this many (its exact copies first), and its group
 * names the rest.
 */
export const MAX_PARTNERS = 5;

export interface DuplicatePartner {
  index: number;
  /** Jaccard similarity, rounded down to two decimals. */
  similarity: number;
}

export interface DuplicateResult {
  /**
   * Each statement's kept near-duplicates, sorted by index: all of them when it has at most
   * MAX_PARTNERS, else MAX_PARTNERS of them: exact copies first (lowest index first), then
   * the most similar of those compared. Only statements that have near-duplicates.
   */
  partners: Map<number, DuplicatePartner[]>;
  /**
   * Every pair kept by either side, each once, sorted by a, then b: so every pair of a
   * statement with at most MAX_PARTNERS near-duplicates is here.
   */
  pairs: DuplicatePair[];
  /**
   * Groups: statements linked by near-duplicate pairs, directly or through others (the
   * connected components of all near-duplicate pairs, not only the listed ones). Each is
   * sorted ascending; groups are sorted by their first statement. Only groups of two or more.
   */
  groups: number[][];
  /** Candidate pairs looked at (compared, or found to need no comparison): the work done. */
  visits: number;
}

/** Statements added one at a time; `find()` then finds the near-duplicates among them. */
export interface DuplicateIndex {
  /** Add the next statement (index = number added before it); null or too short takes no part. */
  add(text: string | null | undefined): void;
  /** Statements added so far. */
  readonly size: number;
  /** Near-duplicate pairs and groups (computed once per size). */
  find(): DuplicateResult;
}

/** A typed array at least `need` long holding `old`'s contents (growing by half). */
function grow(old: Uint32Array<ArrayBuffer>, need: number): Uint32Array<ArrayBuffer> {
  if (need <= old.length) return old;
  const next = new Uint32Array(Math.max(need, Math.ceil(old.length * 1.5)));
  next.set(old);
  return next;
}

/**
 * An incremental near-duplicate index for one threshold. Per statement it keeps the
 * sorted shingle hashes (4 bytes each), one offset and one 32-bit hash per LSH band;
 * no text. A band's MinHash values are hashed to one number; candidates are the runs
 * of equal band hashes, found by sorting. A candidate is reported when its exact Jaccard
 * is at least the threshold and the two really share a band's MinHash values (checked
 * again from the shingles, so a band-hash collision adds nothing): the same pairs and
 * similarities as comparing full MinHash band keys.
 */
export function duplicateIndex(threshold: number): DuplicateIndex {
  const r = rowsPerBand(threshold);
  const bands = Math.floor(HASHES / r);
  const rows = bands * r;
  let n = 0;
  /** Shingle hashes of every statement, one after another. */
  let pool = new Uint32Array(4096);
  /** Statement i's shingles are pool[starts[i]..starts[i + 1]). */
  let starts = new Uint32Array(1024);
  /** Statement i's band hashes are bandHash[i * bands .. (i + 1) * bands). */
  let bandHash = new Uint32Array(1024 * bands);
  const sig = new Uint32Array(rows);

  /** MinHash values of statement i for rows from..to of the signature, into sig. */
  const minHash = (i: number, from: number, to: number) => {
    sig.fill(0xffffffff, from, to);
    const end = starts[i + 1]!;
    for (let p = starts[i]!; p < end; p++) {
      const x = pool[p]!;
      for (let s = from; s < to; s++) {
        const h = mix(x ^ SEEDS[s]!);
        if (h < sig[s]!) sig[s] = h;
      }
    }
  };

  /** One 32-bit hash of sig[from..from + r). */
  const bandKey = (from: number): number => {
    let h = 0x2545f491;
    for (let s = from; s < from + r; s++) {
      h = Math.imul(h ^ sig[s]!, 0x5bd1e995);
      h ^= h >>> 15;
    }
    return mix(h);
  };

  const other = new Uint32Array(r);
  /** Do statements a and b have equal MinHash values in band k (recomputed from their shingles)? */
  const sameBand = (a: number, b: number, k: number): boolean => {
    const from = k * r;
    minHash(a, from, from + r);
    other.set(sig.subarray(from, from + r));
    minHash(b, from, from + r);
    for (let s = 0; s < r; s++) if (other[s] !== sig[from + s]) return false;
    return true;
  };

  /** Have the statements order[s..e) really equal MinHash values in band k, not just equal band hashes? */
  const uniformRun = (order: Uint32Array, s: number, e: number, k: number): boolean => {
    for (let x = s + 1; x < e; x++) if (!sameBand(order[s]!, order[x]!, k)) return false;
    return true;
  };

  let memo: { n: number; result: DuplicateResult } | null = null;

  /**
   * Exact copies are found first (by a hash of each shingle set), and each statement is
   * offered its first MAX_PARTNERS copies. Then the candidates: the runs of statements with
   * equal band hashes, band by band. A pair is compared once, in the first band it shares.
   * Union-find joins the pairs into groups, and each statement keeps MAX_PARTNERS
   * near-duplicates (a better one replaces the worst kept). Two statements in one group
   * whose lists are both full are not compared: nothing would change the groups or the
   * lists of statements with few near-duplicates (a better partner is missed there, the
   * price of the bound). A run is done once it is one group with every list full; before
   * that, a member settled in the run's main group looks only at members not settled. So a
   * catalog of copies, with or without a statement that shares their band but is not a
   * near-duplicate, costs about MAX_PARTNERS comparisons per statement and per band, not
   * one with every other, and the output grows with the number of statements.
   */
  const find = (): DuplicateResult => {
    if (memo?.n === n) return memo.result;
    const K = MAX_PARTNERS;
    let m = 0;
    for (let i = 0; i < n; i++) if (starts[i + 1]! > starts[i]!) m++;
    const active = new Uint32Array(m);
    for (let i = 0, t = 0; i < n; i++) if (starts[i + 1]! > starts[i]!) active[t++] = i;
    // Union-find (by size, path halving) over statements.
    const parent = Uint32Array.from({ length: n }, (_, i) => i);
    const weight = new Uint32Array(n).fill(1);
    const root = (i: number): number => {
      while (parent[i] !== i) {
        const up = parent[parent[i]!]!;
        parent[i] = up;
        i = up;
      }
      return i;
    };
    /** Join the groups of a and b; true when they were two. */
    const join = (a: number, b: number): boolean => {
      const ra = root(a);
      const rb = root(b);
      if (ra === rb) return false;
      const [big, small] = weight[ra]! >= weight[rb]! ? [ra, rb] : [rb, ra];
      parent[small] = big;
      weight[big]! += weight[small]!;
      return true;
    };
    // Statement i's best near-duplicates: partner[i * K ..] with similarity partnerSim[i * K ..].
    const partner = new Uint32Array(n * K);
    const partnerSim = new Float64Array(n * K);
    const count = new Uint8Array(n);
    /** Is b in a's kept list? */
    const keeps = (a: number, b: number): boolean => {
      for (let t = a * K; t < a * K + count[a]!; t++) if (partner[t] === b) return true;
      return false;
    };
    /** Offer b to a's list (no change when b is in it); true when this fills the list. */
    const offer = (a: number, b: number, sim: number): boolean => {
      if (keeps(a, b)) return false;
      const base = a * K;
      const c = count[a]!;
      if (c < K) {
        partner[base + c] = b;
        partnerSim[base + c] = sim;
        count[a] = c + 1;
        return c + 1 === K;
      }
      let w = base;
      for (let t = base + 1; t < base + K; t++) if (partnerSim[t]! < partnerSim[w]! || (partnerSim[t] === partnerSim[w] && partner[t]! > partner[w]!)) w = t;
      if (sim > partnerSim[w]! || (sim === partnerSim[w] && b < partner[w]!)) {
        partner[w] = b;
        partnerSim[w] = sim;
      }
      return false;
    };
    // Exact copies first: each statement is offered the first others with the same shingle
    // set (similarity 1), so one with copies keeps them, whatever the bands compare later.
    const sameSet = (a: number, b: number): boolean => {
      const len = starts[a + 1]! - starts[a]!;
      if (starts[b + 1]! - starts[b]! !== len) return false;
      for (let t = 0; t < len; t++) if (pool[starts[a]! + t] !== pool[starts[b]! + t]) return false;
      return true;
    };
    const setHash = new Uint32Array(n);
    for (const i of active) {
      let h = 0x811c9dc5;
      for (let p = starts[i]!; p < starts[i + 1]!; p++) h = Math.imul(h ^ pool[p]!, 0x01000193);
      setHash[i] = mix(h);
    }
    const byHash = Array.from(active).sort((x, y) => setHash[x]! - setHash[y]! || x - y);
    for (let s = 0; s < m; ) {
      let e = s + 1;
      while (e < m && setHash[byHash[e]!] === setHash[byHash[s]!]) e++;
      // Equal hashes: classes of equal sets (a hash collision splits them), members ascending.
      let rest = e - s > 1 ? byHash.slice(s, e) : [];
      while (rest.length > 1) {
        const first = rest[0]!;
        const copies: number[] = [];
        const others: number[] = [];
        for (const i of rest) (sameSet(first, i) ? copies : others).push(i);
        rest = others;
        if (copies.length < 2) continue;
        for (let u = 0; u < copies.length; u++) {
          join(copies[u]!, first);
          let given = 0;
          for (let v = 0; v < copies.length && given < K; v++) {
            if (v === u) continue;
            offer(copies[u]!, copies[v]!, 1);
            given++;
          }
        }
      }
      s = e;
    }
    let visits = 0;
    // Roots seen in the current run: stamp[root] === run number.
    const stamp = new Uint32Array(n);
    let runNo = 0;
    // Sort keys band hash * 2^bits + index as exact doubles when they fit in 53 bits.
    const bits = Math.max(1, Math.ceil(Math.log2(n + 1)));
    const scale = 2 ** bits;
    const packed = 32 + bits <= 53;
    const keys = packed ? new Float64Array(m) : null;
    const order = new Uint32Array(m);
    const H = bandHash;
    for (let k = 0; k < bands; k++) {
      if (keys) {
        for (let t = 0; t < m; t++) keys[t] = H[active[t]! * bands + k]! * scale + active[t]!;
        keys.sort();
        for (let t = 0; t < m; t++) order[t] = keys[t]! % scale;
      } else {
        order.set(active);
        order.sort((x, y) => H[x * bands + k]! - H[y * bands + k]! || x - y);
      }
      for (let s = 0; s < m; ) {
        const h = H[order[s]! * bands + k]!;
        let e = s + 1;
        while (e < m && H[order[e]! * bands + k] === h) e++;
        // order[s..e): one run of equal band hashes, indexes ascending. Count its groups and
        // its lists not yet full: when there is one group and no such list, it is done.
        let groups = 0;
        let open = 0;
        if (e - s > 1) {
          runNo++;
          for (let x = s; x < e; x++) {
            const r = root(order[x]!);
            if (stamp[r] !== runNo) {
              stamp[r] = runNo;
              groups++;
            }
            if (count[order[x]!]! < K) open++;
          }
        }
        // Whether the run's band values are really equal is checked once, when a pair first needs it.
        let uniform: boolean | undefined;
        /** Compare order[x] and order[y] (x < y) unless nothing can come of it. */
        const compare = (x: number, y: number) => {
          visits++;
          const a = order[x]!;
          const b = order[y]!;
          if (count[a] === K && count[b] === K && root(a) === root(b)) return;
          const aBand = a * bands;
          const bBand = b * bands;
          // Each pair once: in the first band where its band hashes are equal.
          for (let j = 0; j < k; j++) if (H[aBand + j] === H[bBand + j]) return;
          const sim = jaccardAtLeast(pool, starts[a]!, starts[a + 1]!, pool, starts[b]!, starts[b + 1]!, threshold);
          if (sim < threshold) return;
          // Identical sets share every band; otherwise make sure a band really matches.
          if (sim !== 1 && !(uniform ??= uniformRun(order, s, e, k))) {
            let shared = false;
            for (let j = k; j < bands && !shared; j++) shared = H[aBand + j] === H[bBand + j] && sameBand(a, b, j);
            if (!shared) return;
          }
          if (join(a, b)) groups--;
          const rounded = Math.floor(sim * 100) / 100;
          if (offer(a, b, rounded)) open--;
          if (offer(b, a, rounded)) open--;
        };
        // A member is settled when its list is full and it is in the group of the run's first
        // full member (main). A settled member needs comparing only with later members that are
        // not settled: `live`, their positions, kept ascending and pruned as members settle, so
        // that one member that never settles (a statement that shares the band but is not a
        // near-duplicate) does not make every settled member walk the whole run.
        let main = -1;
        let live: number[] | null = null;
        const settled = (i: number) => count[i] === K && root(i) === root(main);
        for (let x = s; x < e - 1 && (groups > 1 || open > 0); x++) {
          const a = order[x]!;
          if (main < 0 && count[a] === K) main = a;
          if (main >= 0 && settled(a)) {
            if (!live) {
              live = [];
              for (let y = x + 1; y < e; y++) if (!settled(order[y]!)) live.push(y);
            } else {
              let w = 0;
              for (const y of live) if (y > x && !settled(order[y]!)) live[w++] = y;
              live.length = w;
            }
            for (const y of live) compare(x, y);
          } else {
            for (let y = x + 1; y < e; y++) compare(x, y);
          }
        }
        s = e;
      }
    }
    // Pairs: every kept list entry, each pair once.
    const pairs: DuplicatePair[] = [];
    const partners = new Map<number, DuplicatePartner[]>();
    for (let a = 0; a < n; a++) {
      if (!count[a]) continue;
      const kept: DuplicatePartner[] = [];
      for (let t = a * K; t < a * K + count[a]!; t++) kept.push({ index: partner[t]!, similarity: partnerSim[t]! });
      partners.set(a, kept.sort((x, y) => x.index - y.index));
      for (const { index: b, similarity } of kept) {
        // A pair kept in both lists is taken from the lower index's; one kept only in a's list from here.
        if (b > a) pairs.push({ a, b, similarity });
        else if (!keeps(b, a)) pairs.push({ a: b, b: a, similarity });
      }
    }
    pairs.sort((p, q) => p.a - q.a || p.b - q.b);
    const byRoot = new Map<number, number[]>();
    const groups: number[][] = [];
    for (let i = 0; i < n; i++) {
      if (!count[i]) continue;
      const r = root(i);
      let g = byRoot.get(r);
      if (!g) {
        byRoot.set(r, (g = []));
        groups.push(g);
      }
      g.push(i);
    }
    memo = { n, result: { partners, pairs, groups, visits } };
    return memo.result;
  };

  return {
    get size() {
      return n;
    },
    add(text) {
      const set = text ? shingleSet(text) : NO_SHINGLES;
      starts = grow(starts, n + 2);
      const at = starts[n]!;
      pool = grow(pool, at + set.length);
      pool.set(set, at);
      starts[n + 1] = at + set.length;
      bandHash = grow(bandHash, (n + 1) * bands);
      if (set.length) {
        minHash(n, 0, rows);
        for (let k = 0; k < bands; k++) bandHash[n * bands + k] = bandKey(k * r);
      }
      n++;
    },
    find,
  };
}

/**
 * Near-duplicate pairs and groups among statements whose word-shingle Jaccard similarity is
 * at least `threshold`. `texts[i]` null or too short takes no part.
 */
export function nearDuplicates(texts: readonly (string | null | undefined)[], threshold: number): DuplicateResult {
  const index = duplicateIndex(threshold);
  for (const t of texts) index.add(t);
  return index.find();
}

/** `nearDuplicates(texts, threshold).pairs`: sorted by a, then b. */
export function findDuplicates(texts: readonly (string | null | undefined)[], threshold: number): DuplicatePair[] {
  return nearDuplicates(texts, threshold).pairs;
}
