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
  /** The audit is over: writing `output` reads the `offerings` back `passes` times. */
  writing(output: string, offerings: number, passes: number): void;
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

/** The bar's text for `done` of `total` files (or what `counts` says) after `elapsed` seconds. */
export function progressLine(done: number, total: number, elapsed: number, width = 24, counts = `${done}/${total} files`): string {
  const frac = total ? Math.min(1, done / total) : 1;
  const fill = Math.round(frac * width);
  const rate = elapsed > 0 ? done / elapsed : 0;
  const eta = rate > 0 ? clock((total - done) / rate) : '-:--';
  return `[${'#'.repeat(fill)}${'.'.repeat(width - fill)}] ${counts}  ${Math.round(rate)}/s  ETA ${eta}`;
}

/**
 * The bar's text while an output is written: `done` offerings read back of `offerings` ×
 * `passes`, then the output's name, shortened from its start (or left out) to keep the line
 * within `columns` - 1 characters, so that the terminal never wraps it.
 */
export function writingLine(done: number, offerings: number, passes: number, output: string, elapsed: number, columns = 80): string {
  const total = offerings * passes;
  const pass = offerings ? Math.min(passes, Math.floor(done / offerings) + 1) : 1;
  const inPass = done - (pass - 1) * offerings;
  const line = progressLine(done, total, elapsed, 12, `${inPass}/${offerings}${passes > 1 ? `, pass ${pass}/${passes}` : ''}`);
  const room = columns - 1 - line.length - '  writing '.length;
  const name = oneLine(output);
  if (room < 8) return line.slice(0, Math.max(0, columns - 1));
  return `${line}  writing ${name.length > room ? `…${name.slice(name.length - room + 1)}` : name}`;
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
  const columns = io.stderrColumns ?? 80;
  // While an output is written: its name, offerings and passes.
  let writing: { output: string; offerings: number; passes: number } | null = null;
  let current: string | null = null;
  let hidden = false;
  let finished = false;
  const draw = () => {
    const elapsed = (now() - start) / 1000;
    const line = writing ? writingLine(done, writing.offerings, writing.passes, writing.output, elapsed, columns) : progressLine(done, files, elapsed).slice(0, Math.max(0, columns - 1));
    io.stderr(`\r${line}\u001b[K`);
  };
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
    writing(output, offerings, passes) {
      if (finished) return;
      start = now();
      done = 0;
      writing = { output, offerings, passes };
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
