/**
 * Source positions for data paths in YAML front matter and JSON, so that a finding
 * about `assessment.calibration` can point at its line. Both walks are iterative and
 * stop indexing below a fixed depth, so hostile nesting costs linear time and no stack.
 */
import { isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import type { Position } from '../types.js';
import { MAX_DEPTH } from './limits.js';

/** Paths deeper than this are not indexed (canonical fields are at most 5 deep). */
const MAX_INDEX_DEPTH = 10;

export interface StringLeaf {
  path: string;
  value: string;
  pos: Position;
  /** Start column of each line of a literal block scalar (`|`), whose lines are file lines. */
  columns?: number[];
}

export interface PositionIndex {
  positions: Map<string, Position>;
  strings: StringLeaf[];
  /** Keys that appear twice in one mapping: path and position of the repeat. */
  duplicates: { path: string; pos: Position }[];
}

/**
 * Index a parsed YAML document. `lineOffset` is added to every line (front matter
 * starts below the opening delimiter).
 */
export function indexYaml(doc: Document, lc: LineCounter, lineOffset = 0, src = ''): PositionIndex {
  const positions = new Map<string, Position>();
  const strings: StringLeaf[] = [];
  const duplicates: PositionIndex['duplicates'] = [];
  const at = (offset: number): Position => {
    const p = lc.linePos(offset);
    return { line: p.line + lineOffset, column: p.col };
  };
  const stack: { node: unknown; path: string; depth: number }[] = [{ node: doc.contents, path: '', depth: 0 }];
  while (stack.length) {
    const { node, path, depth } = stack.pop()!;
    if (!node || depth > MAX_INDEX_DEPTH) continue;
    const n = node as Node;
    // Map values were placed by their key (below); sequence items by their own start.
    if (path && n.range && !positions.has(path)) positions.set(path, at(n.range[0]));
    if (isScalar(n)) {
      if (typeof n.value === 'string' && n.range) {
        const block = n.type === 'BLOCK_LITERAL' || n.type === 'BLOCK_FOLDED';
        const p = at(n.range[0]);
        let leaf: StringLeaf = { path, value: n.value, pos: n.type === 'PLAIN' ? p : { line: p.line, column: p.column + 1 } };
        if (block) {
          // Block content starts on the line after the indicator, at its indentation.
          const nl = src.indexOf('\n', n.range[0]);
          let start = nl < 0 ? n.range[0] : nl + 1;
          const lineStart = start;
          while (start < src.length && src[start] === ' ') start++;
          const indent = start - lineStart;
          leaf = { path, value: n.value, pos: at(start) };
          if (n.type === 'BLOCK_LITERAL') leaf.columns = n.value.split('\n').map(() => indent + 1);
        }
        strings.push(leaf);
      }
    } else if (isMap(n)) {
      const seen = new Set<string>();
      for (const item of n.items) {
        if (!isPair(item)) continue;
        const k = item.key;
        const keyName = isScalar(k) ? String(k.value) : String(k);
        const childPath = path ? `${path}.${keyName}` : keyName;
        if (seen.has(keyName)) {
          const kr = (k as Node | null)?.range;
          duplicates.push({ path: childPath, pos: kr ? at(kr[0]) : { line: lineOffset + 1, column: 1 } });
        }
        seen.add(keyName);
        // A scalar value is found where it is written; a mapping or list by its key's line.
        const kr = (k as Node | null)?.range;
        const v = item.value as Node | null;
        const where = isScalar(v) && v.range ? v.range[0] : kr ? kr[0] : undefined;
        if (where !== undefined && !positions.has(childPath)) positions.set(childPath, at(where));
        if (item.value) stack.push({ node: item.value, path: childPath, depth: depth + 1 });
      }
    } else if (isSeq(n)) {
      n.items.forEach((child, i) => stack.push({ node: child, path: path ? `${path}.${i}` : String(i), depth: depth + 1 }));
    }
  }
  return { positions, strings, duplicates };
}

/**
 * Index JSON text: the position of each value by path, string leaves, and duplicate keys.
 * Assumes `text` already parsed with JSON.parse (so it is well-formed).
 */
export function indexJson(text: string): PositionIndex {
  return indexJsonValue(text, { offset: 0, line: 1, lineStart: 0 }, '', 0);
}

/** The offset just past the JSON string whose opening quote is at `quote`. */
function stringEnd(text: string, quote: number): number {
  const n = text.length;
  let i = quote + 1;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 92) i += 2;
    else if (c === 34) break;
    else i++;
  }
  return i + 1;
}

