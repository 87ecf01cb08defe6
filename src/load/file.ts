/**
 * Reads one input file into offering entries. Nothing here throws for bad input:
 * an unreadable, binary, empty or malformed file becomes an `invalid` entry with its
 * line and a plain message, and the run goes on. Front matter is never evaluated as
 * code: only YAML and JSON are read.
 */
import { readFileSync, statSync } from 'node:fs';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { normaliseFields, type Offering } from '../model/offering.js';
import type { Doc, Finding, Position, TextBlock } from '../types.js';
import { readBody } from './markdown.js';
import { badgeKind, mapBadge } from './openbadges.js';
import { isStackOverflow, MAX_ALIASES, nestedDeeperThan, TOO_DEEP } from './limits.js';
import { catalogEntryStarts, indexJson, indexJsonValue, indexYaml, locateJsonError, positionAt, splitIndex, yamlDeeperThan, type PositionIndex, type StringLeaf } from './positions.js';

export { DEFAULT_MAX_FILE_SIZE } from './limits.js';
import { DEFAULT_MAX_FILE_SIZE } from './limits.js';

export interface LoadOptions {
  /** Largest file read, in bytes. */
  maxFileSize?: number;
}

/** One offering read from a file, or the reason an entry could not be read. */
export type Entry =
  | { kind: 'offering'; doc: Doc; findings: Finding[] }
  | { kind: 'invalid'; file: string; index?: number; id?: string; title?: string; finding: Finding };

const ALLOWED_FM = new Set(['', 'yaml', 'yml', 'json']);

/** An entry that could not be read, with its reason as an `invalid-document` finding. */
export function invalid(file: string, message: string, pos?: Position, index?: number): Entry {
  const e: Entry = {
    kind: 'invalid',
    file,
    finding: {
      ruleId: 'invalid-document',
      aspect: null,
      severity: 'error',
      message,
      fix: null,
      line: pos?.line ?? null,
      column: pos?.column ?? null,
      path: null,
    },
  };
  if (index !== undefined) e.index = index;
  return e;
}

function loaderFinding(ruleId: string, severity: Finding['severity'], message: string, pos: Position | undefined, path: string | null, fix: string | null): Finding {
  return { ruleId, aspect: null, severity, message, fix, line: pos?.line ?? null, column: pos?.column ?? null, path };
}

/** Decode file bytes: BOMs (UTF-8, UTF-16), invalid UTF-8, binary content, line endings. */
export function decode(buf: Buffer): { text: string } | { error: string; pos?: Position } {
  let text: string;
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) text = new TextDecoder('utf-16le').decode(buf.subarray(2));
  else if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) text = new TextDecoder('utf-16be').decode(buf.subarray(2));
  else {
    const head = buf.subarray(0, 8192);
    if (head.includes(0)) return { error: 'binary file (it contains NUL bytes); expected Markdown or JSON text' };
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(buf);
    } catch {
      const loose = new TextDecoder('utf-8').decode(buf);
      const bad = loose.indexOf('\uFFFD');
      return { error: 'not valid UTF-8 text; save the file as UTF-8', ...(bad >= 0 ? { pos: positionAt(loose, bad) } : {}) };
    }
  }
  if (text.includes('\0')) return { error: 'binary file (it contains NUL characters); expected Markdown or JSON text' };
  return { text: text.replace(/\r\n?/g, '\n') };
}

interface Raw {
  data: Record<string, unknown>;
  index: PositionIndex;
}

class FrontMatterError extends Error {
  constructor(
    message: string,
    readonly pos?: Position,
  ) {
    super(message);
  }
}

/** Plain scalars that the YAML core schema reads as null or a boolean, not a string. */
const NOT_TEXT = new Set(['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE']);

/** A character a one-line scalar may hold on the fast path (no control, break, BOM or lone surrogate). */
function plainChar(c: number): boolean {
  if (c < 0x80) return c >= 0x20 && c !== 0x7f;
  return c > 0xa0 && c !== 0x2028 && c !== 0x2029 && c !== 0xfeff && (c < 0xd800 || c > 0xdfff) && c < 0xfffe;
}

