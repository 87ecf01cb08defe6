/**
 * `mcaudit baseline` and `audit --baseline` through `main`: write, read back, and the
 * new, fixed and stale cases; bad baseline files exit 2. Also the CLI side of the exit
 * policy flags.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, run, tmp } from './cli-run.js';

const sample = (name: string): string => readFileSync(path.join(ROOT, 'samples', name), 'utf8');

describe('mcaudit baseline', () => {
  it('writes mcaudit-baseline.json: decision and counts per rule per offering, no line numbers', async () => {
    const dir = tmp({ 'mc/middling.md': sample('middling.md'), 'mc/strong.md': sample('strong.md'), 'mc/stem.json': sample('catalog/stem-series.json') });
    const r = await run(['baseline', 'mc'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^wrote mcaudit-baseline\.json: 5 offerings, \d+ findings\n$/);
    const b = JSON.parse(readFileSync(path.join(dir, 'mcaudit-baseline.json'), 'utf8'));
    expect(b).toMatchObject({ version: 1, tool: 'mcaudit', rubric: { id: 'new-america-2021', version: expect.any(String) } });
    expect(Object.keys(b.offerings)).toEqual(['mc/middling.md', 'mc/stem.json#0', 'mc/stem.json#1', 'mc/stem.json#2', 'mc/strong.md']);
    expect(b.offerings['mc/middling.md']).toMatchObject({ title: 'Anchor Charts for Independent Work', decision: 'revise' });
    const counts = b.offerings['mc/middling.md'].findings as Record<string, number>;
    expect(Object.keys(counts)).toEqual(Object.keys(counts).sort());
    expect(Object.values(counts).every((n) => Number.isInteger(n) && n > 0)).toBe(true);
    expect(JSON.stringify(b)).not.toMatch(/"line"|"column"/);
    // The same input gives the same bytes.
    const first = readFileSync(path.join(dir, 'mcaudit-baseline.json'), 'utf8');
    await run(['baseline', 'mc', '--output', 'again.json'], { cwd: dir });
    expect(readFileSync(path.join(dir, 'again.json'), 'utf8')).toBe(first);
  });

  it('is a usage error (2) without files', async () => {
    const r = await run(['baseline', 'nope'], { cwd: tmp({}) });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/path not found: nope/);
  });
});

describe('audit --baseline', () => {
  async function setup(): Promise<string> {
    const dir = tmp({ 'mc/middling.md': sample('middling.md'), 'mc/weak.md': sample('weak.md'), 'mc/strong.md': sample('strong.md') });
    expect((await run(['baseline', 'mc'], { cwd: dir })).code).toBe(0);
    return dir;
  }

  it('passes an unchanged catalog although it has revise and reject offerings', async () => {
    const dir = await setup();
    expect((await run(['audit', 'mc', '--quiet'], { cwd: dir })).code).toBe(1);
    const r = await run(['audit', 'mc', '--baseline', 'mcaudit-baseline.json', '--format', 'json'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).baseline).toEqual({ file: 'mcaudit-baseline.json', matched: 3, new: [], worse: [], stale: [] });
  });

  it('fails on a new finding, and names it', async () => {
    const dir = await setup();
    // An unknown front-matter key is a new unknown-field finding; the decision stays revise.
    writeFileSync(path.join(dir, 'mc/middling.md'), sample('middling.md').replace('estimatedHours: 10\n', 'estimatedHours: 10\ncolour: blue\n'));
    const r = await run(['audit', 'mc', '--baseline', 'mcaudit-baseline.json', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).baseline.worse).toEqual([{ offering: 'mc/middling.md', rule: 'unknown-field', baseline: 0, current: 1 }]);
    expect(r.stderr).toBe('mcaudit: gate failed: 1 new finding at or above --fail-on info\n');
    // A threshold above the new finding's severity lets it through.
    expect((await run(['audit', 'mc', '--baseline', 'mcaudit-baseline.json', '--fail-on', 'warning'], { cwd: dir })).code).toBe(0);
  });

  it('fails on a decision that dropped', async () => {
    const dir = await setup();
    const text = sample('middling.md');
    writeFileSync(path.join(dir, 'mc/middling.md'), text.slice(0, text.indexOf('## Submission Guidelines')));
    const r = await run(['audit', 'mc', '--baseline', 'mcaudit-baseline.json', '--fail-on', 'none', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).baseline.worse).toContainEqual({ offering: 'mc/middling.md', rule: null, baseline: 'revise', current: 'reject' });
    expect(r.stderr).toMatch(/^mcaudit: gate failed: 1 of 3 offerings dropped below their baseline decision$/m);
  });

  it('reports fixed findings and gone offerings as stale on stderr, and fails on them only with --strict-baseline', async () => {
    const dir = await setup();
    rmSync(path.join(dir, 'mc/weak.md'));
    // Fixing middling: replace its file with the strong sample (fewer findings, better decision).
    writeFileSync(path.join(dir, 'mc/middling.md'), sample('strong.md'));
    const r = await run(['audit', 'mc', '--baseline', 'mcaudit-baseline.json', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    const stale = JSON.parse(r.stdout).baseline.stale as { offering: string; rule: string | null }[];
    expect(stale).toContainEqual({ offering: 'mc/middling.md', rule: null, baseline: 'revise', current: 'approve' });
    expect(stale).toContainEqual({ offering: 'mc/weak.md', rule: null, baseline: 'reject', current: null });
    expect(stale.some((d) => d.offering === 'mc/middling.md' && d.rule !== null)).toBe(true);
    expect(r.stderr).toMatch(/^mcaudit: \d+ stale baseline entries in mcaudit-baseline\.json \(run `mcaudit baseline` to update it\):\n/);
    expect(r.stderr).toContain('  mc/weak.md: in the baseline (reject) but no longer audited\n');
    expect(r.stderr).toContain('  mc/middling.md: decision revise → approve\n');
    const strict = await run(['audit', 'mc', '--baseline', 'mcaudit-baseline.json', '--strict-baseline'], { cwd: dir });
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/gate failed: \d+ stale baseline entries \(--strict-baseline\)/);
    // Updating the baseline clears them.
    await run(['baseline', 'mc'], { cwd: dir });
    const clean = await run(['audit', 'mc', '--baseline', 'mcaudit-baseline.json', '--strict-baseline'], { cwd: dir });
    expect([clean.code, clean.stderr]).toEqual([0, '']);
  });

  it('gates a new file as without a baseline', async () => {
    const dir = await setup();
    writeFileSync(path.join(dir, 'mc/another.md'), sample('middling.md'));
    const r = await run(['audit', 'mc', '--baseline', 'mcaudit-baseline.json', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).baseline.new).toEqual(['mc/another.md']);
    expect(r.stderr).toMatch(/1 of 4 offerings below --min-decision approve/);
  });

  it.each([
    ['missing.json', null, /^mcaudit: cannot read baseline missing\.json: ENOENT\n$/],
    ['b.json', '{ nope', /^mcaudit: invalid baseline b\.json: not valid JSON: /],
    ['b.json', JSON.stringify({ version: 2, tool: 'mcaudit', offerings: {} }), /^mcaudit: invalid baseline b\.json:\n {2}version: /],
    ['b.json', JSON.stringify({ version: 1, tool: 'mcaudit', offerings: { 'a.md': { decision: 'maybe', findings: { x: 0 } } } }), /^mcaudit: invalid baseline b\.json:\n {2}offerings\.a\.md\.decision: .*\n {2}offerings\.a\.md\.findings\.x: /],
  ])('a bad baseline file %s is a usage error (2)', async (name, content, message) => {
    const dir = tmp(content === null ? { 'a.md': sample('strong.md') } : { 'a.md': sample('strong.md'), [name]: content });
    const r = await run(['audit', 'a.md', '--baseline', name], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
    expect(existsSync(path.join(dir, 'mcaudit-baseline.json'))).toBe(false);
  });
});

describe('exit policy flags', () => {
  it('--fail-on and --max-warnings gate an approved offering by its findings', async () => {
    expect((await run(['audit', 'samples/strong.md'])).code).toBe(0);
    expect((await run(['audit', 'samples/strong.md', '--fail-on', 'error'])).code).toBe(0);
    const r = await run(['audit', 'samples/strong.md', '--fail-on', 'warning']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('mcaudit: gate failed: 1 finding at or above --fail-on warning\n');
    expect((await run(['audit', 'samples/strong.md', '--max-warnings', '1'])).code).toBe(0);
    const w = await run(['audit', 'samples/strong.md', '--max-warnings', '0']);
    expect(w.code).toBe(1);
    expect(w.stderr).toBe('mcaudit: gate failed: 1 warning, more than --max-warnings 0\n');
  });

  it.each([
    [['--fail-on', 'fatal'], /argument 'fatal' is invalid/],
    [['--max-warnings', '-1'], /invalid count "-1"/],
    [['--max-warnings', 'many'], /invalid count "many"/],
  ])('%j is a usage error (2)', async (flags, message) => {
    const r = await run(['audit', 'samples/strong.md', ...flags]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});
