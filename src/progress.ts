/**
 * The progress bar: on stderr only, only when stderr is a terminal, the run has more
 * than PROGRESS_MIN_FILES files, --quiet is off and no CI variable is set. It shows
 * files done/total, the rate and the time left, redrawn at most every 100 ms on one line,
 * and erases itself when done. Nothing is ever written to stdout.
 *
 * After the audit, an output written from the spool (every format but JSON to a regular
 * file; HTML and Markdown read the offerings twice) shows as a second stage: the output's
 * name and the offerings read back out of all it reads. The bar hides while an output goes
 * to stdout or another stream, which may be the same terminal.
 */
import type { Io } from './io.js';
import { onInterrupt } from './interrupt.js';
import { oneLine } from './format/sanitize.js';

export const PROGRESS_MIN_FILES = 200;

export interface Progress {
  /** One offering is done; `file` is its file (offerings of one file come together). */
  offering(file: string): void;
  /** The audit is over: writing `output` reads `total` offerings back (each pass counts). */
  writing(output: string, total: number): void;
  /** One offering read back for the output being written. */
  wrote(): void;
  /** Erase the bar, and draw nothing until the next `writing` (an output to stdout or a stream is next). */
  hide(): void;
  done(): void;
}

function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** The bar's text for `done` of `total` files (or `what`) after `elapsed` seconds. */
export function progressLine(done: number, total: number, elapsed: number, width = 24, what = 'files'): string {
  const frac = total ? Math.min(1, done / total) : 1;
  const fill = Math.round(frac * width);
  const rate = elapsed > 0 ? done / elapsed : 0;
  const eta = rate > 0 ? clock((total - done) / rate) : '-:--';
  return `[${'#'.repeat(fill)}${'.'.repeat(width - fill)}] ${done}/${total} ${what}  ${Math.round(rate)}/s  ETA ${eta}`;
}

/** An output's name as the bar shows it: one line, no control characters, at most 40 characters (the end kept). */
function outputName(name: string): string {
  const plain = oneLine(name);
  return plain.length > 40 ? `…${plain.slice(-39)}` : plain;
}

/** Whether the environment is a CI runner (CI=1/true, or a known CI variable). */
function inCI(env: Io['env']): boolean {
  const ci = env.CI;
  if (ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false') return true;
  return ['GITHUB_ACTIONS', 'GITLAB_CI', 'BUILDKITE', 'TF_BUILD', 'JENKINS_URL', 'CONTINUOUS_INTEGRATION'].some((k) => !!env[k]);
}

/** A progress bar for a run over `files` files, or null when none should show. */
export function startProgress(files: number, io: Io, quiet: boolean, now: () => number = Date.now): Progress | null {
  if (!io.stderrIsTTY || quiet || inCI(io.env) || files <= PROGRESS_MIN_FILES) return null;
  let start = now();
  let last = 0;
  let done = 0;
  let total = files;
  let what = 'files';
  let current: string | null = null;
  let hidden = false;
  let finished = false;
  const draw = () => io.stderr(`\r${progressLine(done, total, (now() - start) / 1000, 24, what)}\u001b[K`);
  const tick = () => {
    const t = now();
    if (t - last >= 100 && !hidden && !finished) {
      last = t;
      draw();
    }
  };
  // Ctrl-C leaves the terminal's line clean too (src/interrupt.ts).
  const forget = onInterrupt(() => {
    if (!hidden) io.stderr('\r\u001b[K');
  });
  return {
    offering(file) {
      if (file === current) return;
      if (current !== null) done++;
      current = file;
      tick();
    },
    writing(output, offerings) {
      if (finished) return;
      start = now();
      done = 0;
      total = offerings;
      what = `offerings  writing ${outputName(output)}`;
      hidden = false;
      last = start;
      draw();
    },
    wrote() {
      done++;
      tick();
    },
    hide() {
      if (finished || hidden) return;
      hidden = true;
      io.stderr('\r\u001b[K');
    },
    done() {
      // Once: the bar is erased when the run ends, and again on an early exit.
      if (finished) return;
      finished = true;
      forget();
      if (!hidden) io.stderr('\r\u001b[K');
    },
  };
}