interface SimpleMap {
  indent: number;
  pairs: SimplePair[];
  keys: Set<string>;
}
interface SimplePair {
  key: string;
  keyPos: Position;
  value: SimpleMap | { text: string; pos: Position; quoted: boolean } | null;
}

/**
 * The plainest front matter without the YAML parser: block mappings of `name: value`
 * lines, indented with spaces, where each value is a nested mapping, a one-line plain
 * string that starts with a letter, or a one-line double-quoted string without escapes.
 * For such text it returns exactly what parseDocument, toJS and indexYaml give; for
 * anything else (comments, lists, numbers, tabs, repeated keys…) it returns null and the
 * YAML parser reads the text. Linear: one pass over each line, no regular expressions.
 */
function simpleYaml(src: string, firstLine: number): Raw | null {
  const lines = src.split('\n');
  const stack: SimpleMap[] = [];
  let root: SimpleMap | null = null;
  let pending: SimplePair | null = null;
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k]!;
    const lineNo = k + firstLine;
    let i = 0;
    while (line.charCodeAt(i) === 32) i++;
    if (i === line.length) continue; // blank
    // The key: a name, then ":".
    let j = i;
    const c0 = line.charCodeAt(j);
    if (!((c0 >= 97 && c0 <= 122) || (c0 >= 65 && c0 <= 90) || c0 === 95)) return null;
    for (j++; j < line.length; j++) {
      const c = line.charCodeAt(j);
      if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 45)) break;
    }
    if (line.charCodeAt(j) !== 58 || j - i > 100) return null;
    const key = line.slice(i, j);
    if (NOT_TEXT.has(key) || key === '__proto__') return null;
    j++;
    let value: SimplePair['value'] = null;
    if (j < line.length) {
      if (line.charCodeAt(j) !== 32) return null;
      while (line.charCodeAt(j) === 32) j++;
      if (j === line.length) return null;
      const v = j;
      const first = line.charCodeAt(v);
      if (first === 34) {
        // "text": closed at the end of the line, no escapes.
        if (line.length - v < 2 || line.charCodeAt(line.length - 1) !== 34) return null;
        for (let p = v + 1; p < line.length - 1; p++) {
          const c = line.charCodeAt(p);
          if (c === 34 || c === 92 || !plainChar(c)) return null;
        }
        value = { text: line.slice(v + 1, line.length - 1), pos: { line: lineNo, column: v + 1 }, quoted: true };
      } else {
        if (!((first >= 97 && first <= 122) || (first >= 65 && first <= 90))) return null;
        for (let p = v + 1; p < line.length; p++) {
          const c = line.charCodeAt(p);
          if (!plainChar(c) || c === 35 || c === 91 || c === 93 || c === 123 || c === 125) return null;
          // ": " would start a mapping; a trailing ":" too.
          if (c === 58 && (p + 1 === line.length || line.charCodeAt(p + 1) === 32)) return null;
        }
        if (line.charCodeAt(line.length - 1) === 32) return null;
        const text = line.slice(v);
        if (NOT_TEXT.has(text)) return null;
        value = { text, pos: { line: lineNo, column: v + 1 }, quoted: false };
      }
    }
    // Place the pair by its indentation.
    let top: SimpleMap;
    if (!root) {
      if (i !== 0) return null;
      root = { indent: 0, pairs: [], keys: new Set() };
      stack.push(root);
      top = root;
    } else if (pending) {
      if (i <= stack[stack.length - 1]!.indent || stack.length >= 6) return null;
      top = { indent: i, pairs: [], keys: new Set() };
      pending.value = top;
      stack.push(top);
      pending = null;
    } else {
      while (stack[stack.length - 1]!.indent > i) stack.pop();
      top = stack[stack.length - 1]!;
      if (top.indent !== i) return null;
    }
    if (top.keys.has(key)) return null;
    top.keys.add(key);
    const pair: SimplePair = { key, keyPos: { line: lineNo, column: i + 1 }, value };
    top.pairs.push(pair);
    if (!value) pending = pair;
  }
  if (!root || pending) return null;
  // Data, as toJS gives it.
  const toData = (m: SimpleMap): Record<string, unknown> => {
    const o: Record<string, unknown> = {};
    for (const p of m.pairs) o[p.key] = 'pairs' in p.value! ? toData(p.value as SimpleMap) : (p.value as { text: string }).text;
    return o;
  };
  // Positions and string leaves in indexYaml's order (a stack: last pair first).
  const positions = new Map<string, Position>();
  const strings: StringLeaf[] = [];
  const walk: { m: SimplePair['value']; path: string }[] = [{ m: root, path: '' }];
  while (walk.length) {
    const { m, path } = walk.pop()!;
    if (m && 'pairs' in m) {
      for (const p of m.pairs) {
        const childPath = path ? `${path}.${p.key}` : p.key;
        const at = 'pairs' in p.value! ? p.keyPos : (p.value as { pos: Position }).pos;
        if (!positions.has(childPath)) positions.set(childPath, { line: at.line, column: at.column });
        walk.push({ m: p.value, path: childPath });
      }
    } else if (m) {
      strings.push({ path, value: m.text, pos: { line: m.pos.line, column: m.quoted ? m.pos.column + 1 : m.pos.column } });
    }
  }
  return { data: toData(root), index: { positions, strings, duplicates: [] } };
}

