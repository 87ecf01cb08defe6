/**
 * A small strict XML 1.0 reader for tests: one root element, matching end tags,
 * double- or single-quoted attributes without `<`, no raw `&` or `<` in text, only the five
 * predefined entities and character references, no character XML forbids. Comments,
 * CDATA and DOCTYPE are not supported (our output has none): they are errors.
 */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: (XmlElement | string)[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function allowed(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

function isNameChar(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c === '-' || c === '_' || c === '.' || c === ':';
}

export function parseXml(src: string): XmlElement {
  // Every character must be one XML 1.0 allows (this also rejects lone surrogates).
  for (const ch of src) {
    if (!allowed(ch.codePointAt(0)!) || (ch.length === 1 && ch >= '\uD800' && ch <= '\uDFFF')) throw new Error(`forbidden character U+${ch.codePointAt(0)!.toString(16)}`);
  }
  let i = 0;
  const fail = (msg: string): never => {
    throw new Error(`${msg} at offset ${i}`);
  };
  const ws = (): void => {
    while (i < src.length && ' \t\r\n'.includes(src[i]!)) i++;
  };
  const expect = (s: string): void => {
    if (!src.startsWith(s, i)) fail(`expected ${JSON.stringify(s)}`);
    i += s.length;
  };
  const name = (): string => {
    const start = i;
    while (i < src.length && isNameChar(src[i]!)) i++;
    if (i === start) fail('expected a name');
    return src.slice(start, i);
  };
  const decode = (raw: string): string => {
    let out = '';
    for (let j = 0; j < raw.length; j++) {
      const c = raw[j]!;
      if (c === '<') fail('raw < in text or attribute');
      if (c !== '&') {
        out += c;
        continue;
      }
      const end = raw.indexOf(';', j);
      if (end < 0) fail('unterminated entity');
      const ent = raw.slice(j + 1, end);
      if (ent.startsWith('#x')) out += String.fromCodePoint(parseInt(ent.slice(2), 16));
      else if (ent.startsWith('#')) out += String.fromCodePoint(parseInt(ent.slice(1), 10));
      else if (ENTITIES[ent] !== undefined) out += ENTITIES[ent];
      else fail(`unknown entity &${ent};`);
      j = end;
    }
    return out;
  };
  const element = (): XmlElement => {
    expect('<');
    const el: XmlElement = { name: name(), attrs: {}, children: [] };
    for (;;) {
      const before = i;
      ws();
      if (src.startsWith('/>', i)) {
        i += 2;
        return el;
      }
      if (src[i] === '>') {
        i++;
        break;
      }
      if (i === before) fail('expected whitespace before an attribute');
      const key = name();
      expect('=');
      const q = src[i];
      if (q !== '"' && q !== "'") fail('attribute value must be quoted');
      const end = src.indexOf(q!, i + 1);
      if (end < 0) fail('unterminated attribute');
      if (key in el.attrs) fail(`duplicate attribute ${key}`);
      el.attrs[key] = decode(src.slice(i + 1, end));
      i = end + 1;
    }
    for (;;) {
      if (i >= src.length) fail(`unclosed <${el.name}>`);
      if (src.startsWith('</', i)) {
        i += 2;
        if (name() !== el.name) fail(`mismatched end tag for <${el.name}>`);
        ws();
        expect('>');
        return el;
      }
      if (src[i] === '<') {
        if (src.startsWith('<!', i) || src.startsWith('<?', i)) fail('comments, CDATA and processing instructions are not supported');
        el.children.push(element());
        continue;
      }
      const next = src.indexOf('<', i);
      const raw = src.slice(i, next < 0 ? src.length : next);
      i += raw.length;
      const text = decode(raw);
      if (el.children.length && typeof el.children[el.children.length - 1] === 'string') el.children[el.children.length - 1] += text;
      else if (text.trim() !== '' || el.children.length === 0) el.children.push(text);
    }
  };

  if (src.startsWith('<?xml', i)) {
    const end = src.indexOf('?>', i);
    if (end < 0) fail('unterminated XML declaration');
    i = end + 2;
  }
  ws();
  const root = element();
  ws();
  if (i !== src.length) fail('content after the root element');
  strip(root);
  return root;
}

/** Drop whitespace-only text between elements (indentation). */
function strip(e: XmlElement): void {
  if (e.children.some((c) => typeof c !== 'string')) e.children = e.children.filter((c) => typeof c !== 'string' || c.trim() !== '');
  else if (e.children.length === 1 && e.children[0] === '') e.children = [];
  for (const c of e.children) if (typeof c !== 'string') strip(c);
}
