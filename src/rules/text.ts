/**
 * Text helpers shared by rules. Rules search structured fields and prose alike:
 * every string value from front matter or JSON and every paragraph, list item,
 * heading and table row of the body is a `TextBlock` with a scope and a position.
 *
 * Every regular expression run on document text must be linear-time: no nested
 * quantifiers, no ambiguous alternations under a quantifier, bounded repeats.
 */
import type { Doc, Position, TextBlock } from '../types.js';
import { bitOf, blockMask, inMask, mayMatch, prefilterBuilds } from './prefilter.js';
import { isSpace } from './space.js';

export interface Match {
  block: TextBlock;
  index: number;
  length: number;
  pos: Position;
  /** The sentence or line around the match, for reports. */
  quote: string;
}

/**
 * `compute` for the last text it was asked about, kept until it is asked about another:
 * for work that callers ask of the same text several times in a row (callers only read
 * the result).
 */
export function forLastText<T>(compute: (text: string) => T): (text: string) => T {
  let last: { text: string; value: T } | null = null;
  return (text) => {
    if (last?.text !== text) last = { text, value: compute(text) };
    return last.value;
  };
}

/**
 * `compute` worked out once per document, for what several rules ask of the same document
 * (callers only read the result). It is worked out again when one of `deps(doc)` is no
 * longer the same value, as when a test edits a document in place.
 */
export function perDoc<T>(compute: (doc: Doc) => T, deps: (doc: Doc) => readonly unknown[]): (doc: Doc) => T {
  const cache = new WeakMap<Doc, { deps: readonly unknown[]; value: T }>();
  return (doc) => {
    const d = deps(doc);
    const hit = cache.get(doc);
    if (hit && hit.deps.length === d.length && hit.deps.every((x, i) => x === d[i])) return hit.value;
    const value = compute(doc);
    cache.set(doc, { deps: d, value });
    return value;
  };
}

/** Blocks whose scope is one of `scopes` (all blocks when `scopes` is omitted). */
export function blocksIn(doc: Doc, scopes?: readonly string[] | null): TextBlock[] {
  if (!scopes) return doc.blocks;
  return doc.blocks.filter((b) => scopes.includes(b.scope));
}

/** Blocks in document order (all of a document's, or one scope's), with their prefilter masks. */
interface Group {
  blocks: TextBlock[];
  /** Each block's mask, once the prefilter has an automaton; else empty. */
  masks: Uint32Array[];
  /** The bits set in any of `masks`: a regex whose bit is not here matches in none of the blocks. */
  union: Uint32Array | null;
}

interface BlockIndex {
  all: Group;
  scopes: Map<string, Group>;
}

function addTo(g: Group, b: TextBlock, mask: Uint32Array | null): void {
  g.blocks.push(b);
  if (!mask) return;
  g.masks.push(mask);
  if (!g.union) g.union = mask.slice();
  else for (let k = 0; k < mask.length; k++) g.union[k]! |= mask[k]!;
}

/**
 * The document's blocks, all and by scope, each block scanned by the prefilter once. Made
 * again when the prefilter's automaton is rebuilt: an older mask lacks newer regexes' bits.
 */
const blockIndex = perDoc(
  (doc): BlockIndex => {
    const index: BlockIndex = { all: { blocks: [], masks: [], union: null }, scopes: new Map() };
    for (const b of doc.blocks) {
      const mask = blockMask(b);
      addTo(index.all, b, mask);
      let g = index.scopes.get(b.scope);
      if (!g) index.scopes.set(b.scope, (g = { blocks: [], masks: [], union: null }));
      addTo(g, b, mask);
    }
    return index;
  },
  (doc) => [doc.blocks, prefilterBuilds()],
);