/** Parse YAML front matter text; positions are offset so that line 1 of `src` is file line `firstLine`. */
function parseYaml(src: string, firstLine: number): Raw {
  const simple = simpleYaml(src, firstLine);
  if (simple) return simple;
  const lc = new LineCounter();
  let doc: Document;
  try {
    doc = parseDocument(src, { lineCounter: lc, uniqueKeys: false, prettyErrors: false });
  } catch (e) {
    if (isStackOverflow(e)) throw new FrontMatterError(`YAML front matter is ${TOO_DEEP}`, { line: firstLine, column: 1 });
    throw new FrontMatterError(`front matter could not be read: ${(e as Error).message}`);
  }
  const err = doc.errors[0];
  if (err && /Maximum call stack size exceeded/.test(err.message)) {
    throw new FrontMatterError(`YAML front matter is ${TOO_DEEP}`, { line: lc.linePos(err.pos[0]).line + firstLine - 1, column: 1 });
  }
  if (err) {
    const p = lc.linePos(err.pos[0]);
    const message = err.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    throw new FrontMatterError(`invalid YAML front matter: ${message}`, { line: p.line + firstLine - 1, column: p.col });
  }
  const deep = yamlDeeperThan(doc.contents);
  if (deep !== null) throw new FrontMatterError(`YAML front matter is ${TOO_DEEP}`, { line: lc.linePos(deep).line + firstLine - 1, column: lc.linePos(deep).col });
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (e) {
    if (isStackOverflow(e)) throw new FrontMatterError(`YAML front matter is ${TOO_DEEP}`, { line: firstLine, column: 1 });
    const m = (e as Error).message;
    throw new FrontMatterError(
      /alias/i.test(m) ? 'YAML front matter expands too many aliases (a resource-exhaustion pattern); write the values out' : `invalid YAML front matter: ${m}`,
    );
  }
  if (data === null || data === undefined) data = {};
  if (typeof data !== 'object' || Array.isArray(data)) throw new FrontMatterError('front matter must be a mapping of field names to values', { line: firstLine, column: 1 });
  // Aliases can build depth the document does not show.
  if (nestedDeeperThan(data)) throw new FrontMatterError(`YAML front matter is ${TOO_DEEP}`, { line: firstLine, column: 1 });
  return { data: data as Record<string, unknown>, index: indexYaml(doc, lc, firstLine - 1, src) };
}

