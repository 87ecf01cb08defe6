import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { auditEntry } from '../../src/engine/audit.js';
import fc from 'fast-check';
import { staleWaivers, waiversFor } from '../../src/engine/waivers.js';
import type { OfferingReport } from '../../src/types.js';
import { loadText } from '../../src/load/file.js';
import { parseWaivers, WaiversError, type Waiver } from '../../src/load/waivers.js';
import { loadRubric } from '../../src/rubric/load.js';
import { CTX } from '../helpers.js';

const rubric = loadRubric('default');
const WEAK = readFileSync(new URL('../fixtures/report/c.md', import.meta.url), 'utf8');
const FILE = 'test/fixtures/report/c.md';

function audit(waivers: Waiver[]) {
  const [entry] = loadText(FILE, WEAK);
  return auditEntry(entry!, rubric, CTX, waivers);
}

const waiver = (rule: string, offering = FILE): Waiver => ({ offering, rule, reason: 'accepted by the board', reviewer: 'J. Rivera', date: '2026-05-01' });

describe('parseWaivers', () => {
  it('reads a YAML list (an unquoted date too) and a JSON object with a waivers list', () => {
    const yaml = parseWaivers('- offering: X-1\n  rule: calibration\n  reason: r\n  reviewer: me\n  date: 2026-05-01\n', 'w.yaml');
    expect(yaml).toEqual([{ offering: 'X-1', rule: 'calibration', reason: 'r', reviewer: 'me', date: '2026-05-01' }]);
    const json = parseWaivers(JSON.stringify({ waivers: [{ offering: 'a\\b.md', rule: 'x', reason: 'r', reviewer: 'me', date: '2026-05-01' }, { offering: './c/d.md', rule: 'x', reason: 'r', reviewer: 'me', date: '2026-05-01' }] }), 'w.json');
    expect(json.map((w) => w.offering)).toEqual(['a/b.md', 'c/d.md']);
  });

  it.each([
    ['- offering: X\n  rule: r\n  reviewer: me\n  date: 2026-05-01\n', /0\.reason: /],
    ['- offering: X\n  rule: r\n  reason: " "\n  reviewer: me\n  date: 2026-05-01\n', /0\.reason: must not be empty/],
    ['- offering: X\n  rule: r\n  reason: y\n  reviewer: me\n  date: May 1st\n', /0\.date: use a date as YYYY-MM-DD/],
    ['- offering: X\n  rule: r\n  reason: y\n  reviewer: me\n  date: 2026-02-30\n', /0\.date: not a calendar date/],
    ['- offering: X\n  rule: r\n  reason: y\n  reviewer: me\n  date: 2026-05-01\n  extra: 1\n', /0: Unrecognized key.*extra/],
    ['offering: X\n', /expected a list of waivers/],
    ['waivers: 3\n', /expected a list of waivers/],
    ['- [unclosed\n', /not valid YAML/],
  ])('rejects %j with a clear message', (text, message) => {
    let err: unknown;
    try {
      parseWaivers(text, 'w.yaml');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(WaiversError);
    expect((err as Error).message).toMatch(/^invalid waivers file w\.yaml:\n/);
    expect((err as Error).message).toMatch(message);
  });

  it('reports bad JSON as JSON', () => {
    expect(() => parseWaivers('{', 'w.json')).toThrow(/not valid JSON/);
  });
});

describe('waivers in the engine', () => {
  it('keeps a waived finding visible, marked with its waiver, and stops counting it', () => {
    const before = audit([]);
    expect(before.decision).toBe('reject');
    expect(before.aspects!.assessment.blocked).toBe(true);
    expect(before.reasons.join('\n')).toMatch(/rubric-present/);

    const after = audit([waiver('rubric-present')]);
    const f = after.findings.filter((x) => x.ruleId === 'rubric-present');
    expect(f.length).toBeGreaterThan(0);
    for (const x of f) expect(x).toMatchObject({ waived: true, waiver: { reason: 'accepted by the board', reviewer: 'J. Rivera', date: '2026-05-01' } });
    expect(after.aspects!.assessment.blocked).toBe(false);
    expect(after.aspects!.assessment.earned).toBeGreaterThan(before.aspects!.assessment.earned);
    expect(after.reasons.join('\n')).not.toMatch(/rubric-present/);
    // Nothing else changed about the findings.
    expect(after.findings.length).toBe(before.findings.length);
    expect(after.findings.filter((x) => !x.waived)).toEqual(before.findings.filter((x) => x.ruleId !== 'rubric-present'));
  });

  it('can change the decision: with every finding waived, a rejected offering is approved at level 3', () => {
    const all = audit([]).findings.map((f) => f.ruleId);
    const waived = audit([...new Set(all)].map((r) => waiver(r)));
    expect(waived.findings.every((f) => f.waived)).toBe(true);
    expect(waived.decision).toBe('approve');
    for (const a of Object.values(waived.aspects!)) expect(a.level).toBe(3);
  });

  it('matches an offering by id as well as by file, and no other offering', () => {
    const [entry] = loadText(FILE, WEAK.replace('title:', 'id: W-1\ntitle:'));
    expect(auditEntry(entry!, rubric, CTX, [waiver('rubric-present', 'W-1')]).findings.some((f) => f.waived)).toBe(true);
    expect(auditEntry(entry!, rubric, CTX, [waiver('rubric-present', 'other.md')]).findings.some((f) => f.waived)).toBe(false);
  });

  it('reports waivers that match no finding as stale', () => {
    const used = waiver('rubric-present');
    const unknownRule = waiver('no-such-rule');
    const unknownOffering = waiver('rubric-present', 'gone.md');
    const report = audit([used, unknownRule, unknownOffering]);
    expect(staleWaivers([used, unknownRule, unknownOffering], [report])).toEqual([unknownRule, unknownOffering]);
  });
});

/** The definition the indexed look-ups keep: a waiver names an offering by file path or by id. */
function waiverMatches(w: Waiver, file: string, id: string | null | undefined): boolean {
  return w.offering === file || (id !== null && id !== undefined && w.offering === id);
}

describe('waiver look-ups by index', () => {
  // Few names, so that files, ids and waivers collide often; an id may equal a file.
  const name = fc.constantFrom<string>('a.md', 'b.md', 'A-1', 'B-2', 'x');
  const rule = fc.constantFrom<string>('r1', 'r2', 'r3');
  const waiver: fc.Arbitrary<Waiver> = fc.record({ offering: name, rule, reason: fc.constant('r'), reviewer: fc.constant('x'), date: fc.constant('2026-01-01') });
  const offering = fc.record({ file: name, id: fc.option(name), waived: fc.array(fc.tuple(rule, fc.boolean()), { maxLength: 4 }) });

  it('finds the same waivers as testing each one by that definition, first entry per rule (fixed seed)', () => {
    fc.assert(
      fc.property(fc.array(waiver, { maxLength: 12 }), name, fc.option(name), (waivers, file, id) => {
        const expected = new Map<string, Waiver>();
        for (const w of waivers) if (waiverMatches(w, file, id) && !expected.has(w.rule)) expected.set(w.rule, w);
        const got = waiversFor(waivers, file, id);
        expect([...got.entries()]).toEqual([...expected.entries()].sort(([, a], [, b]) => waivers.indexOf(a) - waivers.indexOf(b)));
        expect(new Set(got.values())).toEqual(new Set(expected.values()));
      }),
      { seed: 20261123, numRuns: 400 },
    );
  });

  it('finds the same stale waivers as testing each against every offering (fixed seed)', () => {
    fc.assert(
      fc.property(fc.array(waiver, { maxLength: 12 }), fc.array(offering, { maxLength: 6 }), (waivers, specs) => {
        const offerings = specs.map((o) => ({ file: o.file, id: o.id, findings: o.waived.map(([ruleId, waived]) => ({ ruleId, waived })) }) as unknown as OfferingReport);
        const expected = waivers.filter((w) => !offerings.some((o) => waiverMatches(w, o.file, o.id) && o.findings.some((f) => f.waived && f.ruleId === w.rule)));
        expect(staleWaivers(waivers, offerings)).toEqual(expected);
      }),
      { seed: 20261123, numRuns: 400 },
    );
  });
});
