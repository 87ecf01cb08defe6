/**
 * Meta-tests: the registry, the file layout, the default rubric, the per-rule tests
 * and README's rule table must agree.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { headingAliases } from '../src/load/headings.js';
import { RULES } from '../src/rules/index.js';
import { loadRubric } from '../src/rubric/load.js';
import { ASPECT_IDS } from '../src/types.js';
import { check, docFrom } from './helpers.js';

const root = new URL('../', import.meta.url);
const rubric = loadRubric('default');

describe('rule registry', () => {
  it('has unique ids in kebab case', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
  });

  it('registers every rule file, and each lives at src/rules/<aspect>/<id>.ts', () => {
    const files = ASPECT_IDS.flatMap((a) =>
      readdirSync(new URL(`src/rules/${a}/`, root))
        .filter((f) => f.endsWith('.ts') && f !== 'util.ts')
        .map((f) => `${a}/${f.slice(0, -3)}`),
    );
    expect(RULES.map((r) => `${r.aspect}/${r.id}`).sort()).toEqual(files.sort());
  });

  it('has a test file per rule', () => {
    for (const r of RULES) expect(existsSync(new URL(`test/rules/${r.aspect}/${r.id}.test.ts`, root)), r.id).toBe(true);
  });

  it('names only earlier registered rules as prerequisites', () => {
    RULES.forEach((r, i) => {
      if (r.requires) expect(RULES.findIndex((x) => x.id === r.requires), `${r.id} requires ${r.requires}`).toBeGreaterThanOrEqual(0);
      if (r.requires) expect(RULES.findIndex((x) => x.id === r.requires), `${r.id} requires ${r.requires}`).toBeLessThan(i);
    });
  });

  it('covers every aspect', () => {
    for (const a of ASPECT_IDS) expect(RULES.some((r) => r.aspect === a), a).toBe(true);
  });

  it('gives every rule its documentation: description, summary, rationale, source, fix, examples', () => {
    for (const r of RULES) {
      for (const k of ['description', 'summary', 'rationale', 'source', 'fix'] as const) expect(r[k].trim().length, `${r.id}.${k}`).toBeGreaterThan(10);
      expect(r.summary, r.id).toMatch(/^[a-z0-9"(]/);
      expect(r.summary, r.id).not.toMatch(/\.$/);
      expect(r.examples, r.id).toBeDefined();
    }
  });

  it("each rule's pass example passes it and its fail example fails it", () => {
    for (const r of RULES) {
      expect(check(r, docFrom(r.examples!.pass)).passed, `${r.id} pass example`).toBe(true);
      expect(check(r, docFrom(r.examples!.fail)).passed, `${r.id} fail example`).toBe(false);
    }
  });
});

/** README's rule table, between <!-- rules:start --> and <!-- rules:end -->. */
export function readmeRuleRows(): string[][] {
  const readme = readFileSync(new URL('README.md', root), 'utf8');
  const m = /<!-- rules:start -->([\s\S]*?)<!-- rules:end -->/.exec(readme);
  if (!m) throw new Error('README has no rule table markers');
  return m[1]!
    .split('\n')
    .filter((l) => l.startsWith('| `'))
    .map((l) => l.split('|').slice(1, -1).map((c) => c.trim()));
}

/** The rule table README should have (also printed by `npm run readme:rules`). */
export function expectedRuleRows(): string[][] {
  return RULES.map((r) => {
    const s = rubric.file.rules[r.id]!;
    return [`\`${r.id}\``, r.aspect, s.severity + (s.blocking ? ', blocking' : ''), String(s.points), r.description.replace(/\|/g, '\\|')];
  });
}

describe('README', () => {
  it('lists exactly the registered rules, with the default rubric settings', () => {
    expect(readmeRuleRows()).toEqual(expectedRuleRows());
  });

  it('lists exactly the heading aliases the loader knows', () => {
    const readme = readFileSync(new URL('README.md', root), 'utf8');
    const m = /<!-- headings:start -->([\s\S]*?)<!-- headings:end -->/.exec(readme)!;
    const rows = m[1]!.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Section') && !l.startsWith('| ---'));
    const expected = headingAliases().map((a) => `| ${a.part ? `evidence (${a.part})` : a.key} | ${a.names.map((n) => `\`${n}\``).join(', ')} |`);
    expect(rows).toEqual(expected);
  });

  it('opens with the two set-up commands', () => {
    const readme = readFileSync(new URL('README.md', root), 'utf8');
    expect(readme).toContain('npm install && npx mcaudit audit samples');
    expect(readme).toContain('npm test');
  });
});