/** Build a Doc from raw field data and (for Markdown) a body. */
function buildDoc(
  file: string,
  source: Doc['source'],
  raw: Record<string, unknown>,
  index: PositionIndex,
  pathPrefix: string,
  origin: Position,
  body: ReturnType<typeof readBody> | null,
  entryIndex?: number,
): { doc: Doc; findings: Finding[] } {
  const findings: Finding[] = [];
  const strip = (p: string) => (pathPrefix && p.startsWith(pathPrefix) ? p.slice(pathPrefix.length) : pathPrefix ? null : p);
  let positions: Map<string, Position>;
  if (pathPrefix) {
    positions = new Map();
    for (const [p, pos] of index.positions) {
      const s = strip(p);
      if (s) positions.set(s, pos);
    }
  } else {
    // strip() keeps every path as it is: copy all but the empty path.
    positions = new Map(index.positions);
    positions.delete('');
  }
  const { data, problems, unknownKeys, kept } = normaliseFields(raw);
  // List fields that lost invalid items: point new indexes at their original place.
  for (const [field, from] of Object.entries(kept)) {
    from.forEach((orig, i) => {
      const p = positions.get(`${field}.${orig}`);
      if (p) positions.set(`${field}.${i}`, p);
    });
  }
  for (const pr of problems) {
    const pos = positions.get(pr.path) ?? positions.get(pr.path.split('.')[0]!) ?? origin;
    findings.push(loaderFinding('invalid-field', 'error', `${pr.message}; the value is ignored`, pos, pr.path, 'Give the field the type README documents for it.'));
  }
  for (const key of unknownKeys) {
    findings.push(
      loaderFinding('unknown-field', 'info', `unknown field "${key}" is kept but not scored`, positions.get(key) ?? origin, key, 'Check the spelling against the canonical field names in README, or remove the field.'),
    );
  }
  for (const d of index.duplicates) {
    const s = strip(d.path);
    if (s === null) continue;
    findings.push(loaderFinding('duplicate-key', 'warning', `key "${s}" appears more than once; the last value is used`, d.pos, s, 'Remove the repeated key.'));
  }
  const blocks: TextBlock[] = [];
  for (const leaf of index.strings) {
    const s = strip(leaf.path);
    if (!s) continue;
    const dot = s.indexOf('.');
    const top = dot < 0 ? s : s.slice(0, dot);
    const block: TextBlock = { text: leaf.value, line: leaf.pos.line, column: leaf.pos.column, scope: unknownKeys.includes(top) ? 'other' : top, path: s, kind: 'field' };
    if (leaf.columns) block.columns = leaf.columns;
    blocks.push(block);
  }
  const merged: Record<string, unknown> = Object.assign({}, data);
  if (body) {
    // Body sections fill what front matter leaves out (one level deep for rubric/assessment).
    for (const [k, v] of Object.entries(body.fields)) {
      const cur = merged[k];
      if (cur === undefined) merged[k] = v;
      else if (typeof cur === 'object' && cur !== null && !Array.isArray(cur) && typeof v === 'object' && v !== null && !Array.isArray(v)) {
        merged[k] = { ...(v as object), ...(cur as object) };
      }
    }
    if (positions.size === 0) positions = body.positions;
    else {
      body.positions.forEach((pos, p) => {
        if (!positions.has(p)) positions.set(p, pos);
      });
    }
    // Where front matter set a field, the body's blocks do not fill it: drop their data paths
    // so they cannot be mistaken for the front-matter items. (Paths start with a field name,
    // never with a name an empty object inherits, so without front-matter data none is dropped.)
    const anyData = Object.keys(data).length > 0;
    for (const b of body.blocks) {
      if (anyData && b.path) {
        const dot = b.path.indexOf('.');
        if (data[(dot < 0 ? b.path : b.path.slice(0, dot)) as keyof Offering] !== undefined) delete b.path;
      }
      blocks.push(b);
    }
  }
  // Body-derived fields pass through the same validation as front matter (front-matter
  // values the body left alone are valid already).
  const final = body ? normaliseFields(merged, data).data : data;
  const doc: Doc = {
    file,
    source,
    data: final as Offering,
    blocks,
    sections: body?.sections ?? [],
    positions,
    origin,
    unknownKeys,
  };
  if (entryIndex !== undefined) doc.index = entryIndex;
  return { doc, findings };
}