/** Where a JSON value starts: its offset, its line, and the offset its line starts at. */
export interface JsonStart {
  offset: number;
  line: number;
  lineStart: number;
}

/**
 * Index the one JSON value that starts at `at` (or after white space there), as if it were at
 * path `base` and nesting depth `baseDepth` of a bigger document: what `indexJson` of the
 * whole text gives for `base` and the paths under it. Stops at the end of that value.
 */
export function indexJsonValue(text: string, at: JsonStart, base: string, baseDepth: number): PositionIndex {
  const positions = new Map<string, Position>();
  const strings: StringLeaf[] = [];
  const duplicates: PositionIndex['duplicates'] = [];
  let line = at.line;
  let lineStart = at.lineStart;
  // Container stack: path, kind, next array index, keys seen (objects), pending key.
  type Frame = { path: string; kind: 'obj' | 'arr'; index: number; keys: Set<string> | null; key: string | null };
  const stack: Frame[] = [];
  const pathFor = (f: Frame | undefined): string | null => {
    if (!f) return base;
    const k = f.kind === 'arr' ? String(f.index) : f.key;
    if (k === null) return null;
    return f.path ? `${f.path}.${k}` : k;
  };
  let i = at.offset;
  const n = text.length;
  const readString = (): string => {
    // i at opening quote; returns raw content (escapes decoded via JSON.parse)
    const start = i;
    i = stringEnd(text, i);
    return JSON.parse(text.slice(start, i)) as string;
  };
  // Set once the value at `at` has been read whole.
  let ended = false;
  while (i < n && !ended) {
    const c = text[i]!;
    if (c === '\n') {
      line++;
      lineStart = i + 1;
      i++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r' || c === ',' || c === ':') {
      i++;
      continue;
    }
    const top = stack[stack.length - 1];
    if (c === '}' || c === ']') {
      stack.pop();
      const parent = stack[stack.length - 1];
      if (parent) {
        if (parent.kind === 'arr') parent.index++;
        else parent.key = null;
      } else ended = true;
      i++;
      continue;
    }
    // Object key?
    if (top && top.kind === 'obj' && top.key === null && c === '"') {
      const keyPos = { line, column: i - lineStart + 1 };
      const key = readString();
      top.key = key;
      const p = top.path ? `${top.path}.${key}` : key;
      if (top.keys!.has(key)) duplicates.push({ path: p, pos: keyPos });
      top.keys!.add(key);
      continue;
    }
    // A value.
    const pos = { line, column: i - lineStart + 1 };
    const path = pathFor(top);
    const depth = baseDepth + stack.length;
    if (path !== null && path !== '' && depth <= MAX_INDEX_DEPTH && !positions.has(path)) positions.set(path, pos);
    if (c === '{' || c === '[') {
      stack.push({ path: path ?? '', kind: c === '{' ? 'obj' : 'arr', index: 0, keys: c === '{' ? new Set() : null, key: null });
      i++;
      continue;
    }
    if (c === '"') {
      const value = readString();
      if (path !== null && depth <= MAX_INDEX_DEPTH) strings.push({ path, value, pos: { line: pos.line, column: pos.column + 1 } });
    } else {
      // number, true, false, null
      while (i < n && !/[\s,\]}]/.test(text[i]!)) i++;
    }
    if (top) {
      if (top.kind === 'arr') top.index++;
      else top.key = null;
    } else ended = true;
  }
  return { positions, strings, duplicates };
}

