/**
 * `mcaudit baseline <paths...>`: audit the paths and write a baseline (per offering its
 * decision and a count of findings per rule, no line numbers) for `audit --baseline`.
 * Each offering's report is dropped once its entry is made, so a catalog of any size fits.
 */
import { Command } from 'commander';
import { BASELINE_FILE, baselineEntry, baselineOf, offeringKey, type BaselineEntry } from '../engine/baseline.js';
import type { Io } from '../io.js';
import { discover } from '../load/discover.js';
import { DEFAULT_MAX_FILE_SIZE } from '../load/limits.js';
import { rubricInfo } from '../report.js';
import { loadRubric } from '../rubric/load.js';
import { auditTime, parseSize, writeOutput } from './audit.js';

export interface BaselineFlags {
  rubric: string;
  output: string;
  maxFileSize?: number;
}

export async function runBaseline(paths: string[], flags: BaselineFlags, io: Io): Promise<number> {
  const rubric = loadRubric(flags.rubric, io.cwd);
  const files = await discover(paths, io.cwd);
  const { auditFiles } = await import('../engine/audit.js');
  const entries: Record<string, BaselineEntry> = {};
  let offerings = 0;
  let findings = 0;
  for await (const o of auditFiles(files, { rubric, ctx: { now: auditTime(io.env) }, maxFileSize: flags.maxFileSize ?? DEFAULT_MAX_FILE_SIZE, waivers: [] })) {
    entries[offeringKey(o)] = baselineEntry(o);
    offerings++;
    findings += o.findings.length;
  }
  await writeOutput(flags.output, JSON.stringify(baselineOf(rubricInfo(rubric), entries), null, 2) + '\n', io);
  io.stdout(`wrote ${flags.output}: ${offerings} offering${offerings === 1 ? '' : 's'}, ${findings} finding${findings === 1 ? '' : 's'}\n`);
  return 0;
}

export function baselineCommand(io: Io, result: { code: number }): Command {
  return new Command('baseline')
    .description('record the current decisions and findings, so `audit --baseline` fails only on what is new or worse')
    .argument('<paths...>', 'files or folders, as for audit')
    .option('-r, --rubric <name-or-file>', 'rubric: a built-in name (default, strict) or a JSON file', 'default')
    .option('-o, --output <file>', 'where to write the baseline', BASELINE_FILE)
    .option('--max-file-size <size>', 'largest file read (e.g. 512kB, 5MB)', parseSize)
    .action(async (paths: string[], opts: BaselineFlags) => {
      result.code = await runBaseline(paths, opts, io);
    });
}
