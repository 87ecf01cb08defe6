/** `mcaudit rubric check <file>`: validate one rubric and print its resolved form. */
import { Command } from 'commander';
import type { Io } from '../io.js';
import { loadRubric, resolvedForm } from '../rubric/load.js';

export function rubricCommand(io: Io, result: { code: number }): Command {
  const rubric = new Command('rubric').description('work with rubric files');
  rubric
    .command('check')
    .description('validate a rubric (following its "extends" chain) and print its resolved form as JSON')
    .argument('<file>', 'a rubric file or a built-in name (default, strict)')
    .helpOption('-h, --help', 'show help')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) })
    .action((file: string) => {
      const r = loadRubric(file, io.cwd);
      io.stdout(`${JSON.stringify(resolvedForm(r.file), null, 2)}\n`);
      io.stderr(`mcaudit: rubric ${r.origin} is valid (${(r.chain ?? [r.origin]).join(' -> ')}); ${r.rules.length} rules enabled; sha256 ${r.sha256}\n`);
      result.code = 0;
    });
  return rubric;
}
