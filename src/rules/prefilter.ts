/**
 * A literal prefilter for the rules' regular expressions, so that a regex runs only on the
 * text blocks where it could match.
 *
 * Most rule regexes are alternations of phrases: `\b(?:feedback|comments? from …)\b`. Any
 * match of such a regex contains one of a few literal strings ("feedback", "comment", …).
 * `requiredLiterals` works that set out from the regex source, the way RE2's and
 * Hyperscan's prefilters do. One Aho-Corasick pass over a block then finds, for every
 * registered regex at once, whether one of its literals occurs; a regex none of whose
 * literals occurs cannot match there and is not run.
 *
 * It is only an optimisation: a false "may match" costs a regex run, never a result. It is
 * sound because every step below only drops information:
 * - text and literals are compared in lower case (ASCII), so case never hides a literal;
 *   the two non-ASCII characters that case-insensitive Unicode regexes equate with ASCII
 *   letters (KELVIN SIGN with k, LONG S with s) are read as those letters;
 * - a run of white space reads as one space, in the text and in literals alike, so
 *   `available\s+after` gives the literal "available after", which any match contains
 *   once its white space is read that way;
 * - a construct the parser does not know gives no literals, and the regex always runs.
 * test/rules/prefilter.test.ts checks soundness against every rule regex on real and
 * generated text.
 */
import type { TextBlock } from '../types.js';
import { isSpace } from './space.js';

// ---------------------------------------------------------------------------
// Required literals of a regex source

/**
 * What is known of the strings a part of a regex matches: exactly one of `exact`, or a
 * string containing one of `req` (null: nothing known).
 */
type Info = { exact: string[] } | { req: string[] | null };

/** Most exact strings kept for a part before it counts as "contains one of". */
const MAX_EXACT = 64;
/** Longest exact string built; a sequence is cut there. */
const MAX_LEN = 40;
/**
 * Literals are cut to this many characters: a literal's start is in the text wherever the
 * whole is, it filters about as well, and the automaton stays small enough to stay in cache.
 */
const KEEP = 12;
const EMPTY: Info = { exact: [''] };
const ANY: Info = { req: null };

class Unsupported extends Error {}

/** The character as literals hold it: ASCII letters in lower case, white space (`\s`) as one space, as `scan` reads text. */
function fold(code: number): string {
  if (code >= 65 && code <= 90) return String.fromCharCode(code + 32);
  return isSpace(code) ? ' ' : String.fromCharCode(code);
}

/** A literal character: known when ASCII, else anything. */
function charInfo(code: number): Info {
  return code < 128 ? { exact: [fold(code)] } : ANY;
}

/** Literals with duplicates and literals that contain another literal removed, sorted. */
function minimise(lits: readonly string[]): string[] {
  const uniq = [...new Set(lits)].sort((a, b) => a.length - b.length || (a < b ? -1 : 1));
  const out: string[] = [];
  for (const l of uniq) if (!out.some((o) => l.includes(o))) out.push(l);
  return out.sort();
}

/** "Contains one of" for a part: exact strings all qualify unless one is empty. */
function toReq(info: Info): string[] | null {
  if ('req' in info) return info.req;
  if (info.exact.includes('')) return null;
  return minimise(info.exact);
}

/** The stronger of two requirements: the one whose shortest literal is longest, then the smaller set. */
function better(a: string[] | null, b: string[] | null): string[] | null {
  if (!a) return b;
  if (!b) return a;
  const ma = Math.min(...a.map((l) => l.length));
  const mb = Math.min(...b.map((l) => l.length));
  if (ma !== mb) return ma > mb ? a : b;
  return b.length < a.length ? b : a;
}

/** `x` then `y`; white space meeting white space is one run, so one space. */
function join(x: string, y: string): string {
  return x.endsWith(' ') && y.startsWith(' ') ? x + y.slice(1) : x + y;
}

function cross(a: readonly string[], b: readonly string[]): string[] | null {
  if (a.length === 1 && b.length === 1) {
    const s = join(a[0]!, b[0]!);
    return s.length > MAX_LEN ? null : [s];
  }
  const out = new Set<string>();
  for (const x of a) for (const y of b) {
    const s = join(x, y);
    if (s.length > MAX_LEN) return null;
    out.add(s);
  }
  return [...out];
}

