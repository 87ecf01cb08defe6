/**
 * Calibration: the tool's decisions and levels against a reviewer's judgments written
 * beside each offering in test/calibration/expected.json (written by hand, not by the tool).
 * The floors below are ratchets: raise them when agreement improves, never lower them to
 * make a change pass.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditEntry } from '../src/engine/audit.js';
import { loadFile } from '../src/load/file.js';
import { loadRubric } from '../src/rubric/load.js';
import { ASPECT_IDS, type AspectId, type OfferingReport } from '../src/types.js';
import { CTX } from './helpers.js';

const DIR = path.resolve(new URL('./calibration/', import.meta.url).pathname);

interface Expected {
  file: string;
  index?: number;
  decision: 'approve' | 'revise' | 'reject';
  levels: Record<AspectId, number>;
  why: string;
}

/** Share of offerings whose decision matches the reviewer's. */
const DECISION_FLOOR = 0.92;
/** Share of aspect levels within one level of the reviewer's. */
const LEVEL_WITHIN_ONE_FLOOR = 0.95;
/** Rejections the reviewer did not make (a wrongly turned-away offering is the costliest error). */
const MAX_FALSE_REJECTS = 0;

async function auditAll(expected: Expected[]): Promise<{ exp: Expected; got: OfferingReport }[]> {
  const rubric = loadRubric('default');
  const out: { exp: Expected; got: OfferingReport }[] = [];
  const cache = new Map<string, OfferingReport[]>();
  for (const exp of expected) {
    if (!cache.has(exp.file)) {
      const entries = await loadFile(path.join(DIR, exp.file), exp.file);
      cache.set(exp.file, entries.map((e) => auditEntry(e, rubric, CTX)));
    }
    const reports = cache.get(exp.file)!;
    const got = exp.index === undefined ? reports[0]! : reports.find((r) => r.index === exp.index)!;
    out.push({ exp, got });
  }
  return out;
}

describe('calibration set', async () => {
  const expected = JSON.parse(readFileSync(path.join(DIR, 'expected.json'), 'utf8')) as Expected[];
  const results = await auditAll(expected);

  it('has at least 20 judged offerings, all readable', () => {
    expect(expected.length).toBeGreaterThanOrEqual(20);
    for (const { exp, got } of results) expect(got?.decision, exp.file).not.toBe('invalid');
  });

  it(`agrees with the reviewer's decision on at least ${DECISION_FLOOR * 100}% of offerings`, () => {
    const agree = results.filter((r) => r.got.decision === r.exp.decision);
    const misses = results.filter((r) => r.got.decision !== r.exp.decision).map((r) => `${r.exp.file}${r.exp.index ?? ''}: expected ${r.exp.decision}, got ${r.got.decision} (${r.got.reasons.join('; ')})`);
    expect(agree.length / results.length, misses.join('\n')).toBeGreaterThanOrEqual(DECISION_FLOOR);
  });

  it(`rejects at most ${MAX_FALSE_REJECTS} offering the reviewer would not reject`, () => {
    const falseRejects = results.filter((r) => r.got.decision === 'reject' && r.exp.decision !== 'reject');
    expect(falseRejects.map((r) => `${r.exp.file}: ${r.got.reasons.join('; ')}`).length).toBeLessThanOrEqual(MAX_FALSE_REJECTS);
  });

  it('never approves what the reviewer rejects', () => {
    const bad = results.filter((r) => r.got.decision === 'approve' && r.exp.decision === 'reject').map((r) => r.exp.file);
    expect(bad).toEqual([]);
  });

  it(`puts at least ${LEVEL_WITHIN_ONE_FLOOR * 100}% of aspect levels within one level of the reviewer's`, () => {
    let within = 0;
    let total = 0;
    const far: string[] = [];
    for (const { exp, got } of results) {
      for (const a of ASPECT_IDS) {
        total++;
        const d = Math.abs(got.aspects![a].level - exp.levels[a]);
        if (d <= 1) within++;
        else far.push(`${exp.file} ${a}: expected ${exp.levels[a]}, got ${got.aspects![a].level}`);
      }
    }
    expect(within / total, far.join('\n')).toBeGreaterThanOrEqual(LEVEL_WITHIN_ONE_FLOOR);
  });
});
