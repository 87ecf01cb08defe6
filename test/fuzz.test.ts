/**
 * Property-based tests (fast-check, fixed seed, bounded runs): random and mutated
 * offerings, Markdown and JSON, never make load, rules or scoring throw; scores and
 * levels stay in range; the summary counts every input; every formatter's output stays
 * well-formed. Set FUZZ_RUNS to run more cases locally.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditEntry } from '../src/engine/audit.js';
import { FORMATS, formatters } from '../src/format/index.js';
import { escapeJsonText } from '../src/format/json.js';
import { loadText } from '../src/load/file.js';
import { buildReport } from '../src/report.js';
import { loadRubric } from '../src/rubric/load.js';
import { ASPECT_IDS, type OfferingReport } from '../src/types.js';
import { CTX } from './helpers.js';

const ROOT = path.resolve(new URL('..', import.meta.url).pathname);
const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
const SEED = 20261122;
const rubric = loadRubric('default', ROOT);

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

const SAMPLES_MD = ['samples/strong.md', 'samples/middling.md', 'samples/weak.md'].map((f) => readFileSync(path.join(ROOT, f), 'utf8'));
const SAMPLE_JSON = readFileSync(path.join(ROOT, 'samples/offering.json'), 'utf8');

/** Load and audit text as one file; check each offering's numbers. Throws on any failure. */
function auditText(file: string, text: string): OfferingReport[] {
  const reports = loadText(file, text).map((e) => auditEntry(e, rubric, CTX));
  expect(reports.length).toBeGreaterThanOrEqual(1);
  for (const r of reports) {
    expect(r.file).toBe(file);
    if (r.decision === 'invalid') {
      expect(r.score).toBeNull();
      continue;
    }
    expect(Number.isFinite(r.score)).toBe(true);
    expect(r.score).toBeGreaterThanOrEqual(0);
    expect(r.score).toBeLessThanOrEqual(100);
    for (const a of ASPECT_IDS) {
      const x = r.aspects![a];
      expect([0, 1, 2, 3]).toContain(x.level);
      expect(Number.isFinite(x.score) && x.score >= 0 && x.score <= 100).toBe(true);
    }
    for (const f of r.findings) {
      if (f.line !== null) expect(f.line).toBeGreaterThanOrEqual(1);
      if (f.column !== null) expect(f.column).toBeGreaterThanOrEqual(1);
    }
  }
  return reports;
}

/** Number of CSV records (quote-aware: line breaks inside quoted cells do not end a record). */
function csvRecords(text: string): number {
  let n = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === '\r' && text[i + 1] === '\n') {
      n++;
      i++;
    }
  }
  return n;
}

/** Every formatter on a report of these offerings: well-formed, nothing raw from documents. */
function checkFormats(offerings: OfferingReport[], inputs: number): void {
  const report = buildReport(rubric, offerings);
  expect(report.summary.offerings).toBe(inputs);
  const { approve, revise, reject, invalid } = report.summary;
  expect(approve + revise + reject + invalid).toBe(inputs);
  for (const format of FORMATS) {
    for (const quiet of [false, true]) {
      const out = formatters[format](report, { color: false, quiet });
      if (format === 'json') {
        expect((JSON.parse(out) as { offerings: unknown[] }).offerings).toHaveLength(inputs);
        // Written in pieces, it is the report's JSON as the documented definition gives it.
        expect(out).toBe(escapeJsonText(JSON.stringify(report, null, 2)) + '\n');
      }
      if (format === 'sarif') expect(() => JSON.parse(out)).not.toThrow();
      if (format === 'csv') {
        // RFC 4180: CRLF ends each record; a header, then one record per offering.
        expect(csvRecords(out)).toBe(inputs + 1);
        expect(out.replace(/\r\n/g, '\n')).not.toMatch(CONTROL);
        continue;
      }
      // The report's own script is the only one: document text never becomes markup.
      if (format === 'html') expect(out.split('<script').length - 1).toBe(1);
      expect(out).not.toMatch(CONTROL);
    }
  }
}

