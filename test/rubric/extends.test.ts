import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deepMerge, MAX_EXTENDS_DEPTH } from '../../src/rubric/extends.js';
import { loadRubric, RubricError } from '../../src/rubric/load.js';

function tmp(files: Record<string, unknown>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'mcaudit-extends-'));
  for (const [name, json] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), typeof json === 'string' ? json : JSON.stringify(json));
  }
  return dir;
}

function problems(file: string, cwd: string): { origin: string; problems: string[] } {
  try {
    loadRubric(file, cwd);
  } catch (e) {
    if (e instanceof RubricError) return { origin: e.origin, problems: e.problems };
    throw e;
  }
  throw new Error('expected a RubricError');
}

describe('deepMerge', () => {
  it('merges objects at every depth; arrays and values replace', () => {
    expect(deepMerge({ a: { b: 1, c: [1, 2] }, d: 1 }, { a: { c: [3] }, e: 2 })).toEqual({ a: { b: 1, c: [3] }, d: 1, e: 2 });
  });
});

describe('rubric extends', () => {
  it('resolves the short strict rubric to exactly the former full strict.json', () => {
    // test/fixtures/rubric/strict-resolved.json is the resolved form of the full strict.json
    // before it became an `extends: "default"` file. If the default rubric changes on
    // purpose, regenerate it from `mcaudit rubric check strict`.
    const want = JSON.parse(readFileSync(new URL('../fixtures/rubric/strict-resolved.json', import.meta.url), 'utf8'));
    expect(JSON.parse(JSON.stringify(loadRubric('strict').file))).toEqual(want);
  });

  it('overrides weights, thresholds, policy and per-rule settings, merging objects and replacing arrays', () => {
    const dir = tmp({
      'state.json': {
        extends: 'default',
        id: 'state',
        aspectWeights: { evidence: 3 },
        levels: { proficient: 70 },
        decision: { approve: { minLevels: { evidence: 3 }, requiredRules: ['calibration'] } },
        rules: { calibration: { severity: 'error', params: { phrases: ['norming'] } }, 'research-recency': { enabled: false } },
      },
    });
    const d = loadRubric('default');
    const r = loadRubric('state.json', dir);
    expect(r.file.id).toBe('state');
    expect(r.file.title).toBe(d.file.title);
    expect(r.file.aspects.find((a) => a.id === 'evidence')!.weight).toBe(3);
    expect(r.file.aspects.find((a) => a.id === 'assessment')!.weight).toBe(1);
    expect(r.file.levels).toEqual({ ...d.file.levels, proficient: 70 });
    expect(r.file.decision.approve.minLevels).toEqual({ ...d.file.decision.approve.minLevels, evidence: 3 });
    expect(r.file.decision.approve.requiredRules).toEqual(['calibration']);
    expect(r.file.rules['calibration']).toMatchObject({ severity: 'error', points: d.file.rules['calibration']!.points, params: { phrases: ['norming'] } });
    expect(r.rules.map((x) => x.rule.id)).not.toContain('research-recency');
    expect(r.sha256).not.toBe(d.sha256);
  });

  it('follows chains of files relative to each file, and built-in names', () => {
    const dir = tmp({
      'a/top.json': { extends: '../b/mid.json', id: 'top' },
      'b/mid.json': { extends: 'strict', rules: { turnaround: { params: { maxDays: 10 } } } },
    });
    const r = loadRubric('a/top.json', dir);
    expect(r.file.id).toBe('top');
    expect(r.file.rules['turnaround']!.params).toEqual({ maxDays: 10 });
    expect(r.file.decision.approve.requiredRules).toContain('blind-review'); // from strict
  });

  it('hashes the resolved rubric: a copy and an extends file with no changes hash the same', () => {
    const d = loadRubric('default');
    const dir = tmp({ 'copy.json': JSON.stringify(d.file, null, 4), 'same.json': { extends: 'default' } });
    expect(loadRubric('copy.json', dir).sha256).toBe(d.sha256);
    expect(loadRubric('same.json', dir).sha256).toBe(d.sha256);
  });

  it('reports a cycle with the chain', () => {
    const dir = tmp({ 'a.json': { extends: 'b.json' }, 'b.json': { extends: './a.json' } });
    expect(problems('a.json', dir)).toEqual({ origin: 'a.json', problems: ['extends: cycle: a.json -> b.json -> a.json'] });
    const self = tmp({ 's.json': { extends: 's.json' } });
    expect(problems('s.json', self).problems[0]).toMatch(/^extends: cycle: s\.json -> s\.json$/);
  });

  it('bounds the depth of a chain', () => {
    const files: Record<string, unknown> = {};
    for (let i = 0; i < MAX_EXTENDS_DEPTH + 2; i++) files[`r${i}.json`] = { extends: i === MAX_EXTENDS_DEPTH + 1 ? 'default' : `r${i + 1}.json` };
    expect(problems('r0.json', tmp(files)).problems[0]).toMatch(new RegExp(`^extends: chain is longer than ${MAX_EXTENDS_DEPTH} rubrics`));
  });

  it('names the file a problem is in: missing, bad JSON, unknown keys with a suggestion', () => {
    const dir = tmp({
      'missing.json': { extends: 'nowhere.json' },
      'badjson.json': { extends: 'bad.json' },
      'bad.json': '{ nope',
      'typo.json': { extends: 'default', rules: { calibration: { severty: 'error' } }, levls: {} },
      'unknown-builtin.json': { extends: 'lenient' },
    });
    expect(problems('missing.json', dir)).toEqual({ origin: 'nowhere.json', problems: ['cannot read file'] });
    expect(problems('badjson.json', dir)).toMatchObject({ origin: 'bad.json', problems: [expect.stringMatching(/^not valid JSON/)] });
    expect(problems('typo.json', dir).problems.sort()).toEqual(['levls: unknown key (did you mean "levels"?)', 'rules.calibration.severty: unknown key (did you mean "severity"?)']);
    expect(problems('unknown-builtin.json', dir)).toEqual({ origin: 'built-in:lenient', problems: ['cannot read built-in rubric (built-in rubrics: default, strict)'] });
  });

  it('checks the merged rubric as a whole (unknown rules, incomplete base)', () => {
    const dir = tmp({
      'r.json': { extends: 'default', rules: { calibrate: { severity: 'error' } } },
      'partial.json': { extends: 'base.json' },
      'base.json': { id: 'x' },
    });
    expect(problems('r.json', dir).problems).toEqual(['rules.calibrate: unknown rule (did you mean "calibration"?)']);
    expect(problems('partial.json', dir)).toMatchObject({ origin: 'base.json', problems: expect.arrayContaining([expect.stringMatching(/^title: /)]) });
  });

  it('the example state rubric is short and valid', () => {
    const file = new URL('../../rubrics/examples/state-renewal.json', import.meta.url).pathname;
    expect(readFileSync(file, 'utf8').split('\n').length).toBeLessThanOrEqual(25);
    const r = loadRubric(file);
    expect(r.file.id).toBe('example-state-renewal');
    expect(r.file.decision.approve.requiredRules).toContain('calibration');
  });
});
