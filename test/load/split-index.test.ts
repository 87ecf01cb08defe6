/**
 * splitIndex: a catalog file's position index, split by entry, gives each entry what a scan
 * of the whole index for its paths gives (what loading each entry did before, once per entry).
 */
import { describe, expect, it } from 'vitest';
import { indexJson, splitIndex, type PositionIndex } from '../../src/load/positions.js';
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
