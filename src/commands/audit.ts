/**
 * `mcaudit audit <paths...>`: audit offerings, write the report, return the exit code.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { auditFiles } from '../engine/audit.js';
import { UsageError } from '../errors.js';
import { FORMATS, formatters, type Format } from '../format/index.js';
import type { Io } from '../io.js';
import { wantColor } from '../io.js';
import { discover } from '../load/discover.js';
import { DEFAULT_MAX_FILE_SIZE } from '../load/file.js';
import { buildReport, meetsGate } from '../report.js';
import { loadRubric } from '../rubric/load.js';
import type { Decision, OfferingReport } from '../types.js';

export interface AuditFlags {
  rubric: string;
  /** `--format` values, each `format` or `format:file`. */
  format: string[];
  output?: string;
  minDecision: Decision;
  quiet?: boolean;
  color?: boolean;
  maxFileSize?: number;
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
  const m = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|kib|mb|mib|gb|gib)?\s*$/i.exec(value);
  if (!m) throw new UsageError(`invalid size "${value}": use a number of bytes or a size such as 512kB or 5MB`);
  const unit = (m[2] ?? 'b').toLowerCase();
  const mult = unit.startsWith('k') ? 1024 : unit.startsWith('m') ? 1024 ** 2 : unit.startsWith('g') ? 1024 ** 3 : 1;
  const n = Math.floor(Number(m[1]) * mult);
  if (n <= 0) throw new UsageError(`invalid size "${value}": it must be above 0`);
  return n;
}

export async function writeOutput(file: string, text: string, io: Io): Promise<void> {
  const abs = path.resolve(io.cwd, file);
  try {
    await mkdir(path.dirname(abs), { recursive: true });
    await writeFile(abs, text);
  } catch (e) {
    throw new UsageError(`cannot write ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
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

export async function runAudit(paths: string[], flags: AuditFlags, io: Io): Promise<number> {
  const targets = outputTargets(flags.format, flags.output);
  const rubric = loadRubric(flags.rubric, io.cwd);
  const files = await discover(paths, io.cwd);
  const ctx = { now: auditTime(io.env) };
  const offerings: OfferingReport[] = [];
  for await (const o of auditFiles(files, { rubric, ctx, maxFileSize: flags.maxFileSize ?? DEFAULT_MAX_FILE_SIZE })) offerings.push(o);
  const report = buildReport(rubric, offerings);
  for (const t of targets) {
    const color = t.format === 'text' && wantColor(flags.color, io, t.file !== undefined);
    const out = formatters[t.format](report, { color, quiet: flags.quiet ?? false });
    if (t.file !== undefined) await writeOutput(t.file, out, io);
    else io.stdout(out);
  }
  return offerings.every((o) => meetsGate(o.decision, flags.minDecision)) ? 0 : 1;
}