/** A sequence of parts: exact runs multiply out; otherwise the strongest requirement of any part. */
function sequence(terms: readonly Info[]): Info {
  let run: string[] = [''];
  let best: string[] | null = null;
  let allExact = true;
  for (const t of terms) {
    if ('exact' in t) {
      const joined = run.length * t.exact.length <= MAX_EXACT ? cross(run, t.exact) : null;
      if (joined) run = joined;
      else {
        allExact = false;
        best = better(best, toReq({ exact: run }));
        run = t.exact;
      }
    } else {
      allExact = false;
      best = better(best, toReq({ exact: run }));
      best = better(best, t.req);
      run = [''];
    }
  }
  if (allExact) return { exact: run };
  return { req: better(best, toReq({ exact: run })) };
}

/** Alternatives: exact when all are and few; else contains one of any alternative's literals. */
function alternation(alts: readonly Info[]): Info {
  if (alts.length === 1) return alts[0]!;
  if (alts.every((a) => 'exact' in a)) {
    const all = new Set(alts.flatMap((a) => (a as { exact: string[] }).exact));
    if (all.size <= MAX_EXACT) return { exact: [...all] };
  }
  const out: string[] = [];
  for (const a of alts) {
    const r = toReq(a);
    if (!r) return ANY;
    out.push(...r);
  }
  return { req: minimise(out) };
}

function quantified(info: Info, min: number, max: number): Info {
  // Repeated white space is still one run: `\s+` is one space, `\s*` none or one.
  if ('exact' in info && info.exact.length === 1 && info.exact[0] === ' ') return min === 0 ? { exact: ['', ' '] } : info;
  if (min === 0) return max === 1 && 'exact' in info ? { exact: [...new Set([...info.exact, ''])] } : ANY;
  if (min === 1 && max === 1) return info;
  return { req: toReq(info) };
}

/** A recursive-descent reader of the ECMAScript regex grammar, computing `Info` as it goes. */
class Reader {
  private i = 0;
  constructor(
    private readonly src: string,
    private readonly unicode: boolean,
  ) {}

  all(): Info {
    const info = this.disjunction();
    if (this.i !== this.src.length) throw new Unsupported('unbalanced )');
    return info;
  }

  private peek(k = 0): string {
    return this.src[this.i + k] ?? '';
  }

  private disjunction(): Info {
    const alts = [this.alternative()];
    while (this.peek() === '|') {
      this.i++;
      alts.push(this.alternative());
    }
    return alternation(alts);
  }

  private alternative(): Info {
    const terms: Info[] = [];
    while (this.i < this.src.length && this.peek() !== '|' && this.peek() !== ')') terms.push(this.term());
    return sequence(terms);
  }

  private term(): Info {
    const c = this.peek();
    if (c === '^' || c === '$') {
      this.i++;
      return EMPTY;
    }
    if (c === '\\' && (this.peek(1) === 'b' || this.peek(1) === 'B')) {
      this.i += 2;
      return EMPTY;
    }
    for (const look of ['(?=', '(?!', '(?<=', '(?<!']) {
      if (this.src.startsWith(look, this.i)) {
        this.i += look.length;
        this.disjunction();
        this.expect(')');
        // A lookaround consumes nothing; a quantifier on one (Annex B) changes nothing.
        this.quantifier();
        return EMPTY;
      }
    }
    const atom = this.atom();
    const q = this.quantifier();
    return q ? quantified(atom, q[0], q[1]) : atom;
  }

  private expect(c: string): void {
    if (this.peek() !== c) throw new Unsupported(`expected ${c}`);
    this.i++;
  }

