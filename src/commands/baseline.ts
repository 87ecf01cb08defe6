/**
 * `mcaudit baseline <paths...>`: audit the paths and write a baseline (per offering its
 * decision and a count of findings per rule, no line numbers) for `audit --baseline`.
 */
import { Command } from 'commander';
import { BASELINE_FILE, buildBaseline } from '../engine/baseline.js';
import type { Io } from '../io.js';
import { discover } from '../load/discover.js';
import { loadRubric } from '../rubric/load.js';
import { auditTime, collectReport, parseSize, writeOutput, type AuditPlan } from './audit.js';

export interface BaselineFlags {
  rubric: string;
  output: string;
  maxFileSize?: number;
}

export async function runBaseline(paths: string[], flags: BaselineFlags, io: Io): Promise<number> {
  const rubric = loadRubric(flags.rubric, io.cwd);
  const files = await discover(paths, io.cwd);
  const plan: AuditPlan = { flags: { rubric: flags.rubric, format: [], minDecision: 'approve', maxFileSize: flags.maxFileSize }, targets: [], rubric, files, ctx: { now: auditTime(io.env) }, waivers: [] };
  const report = await collectReport(plan);
  const baseline = buildBaseline(report);
  await writeOutput(flags.output, JSON.stringify(baseline, null, 2) + '\n', io);
  const findings = report.offerings.reduce((n, o) => n + o.findings.length, 0);
  io.stdout(`wrote ${flags.output}: ${report.offerings.length} offering${report.offerings.length === 1 ? '' : 's'}, ${findings} finding${findings === 1 ? '' : 's'}\n`);
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
