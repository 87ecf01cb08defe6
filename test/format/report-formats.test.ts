/**
 * The filed formats through the CLI: golden Markdown and CSV of the report fixtures
 * (with waivers, a near-duplicate pair and hostile titles), byte-identical reruns, and
 * waiver-file errors.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { withoutGateLines } from '../cli-run.js';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/main.js';

const ROOT = path.resolve(new URL('../..', import.meta.url).pathname);
const FIXTURES = 'test/fixtures/report';
const WAIVERS = `${FIXTURES}/waivers.yaml`;
const ENV = { SOURCE_DATE_EPOCH: '1767225600' }; // 2026-01-01T00:00:00Z

async function run(argv: string[], env: Record<string, string> = ENV, cwd = ROOT) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd, env, stdoutIsTTY: false });
  // The gate's verdict on stderr is expected (the fixtures are not all approved).
  return { code, stdout, stderr: withoutGateLines(stderr) };
}

describe('markdown and csv formats', () => {
  it('markdown matches the golden file', async () => {
    const r = await run(['audit', FIXTURES, '--waivers', WAIVERS, '--format', 'markdown']);
    expect(r.stderr).toBe('');
    await expect(r.stdout).toMatchFileSnapshot('../golden/report.md');
  });

  it('csv matches the golden file', async () => {
    const r = await run(['audit', FIXTURES, '--waivers', WAIVERS, '--format', 'csv']);
    expect(r.stderr).toBe('');
    await expect(r.stdout).toMatchFileSnapshot('../golden/report.csv');
  });

  it('csv has one row per offering, a fixed column count, and no cell a spreadsheet would run', async () => {
    const r = await run(['audit', FIXTURES, '--format', 'csv']);
    const lines = r.stdout.split('\r\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(4);
    // The provider title =HYPERLINK(...) is quoted and prefixed with an apostrophe.
    expect(r.stdout).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(r.stdout).not.toMatch(/(^|,)"?[=+@]/m);
  });

  it('names each near-duplicate by id and file, so copies that share an id stay apart', async () => {
    const strong = readFileSync(path.join(ROOT, 'samples/strong.md'), 'utf8');
    const dir = mkdtempSync(path.join(tmpdir(), 'mcaudit-copies-'));
    for (const name of ['one.md', 'two.md', 'three.md']) writeFileSync(path.join(dir, name), strong);
    // A copy with no id is named by its file alone.
    writeFileSync(path.join(dir, 'four.md'), strong.replace(/^id: .*\n/m, ''));
    const csvOut = (await run(['audit', '.', '--format', 'csv'], ENV, dir)).stdout;
    const one = csvOut.split(/\r?\n/).find((l) => l.startsWith('one.md,'))!;
    expect(one.endsWith(',four.md (1.00); PSEN-FA-104 — three.md (1.00); PSEN-FA-104 — two.md (1.00)'), one).toBe(true);
    const mdOut = (await run(['audit', '.', '--format', 'markdown'], ENV, dir)).stdout;
    expect(mdOut).toContain('| 1 | 4 | 1.00 | four.md, PSEN-FA-104 — one.md, PSEN-FA-104 — three.md, PSEN-FA-104 — two.md |');
    expect(mdOut).toContain('- four.md, similarity 1.00\n');
    expect(mdOut).toContain('- PSEN-FA-104 — two.md, similarity 1.00\n');
  });

  it('markdown keeps hostile titles as text', async () => {
    const r = await run(['audit', FIXTURES, '--format', 'markdown']);
    expect(r.stdout).not.toContain('<img');
    expect(r.stdout).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(r.stdout).toContain('Management \\| \\*bold\\*');
  });
});

describe('determinism and the audit trail', () => {
  it('gives byte-identical reports for the same inputs, rubric and waivers', async () => {
    for (const format of ['html', 'markdown', 'csv', 'json']) {
      const a = await run(['audit', FIXTURES, '--waivers', WAIVERS, '--format', format]);
      const b = await run(['audit', FIXTURES, '--waivers', WAIVERS, '--format', format]);
      expect(a.stdout.length, format).toBeGreaterThan(100);
      expect(a.stdout === b.stdout, format).toBe(true);
    }
  });

  it('records the generated time, the rubric hash and each source file hash', async () => {
    const j = JSON.parse((await run(['audit', FIXTURES, '--waivers', WAIVERS, '--format', 'json'])).stdout);
    expect(j.generated).toBe('2026-01-01T00:00:00.000Z');
    expect(j.sources.map((s: { file: string }) => s.file)).toEqual([`${FIXTURES}/a.md`, `${FIXTURES}/b.md`, `${FIXTURES}/c.md`]);
    const { createHash } = await import('node:crypto');
    for (const s of j.sources) {
      const bytes = readFileSync(path.join(ROOT, s.file));
      expect(s).toEqual({ file: s.file, sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length });
    }
    expect(j.waivers.file).toBe(WAIVERS);
    expect(j.waivers.waived).toBe(1);
    expect(j.waivers.stale).toEqual([{ offering: `${FIXTURES}/c.md`, rule: 'no-such-finding-here', reason: 'A stale waiver', reviewer: 'J. Rivera', date: '2026-05-02' }]);
    expect(j.duplicates).toEqual([{ a: { file: `${FIXTURES}/a.md`, id: 'FIX-A', title: expect.any(String) }, b: { file: `${FIXTURES}/b.md`, id: 'FIX-B', title: expect.any(String) }, similarity: 0.87 }]);
    expect(j.offerings[0].duplicates).toEqual([{ file: `${FIXTURES}/b.md`, id: 'FIX-B', title: expect.any(String), similarity: 0.87 }]);
    expect(j.offerings[1].duplicates[0].id).toBe('FIX-A');
    expect(j.providers.map((p: { provider: string | null }) => p.provider)).toEqual(['EdSpark Learning', 'Pipe | Co, Ltd.', 'Prairie State Educator Network']);
    const waived = j.offerings[1].findings.filter((f: { waived?: boolean }) => f.waived);
    expect(waived).toHaveLength(1);
    expect(waived[0].waiver).toEqual({ reason: "The provider's links are on an internal LMS | checked by phone", reviewer: 'J. Rivera', date: '2026-05-01' });
  });

  it('takes the rubric duplicate threshold from the rubric file', async () => {
    const rubric = JSON.parse(readFileSync(path.join(ROOT, 'rubrics/default.json'), 'utf8'));
    rubric.comparison = { duplicateThreshold: 0.95 };
    const dir = mkdtempSync(path.join(tmpdir(), 'mcaudit-rubric-'));
    writeFileSync(path.join(dir, 'r.json'), JSON.stringify(rubric));
    const j = JSON.parse((await run(['audit', FIXTURES, '--rubric', path.join(dir, 'r.json'), '--format', 'json'])).stdout);
    expect(j.duplicates).toEqual([]);
    rubric.comparison = { duplicateThreshold: 2 };
    writeFileSync(path.join(dir, 'r.json'), JSON.stringify(rubric));
    const bad = await run(['audit', FIXTURES, '--rubric', path.join(dir, 'r.json')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/comparison\.duplicateThreshold/);
  });
});

describe('waivers in the text report', () => {
  it('marks waived findings with their reason and lists stale waivers in the summary', async () => {
    const r = await run(['audit', FIXTURES, '--waivers', WAIVERS, '--no-color']);
    expect(r.stdout).toMatch(/b\.md:\d+:\d+ {2}waived warning {2}evidence-based-resources/);
    expect(r.stdout).toContain("waived: The provider's links are on an internal LMS | checked by phone (J. Rivera, 2026-05-01)");
    expect(r.stdout).toContain('Waivers: 1 finding waived; 1 stale waiver (test/fixtures/report/c.md no-such-finding-here)');
  });
});

describe('--waivers errors', () => {
  it('exits 2 with a clear message for a missing or invalid waivers file', async () => {
    const missing = await run(['audit', FIXTURES, '--waivers', 'no/such.yaml']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/invalid waivers file no\/such\.yaml:\n {2}cannot read: ENOENT/);
    const dir = mkdtempSync(path.join(tmpdir(), 'mcaudit-waivers-'));
    writeFileSync(path.join(dir, 'w.json'), JSON.stringify([{ offering: 'x', rule: 'y', reviewer: 'me', date: '2026-13' }]));
    const bad = await run(['audit', path.join(ROOT, FIXTURES), '--waivers', 'w.json'], ENV, dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/0\.reason: /);
    expect(bad.stderr).toMatch(/0\.date: use a date as YYYY-MM-DD/);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
    expect(bad.stdout).toBe('');
  });
});
