import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv2019 } from 'ajv/dist/2019.js';
import formatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { auditEntry } from '../../src/engine/audit.js';
import { carriedProse, renderNarrative, slugOf, toAchievement, type AuditSummary } from '../../src/export/ob3.js';
import { loadFile, loadText, type Entry } from '../../src/load/file.js';
import { main } from '../../src/main.js';
import { rubricInfo, toolInfo } from '../../src/report.js';
import { loadRubric } from '../../src/rubric/load.js';
import { ASPECT_IDS, type AspectId, type Level, type OfferingReport } from '../../src/types.js';
import { CTX } from '../helpers.js';

const ROOT = path.resolve(new URL('../..', import.meta.url).pathname);
const rubric = loadRubric('default');

const schema = JSON.parse(readFileSync(path.join(ROOT, 'test/fixtures/ob_v3p0_achievementcredential.schema.json'), 'utf8')) as { $id: string };
const ajv = new Ajv2019({ strict: false, allErrors: true });
// ajv-formats is CommonJS: its plugin is the default export under one loader and `.default` of it under another.
type Plugin = (a: Ajv2019) => Ajv2019;
const addFormats = ((formatsModule as unknown as { default?: Plugin }).default ?? formatsModule) as unknown as Plugin;
addFormats(ajv);
ajv.addSchema(schema);
const validateAchievement = ajv.getSchema(`${schema.$id}#/$defs/Achievement`)!;

function summaryOf(r: OfferingReport): AuditSummary {
  return {
    tool: toolInfo(),
    decision: r.decision,
    score: r.score,
    levels: Object.fromEntries(ASPECT_IDS.map((a) => [a, r.aspects![a].level])) as Record<AspectId, Level>,
    rubric: rubricInfo(rubric),
    source: { file: r.file },
  };
}

/** Every offering of the samples and the calibration set, audited, with its export. */
async function exported(): Promise<{ name: string; report: OfferingReport; achievement: Record<string, unknown> }[]> {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const f of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, f.name);
      if (f.isDirectory()) walk(p);
      else if (/\.(md|json)$/.test(f.name) && !['expected.json', 'calibration-set.json'].includes(f.name)) files.push(p);
    }
  };
  walk(path.join(ROOT, 'samples'));
  walk(path.join(ROOT, 'test/calibration'));
  const out = [];
  for (const f of files.sort()) {
    const rel = path.relative(ROOT, f);
    for (const e of await loadFile(f, rel)) {
      if (e.kind !== 'offering') continue;
      const report = auditEntry(e, rubric, CTX);
      const slug = slugOf(e.doc.data, 'offering');
      out.push({ name: `${rel}${e.doc.index !== undefined ? ` [${e.doc.index}]` : ''}`, report, achievement: toAchievement(e.doc.data, summaryOf(report), slug, carriedProse(e.doc)) });
    }
  }
  return out;
}