function jsonError(text: string, e: Error): { message: string; pos?: Position } {
  const loc = locateJsonError(text);
  if (loc) return { message: `invalid JSON: ${loc.message}`, pos: positionAt(text, loc.offset) };
  return { message: `invalid JSON: ${e.message}` };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Entries of a JSON file: one offering, an array (catalog), or `{ offerings: [...] }`. */
export function loadJsonText(file: string, text: string): Entry[] {
  return [...jsonEntries(file, text)];
}

/**
 * `loadJsonText`, one entry at a time: a catalog's entries are built as they are asked for,
 * so that an audit can drop each one's document before it builds the next.
 */
export function* jsonEntries(file: string, text: string): Generator<Entry> {
  if (text.trim() === '') return yield invalid(file, 'file is empty');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    if (isStackOverflow(e)) return yield invalid(file, `JSON is ${TOO_DEEP}`, { line: 1, column: 1 });
    const je = jsonError(text, e as Error);
    return yield invalid(file, je.message, je.pos);
  }
  const safely = (make: () => PositionIndex): PositionIndex => {
    try {
      return make();
    } catch {
      return { positions: new Map(), strings: [], duplicates: [] };
    }
  };
  let list: unknown[] | null = null;
  let prefix: '' | 'offerings.' = '';
  if (Array.isArray(value)) list = value;
  else if (isRecord(value) && Array.isArray(value.offerings)) {
    list = value.offerings;
    prefix = 'offerings.';
  }
  if (list === null) {
    if (!isRecord(value)) return yield invalid(file, 'expected an offering object, an array of offerings, or { "offerings": [...] }', { line: 1, column: 1 });
    if (nestedDeeperThan(value)) return yield invalid(file, `JSON is ${TOO_DEEP}`, { line: 1, column: 1 });
    return yield jsonEntry(file, text, value, safely(() => indexJson(text)), '', { line: 1, column: 1 });
  }
  if (list.length === 0) return yield invalid(file, 'catalog holds no offerings', safely(() => indexJson(text)).positions.get(prefix.slice(0, -1)) ?? { line: 1, column: 1 });
  // Each entry is indexed alone, from where it starts, as it is built: the whole file's index
  // (a position for every value) held 320 MB for a 55 MB catalog. When the starts cannot be
  // found (never, for text JSON.parse took), the whole file is indexed and split by entry.
  const repeats: Position[] = [];
  const starts = catalogEntryStarts(text, prefix, repeats);
  // The lists of earlier "offerings" keys are not read (JSON.parse keeps the last): said on the first offering.
  let repeated = repeats.length > 0;
  const whole = starts?.length === list.length ? null : safely(() => indexJson(text));
  const parts = whole && splitIndex(whole, prefix, list.length);
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    const base = `${prefix}${i}`;
    const start = starts?.[i];
    const origin = (whole ? whole.positions.get(base) : start && { line: start.line, column: start.offset - start.lineStart + 1 }) ?? { line: 1, column: 1 };
    if (!isRecord(item)) yield invalid(file, `entry ${i} is not an offering object`, origin, i);
    else if (nestedDeeperThan(item)) yield invalid(file, `entry ${i} is ${TOO_DEEP}`, origin, i);
    else {
      const entry = jsonEntry(file, text, item, parts ? parts[i]! : safely(() => indexJsonValue(text, start!, base, prefix === '' ? 1 : 2)), base + '.', origin, i);
      if (repeated && entry.kind === 'offering') {
        repeated = false;
        for (const pos of repeats) {
          entry.findings.push(loaderFinding('duplicate-key', 'warning', 'key "offerings" appears more than once in this file; only the last list is read, so the offerings of the others are not audited', pos, null, 'Merge the lists into one "offerings" array.'));
        }
      }
      yield entry;
    }
  }
}

/** One JSON object: an Open Badges document (mapped onto the canonical fields) or a native offering. */
function jsonEntry(file: string, text: string, value: Record<string, unknown>, index: PositionIndex, prefix: string, origin: Position, entryIndex?: number): Entry {
  const kind = badgeKind(value);
  if (kind === 'unknown') {
    const t = JSON.stringify(value.type ?? null).slice(0, 80);
    return invalid(
      file,
      `a JSON-LD document of type ${t} is neither an offering nor an Open Badges BadgeClass, Achievement, OpenBadgeCredential or AchievementCredential`,
      index.positions.get(prefix + 'type') ?? origin,
      entryIndex,
    );
  }
  if (kind === null) {
    const { doc, findings } = buildDoc(file, 'json', value, index, prefix, origin, null, entryIndex);
    return { kind: 'offering', doc, findings };
  }
  const m = mapBadge(text, value, kind, index, prefix);
  const { doc, findings } = buildDoc(file, 'openbadges', m.raw, m.index, '', m.origin, m.body, entryIndex);
  doc.sourcePaths = m.sourcePaths;
  // Duplicate keys anywhere in this document, by their JSON path.
  for (const d of index.duplicates) {
    if (!d.path.startsWith(prefix)) continue;
    findings.push(loaderFinding('duplicate-key', 'warning', `key "${d.path}" appears more than once; the last value is used`, d.pos, d.path, 'Remove the repeated key.'));
  }
  // Loader findings name canonical paths; report them by their JSON path.
  for (const f of findings) if (f.path && m.sourcePaths.has(f.path)) f.path = m.sourcePaths.get(f.path)!;
  return { kind: 'offering', doc, findings: [...m.findings, ...findings] };
}

