/**
 * `mcaudit audit <paths...>`: audit offerings, write the report, return the exit code.
 * The command runs in four stages, each its own function: plan (what to read, with which
 * rubric, to which outputs), collect (load, score, decide every offering), write (every
 * output format), and gate (the exit code).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Command, Option } from 'commander';
import { compareBaseline, describeDelta, parseBaseline, type Baseline } from '../engine/baseline.js';
import { evaluateGate, FAIL_ON, type FailOn, type GatePolicy, type GateResult } from '../engine/gate.js';
import { UsageError } from '../errors.js';
import { FORMATS, formatParts, type Format } from '../format/index.js';
import type { Io } from '../io.js';
import { discover, type InputFile } from '../load/discover.js';
import { DEFAULT_MAX_FILE_SIZE } from '../load/limits.js';
import { loadWaivers, type Waiver } from '../load/waivers.js';
import { withCatalog } from '../catalog.js';
import { buildReport, type Report } from '../report.js';
import type { Rubric } from '../rubric/load.js';
import type { RuleContext } from '../rules/define.js';
import { DECISIONS, type Decision, type OfferingReport, type Severity } from '../types.js';
import { applyConfig, printableConfig } from '../config/apply.js';
import { fileFilter } from '../config/select.js';
import { canStream, formatOptions, openSink, SpoolUnavailable, startProgress, streamAudit, writePieces, type Sink } from './audit-stream.js';
import { uninterrupted } from '../interrupt.js';
import { catalogCollector } from './catalog-input.js';

export interface AuditFlags {
  rubric: string;
  /** `--format` values, each `format` or `format:file`. */
  format: string[];
  output?: string;
  minDecision: Decision;
  quiet?: boolean;
  color?: boolean;
  maxFileSize?: number;
  failOn?: FailOn;
  maxWarnings?: number;
  baseline?: string;
  strictBaseline?: boolean;
  /** `--config <file>`, or false for `--no-config` (else the nearest config file is used). */
  config?: string | boolean;
  printConfig?: boolean;
  /** `--ignore-pattern` (repeatable), gitignore syntax, relative to the working directory. */
  ignorePattern?: string[];
  /** From a config file: its folder, and its include globs and exclude patterns (relative to it). */
  configDir?: string;
  include?: string[];
  exclude?: string[];
  /** Reviewer waivers file (from the config or `--waivers`). */
  waivers?: string;
  /** `--concurrency`: worker threads (0 for none); undefined for automatic. */
  concurrency?: number;
}

/** The audit clock: SOURCE_DATE_EPOCH (seconds) when set, for reproducible reports. */
export function auditTime(env: Io['env']): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== '') {
    const n = Number(epoch);
    if (!Number.isInteger(n) || n < 0) throw new UsageError(`SOURCE_DATE_EPOCH must be a whole number of seconds, got "${epoch}"`);
    return new Date(n * 1000);
  }
  return new Date();
}

/** Parse a size such as 5MB, 512kB or 1048576 (bytes). */
export function parseSize(value: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(?:(b|kb|kib|mb|mib|gb|gib)\s*)?$/i.exec(value);
  if (!m) throw new UsageError(`invalid size "${value}": use a number of bytes or a size such as 512kB or 5MB`);
  const unit = (m[2] ?? 'b').toLowerCase();
  const mult = unit.startsWith('k') ? 1024 : unit.startsWith('m') ? 1024 ** 2 : unit.startsWith('g') ? 1024 ** 3 : 1;
  const n = Math.floor(Number(m[1]) * mult);
  if (n <= 0) throw new UsageError(`invalid size "${value}": it must be above 0`);
  return n;
}

/** Write `text` to `file` as an output is written (openSink): whole, or not at all. */
export async function writeOutput(file: string, text: string, io: Io): Promise<void> {
  const sink = await openSink(file, io);
  try {
    await sink.write(text);
    await sink.close();
  } finally {
    await sink.discard();
  }
}

/** Parse `--concurrency`: `auto` (undefined), `off` (0) or a number of worker threads. */
export function parseConcurrency(value: string): number | undefined {
  const v = value.trim().toLowerCase();
  if (v === 'auto') return undefined;
  if (v === 'off') return 0;
  if (!/^\d+$/.test(v) || Number(v) > 64) throw new UsageError(`invalid concurrency "${value}": use auto, off, or a number of worker threads from 0 to 64`);
  return Number(v);
}

/** Parse a whole number ≥ 0 (--max-warnings). */
export function parseCount(value: string): number {
  if (!/^\d+$/.test(value.trim())) throw new UsageError(`invalid count "${value}": use a whole number, 0 or more`);
  return Number(value.trim());
}

