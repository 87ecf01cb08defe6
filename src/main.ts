/**
 * `main(argv, io)`: runs mcaudit in-process and returns the exit code.
 * 0 = pass, 1 = the gate failed (or invalid documents), 2 = could not run.
 */
import { CommanderError } from 'commander';
import { buildProgram } from './cli.js';
import { UsageError } from './errors.js';
import type { Io } from './io.js';

export const EXIT = { pass: 0, gateFailed: 1, couldNotRun: 2 } as const;

export async function main(argv: readonly string[], io: Io): Promise<number> {
  const result = { code: EXIT.pass as number };
  try {
    const program = buildProgram(io, result);
    if (argv.length === 0) {
      io.stderr(program.helpInformation());
      return EXIT.couldNotRun;
    }
    await program.parseAsync([...argv], { from: 'user' });
    return result.code;
  } catch (e) {
    if (e instanceof CommanderError) {
      // Commander has already printed help, the version, or its error message.
      return e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.exitCode === 0 ? EXIT.pass : EXIT.couldNotRun;
    }
    if (e instanceof UsageError) {
      io.stderr(`mcaudit: ${e.message}\n`);
      return EXIT.couldNotRun;
    }
    const err = e as Error;
    io.stderr(`mcaudit: internal error: ${err.stack ?? String(err)}\nThis is a bug in mcaudit; please report it with the command you ran.\n`);
    return EXIT.couldNotRun;
  }
}