const FM_OPEN = /^---[ \t]*(?:([A-Za-z][A-Za-z0-9_+-]*)[ \t]*)?$/;
const FM_CLOSE = /^(?:---|\.\.\.)[ \t]*$/;

/** Parse JSON front matter text (`---json`); its line 1 is the opening line, file line 1. */
function parseJsonFrontMatter(src: string): Raw {
  let data: unknown;
  try {
    data = JSON.parse(src) as unknown;
  } catch (e) {
    if (isStackOverflow(e)) throw new FrontMatterError(`JSON front matter is ${TOO_DEEP}`, { line: 2, column: 1 });
    const je = jsonError(src, e as Error);
    throw new FrontMatterError(`invalid JSON front matter: ${je.message.replace(/^invalid JSON: /, '')}`, je.pos);
  }
  if (!isRecord(data)) throw new FrontMatterError('JSON front matter must be an object', { line: 2, column: 1 });
  if (nestedDeeperThan(data)) throw new FrontMatterError(`JSON front matter is ${TOO_DEEP}`, { line: 2, column: 1 });
  return { data, index: indexJson(src) };
}

/** A line that is a `#` comment with some text (gray-matter's test, line by line). */
const COMMENT_LINE = /^\s*#[^\n]/;

/**
 * Whether `text` holds nothing but blank lines and `#` comment lines: what gray-matter
 * tested with `text.replace(/^\s*#[^\n]+/gm, '').trim() === ''`, which takes quadratic time
 * on many blank lines (each line start scans all the blanks after it); this takes linear time.
 */
function onlyComments(text: string): boolean {
  for (const line of text.split('\n')) if (line.trim() !== '' && !COMMENT_LINE.test(line)) return false;
  return true;
}

/**
 * The front matter text to parse, as gray-matter 4 splits it (mcaudit read front matter
 * with gray-matter until it did the split itself; test/load/front-matter-split.test.ts
 * checks the two agree): from the end of the opening line (the language name after `---`
 * dropped) to the first later line that starts with `---`, which is at or before `close`.
 * Null when that text is empty or holds only `#` comment lines: no data, nothing to parse.
 * The language is `yaml` (also for `yml` and no name) or `json`, in any case.
 */
export function frontMatterBlock(text: string, lines: readonly string[], close: number): { language: 'yaml' | 'json'; text: string } | null {
  const name = lines[0]!.slice(3).trim().toLowerCase();
  // Without a language name the opening line's own blanks stay in (line 1 is file line 1 either way).
  const from = name ? lines[0]!.length : 3;
  let end = close; // offset of the closing line: the lines before it and their line breaks
  for (let i = 0; i < close; i++) end += lines[i]!.length;
  const at = text.indexOf('\n---', from);
  const body = text.slice(from, at >= 0 && at < end ? at : end - 1);
  if (onlyComments(body)) return null;
  return { language: name === 'json' ? 'json' : 'yaml', text: body };
}

