/**
 * How outputs are written (src/commands/audit-stream.ts, openSink): each file under a
 * temporary name and renamed over its target at the end; every output opened before the
 * audit; the whole-report path when no temporary spool can be made; and formats that meet
 * one file's offerings apart (lint can name standard input after an earlier file).
 */
import { chmodSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, run, tmp } from './cli-run.js';
import { main } from '../src/main.js';

const sample = (name: string): string => readFileSync(path.join(ROOT, 'samples', name), 'utf8');

describe('writing outputs', () => {
  it('reads an output that lies in the audited folder as it was before the run, never as an emptied file', async () => {
    const dir = tmp({ 'd/strong.md': sample('strong.md'), 'd/weak.md': sample('weak.md') });
    await run(['audit', 'd', '--format', 'markdown:d/report.md'], { cwd: dir });
    const before = readFileSync(path.join(dir, 'd/report.md'), 'utf8');
    expect(before).toMatch(/^# Micro-credential vetting report/);
    // A run that writes it again reads the old one whole, then replaces it.
    const r = await run(['audit', 'd', '--quiet', '--format', 'text', '--format', 'markdown:d/report.md'], { cwd: dir });
    expect(r.stdout).toMatch(/^REJECT +\d+ +d\/report\.md +Micro-credential vetting report$/m);
    expect(r.stdout).not.toMatch(/INVALID/);
    expect(readFileSync(path.join(dir, 'd/report.md'), 'utf8')).toMatch(/3 offerings audited/);
  });

  it('fails on an output it cannot write before auditing, and leaves every other output as it was', async () => {
    const dir = tmp({ 'a.md': sample('strong.md'), 'keep.html': 'the old report', 'keep.json': '{}' });
    mkdirSync(path.join(dir, 'adir'));
    for (const formats of [
      ['html:keep.html', 'markdown:adir', 'json:keep.json'],
      ['markdown:adir', 'html:keep.html'],
      ['text', 'json:keep.json', 'csv:adir'],
    ]) {
      const r = await run(['audit', 'a.md', ...formats.flatMap((f) => ['--format', f])], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toBe('mcaudit: cannot write adir: EISDIR\n');
      expect(r.stdout).toBe('');
      expect(readFileSync(path.join(dir, 'keep.html'), 'utf8')).toBe('the old report');
      expect(readFileSync(path.join(dir, 'keep.json'), 'utf8')).toBe('{}');
      expect(readdirSync(dir).filter((f) => f.includes('mcaudit-tmp'))).toEqual([]);
    }
    // Once it can, the outputs are replaced whole.
    const ok = await run(['audit', 'a.md', '--format', 'html:keep.html', '--format', 'json:keep.json'], { cwd: dir });
    expect(ok.code).toBe(0);
    expect(readFileSync(path.join(dir, 'keep.html'), 'utf8')).toMatch(/^<!doctype html>/);
    expect(JSON.parse(readFileSync(path.join(dir, 'keep.json'), 'utf8')).summary.offerings).toBe(1);
    expect(readdirSync(dir).filter((f) => f.includes('mcaudit-tmp'))).toEqual([]);
  });

  it('keeps the permissions of a file it replaces (reports, baselines)', async () => {
    const dir = tmp({ 'a.md': sample('strong.md'), 'r.json': '{}', 'base.json': '{}' });
    chmodSync(path.join(dir, 'r.json'), 0o640);
    chmodSync(path.join(dir, 'base.json'), 0o600);
    expect((await run(['audit', 'a.md', '--format', 'json:r.json'], { cwd: dir })).code).toBe(0);
    expect((await run(['baseline', 'a.md', '-o', 'base.json'], { cwd: dir })).code).toBe(0);
    expect(statSync(path.join(dir, 'r.json')).mode & 0o777).toBe(0o640);
    expect(statSync(path.join(dir, 'base.json')).mode & 0o777).toBe(0o600);
    expect(Object.keys(JSON.parse(readFileSync(path.join(dir, 'base.json'), 'utf8')).offerings)).toEqual(['a.md']);
  });

  it('hides the progress bar while writing when any output goes to stdout, which holds its text to the end', async () => {
    const dir = tmp(Object.fromEntries(Array.from({ length: 210 }, (_, i) => [`c/m${String(i).padStart(3, '0')}.md`, `# Offering ${i}\n`])));
    let stderr = '';
    await main(['audit', 'c', '--format', 'text', '--format', 'html:r.html'], { stdout: () => {}, stderr: (s) => (stderr += s), cwd: dir, env: {}, stdoutIsTTY: true, stderrIsTTY: true });
    expect(stderr).toMatch(/\/210 files/);
    expect(stderr).not.toMatch(/writing/);
  });

  it('writes through a symbolic link to its target', async () => {
    const dir = tmp({ 'a.md': sample('strong.md'), 'real/r.csv': 'old' });
    symlinkSync(path.join(dir, 'real/r.csv'), path.join(dir, 'link.csv'));
    expect((await run(['audit', 'a.md', '--format', 'csv:link.csv'], { cwd: dir })).code).toBe(0);
    expect(readFileSync(path.join(dir, 'real/r.csv'), 'utf8')).toMatch(/^file,index,id,/);
  });

  it('holds the report in memory when no temporary spool can be made, with the same output', async () => {
    const saved = process.env.TMPDIR;
    const normal = await run(['audit', 'samples', '--format', 'html'], { env: { SOURCE_DATE_EPOCH: '1700000000' } });
    process.env.TMPDIR = path.join(ROOT, 'no-such-folder', 'tmp');
    try {
      const r = await run(['audit', 'samples', '--format', 'html'], { env: { SOURCE_DATE_EPOCH: '1700000000' } });
      expect([r.code, r.stdout, r.stderr]).toEqual([normal.code, normal.stdout, normal.stderr]);
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
  });
});

describe('one file met twice (lint names standard input after an earlier file)', () => {
  const lint = (format: string) => run(['lint', 'samples/weak.md', 'samples/strong.md', '-', '--stdin-filename', 'samples/strong.md', '--format', format], { stdin: sample('strong.md') });

  it('junit gives the file one testsuite with both offerings', async () => {
    const { stdout } = await lint('junit');
    expect(stdout.match(/<testsuite name="samples\/strong\.md"/g)).toHaveLength(1);
    expect(stdout).toMatch(/<testsuite name="samples\/strong\.md" tests="2"/);
  });

  it('sarif counts repeats across both, so every fingerprint is unique', async () => {
    const { stdout } = await lint('sarif');
    const prints = (JSON.parse(stdout) as { runs: { results: { partialFingerprints: Record<string, string> }[] }[] }).runs[0]!.results.map((r) => r.partialFingerprints['mcaudit/v1']);
    expect(prints.length).toBeGreaterThan(10);
    expect(new Set(prints).size).toBe(prints.length);
  });
});