const SECTION_NAMES = ['Competency', 'Key Method', 'Method Components', 'Research', 'Resources', 'Evidence', 'Submission', 'Rubric', 'Assessment', 'Scoring', 'Overview', 'Reflection', 'Issuer', 'Cost', 'Audience'];
const word = fc.oneof(
  fc.constantFrom('the', 'educator', 'students', 'evidence', 'rubric', 'video', 'minutes', '3 of 4', 'Proficient', 'https://x.org/a', '[link](http://y.org)', '**bold**', '`code`', '|', '---', '::error::', '%0A', '=HYPERLINK("x")', '<script>', '\u001b[2J', '\u202E', '\r', '\t', ''),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 6 }),
);
const line = fc.array(word, { maxLength: 14 }).map((ws) => ws.join(' '));
const block = fc.oneof(
  line,
  fc.tuple(fc.integer({ min: 1, max: 6 }), fc.constantFrom(...SECTION_NAMES), line).map(([n, h, l]) => `${'#'.repeat(n)} ${h} ${l}`),
  line.map((l) => `- ${l}`),
  line.map((l) => `1. ${l}`),
  line.map((l) => `| ${l} | ${l} |\n| --- | --- |\n| a | b |`),
  line.map((l) => `> ${l}`),
  line.map((l) => '```\n' + l + '\n```'),
);
const frontMatter = fc.oneof(
  fc.constant(''),
  fc.dictionary(fc.constantFrom('title', 'id', 'provider', 'competency', 'resources', 'evidence', 'assessment', 'version', 'cost', '__proto__', 'x'), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 6 }).map(
    (d) => `---json\n${JSON.stringify(d)}\n---\n`,
  ),
  fc.array(fc.tuple(fc.constantFrom('title', 'id', 'provider', 'competency', 'version', 'a'), line), { maxLength: 5 }).map((kv) => `---\n${kv.map(([k, v]) => `${k}: ${v}`).join('\n')}\n---\n`),
);
const markdown = fc.tuple(frontMatter, fc.array(block, { maxLength: 25 })).map(([fm, bs]) => fm + bs.join('\n\n') + '\n');

/** Mutate a text: delete a slice, insert random text, or duplicate a slice, a few times. */
const mutated = (base: fc.Arbitrary<string>) =>
  fc.tuple(base, fc.array(fc.tuple(fc.nat(), fc.nat({ max: 40 }), fc.string({ maxLength: 8 }), fc.constantFrom('delete', 'insert', 'dup')), { maxLength: 6 })).map(([text, ops]) => {
    let t = text;
    for (const [at, len, ins, op] of ops) {
      const i = t.length ? at % t.length : 0;
      if (op === 'delete') t = t.slice(0, i) + t.slice(i + len);
      else if (op === 'insert') t = t.slice(0, i) + ins + t.slice(i);
      else t = t.slice(0, i) + t.slice(i, i + len) + t.slice(i);
    }
    return t;
  });

const params = (n = RUNS) => ({ seed: SEED, numRuns: n });

describe('fuzzing load, rules and scoring', () => {
  it('random Markdown offerings', () => {
    fc.assert(
      fc.property(markdown, (text) => {
        checkFormats(auditText('fuzz.md', text), 1);
      }),
      params(),
    );
  });

  it('mutated real Markdown offerings', () => {
    fc.assert(
      fc.property(mutated(fc.constantFrom(...SAMPLES_MD)), (text) => {
        checkFormats(auditText('fuzz.md', text), 1);
      }),
      params(),
    );
  });

  it('random JSON values and catalogs', () => {
    const offeringLike = fc.dictionary(
      fc.constantFrom('title', 'id', 'provider', 'competency', 'keyMethod', 'resources', 'evidence', 'assessment', 'rubric', 'version', 'issuer', 'cost', 'constructor', 'toString'),
      fc.jsonValue({ maxDepth: 4 }),
      { maxKeys: 8 },
    );
    const value = fc.oneof(fc.jsonValue({ maxDepth: 4 }), offeringLike, fc.array(offeringLike, { maxLength: 5 }), offeringLike.map((o) => ({ offerings: [o, o] })));
    fc.assert(
      fc.property(value, (v) => {
        const reports = auditText('fuzz.json', JSON.stringify(v, null, 2));
        checkFormats(reports, reports.length);
      }),
      params(),
    );
  });

  it('mutated real JSON offerings', () => {
    fc.assert(
      fc.property(mutated(fc.constant(SAMPLE_JSON)), (text) => {
        const reports = auditText('fuzz.json', text);
        checkFormats(reports, reports.length);
      }),
      params(),
    );
  });

  it('a catalog of mixed inputs: summary counts equal the inputs', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(markdown, mutated(fc.constantFrom(...SAMPLES_MD))), { minLength: 1, maxLength: 6 }), (texts) => {
        const all = texts.flatMap((t, i) => auditText(`f${i}.md`, t));
        expect(all).toHaveLength(texts.length);
        checkFormats(all, texts.length);
      }),
      params(Math.max(10, Math.floor(RUNS / 5))),
    );
  });
});