/** Read and validate a baseline file; any problem is a usage error (exit 2). */
export async function readBaseline(file: string, io: Io): Promise<Baseline> {
  let text: string;
  try {
    text = await readFile(path.resolve(io.cwd, file), 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read baseline ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new UsageError(`invalid baseline ${file}: not valid JSON: ${(e as Error).message}`);
  }
  const r = parseBaseline(json);
  if (!r.ok) throw new UsageError(`invalid baseline ${file}:\n${r.problems.map((p) => `  ${p}`).join('\n')}`);
  return r.baseline;
}

/** Where one format's output goes: a file, or stdout when `file` is undefined. */
export interface OutputTarget {
  format: Format;
  file?: string;
}

/**
 * Resolve `--format` (repeatable, `format` or `format:file`) and `--output` into targets.
 * Ambiguous combinations are usage errors: two outputs to stdout, `--output` with several
 * formats, or two formats to one file.
 */
export function outputTargets(formats: readonly string[], output: string | undefined): OutputTarget[] {
  const list = formats.length ? formats : ['text'];
  const targets = list.map((spec): OutputTarget => {
    const idx = spec.indexOf(':');
    const name = idx < 0 ? spec : spec.slice(0, idx);
    if (!(FORMATS as readonly string[]).includes(name)) {
      throw new UsageError(`unknown format "${name}" (choose from ${FORMATS.join(', ')})`);
    }
    const file = idx < 0 ? undefined : spec.slice(idx + 1);
    if (file === '') throw new UsageError(`--format ${spec}: give a file after the colon, or leave the colon out for stdout`);
    return file === undefined ? { format: name as Format } : { format: name as Format, file };
  });
  if (output !== undefined) {
    if (targets.length > 1) throw new UsageError('--output goes with a single --format; with several formats write each as --format <format>:<file>');
    if (targets[0]!.file !== undefined) throw new UsageError(`--output ${output} and --format ${list[0]} both name a file; use one of them`);
    targets[0]!.file = output;
  }
  const toStdout = targets.filter((t) => t.file === undefined);
  if (toStdout.length > 1) throw new UsageError(`only one format can go to stdout (${toStdout.map((t) => t.format).join(', ')}); write the others as --format <format>:<file>`);
  const files = targets.map((t) => t.file).filter((f): f is string => f !== undefined);
  const dup = files.find((f, i) => files.indexOf(f) !== i);
  if (dup) throw new UsageError(`two formats would write to the same file ${dup}`);
  return targets;
}

/** Everything an audit run needs, decided before any file is read. */
export interface AuditPlan {
  flags: AuditFlags;
  targets: OutputTarget[];
  rubric: Rubric;
  files: InputFile[];
  ctx: RuleContext;
  baseline?: NonNullable<GatePolicy['baseline']>;
  waivers: Waiver[];
}

/** Stage 1: resolve outputs, rubric and input files. Usage errors surface here (exit 2). */
export async function planAudit(paths: string[], flags: AuditFlags, io: Io): Promise<AuditPlan> {
  const targets = outputTargets(flags.format, flags.output);
  // The engine, rules and rubric load only when a command runs (fast --version and --help).
  const { loadRubric } = await import('../rubric/load.js');
  const rubric = loadRubric(flags.rubric, io.cwd);
  const filter = fileFilter({ configDir: flags.configDir, include: flags.include, exclude: flags.exclude, ignorePatterns: flags.ignorePattern }, io.cwd);
  const waivers = flags.waivers === undefined ? [] : loadWaivers(flags.waivers, io.cwd);
  const files = await discover(paths, io.cwd, { ignore: filter.ignore });
  const plan: AuditPlan = { flags, targets, rubric, files, ctx: { now: auditTime(io.env) }, waivers };
  if (flags.baseline !== undefined) plan.baseline = { file: flags.baseline, data: await readBaseline(flags.baseline, io) };
  return plan;
}

/** Stage 2: load, score and decide every offering. */
export async function collectReport(plan: AuditPlan, io?: Io): Promise<Report> {
  const { auditFiles } = await import('../engine/audit.js');
  const progress = io ? startProgress(plan, io) : null;
  const offerings: OfferingReport[] = [];
  const catalog = catalogCollector(plan);
  const options = { rubric: plan.rubric, ctx: plan.ctx, maxFileSize: plan.flags.maxFileSize ?? DEFAULT_MAX_FILE_SIZE, waivers: plan.waivers, onEntry: catalog.onEntry, onSource: catalog.onSource, concurrency: plan.flags.concurrency };
  for await (const o of auditFiles(plan.files, options)) {
    offerings.push(o);
    progress?.offering(o.file);
  }
  progress?.done();
  const report = withCatalog(buildReport(plan.rubric, offerings), await catalog.input());
  if (plan.baseline) report.baseline = compareBaseline(report, plan.baseline.data, plan.baseline.file).summary;
  return report;
}

/** Stage 3: render and write every output, in pieces (an output may be too big for one string). */
export async function writeReports(plan: AuditPlan, report: Report, io: Io): Promise<void> {
  // As streamAudit: every output opened first, written in the order given, replaced at the end.
  const sinks: Sink[] = [];
  try {
    for (const t of plan.targets) sinks.push(await openSink(t.file, io));
    for (const [i, t] of plan.targets.entries()) await writePieces(formatParts[t.format](report, () => report.offerings, formatOptions(plan, t, io)), sinks[i]!);
    // Streams first (a stalled reader must not hold a signal back), then the files together.
    for (const sink of sinks) if (!sink.file) await sink.close();
    await uninterrupted(async () => {
      for (const sink of sinks) if (sink.file) await sink.close();
    });
  } finally {
    for (const sink of sinks) await sink.discard();
  }
}

/** Stage 4: the gate (src/engine/gate.ts): --min-decision, --fail-on, --max-warnings, --baseline. */
export function gate(plan: AuditPlan, report: Report): GateResult {
  const f = plan.flags;
  const policy: GatePolicy = { minDecision: f.minDecision };
  if (f.failOn !== undefined) policy.failOn = f.failOn;
  if (f.maxWarnings !== undefined) policy.maxWarnings = f.maxWarnings;
  if (plan.baseline) policy.baseline = plan.baseline;
  if (f.strictBaseline) policy.strictBaseline = true;
  return evaluateGate(report, policy);
}

export async function runAudit(paths: string[], flags: AuditFlags, io: Io): Promise<number> {
  const plan = await planAudit(paths, flags, io);
  // When every output can be written offering by offering, nothing is held in memory: the
  // gate then sees each offering's light record (what it needs of the findings).
  let report: Report | null = null;
  if (canStream(plan)) {
    try {
      report = await streamAudit(plan, io);
    } catch (e) {
      // Without a place for the spool, the report is held in memory, as for a plan that cannot stream.
      if (!(e instanceof SpoolUnavailable)) throw e;
    }
  }
  if (report === null) {
    report = await collectReport(plan, io);
    await writeReports(plan, report, io);
  }
  const result = gate(plan, report);
  const stale = report.baseline?.stale ?? [];
  if (stale.length) {
    io.stderr(`mcaudit: ${stale.length} stale baseline ${stale.length === 1 ? 'entry' : 'entries'} in ${plan.baseline!.file} (run \`mcaudit baseline\` to update it):\n`);
    for (const d of stale) io.stderr(`  ${describeDelta(d)}\n`);
  }
  for (const line of result.failures) io.stderr(`mcaudit: gate failed: ${line}\n`);
  return result.exitCode;
}

/** The `audit` command's options and help. */
export function auditCommand(io: Io, result: { code: number }): Command {
  return new Command('audit')
    .description('audit micro-credential files (Markdown or JSON) and folders of them')
    .argument('[paths...]', 'files or folders (searched recursively for .md, .markdown, .json)')
    .option('-r, --rubric <name-or-file>', 'rubric: a built-in name (default, strict) or a JSON file', 'default')
    .option(
      '-f, --format <format[:file]>',
      `output format (${FORMATS.join(', ')}); repeat it to write several, each as format:file`,
      (value: string, prev: string[]) => [...prev, value],
      [] as string[],
    )
    .option('-o, --output <file>', 'write the (single) report to a file instead of stdout')
    .addOption(
      new Option('--min-decision <decision>', 'exit 1 if any offering is below this decision (or invalid)')
        .choices(DECISIONS.filter((d) => d !== 'reject'))
        .default('approve'),
    )
    .option('-q, --quiet', 'text format: one line per offering and the summary')
    .option('--color', 'force colour in the text format')
    .option('--no-color', 'no colour (NO_COLOR and FORCE_COLOR are honoured too)')
    .option('--waivers <file>', 'reviewer waivers (JSON or YAML): waived findings are shown but not counted')
    .option('--max-file-size <size>', 'largest file read (e.g. 512kB, 5MB)', parseSize)
    .option('--concurrency <n>', 'worker threads: auto (one per core for 300 files or more), off, or a number', parseConcurrency)
    .addOption(new Option('--fail-on <severity>', 'exit 1 on any finding at or above this severity (default none; info with --baseline)').choices(FAIL_ON))
    .option('--max-warnings <n>', 'exit 1 if there are more than n warning findings', parseCount)
    .option('--baseline <file>', `fail only on what is new or worse than this baseline (written by \`mcaudit baseline\`)`)
    .option('--strict-baseline', 'with --baseline: stale entries fail the run too')
    .option('-c, --config <file>', 'config file (default: the nearest mcaudit.config.json or .mcauditrc.json upward)')
    .option('--no-config', 'do not look for a config file')
    .option('--ignore-pattern <pattern>', 'leave out files found in folders that match (gitignore syntax); repeatable', (v: string, prev: string[]) => [...prev, v], [] as string[])
    .option('--print-config', 'print the resolved configuration (JSON) and exit')
    .action(async (paths: string[], opts: AuditFlags, cmd: Command) => {
      const { flags, config } = applyConfig(opts, cmd, io.cwd);
      if (flags.printConfig) {
        io.stdout(`${JSON.stringify(printableConfig(flags, config, io.cwd), null, 2)}\n`);
        result.code = 0;
        return;
      }
      if (!paths.length) throw new UsageError("missing required argument 'paths'");
      result.code = await runAudit(paths, flags, io);
    });
}
