/** `mcaudit init [file]`: start a new micro-credential draft. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Command, Option } from 'commander';
import { UsageError } from '../errors.js';
import { JSON_TEMPLATE, MARKDOWN_TEMPLATE } from '../init/template.js';
import type { Io } from '../io.js';
import { writeOutput } from './audit.js';

export function initCommand(io: Io, result: { code: number }): Command {
  return new Command('init')
    .description('write a new micro-credential draft with every section, guidance and placeholders to fill in (stdout without a file)')
    .argument('[file]', 'file to create (.md or .json); refused if it exists, unless --force')
    .addOption(new Option('-f, --format <format>', 'md or json (default: from the file name, else md)').choices(['md', 'json']))
    .option('--force', 'overwrite an existing file')
    .action(async (file: string | undefined, opts: { format?: 'md' | 'json'; force?: boolean }) => {
      const format = opts.format ?? (file && /\.json$/i.test(file) ? 'json' : 'md');
      const text = format === 'json' ? JSON_TEMPLATE : MARKDOWN_TEMPLATE;
      if (file === undefined) {
        io.stdout(text);
      } else {
        if (existsSync(path.resolve(io.cwd, file)) && !opts.force) throw new UsageError(`${file} already exists; use --force to overwrite it`);
        await writeOutput(file, text, io);
        io.stderr(`mcaudit: wrote ${file}; fill in every "[…]" and run: mcaudit lint ${file}\n`);
      }
      result.code = 0;
    });
}
