/**
 * `mcaudit lint <files...>`: the author's view of one or a few drafts. Findings grouped by
 * aspect with fix hints, then the decision. `-` reads standard input; `--stdin-filename`
 * names it (the name decides Markdown or JSON and is shown in findings). Placeholders left
 * in ("[Describe …]") are findings too. Exit codes as audit: 0 when every offering meets
 * --min-decision (default approve) and no placeholder is left, 1 if not (or invalid), 2 if
 * lint could not run.
 */
import { Command, Option } from 'commander';
import { applyConfig, type ConfigurableFlags } from '../config/apply.js';
import { fileFilter } from '../config/select.js';
import { auditEntry, auditFiles, compareFindings } from '../engine/audit.js';
import { UsageError } from '../errors.js';
import { FORMATS, formatParts, type Format } from '../format/index.js';
import { lintParts } from '../format/lint.js';
import type { Io } from '../io.js';
import { wantColor } from '../io.js';
import { discover, type InputFile } from '../load/discover.js';
import { DEFAULT_MAX_FILE_SIZE, fileEntriesSync, loadText, type Entry } from '../load/file.js';
import { placeholderFindings } from '../lint/placeholders.js';
import { buildReport, meetsGate } from '../report.js';
import { loadRubric } from '../rubric/load.js';
import { DECISIONS, type Decision, type OfferingReport } from '../types.js';
import { auditTime, parseSize } from './audit.js';
import { openSink, writePieces } from './audit-stream.js';
import { breathe } from '../interrupt.js';

export interface LintFlags {
  rubric: string;
  minDecision: Decision;
  format: string;
  stdinFilename?: string;
  color?: boolean;
  maxFileSize?: number;
  config?: string | boolean;
  ignorePattern?: string[];
}

export async function runLint(args: string[], opts: LintFlags, cmd: Command, io: Io): Promise<number> {
  if (opts.format !== 'text' && !(FORMATS as readonly string[]).includes(opts.format)) {
    throw new UsageError(`unknown format "${opts.format}" (choose from text, ${FORMATS.filter((f) => f !== 'text').join(', ')})`);
  }
  if (args.filter((a) => a === '-').length > 1) throw new UsageError('"-" (standard input) can be given once');
  const base: ConfigurableFlags = { rubric: opts.rubric, minDecision: opts.minDecision, format: [], ignorePattern: opts.ignorePattern ?? [] };
  if (opts.config !== undefined) base.config = opts.config;
  // Config formats are for audit reports; lint keeps its own --format.
  const { flags } = applyConfig(base, cmd, io.cwd);
  const rubric = loadRubric(flags.rubric, io.cwd);
  const ctx = { now: auditTime(io.env) };
  const paths = args.filter((a) => a !== '-');
  const filter = fileFilter({ configDir: flags.configDir, include: flags.include, exclude: flags.exclude, ignorePatterns: flags.ignorePattern }, io.cwd);
  const files: InputFile[] = paths.length ? await discover(paths, io.cwd, { ignore: filter.ignore }) : [];
  const offerings: OfferingReport[] = [];
  let placeholders = 0;
  const add = (e: Entry) => {
    const o = auditEntry(e, rubric, ctx);
    if (e.kind === 'offering') {
      const found = placeholderFindings(e.doc);
      placeholders += found.length;
      if (found.length) o.findings = [...o.findings, ...found].sort(compareFindings);
    }
    offerings.push(o);
  };
  const maxFileSize = opts.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  for (const f of files) {
    if (f.problem) {
      for await (const o of auditFiles([f], { rubric, ctx, maxFileSize })) offerings.push(o);
    } else {
      for (const e of fileEntriesSync(f.abs, f.rel, { maxFileSize })) {
        add(e);
        // A signal's handler runs on the event loop's turn (a catalog file can take a while).
        await breathe();
      }
    }
  }
  if (args.includes('-')) {
    if (!io.readStdin) throw new UsageError('standard input cannot be read here');
    const name = (opts.stdinFilename ?? 'stdin.md').split('\\').join('/');
    const text = (await io.readStdin()).replace(/^\uFEFF/, '');
    for (const e of loadText(name, text)) add(e);
  }
  const report = buildReport(rubric, offerings);
  const color = opts.format === 'text' && wantColor(opts.color, io, false);
  // Written in pieces: no output is one string, however many files are linted.
  const parts = opts.format === 'text' ? lintParts : formatParts[opts.format as Format];
  const sink = await openSink(undefined, io);
  await writePieces(parts(report, () => report.offerings, { color }), sink);
  await sink.close();
  return placeholders === 0 && report.offerings.every((o) => meetsGate(o.decision, flags.minDecision)) ? 0 : 1;
}

export function lintCommand(io: Io, result: { code: number }): Command {
  return new Command('lint')
    .description('lint drafts for their authors: findings by aspect with fixes, then the decision they would get')
    .argument('<files...>', 'files or folders; "-" reads standard input')
    .option('-r, --rubric <name-or-file>', 'rubric: a built-in name (default, strict) or a JSON file', 'default')
    .addOption(
      new Option('--min-decision <decision>', 'exit 1 if any offering is below this decision (or invalid)')
        .choices(DECISIONS.filter((d) => d !== 'reject'))
        .default('approve'),
    )
    .option('-f, --format <format>', `text (the lint view) or a report format (${FORMATS.join(', ')})`, 'text')
    .option('--stdin-filename <name>', 'name for standard input in findings; .json reads it as JSON, else Markdown (default stdin.md)')
    .option('-c, --config <file>', 'config file (default: the nearest mcaudit.config.json or .mcauditrc.json upward)')
    .option('--no-config', 'do not look for a config file')
    .option('--ignore-pattern <pattern>', 'leave out files found in folders that match (gitignore syntax); repeatable', (v: string, prev: string[]) => [...prev, v], [] as string[])
    .option('--color', 'force colour')
    .option('--no-color', 'no colour (NO_COLOR and FORCE_COLOR are honoured too)')
    .option('--max-file-size <size>', 'largest file read (e.g. 512kB, 5MB)', parseSize)
    .action(async (args: string[], opts: LintFlags, cmd: Command) => {
      result.code = await runLint(args, opts, cmd, io);
    });
}
