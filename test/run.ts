/** Run `main` in-process with captured stdout and stderr (for CLI tests). */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from '../src/main.js';

export const ROOT = path.resolve(new URL('..', import.meta.url).pathname);

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export async function run(argv: string[], opts: { cwd?: string; env?: Record<string, string> } = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    cwd: opts.cwd ?? ROOT,
    env: opts.env ?? {},
    stdoutIsTTY: false,
  });
  return { code, stdout, stderr };
}

/** A temporary folder with the given files. */
export function tmp(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'mcaudit-ci-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}
