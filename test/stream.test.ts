/**
 * The streaming audit path (every format written offering by offering, from pieces) and the
 * progress bar. `canStream` and `streamAudit` are wrapped in spies, so that a test can check
 * which path a run took, or force the whole-report path to compare the two.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { withoutGateLines } from './cli-run.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { canStream, formatOptions, spooled, streamAudit } from '../src/commands/audit-stream.js';
import { collectReport, planAudit, type AuditFlags } from '../src/commands/audit.js';
import { formatParts, formatPasses, formatters, FORMATS } from '../src/format/index.js';
import { escapeJsonText, json } from '../src/format/json.js';
import type { Io } from '../src/io.js';
import { main } from '../src/main.js';
import type { Report } from '../src/report.js';
import { progressLine, startProgress, writingLine } from '../src/progress.js';

vi.mock('../src/commands/audit-stream.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../src/commands/audit-stream.js')>();
  return { ...real, canStream: vi.fn(real.canStream), streamAudit: vi.fn(real.streamAudit) };
});
afterEach(() => {
  vi.mocked(canStream).mockRestore();
  vi.mocked(streamAudit).mockClear();
});

/** Run `fn` with the whole-report path forced (canStream says no). */
async function wholePath<T>(fn: () => Promise<T>): Promise<T> {
  vi.mocked(canStream).mockReturnValue(false);
  try {
    return await fn();
  } finally {
    vi.mocked(canStream).mockRestore();
  }
}

const ROOT = path.resolve(new URL('..', import.meta.url).pathname);

function io(extra: Partial<Io> = {}): Io & { out: string; err: string } {
  const r = {
    out: '',
    err: '',
    stdout: (s: string) => void (r.out += s),
    stderr: (s: string) => void (r.err += s),
    cwd: ROOT,
    env: { SOURCE_DATE_EPOCH: '1700000000' },
    stdoutIsTTY: false,
    stderrIsTTY: false,
    ...extra,
  };
  return r;
}

const flags = (format: string[], extra: Partial<AuditFlags> = {}): AuditFlags => ({ rubric: 'default', format, minDecision: 'approve', ...extra });

