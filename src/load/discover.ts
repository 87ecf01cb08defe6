/**
 * Expands the paths given on the command line into a sorted, de-duplicated list of
 * input files. Directories are walked recursively for .md, .markdown and .json files,
 * skipping node_modules and dot-folders; symbolic links to folders are followed once
 * (a link loop is not followed again).
 */
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../errors.js';

export const INPUT_EXTENSIONS = ['.md', '.markdown', '.json'] as const;

export interface InputFile {
  /** Absolute path. */
  abs: string;
  /** Display path: relative to the working directory, forward slashes. */
  rel: string;
  /** Set when the walk already knows the input cannot be read (e.g. an unreadable folder). */
  problem?: string;
}

export function displayPath(abs: string, cwd: string): string {
  const rel = path.relative(cwd, abs) || path.basename(abs);
  return rel.split(path.sep).join('/');
}

const isInput = (name: string) => INPUT_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext));
const skipDir = (name: string) => name === 'node_modules' || name.startsWith('.');

export interface DiscoverOptions {
  /** Return true to leave a file or folder out (display path, is-directory). */
  ignore?: (rel: string, isDir: boolean) => boolean;
}

/**
 * Find input files. A path that does not exist is a usage error; so is a run that
 * finds no file at all.
 */
export async function discover(paths: readonly string[], cwd: string, options: DiscoverOptions = {}): Promise<InputFile[]> {
  const found = new Map<string, InputFile>();
  const visited = new Set<string>();
  const ignore = options.ignore ?? (() => false);

  const walk = async (dir: string): Promise<void> => {
    let real: string;
    try {
      real = await realpath(dir);
    } catch {
      return;
    }
    if (visited.has(real)) return;
    visited.add(real);
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      // An unreadable folder is reported as an input so nothing is lost silently.
      found.set(dir, { abs: dir, rel: displayPath(dir, cwd), problem: 'folder could not be read: permission denied' });
      return;
    }
    for (const e of entries) {
      const abs = path.join(dir, e.name);
      const rel = displayPath(abs, cwd);
      let isDir = e.isDirectory();
      if (e.isSymbolicLink()) {
        try {
          const st = await stat(abs);
          isDir = st.isDirectory();
        } catch {
          // A broken link or a link loop: report it if it looks like an input.
          if (isInput(e.name) && !ignore(rel, false)) found.set(abs, { abs, rel });
          continue;
        }
      }
      if (isDir) {
        if (!skipDir(e.name) && !ignore(rel, true)) await walk(abs);
      } else if (isInput(e.name) && !ignore(rel, false)) {
        // Regular files, and also pipes or sockets named like inputs: the loader reports those.
        found.set(abs, { abs, rel });
      }
    }
  };

  for (const p of paths) {
    const abs = path.resolve(cwd, p);
    let st;
    try {
      st = await lstat(abs);
    } catch {
      throw new UsageError(`path not found: ${p}`);
    }
    if (st.isSymbolicLink()) {
      try {
        st = await stat(abs);
      } catch {
        // A dangling or looping link named explicitly: keep it so the loader reports it.
        found.set(abs, { abs, rel: displayPath(abs, cwd) });
        continue;
      }
    }
    if (st.isDirectory()) await walk(abs);
    else found.set(abs, { abs, rel: displayPath(abs, cwd) });
  }
  if (found.size === 0) {
    throw new UsageError(`no Markdown or JSON files found in ${paths.join(', ')} (looked for ${INPUT_EXTENSIONS.join(', ')})`);
  }
  return [...found.values()].sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
}
