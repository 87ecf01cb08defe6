/**
 * Commander wiring: commands, options and their help. Nothing else lives here;
 * each command's work is in src/commands/.
 */
import { Command, Option } from 'commander';
import { runAudit } from './commands/audit.js';
import { parseSize } from './commands/audit.js';
import { FORMATS } from './format/index.js';
import type { Io } from './io.js';
import { toolInfo } from './report.js';
import { DECISIONS } from './types.js';

/** Build the program. Each action stores its exit code in `result.code`. */
export function buildProgram(io: Io, result: { code: number }): Command {
  const program = new Command('mcaudit')
    .description('Audit educator micro-credentials on the five New America quality aspects and decide approve / revise / reject.')
    .version(toolInfo().version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .exitOverride()
    .showSuggestionAfterError()
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) });

  program
    .command('audit')
    .description('audit micro-credential files (Markdown or JSON) and folders of them')
    .argument('<paths...>', 'files or folders (searched recursively for .md, .markdown, .json)')
    .option('-r, --rubric <name-or-file>', 'rubric: a built-in name (default, strict) or a JSON file', 'default')
    .option(
      '-f, --format <format[:file]>',
      `output format (${FORMATS.join(', ')}); repeat it to write several, each as format:file`,
      (value: string, prev: string[]) => [...prev, value],
      [] as string[],
    )
    .option('-o, --output <file>', 'write the (single) report to a file instead of stdout')
    .addOption(new Option('--min-decision <decision>', 'exit 1 if any offering is below this decision (or invalid)').choices(DECISIONS.filter((d) => d !== 'reject')).default('approve'))
    .option('-q, --quiet', 'text format: one line per offering and the summary')
    .option('--color', 'force colour in the text format')
    .option('--no-color', 'no colour (NO_COLOR and FORCE_COLOR are honoured too)')
    .option('--max-file-size <size>', 'largest file read (e.g. 512kB, 5MB)', parseSize)
    .action(async (paths: string[], opts) => {
      result.code = await runAudit(paths, opts, io);
    });

  return program;
}
