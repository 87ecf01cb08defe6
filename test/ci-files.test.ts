/**
 * The CI integration files: action.yml (inputs, safe scripts, and its audit step run for
 * real with bash), .pre-commit-hooks.yaml, and README's workflow example agreeing with them.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT, tmp } from './cli-run.js';

interface Step {
  name: string;
  id?: string;
  uses?: string;
  shell?: string;
  run?: string;
  env?: Record<string, string>;
}
interface Action {
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
}

const action = parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as Action;
const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

describe('action.yml', () => {
  it('is a composite action with the documented inputs and outputs', () => {
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs)).toEqual(expect.arrayContaining(['path', 'rubric', 'min-decision', 'sarif-file', 'fail-on', 'max-warnings', 'baseline']));
    expect(Object.keys(action.outputs)).toEqual(['sarif-file', 'exit-code']);
    for (const [k, v] of Object.entries(action.inputs)) expect(v.description.length, k).toBeGreaterThan(10);
  });

  it('never pastes an expression into a script (inputs come in as environment variables)', () => {
    for (const s of action.runs.steps.filter((x) => x.run !== undefined)) {
      expect(s.shell).toBe('bash');
      expect(s.run, s.name).not.toContain('${{');
    }
  });

  it("runs mcaudit from the action's own checkout", () => {
    const install = action.runs.steps.find((s) => s.name === 'Install mcaudit')!;
    expect(install.run).toMatch(/npm ci --prefix "\$GITHUB_ACTION_PATH"/);
    expect(action.runs.steps.find((s) => s.id === 'audit')!.run).toContain('node "$GITHUB_ACTION_PATH/bin/mcaudit.js"');
  });

  it('its audit step writes SARIF, prints annotations, sets outputs and passes the exit code on', () => {
    expect(existsSync(path.join(ROOT, 'dist/bin.js')), 'build first (npm ci runs the build)').toBe(true);
    const step = action.runs.steps.find((s) => s.id === 'audit')!;
    const dir = tmp({
      'creds/good.md': readFileSync(path.join(ROOT, 'samples/strong.md'), 'utf8'),
      'creds/so-so.md': readFileSync(path.join(ROOT, 'samples/middling.md'), 'utf8'),
      'other/x.md': readFileSync(path.join(ROOT, 'samples/weak.md'), 'utf8'),
    });
    const runStep = (inputs: Record<string, string>): { status: number | null; stdout: string; outputs: string } => {
      const env: Record<string, string> = { PATH: process.env.PATH ?? '', GITHUB_ACTION_PATH: ROOT, GITHUB_OUTPUT: path.join(dir, `out-${Math.random()}`) };
      for (const [k, expr] of Object.entries(step.env!)) {
        const name = /inputs\.([a-z-]+)/.exec(expr)![1]!;
        env[k] = inputs[name] ?? action.inputs[name]!.default ?? '';
      }
      const r = spawnSync('bash', ['-e', '-c', step.run!], { cwd: dir, env, encoding: 'utf8' });
      return { status: r.status, stdout: r.stdout, outputs: existsSync(env.GITHUB_OUTPUT!) ? readFileSync(env.GITHUB_OUTPUT!, 'utf8') : '' };
    };
    const failing = runStep({ path: 'creds' });
    expect(failing.status).toBe(1);
    expect(failing.stdout).toMatch(/^::error file=creds\/so-so\.md,line=1,title=mcaudit decision%3A revise/m);
    expect(failing.outputs).toBe('sarif-file=mcaudit.sarif\nexit-code=1\n');
    const sarif = JSON.parse(readFileSync(path.join(dir, 'mcaudit.sarif'), 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    const textRun = runStep({ path: 'creds/good.md other', 'min-decision': 'revise', 'sarif-file': 'out/r.sarif', annotations: 'false', 'fail-on': 'error' });
    expect(textRun.stdout).toMatch(/Decision: APPROVE/);
    expect(textRun.status).toBe(1); // other/x.md is a reject
    expect(existsSync(path.join(dir, 'out/r.sarif'))).toBe(true);
    expect(runStep({ path: 'creds/good.md', 'max-warnings': '5' }).status).toBe(0);
    expect(runStep({ path: 'creds/good.md', 'max-warnings': '0' }).status).toBe(1);
    expect(runStep({ path: 'nowhere' }).status).toBe(2);
  });
});

describe('.pre-commit-hooks.yaml', () => {
  it('defines mcaudit-lint, a node hook on Markdown and JSON files', () => {
    const hooks = parse(readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; language: string; files: string }[];
    const hook = hooks.find((h) => h.id === 'mcaudit-lint')!;
    expect(hook).toMatchObject({ entry: 'mcaudit lint', language: 'node' });
    const files = new RegExp(hook.files);
    for (const f of ['a.md', 'drafts/b.markdown', 'c.json']) expect(files.test(f), f).toBe(true);
    for (const f of ['a.txt', 'b.yml', 'md']) expect(files.test(f), f).toBe(false);
  });
});

describe("README's CI section", () => {
  // Other README sections show YAML too (front matter with --- markers): only single documents count here.
  const blocks = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!).filter((b) => !/^\s*---\s*$/m.test(b));

  it('has a workflow that checks out, runs the action with its real inputs and uploads SARIF with security-events: write', () => {
    const wf = blocks.map((b) => parse(b) as { jobs?: Record<string, { steps: { uses?: string; with?: Record<string, string> }[] }>; permissions?: Record<string, string> }).find((b) => b.jobs)!;
    expect(wf.permissions).toMatchObject({ 'security-events': 'write' });
    const steps = Object.values(wf.jobs!)[0]!.steps;
    expect(steps[0]!.uses).toMatch(/^actions\/checkout@/);
    const ours = steps.find((s) => s.uses?.includes('/mcaudit@'))!;
    for (const k of Object.keys(ours.with ?? {})) expect(Object.keys(action.inputs), k).toContain(k);
    const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'))!;
    expect(upload.with!.sarif_file).toBe(ours.with!['sarif-file']);
  });

  it('shows the pre-commit snippet with the hook id', () => {
    const cfg = blocks.map((b) => parse(b) as { repos?: { hooks: { id: string }[] }[] }).find((b) => b.repos)!;
    expect(cfg.repos![0]!.hooks[0]!.id).toBe('mcaudit-lint');
  });
});