describe('export to Open Badges 3.0', async () => {
  const all = await exported();

  it('covers the samples and the calibration set', () => {
    expect(all.length).toBeGreaterThan(30);
    expect(all.filter((x) => x.report.decision === 'approve').length).toBeGreaterThan(5);
  });

  it('writes documents that are valid Achievements under the official schema (draft 2019-09)', () => {
    const bad = all.filter((x) => !validateAchievement(x.achievement)).map((x) => `${x.name}: ${ajv.errorsText(validateAchievement.errors)}`);
    expect(bad).toEqual([]);
  });

  it('the schema check is real: it rejects an Achievement with no criteria or a bad alignment', () => {
    const a = { ...all[0]!.achievement };
    delete a.criteria;
    expect(validateAchievement(a)).toBe(false);
    expect(validateAchievement({ ...all[0]!.achievement, alignment: [{ type: ['Alignment'], targetName: 'x' }] })).toBe(false);
  });

  it('round trip: auditing the export gives the same decision for every offering', () => {
    const changed = all
      .map((x) => {
        const back = loadText('export.json', JSON.stringify(x.achievement, null, 2));
        const e = back[0] as Entry;
        const r = auditEntry(e, rubric, CTX);
        return { name: x.name, before: x.report.decision, after: r.decision, reasons: r.reasons };
      })
      .filter((x) => x.before !== x.after)
      .map((x) => `${x.name}: ${x.before} -> ${x.after} (${x.reasons.join('; ')})`);
    expect(changed).toEqual([]);
  });

  it('fills the Achievement from the offering: type, criteria, rubric with requiredLevel, alignment, creator, version, audit summary', () => {
    const x = all.find((o) => o.name === 'samples/offering.json')!;
    const a = x.achievement as Record<string, any>;
    expect(a.type).toEqual(['Achievement']);
    expect(a.achievementType).toBe('MicroCredential');
    expect(a.id).toBe('urn:mcaudit:achievement:HVC-ASMT-210');
    expect(a.humanCode).toBe('HVC-ASMT-210');
    expect(a.version).toBe('1.3');
    expect(a.criteria.id).toBe('https://credentials.heartlandvalley.org/mc/hinge');
    expect(a.criteria.narrative).toMatch(/^## Competency\n\nEducator uses hinge-point questions/);
    expect(a.criteria.narrative).toContain('## Submission Requirements');
    expect(a.criteria.narrative).toContain('- Passing rule: Demonstrated on every criterion.');
    expect(a.resultDescription).toHaveLength(5);
    const rd = a.resultDescription[0];
    expect(rd).toMatchObject({ name: 'Context', resultType: 'RubricCriterion', type: ['ResultDescription'] });
    expect(rd.rubricCriterionLevel.map((l: { name: string }) => l.name)).toEqual(['Demonstrated', 'Progressing', 'Not Met']);
    // The pass rule names "Demonstrated": that level is required on every criterion.
    expect(rd.requiredLevel).toBe(rd.rubricCriterionLevel[0].id);
    expect(a.alignment[0]).toMatchObject({ type: ['Alignment'], targetFramework: 'InTASC', targetCode: '6(d)' });
    expect(a.creator).toMatchObject({ id: 'https://credentials.heartlandvalley.org', type: ['Profile'], name: 'Heartland Valley Teaching Collaborative', email: 'mc-support@heartlandvalley.org' });
    expect(a.tag).toContain('formative assessment');
    expect(a.mcaudit).toMatchObject({ decision: 'approve', rubric: { id: 'new-america-2021', version: '1.0.0' }, levels: { assessment: 3 } });
    expect(a.mcaudit.rubric.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(a['@context']).toContainEqual({ mcaudit: { '@id': 'urn:mcaudit:audit-summary', '@type': '@json' } });
  });

  it('does not read a "Not Met" level as "Met" when finding the required level', () => {
    const a = toAchievement(
      { title: 'T', rubric: { criteria: [{ name: 'C', levels: [{ name: 'Not Met' }, { name: 'Met' }] }], passingRule: 'Met on every criterion; Not Met parts can be resubmitted.' } },
      summaryOf(all[0]!.report),
      't',
    ) as Record<string, any>;
    expect(a.resultDescription[0].requiredLevel).toBe(a.resultDescription[0].rubricCriterionLevel[1].id);
  });

  it('carries a BCP 47 inLanguage from the badge metadata, and drops one the schema would refuse', () => {
    const s = summaryOf(all[0]!.report);
    expect(toAchievement({ title: 'T', badge: { inLanguage: 'en-US' } }, s, 't').inLanguage).toBe('en-US');
    expect(toAchievement({ title: 'T', badge: { inLanguage: 'English' } }, s, 't').inLanguage).toBeUndefined();
  });

  it('keeps alignments without a URL in the narrative, since Open Badges requires targetUrl', () => {
    const n = renderNarrative({ alignment: [{ framework: 'InTASC', code: '8', name: 'Instructional Strategies' }] });
    expect(n).toBe('## Standards Alignment\n\n- InTASC 8: Instructional Strategies\n');
  });

  it('escapes a line of document text that would open a heading', () => {
    expect(renderNarrative({ competency: 'Educator does X.\n# Not a heading' })).toContain('\\# Not a heading');
  });
});

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}
async function run(argv: string[], cwd = ROOT): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd, env: {}, stdoutIsTTY: false });
  return { code, stdout, stderr };
}

describe('mcaudit export', () => {
  it('writes one approved offering to stdout and exits 0', async () => {
    const r = await run(['export', '--to', 'ob3', 'samples/offering.json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(validateAchievement(doc)).toBe(true);
    expect(r.stderr).toBe('mcaudit: exported 1 of 1 offering as Open Badges 3.0\n');
  });

  it('exports only approved offerings by default, and says how many it held back', async () => {
    const r = await run(['export', '--to', 'ob3', 'samples/catalog/stem-series.json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { name: string };
    expect(doc.name).toBe('Number Talks for Flexible Computation');
    expect(r.stderr).toMatch(/exported 1 of 3 offerings .*; 2 not approved \(use --all/);
  });

  it('--all exports every offering; several go to stdout as a JSON array', async () => {
    const r = await run(['export', '--to', 'ob3', '--all', 'samples/catalog/stem-series.json']);
    expect(r.code).toBe(0);
    const docs = JSON.parse(r.stdout) as { mcaudit: { decision: string } }[];
    expect(docs.map((d) => d.mcaudit.decision)).toEqual(['approve', 'revise', 'reject']);
  });

  it('--out-dir writes one file per offering, named by its id', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mcaudit-export-'));
    const r = await run(['export', '--to', 'ob3', '--all', '--out-dir', dir, 'samples/offering.json', 'samples/catalog/stem-series.json']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const files = readdirSync(dir).sort();
    expect(files).toHaveLength(4);
    expect(files).toContain('hvc-asmt-210.json');
    for (const f of files) expect(validateAchievement(JSON.parse(readFileSync(path.join(dir, f), 'utf8')))).toBe(true);
  });

  it('exits 1 when no offering is approved', async () => {
    const r = await run(['export', '--to', 'ob3', 'samples/weak.md']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/exported 0 of 1 offering .*1 not approved/);
  });

  it.each([
    [['export', 'samples'], /required option '--to <format>' not specified/],
    [['export', '--to', 'ob2', 'samples'], /argument 'ob2' is invalid/],
    [['export', '--to', 'ob3', 'no/such/path'], /path not found/],
  ])('%j is a usage error (exit 2)', async (argv, message) => {
    const r = await run(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('the exported file audits to the same decision through the CLI', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mcaudit-export-'));
    await run(['export', '--to', 'ob3', '--out-dir', dir, 'samples/strong.md']);
    const r = await run(['audit', '--format', 'json', dir]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { offerings: { decision: string; findings: { ruleId: string }[] }[] };
    expect(report.offerings[0]!.decision).toBe('approve');
    expect(report.offerings[0]!.findings.filter((f) => f.ruleId === 'invalid-badge' || f.ruleId === 'unknown-context')).toEqual([]);
  });
});