describe('streaming JSON', () => {
  // test/fixtures/report holds a near-duplicate pair: both sides name each other in the stream too.
  it.each([['samples'], ['test/fixtures/hostile'], ['samples/strong.md'], ['test/fixtures/report']])('%s: streamed JSON is byte-for-byte the json formatter output', async (p) => {
    const plan = await planAudit([p], flags(['json']), io());
    expect(canStream(plan)).toBe(true);
    const report = await collectReport(plan);
    const whole = json(report, { color: false });
    // The formatter joins pieces; they make the report's JSON as its definition gives it.
    expect(whole).toBe(escapeJsonText(JSON.stringify(report, null, 2)) + '\n');
    const a = io();
    const code = await main(['audit', p, '--format', 'json'], a);
    expect(a.out).toBe(whole);
    const dir = mkdtempSync(path.join(tmpdir(), 'mcaudit-stream-'));
    const b = io({ cwd: dir });
    const code2 = await main(['audit', path.join(ROOT, p), '--format', 'json:out/r.json', '--format', 'json:s.json'], b);
    expect(b.out).toBe('');
    // Files are written straight, and written again when near-duplicates complete an earlier offering.
    const file = readFileSync(path.join(dir, 'out/r.json'), 'utf8');
    const wholeThere = json(await collectReport(await planAudit([path.join(ROOT, p)], flags(['json']), io({ cwd: dir }))), { color: false });
    expect(file).toBe(wholeThere);
    expect(readFileSync(path.join(dir, 's.json'), 'utf8')).toBe(file);
    expect(code2).toBe(code);
    rmSync(dir, { recursive: true, force: true });
  });

  // As UTF-8 in a file (a lone surrogate in a title is written as U+FFFD).
  const asFile = (text: string) => Buffer.from(text, 'utf8').toString('utf8');

  it.each<[string, string[], Partial<AuditFlags>]>([
    ['samples', [], {}],
    ['test/fixtures/hostile', [], {}],
    ['test/fixtures/report', ['--waivers', 'test/fixtures/report/waivers.yaml', '--fail-on', 'warning', '--min-decision', 'revise'], { waivers: 'test/fixtures/report/waivers.yaml', failOn: 'warning', minDecision: 'revise' }],
    ['samples', ['--quiet', '--max-warnings', '3'], { quiet: true, maxWarnings: 3 }],
  ])('%s %j: every format, streamed to files or stdout, is byte-for-byte its formatter output', async (p, extra, same) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mcaudit-stream-all-'));
    try {
      const a = io();
      const code = await main(['audit', p, ...extra, ...FORMATS.map((f) => `--format=${f}:${dir}/r.${f}`)], a);
      expect(vi.mocked(streamAudit)).toHaveBeenCalledTimes(1);
      const plan = await planAudit([p], flags(['json'], same), io());
      const report = await collectReport(plan);
      for (const f of FORMATS) {
        const expected = formatters[f](report, formatOptions(plan, { format: f, file: 'x' }, io()));
        expect(readFileSync(`${dir}/r.${f}`, 'utf8'), f).toBe(asFile(expected));
        // One format at a time to stdout; the same bytes again.
        const b = io();
        expect(await main(['audit', p, ...extra, '--format', f, '--no-color'], b)).toBe(code);
        expect(b.out, f).toBe(expected);
        expect(b.err).toBe(a.err);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads spooled pieces back at their offsets, skipping what lies between, whatever their size', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mcaudit-spool-'));
    // Pieces of 0 bytes to 3 MB (beyond the 1 MB read buffer), with gaps of 0 to 8 bytes.
    const sizes = [5, 0, 3 << 20, 17, 1 << 20, 70000, 1, 2_500_000, 9];
    const offsets: number[] = [];
    const pieces: Buffer[] = [];
    let at = 3;
    sizes.forEach((size, i) => {
      at += i % 10;
      offsets.push(at);
      pieces.push(Buffer.alloc(size, 97 + i));
      at += size;
    });
    const file = Buffer.alloc(at + 4, 0x2c);
    pieces.forEach((p, i) => p.copy(file, offsets[i]!));
    writeFileSync(path.join(dir, 'spool'), file);
    const fh = await open(path.join(dir, 'spool'), 'r');
    const got: Buffer[] = [];
    for (const b of spooled(fh.fd, offsets, sizes)) got.push(Buffer.from(b));
    await fh.close();
    rmSync(dir, { recursive: true, force: true });
    expect(got.length).toBe(sizes.length);
    got.forEach((b, i) => expect(b.equals(pieces[i]!), `piece ${i}`).toBe(true));
  });

  it('streams every format, and several at once', async () => {
    for (const f of FORMATS) expect(canStream(await planAudit(['samples'], flags([f]), io())), f).toBe(true);
    expect(canStream(await planAudit(['samples'], flags(['json:a.json', 'text', 'html:b.html']), io()))).toBe(true);
    expect(canStream(await planAudit(['samples'], flags([]), io()))).toBe(true);
  });

  it('is the path the CLI takes (and the whole-report path only when forced)', async () => {
    const a = io();
    await main(['audit', 'samples', '--format', 'html', '--quiet'], a);
    expect(vi.mocked(streamAudit)).toHaveBeenCalledTimes(1);
    const b = io();
    await wholePath(() => main(['audit', 'samples', '--format', 'html', '--quiet'], b));
    expect(vi.mocked(streamAudit)).toHaveBeenCalledTimes(1);
    expect(b.out).toBe(a.out);
  });

  it('does not stream when the plan holds a flag or field the stream path does not know', async () => {
    const plan = await planAudit(['samples'], flags(['json']), io());
    expect(canStream({ ...plan, somethingNew: 1 } as typeof plan)).toBe(false);
    expect(canStream({ ...plan, flags: { ...plan.flags, somethingNew: true } as AuditFlags })).toBe(false);
    // A baseline streams: each offering keeps every finding's rule, severity and waiver mark.
    expect(canStream({ ...plan, flags: { ...plan.flags, baseline: 'b.json', strictBaseline: true } as AuditFlags })).toBe(true);
    // Waivers and the gate's flags stream: each offering keeps what they need of its findings.
    expect(canStream({ ...plan, flags: { ...plan.flags, failOn: 'warning', maxWarnings: 3 } as AuditFlags })).toBe(true);
    expect(canStream({ ...plan, waivers: [{ offering: 'a', rule: 'calibration', reason: 'r', reviewer: 'x', date: '2026-01-01' }] } as unknown as typeof plan)).toBe(true);
  });

  it.each([
    ['waivers', ['test/fixtures/report', '--waivers', 'test/fixtures/report/waivers.yaml']],
    ['waivers, one stale, and --fail-on warning', ['test/fixtures/report', 'samples/strong.md', '--waivers', 'test/fixtures/report/waivers.yaml', '--fail-on', 'warning', '--min-decision', 'revise']],
    ['--max-warnings', ['samples', '--max-warnings', '40', '--min-decision', 'revise']],
    ['--max-warnings, passing', ['samples/strong.md', '--max-warnings', '100000']],
    ['--fail-on error', ['samples', 'test/fixtures/hostile', '--fail-on', 'error']],
  ])('streams %s with the same bytes, exit code and messages as the whole-report path', async (_, args) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mcaudit-stream-gate-'));
    try {
      const s = io();
      const streamed = await main(['audit', ...args, '--format', `json:${dir}/s.json`], s);
      const w = io();
      const whole = await wholePath(() => main(['audit', ...args, '--format', `json:${dir}/w.json`], w));
      expect(readFileSync(`${dir}/s.json`, 'utf8')).toBe(readFileSync(`${dir}/w.json`, 'utf8'));
      expect(streamed).toBe(whole);
      expect(s.err).toBe(w.err);
      expect(s.out).toBe(w.out);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([[[]], [['--strict-baseline']], [['--fail-on', 'warning', '--max-warnings', '2']], [['--waivers', path.join(ROOT, 'test/fixtures/report/waivers.yaml'), '--strict-baseline']]])(
    'streams --baseline %j with the same bytes, exit code and messages as the whole-report path',
    async (extra) => {
      const dir = mkdtempSync(path.join(tmpdir(), 'mcaudit-stream-baseline-'));
      try {
        const put = (name: string, from: string, edit = (t: string) => t) => {
          mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
          writeFileSync(path.join(dir, name), edit(readFileSync(path.join(ROOT, from), 'utf8')));
        };
        for (const f of ['a.md', 'b.md', 'c.md']) put(`mc/${f}`, `test/fixtures/report/${f}`);
        put('mc/middling.md', 'samples/middling.md');
        put('mc/weak.md', 'samples/weak.md');
        put('mc/stem.json', 'samples/catalog/stem-series.json');
        expect(await main(['baseline', 'mc'], io({ cwd: dir }))).toBe(0);
        // Then: a gone offering, a fixed one, one with a new finding, a decision that dropped, a new file.
        rmSync(path.join(dir, 'mc/weak.md'));
        put('mc/middling.md', 'samples/strong.md');
        put('mc/a.md', 'test/fixtures/report/a.md', (t) => t.replace(/^---\n/, '---\ncolour: blue\n'));
        put('mc/b.md', 'test/fixtures/report/b.md', (t) => t.slice(0, Math.max(200, t.indexOf('## ', t.length >> 1))));
        put('mc/new.md', 'samples/weak.md');
        const args = ['audit', 'mc', '--baseline', 'mcaudit-baseline.json', ...extra];
        const s = io({ cwd: dir });
        const streamed = await main([...args, '--format', 'json:s.json', '--format', 'text'], s);
        expect(vi.mocked(streamAudit)).toHaveBeenCalledTimes(1);
        const w = io({ cwd: dir });
        const whole = await wholePath(() => main([...args, '--format', 'json:w.json', '--format', 'text'], w));
        const report = readFileSync(path.join(dir, 's.json'), 'utf8');
        expect(report).toBe(readFileSync(path.join(dir, 'w.json'), 'utf8'));
        const b = (JSON.parse(report) as { baseline: { new: string[]; worse: unknown[]; stale: unknown[] } }).baseline;
        expect(b.new).toEqual(['mc/new.md']);
        expect(b.worse.length).toBeGreaterThan(1);
        expect(b.stale.length).toBeGreaterThan(1);
        expect([streamed, s.out, s.err]).toEqual([whole, w.out, w.err]);
        expect(s.err).toMatch(/stale baseline entr/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );

  it('gives the same exit code as the whole-report path for each gate', async () => {
    for (const min of ['approve', 'revise']) {
      const s = await main(['audit', 'samples', '--format', 'json', '--min-decision', min], io());
      const w = await main(['audit', 'samples', '--format', 'text', '--min-decision', min], io());
      expect(s).toBe(w);
    }
    expect(await main(['audit', 'samples/strong.md', '--format', 'json'], io())).toBe(await main(['audit', 'samples/strong.md'], io()));
  });

  it('reports an output file that cannot be written as a usage error', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mcaudit-stream-'));
    writeFileSync(path.join(dir, 'blocker'), 'x');
    const a = io({ cwd: dir });
    const code = await main(['audit', path.join(ROOT, 'samples/strong.md'), '--format', 'json:blocker/r.json'], a);
    expect(code).toBe(2);
    expect(a.err).toMatch(/cannot write blocker\/r.json/);
    expect(a.err).not.toMatch(/\n\s+at /);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('progress bar', () => {
  const tty = (env: Record<string, string> = {}) => io({ stderrIsTTY: true, env });

  it('shows only on a terminal stderr, above 200 files, without --quiet or CI', () => {
    expect(startProgress(201, tty(), false)).not.toBeNull();
    expect(startProgress(200, tty(), false)).toBeNull();
    expect(startProgress(1000, io(), false)).toBeNull();
    expect(startProgress(1000, tty(), true)).toBeNull();
    expect(startProgress(1000, tty({ CI: 'true' }), false)).toBeNull();
    expect(startProgress(1000, tty({ GITHUB_ACTIONS: 'true' }), false)).toBeNull();
    expect(startProgress(1000, tty({ CI: 'false' }), false)).not.toBeNull();
  });

  it('draws done/total, rate and ETA on stderr and erases itself', () => {
    const t = tty();
    let now = 0;
    const p = startProgress(400, t, false, () => now)!;
    for (let i = 0; i < 400; i++) {
      now += 5;
      p.offering(`f${i}.md`);
      p.offering(`f${i}.md`); // a second offering of the same file is not a second file
    }
    p.done();
    expect(t.out).toBe('');
    expect(t.err).toMatch(/\r\[#*\.*\] \d+\/400 files {2}\d+\/s {2}ETA \d+:\d\d/);
    expect(t.err.endsWith('\r\u001b[K')).toBe(true);
    expect(progressLine(100, 400, 2)).toBe('[######..................] 100/400 files  50/s  ETA 0:06');
    expect(progressLine(0, 400, 0)).toMatch(/ETA -:--$/);
  });

  it('shows each output written after the audit, pass by pass, within the terminal, and hides on request', () => {
    const t = tty();
    let now = 0;
    const p = startProgress(400, t, false, () => now)!;
    for (let i = 0; i < 400; i++) p.offering(`f${i}.md`);
    t.err = '';
    p.writing('out/r.html', 400, 2);
    expect(t.err).toBe('\r[............] 0/400, pass 1/2  0/s  ETA -:--  writing out/r.html\u001b[K');
    for (let i = 0; i < 500; i++) {
      now += 1;
      p.wrote();
    }
    expect(t.err).toMatch(/\r\[#{8}\.{4}\] 100\/400, pass 2\/2  1000\/s  ETA 0:00  writing out\/r\.html\u001b\[K$/);
    p.hide();
    expect(t.err.endsWith('\r\u001b[K')).toBe(true);
    const hidden = t.err;
    for (let i = 0; i < 300; i++) {
      now += 1;
      p.wrote();
    }
    p.done();
    // Nothing drawn or erased while hidden: stdout may be writing on that line.
    expect(t.err).toBe(hidden);
    // A name with control characters is shown plain, and a long one by its end, within the width.
    for (const columns of [80, 60, 120]) {
      const narrow = { ...t, stderrColumns: columns };
      let err = '';
      narrow.stderr = (s: string) => (err += s);
      const q = startProgress(400, narrow, false, () => now)!;
      q.writing(`\u001b]8;;x\u0007${'d/'.repeat(30)}r.md`, 100000, 2);
      const line = err.replace(/^\r/, '').replace(/\u001b\[K$/, '');
      expect(line.length).toBeLessThanOrEqual(columns - 1);
      // Too narrow for the name (60 columns): the counts alone.
      if (columns >= 80) expect(line).toMatch(/ writing …[d/]*r\.md$/);
      else expect(line).toBe('[............] 0/100000, pass 1/2  0/s  ETA -:--');
      expect(line).not.toContain('\u0007');
      q.done();
    }
    // Too narrow for a name: the counts alone, cut to the width.
    expect(writingLine(5, 10, 1, 'r.html', 1, 30)).toBe('[######......] 5/10  5/s  ETA');
  });

  it('knows how many times each format reads the offerings (formatPasses)', async () => {
    const a = io({ env: { SOURCE_DATE_EPOCH: '1700000000' } });
    await main(['audit', path.join(ROOT, 'samples'), '--format', 'json'], a);
    const report = JSON.parse(a.out) as Report;
    expect(report.offerings.length).toBeGreaterThan(1);
    for (const format of FORMATS) {
      for (const options of [{ color: false }, { color: true, quiet: true }, { color: false, minDecision: 'revise' as const, failOn: 'warning' as const }]) {
        let reads = 0;
        const pieces = formatParts[format](report, () => (reads++, report.offerings), options);
        for (const _ of pieces) void _;
        expect(reads, `${format} ${JSON.stringify(options)}`).toBe(formatPasses[format]);
      }
    }
  });

  it('goes to stderr in a real run over 200 files, never stdout, and not with --quiet', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mcaudit-progress-'));
    mkdirSync(path.join(dir, 'c'));
    for (let i = 0; i < 210; i++) writeFileSync(path.join(dir, 'c', `m${String(i).padStart(3, '0')}.md`), `# Offering ${i}\n`);
    for (const format of ['json', 'text']) {
      const a = io({ cwd: dir, stderrIsTTY: true, env: {} });
      await main(['audit', 'c', '--format', format], a);
      expect(a.err).toMatch(/files/);
      expect(a.out).not.toMatch(/ETA|\r/);
      // To stdout: no writing stage drawn (stdout may be the terminal).
      expect(a.err).not.toMatch(/writing/);
      const q = io({ cwd: dir, stderrIsTTY: true, env: {} });
      await main(['audit', 'c', '--format', format, '--quiet'], q);
      expect(withoutGateLines(q.err)).toBe(''); // the gate's verdict, but no bar
    }
    // To a file from the spool: the writing stage, out of 210 offerings read twice for HTML.
    const h = io({ cwd: dir, stderrIsTTY: true, env: {} });
    await main(['audit', 'c', '--format', 'html:out/r.html', '--format', 'json:r.json'], h);
    expect(h.err).toMatch(/\/210 files/);
    expect(h.err).toContain('0/210, pass 1/2  0/s  ETA -:--  writing out/r.html');
    expect(h.err).toContain('0/210  0/s  ETA -:--  writing r.json');
    expect(h.err).toMatch(/\r\u001b\[K(mcaudit: gate failed: [^\n]*\n)*$/);
    expect(h.out).toBe('');
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('start-up', () => {
  it.skipIf(!existsSync(path.join(ROOT, 'dist/bin.js')))('answers --version and -V from the built entry point without loading the CLI', () => {
    const version = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    for (const flag of ['--version', '-V']) {
      const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/mcaudit.js'), flag], { encoding: 'utf8' });
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(`${version}\n`);
      expect(r.stderr).toBe('');
    }
  });
});
