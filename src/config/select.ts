/**
 * Which files found in folders are audited: `.mcauditignore` files (gitignore syntax) in
 * the working directory and in the config file's folder, `--ignore-pattern` (gitignore
 * syntax, relative to the working directory), the config's `exclude` (gitignore syntax)
 * and `include` (globs), both relative to the config file. The result is the `ignore`
 * callback of `discover`. Files named on the command line are always read.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { UsageError } from '../errors.js';
import { displayPath } from '../load/discover.js';

export const IGNORE_FILE = '.mcauditignore';

export interface Selection {
  /** Folder of the config file, the base of `include` and `exclude`. */
  configDir?: string;
  include?: string[];
  exclude?: string[];
  /** `--ignore-pattern` values, relative to the working directory. */
  ignorePatterns?: string[];
}

/**
 * A glob as a regular expression over a relative path with forward slashes: `**` any
 * folders, `*` and `?` within one name, `{a,b}` alternatives. A glob without a slash
 * matches a name at any depth (`*.md` = `**\/*.md`). Run on paths, not on document text.
 */
export function globToRegExp(glob: string): RegExp {
  let g = glob.replace(/^\.\//, '');
  if (!g.includes('/')) g = `**/${g}`;
  let re = '';
  let inBraces = false;
  for (let i = 0; i < g.length; i++) {
    const c = g[i]!;
    if (c === '*' && g[i + 1] === '*') {
      if (g[i + 2] === '/') {
        re += '(?:[^/]*/)*';
        i += 2;
      } else {
        re += '.*';
        i += 1;
      }
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '{' && !inBraces) {
      re += '(?:';
      inBraces = true;
    } else if (c === '}' && inBraces) {
      re += ')';
      inBraces = false;
    } else if (c === ',' && inBraces) re += '|';
    else re += c.replace(/[.+^$()|[\]\\{}]/g, '\\$&');
  }
  if (inBraces) throw new UsageError(`invalid glob "${glob}": "{" without "}"`);
  return new RegExp(`^${re}$`);
}

interface Matcher {
  base: string;
  ig: Ignore;
}

/** `rel` (from the working directory) as a path relative to `base`, or null when outside it. */
function within(base: string, cwd: string, rel: string): string | null {
  const r = path.relative(base, path.resolve(cwd, rel));
  if (r === '' || r.startsWith('..') || path.isAbsolute(r)) return null;
  return r.split(path.sep).join('/');
}

/** The `.mcauditignore` files that apply: in the working directory and the config's folder. */
export function ignoreFiles(cwd: string, configDir?: string): string[] {
  const dirs = [...new Set([path.resolve(cwd), ...(configDir ? [path.resolve(configDir)] : [])])];
  return dirs.map((d) => path.join(d, IGNORE_FILE)).filter((f) => existsSync(f));
}

export interface FileFilter {
  ignore: (rel: string, isDir: boolean) => boolean;
  /** The ignore files read (absolute). */
  files: string[];
}

/** Build the `discover` filter for a run. */
export function fileFilter(sel: Selection, cwd: string): FileFilter {
  const matchers: Matcher[] = [];
  const files = ignoreFiles(cwd, sel.configDir);
  for (const f of files) {
    let text: string;
    try {
      text = readFileSync(f, 'utf8');
    } catch (e) {
      throw new UsageError(`cannot read ${displayPath(f, cwd)}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    matchers.push({ base: path.dirname(f), ig: ignore().add(text) });
  }
  if (sel.ignorePatterns?.length) matchers.push({ base: path.resolve(cwd), ig: ignore().add(sel.ignorePatterns) });
  if (sel.exclude?.length && sel.configDir) matchers.push({ base: sel.configDir, ig: ignore().add(sel.exclude) });
  const include = sel.include?.length && sel.configDir ? { base: sel.configDir, res: sel.include.map(globToRegExp) } : null;

  return {
    files,
    ignore: (rel, isDir) => {
      for (const m of matchers) {
        const r = within(m.base, cwd, rel);
        if (r !== null && m.ig.ignores(isDir ? `${r}/` : r)) return true;
      }
      if (include && !isDir) {
        const r = within(include.base, cwd, rel);
        if (r !== null && !include.res.some((re) => re.test(r))) return true;
      }
      return false;
    },
  };
}
