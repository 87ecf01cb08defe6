#!/usr/bin/env node
/**
 * `npm run bench [-- 1000 10000 100000]`: speed and memory of the built CLI (run `npm run build` first).
 *
 * For each size it generates a synthetic catalog deterministically (about 3 KB of Markdown
 * per offering, mixed quality) in a temp folder, then runs, each as a child process:
 *   - the baseline: read every file and parse its front matter with gray-matter, nothing else;
 *   - the full audit: `mcaudit audit <dir> --format json:<file>` (worker threads as `auto` picks);
 *   - up to 10,000 offerings, the same audit in one thread (`--concurrency off`), to show
 *     what the workers gain on this machine, and with every rule turned off, to show what
 *     the rest of the audit (loading, scoring, hashing, writing the report) costs alone,
 *     and the audit to an HTML report (written from a spool, not from the workers' bytes).
 * It prints wall time, offerings per second, peak RSS and the audit/baseline ratio; then
 * start-up (`mcaudit --version`, a one-file lint and a one-file audit against a bare
 * `node -e ""`, interleaved) and pathological inputs (1 MB lines of punctuation and
 * words, 1 MB runs of one character, and 20,000 links on a line or evidence items and
 * criteria, one JSON catalog file of 6,000 offerings, and catalogs of 10,000 near-duplicate
 * offerings: scripts/pathological.mjs). Peak RSS comes from /usr/bin/time when present, else from the child's own
 * process.resourceUsage(). `npm run bench -- --startup` measures start-up alone.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { manyOfOneKind, nearDuplicateCatalog, runsOfOneCharacter } from './pathological.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin/mcaudit.js');
if (!existsSync(path.join(ROOT, 'dist/bin.js'))) {
  console.error('bench: build first (npm run build)');
  process.exit(2);
}

const STARTUP_ONLY = process.argv.includes('--startup');
const SIZES = process.argv.slice(2).map(Number).filter((n) => n > 0);
if (!SIZES.length && !STARTUP_ONLY) SIZES.push(1000, 10000, 100000);
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

// ---- deterministic generator -------------------------------------------------------
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const TOPICS = ['Wait Time', 'Retrieval Practice', 'Exit Tickets', 'Think-Pair-Share', 'Goal Setting', 'Feedback Loops', 'Number Talks', 'Close Reading', 'Restorative Circles', 'Station Rotation'];
const VERBS = ['plans', 'models', 'uses', 'adjusts', 'analyzes', 'records', 'designs', 'facilitates'];
const NOUNS = ['student talk', 'questioning', 'small-group work', 'formative data', 'learning targets', 'peer feedback', 'discussion norms', 'anchor charts'];
const FILL = 'Teachers collect classroom evidence over two weeks and compare it with the success criteria before and after the change. '.split(' ');

function sentence(r, n = 18) {
  const w = [];
  for (let i = 0; i < n; i++) w.push(FILL[Math.floor(r() * FILL.length)] || 'practice');
  w[0] = w[0][0]?.toUpperCase() + w[0].slice(1);
  return w.join(' ') + '.';
}
function para(r, s = 4) {
  return Array.from({ length: s }, () => sentence(r)).join(' ');
}

/** One offering of about 3 KB; `q` in [0,1) sets how many quality signals it has. */
export function offering(i) {
  const r = rng(i * 2654435761);
  const q = r();
  const topic = TOPICS[i % TOPICS.length];
  const pick = (a) => a[Math.floor(r() * a.length)];
  const out = [];
  if (q > 0.3) out.push('---', `id: mc-${i}`, `title: ${topic} ${i}`, `version: "1.${i % 7}"`, 'provider:', '  name: Riverbend Learning Lab', '  url: https://example.org/lab', '---', '');
  out.push(`# ${topic} ${i}`, '', '## Competency', '', `The educator ${pick(VERBS)} ${pick(NOUNS)} so that students explain their reasoning. ${sentence(r)}`, '');
  out.push('## Key Method', '', `${para(r, 3)}`, '');
  if (q > 0.2) out.push('## Method Components', '', ...[1, 2, 3, 4].map((k) => `${k}. The educator ${pick(VERBS)} ${pick(NOUNS)}. ${sentence(r, 10)}`), '');
  if (q > 0.4) out.push('## Research', '', `${para(r, 2)} Rowe, M. B. (1986). Wait time: Slowing down may be a way of speeding up. Journal of Teacher Education, 37(1), 43-50.`, '');
  out.push('## Resources', '', `- [${topic} guide](https://example.org/guides/${i}) — a planning template.`, q > 0.5 ? `- Smith, J. (2019). ${topic} in practice. https://doi.org/10.1000/${i}` : '- A video of a classroom.', '');
  out.push('## Evidence', '', `### Part 1. Overview`, '', para(r, 2), '', '### Part 2. Artifacts', '', `- A ${q > 0.5 ? '10-minute annotated video' : 'lesson plan'} showing ${pick(NOUNS)}.`, '- Two samples of student work.', '', '### Part 3. Reflection', '', `${para(r, 3)} What changed for students?`, '');
  if (q > 0.35) out.push('## Rubric', '', '| Criterion | Proficient | Not Yet |', '| --- | --- | --- |', `| Overview | Describes the class and the ${pick(NOUNS)} | Missing context |`, '| Artifacts | Shows the method with students | Does not show students |', '| Reflection | Names a change in student learning | Restates the plan |', '', 'To earn the credential, every criterion must be Proficient.', '');
  if (q > 0.6) out.push('## Assessment', '', 'Trained assessors score each submission within 3 weeks and give written feedback. Candidates may resubmit twice.', '');
  out.push('## About', '', para(r, 4 + Math.floor(r() * 4)), '');
  return out.join('\n');
}

