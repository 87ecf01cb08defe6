/**
 * The worker pool: the same reports, in the same order, as one thread; and a worker that
 * fails never loses an offering (its batches are audited in this thread).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { auditInput } from '../../src/engine/audit.js';
import { pooled, POOL_MIN_FILES, workerCount, type FileAudit } from '../../src/engine/pool.js';
import type { InputFile } from '../../src/load/discover.js';
import { loadRubric } from '../../src/rubric/load.js';
import { ROOT, tmp } from '../cli-run.js';

const samples = readdirSync(path.join(ROOT, 'samples')).filter((f) => f.endsWith('.md') || f.endsWith('.json'));

/** A catalog of `n` files: the samples over and over, each copy slightly different, plus broken ones. */
function catalog(n: number): string {
  const files: Record<string, string> = {};
  for (let i = 0; i < n; i++) {
    const name = samples[i % samples.length]!;
    const text = readFileSync(path.join(ROOT, 'samples', name), 'utf8');
    const ext = path.extname(name);
    files[`c/${String(i).padStart(4, '0')}-${path.basename(name, ext)}${ext}`] = i % 37 === 5 ? '---\ntitle: [broken\n---\n# x' : ext === '.md' ? `${text}\n\nCopy ${i}.\n` : text;
  }
  return tmp(files);
}

const inputs = (dir: string): InputFile[] =>
  readdirSync(path.join(dir, 'c'))
    .sort()
    .map((f) => ({ abs: path.join(dir, 'c', f), rel: `c/${f}` }));

describe('workerCount', () => {
  it('uses no worker below the threshold, on one core, or when turned off', () => {
    expect(workerCount(POOL_MIN_FILES - 1, undefined, 8)).toBe(0);
    expect(workerCount(10_000, undefined, 1)).toBe(0);
    expect(workerCount(10_000, 0, 8)).toBe(0);
    expect(workerCount(10_000, 1, 8)).toBe(0);
  });
  it('uses one worker per core on big catalogs (at most 8), or the number asked for', () => {
    expect(workerCount(POOL_MIN_FILES, undefined, 2)).toBe(2);
    expect(workerCount(100_000, undefined, 32)).toBe(8);
    expect(workerCount(10_000, 3, 2)).toBe(3);
    // Never more workers than batches of files.
    expect(workerCount(20, 8, 2)).toBe(2);
  });
});

describe('pooled', () => {
  const dir = catalog(60);
  const files = inputs(dir);
  const rubric = loadRubric('default');
  const options = { rubric, ctx: { now: new Date(1_700_000_000_000) } };
  const serial = files.map((f) => ({ file: f, ...auditInput(f, options) }));
  const collect = async (script: URL, n = 2) => {
    const out: FileAudit[] = [];
    for await (const a of pooled(files, options, n, script)) out.push(a);
    return out;
  };
  const script = (name: string, code: string) => {
    const f = path.join(dir, name);
    writeFileSync(f, code);
    return pathToFileURL(f);
  };

  it('hashes each file it reads, for the audit trail', () => {
    expect(serial.every((a) => a.source !== null && /^[0-9a-f]{64}$/.test(a.source.sha256!) && a.source.file === a.file.rel)).toBe(true);
    const gone = auditInput({ abs: path.join(dir, 'missing.md'), rel: 'missing.md' }, options);
    expect(gone.source).toBeNull();
    expect(gone.items[0]!.report.decision).toBe('invalid');
  });

  it('audits every offering in this thread when the workers fail to start', async () => {
    const out = await collect(script('boom.mjs', 'throw new Error("cannot start");'));
    expect(out).toEqual(serial);
  });

  it('audits the batches of a worker that dies part-way, losing none', async () => {
    // Answers its first batch with nothing, then exits: its batches must not be lost either.
    const code = `import { parentPort } from 'node:worker_threads'; let k = 0;
      parentPort.on('message', (m) => { if (k++ === 0) parentPort.postMessage({ seq: m.seq, error: 'bad batch' }); else process.exit(3); });`;
    const out = await collect(script('dies.mjs', code));
    expect(out.map((a) => a.items.map((i) => i.report.file))).toEqual(serial.map((a) => a.items.map((i) => i.report.file)));
    expect(out).toEqual(serial);
  });
});

describe.skipIf(!existsSync(path.join(ROOT, 'dist/engine/worker.js')))('the built CLI on worker threads', () => {
  const dir = catalog(90);
  const bin = path.join(ROOT, 'bin/mcaudit.js');
  const audit = (...args: string[]) => spawnSync(process.execPath, [bin, 'audit', 'c', ...args], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, SOURCE_DATE_EPOCH: '1700000000', CI: '1' } });

  it('writes the same reports with workers as without, in every format', () => {
    // json goes out as the workers hand it over; text and html are written from the spool.
    for (const format of ['json', 'text', 'html']) {
      const one = audit('--format', format, '--concurrency', 'off');
      const two = audit('--format', format, '--concurrency', '2');
      expect(one.status, one.stderr).toBe(1);
      expect(two.status, two.stderr).toBe(1);
      expect(two.stdout).toBe(one.stdout);
      expect(two.stdout.length).toBeGreaterThan(1000);
    }
    const report = JSON.parse(audit('--format', 'json', '--concurrency', '2').stdout) as { offerings: { file: string; decision: string }[] };
    expect(report.offerings).toHaveLength(90);
    expect(report.offerings.filter((o) => o.decision === 'invalid').length).toBeGreaterThan(1);
  }, 120_000);

  it('rejects a bad --concurrency with exit 2', { timeout: 30_000 }, () => {
    const r = audit('--concurrency', 'many');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/invalid concurrency "many"/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