/** Whether `re` (no g or y flag; prefilter bit `bit`, or -1) matches in one of the group's blocks. */
function groupHas(g: Group, re: RegExp, bit: number): boolean {
  const { blocks, masks } = g;
  if (bit < 0) {
    for (const b of blocks) if (re.test(b.text)) return true;
    return false;
  }
  if (!g.union || !inMask(g.union, bit)) return false;
  for (let i = 0; i < blocks.length; i++) if (inMask(masks[i]!, bit) && re.test(blocks[i]!.text)) return true;
  return false;
}

/**
 * Up to this many characters, `posIn` and `quoteAround` scan the text around a match. Past
 * it they look positions up in an index of the text: a scan from each of many matches in
 * one long line would cross the line again for each (quadratic time on hostile input).
 */
const SCAN_LIMIT = 512;

/** The offsets `from` to `to` (inclusive) of `text` where `test` holds. */
function offsets(text: string, from: number, to: number, test: (text: string, i: number) => boolean): number[] {
  const out: number[] = [];
  for (let i = from; i <= to; i++) if (test(text, i)) out.push(i);
  return out;
}
// Sorted offsets of a long text, kept for the last one: the calls for a block's matches come together.
const newlinesOf = forLastText((text) => offsets(text, 0, text.length - 1, (t, i) => t.charCodeAt(i) === 10));
const sentenceStartsOf = forLastText((text) => offsets(text, 1, text.length, startsAt));
const sentenceEndsOf = forLastText((text) => offsets(text, 0, text.length - 1, endsAt));
/** How many of the sorted `xs` are below `n`. */
function countBelow(xs: readonly number[], n: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (xs[mid]! < n) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Position of character `index` of a block's text. */
export function posIn(block: TextBlock, index: number): Position {
  const text = block.text;
  const upto = Math.min(index, text.length);
  let line = 0;
  let lastNl = -1;
  if (upto <= SCAN_LIMIT) {
    for (let i = 0; i < upto; i++) {
      if (text.charCodeAt(i) === 10) {
        line++;
        lastNl = i;
      }
    }
  } else {
    const newlines = newlinesOf(text);
    line = countBelow(newlines, upto);
    if (line) lastNl = newlines[line - 1]!;
  }
  if (line === 0) return { line: block.line, column: block.column + index };
  const col = block.columns?.[line] ?? 1;
  return { line: block.lines?.[line] ?? block.line + line, column: col + (index - lastNl - 1) };
}

/** Whether a UTF-16 code unit is `.`, `!` or `?`. */
function isStop(c: number): boolean {
  return c === 46 || c === 33 || c === 63;
}
/** Whether a sentence starts at `p` (> 0): after a line break, or after a stop and before white space. */
function startsAt(text: string, p: number): boolean {
  const c = text.charCodeAt(p - 1);
  return c === 10 || (isStop(c) && isSpace(text.charCodeAt(p)));
}
/** Whether a sentence ends at `e` (< length): a line break, or a stop before white space or the end. */
function endsAt(text: string, e: number): boolean {
  const c = text.charCodeAt(e);
  return c === 10 || (isStop(c) && (e + 1 >= text.length || isSpace(text.charCodeAt(e + 1))));
}

/** The sentence (or line) containing `[index, index+length)`, at most 200 characters. */
export function quoteAround(text: string, index: number, length = 0): string {
  let start = index;
  while (start > 0 && index - start < SCAN_LIMIT && !startsAt(text, start)) start--;
  if (start > 0 && !startsAt(text, start)) {
    const starts = sentenceStartsOf(text);
    const k = countBelow(starts, index + 1);
    start = k ? starts[k - 1]! : 0;
  }
  const from0 = index + length;
  let end = from0;
  while (end < text.length && end - from0 < SCAN_LIMIT && !endsAt(text, end)) end++;
  if (end < text.length && !endsAt(text, end)) {
    const ends = sentenceEndsOf(text);
    const k = countBelow(ends, from0);
    end = k < ends.length ? ends[k]! : text.length;
  }
  if (end < text.length && isStop(text.charCodeAt(end))) end++;
  let q = text.slice(start, end).trim();
  if (q.length > 200) {
    const from = Math.max(0, index - start - 80);
    q = (from > 0 ? '…' : '') + q.slice(from, from + 200).trim() + '…';
  }
  return q;
}

/** A match of `re` in a block, with its position and the sentence around it. */
export function toMatch(block: TextBlock, m: RegExpExecArray): Match {
  return { block, index: m.index, length: m[0].length, pos: posIn(block, m.index), quote: quoteAround(block.text, m.index, m[0].length) };
}

/** First match of `re` in the blocks of `scopes`, in document order. `re` must not have the g flag. */
export function find(doc: Doc, re: RegExp, scopes?: readonly string[] | null): Match | null {
  return matchesIn(doc, re, scopes, 1)[0] ?? null;
}

/**
 * `s` on one line (white space runs as one space), at most `max` characters, ending in "…"
 * when cut. A long text is shortened from a prefix: collapsing white space only shortens
 * text, so when the prefix alone comes out longer than `max`, the result is the same.
 */
export function short(s: string, max = 60): string {
  let t = s.length > 8 * max ? collapsed(s.slice(0, 8 * max)) : '';
  if (t.length <= max) t = collapsed(s);
  return t.length > max ? t.slice(0, max - 1).trimEnd() + '…' : t;
}

/** White space that is not one space between two other characters (but at the ends). */
const UNSPACED_RE = /\s\s|[^\S ]/;

/**
 * `t` with white space runs as one space, trimmed. Most texts are already so: one regex
 * test tells, which is much faster than the replace.
 */
function collapsed(t: string): string {
  return isSpace(t.charCodeAt(0)) || isSpace(t.charCodeAt(t.length - 1)) || UNSPACED_RE.test(t) ? t.replace(/\s+/g, ' ').trim() : t;
}

/** Whether `re` matches in some block of `scopes` (what `find(…) !== null` says, without the quote and position). */
export function has(doc: Doc, re: RegExp, scopes?: readonly string[] | null): boolean {
  if (re.global || re.sticky) return find(doc, re, scopes) !== null;
  const index = blockIndex(doc);
  const bit = bitOf(re);
  if (!scopes) return groupHas(index.all, re, bit);
  // Order does not matter here: scope by scope.
  for (const s of scopes) {
    const g = index.scopes.get(s);
    if (g && groupHas(g, re, bit)) return true;
  }
  return false;
}

/** Whether `re` (no g or y flag) matches `block.text`; not run where the prefilter rules a match out. */
export function blockHas(block: TextBlock, re: RegExp): boolean {
  return mayMatch(block, re) && re.test(block.text);
}

/** First match of `re` in each block of `scopes` that matches. */
export function findAll(doc: Doc, re: RegExp, scopes?: readonly string[] | null): Match[] {
  return matchesIn(doc, re, scopes, Infinity);
}

/** The first match of `re` in each block of `scopes` that matches, in document order, at most `max`. */
function matchesIn(doc: Doc, re: RegExp, scopes: readonly string[] | null | undefined, max: number): Match[] {
  const out: Match[] = [];
  const index = blockIndex(doc);
  // The g and y flags make a match depend on lastIndex: such a regex always runs.
  const bit = re.global || re.sticky ? -1 : bitOf(re);
  // One scope (or all): that scope's group. Several: all blocks, each one's scope checked.
  const several = scopes && scopes.length > 1 ? scopes : null;
  const g = !scopes || several ? index.all : index.scopes.get(scopes[0]!);
  if (!g) return out;
  if (bit >= 0) {
    const unions = several ? several.map((s) => index.scopes.get(s)?.union) : [g.union];
    if (!unions.some((u) => u && inMask(u, bit))) return out;
  }
  const { blocks, masks } = g;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if ((several && !several.includes(b.scope)) || (bit >= 0 && !inMask(masks[i]!, bit))) continue;
    const m = re.exec(b.text);
    if (m) {
      out.push(toMatch(b, m));
      if (out.length >= max) break;
    }
  }
  return out;
}