  /** A quantifier and its lazy mark, as [min, max], or null when none follows. */
  private quantifier(): [number, number] | null {
    const c = this.peek();
    let q: [number, number] | null = null;
    if (c === '*') q = [0, Infinity];
    else if (c === '+') q = [1, Infinity];
    else if (c === '?') q = [0, 1];
    if (q) this.i++;
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.i, this.i + 24));
      if (!m) throw new Unsupported('literal {');
      this.i += m[0].length;
      const min = Number(m[1]);
      q = [min, m[2] === undefined ? min : m[3] ? Number(m[3]) : Infinity];
    }
    if (q && this.peek() === '?') this.i++;
    return q;
  }

  private atom(): Info {
    const c = this.peek();
    if (c === '(') {
      if (this.src.startsWith('(?:', this.i)) this.i += 3;
      else if (this.src.startsWith('(?<', this.i)) {
        const end = this.src.indexOf('>', this.i);
        if (end < 0) throw new Unsupported('group name');
        this.i = end + 1;
      } else if (this.peek(1) === '?') throw new Unsupported('group modifier');
      else this.i++;
      const inner = this.disjunction();
      this.expect(')');
      return inner;
    }
    if (c === '[') return this.charClass();
    if (c === '\\') return this.escape();
    if (c === '.') {
      this.i++;
      return ANY;
    }
    if (c === '*' || c === '+' || c === '?' || c === '{' || c === ')' || c === '') throw new Unsupported(`unexpected ${c}`);
    this.i++;
    return charInfo(c.charCodeAt(0));
  }

  /** An escape outside a class: a character it stands for, or anything for a class or backreference. */
  private escape(): Info {
    const code = this.escapedChar();
    return code === null ? ANY : charInfo(code);
  }

  /**
   * Reads the escape at `\`; returns the character code it stands for (a space for `\s`,
   * which literals read as white space), or null for another character class (\d \w
   * \p{…}), a backreference or anything else not one character.
   */
  private escapedChar(inClass = false): number | null {
    this.i++; // the backslash
    const c = this.peek();
    if (c === '') throw new Unsupported('trailing backslash');
    this.i++;
    if (c === 's') return 32;
    if ('dDSwW'.includes(c)) return null;
    if ((c === 'p' || c === 'P') && this.unicode) {
      const end = this.src.indexOf('}', this.i);
      if (this.peek() !== '{' || end < 0) throw new Unsupported('\\p');
      this.i = end + 1;
      return null;
    }
    if (c === 'k' && this.peek() === '<') {
      const end = this.src.indexOf('>', this.i);
      if (end < 0) throw new Unsupported('\\k');
      this.i = end + 1;
      return null;
    }
    if (c >= '1' && c <= '9') {
      if (inClass) throw new Unsupported('octal escape');
      while (this.peek() >= '0' && this.peek() <= '9') this.i++;
      return null;
    }
    const simple: Record<string, number> = { t: 9, n: 10, v: 11, f: 12, r: 13 };
    if (c in simple) return simple[c]!;
    if (c === 'b' && inClass) return 8;
    if (c === '0' || c === 'c') throw new Unsupported(`\\${c}`);
    if (c === 'x') return this.hex(2);
    if (c === 'u') {
      if (this.peek() === '{' && this.unicode) {
        const end = this.src.indexOf('}', this.i);
        if (end < 0) throw new Unsupported('\\u{');
        const code = parseInt(this.src.slice(this.i + 1, end), 16);
        this.i = end + 1;
        if (!Number.isFinite(code)) throw new Unsupported('\\u{');
        return code;
      }
      return this.hex(4);
    }
    return c.charCodeAt(0);
  }

  private hex(n: number): number {
    const h = this.src.slice(this.i, this.i + n);
    if (!new RegExp(`^[0-9a-fA-F]{${n}}$`).test(h)) throw new Unsupported('hex escape');
    this.i += n;
    return parseInt(h, 16);
  }

  /** `[…]`: exact when it is a few ASCII characters (`\s` counting as one), else anything. */
  private charClass(): Info {
    this.i++;
    const negated = this.peek() === '^';
    if (negated) this.i++;
    const chars = new Set<number>();
    let known = !negated;
    const member = (): number | null => (this.peek() === '\\' ? this.escapedChar(true) : this.src.charCodeAt(this.i++));
    while (this.peek() !== ']') {
      if (this.peek() === '') throw new Unsupported('unterminated class');
      const from = member();
      if (this.peek() === '-' && this.peek(1) !== ']' && this.peek(1) !== '') {
        this.i++;
        const to = member();
        if (from === null || to === null) throw new Unsupported('class range');
        if (to - from > 8) known = false;
        else for (let k = from; k <= to; k++) chars.add(k);
      } else if (from === null) known = false;
      else chars.add(from);
    }
    this.i++;
    if (!known || chars.size > 8 || [...chars].some((code) => code >= 128)) return ANY;
    return { exact: [...new Set([...chars].map(fold))] };
  }
}

/**
 * Literals (lower case) one of which every match of the regex contains, or null when the
 * regex gives none it can be filtered by (it may match the empty string, or uses syntax
 * the reader does not know).
 */
export function requiredLiterals(source: string, flags: string): string[] | null {
  if (flags.includes('v')) return null;
  try {
    const lits = toReq(new Reader(source, flags.includes('u')).all());
    return lits && lits.length ? minimise(lits.map((l) => l.slice(0, KEEP))) : null;
  } catch (e) {
    if (e instanceof Unsupported) return null;
    throw e;
  }
}

// ---------------------------------------------------------------------------
// The automaton: every registered regex's literals, matched in one pass

