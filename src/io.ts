/**
 * What the CLI needs from the outside world, passed in so `main` runs in-process in tests.
 */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  /** Whether stdout is a terminal (colour defaults on only then). */
  stdoutIsTTY: boolean;
  /** Read all of standard input (for `lint -`); absent when there is none to read. */
  readStdin?: () => Promise<string>;
  /** Whether stderr is a terminal (the progress bar shows only then). Absent = false. */
  stderrIsTTY?: boolean;
  /** The terminal's width, when stderr is one (the progress bar fits in it). Absent = 80. */
  stderrColumns?: number;
}

/** Whether to colour the text output: --color/--no-color, then FORCE_COLOR, NO_COLOR, then the terminal. */
export function wantColor(flag: boolean | undefined, io: Io, toFile: boolean): boolean {
  if (flag !== undefined) return flag;
  if (toFile) return false;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  return io.stdoutIsTTY;
}
