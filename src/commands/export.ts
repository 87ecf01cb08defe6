/**
 * `mcaudit export --to ob3 <paths...>`: audit offerings and write each approved one (or
 * every one, with --all) as an Open Badges 3.0 Achievement, to a folder or to stdout.
 */
import path from 'node:path';
import { Command, Option } from 'commander';
import { auditEntry } from '../engine/audit.js';
import { UsageError } from '../errors.js';
import { carriedProse, slugOf, toAchievement, type AuditSummary } from '../export/ob3.js';
import type { Io } from '../io.js';
import { discover } from '../load/discover.js';
import { DEFAULT_MAX_FILE_SIZE, fileEntriesSync, type Entry } from '../load/file.js';
import { breathe } from '../interrupt.js';
import { rubricInfo, toolInfo } from '../report.js';
import { loadRubric } from '../rubric/load.js';
import { ASPECT_IDS, type AspectId, type Level } from '../types.js';
import { auditTime, parseSize, writeOutput } from './audit.js';

export const EXPORT_TARGETS = ['ob3'] as const;

export interface ExportFlags {
  to: (typeof EXPORT_TARGETS)[number];
  all?: boolean;
  outDir?: string;
  rubric: string;
  maxFileSize?: number;
}

export async function runExport(paths: string[], flags: ExportFlags, io: Io): Promise<number> {
  const rubric = loadRubric(flags.rubric, io.cwd);
  const files = await discover(paths, io.cwd);
  const ctx = { now: auditTime(io.env) };
  const docs: { slug: string; doc: Record<string, unknown> }[] = [];
  const used = new Set<string>();
  let offerings = 0;
  let invalid = 0;
  let held = 0;
  for (const f of files) {
    const entries: Iterable<Entry> = f.problem ? [] : fileEntriesSync(f.abs, f.rel, { maxFileSize: flags.maxFileSize ?? DEFAULT_MAX_FILE_SIZE });
    if (f.problem) invalid++;
    for (const e of entries) {
      // A signal's handler runs on the event loop's turn (a catalog file can take a while).
      await breathe();
      offerings++;
      const report = auditEntry(e, rubric, ctx);
      if (e.kind === 'invalid') {
        invalid++;
        io.stderr(`mcaudit: skipped ${report.file}${report.index !== undefined ? ` [${report.index}]` : ''}: ${e.finding.message}\n`);
        continue;
      }
      if (report.decision !== 'approve' && !flags.all) {
        held++;
        continue;
      }
      let slug = slugOf(e.doc.data, path.basename(f.rel).replace(/\.[^.]+$/, ''));
      for (let n = 2; used.has(slug); n++) slug = `${slugOf(e.doc.data, 'offering')}-${n}`;
      used.add(slug);
      const levels = report.aspects ? (Object.fromEntries(ASPECT_IDS.map((a) => [a, report.aspects![a].level])) as Record<AspectId, Level>) : null;
      const summary: AuditSummary = {
        tool: toolInfo(),
        decision: report.decision,
        score: report.score,
        levels,
        rubric: rubricInfo(rubric),
        source: report.index !== undefined ? { file: report.file, index: report.index } : { file: report.file },
      };
      docs.push({ slug, doc: toAchievement(e.doc.data, summary, slug, carriedProse(e.doc)) });
    }
  }
  if (flags.outDir !== undefined) {
    for (const d of docs) await writeOutput(path.join(flags.outDir, `${d.slug}.json`), JSON.stringify(d.doc, null, 2) + '\n', io);
  } else if (docs.length === 1) io.stdout(JSON.stringify(docs[0]!.doc, null, 2) + '\n');
  else if (docs.length > 1) io.stdout(JSON.stringify(docs.map((d) => d.doc), null, 2) + '\n');
  const where = flags.outDir !== undefined ? ` to ${flags.outDir}` : '';
  const note = held ? `; ${held} not approved (use --all to export them too)` : '';
  io.stderr(`mcaudit: exported ${docs.length} of ${offerings} offering${offerings === 1 ? '' : 's'} as Open Badges 3.0${where}${note}${invalid ? `; ${invalid} invalid` : ''}\n`);
  return docs.length > 0 && invalid === 0 ? 0 : 1;
}

export function exportCommand(io: Io, result: { code: number }): Command {
  return new Command('export')
    .description('write approved offerings (or all, with --all) as Open Badges 3.0 Achievement JSON')
    .argument('<paths...>', 'files or folders (searched recursively for .md, .markdown, .json)')
    .addOption(new Option('--to <format>', 'export format').choices(EXPORT_TARGETS).makeOptionMandatory())
    .option('--all', 'export every readable offering, not only approved ones')
    .option('--out-dir <dir>', 'write one <id>.json file per offering to this folder (default: stdout)')
    .option('-r, --rubric <name-or-file>', 'rubric used for the audit: a built-in name (default, strict) or a JSON file', 'default')
    .option('--max-file-size <size>', 'largest file read (e.g. 512kB, 5MB)', parseSize)
    .action(async (paths: string[], opts: ExportFlags) => {
      if (opts.outDir === '') throw new UsageError('--out-dir needs a folder name');
      result.code = await runExport(paths, opts, io);
    });
}
