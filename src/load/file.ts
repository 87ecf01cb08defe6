/**
 * Reads one input file into offering entries. Nothing here throws for bad input:
 * an unreadable, binary, empty or malformed file becomes an `invalid` entry with its
 * line and a plain message, and the run goes on. Front matter is never evaluated as
 * code: only YAML and JSON are read.
 */
import { readFile, stat } from 'node:fs/promises';
import matter from 'gray-matter';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { normaliseFields, type Offering } from '../model/offering.js';
import type { Doc, Finding, Position, TextBlock } from '../types.js';
import { readBody } from './markdown.js';
import { badgeKind, mapBadge } from './openbadges.js';
import { isStackOverflow, MAX_ALIASES, nestedDeeperThan, TOO_DEEP } from './limits.js';
import { indexJson, indexYaml, locateJsonError, positionAt, yamlDeeperThan, type PositionIndex } from './positions.js';

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

function invalid(file: string, message: string, pos?: Position, index?: number): Entry {
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

const refuseCode = () => {
  throw new FrontMatterError('front matter written as code is never run; write it as YAML or JSON');
};

/** Parse YAML front matter text; positions are offset so that line 1 of `src` is file line `firstLine`. */
function parseYaml(src: string, firstLine: number): Raw {
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
    body.positions.forEach((pos, p) => {
      if (!positions.has(p)) positions.set(p, pos);
    });
    // Where front matter set a field, the body's blocks do not fill it: drop their data paths
    // so they cannot be mistaken for the front-matter items.
    for (const b of body.blocks) {
      if (b.path) {
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
  if (text.trim() === '') return [invalid(file, 'file is empty')];
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    if (isStackOverflow(e)) return [invalid(file, `JSON is ${TOO_DEEP}`, { line: 1, column: 1 })];
    const je = jsonError(text, e as Error);
    return [invalid(file, je.message, je.pos)];
  }
  let index: PositionIndex;
  try {
    index = indexJson(text);
  } catch {
    index = { positions: new Map(), strings: [], duplicates: [] };
  }
  let list: unknown[] | null = null;
  let prefix = '';
  if (Array.isArray(value)) list = value;
  else if (isRecord(value) && Array.isArray(value.offerings)) {
    list = value.offerings;
    prefix = 'offerings.';
  }
  if (list === null) {
    if (!isRecord(value)) return [invalid(file, 'expected an offering object, an array of offerings, or { "offerings": [...] }', { line: 1, column: 1 })];
    if (nestedDeeperThan(value)) return [invalid(file, `JSON is ${TOO_DEEP}`, { line: 1, column: 1 })];
    return [jsonEntry(file, text, value, index, '', { line: 1, column: 1 })];
  }
  if (list.length === 0) return [invalid(file, 'catalog holds no offerings', index.positions.get(prefix.slice(0, -1)) ?? { line: 1, column: 1 })];
  return list.map((item, i) => {
    const base = `${prefix}${i}`;
    const origin = index.positions.get(base) ?? { line: 1, column: 1 };
    if (!isRecord(item)) return invalid(file, `entry ${i} is not an offering object`, origin, i);
    if (nestedDeeperThan(item)) return invalid(file, `entry ${i} is ${TOO_DEEP}`, origin, i);
    return jsonEntry(file, text, item, index, base + '.', origin, i);
  });
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

const FM_OPEN = /^---[ \t]*([A-Za-z][A-Za-z0-9_+-]*)?[ \t]*$/;
const FM_CLOSE = /^(?:---|\.\.\.)[ \t]*$/;

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
      let captured: Raw | null = null;
      // gray-matter splits only the block we found, so its idea of the closing line is ours.
      let end = close; // offset of the closing line: the lines before it and their line breaks
      for (let i = 0; i < close; i++) end += lines[i]!.length;
      const block = text.slice(0, end) + '---';
      matter(block, {
        language: 'yaml',
        engines: {
          yaml: (s: string) => {
            captured = parseYaml(s, 1);
            return captured.data;
          },
          json: (s: string) => {
            try {
              const data = JSON.parse(s) as unknown;
              if (!isRecord(data)) throw new FrontMatterError('JSON front matter must be an object', { line: 2, column: 1 });
              if (nestedDeeperThan(data)) throw new FrontMatterError(`JSON front matter is ${TOO_DEEP}`, { line: 2, column: 1 });
              // The block starts at the end of the opening line, so its line 1 is file line 1.
              captured = { data, index: indexJson(s) };
              return data;
            } catch (e) {
              if (e instanceof FrontMatterError) throw e;
              if (isStackOverflow(e)) throw new FrontMatterError(`JSON front matter is ${TOO_DEEP}`, { line: 2, column: 1 });
              const je = jsonError(s, e as Error);
              throw new FrontMatterError(`invalid JSON front matter: ${je.message.replace(/^invalid JSON: /, '')}`, je.pos);
            }
          },
          javascript: refuseCode,
          js: refuseCode,
          coffee: refuseCode,
          cson: refuseCode,
        },
      } as never);
      raw = captured ?? raw;
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

/** Read and load one file. `file` is the display path (relative, forward slashes). */
export async function loadFile(absPath: string, file: string, options: LoadOptions = {}): Promise<Entry[]> {
  const max = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  let buf: Buffer;
  try {
    const st = await stat(absPath);
    if (st.isDirectory()) return [invalid(file, 'is a directory, not a file')];
    // A FIFO, socket or device could block or never end: only regular files are read.
    if (!st.isFile()) return [invalid(file, 'is not a regular file (a pipe, socket or device); it is not read')];
    if (st.size > max) {
      const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
      return [invalid(file, `file is ${mb(st.size)}, over the ${mb(max)} limit; raise --max-file-size to read it`)];
    }
    buf = await readFile(absPath);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOENT' ? 'file not found' : code === 'ELOOP' ? 'symbolic link loop' : (e as Error).message;
    return [invalid(file, `file could not be read: ${why}`)];
  }
  const dec = decode(buf);
  if ('error' in dec) return [invalid(file, dec.error, dec.pos)];
  return loadText(file, dec.text);
}

/** Load already-decoded text, choosing the reader by file extension. */
export function loadText(file: string, text: string): Entry[] {
  try {
    return /\.json$/i.test(file) ? loadJsonText(file, text) : loadMarkdownText(file, text);
  } catch (e) {
    if (isStackOverflow(e)) return [invalid(file, `document is ${TOO_DEEP}`)];
    throw e;
  }
}
