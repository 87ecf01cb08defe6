import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findConfig } from '../../src/config/load.js';
import { globToRegExp } from '../../src/config/select.js';
import { ROOT, run, tmp, withoutGateLines } from '../cli-run.js';

const STRONG = readFileSync(path.join(ROOT, 'samples/strong.md'), 'utf8');
const MIDDLING = readFileSync(path.join(ROOT, 'samples/middling.md'), 'utf8');

async function printConfig(cwd: string, extra: string[] = []) {
  const r = await run(['audit', '--print-config', ...extra], { cwd });
  return { ...r, json: r.code === 0 ? JSON.parse(r.stdout) : null };
}

async function audited(cwd: string, args: string[] = ['.']): Promise<string[]> {
  // Only which files are read matters here, not the gate.
  const r = await run(['audit', ...args, '--format', 'json', '--min-decision', 'revise'], { cwd });
  expect(withoutGateLines(r.stderr)).toBe('');
  return JSON.parse(r.stdout).offerings.map((o: { file: string }) => o.file);
}

describe('config discovery', () => {
  it('finds mcaudit.config.json in a parent folder and resolves paths relative to it', async () => {
    const dir = tmp({
      'mcaudit.config.json': { rubric: 'rubrics/state.json', formats: ['text', 'json:out/report.json'], gate: { minDecision: 'revise', failOn: 'warning', maxWarnings: 3 }, baseline: 'mcaudit-baseline.json', waivers: 'waivers.json' },
      'rubrics/state.json': { extends: 'strict', id: 'state' },
      'catalog/a/x.md': STRONG,
    });
    const { code, json } = await printConfig(path.join(dir, 'catalog/a'));
    expect(code).toBe(0);
    expect(json).toEqual({
      config: '../../mcaudit.config.json',
      rubric: '../../rubrics/state.json',
      formats: ['text', 'json:../../out/report.json'],
      include: [],
      exclude: [],
      ignoreFiles: [],
      ignorePatterns: [],
      gate: { minDecision: 'revise', failOn: 'warning', maxWarnings: 3 },
      waivers: '../../waivers.json',
      baseline: '../../mcaudit-baseline.json',
    });
    // The config's rubric and formats are used by a real run (without the baseline and
    // waivers files, which this fixture does not have).
    writeFileSync(path.join(dir, 'mcaudit.config.json'), JSON.stringify({ rubric: 'rubrics/state.json', formats: ['text', 'json:out/report.json'], gate: { minDecision: 'revise' } }));
    const r = await run(['audit', 'x.md'], { cwd: path.join(dir, 'catalog/a') });
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(dir, 'out/report.json'), 'utf8')).rubric.id).toBe('state');
  });

  it('finds .mcauditrc.json too, and prefers the nearest config', async () => {
    const dir = tmp({ '.mcauditrc.json': { rubric: 'strict' }, 'sub/mcaudit.config.json': { gate: { minDecision: 'revise' } } });
    expect((await printConfig(dir)).json).toMatchObject({ config: '.mcauditrc.json', rubric: 'strict' });
    expect((await printConfig(path.join(dir, 'sub'))).json).toMatchObject({ config: 'mcaudit.config.json', rubric: 'default', gate: { minDecision: 'revise' } });
  });

  it('stops at the filesystem root when there is no config', () => {
    const dir = tmp({ 'a/b/c/x.md': STRONG });
    expect(findConfig(path.join(dir, 'a/b/c'))).toBeNull();
    expect(findConfig(path.parse(dir).root)).toBeNull();
  });

  it('without a config prints the defaults', async () => {
    const dir = tmp({});
    expect((await printConfig(dir, ['--no-config'])).json).toMatchObject({ config: null, rubric: 'default', formats: ['text'], gate: { minDecision: 'approve', failOn: null, maxWarnings: null } });
  });

  it('is an error to have both names in one folder', async () => {
    const dir = tmp({ 'mcaudit.config.json': {}, '.mcauditrc.json': {} });
    const r = await printConfig(dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/two config files in \.: mcaudit\.config\.json and \.mcauditrc\.json/);
  });

  it('--config names a file; --no-config skips discovery; flags override the config', async () => {
    const dir = tmp({ 'mcaudit.config.json': { rubric: 'strict', gate: { minDecision: 'revise' } }, 'ci/other.json': { rubric: '../r.json' }, 'r.json': { extends: 'default', id: 'r' } });
    expect((await printConfig(dir, ['--config', 'ci/other.json'])).json).toMatchObject({ config: 'ci/other.json', rubric: 'r.json' });
    expect((await printConfig(dir, ['--no-config'])).json).toMatchObject({ config: null, rubric: 'default' });
    expect((await printConfig(dir, ['--rubric', 'default', '--min-decision', 'approve'])).json).toMatchObject({ rubric: 'default', gate: { minDecision: 'approve' } });
    const missing = await printConfig(dir, ['--config', 'nope.json']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('mcaudit: config file not found: nope.json\n');
  });
});

