/**
 * A signal that stops a run (Ctrl-C, SIGTERM, SIGHUP) leaves nothing behind: no temporary
 * output file, no spool folder, no progress bar, and every output as it was
 * (src/interrupt.ts, installed by src/bin.ts). In-process runs drop every undo step they
 * register, whether they succeed or fail.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { auditInput, auditInputHere } from '../src/engine/audit.js';
import { onInterrupt, pendingUndos, undoOnInterrupt } from '../src/interrupt.js';
import { loadRubric } from '../src/rubric/load.js';
import { startProgress } from '../src/progress.js';
import { ROOT, run, tmp } from './cli-run.js';

afterEach(() => undoOnInterrupt());

describe('the undo registry', () => {
  it('runs what is registered newest first, once, past one that throws, and not what was dropped', () => {
    const ran: string[] = [];
    onInterrupt(() => ran.push('a'));
    const dropB = onInterrupt(() => ran.push('b'));
    onInterrupt(() => {
      throw new Error('gone');
    });
    onInterrupt(() => ran.push('d'));
    dropB();
    expect(pendingUndos()).toBe(3);
    undoOnInterrupt();
    expect(ran).toEqual(['d', 'a']);
    expect(pendingUndos()).toBe(0);
    undoOnInterrupt();
    expect(ran).toEqual(['d', 'a']);
  });

  it('erases the progress bar on a signal, and forgets it once the bar is done', () => {
    let err = '';
    const io = { stdout: () => {}, stderr: (s: string) => (err += s), cwd: ROOT, env: {}, stdoutIsTTY: false, stderrIsTTY: true };
    const bar = startProgress(1000, io, false, () => 0)!;
    bar.offering('a.md');
    expect(pendingUndos()).toBe(1);
    err = '';
    undoOnInterrupt();
    expect(err).toBe('\r\u001b[K');
    const done = startProgress(1000, io, false, () => 0)!;
    done.done();
    expect(pendingUndos()).toBe(0);
  });

  it('is left empty by runs that succeed, fail their gate, or cannot write an output', async () => {
    const dir = tmp({ 'a.md': readFileSync(path.join(ROOT, 'samples/strong.md'), 'utf8'), 'b.md': readFileSync(path.join(ROOT, 'samples/weak.md'), 'utf8') });
    mkdirSync(path.join(dir, 'adir'));
    const runs = [
      ['audit', 'a.md', '--format', 'html:r.html', '--format', 'json:r.json'],
      ['audit', 'a.md', 'b.md', '--format', 'markdown'],
      ['audit', 'a.md', '--format', 'sarif:r.sarif', '--format', 'csv:adir'],
      ['baseline', 'a.md', 'b.md', '-o', 'base.json'],
      ['baseline', 'a.md', '-o', 'adir'],
      ['export', '--to', 'ob3', 'a.md', '--out-dir', 'ob'],
    ];
    const codes: number[] = [];
    for (const argv of runs) {
      codes.push((await run(argv, { cwd: dir })).code);
      expect(pendingUndos(), argv.join(' ')).toBe(0);
    }
    expect(codes).toEqual([0, 1, 2, 0, 2, 0]);
    expect(readdirSync(dir).filter((f) => f.includes('mcaudit-tmp'))).toEqual([]);
  });
});

describe('long work in this thread', () => {
  it('gives the event loop turns while one big catalog file is audited, so a signal handler can run', async () => {
    const sample = JSON.parse(readFileSync(path.join(ROOT, 'samples/offering.json'), 'utf8')) as Record<string, unknown>;
    const dir = tmp({ 'cat.json': Array.from({ length: 300 }, (_, i) => ({ ...sample, id: `cat-${i}` })) });
    const options = { rubric: loadRubric('default'), ctx: { now: new Date(1_700_000_000_000) } };
    const file = { abs: path.join(dir, 'cat.json'), rel: 'cat.json' };
    let turns = 0;
    let done = false;
    const turn = () => {
      turns++;
      if (!done) setImmediate(turn);
    };
    setImmediate(turn);
    const started = Date.now();
    const here = await auditInputHere(file, options);
    done = true;
    const took = Date.now() - started;
    // About one turn per 50 ms of work; the same audit as auditInput's.
    expect(took).toBeGreaterThan(100);
    expect(turns).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(here)).toBe(JSON.stringify(auditInput(file, options)));
    expect(here.items).toHaveLength(300);
  }, 60_000);
});

const BIN = path.join(ROOT, 'bin/mcaudit.js');
const built = existsSync(path.join(ROOT, 'dist/bin.js'));

/** A catalog big enough to be mid-run when the signal comes: copies of the samples. */
function catalog(n: number): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'mcaudit-int-'));
  const samples = readdirSync(path.join(ROOT, 'samples')).filter((f) => f.endsWith('.md'));
  mkdirSync(path.join(dir, 'cat'));
  for (let i = 0; i < n; i++) {
    const name = samples[i % samples.length]!;
    const text = readFileSync(path.join(ROOT, 'samples', name), 'utf8').replace(/^title: .*$/m, (t) => `${t} ${i}`);
    writeFileSync(path.join(dir, 'cat', `${String(i).padStart(4, '0')}-${name}`), text);
  }
  return dir;
}