/** Match `re` against a string that came from a field, reporting the field's block if it has one. */
export function findInText(doc: Doc, text: string, re: RegExp, path: string): Match | null {
  const m = re.exec(text);
  if (!m) return null;
  const block = doc.blocks.find((b) => b.path === path && b.text === text);
  if (block) return toMatch(block, m);
  const pos = doc.positions.get(path) ?? doc.origin;
  return { block: { text, line: pos.line, column: pos.column, scope: path.split('.')[0]!, kind: 'field' }, index: m.index, length: m[0].length, pos, quote: quoteAround(text, m.index, m[0].length) };
}

/** All text of the blocks in `scopes`, joined by blank lines. */
export function textIn(doc: Doc, scopes?: readonly string[] | null): string {
  return blocksIn(doc, scopes)
    .map((b) => b.text)
    .join('\n\n');
}

/** Flatten any field value (string, number, list, object) to text. Bounded depth. */
export function fieldText(value: unknown, depth = 0): string {
  if (value === null || value === undefined || depth > 6) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map((v) => fieldText(v, depth + 1)).filter(Boolean).join('\n');
  if (typeof value === 'object') return Object.values(value as Record<string, unknown>).map((v) => fieldText(v, depth + 1)).filter(Boolean).join('\n');
  return '';
}

