import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PARSE_ONCE } from '../../src/issues.js';
import { RUBRICS_DIR } from '../../src/paths.js';
import { loadRubric, RubricError } from '../../src/rubric/load.js';
import { rubricFileSchema } from '../../src/rubric/schema.js';
import { RULES } from '../../src/rules/index.js';

const dir = mkdtempSync(path.join(tmpdir(), 'mcaudit-rubric-'));
const defaultJson = () => JSON.parse(JSON.stringify(loadRubric('default').file)) as Record<string, any>;

function problemsOf(json: unknown): string[] {
  const file = path.join(dir, `r${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, typeof json === 'string' ? json : JSON.stringify(json));
  try {
    loadRubric(file);
  } catch (e) {
    if (e instanceof RubricError) return e.problems;
    throw e;
  }
  return [];
}

describe('built-in rubrics', () => {
  it.each(['default', 'strict'])('%s is valid and configures every registered rule', (name) => {
    const r = loadRubric(name);
    expect(r.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.keys(r.file.rules).sort()).toEqual(RULES.map((x) => x.id).sort());
  });

  it('strict tightens the default: calibration required, conjunctive pass rule, higher minimum levels', () => {
    const d = loadRubric('default').file;
    const s = loadRubric('strict').file;
    expect(s.decision.approve.requiredRules).toContain('calibration');
    expect(s.rules['passing-rule']!.params).toMatchObject({ allowCompensatory: false });
    for (const [aspect, min] of Object.entries(d.decision.approve.minLevels)) {
      expect(s.decision.approve.minLevels[aspect as keyof typeof d.decision.approve.minLevels]).toBeGreaterThanOrEqual(min);
    }
    expect(Object.values(s.decision.approve.minLevels).some((v, i) => v > Object.values(d.decision.approve.minLevels)[i]!)).toBe(true);
  });

  it.each(['default', 'strict'])('%s parses the same with and without zod\'s compiled fast path (PARSE_ONCE)', (name) => {
    const json = JSON.parse(JSON.stringify(loadRubric(name).file));
    // Both paths, on the rubric and on every rule's parameters: same data, same key order.
    const once = rubricFileSchema.parse(json, PARSE_ONCE);
    const jit = rubricFileSchema.parse(json);
    expect(JSON.stringify(once)).toBe(JSON.stringify(jit));
    for (const rule of RULES) {
      const params = json.rules[rule.id].params;
      expect(JSON.stringify(rule.params.parse(params, PARSE_ONCE))).toBe(JSON.stringify(rule.params.parse(params)));
    }
    // And they reject alike: an unknown key and a wrong type, in the same words.
    const bad = { ...json, extra: 1, aspects: [{ ...json.aspects[0], weight: 'x' }, ...json.aspects.slice(1)] };
    expect(rubricFileSchema.safeParse(bad, PARSE_ONCE).error?.issues).toEqual(rubricFileSchema.safeParse(bad).error?.issues);
    expect(rubricFileSchema.safeParse(bad).error?.issues.length).toBeGreaterThan(0);
  });

  it('the default rubric as written, where defaults fill what it leaves out, parses the same on both paths', () => {
    const source = JSON.parse(readFileSync(path.join(RUBRICS_DIR, 'default.json'), 'utf8'));
    expect(JSON.stringify(rubricFileSchema.parse(source, PARSE_ONCE))).toBe(JSON.stringify(rubricFileSchema.parse(source)));
  });

  it('names the built-in rubrics when a name is unknown', () => {
    expect(() => loadRubric('nope')).toThrow(/built-in rubrics: default, strict/);
  });
});

describe('rubric validation', () => {
  it('accepts a copy of the default rubric', () => {
    expect(problemsOf(defaultJson())).toEqual([]);
  });

  it('reports invalid JSON', () => {
    expect(problemsOf('{ nope')[0]).toMatch(/^not valid JSON/);
  });

  it('reports each schema problem on its own line with its path', () => {
    const j = defaultJson();
    j.levels.proficient = 200;
    j.aspects = j.aspects.slice(1);
    j.rules['calibration'].severity = 'fatal';
    delete j.title;
    const p = problemsOf(j);
    expect(p).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^title: /),
        expect.stringMatching(/^levels\.proficient: /),
        expect.stringMatching(/^aspects: aspect "grain-size" is missing/),
        expect.stringMatching(/^rules\.calibration\.severity: /),
      ]),
    );
  });

  it('reports unknown rules with a suggestion, missing rules, bad params and unknown policy rules', () => {
    const j = defaultJson();
    j.rules['calibrate'] = j.rules['calibration'];
    delete j.rules['feedback'];
    j.rules['turnaround'].params = { maxDays: 'soon' };
    j.decision.reject.rules.push('no-such-rule');
    const p = problemsOf(j);
    expect(p).toEqual(
      expect.arrayContaining([
        'rules.calibrate: unknown rule (did you mean "calibration"?)',
        'rules.feedback: missing settings for this rule (set "enabled": false to turn it off)',
        expect.stringMatching(/^rules\.turnaround\.params\.maxDays: /),
        'decision: unknown rule "no-such-rule"',
      ]),
    );
  });

  it('rejects unknown keys in rule settings (typos are not silently ignored)', () => {
    const j = defaultJson();
    j.rules['calibration'].pionts = 3;
    expect(problemsOf(j)).toEqual(['rules.calibration.pionts: unknown key (did you mean "points"?)']);
  });

  it('leaves disabled rules out of the run', () => {
    const j = defaultJson();
    j.rules['calibration'].enabled = false;
    const file = path.join(dir, 'disabled.json');
    writeFileSync(file, JSON.stringify(j));
    expect(loadRubric(file).rules.map((r) => r.rule.id)).not.toContain('calibration');
  });
});
