/**
 * The progress bar: on stderr only, only when stderr is a terminal, the run has more
 * than PROGRESS_MIN_FILES files, --quiet is off and no CI variable is set. It shows
 * files done/total, the rate and the time left, redrawn at most every 100 ms on one line,
 * and erases itself when done. Nothing is ever written to stdout.
 */
import type { Io } from './io.js';
import { onInterrupt } from './interrupt.js';

export const PROGRESS_MIN_FILES = 200;

export interface Progress {
  /** One offering is done; `file` is its file (offerings of one file come together). */
  offering(file: string): void;
  done(): void;
}

function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** The bar's text for `done` of `total` files after `elapsed` seconds. */
export function progressLine(done: number, total: number, elapsed: number, width = 24): string {
  const frac = total ? Math.min(1, done / total) : 1;
  const fill = Math.round(frac * width);
  const rate = elapsed > 0 ? done / elapsed : 0;
  const eta = rate > 0 ? clock((total - done) / rate) : '-:--';
  return `[${'#'.repeat(fill)}${'.'.repeat(width - fill)}] ${done}/${total} files  ${Math.round(rate)}/s  ETA ${eta}`;
}

/** Whether the environment is a CI runner (CI=1/true, or a known CI variable). */
function inCI(env: Io['env']): boolean {
  const ci = env.CI;
  if (ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false') return true;
  return ['GITHUB_ACTIONS', 'GITLAB_CI', 'BUILDKITE', 'TF_BUILD', 'JENKINS_URL', 'CONTINUOUS_INTEGRATION'].some((k) => !!env[k]);
}

/** A progress bar for `total` files, or null when none should show. */
export function startProgress(total: number, io: Io, quiet: boolean, now: () => number = Date.now): Progress | null {
  if (!io.stderrIsTTY || quiet || inCI(io.env) || total <= PROGRESS_MIN_FILES) return null;
  const start = now();
  let last = 0;
  let done = 0;
  let current: string | null = null;
  let finished = false;
  const draw = () => io.stderr(`\r${progressLine(done, total, (now() - start) / 1000)}\u001b[K`);
  // Ctrl-C leaves the terminal's line clean too (src/interrupt.ts).
  const forget = onInterrupt(() => io.stderr('\r\u001b[K'));
  return {
    offering(file) {
      if (file === current) return;
      if (current !== null) done++;
      current = file;
      const t = now();
      if (t - last >= 100) {
        last = t;
        draw();
      }
    },
    done() {
      // Once: the bar is erased when the audit ends, and again on an early exit.
      if (finished) return;
      finished = true;
      forget();
      io.stderr('\r\u001b[K');
    },
  };
}