/** Entries of a Markdown file: always one offering (or one invalid entry). */
export function loadMarkdownText(file: string, text: string): Entry[] {
  if (text.trim() === '') return [invalid(file, 'file is empty')];
  const lines = text.split('\n');
  if (/^\+\+\+[ \t]*$/.test(lines[0]!)) {
    return [invalid(file, 'front matter delimited by "+++" (TOML) is not read: write it as YAML between "---" lines, or JSON after "---json"', { line: 1, column: 1 })];
  }
  let raw: Raw = { data: {}, index: { positions: new Map(), strings: [], duplicates: [] } };
  let bodyStart = 0;
  const open = FM_OPEN.exec(lines[0]!);
  if (open) {
    const lang = (open[1] ?? '').toLowerCase();
    if (!ALLOWED_FM.has(lang)) {
      return [
        invalid(
          file,
          `front matter in "${open[1]}" is not read: only YAML and JSON front matter are allowed, and front matter is never run as code`,
          { line: 1, column: 4 },
        ),
      ];
    }
    let close = -1;
    for (let i = 1; i < lines.length; i++) {
      if (FM_CLOSE.test(lines[i]!)) {
        close = i;
        break;
      }
    }
    if (close < 0) return [invalid(file, 'front matter opened on line 1 is never closed; add a line "---" after it', { line: 1, column: 1 })];
    try {
      const block = frontMatterBlock(text, lines, close);
      if (block) raw = block.language === 'json' ? parseJsonFrontMatter(block.text) : parseYaml(block.text, 1);
    } catch (e) {
      if (e instanceof FrontMatterError) return [invalid(file, e.message, e.pos ?? { line: 1, column: 1 })];
      if (isStackOverflow(e)) return [invalid(file, `front matter is ${TOO_DEEP}`, { line: 1, column: 1 })];
      return [invalid(file, `front matter could not be read: ${(e as Error).message}`, { line: 1, column: 1 })];
    }
    bodyStart = close + 1;
  }
  const body = readBody(lines, bodyStart + 1, bodyStart);
  const { doc, findings } = buildDoc(file, 'markdown', raw.data, raw.index, '', { line: 1, column: 1 }, body);
  return [{ kind: 'offering', doc, findings }];
}

/**
 * Read and load one file. `file` is the display path (relative, forward slashes).
 * Reads synchronously: a catalog is read one small file after another (or by worker
 * threads), and a blocking read costs far less than a round trip through the thread pool.
 * `onBytes` sees the bytes read (the audit trail hashes them without a second read).
 */
export function loadFileSync(absPath: string, file: string, options: LoadOptions = {}, onBytes?: (buf: Buffer) => void): Entry[] {
  return [...fileEntriesSync(absPath, file, options, onBytes)];
}

/**
 * `loadFileSync`, reading the file at once (so `onBytes` has run on return) and building its
 * entries one at a time as they are asked for (a JSON catalog's; see jsonEntries).
 */
export function fileEntriesSync(absPath: string, file: string, options: LoadOptions = {}, onBytes?: (buf: Buffer) => void): Iterable<Entry> {
  const max = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  let buf: Buffer;
  try {
    const st = statSync(absPath);
    if (st.isDirectory()) return [invalid(file, 'is a directory, not a file')];
    // A FIFO, socket or device could block or never end: only regular files are read.
    if (!st.isFile()) return [invalid(file, 'is not a regular file (a pipe, socket or device); it is not read')];
    if (st.size > max) {
      const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
      return [invalid(file, `file is ${mb(st.size)}, over the ${mb(max)} limit; raise --max-file-size to read it`)];
    }
    buf = readFileSync(absPath);
    onBytes?.(buf);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOENT' ? 'file not found' : code === 'ELOOP' ? 'symbolic link loop' : (e as Error).message;
    return [invalid(file, `file could not be read: ${why}`)];
  }
  const dec = decode(buf);
  if ('error' in dec) return [invalid(file, dec.error, dec.pos)];
  return textEntries(file, dec.text);
}

/** `loadFileSync`, for callers that await. */
export async function loadFile(absPath: string, file: string, options: LoadOptions = {}): Promise<Entry[]> {
  return loadFileSync(absPath, file, options);
}

/** Load already-decoded text, choosing the reader by file extension. */
export function loadText(file: string, text: string): Entry[] {
  return [...textEntries(file, text)];
}

/** `loadText`, one entry at a time (a JSON catalog's entries are built as they are asked for). */
function* textEntries(file: string, text: string): Generator<Entry> {
  try {
    if (/\.json$/i.test(file)) yield* jsonEntries(file, text);
    else yield* loadMarkdownText(file, text);
  } catch (e) {
    // A backstop: nesting is checked before a document is built.
    if (isStackOverflow(e)) yield invalid(file, `document is ${TOO_DEEP}`);
    else throw e;
  }
}
