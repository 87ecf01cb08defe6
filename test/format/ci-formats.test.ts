/**
 * The CI formats through `main`: SARIF validated against the official 2.1.0 schema, JUnit
 * parsed back by a strict XML reader and counted, GitHub workflow commands escaped, and
 * golden files for all three on a small fixture set (colour off).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import AjvFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, github } from '../../src/format/github.js';
import { xmlAttr, xmlText } from '../../src/format/junit.js';
import type { Report } from '../../src/report.js';
import { ROOT, run, tmp } from '../cli-run.js';
import { parseXml, type XmlElement } from './xml.js';

/** The fixture set: approve, revise, a catalog file, an invalid file and hostile text. */
const FIXTURES = ['samples/strong.md', 'samples/middling.md', 'samples/catalog/stem-series.json', 'test/fixtures/ci'];

/** ../shared beside the repository (CI clone), or /work/shared (worktree layout). */
function sarifSchemaPath(): string {
  const rel = 'shared/reference/schemas/sarif-schema-2.1.0.json';
  const beside = path.resolve(ROOT, '..', rel);
  return existsSync(beside) ? beside : path.resolve('/work', rel);
}

function validator(): (doc: unknown) => { ok: boolean; errors: string } {
  const file = sarifSchemaPath();
  if (!existsSync(file)) throw new Error(`SARIF schema not found at ${file}`);
  // CommonJS packages: under NodeNext the default import is module.exports, whose `default` is the export.
  const ajv = new AjvDraft04.default({ allErrors: true, strict: false });
  AjvFormats.default(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(file, 'utf8')) as object);
  return (doc) => ({ ok: validate(doc) as boolean, errors: ajv.errorsText(validate.errors, { separator: '\n' }) });
}

interface SarifResult {
  ruleId: string;
  ruleIndex?: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region?: { startLine: number; startColumn?: number } } }[];
  partialFingerprints: Record<string, string>;
}
interface SarifLog {
  runs: { tool: { driver: { name: string; version: string; informationUri: string; rules: { id: string; name: string; defaultConfiguration: { level: string } }[] } }; results: SarifResult[] }[];
}