function generate(n) {
  const dir = mkdtempSync(path.join(tmpdir(), `mcaudit-bench-${n}-`));
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const sub = path.join(dir, String(Math.floor(i / 1000)).padStart(3, '0'));
    if (i % 1000 === 0) mkdirSync(sub, { recursive: true });
    const text = offering(i);
    bytes += Buffer.byteLength(text);
    writeFileSync(path.join(sub, `mc-${String(i).padStart(6, '0')}.md`), text);
  }
  return { dir, bytes };
}

// ---- measuring ----------------------------------------------------------------------
/** Run a command; wall time (s) and peak RSS (MB). */
function measure(cmd, args, opts = {}) {
  const t0 = process.hrtime.bigint();
  let r;
  if (TIME) r = spawnSync(TIME, ['-f', '__RSS_KB=%M', cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 30, ...opts });
  else r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 30, ...opts });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const m = /__RSS_KB=(\d+)/.exec(r.stderr ?? '') ?? /"maxRSS":(\d+)/.exec(r.stdout ?? '');
  if (r.status !== 0 && r.status !== 1) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return { wall, rssMB: m ? Number(m[1]) / 1024 : NaN, stdout: r.stdout };
}

const BASELINE = `
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
let n = 0;
const walk = (d) => { for (const e of readdirSync(d, { withFileTypes: true })) { const p = path.join(d, e.name); if (e.isDirectory()) walk(p); else if (p.endsWith('.md')) { matter(readFileSync(p, 'utf8'), {}); n++; } } };
walk(process.argv[1]);
console.log(JSON.stringify({ files: n, maxRSS: process.resourceUsage().maxRSS }));
`;

