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

/** How long work in this thread may run before it gives the event loop a turn (`breathe`). */
const TURN_MS = 50;
let lastTurn = Date.now();

/**
 * Give the event loop a turn when TURN_MS have passed since the last one. A signal's handler
 * only runs on such a turn, so a long synchronous stretch (a big catalog file audited in
 * this thread, a big report written to stdout) calls this between steps: Ctrl-C then takes
 * effect within about TURN_MS instead of when the stretch ends.
 */
export async function breathe(): Promise<void> {
  const now = Date.now();
  if (now - lastTurn < TURN_MS) return;
  await new Promise<void>((resolve) => setImmediate(resolve));
  lastTurn = Date.now();
}

export const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Work under way that a signal must not cut in two (`uninterrupted`), and the signal held meanwhile. */
let holding = 0;
let held: NodeJS.Signals | null = null;
let stopBy: ((signal: NodeJS.Signals) => void) | null = null;

/**
 * Run `work` (the last step that makes the outputs: renaming each finished file over its
 * target) with a stopping signal held until it ends, so that a run leaves either every
 * output as it was or every output new. In-process runs hold nothing: no handler is installed.
 */
export async function uninterrupted<T>(work: () => Promise<T>): Promise<T> {
  holding++;
  try {
    return await work();
  } finally {
    holding--;
    if (holding === 0 && held !== null && stopBy) {
      const signal = held;
      held = null;
      stopBy(signal);
    }
  }
}

/**
 * Catch STOP_SIGNALS: undo what is registered, then raise the same signal again with the
 * default action, so the process ends as the signal would have ended it. A signal that comes
 * during `uninterrupted` work waits for its end.
 */
export function installInterruptHandlers(undo: () => void = undoOnInterrupt): void {
  const stop = (signal: NodeJS.Signals) => {
    undo();
    // Without listeners, Node restores the default action for these signals.
    for (const s of STOP_SIGNALS) process.removeAllListeners(s);
    process.kill(process.pid, signal);
  };
  stopBy = stop;
  for (const signal of STOP_SIGNALS) {
    process.on(signal, () => {
      if (holding > 0) held ??= signal;
      else stop(signal);
    });
  }
}