/** Template placeholders: TODO, TBD, lorem ipsum, "[Describe …]", "<insert …>". */
export const PLACEHOLDER_RE =
  /\b(?:TODO|TBD|TBA|FIXME|XXX|lorem ipsum|placeholder)\b|\[(?:insert|add|describe|your|enter|list|name|write|state)\b[^\]\n]{0,200}\]|<(?:insert|add|describe|your|enter)\b[^>\n]{0,200}>/i;
const PLACEHOLDER_ALL = new RegExp(PLACEHOLDER_RE.source, 'gi');
const EMPTY_RE = /^(?:n\/?a|none|null|nil|-+|\.+|x+|\?+|tbd|todo)$/i;

/** True when a value is missing, empty, or only a placeholder. */
export function isBlank(value: unknown): boolean {
  const t = fieldText(value).trim();
  return t === '' || EMPTY_RE.test(t) || (PLACEHOLDER_RE.test(t) && wordCount(t.replace(PLACEHOLDER_ALL, ' ')) < 3);
}

/** Number of words; "think-pair-share" and "doesn't" are one word each. */
export function wordCount(s: string): number {
  const n = asciiWords(s, null);
  return n >= 0 ? n : words(s).length;
}

const WORDS_RE = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

/** Lower-case word tokens. */
export function words(s: string): string[] {
  const t = s.toLowerCase();
  const out: string[] = [];
  if (asciiWords(t, out) >= 0) return out;
  return t.match(WORDS_RE) ?? [];
}