/**
 * Where each entry of a JSON catalog starts: the items of the top-level array, or of the
 * top-level object's `offerings` array (`prefix` "offerings."; the last such key, as
 * JSON.parse keeps the last). One pass that decodes only the top-level object's keys, so a
 * catalog's entries can each be indexed alone (indexJsonValue) instead of the whole file at
 * once. Null when the text has no such list. Assumes `text` already parsed with JSON.parse.
 * The position of each `offerings` key after the first is pushed to `repeats`.
 */
export function catalogEntryStarts(text: string, prefix: '' | 'offerings.', repeats?: Position[]): JsonStart[] | null {
  const listDepth = prefix === '' ? 1 : 2;
  let line = 1;
  let lineStart = 0;
  let depth = 0;
  // In the top-level object: whether the next string is a key, and the last key read.
  let keyNext = false;
  let key: string | null = null;
  let recording: JsonStart[] | null = null;
  let found: JsonStart[] | null = null;
  let seen = false;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line++;
      lineStart = i + 1;
      i++;
      continue;
    }
    // White space, and the separators (a comma in the top-level object: a key is next).
    if (c === 32 || c === 9 || c === 13 || c === 58) {
      i++;
      continue;
    }
    if (c === 44) {
      if (depth === 1) keyNext = true;
      i++;
      continue;
    }
    // A value or a key starts here. Directly in the list being recorded: an entry.
    if (recording && depth === listDepth && c !== 93 && c !== 125) recording.push({ offset: i, line, lineStart });
    if (c === 34) {
      const start = i;
      i = stringEnd(text, i);
      if (depth === 1 && keyNext && prefix !== '') {
        key = JSON.parse(text.slice(start, i)) as string;
        keyNext = false;
        // A second "offerings" key: JSON.parse keeps the last list, and drops the others'.
        if (key === 'offerings') {
          if (seen) repeats?.push({ line, column: start - lineStart + 1 });
          seen = true;
        }
      }
      continue;
    }
    if (c === 123 || c === 91) {
      if (depth === 0 && c === 123) keyNext = true;
      // The list: the top-level array, or the array under the top-level key "offerings".
      if ((prefix === '' && depth === 0 && c === 91) || (prefix !== '' && depth === 1 && c === 91 && key === 'offerings')) recording = [];
      depth++;
      i++;
      continue;
    }
    if (c === 125 || c === 93) {
      depth--;
      if (recording && depth === listDepth - 1) {
        found = recording;
        recording = null;
      }
      i++;
      continue;
    }
    // number, true, false, null
    while (i < n) {
      const d = text.charCodeAt(i);
      if (d === 44 || d === 93 || d === 125 || d === 32 || d === 9 || d === 10 || d === 13) break;
      i++;
    }
  }
  return found;
}

/** Line and column (1-based) of a character offset in `text`. */
export function positionAt(text: string, offset: number): Position {
  let line = 1;
  let last = -1;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      last = i;
    }
  }
  return { line, column: end - last };
}

/**
 * Find the first syntax error in JSON text, for a message with a line and column
 * (Node's JSON.parse does not always say where). Iterative, linear time.
 */
