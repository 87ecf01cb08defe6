/**
 * A catalog file's entries, each indexed alone: catalogEntryStarts finds where each entry
 * starts, and indexJsonValue indexes it from there, giving what a scan of the whole file's
 * index for its paths gives (what loading each entry did before). splitIndex, the fallback,
 * splits the whole index by entry.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catalogEntryStarts, indexJson, indexJsonValue, splitIndex, type PositionIndex } from '../../src/load/positions.js';
import { loadJsonText } from '../../src/load/file.js';

/** The reference: the entry's own path and every path under it, by scanning everything. */
function scan(index: PositionIndex, base: string): PositionIndex {
  const mine = (p: string) => p === base || p.startsWith(`${base}.`);
  return {
    positions: new Map([...index.positions].filter(([p]) => mine(p))),
    strings: index.strings.filter((l) => mine(l.path)),
    duplicates: index.duplicates.filter((d) => mine(d.path)),
  };
}

describe('splitIndex', () => {
  const entry = (i: number) => ({ title: `T${i}`, competency: `C ${i}`, tags: [`a${i}`, 'b'], rubric: { levels: [{ name: 'x', text: 'y' }] }, 'dotted.key': i });
  const catalogs: [string, string][] = [
    ['a bare array', JSON.stringify(Array.from({ length: 12 }, (_, i) => entry(i)), null, 2)],
    ['an offerings object with other keys and duplicates', `{"name":"c","offerings":[${Array.from({ length: 12 }, (_, i) => `{"title":"T${i}","title":"again","tags":["x"]}`).join(',')}],"offerings.3.title":"a top-level key that looks like a path"}`],
  ];

  it.each(catalogs)('gives each entry of %s exactly its paths, in order', (_, text) => {
    const index = indexJson(text);
    const prefix = text.trimStart().startsWith('[') ? '' : 'offerings.';
    const parts = splitIndex(index, prefix, 12);
    parts.forEach((part, i) => {
      const ref = scan(index, `${prefix}${i}`);
      expect([...part.positions], `entry ${i}`).toEqual([...ref.positions]);
      expect(part.strings).toEqual(ref.strings);
      expect(part.duplicates).toEqual(ref.duplicates);
    });
    expect(parts[3]!.strings.length).toBeGreaterThan(0);
  });

  it.each(catalogs)('indexes each entry of %s alone as the whole index gives it', (_, text) => {
    const index = indexJson(text);
    const prefix = text.trimStart().startsWith('[') ? '' : 'offerings.';
    const starts = catalogEntryStarts(text, prefix)!;
    expect(starts).toHaveLength(12);
    starts.forEach((start, i) => {
      const base = `${prefix}${i}`;
      const ref = scan(index, base);
      // The top-level key "offerings.3.title" is not part of entry 3, though its path says so
      // (it comes after the list, so the position of that path is entry 3's own title's).
      if (base === 'offerings.3') ref.strings = ref.strings.filter((l) => l.value !== 'a top-level key that looks like a path');
      const alone = indexJsonValue(text, start, base, prefix === '' ? 1 : 2);
      expect([...alone.positions], `entry ${i}`).toEqual([...ref.positions]);
      expect(alone.strings).toEqual(ref.strings);
      expect(alone.duplicates).toEqual(ref.duplicates);
    });
  });

  it('finds every entry of random catalogs, in any layout, and indexes each as the whole index does (fixed seed)', () => {
    const scalar = fc.oneof(fc.string({ unit: 'grapheme' }), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null));
    const value = fc.letrec((tie) => ({
      v: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('v'), { maxLength: 4 }), fc.dictionary(fc.string({ unit: 'grapheme', maxLength: 6 }), tie('v'), { maxKeys: 4 })),
    })).v;
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 8 }), fc.boolean(), fc.constantFrom(0, 1, 2, '\t', ' \r\n  '), (entries, wrapped, indent) => {
        const text = JSON.stringify(wrapped ? { before: { offerings: [1] }, offerings: entries, after: 'x' } : entries, null, indent);
        const prefix = wrapped ? 'offerings.' : '';
        const index = indexJson(text);
        const starts = catalogEntryStarts(text, prefix);
        expect(starts).toHaveLength(entries.length);
        starts!.forEach((start, i) => {
          const base = `${prefix}${i}`;
          // The entry's text starts there, and is the entry.
          const pos = index.positions.get(base)!;
          expect({ line: start.line, column: start.offset - start.lineStart + 1 }).toEqual(pos);
          expect(text.split('\n')[start.line - 1]!.slice(pos.column - 1)).toBe(text.slice(start.offset).split('\n')[0]);
          const ref = scan(index, base);
          const alone = indexJsonValue(text, start, base, prefix === '' ? 1 : 2);
          expect([...alone.positions]).toEqual([...ref.positions]);
          expect(alone.strings).toEqual(ref.strings);
          expect(alone.duplicates).toEqual(ref.duplicates);
        });
      }),
      { seed: 20261123, numRuns: 300 },
    );
  });

  it('takes the entries of the last "offerings" key, as JSON.parse does, with their own lines', () => {
    const text = '{\n"offerings": [{"title": "old"}],\n"offerings": [\n  {"title": "A", "competency": "c"},\n  {"title": "B", "competency": "c"}\n]\n}';
    const starts = catalogEntryStarts(text, 'offerings.')!;
    expect(starts.map((s) => s.line)).toEqual([4, 5]);
    const entries = loadJsonText('cat.json', text);
    expect(entries.map((e) => (e.kind === 'offering' ? e.doc.blocks.find((b) => b.path === 'title')!.line : null))).toEqual([4, 5]);
    // The dropped list is said once, on the first offering, at the repeated key.
    const said = entries.map((e) => (e.kind === 'offering' ? e.findings.filter((f) => f.ruleId === 'duplicate-key').map((f) => [f.line, f.column, f.message]) : []));
    expect(said).toEqual([[[3, 1, 'key "offerings" appears more than once in this file; only the last list is read, so the offerings of the others are not audited']], []]);
    const repeats: { line: number; column: number }[] = [];
    catalogEntryStarts('{"offerings": [], "x": {"offerings": []}, "offerings": [1], "offerings": [2]}', 'offerings.', repeats);
    expect(repeats).toEqual([{ line: 1, column: 43 }, { line: 1, column: 61 }]);
    expect(catalogEntryStarts('{"offerings": {"a": 1}}', 'offerings.')).toBeNull();
    expect(catalogEntryStarts('{"x": [1, 2]}', 'offerings.')).toBeNull();
  });

  it('loads each entry of a catalog with its own positions, for blocks and findings', () => {
    const text = JSON.stringify({ offerings: Array.from({ length: 30 }, (_, i) => ({ ...entry(i), unknownThing: i, estimatedHours: i % 2 ? 'ten' : 10 })) }, null, 2);
    const entries = loadJsonText('cat.json', text);
    expect(entries).toHaveLength(30);
    entries.forEach((e, i) => {
      expect(e.kind).toBe('offering');
      if (e.kind !== 'offering') return;
      // The title block sits on the entry's own line in the file.
      const title = e.doc.blocks.find((b) => b.path === 'title')!;
      expect(text.split('\n')[title.line - 1]).toContain(`"title": "T${i}"`);
      const unknown = e.findings.find((f) => f.ruleId === 'unknown-field' && f.path === 'unknownThing')!;
      expect(text.split('\n')[unknown.line! - 1]).toContain('"unknownThing"');
    });
  });
});