describe('sarif', () => {
  it('validates against the SARIF 2.1.0 schema, for the samples and the fixtures', async () => {
    const validate = validator();
    for (const paths of [['samples'], FIXTURES]) {
      const r = await run(['audit', ...paths, '--format', 'sarif']);
      expect(r.code).toBe(1);
      const v = validate(JSON.parse(r.stdout));
      expect(v.errors).toBe('No errors');
      expect(v.ok).toBe(true);
    }
  });

  it('the schema check can fail: a result without a message is rejected', () => {
    const validate = validator();
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ ruleId: 'a' }] }] }).ok).toBe(false);
  });

  it('lists rules with PascalCase names and levels; results point at rules, files and 1-based lines', async () => {
    const r = await run(['audit', ...FIXTURES, '--format', 'sarif']);
    const log = JSON.parse(r.stdout) as SarifLog;
    expect(log.runs).toHaveLength(1);
    const { driver } = log.runs[0]!.tool;
    expect(driver).toMatchObject({ name: 'mcaudit', version: expect.any(String), informationUri: expect.stringMatching(/^https:\/\//) });
    const ids = driver.rules.map((x) => x.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(['calibration', 'invalid-document', 'decision']));
    expect(driver.rules.find((x) => x.id === 'resources-cited')!.name).toBe('ResourcesCited');
    const results = log.runs[0]!.results;
    for (const res of results) {
      expect(driver.rules[res.ruleIndex!]!.id).toBe(res.ruleId);
      expect(['error', 'warning', 'note']).toContain(res.level);
      const loc = res.locations[0]!.physicalLocation;
      expect(loc.artifactLocation.uriBaseId).toBe('%SRCROOT%');
      expect(loc.artifactLocation.uri).not.toMatch(/^\/|\\/);
      if (loc.region) expect(loc.region.startLine).toBeGreaterThanOrEqual(1);
    }
    // The invalid file is a result; the revise and reject offerings are decision results on line 1.
    expect(results.find((x) => x.ruleId === 'invalid-document')!.locations[0]!.physicalLocation).toEqual({
      artifactLocation: { uri: 'test/fixtures/ci/broken.json', uriBaseId: '%SRCROOT%' },
      region: { startLine: 1, startColumn: 12 },
    });
    const decisions = results.filter((x) => x.ruleId === 'decision');
    // Files are audited in sorted order; two of the catalog's three offerings are below approve.
    expect(decisions.map((d) => d.locations[0]!.physicalLocation.artifactLocation.uri)).toEqual([
      'samples/catalog/stem-series.json',
      'samples/catalog/stem-series.json',
      'samples/middling.md',
      'test/fixtures/ci/hostile.md',
    ]);
    expect(decisions[2]!.message.text).toMatch(/^Anchor Charts for Independent Work: revise \(score \d+\/100\), below --min-decision approve\.\n- resources is developing/);
    expect(decisions.every((d) => d.locations[0]!.physicalLocation.region!.startLine === 1)).toBe(true);
    // The approved offerings have no decision result; --min-decision revise leaves only the two rejects.
    const relaxed = JSON.parse((await run(['audit', ...FIXTURES, '--format', 'sarif', '--min-decision', 'revise'])).stdout) as SarifLog;
    expect(relaxed.runs[0]!.results.filter((x) => x.ruleId === 'decision').map((d) => d.level)).toEqual(['error', 'error']);
  });

  it('keeps fingerprints when lines move, and they are unique', async () => {
    const text = readFileSync(path.join(ROOT, 'samples/middling.md'), 'utf8');
    const moved = text.replace('## Competency', '\n\n\n## Competency');
    const prints = async (body: string): Promise<{ fps: string[]; lines: number[] }> => {
      const dir = tmp({ 'mc.md': body });
      const log = JSON.parse((await run(['audit', 'mc.md', '--format', 'sarif'], { cwd: dir })).stdout) as SarifLog;
      const results = log.runs[0]!.results;
      return { fps: results.map((x) => x.partialFingerprints['mcaudit/v1']!).sort(), lines: results.map((x) => x.locations[0]!.physicalLocation.region?.startLine ?? 0) };
    };
    const a = await prints(text);
    const b = await prints(moved);
    expect(b.lines).not.toEqual(a.lines);
    expect(b.fps).toEqual(a.fps);
    expect(new Set(a.fps).size).toBe(a.fps.length);
  });

  it('percent-encodes file names in URIs', async () => {
    const dir = tmp({ 'my drafts/wait time#1.md': readFileSync(path.join(ROOT, 'samples/weak.md'), 'utf8') });
    const log = JSON.parse((await run(['audit', '.', '--format', 'sarif'], { cwd: dir })).stdout) as SarifLog;
    expect(log.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri).toBe('my%20drafts/wait%20time%231.md');
    expect(validator()(log).ok).toBe(true);
  });
});

function children(e: XmlElement, name: string): XmlElement[] {
  return e.children.filter((c): c is XmlElement => typeof c !== 'string' && c.name === name);
}

describe('junit', () => {
  it('parses back strictly, with one suite per file and one case per offering, and counts that add up', async () => {
    const r = await run(['audit', ...FIXTURES, '--format', 'junit']);
    const root = parseXml(r.stdout);
    expect(root.name).toBe('testsuites');
    const suites = children(root, 'testsuite');
    expect(suites.map((s) => s.attrs.name)).toEqual([
      'samples/catalog/stem-series.json',
      'samples/middling.md',
      'samples/strong.md',
      'test/fixtures/ci/broken.json',
      'test/fixtures/ci/hostile.md',
    ]);
    const json = JSON.parse((await run(['audit', ...FIXTURES, '--format', 'json'])).stdout) as Report;
    let tests = 0;
    let failures = 0;
    for (const s of suites) {
      const cases = children(s, 'testcase');
      const failed = cases.filter((c) => children(c, 'failure').length === 1);
      expect(Number(s.attrs.tests)).toBe(cases.length);
      expect(Number(s.attrs.failures)).toBe(failed.length);
      expect(cases.every((c) => c.attrs.classname === s.attrs.name)).toBe(true);
      tests += cases.length;
      failures += failed.length;
    }
    expect(Number(root.attrs.tests)).toBe(tests);
    expect(Number(root.attrs.failures)).toBe(failures);
    expect(tests).toBe(json.offerings.length);
    expect(failures).toBe(json.offerings.filter((o) => o.decision !== 'approve').length);
    // A passing offering is a passing testcase; a failure carries reasons and findings.
    const strong = children(suites[2]!, 'testcase')[0]!;
    expect(strong.children).toEqual([]);
    const hostile = children(suites[4]!, 'testcase')[0]!;
    expect(hostile.attrs.name).toBe('Hostile::title, with %0A and\na newline & <tags> "quoted"');
    const failure = children(hostile, 'failure')[0]!;
    expect(failure.attrs.type).toBe('reject');
    expect(failure.children.join('')).toMatch(/^Decision: reject[\s\S]*Reasons:\n {2}- blocking rule failed[\s\S]*Findings \(\d+\):\n {2}test\/fixtures\/ci\/hostile\.md:1:1 error evidence-present: /);
    // Catalog entries are cases named by index and title.
    expect(children(suites[0]!, 'testcase').map((c) => c.attrs.name!.slice(0, 4))).toEqual(['[0] ', '[1] ', '[2] ']);
  });

  it('--fail-on makes an approved offering with such findings a failure', async () => {
    const findings = JSON.parse((await run(['audit', 'samples/strong.md', '--format', 'json'])).stdout).offerings[0].findings as { severity: string }[];
    expect(findings.map((f) => f.severity)).toEqual(['warning']);
    expect(parseXml((await run(['audit', 'samples/strong.md', '--format', 'junit'])).stdout).attrs.failures).toBe('0');
    expect(parseXml((await run(['audit', 'samples/strong.md', '--format', 'junit', '--fail-on', 'warning'])).stdout).attrs.failures).toBe('1');
    expect(parseXml((await run(['audit', 'samples/strong.md', '--format', 'junit', '--fail-on', 'error'])).stdout).attrs.failures).toBe('0');
  });

  it('escapes markup and strips characters XML 1.0 forbids', () => {
    const hostile = 'a&b<c>"d"\u0000\u0008\u000B\u001F\uFFFE\uFFFF\uD800x\uDC00y\u{1F600}\tz\nw';
    expect(xmlText(hostile)).toBe('a&amp;b&lt;c&gt;"d"xy\u{1F600}\tz\nw');
    expect(xmlAttr(hostile)).toBe('a&amp;b&lt;c&gt;&quot;d&quot;xy\u{1F600}&#9;z&#10;w');
    const doc = `<a x="${xmlAttr(hostile)}">${xmlText(hostile)}</a>`;
    const e = parseXml(doc);
    expect(e.attrs.x).toBe('a&b<c>"d"xy\u{1F600}\tz\nw');
    expect(e.children.join('')).toBe('a&b<c>"d"xy\u{1F600}\tz\nw');
  });

  it('the strict reader rejects malformed XML', () => {
    for (const bad of ['<a>', '<a></b>', '<a>x & y</a>', '<a x=1/>', '<a>\u0001</a>', '<a/><b/>', '<a x="<"/>']) expect(() => parseXml(bad), bad).toThrow();
  });
});

describe('github', () => {
  it('escapes %, CR and LF in messages, and also : and , in properties', () => {
    expect(escapeData('50% done\r\nnext::line, a:b')).toBe('50%25 done%0D%0Anext::line, a:b');
    expect(escapeProperty('50% done\r\nnext::line, a:b')).toBe('50%25 done%0D%0Anext%3A%3Aline%2C a%3Ab');
    // An already-escaped-looking sequence stays literal text.
    expect(escapeData('%0A')).toBe('%250A');
  });

  it('keeps hostile titles and messages to one well-formed command line each', () => {
    const title = 'x::warning file=evil.md::pwned\n::error::injected,%0A\r';
    const report: Report = {
      tool: { name: 'mcaudit', version: '0' },
      rubric: { id: 'r', title: 'r', version: '1', sha256: '0' },
      rules: [],
      summary: { offerings: 1, approve: 0, revise: 1, reject: 0, invalid: 0 },
      offerings: [
        {
          file: 'dir,x/a:b.md',
          id: null,
          title,
          provider: null,
          decision: 'revise',
          score: 50,
          aspects: null,
          reasons: ['reason with\nnewline'],
          findings: [{ ruleId: 'calibration', aspect: 'assessment', severity: 'info', message: `${title}\u001b[2J`, fix: null, line: 3, column: 2, path: null }],
        },
      ],
    };
    const out = github(report, { color: false });
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(out).not.toMatch(/[\r\u001b]/);
    expect(lines[0]).toBe(
      '::error file=dir%2Cx/a%3Ab.md,line=1,title=mcaudit decision%3A revise — x%3A%3Awarning file=evil.md%3A%3Apwned%0A%3A%3Aerror%3A%3Ainjected%2C%250A%0D::' +
        'x::warning file=evil.md::pwned%0A::error::injected,%250A%0D: revise (score 50/100), below --min-decision approve%0A- reason with%0Anewline',
    );
    expect(lines[1]).toBe('::notice file=dir%2Cx/a%3Ab.md,line=3,col=2,title=mcaudit calibration (assessment)::x::warning file=evil.md::pwned%0A::error::injected,%250A%0D[2J');
    // Each line: command, properties without a raw `::`, then `::` and the message.
    for (const l of lines) {
      const m = /^::(error|warning|notice) ([^:]*)::(.*)$/.exec(l);
      expect(m, l).not.toBeNull();
    }
  });

  it('one line per finding plus one per offering below the gate; info is a notice', async () => {
    const r = await run(['audit', ...FIXTURES, '--format', 'github']);
    const json = JSON.parse((await run(['audit', ...FIXTURES, '--format', 'json'])).stdout) as Report;
    const lines = r.stdout.trimEnd().split('\n');
    const findings = json.offerings.reduce((n, o) => n + o.findings.length, 0);
    const below = json.offerings.filter((o) => o.decision === 'revise' || o.decision === 'reject').length;
    expect(lines).toHaveLength(findings + below);
    expect(lines.filter((l) => l.includes('title=mcaudit decision%3A'))).toHaveLength(below);
    const info = json.offerings.flatMap((o) => o.findings).filter((f) => f.severity === 'info').length;
    expect(lines.filter((l) => l.startsWith('::notice '))).toHaveLength(info);
  });
});

describe('golden files (colour off)', () => {
  for (const format of ['sarif', 'junit', 'github'] as const) {
    it(`${format}`, async () => {
      const r = await run(['audit', ...FIXTURES, '--format', format], { env: { SOURCE_DATE_EPOCH: '1780000000' } });
      expect(r.code).toBe(1);
      await expect(r.stdout).toMatchFileSnapshot(`../golden/ci.${format === 'github' ? 'github.txt' : format === 'junit' ? 'junit.xml' : 'sarif.json'}`);
    });
  }
});