/** The default rubric with every rule turned off, written into `dir`; its path. */
function rulesOff(dir) {
  const rubric = JSON.parse(readFileSync(path.join(ROOT, 'rubrics/default.json'), 'utf8'));
  for (const settings of Object.values(rubric.rules)) settings.enabled = false;
  const file = path.join(dir, 'rules-off.json');
  writeFileSync(file, JSON.stringify(rubric));
  return file;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (x, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : 'n/a');

async function bench() {
console.log(`mcaudit bench — node ${process.version}, ${cpus().length} CPU (${cpus()[0]?.model ?? '?'}), ${Math.round(totalmem() / 2 ** 30)} GB RAM, ${TIME ? 'peak RSS from /usr/bin/time' : 'peak RSS n/a'}`);
console.log('');
if (SIZES.length) {
  console.log('offerings | KB/offering | baseline s | audit s | offerings/s | ratio | baseline RSS MB | audit RSS MB | one thread s (ratio) | every rule off s (ratio) | HTML report s (RSS MB)');
  console.log('--- | --- | --- | --- | --- | --- | --- | --- | --- | --- | ---');
}
const rows = [];
for (const n of SIZES) {
  const { dir, bytes } = generate(n);
  // Outputs go beside the catalog, not in it, where the next run would read them as input.
  const work = mkdtempSync(path.join(tmpdir(), `mcaudit-bench-out-${n}-`));
  const out = path.join(work, 'report.json');
  try {
    // Warm the page cache once so neither run pays for the first read.
    measure(process.execPath, ['--input-type=module', '-e', BASELINE, dir], { cwd: ROOT });
    const base = measure(process.execPath, ['--input-type=module', '-e', BASELINE, dir], { cwd: ROOT });
    /** The full audit of the catalog to `out` (or to `--format` `to`), with `extra` flags. */
    const auditTo = (to, ...extra) => measure(process.execPath, [BIN, 'audit', dir, '--format', to, ...extra], { cwd: dir, env: { ...process.env, CI: '1' } });
    const auditRun = (...extra) => auditTo(`json:${out}`, ...extra);
    const audit = auditRun();
    const size = statSync(out).size;
    const one = n <= 10000 ? auditRun('--concurrency', 'off') : null;
    // The same audit with every rule turned off: what loading, scoring, hashing and writing
    // the report cost without the rules (a floor for the audit, not a mode anyone would use).
    const bare = n <= 10000 ? auditRun('--rubric', rulesOff(work)) : null;
    // The HTML report streams from a spool of the offerings' JSON, which it reads twice.
    const html = n <= 10000 ? auditTo(`html:${path.join(work, 'report.html')}`) : null;
    const row = { n, base, audit, ratio: audit.wall / base.wall };
    rows.push(row);
    const rel = (m) => (m ? `${fmt(m.wall)} (${fmt(m.wall / base.wall)}x)` : 'n/a');
    console.log(
      `${n} | ${fmt(bytes / n / 1024, 1)} | ${fmt(base.wall)} | ${fmt(audit.wall)} | ${Math.round(n / audit.wall)} | ${fmt(row.ratio)}x | ${fmt(base.rssMB, 0)} | ${fmt(audit.rssMB, 0)} (report ${fmt(size / 2 ** 20, 0)} MB) | ${rel(one)} | ${rel(bare)} | ${html ? `${fmt(html.wall)} (${fmt(html.rssMB, 0)})` : 'n/a'}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  }
}
for (let i = 1; i < rows.length; i++) {
  const a = rows[i - 1];
  const b = rows[i];
  console.log(`growth ${a.n} -> ${b.n} (${b.n / a.n}x offerings): audit time ${fmt(b.audit.wall / a.audit.wall, 1)}x`);
}

console.log('');
// Interleaved, so that a slow spell of the machine hits every command alike.
const runs = 21;
const starts = {
  version: [BIN, '--version'],
  'one-file lint': [BIN, 'lint', path.join(ROOT, 'samples/strong.md')],
  'one-file audit': [BIN, 'audit', path.join(ROOT, 'samples/strong.md'), '--format', 'json'],
};
const tNode = [];
const tStart = Object.fromEntries(Object.keys(starts).map((k) => [k, []]));
for (let i = 0; i < runs; i++) {
  tNode.push(measure(process.execPath, ['-e', '']).wall);
  for (const [k, args] of Object.entries(starts)) tStart[k].push(measure(process.execPath, args).wall);
}
const mNode = median(tNode);
const parts = Object.entries(tStart).map(([k, t]) => `mcaudit ${k} ${fmt(median(t) * 1000, 0)} ms (${fmt(median(t) / mNode)}x)`);
console.log(`start-up (median of ${runs}): node -e "" ${fmt(mNode * 1000, 0)} ms; ${parts.join('; ')}`);
if (STARTUP_ONLY) return;

// Pathological lines: 1 MB of repeated punctuation and words in each section.
const dir = mkdtempSync(path.join(tmpdir(), 'mcaudit-bench-path-'));
try {
  for (const [name, unit] of Object.entries({ words: 'word ', punct: '!?.,;:-', links: '[a](', brackets: '[', mixed: '**_`[(<word, -- ; :: !! ?? .. || ## ', url: 'http://x.org/' })) {
    const line = unit.repeat(Math.ceil(2 ** 20 / unit.length)).slice(0, 2 ** 20);
    const f = path.join(dir, `${name}.md`);
    writeFileSync(f, `---\ntitle: x\n---\n# T\n\n## Competency\n\n${line}\n\n## Evidence\n\n- ${line}\n`);
    const m = measure(process.execPath, [BIN, 'audit', f, '--format', 'json', '--max-file-size', '10MB']);
    console.log(`pathological 1 MB line "${unit}": ${fmt(m.wall)} s, peak RSS ${fmt(m.rssMB, 0)} MB`);
  }
  // 1 MB runs of one character where a regex once rescanned them from each position.
  for (const [name, text] of Object.entries(runsOfOneCharacter(2 ** 20))) {
    const f = path.join(dir, `run-${name}`);
    writeFileSync(f, text);
    const m = measure(process.execPath, [BIN, 'audit', f, '--format', 'text', '--format', `json:${f}.json`, '--max-file-size', '10MB']);
    console.log(`pathological 1 MB run in ${name.replace(/\.md$/, '')}: ${fmt(m.wall)} s, peak RSS ${fmt(m.rssMB, 0)} MB`);
  }
  // 20,000 links on one line, and 20,000 evidence items against 20,000 criteria.
  for (const [name, text] of Object.entries(manyOfOneKind(20000))) {
    const f = path.join(dir, `many-${name}`);
    writeFileSync(f, text);
    const m = measure(process.execPath, [BIN, 'audit', f, '--format', `json:${f}.json`, '--max-file-size', '10MB']);
    console.log(`pathological 20,000 ${name.replace(/\.md$/, '').replace(/-/g, ' ')} (${fmt(text.length / 2 ** 20, 1)} MB): ${fmt(m.wall)} s, peak RSS ${fmt(m.rssMB, 0)} MB`);
  }
  // 1 MB of blank lines in front matter (a quadratic-time test in gray-matter's split).
  const blank = path.join(dir, 'blank-front-matter.md');
  writeFileSync(blank, `---\n${'\n'.repeat(2 ** 20)}title: x\n---\n# T\n`);
  const b = measure(process.execPath, [BIN, 'audit', blank, '--format', 'json', '--max-file-size', '10MB']);
  console.log(`pathological 1 MB of blank lines in front matter: ${fmt(b.wall)} s, peak RSS ${fmt(b.rssMB, 0)} MB`);
  // A 60,000-item list (4 MB) after 10 ordinary offerings, so that the rules' regex
  // prefilter is on when it is read: every block of one document is asked about many times.
  const many = path.join(dir, 'many');
  mkdirSync(many);
  for (let i = 0; i < 10; i++) writeFileSync(path.join(many, `${i}.md`), offering(i));
  const items = Array.from({ length: 60000 }, (_, i) => `- Item ${i}: submit a video of students and a reflection on feedback.`).join('\n');
  writeFileSync(path.join(many, 'zz-list.md'), `---\ntitle: Many items\n---\n# T\n\n## Competency\n\nThe educator uses wait time.\n\n## Evidence\n\n${items}\n`);
  const l = measure(process.execPath, [BIN, 'audit', many, '--format', 'json', '--max-file-size', '10MB']);
  console.log(`pathological 60,000-item list after 10 offerings: ${fmt(l.wall)} s, peak RSS ${fmt(l.rssMB, 0)} MB`);
  // One JSON catalog file of 6,000 offerings (samples/offering.json, each with its own id and
  // competency; about 71 MB), read with --max-file-size raised: its entries are indexed and
  // built one at a time.
  const sample = JSON.parse(readFileSync(path.join(ROOT, 'samples/offering.json'), 'utf8'));
  const words = rng(6000);
  const entries = Array.from({ length: 6000 }, (_, i) => ({ ...sample, id: `${sample.id}-${i}`, competency: `${sample.competency} ${Array.from({ length: 12 }, () => `w${Math.floor(words() * 1e5)}`).join(' ')}` }));
  const catalogFile = path.join(dir, 'catalog.json');
  writeFileSync(catalogFile, JSON.stringify({ offerings: entries }, null, 2));
  const c = measure(process.execPath, [BIN, 'audit', catalogFile, '--format', `json:${catalogFile}.out.json`, '--max-file-size', '100MB']);
  console.log(`one JSON catalog file of 6,000 offerings (${fmt(statSync(catalogFile).size / 2 ** 20, 0)} MB): ${fmt(c.wall)} s, peak RSS ${fmt(c.rssMB, 0)} MB`);
  // 10,000 offerings from one template: copies of one statement, one word changed in each,
  // and the control, the same shape with no near-duplicates (timed first, the ratios' base).
  let control = 0;
  for (const kind of ['distinct', 'copies', 'variants']) {
    const near = path.join(dir, `near-${kind}`);
    mkdirSync(near);
    for (const [name, text] of Object.entries(nearDuplicateCatalog(10000, kind))) writeFileSync(path.join(near, name), text);
    const out = path.join(dir, `near-${kind}.json`);
    const m = measure(process.execPath, [BIN, 'audit', near, '--format', `json:${out}`]);
    const report = JSON.parse(readFileSync(out, 'utf8'));
    const groups = report.duplicateGroups.length ? `groups of ${report.duplicateGroups.map((g) => g.size.toLocaleString('en-US')).join(', ')}` : 'no groups';
    if (kind === 'distinct') control = m.wall;
    const ratio = kind === 'distinct' ? 'the control' : `${fmt(m.wall / control)}x the control`;
    console.log(`pathological 10,000 near-duplicate ${kind}: ${fmt(m.wall)} s (${ratio}), peak RSS ${fmt(m.rssMB, 0)} MB, JSON ${fmt(statSync(out).size / 2 ** 20, 0)} MB, ${groups}, ${report.duplicates.length.toLocaleString('en-US')} pairs listed`);
    rmSync(near, { recursive: true, force: true });
    rmSync(out, { force: true });
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
}

// `node scripts/bench.mjs --generate <n> <dir>` only writes a catalog (for profiling).
if (process.argv[2] === '--generate') {
  setTimeout(() => {
    const n = Number(process.argv[3]);
    const dir = process.argv[4];
    for (let i = 0; i < n; i++) {
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, `mc-${String(i).padStart(6, '0')}.md`), offering(i));
    }
    process.exit(0);
  });
} else await bench();
