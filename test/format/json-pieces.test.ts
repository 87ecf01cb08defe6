import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeJsonText, jsonAt, offeringBytes, offeringJson, utf8Bytes, withTrailingFields } from '../../src/format/json.js';

/** What jsonAt is defined to return: the value's JSON, escaped, each later line indented by `pad`. */
const reference = (v: unknown, pad: string) => escapeJsonText(JSON.stringify(v, null, 2)).replace(/\n/g, `\n${pad}`);

describe('jsonAt (the streamed JSON path)', () => {
  it('indents a value as the whole-report JSON would, at every depth', () => {
    const v = { file: 'a.md', findings: [{ line: 1, quote: 'x' }], empty: [], none: {}, n: null, skip: undefined };
    for (const pad of ['', '  ', '    ', '      ']) expect(jsonAt(v, pad)).toBe(reference(v, pad));
    expect(offeringJson(v)).toBe(reference(v, '    '));
    // Embedded the way the report embeds it, it parses back to the value.
    expect(JSON.parse(`{\n  "offerings": [\n    ${offeringJson(v)}\n  ]\n}`).offerings[0]).toEqual(JSON.parse(JSON.stringify(v)));
  });

  it('escapes DEL, C1 controls, bidi overrides and line separators, and only those', () => {
    const v = { title: 'a\u007fb\u0085c\u202ed\u2028e', plain: 'Wait time — 3 s', ascii: 'x' };
    const s = offeringJson(v);
    expect(s).toBe(reference(v, '    '));
    expect(s).toContain('a\\u007fb\\u0085c\\u202ed\\u2028e');
    expect(s).toContain('Wait time — 3 s');
  });

  it('agrees with the reference on random JSON values (fixed seed)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.jsonValue({ stringUnit: 'binary' })), fc.constantFrom('', '  ', '    ', '      ', ' '), (v, pad) => {
        expect(jsonAt(v, pad)).toBe(reference(v, pad));
      }),
      { seed: 20261123, numRuns: 500 },
    );
  });
});

describe('offeringBytes', () => {
  /** Characters on each side of every range escapeJsonText escapes, and common safe ones. */
  const EDGES = ['a', '"', '\\', '\n', '\u007e', '\u007f', '\u0080', '\u009f', '\u00a0', '\u00c2', '\u200d', '\u200e', '\u200f', '\u2010', '\u2027', '\u2028', '\u202e', '\u202f', '\u2065', '\u2066', '\u2069', '\u206a', '—', '…', '’', '😀'];

  it('is the UTF-8 of offeringJson, for text with and without characters to escape (fixed seed)', () => {
    const text = fc.array(fc.constantFrom(...EDGES), { maxLength: 12 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(fc.record({ title: text, quote: fc.oneof(text, fc.string({ unit: 'binary' })), n: fc.integer() }), (o) => {
        expect(Buffer.from(offeringBytes(o)).equals(Buffer.from(new TextEncoder().encode(offeringJson(o))))).toBe(true);
      }),
      { seed: 20261123, numRuns: 1000 },
    );
  });
});

describe('withTrailingFields', () => {
  it('gives the bytes of the offering rendered with the fields, for random offerings and fields (fixed seed)', () => {
    const key = fc.string({ minLength: 1 }).filter((k) => k !== '__proto__');
    fc.assert(
      fc.property(fc.dictionary(key, fc.jsonValue({ stringUnit: 'binary' }), { minKeys: 1 }), fc.jsonValue({ stringUnit: 'binary' }), fc.integer(), (o, dups, group) => {
        const fields = { duplicates: dups, duplicateGroup: group };
        const rest = Object.fromEntries(Object.entries(o).filter(([k]) => !(k in fields)));
        fc.pre(Object.keys(rest).length > 0);
        const got = withTrailingFields(offeringBytes(rest), fields);
        expect(got.toString('utf8')).toBe(offeringJson({ ...rest, ...fields }));
      }),
      { seed: 20261123, numRuns: 300 },
    );
  });

  it('leaves out undefined fields, and refuses bytes that do not end as an offering', () => {
    expect(withTrailingFields(offeringBytes({ a: 1 }), { b: undefined, c: 'x' }).toString('utf8')).toBe(offeringJson({ a: 1, c: 'x' }));
    expect(() => withTrailingFields(utf8Bytes('[1]'), { c: 1 })).toThrow(/not a rendered offering/);
    expect(() => withTrailingFields(utf8Bytes('{}'), { c: 1 })).toThrow(/not a rendered offering/);
  });
});

describe('utf8Bytes', () => {
  it('gives the UTF-8 bytes in an ArrayBuffer of their own, for ASCII and other text', () => {
    for (const s of ['', 'plain ascii', 'naïve — ✓ 😀', '\u007f\u0085']) {
      const b = utf8Bytes(s);
      expect(Array.from(b)).toEqual(Array.from(new TextEncoder().encode(s)));
      expect(b.byteOffset).toBe(0);
      expect(b.buffer.byteLength).toBe(b.byteLength);
    }
  });
});