/** Character code → symbol of the automaton's alphabet (0: in no literal). */
interface Automaton {
  /** Regexes it knows: ids below this. */
  count: number;
  symbols: Uint8Array;
  kelvin: number;
  longS: number;
  width: number;
  /** delta[state * width + symbol]: the next state (a full DFA: failure links resolved). */
  delta: Uint16Array | Int32Array;
  /** Regex ids whose literal ends at a state (its own outputs only). */
  out: (Int32Array | null)[];
  /** The nearest proper suffix state that has outputs of its own (0: none). */
  dict: Int32Array;
  /** The state itself when it has outputs of its own, else `dict` of it. */
  report: Int32Array;
  /** Per state: the last scan that collected its outputs. */
  stamp: Int32Array;
}

function build(literals: readonly (readonly string[] | null)[]): Automaton {
  // The alphabet: every character of every literal, one symbol each (1…).
  const symbols = new Uint8Array(128);
  let width = 1;
  for (const lits of literals) for (const l of lits ?? []) for (let k = 0; k < l.length; k++) {
    const c = l.charCodeAt(k);
    if (!symbols[c]) symbols[c] = width++;
  }
  // Upper-case ASCII reads as its lower case, white space as a space.
  for (let c = 65; c <= 90; c++) symbols[c] = symbols[c + 32]!;
  for (let c = 9; c <= 13; c++) symbols[c] = symbols[32]!;
  // The trie.
  const trie: Map<number, number>[] = [new Map()];
  const trieOut: number[][] = [[]];
  literals.forEach((lits, id) => {
    for (const l of lits ?? []) {
      let s = 0;
      for (let k = 0; k < l.length; k++) {
        const sym = symbols[l.charCodeAt(k)]!;
        let t = trie[s]!.get(sym);
        if (t === undefined) {
          t = trie.length;
          trie.push(new Map());
          trieOut.push([]);
          trie[s]!.set(sym, t);
        }
        s = t;
      }
      if (!trieOut[s]!.includes(id)) trieOut[s]!.push(id);
    }
  });
  // Number the states breadth first, so the states near the root, which a scan visits
  // most, sit together in the table.
  const order = [0];
  for (let q = 0; q < order.length; q++) for (const t of trie[order[q]!]!.values()) order.push(t);
  const rank = new Int32Array(order.length);
  order.forEach((s, r) => (rank[s] = r));
  const n = order.length;
  const delta = n < 0x10000 ? new Uint16Array(n * width) : new Int32Array(n * width);
  const fail = new Int32Array(n);
  const report = new Int32Array(n);
  const out: (Int32Array | null)[] = order.map((s) => (trieOut[s]!.length ? Int32Array.from(trieOut[s]!) : null));
  const dict = new Int32Array(n);
  // States in breadth-first order: a state's failure state comes before it.
  for (let r = 0; r < n; r++) {
    const f = fail[r]!;
    if (r > 0) dict[r] = out[f] ? f : dict[f]!;
    report[r] = out[r] ? r : dict[r]!;
    for (let sym = 0; sym < width; sym++) {
      const child = trie[order[r]!]!.get(sym);
      if (child === undefined) delta[r * width + sym] = r === 0 ? 0 : delta[f * width + sym]!;
      else {
        const t = rank[child]!;
        delta[r * width + sym] = t;
        fail[t] = r === 0 ? 0 : delta[f * width + sym]!;
      }
    }
  }
  return { count: literals.length, symbols, kelvin: symbols[107]!, longS: symbols[115]!, width, delta, out, dict, report, stamp: new Int32Array(n) };
}

let scans = 0;

/** Bit `id` set for every regex with a literal in `text`. */
function scan(a: Automaton, text: string): Uint32Array {
  const mask = new Uint32Array((a.count + 31) >>> 5);
  const st = ++scans;
  const { symbols, delta, width, out, dict, report, stamp } = a;
  const space = symbols[32]!;
  let s = 0;
  let inSpace = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let sym: number;
    if (c < 128) sym = symbols[c]!;
    else sym = c === 0x212a ? a.kelvin : c === 0x17f ? a.longS : isSpace(c) ? space : 0;
    // A run of white space is one space.
    if (sym === space && space !== 0) {
      if (inSpace) continue;
      inSpace = true;
    } else inSpace = false;
    s = delta[s * width + sym]!;
    // Collect the outputs of s and its dictionary suffixes, each state once per scan.
    for (let t = report[s]!; t !== 0 && stamp[t] !== st; t = dict[t]!) {
      stamp[t] = st;
      const ids = out[t]!;
      for (let k = 0; k < ids.length; k++) mask[ids[k]! >>> 5]! |= 1 << (ids[k]! & 31);
    }
  }
  return mask;
}

// ---------------------------------------------------------------------------
// The registry

