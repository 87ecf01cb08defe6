/** Running `main` in-process for CLI tests, and temporary folders of files. */
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

export async function run(argv: string[], opts: { cwd?: string; env?: Record<string, string>; tty?: boolean; stdin?: string } = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    cwd: opts.cwd ?? ROOT,
    env: opts.env ?? {},
    stdoutIsTTY: opts.tty ?? false,
    ...(opts.stdin === undefined ? {} : { readStdin: async () => opts.stdin! }),
  });
  return { code, stdout, stderr };
}

/** A fresh temporary folder holding `files` (name -> text, or JSON for objects). */
export function tmp(files: Record<string, unknown>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'mcaudit-t-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  }
  return dir;
}

/** stderr without the gate's own verdict lines ("mcaudit: gate failed: …"), which a run that is not all approved prints. */
export function withoutGateLines(stderr: string): string {
  return stderr.replace(/^mcaudit: gate failed: .*\n/gm, '');
}
