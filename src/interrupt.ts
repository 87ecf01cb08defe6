/**
 * What to undo when a signal stops the process: Ctrl-C (SIGINT), a CI job's timeout
 * (SIGTERM), a closed terminal (SIGHUP). Node's default for these ends the process at once,
 * and no `finally` runs, so an interrupted audit would leave its temporary output files
 * (`.<name>.<pid>-<random>.mcaudit-tmp`), its spool folder and its progress bar behind.
 * Whoever makes such a thing registers how to undo it here, synchronously, and drops it once
 * done; the entry point (src/bin.ts) catches the signals, runs what is registered, then lets
 * the signal end the process as it would have (so the shell still sees 130 for Ctrl-C).
 *
 * In-process runs (the tests, `main` called from a program) install no handlers, and the
 * registry stays empty of anything finished.
 */
const pending = new Set<() => void>();

/** Register `undo` to run if a signal stops the process; returns what drops it again. */
export function onInterrupt(undo: () => void): () => void {
  pending.add(undo);
  return () => {
    pending.delete(undo);
  };
}

/** Run everything registered, newest first, each once; one that fails does not stop the rest. */
export function undoOnInterrupt(): void {
  const all = [...pending].reverse();
  pending.clear();
  for (const undo of all) {
    try {
      undo();
    } catch {
      // Best effort: the process is ending.
    }
  }
}

/** How many undo steps are registered (tests: every run drops what it registered). */
export function pendingUndos(): number {
  return pending.size;
}

export const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Catch STOP_SIGNALS: undo what is registered, then raise the same signal again with the
 * default action, so the process ends as the signal would have ended it.
 */
export function installInterruptHandlers(undo: () => void = undoOnInterrupt): void {
  for (const signal of STOP_SIGNALS) {
    process.once(signal, () => {
      undo();
      // `once` has removed the listener, so Node restores the default action for this signal.
      for (const other of STOP_SIGNALS) process.removeAllListeners(other);
      process.kill(process.pid, signal);
    });
  }
}