/** Beyond this many distinct regexes, new ones are not filtered (bounds memory if a caller builds regexes per call). */
const MAX_REGEXES = 4096;
const idOf = new WeakMap<RegExp, number>();
const idByKey = new Map<string, number>();
const sources: { source: string; flags: string }[] = [];
const literalsById: (readonly string[] | null)[] = [];
let automaton: Automaton | null = null;
/** Counts the automaton's builds: a mask made before the last build may lack newer regexes' bits. */
let builds = 0;

function regexId(re: RegExp): number {
  let id = idOf.get(re);
  if (id !== undefined) return id;
  // g, y and d change how a regex is run, not what it matches.
  const flags = re.flags.replace(/[gyd]/g, '');
  const key = `${flags}/${re.source}`;
  id = idByKey.get(key);
  if (id === undefined) {
    if (sources.length >= MAX_REGEXES) id = -1;
    else {
      id = sources.length;
      sources.push({ source: re.source, flags });
      idByKey.set(key, id);
    }
  }
  idOf.set(re, id);
  return id;
}

/** The regexes met so far, as the prefilter keys them (for tests: every one is checked for soundness). */
export function registeredRegexes(): RegExp[] {
  return sources.map((s) => new RegExp(s.source, s.flags));
}

/** The first build waits for this many documents. */
const FIRST_BUILD_AT = 8;
let documents = 0;

/**
 * Called when a document's rules start: forgets the last document's blocks, and (from the
 * FIRST_BUILD_AT-th document on) builds the automaton again when regexes were met since the
 * last build. Within one document it never changes, so each block is scanned once; regexes
 * first met in this document are not filtered until the next one.
 */
export function prefilterNextDocument(): void {
  // The automaton only changes here, so no cached mask is ever from an older one.
  blockMasks.clear();
  lastText = null;
  // Building costs tens of milliseconds in a fresh process: a run of a few files would
  // spend more on it than the filter saves.
  if (++documents < FIRST_BUILD_AT || literalsById.length === sources.length) return;
  for (let id = literalsById.length; id < sources.length; id++) literalsById.push(requiredLiterals(sources[id]!.source, sources[id]!.flags));
  automaton = build(literalsById);
  builds++;
}

/** How many times the automaton was built: a mask kept across documents is valid while this stays the same. */
export function prefilterBuilds(): number {
  return builds;
}

/** The regex's bit in a mask of the current automaton, or -1 when it is not filtered (yet). */
export function bitOf(re: RegExp): number {
  const id = regexId(re);
  return id < 0 || !automaton || id >= automaton.count || !literalsById[id] ? -1 : id;
}

export function inMask(mask: Uint32Array, id: number): boolean {
  return (mask[id >>> 5]! & (1 << (id & 31))) !== 0;
}

/**
 * Masks of the blocks scanned since the current document began. A plain map, emptied when
 * the next document begins, rather than a WeakMap: weak entries live until a full garbage
 * collection, which made a big catalog's heap grow.
 */
const blockMasks = new Map<TextBlock, { text: string; mask: Uint32Array }>();
/**
 * A bound for a caller that never starts documents (a rule run on its own). It is far above
 * the blocks of one document: clearing within a document would make each later question
 * about an earlier block scan it again (a 60,000-item list took twice as long with 4,096).
 */
const MAX_BLOCK_MASKS = 1 << 20;

/** Whether `re` may match somewhere in `block.text`; false means it certainly does not. */
export function mayMatch(block: TextBlock, re: RegExp): boolean {
  const id = bitOf(re);
  return id < 0 || inMask(blockMask(block)!, id);
}

/** The bits of the regexes with a literal in `block.text`, or null before the automaton is first built. */
export function blockMask(block: TextBlock): Uint32Array | null {
  if (!automaton) return null;
  let hit = blockMasks.get(block);
  if (!hit || hit.text !== block.text) {
    if (blockMasks.size >= MAX_BLOCK_MASKS) blockMasks.clear();
    hit = { text: block.text, mask: scan(automaton, block.text) };
    blockMasks.set(block, hit);
  }
  return hit.mask;
}

/** The last string `mayMatchText` scanned (a text is asked about several times in a row). */
let lastText: { text: string; mask: Uint32Array } | null = null;

/** `mayMatch` for a string that is not a block: scanned once while it is the one asked about. */
export function mayMatchText(text: string, re: RegExp): boolean {
  const id = bitOf(re);
  if (id < 0) return true;
  if (!lastText || lastText.text !== text) lastText = { text, mask: scan(automaton!, text) };
  return inMask(lastText.mask, id);
}