export function locateJsonError(text: string): { offset: number; message: string } | null {
  let i = 0;
  const n = text.length;
  const ws = () => {
    while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const fail = (message: string) => ({ offset: Math.min(i, n), message });
  const show = () => (i >= n ? 'end of file' : `"${text[i]}"`);
  // Stack of containers: what we expect next inside each.
  type State = 'obj-key-or-end' | 'obj-key' | 'obj-colon' | 'obj-value' | 'obj-comma-or-end' | 'arr-value-or-end' | 'arr-value' | 'arr-comma-or-end';
  const stack: State[] = [];
  const value = (): { offset: number; message: string } | null => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      stack.push('obj-key-or-end');
      return null;
    }
    if (c === '[') {
      i++;
      stack.push('arr-value-or-end');
      return null;
    }
    if (c === '"') return str();
    const lit = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 400));
    if (lit) {
      i += lit[0].length;
      return null;
    }
    return fail(`unexpected ${show()} where a value was expected`);
  };
  const str = (): { offset: number; message: string } | null => {
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return null;
      }
      if (c === 92) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return fail('invalid \\u escape in string');
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else return fail('invalid escape in string');
        continue;
      }
      if (c < 32) return fail('control character or line break inside a string');
      i++;
    }
    return fail('string is not closed');
  };
  let err = value();
  if (err) return err;
  while (stack.length) {
    ws();
    const top = stack[stack.length - 1]!;
    const c = text[i];
    switch (top) {
      case 'obj-key-or-end':
      case 'obj-key':
        if (c === '}' && top === 'obj-key-or-end') {
          i++;
          stack.pop();
          break;
        }
        if (c !== '"') return fail(`unexpected ${show()} where a property name in double quotes was expected`);
        err = str();
        if (err) return err;
        stack[stack.length - 1] = 'obj-colon';
        break;
      case 'obj-colon':
        if (c !== ':') return fail(`expected ":" after the property name, found ${show()}`);
        i++;
        stack[stack.length - 1] = 'obj-value';
        break;
      case 'obj-value':
        stack[stack.length - 1] = 'obj-comma-or-end';
        err = value();
        if (err) return err;
        break;
      case 'obj-comma-or-end':
        if (c === ',') {
          i++;
          stack[stack.length - 1] = 'obj-key';
        } else if (c === '}') {
          i++;
          stack.pop();
        } else return fail(`expected "," or "}" after a property value, found ${show()}`);
        break;
      case 'arr-value-or-end':
      case 'arr-value':
        if (c === ']' && top === 'arr-value-or-end') {
          i++;
          stack.pop();
          break;
        }
        stack[stack.length - 1] = 'arr-comma-or-end';
        err = value();
        if (err) return err;
        break;
      case 'arr-comma-or-end':
        if (c === ',') {
          i++;
          stack[stack.length - 1] = 'arr-value';
        } else if (c === ']') {
          i++;
          stack.pop();
        } else return fail(`expected "," or "]" after an array element, found ${show()}`);
        break;
    }
  }
  ws();
  if (i < n) return fail(`unexpected ${show()} after the end of the JSON value`);
  return null;
}

/**
 * The source offset of the first YAML node nested deeper than `max` (mappings and
 * sequences), or null. Iterative, over the parsed document before it becomes data.
 */
export function yamlDeeperThan(root: unknown, max = MAX_DEPTH): number | null {
  const stack: { n: unknown; d: number }[] = [{ n: root, d: 0 }];
  while (stack.length) {
    const { n, d } = stack.pop()!;
    if (isMap(n) || isSeq(n)) {
      if (d + 1 > max) return (n as Node).range?.[0] ?? 0;
      for (const item of n.items) {
        if (isPair(item)) {
          stack.push({ n: item.key, d: d + 1 });
          stack.push({ n: item.value, d: d + 1 });
        } else stack.push({ n: item, d: d + 1 });
      }
    }
  }
  return null;
}

/**
 * A catalog's index split by entry: entry `i` gets the path `${prefix}${i}` and every path
 * under it, in the index's order. Loading each entry then reads its own part, not the whole
 * file's index (once per entry, that was quadratic in the catalog's size).
 */
export function splitIndex(index: PositionIndex, prefix: string, count: number): PositionIndex[] {
  const parts: PositionIndex[] = Array.from({ length: count }, () => ({ positions: new Map(), strings: [], duplicates: [] }));
  const partOf = (p: string): PositionIndex | undefined => {
    if (!p.startsWith(prefix)) return undefined;
    const dot = p.indexOf('.', prefix.length);
    const n = p.slice(prefix.length, dot < 0 ? p.length : dot);
    const i = Number(n);
    return String(i) === n ? parts[i] : undefined;
  };
  for (const [p, pos] of index.positions) partOf(p)?.positions.set(p, pos);
  for (const leaf of index.strings) partOf(leaf.path)?.strings.push(leaf);
  for (const d of index.duplicates) partOf(d.path)?.duplicates.push(d);
  return parts;
}
