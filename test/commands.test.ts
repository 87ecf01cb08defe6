import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PLACEHOLDER_RE } from '../src/rules/text.js';
import { RULES } from '../src/rules/index.js';
import { ROOT, run, tmp } from './cli-run.js';

const FILLED = readFileSync(path.join(ROOT, 'test/fixtures/init/filled.md'), 'utf8');
const STRONG = readFileSync(path.join(ROOT, 'samples/strong.md'), 'utf8');
const MIDDLING = readFileSync(path.join(ROOT, 'samples/middling.md'), 'utf8');

describe('lint', () => {
  it('prints findings grouped by aspect with fixes, then the decision; exit 1 below approve', async () => {
    const r = await run(['lint', 'samples/middling.md', '--no-config']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^samples\/middling\.md {2}Anchor Charts/);
    expect(r.stdout).toMatch(/^ {4}samples\/middling\.md:\d+:\d+ {2}(error|warning|info) {2}[a-z-]+ {2}\S/m);
    expect(r.stdout).toMatch(/^ {6}fix: \S/m);
    expect(r.stdout).toMatch(/^ {2}Decision: REVISE {2}score \d+\/100$/m);
    expect(r.stdout).not.toMatch(/┌|Summary:|Weakest aspect/); // no tables, no catalog summary
    // Groups appear in aspect order, each once.
    const groups = lines.filter((l) => /^ {2}[a-z-]+$/.test(l)).map((l) => l.trim());
    expect(groups).toEqual(['grain-size', 'resources', 'evidence', 'assessment', 'transparency'].filter((g) => groups.includes(g)));
    expect(new Set(groups).size).toBe(groups.length);
  });

  it('matches the golden lint view (colour off)', async () => {
    const r = await run(['lint', 'samples/middling.md', 'samples/strong.md', '--no-config']);
    await expect(r.stdout).toMatchFileSnapshot('./golden/lint-middling-strong.txt');
  });

  it('exit 0 when the decision meets --min-decision', async () => {
    expect((await run(['lint', 'samples/strong.md'])).code).toBe(0);
    expect((await run(['lint', 'samples/middling.md', '--min-decision', 'revise'])).code).toBe(0);
    expect((await run(['lint', 'samples/weak.md', '--min-decision', 'revise'])).code).toBe(1);
  });

  it('reads standard input with -, named by --stdin-filename (which also picks JSON)', async () => {
    const md = await run(['lint', '-', '--stdin-filename', 'drafts/x.md'], { stdin: STRONG });
    expect(md.code).toBe(0);
    expect(md.stdout).toMatch(/^drafts\/x\.md {2}Single-Point/);
    const json = readFileSync(path.join(ROOT, 'samples/offering.json'), 'utf8');
    const j = await run(['lint', '-', '--stdin-filename', 'o.json', '--format', 'json'], { stdin: json });
    expect(JSON.parse(j.stdout).offerings[0].file).toBe('o.json');
    const plain = await run(['lint', '-'], { stdin: MIDDLING });
    expect(plain.stdout).toMatch(/^ {4}stdin\.md:\d+:\d+ {2}/m);
    expect(plain.code).toBe(1);
    const bad = await run(['lint', '-', '--stdin-filename', 'b.json'], { stdin: '{ nope' });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/b\.json:1:\d+ {2}error {2}invalid-document/);
  });

  it('is a usage error for a missing file or an unknown format', async () => {
    const missing = await run(['lint', 'nope.md']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('mcaudit: path not found: nope.md\n');
    const fmt = await run(['lint', 'samples/strong.md', '--format', 'xml']);
    expect(fmt.code).toBe(2);
    expect(fmt.stderr).toMatch(/unknown format "xml"/);
  });

  it('uses the config rubric and gate', async () => {
    const dir = tmp({ 'mcaudit.config.json': { gate: { minDecision: 'revise' } }, 'm.md': MIDDLING });
    expect((await run(['lint', 'm.md'], { cwd: dir })).code).toBe(0);
    expect((await run(['lint', 'm.md', '--min-decision', 'approve'], { cwd: dir })).code).toBe(1);
  });
});

