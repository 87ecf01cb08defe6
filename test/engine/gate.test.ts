/**
 * The exit policy as a pure function: --min-decision, --fail-on, --max-warnings, and the
 * baseline's "only what is new or worse".
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildBaseline, compareBaseline, offeringKey, type Baseline } from '../../src/engine/baseline.js';
import { evaluateGate, type GatePolicy } from '../../src/engine/gate.js';
import type { Report } from '../../src/report.js';
import type { Finding, OfferingReport, Outcome, Severity } from '../../src/types.js';

function finding(ruleId: string, severity: Severity, line = 1): Finding {
  return { ruleId, aspect: 'assessment', severity, message: `${ruleId} problem`, fix: null, line, column: 1, path: null };
}

function offering(file: string, decision: Outcome, findings: Finding[] = [], index?: number): OfferingReport {
  const o: OfferingReport = { file, id: null, title: null, provider: null, decision, score: null, aspects: null, findings, reasons: [] };
  if (index !== undefined) o.index = index;
  return o;
}

function report(...offerings: OfferingReport[]): Report {
  return {
    tool: { name: 'mcaudit', version: '0' },
    rubric: { id: 'r', title: 'r', version: '1', sha256: '0' },
    rules: [],
    offerings,
    summary: { offerings: offerings.length, approve: 0, revise: 0, reject: 0, invalid: 0 },
  };
}

const gate = (r: Report, p: Partial<GatePolicy> = {}) => evaluateGate(r, { minDecision: 'approve', ...p });

describe('--min-decision', () => {
  it('passes when every offering meets it, fails on a lower decision or an invalid entry', () => {
    expect(gate(report(offering('a.md', 'approve'))).exitCode).toBe(0);
    const r = report(offering('a.md', 'approve'), offering('b.md', 'revise'), offering('c.json', 'invalid'));
    const g = gate(r);
    expect(g.exitCode).toBe(1);
    expect(g.failures).toEqual(['2 of 3 offerings below --min-decision approve (or invalid)']);
    expect(g.failed).toEqual([
      { offering: 'b.md', why: 'revise is below --min-decision approve' },
      { offering: 'c.json', why: 'invalid document' },
    ]);
    expect(gate(report(offering('b.md', 'revise')), { minDecision: 'revise' }).exitCode).toBe(0);
    expect(gate(report(offering('c.json', 'invalid')), { minDecision: 'revise' }).exitCode).toBe(1);
  });

  it('warnings and errors do not fail the run by default', () => {
    expect(gate(report(offering('a.md', 'approve', [finding('x', 'error'), finding('y', 'warning')]))).exitCode).toBe(0);
  });
});

describe('--fail-on', () => {
  const r = report(offering('a.md', 'approve', [finding('x', 'warning'), finding('y', 'info')]));
  it.each([
    ['error', 0],
    ['warning', 1],
    ['info', 1],
    ['none', 0],
  ] as const)('--fail-on %s on a warning and an info finding exits %i', (failOn, code) => {
    expect(gate(r, { failOn }).exitCode).toBe(code);
  });

  it('says how many findings are at or above the threshold', () => {
    expect(gate(r, { failOn: 'info' }).failures).toEqual(['2 findings at or above --fail-on info']);
  });
});

describe('--max-warnings', () => {
  const r = report(offering('a.md', 'approve', [finding('x', 'warning'), finding('y', 'warning'), finding('z', 'error')]), offering('b.md', 'approve', [finding('x', 'warning')]));
  it('counts warnings across the run and fails only above the limit', () => {
    expect(gate(r, { maxWarnings: 3 }).exitCode).toBe(0);
    expect(gate(r, { maxWarnings: 2 }).exitCode).toBe(1);
    expect(gate(r, { maxWarnings: 2 }).failures).toEqual(['3 warnings, more than --max-warnings 2']);
    expect(gate(r, { maxWarnings: 0 }).exitCode).toBe(1);
    expect(gate(report(offering('a.md', 'approve')), { maxWarnings: 0 }).exitCode).toBe(0);
  });
});

describe('with a baseline', () => {
  const before = report(
    offering('a.md', 'revise', [finding('x', 'warning'), finding('y', 'error')]),
    offering('cat.json', 'reject', [finding('x', 'warning')], 0),
    offering('gone.md', 'revise'),
  );
  const baseline = { file: 'mcaudit-baseline.json', data: buildBaseline(before) };

  it('passes on the very report it was built from, whatever the decisions', () => {
    const g = gate(before, { baseline });
    expect(g.exitCode).toBe(0);
    expect(g.comparison!.summary).toEqual({ file: 'mcaudit-baseline.json', matched: 3, new: [], worse: [], stale: [] });
  });

  it('fails on a new finding of a rule (its count grew), even at a new line', () => {
    const now = report(
      offering('a.md', 'revise', [finding('x', 'warning', 5), finding('x', 'info', 9), finding('y', 'error', 2)]),
      offering('cat.json', 'reject', [finding('x', 'warning')], 0),
      offering('gone.md', 'revise'),
    );
    const g = gate(now, { baseline });
    expect(g.exitCode).toBe(1);
    expect(g.failures).toEqual(['1 new finding at or above --fail-on info']);
    expect(g.comparison!.summary.worse).toEqual([{ offering: 'a.md', rule: 'x', baseline: 1, current: 2 }]);
    // The new one is taken to be the most severe of the rule's findings: a warning.
    expect(gate(now, { baseline, failOn: 'warning' }).exitCode).toBe(1);
    expect(gate(now, { baseline, failOn: 'error' }).exitCode).toBe(0);
    expect(gate(now, { baseline, maxWarnings: 0 }).failures).toContain('1 new warning, more than --max-warnings 0');
  });

  it('fails when a decision drops, not when it stays below --min-decision', () => {
    const now = report(offering('a.md', 'reject', [finding('x', 'warning'), finding('y', 'error')]), offering('cat.json', 'reject', [finding('x', 'warning')], 0), offering('gone.md', 'revise'));
    const g = gate(now, { baseline });
    expect(g.exitCode).toBe(1);
    expect(g.failures).toEqual(['1 of 3 offerings dropped below their baseline decision']);
    expect(g.failed).toEqual([{ offering: 'a.md', why: 'decision dropped from revise to reject' }]);
  });

  it('reports fixed findings, better decisions and gone offerings as stale, failing only with strictBaseline', () => {
    const now = report(offering('a.md', 'approve', [finding('x', 'warning')]), offering('cat.json', 'reject', [finding('x', 'warning')], 0));
    const g = gate(now, { baseline });
    expect(g.exitCode).toBe(0);
    expect(g.comparison!.summary.stale).toEqual([
      { offering: 'a.md', rule: null, baseline: 'revise', current: 'approve' },
      { offering: 'a.md', rule: 'y', baseline: 1, current: 0 },
      { offering: 'gone.md', rule: null, baseline: 'revise', current: null },
    ]);
    const strict = gate(now, { baseline, strictBaseline: true });
    expect(strict.exitCode).toBe(1);
    expect(strict.failures[0]).toMatch(/^3 stale baseline entries \(--strict-baseline\): a\.md: decision revise → approve; /);
  });

  it('gates an offering that is not in the baseline as without one', () => {
    const now = report(...before.offerings, offering('new.md', 'revise'));
    const g = gate(now, { baseline, failOn: 'none' });
    expect(g.exitCode).toBe(1);
    expect(g.comparison!.summary.new).toEqual(['new.md']);
    expect(g.failed).toEqual([{ offering: 'new.md', why: 'revise is below --min-decision approve' }]);
    expect(gate(report(...before.offerings, offering('new.md', 'approve')), { baseline }).exitCode).toBe(0);
    // With a baseline, any new finding fails by default, also in a new offering.
    expect(gate(report(...before.offerings, offering('new.md', 'approve', [finding('z', 'info')])), { baseline }).exitCode).toBe(1);
  });

  it('matches a renamed file by its id', () => {
    const withId = report({ ...offering('old.md', 'revise', [finding('x', 'warning')]), id: 'MC-1' });
    const b = { file: 'b.json', data: buildBaseline(withId) };
    const renamed = report({ ...offering('new.md', 'revise', [finding('x', 'warning')]), id: 'MC-1' });
    const g = gate(renamed, { baseline: b });
    expect(g.exitCode).toBe(0);
    expect(g.comparison!.summary).toMatchObject({ matched: 1, new: [], stale: [] });
  });

  it('follows catalog entries that moved, by id, instead of comparing by index', () => {
    const entry = (id: string, index: number, decision: Outcome, findings: Finding[] = []) => ({ ...offering('cat.json', decision, findings, index), id });
    const b = { file: 'b.json', data: buildBaseline(report(entry('A', 0, 'approve'), entry('B', 1, 'reject', [finding('x', 'error')]))) };
    // A new entry N is inserted first: A and B move down one place.
    const now = report(entry('N', 0, 'approve'), entry('A', 1, 'approve'), entry('B', 2, 'reject', [finding('x', 'error')]));
    const g = gate(now, { baseline: b });
    expect(g.comparison!.summary).toEqual({ file: 'b.json', matched: 2, new: ['cat.json#0'], worse: [], stale: [] });
    expect(g.exitCode).toBe(0);
  });

  /** The matching as first written (every unmatched offering scans every entry): the reference. */
  function referenceMatch(r: Report, baseline: Baseline): (string | undefined)[] {
    const entries = new Map(Object.entries(baseline.offerings));
    const keys = r.offerings.map(offeringKey);
    const matchOf = r.offerings.map((o, i) => {
      const e = entries.get(keys[i]!);
      return e && !(e.id && o.id && e.id !== o.id) ? keys[i] : undefined;
    });
    const used = new Set(matchOf.filter((k): k is string => k !== undefined));
    r.offerings.forEach((o, i) => {
      if (matchOf[i] !== undefined || o.id === null) return;
      const byId = [...entries.keys()].filter((k) => !used.has(k) && entries.get(k)!.id === o.id);
      if (byId.length === 1) {
        matchOf[i] = byId[0]!;
        used.add(byId[0]!);
      }
    });
    return matchOf;
  }

  it('matches by key, then by id, as the reference does, on random catalogs (fixed seed)', () => {
    const item = fc.record({ file: fc.constantFrom('a.md', 'b.md', 'c.json'), index: fc.option(fc.nat(3), { nil: undefined }), id: fc.option(fc.constantFrom('A', 'B', 'C', ''), { nil: null }), bad: fc.boolean() });
    // Keys are unique in a report, as each file is audited once.
    const items = fc.uniqueArray(item, { maxLength: 12, selector: (x) => `${x.file}#${x.index}` });
    fc.assert(
      fc.property(items, items, (was, now) => {
        const make = (xs: typeof was) => report(...xs.map((x) => ({ ...offering(x.file, x.bad ? 'reject' : 'approve', x.bad ? [finding('x', 'error')] : [], x.index), id: x.id })));
        const before = make(was);
        const after = make(now);
        const baseline = buildBaseline(before);
        const got = compareBaseline(after, baseline, 'b.json');
        const match = referenceMatch(after, baseline);
        // Matched offerings are counted, the others are new; an entry no offering matched is stale.
        expect(got.summary.matched).toBe(match.filter((k) => k !== undefined).length);
        expect(got.summary.new).toEqual(after.offerings.map(offeringKey).filter((_, i) => match[i] === undefined));
        const unused = Object.keys(baseline.offerings).filter((k) => !match.includes(k)).sort();
        expect(got.summary.stale.filter((d) => d.current === null).map((d) => d.offering)).toEqual(unused);
        after.offerings.forEach((o, i) => expect(got.offerings.get(offeringKey(o))!.entry).toBe(match[i] === undefined ? null : baseline.offerings[match[i]!]));
      }),
      { seed: 20261123, numRuns: 500 },
    );
  });

  it('matches 20,000 offerings against the 20,000 entries of another catalog, all with ids, in linear time', () => {
    const n = 20_000;
    const was = report(...Array.from({ length: n }, (_, i) => ({ ...offering(`old/${i}.md`, 'approve'), id: `MC-${i}` })));
    // Renamed files: every offering is matched by its id. Then one id shared by every entry: none is.
    const renamed = report(...Array.from({ length: n }, (_, i) => ({ ...offering(`new/${i}.md`, 'approve'), id: `MC-${n - 1 - i}` })));
    const shared = report(...Array.from({ length: n }, (_, i) => ({ ...offering(`new/${i}.md`, 'approve'), id: 'MC' })));
    const sameId = report(...Array.from({ length: n }, (_, i) => ({ ...offering(`old/x${i}.md`, 'approve'), id: 'MC' })));
    expect(compareBaseline(renamed, buildBaseline(was), 'b.json').summary.matched).toBe(n);
    expect(compareBaseline(shared, buildBaseline(sameId), 'b.json').summary.new).toHaveLength(n);
  });
});