/** Whether an ASCII code is a letter or digit (what `[\p{L}\p{N}]` matches below 128). */
function alnum(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

/**
 * The words of an ASCII text, exactly as `WORDS_RE` finds them (a run of letters and
 * digits, then any `'` or `-` joiner followed by another run), pushed to `out` when given.
 * Returns the number of words, or -1 as soon as a character is not ASCII (then `out`
 * holds a partial list the caller must discard).
 */
function asciiWords(s: string, out: string[] | null): number {
  const n = s.length;
  let count = 0;
  let i = 0;
  while (i < n) {
    const c0 = s.charCodeAt(i);
    if (!alnum(c0)) {
      if (c0 > 127) return -1;
      i++;
      continue;
    }
    const start = i;
    i++;
    while (i < n && alnum(s.charCodeAt(i))) i++;
    for (;;) {
      const c = i < n ? s.charCodeAt(i) : 0;
      if ((c === 39 || c === 45) && i + 1 < n && alnum(s.charCodeAt(i + 1))) {
        i += 2;
        while (i < n && alnum(s.charCodeAt(i))) i++;
      } else break;
    }
    count++;
    if (out) out.push(s.slice(start, i));
  }
  return count;
}

const STOP = new Set(
  'a an and are as at be been but by can could do does each educator educators for from has have how in into is it its of on or our over that the their them these they this those through to use uses using was we were what when which while who will with within without would you your teacher teachers student students learners learner classroom class lesson lessons practice practices skill skills work also more most other such than then there very well'.split(
    ' ',
  ),
);

/** A crude English stem: enough to match "questioning" with "questions". */
export function stem(w: string): string {
  if (w.length <= 4) return w;
  let s = w;
  if (s.endsWith('ies')) s = s.slice(0, -3) + 'y';
  else if (s.endsWith('es') && (s.endsWith('sses') || s.endsWith('xes') || s.endsWith('zes') || s.endsWith('ches') || s.endsWith('shes'))) s = s.slice(0, -2);
  else if (s.endsWith('s') && !(s.endsWith('ss') || s.endsWith('us') || s.endsWith('is'))) s = s.slice(0, -1);
  if (s.length > 5 && s.endsWith('ing')) s = s.slice(0, -3);
  else if (s.length > 4 && s.endsWith('ed')) s = s.slice(0, -2);
  else if (s.length > 6 && s.endsWith('ation')) s = s.slice(0, -5);
  return s;
}

/** Content terms of a text: stemmed words of 4+ letters that are not stop words. */
export function contentTerms(s: string): Set<string> {
  const out = new Set<string>();
  for (const w of words(s)) if (w.length >= 4 && !STOP.has(w)) out.add(stem(w));
  return out;
}

/** The content term of one word (as `contentTerms` keeps it), or null for a short or stop word. */
export function contentTerm(w: string): string | null {
  return w.length >= 4 && !STOP.has(w) ? stem(w) : null;
}

/**
 * Whether a flag-like field says yes: `true`, a positive number, or a string that is
 * not a negative ("no", "none", "false", "not offered").
 */
export function truthy(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value > 0;
  const t = String(value).trim().toLowerCase();
  if (!t || isBlank(t)) return false;
  return !/^(?:no|none|false|not|never|unavailable|n\/a)\b/.test(t);
}

/** Build a case-insensitive, word-bounded alternation from a list of phrases (rubric parameters). */
const phraseCache = new Map<string, RegExp>();
/**
 * Rubric parameter arrays are the same objects on every call: look them up by identity first,
 * checking that the array still holds the same strings (no join per call).
 */
const phraseByArray = new WeakMap<readonly string[], { items: string[]; re: RegExp }>();
function sameItems(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
export function phraseRegex(phrases: readonly string[]): RegExp {
  const byArray = phraseByArray.get(phrases);
  if (byArray && sameItems(byArray.items, phrases)) return byArray.re;
  const cacheKey = phrases.join('\u0000');
  let re = phraseCache.get(cacheKey);
  if (!re) {
    re = buildPhraseRegex(phrases);
    if (phraseCache.size < 1000) phraseCache.set(cacheKey, re);
  }
  phraseByArray.set(phrases, { items: [...phrases], re });
  return re;
}

function buildPhraseRegex(phrases: readonly string[]): RegExp {
  const esc = phrases
    .map((p) => p.trim())
    .filter(Boolean)
    .sort((a, b) => b.length - a.length)
    .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'));
  return esc.length ? new RegExp(`\\b(?:${esc.join('|')})\\b`, 'i') : /(?!)/;
}

const globalCache = new WeakMap<RegExp, RegExp>();
/** A global (`g`) copy of `re`, made once per regex, for walking every match with exec. */
export function globalOf(re: RegExp): RegExp {
  let g = globalCache.get(re);
  if (!g) {
    g = new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g');
    globalCache.set(re, g);
  }
  return g;
}

/** Years (1950-2099) mentioned in a text. */
export function yearsIn(s: string): number[] {
  return (s.match(/\b(?:19[5-9]\d|20\d\d)\b/g) ?? []).map(Number);
}
