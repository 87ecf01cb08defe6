/** The process entry point: real stdio, real exit code. */
// A reader that stops early (`mcaudit … | head`) closes the pipe: that is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
  });
}

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  // Answered before the CLI loads, so scripts that ask for the version wait no longer than node.
  const { toolInfo } = await import('./report.js');
  process.stdout.write(`${toolInfo().version}\n`);
} else {
  const { loadBuiltBundle, setV8Flags } = await import('./boot.js');
  setV8Flags();
  // The bundle when the build made one (it starts about twice as fast), else the modules.
  const { main, installInterruptHandlers } = loadBuiltBundle()?.exports ?? { ...(await import('./main.js')), ...(await import('./interrupt.js')) };
  // Ctrl-C, SIGTERM or SIGHUP: remove temporary files and the progress bar, then end as the signal would.
  installInterruptHandlers();
  process.exitCode = await main(argv, {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    cwd: process.cwd(),
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    ...(process.stderr.columns ? { stderrColumns: process.stderr.columns } : {}),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
  });
}
