/**
 * Commander wiring: the program and its commands. Nothing else lives here; each
 * command's options and work are in src/commands/<name>.ts.
 */
import { Command } from 'commander';
import { auditCommand } from './commands/audit.js';
import { baselineCommand } from './commands/baseline.js';
import { explainCommand } from './commands/explain.js';
import { initCommand } from './commands/init.js';
import { lintCommand } from './commands/lint.js';
import { rubricCommand } from './commands/rubric.js';
import { rulesCommand } from './commands/rules.js';
import { schemaCommand } from './commands/schema.js';
import { exportCommand } from './commands/export.js';
import type { Io } from './io.js';
import { toolInfo } from './report.js';

/** Build the program. Each action stores its exit code in `result.code`. */
export function buildProgram(io: Io, result: { code: number }): Command {
  const program = new Command('mcaudit')
    .description('Audit educator micro-credentials on the five New America quality aspects and decide approve / revise / reject.')
    .version(toolInfo().version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .exitOverride()
    .showSuggestionAfterError()
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) });

  // Subcommands inherit the settings above (exit override, output, suggestions).
  const commands = [
    auditCommand(io, result),
    lintCommand(io, result),
    baselineCommand(io, result),
    initCommand(io, result),
    rulesCommand(io, result),
    explainCommand(io, result),
    rubricCommand(io, result),
    schemaCommand(io, result),
    exportCommand(io, result),
  ];
  for (const command of commands) {
    program.addCommand(command.exitOverride().showSuggestionAfterError().configureOutput(program.configureOutput()).helpOption('-h, --help', 'show help'));
  }
  return program;
}