describe('init', () => {
  it('prints a Markdown draft to stdout that lints as failing on its placeholders', async () => {
    const r = await run(['init']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(PLACEHOLDER_RE);
    const dir = tmp({ 'draft.md': r.stdout });
    const l = await run(['lint', 'draft.md', '--format', 'json'], { cwd: dir });
    expect(l.code).toBe(1);
    const o = JSON.parse(l.stdout).offerings[0];
    expect(o.decision).toBe('reject');
    expect(o.findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(expect.arrayContaining(['competency-present', 'key-method', 'method-components', 'research-basis', 'resources-present', 'issuer', 'identifier-version']));
    expect(o.findings.filter((f: { message: string }) => /placeholder/.test(f.message)).length).toBeGreaterThanOrEqual(5);
    // Every placeholder of the template is a finding of its own, at its place.
    const left = o.findings.filter((f: { ruleId: string }) => f.ruleId === 'placeholder');
    const lines = r.stdout.split('\n');
    // Exact columns, but in table rows (which point at the row).
    for (const f of left) if (!lines[f.line - 1]!.startsWith('|')) expect(lines[f.line - 1]!.slice(f.column - 1).startsWith(f.message.replace('placeholder left in: ', '').replace(/…$/, ''))).toBe(true);
    const fmEnd = r.stdout.indexOf('\n---\n', 4);
    const visible = r.stdout.slice(0, fmEnd).replace(/^#.*$/gm, '') + r.stdout.slice(fmEnd).replace(/<!--[\s\S]*?-->/g, '');
    expect(left.length).toBe([...visible.matchAll(new RegExp(PLACEHOLDER_RE.source, 'gi'))].length);
    expect(left[0]).toMatchObject({ line: 4, column: 6, severity: 'warning', message: 'placeholder left in: [Enter an identifier, e.g. ORG-FA-101]' });
  });

  it('fails lint while a placeholder is left, even when the draft would be approved', async () => {
    const dir = tmp({ 'd.md': FILLED.replace('badge: "Open Badges 3.0', 'badge: "[Describe the badge] Open Badges 3.0') });
    const r = await run(['lint', 'd.md'], { cwd: dir });
    expect(r.stdout).toMatch(/Decision: APPROVE/);
    expect(r.stdout).toMatch(/^ {2}document\n {4}d\.md:22:9 {2}warning {2}placeholder {2}placeholder left in: \[Describe the badge\]$/m);
    expect(r.code).toBe(1);
  });

  it('passes (approve) once filled in: the fixture keeps every section of the template', async () => {
    const template = (await run(['init'])).stdout;
    const headings = (s: string) => s.split('\n').filter((l) => /^#{2,3} /.test(l));
    expect(headings(FILLED)).toEqual(headings(template));
    expect(FILLED).not.toMatch(PLACEHOLDER_RE);
    const r = await run(['lint', 'test/fixtures/init/filled.md']);
    expect(r.stdout).toMatch(/Decision: APPROVE/);
    expect(r.code).toBe(0);
  });

  it('writes a file, JSON by name or --format, and refuses to overwrite without --force', async () => {
    const dir = tmp({});
    const r = await run(['init', 'drafts/new.json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/wrote drafts\/new\.json/);
    const json = JSON.parse(readFileSync(path.join(dir, 'drafts/new.json'), 'utf8'));
    expect(json.competency).toMatch(PLACEHOLDER_RE);
    const l = await run(['lint', 'drafts/new.json', '--format', 'json'], { cwd: dir });
    expect(l.code).toBe(1);
    expect(JSON.parse(l.stdout).offerings[0].findings.some((f: { ruleId: string }) => f.ruleId === 'unknown-field')).toBe(false);

    writeFileSync(path.join(dir, 'mine.md'), 'my work');
    const refused = await run(['init', 'mine.md'], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe('mcaudit: mine.md already exists; use --force to overwrite it\n');
    expect(readFileSync(path.join(dir, 'mine.md'), 'utf8')).toBe('my work');
    expect((await run(['init', 'mine.md', '--force', '--format', 'json'], { cwd: dir })).code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(dir, 'mine.md'), 'utf8')).title).toMatch(PLACEHOLDER_RE);
    expect(existsSync(path.join(dir, 'drafts/new.json'))).toBe(true);
  });
});

describe('rules', () => {
  it('lists every enabled rule of the rubric as text', async () => {
    const r = await run(['rules']);
    expect(r.code).toBe(0);
    const rows = r.stdout.split('\n').filter((l) => /^[a-z]/.test(l) && !l.includes(' rules in rubric'));
    expect(rows.map((l) => l.split(/\s+/)[0])).toEqual(RULES.map((x) => x.id));
    expect(r.stdout).toMatch(/^calibration +assessment +warning +10 {2}\S/m);
    expect(r.stdout).toMatch(/^competency-present +grain-size +error,blocking +\d+ {2}/m);
  });

  it('as JSON, with the chosen rubric', async () => {
    const d = JSON.parse((await run(['rules', '--format', 'json'])).stdout);
    const s = JSON.parse((await run(['rules', '--format', 'json', '--rubric', 'strict'])).stdout);
    expect(d[0]).toEqual({ id: 'competency-present', aspect: 'grain-size', severity: 'error', points: expect.any(Number), blocking: true, description: expect.any(String) });
    expect(s.find((x: { id: string }) => x.id === 'calibration')).toMatchObject({ severity: 'error', points: 15 });
    const dir = tmp({ 'r.json': { extends: 'default', rules: { calibration: { enabled: false } } } });
    const off = JSON.parse((await run(['rules', '-f', 'json', '-r', 'r.json'], { cwd: dir })).stdout);
    expect(off.map((x: { id: string }) => x.id)).not.toContain('calibration');
  });
});

describe('explain', () => {
  it('prints rationale, source, fix, parameters from the rubric and both examples', async () => {
    const r = await run(['explain', 'turnaround']);
    expect(r.code).toBe(0);
    const t = RULES.find((x) => x.id === 'turnaround')!;
    for (const h of ['Why it matters', 'Source', 'How to fix', 'Parameters (from the rubric)', 'Passes', 'Fails']) expect(r.stdout).toContain(`\n${h}\n`);
    expect(r.stdout).toContain(t.rationale.split('\n')[0]!);
    expect(r.stdout).toContain(t.fix);
    expect(r.stdout).toContain(t.examples!.pass.trim().split('\n')[0]!);
    expect(r.stdout).toMatch(/"maxDays": 30/);
    expect((await run(['explain', 'turnaround', '--rubric', 'strict'])).stdout).toMatch(/"maxDays": 21/);
  });

  it('suggests the nearest rule for an unknown id (exit 2)', async () => {
    const r = await run(['explain', 'calibraton']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('mcaudit: unknown rule "calibraton" (did you mean "calibration"?); mcaudit rules lists them\n');
    expect((await run(['explain', 'zzzzzzzzzz'])).stderr).toBe('mcaudit: unknown rule "zzzzzzzzzz"; mcaudit rules lists them\n');
  });
});

describe('rubric check', () => {
  it('prints the resolved rubric and exits 0', async () => {
    const dir = tmp({ 'state.json': { extends: 'strict', id: 'state', levels: { exemplary: 90 } } });
    const r = await run(['rubric', 'check', 'state.json'], { cwd: dir });
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ id: 'state', levels: { developing: 45, proficient: 70, exemplary: 90 } });
    expect(j.extends).toBeUndefined();
    expect(Object.keys(j.rules)).toHaveLength(RULES.length);
    expect(r.stderr).toMatch(/^mcaudit: rubric state\.json is valid \(state\.json -> built-in:strict -> built-in:default\); \d+ rules enabled; sha256 [0-9a-f]{64}\n$/);
  });

  it('exits 2 with one line per problem', async () => {
    const dir = tmp({ 'bad.json': { extends: 'default', levels: { proficient: 'high' }, rules: { feedbak: {} } } });
    const r = await run(['rubric', 'check', 'bad.json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('mcaudit: invalid rubric bad.json:\n  levels.proficient: Invalid input: expected number, received string\n');
  });
});

describe('schema', () => {
  it.each(['offering', 'rubric', 'config'])('prints the %s schema as in schemas/', async (kind) => {
    const r = await run(['schema', kind]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(readFileSync(path.join(ROOT, `schemas/${kind}.schema.json`), 'utf8'));
  });

  it('defaults to the offering schema and rejects an unknown kind', async () => {
    expect((await run(['schema'])).stdout).toBe((await run(['schema', 'offering'])).stdout);
    const r = await run(['schema', 'badge']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/value 'badge' is invalid/);
  });
});
