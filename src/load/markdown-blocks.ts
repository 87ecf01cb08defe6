/**
 * A small, line-based Markdown block reader: headings (ATX and setext), paragraphs,
 * list items, pipe tables, block quotes. Code blocks and HTML comments are skipped.
 * It keeps the line and column of every block, which is what findings need, and runs
 * in linear time: every regular expression here is anchored and free of nested quantifiers.
 */

export interface MdBlock {
  type: 'heading' | 'paragraph' | 'item' | 'row';
  text: string;
  line: number;
  column: number;
  /** Start column of each further line of a multi-line block. */
  columns?: number[];
  /** Heading level 1-6. */
  level?: number;
  /** List nesting depth, 0 = top level. */
  depth?: number;
  /** Table cells of a row; `header` holds the header cells of its table. */
  cells?: string[];
  header?: string[];
}

const ATX = /^ {0,3}(#{1,6})(?:[ \t]+|$)/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const LIST = /^([ \t]*)([-*+]|\d{1,9}[.)])(?:[ \t]+|$)/;
const TABLE_SEP = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*(?:\|[ \t]*)?$/;
const THEMATIC = /^ {0,3}(?:(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const QUOTE = /^ {0,3}>[ \t]?/;

function indentWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += ch === '\t' ? 4 - (w % 4) : 1;
  return w;
}

function splitRow(line: string): string[] {
  let s = line.trim();
  if (s.startsWith('|')) s = s.slice(1);
  if (s.endsWith('|') && !s.endsWith('\\|')) s = s.slice(0, -1);
  const cells: string[] = [];
  // The cell so far is `cur` plus s[from, i): text is copied in runs, not by the character.
  let cur = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    if (ch === 92 && s.charCodeAt(i + 1) === 124) {
      // "\|" is a "|" inside the cell.
      cur += s.slice(from, i) + '|';
      i++;
      from = i + 1;
    } else if (ch === 124) {
      cells.push((cur + s.slice(from, i)).trim());
      cur = '';
      from = i + 1;
    }
  }
  cells.push((cur + s.slice(from)).trim());
  return cells;
}

function stripClosingHashes(s: string): string {
  let t = s.trimEnd();
  let end = t.length;
  while (end > 0 && t[end - 1] === '#') end--;
  if (end < t.length && (end === 0 || t[end - 1] === ' ' || t[end - 1] === '\t')) t = t.slice(0, end);
  return t.trim();
}

/**
 * Read Markdown `lines` (already split, no line terminators) into blocks.
 * `firstLine` is the file line number of `lines[start]`; lines before `start` are not read.
 */
export function readBlocks(lines: readonly string[], firstLine = 1, start = 0): MdBlock[] {
  // File line number of lines[i] is base + i.
  const base = firstLine - start;
  const blocks: MdBlock[] = [];
  let para: { lines: string[]; line: number; cols: number[] } | null = null;
  let item: MdBlock | null = null;
  let itemIndent = 0;
  let fence: string | null = null;
  let inComment = false;

  const flushPara = () => {
    if (para) {
      const text = para.lines.join('\n');
      const b: MdBlock = { type: 'paragraph', text, line: para.line, column: para.cols[0]! };
      if (para.cols.length > 1) b.columns = para.cols;
      blocks.push(b);
      para = null;
    }
  };
  const flushItem = () => {
    item = null;
  };

  for (let i = start; i < lines.length; i++) {
    const raw = lines[i]!;
    const lineNo = base + i;

    if (fence !== null) {
      const m = FENCE.exec(raw);
      if (m && m[1]![0] === fence[0] && m[1]!.length >= fence.length && raw.trim() === m[1]) fence = null;
      continue;
    }
    if (inComment) {
      if (raw.includes('-->')) inComment = false;
      continue;
    }
    const trimmed = raw.trim();
    // A line that starts with a letter opens no fence, heading, rule, list or quote.
    const c0 = raw.charCodeAt(0);
    const plain = (c0 >= 97 && c0 <= 122) || (c0 >= 65 && c0 <= 90);
    if (trimmed === '') {
      flushPara();
      // A blank line ends an item unless the next non-blank line is indented under it.
      if (item) {
        let j = i + 1;
        while (j < lines.length && lines[j]!.trim() === '') j++;
        if (j >= lines.length || indentWidth(/^[ \t]*/.exec(lines[j]!)![0]) < itemIndent) flushItem();
        i = j - 1; // the lines between are blank too
      }
      continue;
    }
    if (trimmed.startsWith('<!--')) {
      flushPara();
      if (!trimmed.includes('-->')) inComment = true;
      continue;
    }
    const fm = plain ? null : FENCE.exec(raw);
    if (fm) {
      flushPara();
      flushItem();
      fence = fm[1]!;
      continue;
    }
    const atx = plain ? null : ATX.exec(raw);
    if (atx) {
      flushPara();
      flushItem();
      const text = stripClosingHashes(raw.slice(atx[0].length));
      blocks.push({ type: 'heading', text, level: atx[1]!.length, line: lineNo, column: atx[0].length + 1 });
      continue;
    }
    // Setext heading: a one-line paragraph underlined with === or ---.
    const st = plain ? null : SETEXT.exec(raw);
    if (st && para !== null && (para as { lines: string[] }).lines.length === 1 && !item) {
      const p = para as { lines: string[]; line: number; cols: number[] };
      blocks.push({ type: 'heading', text: p.lines[0]!.trim(), level: st[1]![0] === '=' ? 1 : 2, line: p.line, column: p.cols[0]! });
      para = null;
      continue;
    }
    if ((!plain && THEMATIC.exec(raw)) || (st && st[1]![0] === '-' && para === null)) {
      flushPara();
      flushItem();
      continue;
    }
    // Pipe table: a row line followed by a separator line.
    if (raw.includes('|') && i + 1 < lines.length && TABLE_SEP.test(lines[i + 1]!) && lines[i + 1]!.includes('-')) {
      flushPara();
      flushItem();
      const header = splitRow(raw);
      i += 1;
      while (i + 1 < lines.length && lines[i + 1]!.includes('|') && lines[i + 1]!.trim() !== '') {
        i += 1;
        const cells = splitRow(lines[i]!);
        const col = raw.length - raw.trimStart().length + 1;
        blocks.push({ type: 'row', text: cells.join(' | '), cells, header, line: base + i, column: col });
      }
      continue;
    }
    const lm = plain ? null : LIST.exec(raw);
    if (lm) {
      flushPara();
      const indent = indentWidth(lm[1]!);
      const depth = Math.min(Math.floor(indent / 2), 8);
      item = { type: 'item', text: raw.slice(lm[0].length).trim(), line: lineNo, column: lm[0].length + 1, depth };
      itemIndent = indent + 1;
      blocks.push(item);
      continue;
    }
    const q = plain ? null : QUOTE.exec(raw);
    const content = q ? raw.slice(q[0].length) : raw;
    const col = (q ? q[0].length : 0) + (content.length - content.trimStart().length) + 1;
    if (item && !q && indentWidth(/^[ \t]*/.exec(raw)![0]) >= Math.min(itemIndent, 2)) {
      // Continuation of the current list item.
      const it = item as MdBlock;
      it.columns = it.columns ?? [it.column];
      it.columns.push(col);
      it.text += '\n' + content.trim();
      continue;
    }
    flushItem();
    if (para) {
      para.lines.push(content.trim());
      para.cols.push(col);
    } else para = { lines: [content.trim()], line: lineNo, cols: [col] };
  }
  flushPara();
  return blocks;
}

const INLINE_MARK = /[[*_`]/;

/** Like plainInline, but a link keeps its target: "[Rowe 1986](https://doi.org/x)" -> "Rowe 1986 (https://doi.org/x)". */
export function plainKeepUrls(s: string): string {
  if (!s.includes('[')) return plainInline(s);
  return plainInline(s.replace(/(!?)\[([^[\]\n]{0,300})\]\(\s{0,20}([^()[\]\s]{0,2000})(?:\s[^()[\]\n]{0,300})?\)/g, (_m, _bang: string, text: string, url: string) => (url && !text.includes(url) ? `${text} (${url})` : text)));
}

/** Remove inline Markdown emphasis and code markers from a short text (titles, labels). */
export function plainInline(s: string): string {
  // Without "[" there is no link, and without "*", "_" or "`" no marker: only the trim is left.
  if (!INLINE_MARK.test(s)) return s.trim();
  return s
    .replace(/!?\[([^[\]\n]{0,300})\]\([^()[\]\n]{0,2000}\)/g, '$1')
    .replace(/[*_`]{1,3}/g, '')
    .trim();
}