/** Wait until `ready()` holds (polling), then send `signal`; resolve with how the process ended. */
function interrupt(argv: string[], cwd: string, env: Record<string, string>, ready: () => boolean, signal: NodeJS.Signals) {
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string; sentAt: boolean }>((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...argv], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let sentAt = false;
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    const poll = setInterval(() => {
      if (!sentAt && ready()) {
        sentAt = true;
        child.kill(signal);
      }
    }, 10);
    child.on('error', reject);
    child.on('exit', (code, sig) => {
      clearInterval(poll);
      resolve({ code, signal: sig, stderr, sentAt });
    });
  });
}

describe.skipIf(!built)('a signal during the last step', () => {
  it('waits for uninterrupted work (the renames) to end, then undoes and ends by the signal', () => {
    const script = `
      const i = await import(${JSON.stringify(path.join(ROOT, 'dist/interrupt.js'))});
      i.installInterruptHandlers(() => process.stdout.write('undone\\n'));
      await i.uninterrupted(async () => {
        process.kill(process.pid, 'SIGTERM');
        await new Promise((r) => setTimeout(r, 200));
        process.stdout.write('renamed\\n');
      });
      await new Promise((r) => setTimeout(r, 2000));
      process.stdout.write('not reached\\n');`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(r.stdout).toBe('renamed\nundone\n');
    expect(r.signal).toBe('SIGTERM');
  });
});

describe.skipIf(!built)('a signal during an audit (the built CLI)', () => {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    it(`${signal}: ends as the signal would, with no temporary file or spool left and every output as it was`, async () => {
      const dir = catalog(600);
      const spoolDir = path.join(dir, 'tmp');
      mkdirSync(spoolDir);
      writeFileSync(path.join(dir, 'r.html'), 'the old report');
      const temps = () => readdirSync(dir).filter((f) => f.includes('mcaudit-tmp'));
      // Mid-run: the output's temporary file and the spool folder both exist.
      const r = await interrupt(['audit', 'cat', '--format', 'html:r.html', '--format', 'json:r.json'], dir, { TMPDIR: spoolDir }, () => temps().length === 2 && readdirSync(spoolDir).length === 1, signal);
      expect(r.sentAt, 'the signal was sent mid-run').toBe(true);
      expect(r.signal).toBe(signal);
      expect(r.code).toBe(null);
      expect(r.stderr).toBe('');
      expect(temps()).toEqual([]);
      expect(readdirSync(spoolDir)).toEqual([]);
      expect(readFileSync(path.join(dir, 'r.html'), 'utf8')).toBe('the old report');
      expect(existsSync(path.join(dir, 'r.json'))).toBe(false);
    }, 60_000);
  }
});
