/** `mcaudit rules`: the rules a rubric runs, with their settings. */
import { Command, Option } from 'commander';
import { configuredRubric } from '../config/apply.js';
import type { Io } from '../io.js';
import { ruleInfo } from '../report.js';
import { loadRubric } from '../rubric/load.js';

export function rulesCommand(io: Io, result: { code: number }): Command {
  return new Command('rules')
    .description('list the rules the rubric runs: id, aspect, severity, points, what a passing offering does')
    .option('-r, --rubric <name-or-file>', 'rubric: a built-in name (default, strict) or a JSON file (default: the config\'s, else default)', 'default')
    .addOption(new Option('-f, --format <format>', 'text or json').choices(['text', 'json']).default('text'))
    .option('-c, --config <file>', 'config file (for its rubric)')
    .option('--no-config', 'do not look for a config file')
    .action((opts: { rubric: string; format: 'text' | 'json'; config?: string | boolean }, cmd: Command) => {
      const rubric = loadRubric(configuredRubric(opts, cmd, io.cwd), io.cwd);
      const rules = ruleInfo(rubric);
      if (opts.format === 'json') {
        io.stdout(`${JSON.stringify(rules, null, 2)}\n`);
      } else {
        const w = (k: (r: (typeof rules)[number]) => string) => Math.max(...rules.map((r) => k(r).length));
        const sev = (r: (typeof rules)[number]) => r.severity + (r.blocking ? ',blocking' : '');
        const widths = [w((r) => r.id), w((r) => r.aspect), w(sev), w((r) => String(r.points))];
        const lines = rules.map((r) => [r.id.padEnd(widths[0]!), r.aspect.padEnd(widths[1]!), sev(r).padEnd(widths[2]!), String(r.points).padStart(widths[3]!), r.description].join('  '));
        io.stdout(`${lines.join('\n')}\n\n${rules.length} rules in rubric ${rubric.file.id} ${rubric.file.version}. Details: mcaudit explain <rule-id>\n`);
      }
      result.code = 0;
    });
}
