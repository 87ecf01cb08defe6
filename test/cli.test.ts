import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, run, tmp } from './cli-run.js';

const ESC = '\u001b';

describe('usage and exit code 2', () => {
  it('prints help and exits 2 with no command', async () => {
    const r = await run([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Usage: mcaudit/);
  });

  it('prints help on --help and the version on --version, exit 0', async () => {
    expect((await run(['--help'])).code).toBe(0);
    const v = await run(['--version']);
    expect(v.code).toBe(0);
    expect(v.stdout.trim()).toBe(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
    const h = await run(['audit', '--help']);
    expect(h.code).toBe(0);
    expect(h.stdout).toMatch(/--min-decision/);
  });

  it.each([
    [['audit', 'no/such/path'], /path not found: no\/such\/path/],
    [['audit'], /missing required argument/],
    [['audit', 'samples', '--bogus'], /unknown option '--bogus'/],
    [['audit', 'samples', '--format', 'xml'], /unknown format "xml"/],
    [['audit', 'samples', '--format', 'json', '--format', 'text'], /only one format can go to stdout/],
    [['audit', 'samples', '--format', 'json', '--format', 'text', '--output', 'x'], /--output goes with a single --format/],
    [['audit', 'samples', '--format', 'json:a.out', '--format', 'text:a.out'], /same file a.out/],
    [['audit', 'samples', '--min-decision', 'maybe'], /argument 'maybe' is invalid/],
    [['audit', 'samples', '--rubric', 'nope'], /invalid rubric built-in:nope/],
    [['audit', 'samples', '--max-file-size', 'huge'], /invalid size "huge"/],
    [['audtit', 'samples'], /unknown command 'audtit'/],
  ])('%j is a usage error', async (argv, message) => {
    const r = await run(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(r.stdout).toBe('');
  });

  it('exits 2 when a folder holds no input files', async () => {
    const dir = tmp({ 'notes.txt': 'x' });
    const r = await run(['audit', '.'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no Markdown or JSON files found/);
  });

  it('exits 2 with one line per problem for a bad rubric file', async () => {
    const dir = tmp({ 'r.json': JSON.stringify({ id: 'x', title: 't' }), 'a.md': '# A\n' });
    const r = await run(['audit', 'a.md', '--rubric', 'r.json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^mcaudit: invalid rubric r\.json:\n {2}version: /);
  });
});

describe('gate: exit codes 0 and 1', () => {
  it('passes (0) when every offering is approved', async () => {
    const r = await run(['audit', 'samples/strong.md']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Decision: APPROVE/);
  });

  it('fails (1) when an offering is below --min-decision', async () => {
    expect((await run(['audit', 'samples/middling.md'])).code).toBe(1);
    expect((await run(['audit', 'samples/middling.md', '--min-decision', 'revise'])).code).toBe(0);
    expect((await run(['audit', 'samples/weak.md', '--min-decision', 'revise'])).code).toBe(1);
  });

  it('fails (1) on an invalid document whatever the gate, and still reports the rest', async () => {
    const dir = tmp({ 'bad.json': '{ "title": ', 'good.md': readFileSync(path.join(ROOT, 'samples/strong.md'), 'utf8') });
    const r = await run(['audit', '.', '--min-decision', 'revise', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout);
    expect(j.offerings.map((o: { file: string; decision: string }) => [o.file, o.decision])).toEqual([
      ['bad.json', 'invalid'],
      ['good.md', 'approve'],
    ]);
    expect(j.offerings[0].aspects).toBeNull();
    expect(j.offerings[0].findings[0]).toMatchObject({ ruleId: 'invalid-document', line: 1, column: 12 });
    expect(j.summary).toEqual({ offerings: 2, approve: 1, revise: 0, reject: 0, invalid: 1 });
  });
});

describe('json format', () => {
  it('has the documented shape, relative forward-slash paths and every input once', async () => {
    const r = await run(['audit', 'samples', '--format', 'json']);
    const j = JSON.parse(r.stdout);
    expect(Object.keys(j)).toEqual(['tool', 'rubric', 'rules', 'offerings', 'summary', 'generated', 'sources', 'waivers', 'duplicates', 'duplicateGroups', 'providers']);
    expect(j.tool).toEqual({ name: 'mcaudit', version: expect.any(String) });
    expect(j.rubric).toEqual({ id: 'new-america-2021', title: expect.any(String), version: expect.any(String), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(j.rules[0]).toEqual({ id: expect.any(String), aspect: expect.any(String), severity: expect.any(String), points: expect.any(Number), blocking: expect.any(Boolean), description: expect.any(String) });
    for (const o of j.offerings) {
      expect(o.file).toMatch(/^samples\/[^\\]+$/);
      expect(Object.keys(o)).toEqual(o.index === undefined ? ['file', 'id', 'title', 'provider', 'decision', 'score', 'aspects', 'findings', 'reasons'] : ['file', 'index', 'id', 'title', 'provider', 'decision', 'score', 'aspects', 'findings', 'reasons']);
      expect(Object.keys(o.aspects)).toEqual(['grain-size', 'resources', 'evidence', 'assessment', 'transparency']);
      for (const a of Object.values(o.aspects) as { level: number; label: string; score: number }[]) {
        expect(a.level).toBeGreaterThanOrEqual(0);
        expect(a.level).toBeLessThanOrEqual(3);
        expect(a.score).toBeGreaterThanOrEqual(0);
        expect(a.score).toBeLessThanOrEqual(100);
      }
      for (const f of o.findings) expect(Object.keys(f).slice(0, 8)).toEqual(['ruleId', 'aspect', 'severity', 'message', 'fix', 'line', 'column', 'path']);
      expect(o.reasons.length).toBeGreaterThan(0);
    }
    const s = j.summary;
    expect(s.offerings).toBe(j.offerings.length);
    expect(s.approve + s.revise + s.reject + s.invalid).toBe(s.offerings);
    const keys = j.offerings.map((o: { file: string; index?: number }) => `${o.file}#${o.index ?? ''}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('writes several formats in one run with --format <format>:<file>', async () => {
    const dir = tmp({});
    const r = await run(['audit', 'samples/strong.md', '--format', `json:${dir}/r.json`, '--format', 'text']);
    expect(r.stdout).toMatch(/Decision: APPROVE/);
    expect(JSON.parse(readFileSync(path.join(dir, 'r.json'), 'utf8')).offerings[0].decision).toBe('approve');
  });

  it('writes to --output and nothing to stdout', async () => {
    const dir = tmp({});
    const out = path.join(dir, 'deep/report.json');
    const r = await run(['audit', 'samples/strong.md', '--format', 'json', '--output', out]);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).summary.offerings).toBe(1);
  });
});

describe('text format', () => {
  it('prints file:line:col findings with fix hints and a catalog summary', async () => {
    const r = await run(['audit', 'samples/middling.md']);
    expect(r.stdout).toMatch(/^ {4}samples\/middling\.md:\d+:\d+ {2}(error|warning|info) {2}[a-z-]+ {2}\S/m);
    expect(r.stdout).toMatch(/^ {6}fix: \S/m);
    expect(r.stdout).toMatch(/Summary: 1 offering — 0 approve, 1 revise, 0 reject, 0 invalid/);
    expect(r.stdout).toMatch(/Weakest aspect: /);
  });

  it('--quiet prints one line per offering and the summary', async () => {
    const r = await run(['audit', 'samples/strong.md', 'samples/weak.md', '--quiet']);
    expect(r.stdout).toMatch(/^APPROVE +\d+ {2}samples\/strong\.md/m);
    expect(r.stdout).toMatch(/^REJECT +\d+ {2}samples\/weak\.md/m);
    expect(r.stdout).not.toMatch(/Findings/);
  });

  it('colours only when asked or on a terminal, and honours NO_COLOR and FORCE_COLOR', async () => {
    const args = ['audit', 'samples/strong.md'];
    expect((await run(args)).stdout).not.toContain(ESC);
    expect((await run(args, { tty: true })).stdout).toContain(ESC);
    expect((await run(args, { tty: true, env: { NO_COLOR: '1' } })).stdout).not.toContain(ESC);
    expect((await run(args, { env: { FORCE_COLOR: '1' } })).stdout).toContain(ESC);
    expect((await run([...args, '--no-color'], { env: { FORCE_COLOR: '1' } })).stdout).not.toContain(ESC);
    expect((await run([...args, '--color'])).stdout).toContain(ESC);
  });

  it('never lets control characters from documents reach the terminal', async () => {
    const dir = tmp({
      'evil.md': `---\ntitle: "Evil\\e[2J\\e]8;;https://x.test\\aclick\\e]8;;\\a\\u202Eoops"\nprovider: "P\\x07\\x1b[31mred"\n---\n## Competency\nEducator \u001b[2Juses wait time.\n`,
    });
    for (const env of [{}, { FORCE_COLOR: '1' }] as Record<string, string>[]) {
      const r = await run(['audit', 'evil.md'], { cwd: dir, env });
      expect(r.stdout).not.toMatch(/\u001b\[2J|\u001b\]8|\u0007|\u202e/);
      expect(r.stdout).toContain('Evil');
    }
  });

  it('matches the golden report for the samples (colour off)', async () => {
    const r = await run(['audit', 'samples', '--min-decision', 'revise']);
    await expect(r.stdout).toMatchFileSnapshot('./golden/samples.txt');
  });
});