describe('bad configs exit 2 with one line per problem', () => {
  it.each([
    [{ rubrc: 'strict' }, ['rubrc: unknown key (did you mean "rubric"?)']],
    [{ gate: { minDecison: 'revise', maxWarnings: -1 } }, ['gate.maxWarnings: Too small: expected number to be >=0', 'gate.minDecison: unknown key (did you mean "minDecision"?)']],
    [{ formats: ['jsno'], include: 'x' }, ['formats.0: unknown format "jsno" (did you mean "json"?)', 'include: Invalid input: expected array, received string']],
    [{ gate: { minDecision: 'reject' } }, [expect.stringMatching(/^gate\.minDecision: Invalid option: expected one of "approve"\|"revise"$/)]],
  ])('%j', async (config, lines) => {
    const dir = tmp({ 'mcaudit.config.json': config, 'a.md': STRONG });
    const r = await run(['audit', 'a.md'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const got = r.stderr.split('\n').filter((l) => l.startsWith('  ')).map((l) => l.trim());
    expect(r.stderr.split('\n')[0]).toBe('mcaudit: invalid config mcaudit.config.json:');
    expect(got.sort()).toEqual(lines);
  });

  it('reports invalid JSON', async () => {
    const dir = tmp({ '.mcauditrc.json': '{ "rubric": ', 'a.md': STRONG });
    const r = await run(['audit', 'a.md'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^mcaudit: invalid config \.mcauditrc\.json:\n {2}not valid JSON/);
  });

  it('reports a bad rubric named by the config', async () => {
    const dir = tmp({ 'mcaudit.config.json': { rubric: 'r.json' }, 'r.json': { extends: 'default', rules: { feedbak: {} } }, 'a.md': STRONG });
    const r = await run(['audit', 'a.md'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/invalid rubric r\.json:\n {2}rules\.feedbak: unknown rule \(did you mean "feedback"\?\)/);
  });
});

describe('ignore files, --ignore-pattern, include and exclude', () => {
  const files = {
    'catalog/a.md': STRONG,
    'catalog/b.md': MIDDLING,
    'catalog/drafts/c.md': MIDDLING,
    'catalog/data.json': '{"title": "x"}',
    'other/d.md': STRONG,
  };

  it('reads .mcauditignore (gitignore syntax) in the working directory', async () => {
    const dir = tmp({ ...files, '.mcauditignore': '# drafts are not ready\ndrafts/\n*.json\n!keep.json\n' });
    expect(await audited(dir)).toEqual(['catalog/a.md', 'catalog/b.md', 'other/d.md']);
    expect((await printConfig(dir)).json.ignoreFiles).toEqual(['.mcauditignore']);
  });

  it('reads .mcauditignore in the config folder, relative to it', async () => {
    const dir = tmp({ ...files, 'mcaudit.config.json': {}, '.mcauditignore': '/catalog/b.md\n' });
    expect(await audited(path.join(dir, 'catalog'))).toEqual(['a.md', 'data.json', 'drafts/c.md']);
  });

  it('--ignore-pattern is repeatable and relative to the working directory', async () => {
    const dir = tmp(files);
    expect(await audited(dir, ['.', '--ignore-pattern', 'other', '--ignore-pattern', 'catalog/drafts/'])).toEqual(['catalog/a.md', 'catalog/b.md', 'catalog/data.json']);
  });

  it('config include globs and exclude patterns are relative to the config file', async () => {
    const dir = tmp({ ...files, 'mcaudit.config.json': { include: ['catalog/**/*.md'], exclude: ['drafts/'] } });
    expect(await audited(dir)).toEqual(['catalog/a.md', 'catalog/b.md']);
    expect(await audited(path.join(dir, 'catalog'))).toEqual(['a.md', 'b.md']);
  });

  it('always reads files named on the command line', async () => {
    const dir = tmp({ ...files, '.mcauditignore': 'drafts/\n' });
    expect(await audited(dir, ['catalog/drafts/c.md'])).toEqual(['catalog/drafts/c.md']);
  });

  it('still exits 2 when everything is ignored', async () => {
    const dir = tmp({ ...files, '.mcauditignore': '*\n' });
    const r = await run(['audit', '.'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no Markdown or JSON files found/);
  });
});

describe('globToRegExp', () => {
  it.each([
    ['*.md', 'a.md', true],
    ['*.md', 'x/y/a.md', true],
    ['catalog/*.md', 'catalog/x/a.md', false],
    ['catalog/**/*.md', 'catalog/a.md', true],
    ['catalog/**/*.md', 'catalog/x/y/a.md', true],
    ['catalog/**', 'catalog/x/y.json', true],
    ['**/*.{md,json}', 'a/b.json', true],
    ['./a?.md', 'ab.md', true],
    ['a.md', 'a_md', false],
  ])('%s matches %s: %s', (glob, file, want) => {
    expect(globToRegExp(glob).test(file)).toBe(want);
  });
});
