/** `mcaudit explain <rule-id>`: why a rule exists, where it comes from, how to fix a failure. */
import { Command } from 'commander';
import { configuredRubric } from '../config/apply.js';
import { UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { loadRubric, nearest } from '../rubric/load.js';
import { RULES } from '../rules/index.js';

const indent = (text: string, pad = '    ') => text.trimEnd().split('\n').map((l) => (l ? pad + l : l)).join('\n');

export function explainCommand(io: Io, result: { code: number }): Command {
  return new Command('explain')
    .description('explain a rule: rationale, source, how to fix, parameters, and examples that pass and fail')
    .argument('<rule-id>', 'a rule id (see mcaudit rules)')
    .option('-r, --rubric <name-or-file>', 'rubric whose settings to show (default: the config\'s, else default)', 'default')
    .option('-c, --config <file>', 'config file (for its rubric)')
    .option('--no-config', 'do not look for a config file')
    .action((id: string, opts: { rubric: string; config?: string | boolean }, cmd: Command) => {
      const rule = RULES.find((r) => r.id === id);
      if (!rule) {
        const near = nearest(id, RULES.map((r) => r.id));
        throw new UsageError(`unknown rule "${id}"${near ? ` (did you mean "${near}"?)` : ''}; mcaudit rules lists them`);
      }
      const rubric = loadRubric(configuredRubric(opts, cmd, io.cwd), io.cwd);
      const s = rubric.file.rules[rule.id]!;
      const setting = s.enabled
        ? `${s.severity}${s.blocking ? ', blocking' : ''}, ${s.points} points${s.maxLevelWhenFailed !== undefined ? `, caps ${rule.aspect} at level ${s.maxLevelWhenFailed} when it fails` : ''}`
        : 'disabled';
      const out = [
        `${rule.id}  (${rule.aspect})`,
        '',
        `  ${rule.description}`,
        '',
        `  In rubric ${rubric.file.id} ${rubric.file.version}: ${setting}${rule.requires ? `; not applicable when ${rule.requires} fails` : ''}`,
        '',
        'Why it matters',
        indent(rule.rationale, '  '),
        '',
        'Source',
        indent(rule.source, '  '),
        '',
        'How to fix',
        indent(rule.fix, '  '),
        '',
        'Parameters (from the rubric)',
        Object.keys(s.params).length ? indent(JSON.stringify(s.params, null, 2), '  ') : '  (none)',
      ];
      if (rule.examples) {
        out.push('', 'Passes', indent(rule.examples.pass), '', 'Fails', indent(rule.examples.fail));
      }
      io.stdout(`${out.join('\n')}\n`);
      result.code = 0;
    });
}
