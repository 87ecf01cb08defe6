import { chmodSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFile, loadText, type Entry } from '../../src/load/file.js';

const GOOD = '---\ntitle: Wait Time\n---\n## Competency\nEducator uses wait time after questions.\n';

function only(entries: Entry[]): Entry {
  expect(entries).toHaveLength(1);
  return entries[0]!;
}
function invalid(entries: Entry[]) {
  const e = only(entries);
  if (e.kind !== 'invalid') throw new Error(`expected invalid, got ${JSON.stringify(e)}`);
  return e;
}
function offering(entries: Entry[]) {
  const e = only(entries);
  if (e.kind !== 'offering') throw new Error(`expected offering, got ${JSON.stringify(e)}`);
  return e;
}

describe('Markdown with front matter', () => {
  it('reads front matter and body together; body fills what front matter leaves out', () => {
    const e = offering(loadText('a.md', GOOD));
    expect(e.doc.data.title).toBe('Wait Time');
    expect(e.doc.data.competency).toBe('Educator uses wait time after questions.');
    expect(e.doc.positions.get('title')).toEqual({ line: 2, column: 8 });
    expect(e.doc.positions.get('competency')).toEqual({ line: 5, column: 1 });
  });

  it('points an object-valued key at its own line', () => {
    const e = offering(loadText('a.md', '---\ntitle: T\nprovider:\n  name: X\n---\n'));
    expect(e.doc.positions.get('provider')).toEqual({ line: 3, column: 1 });
    expect(e.doc.positions.get('provider.name')).toEqual({ line: 4, column: 9 });
  });

  it('places the text of YAML block scalars where it is written', () => {
    const e = offering(loadText('a.md', '---\ncompetency: |\n  Educator explores\n  restorative practices.\n---\n'));
    const b = e.doc.blocks.find((x) => x.path === 'competency')!;
    expect([b.line, b.column, b.columns]).toEqual([3, 3, [3, 3, 3]]);
    const f = offering(loadText('a.md', '---\ncompetency: >\n    Educator explores\n    practices.\n---\n')).doc.blocks.find((x) => x.path === 'competency')!;
    expect([f.line, f.column]).toEqual([3, 5]);
  });

  it('front matter wins over the body', () => {
    const e = offering(loadText('a.md', '---\ncompetency: Educator models think-alouds.\n---\n## Competency\nSomething else.\n'));
    expect(e.doc.data.competency).toBe('Educator models think-alouds.');
  });

  it.each(['js', 'javascript', 'coffee', 'JS'])('refuses ---%s front matter and never runs it', (lang) => {
    (globalThis as Record<string, unknown>).__mcauditPwned = false;
    const e = invalid(loadText('evil.md', `---${lang}\n{ title: (globalThis.__mcauditPwned = true, "x") }\n---\nbody\n`));
    expect(e.finding.message).toMatch(/only YAML and JSON front matter/);
    expect(e.finding.line).toBe(1);
    expect((globalThis as Record<string, unknown>).__mcauditPwned).toBe(false);
  });

  it('reads ---json front matter', () => {
    const e = offering(loadText('a.md', '---json\n{\n  "title": "J",\n  "version": 2\n}\n---\nbody\n'));
    expect(e.doc.data.title).toBe('J');
    expect(e.doc.data.version).toBe('2');
    expect(e.doc.positions.get('version')).toEqual({ line: 4, column: 14 });
  });

  it('reports invalid YAML with its file line', () => {
    const e = invalid(loadText('a.md', '---\ntitle: ok\nbad: [unclosed\n---\nbody\n'));
    expect(e.finding.message).toMatch(/^invalid YAML front matter/);
    expect(e.finding.line).toBeGreaterThanOrEqual(3);
  });

  it('reports unterminated front matter', () => {
    const e = invalid(loadText('a.md', '---\ntitle: ok\n\n# Heading\n'));
    expect(e.finding.message).toMatch(/never closed/);
    expect(e.finding.line).toBe(1);
  });

  it('reports a wrong field type as a finding on its line, and keeps the offering', () => {
    const e = offering(loadText('a.md', '---\ntitle: ok\nresearch:\n  - Rowe (1986)\n  - 42\nassessment: yes please\n---\nbody\n'));
    const f = e.findings.filter((x) => x.ruleId === 'invalid-field');
    expect(f.map((x) => [x.path, x.line])).toEqual([
      ['research.1', 5],
      ['assessment', 6],
    ]);
    expect(e.doc.data.research).toEqual(['Rowe (1986)']);
    expect(e.doc.data.assessment).toBeUndefined();
  });

  it('gives body blocks no data path for a field front matter already sets', () => {
    const e = offering(loadText('a.md', '---\nresources:\n  - A guide https://a.org\n---\n## Resources\n- Body item\n'));
    expect(e.doc.data.resources).toEqual(['A guide https://a.org']);
    expect(e.doc.blocks.find((b) => b.text === 'Body item')?.path).toBeUndefined();
    expect(e.doc.blocks.find((b) => b.text === 'A guide https://a.org')?.path).toBe('resources.0');
  });

  it('keeps unknown keys and reports them as info', () => {
    const e = offering(loadText('a.md', '---\ntitle: ok\ncolour: blue\n---\n'));
    expect(e.doc.unknownKeys).toEqual(['colour']);
    expect(e.findings).toContainEqual(expect.objectContaining({ ruleId: 'unknown-field', severity: 'info', line: 3, path: 'colour' }));
  });

  it('treats __proto__ and constructor keys as harmless data', () => {
    const e = offering(loadText('a.md', '---\n__proto__:\n  polluted: true\nconstructor: x\ntitle: ok\n---\n'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(e.doc.data.title).toBe('ok');
    expect(e.doc.unknownKeys).toEqual(expect.arrayContaining(['__proto__', 'constructor']));
  });

  it('reports duplicate keys', () => {
    const e = offering(loadText('a.md', '---\ntitle: one\ntitle: two\n---\n'));
    expect(e.findings).toContainEqual(expect.objectContaining({ ruleId: 'duplicate-key', line: 3 }));
  });

  it('refuses alias bombs (billion laughs)', () => {
    const lol = ['---', 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    const names = 'bcdefghij';
    for (let i = 0; i < names.length; i++) {
      const prev = i === 0 ? 'a' : names[i - 1];
      lol.push(`${names[i]}: &${names[i]} [*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev}]`);
    }
    lol.push('---', 'body');
    const e = invalid(loadText('lol.md', lol.join('\n')));
    expect(e.finding.message).toMatch(/aliases/);
  });

  it('reads a body-only document and a front-matter-only document', () => {
    expect(offering(loadText('a.md', '## Competency\nEducator uses wait time.\n')).doc.data.competency).toBe('Educator uses wait time.');
    expect(offering(loadText('a.md', '---\ncompetency: Educator uses wait time.\n---\n')).doc.data.competency).toBe('Educator uses wait time.');
  });

  it('reports an empty file', () => {
    expect(invalid(loadText('a.md', '')).finding.message).toBe('file is empty');
    expect(invalid(loadText('a.md', '  \n\n')).finding.message).toBe('file is empty');
  });
});

describe('JSON', () => {
  it('reads one offering with positions', () => {
    const e = offering(loadText('a.json', '{\n  "title": "T",\n  "competency": "Educator uses wait time."\n}'));
    expect(e.doc.data.title).toBe('T');
    expect(e.doc.positions.get('competency')).toEqual({ line: 3, column: 17 });
  });

  it('reads a catalog array and { offerings: [...] }, reporting each offering with its index', () => {
    const arr = loadText('c.json', JSON.stringify([{ title: 'A' }, { title: 'B' }]));
    expect(arr.map((e) => e.kind === 'offering' && [e.doc.index, e.doc.data.title])).toEqual([
      [0, 'A'],
      [1, 'B'],
    ]);
    const obj = loadText('c.json', JSON.stringify({ offerings: [{ title: 'A' }] }, null, 2));
    expect(obj.map((e) => e.kind === 'offering' && [e.doc.index, e.doc.data.title, e.doc.origin.line])).toEqual([[0, 'A', 3]]);
  });

  it('keeps a catalog going past one broken entry', () => {
    const list = Array.from({ length: 50 }, (_, i) => ({ title: `T${i}` }));
    (list as unknown[])[17] = 'not an offering';
    (list[30] as Record<string, unknown>).research = 12;
    const entries = loadText('c.json', JSON.stringify(list, null, 2));
    expect(entries).toHaveLength(50);
    expect(entries.filter((e) => e.kind === 'invalid').map((e) => e.kind === 'invalid' && [e.index, e.finding.message])).toEqual([[17, 'entry 17 is not an offering object']]);
    const e30 = entries[30]!;
    expect(e30.kind === 'offering' && e30.findings.map((f) => [f.ruleId, f.path])).toEqual([['invalid-field', 'research']]);
  });

  it('reports invalid JSON with a line and column', () => {
    const e = invalid(loadText('a.json', '{\n  "title": "T",\n  "x": ,\n}'));
    expect(e.finding.message).toMatch(/^invalid JSON/);
    expect(e.finding.line).toBe(3);
  });

  it('rejects JSON that is not an offering', () => {
    expect(invalid(loadText('a.json', '42')).finding.message).toMatch(/expected an offering object/);
    expect(invalid(loadText('a.json', '[]')).finding.message).toMatch(/no offerings/);
  });
});

describe('files on disk', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'mcaudit-load-'));
  });
  afterAll(() => {
    try {
      chmodSync(path.join(dir, 'locked.md'), 0o644);
    } catch {
      /* not created */
    }
  });
  const write = (name: string, data: string | Buffer) => {
    const p = path.join(dir, name);
    writeFileSync(p, data);
    return p;
  };

  it('strips a UTF-8 BOM and reads CRLF and lone CR line endings with the right lines', async () => {
    const p = write('bom.md', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('---\r\ntitle: B\r\n---\r\n## Competency\rEducator uses wait time.\r\n')]));
    const e = offering(await loadFile(p, 'bom.md'));
    expect(e.doc.data.title).toBe('B');
    expect(e.doc.data.competency).toBe('Educator uses wait time.');
    expect(e.doc.positions.get('competency')).toEqual({ line: 5, column: 1 });
  });

  it('reads UTF-16 files with a BOM', async () => {
    const text = '## Competency\nEducator uses wait time.\n';
    const p = write('u16.md', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    expect(offering(await loadFile(p, 'u16.md')).doc.data.competency).toBe('Educator uses wait time.');
  });

  it('reports binary files and invalid UTF-8', async () => {
    const bin = write('bin.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
    expect(invalid(await loadFile(bin, 'bin.md')).finding.message).toMatch(/binary file/);
    const bad = write('bad.md', Buffer.concat([Buffer.from('line one\nline two \xff'), Buffer.from([0xc3, 0x28])]));
    const e = invalid(await loadFile(bad, 'bad.md'));
    expect(e.finding.message).toMatch(/not valid UTF-8/);
    expect(e.finding.line).toBe(2);
  });

  it('reports a file over the size limit without reading it', async () => {
    const p = write('big.md', 'x'.repeat(2048));
    expect(invalid(await loadFile(p, 'big.md', { maxFileSize: 1024 })).finding.message).toMatch(/over the 0\.0 MB limit|over the .* limit/);
  });

  it('reports a directory named like a file, a missing file and a symlink loop', async () => {
    mkdirSync(path.join(dir, 'x.md'));
    expect(invalid(await loadFile(path.join(dir, 'x.md'), 'x.md')).finding.message).toMatch(/directory/);
    expect(invalid(await loadFile(path.join(dir, 'gone.md'), 'gone.md')).finding.message).toMatch(/not found/);
    symlinkSync(path.join(dir, 'loop-b.md'), path.join(dir, 'loop-a.md'));
    symlinkSync(path.join(dir, 'loop-a.md'), path.join(dir, 'loop-b.md'));
    expect(invalid(await loadFile(path.join(dir, 'loop-a.md'), 'loop-a.md')).finding.message).toMatch(/could not be read/);
  });

  it('reports a path that cannot be opened (a file used as a folder)', async () => {
    const p = write('plain.md', GOOD);
    expect(invalid(await loadFile(path.join(p, 'child.md'), 'plain.md/child.md')).finding.message).toMatch(/^file could not be read/);
  });

  it.skipIf(process.getuid?.() === 0)('reports an unreadable file', async () => {
    const p = write('locked.md', GOOD);
    chmodSync(p, 0o000);
    expect(invalid(await loadFile(p, 'locked.md')).finding.message).toMatch(/permission denied/);
  });
});
