/**
 * Finding, reading and resolving the configuration file. Discovery looks in the working
 * directory, then each parent up to the filesystem root, for `mcaudit.config.json` or
 * `.mcauditrc.json`; `--config <file>` names one instead and `--no-config` turns discovery
 * off. Paths in a config are relative to the config file; they are resolved here.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { issueLines, PARSE_ONCE } from '../issues.js';
import { displayPath } from '../load/discover.js';
import { isBuiltInRef } from '../rubric/load.js';
import { CONFIG_NAMES, configSchema, type ConfigFile } from './schema.js';

export class ConfigError extends UsageError {
  constructor(
    readonly origin: string,
    readonly problems: string[],
  ) {
    super(`invalid config ${origin}:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
}

/** A config with its paths resolved (absolute), ready to merge with the flags. */
export interface LoadedConfig {
  /** Absolute path of the config file. */
  file: string;
  /** Its folder: the base of `include` and `exclude`. */
  dir: string;
  /** A built-in rubric name, or an absolute rubric path. */
  rubric?: string;
  include?: string[];
  exclude?: string[];
  /** `format` or `format:<absolute file>`. */
  formats?: string[];
  gate: NonNullable<ConfigFile['gate']>;
  waivers?: string;
  baseline?: string;
}

/** The config file that applies in `cwd`: the nearest one upward, or null. */
export function findConfig(cwd: string): string | null {
  let dir = path.resolve(cwd);
  for (;;) {
    const here = CONFIG_NAMES.map((n) => path.join(dir, n)).filter((f) => existsSync(f));
    if (here.length > 1) throw new UsageError(`two config files in ${path.relative(cwd, dir).split(path.sep).join('/') || '.'}: ${CONFIG_NAMES.join(' and ')}; keep one`);
    if (here.length === 1) return here[0]!;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/** Read and validate a config file; resolve its paths. */
export function readConfig(file: string, cwd: string): LoadedConfig {
  const origin = displayPath(file, cwd);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ConfigError(origin, [`cannot read file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new ConfigError(origin, [`not valid JSON: ${(e as Error).message}`]);
  }
  const parsed = configSchema.safeParse(json, PARSE_ONCE);
  if (!parsed.success) throw new ConfigError(origin, issueLines(parsed.error, configSchema));
  const c = parsed.data;
  const dir = path.dirname(file);
  const out: LoadedConfig = { file, dir, gate: c.gate ?? {} };
  if (c.rubric !== undefined) out.rubric = isBuiltInRef(c.rubric, dir) ? c.rubric : path.resolve(dir, c.rubric);
  if (c.include) out.include = c.include;
  if (c.exclude) out.exclude = c.exclude;
  if (c.formats) {
    out.formats = c.formats.map((spec) => {
      const i = spec.indexOf(':');
      return i < 0 || i === spec.length - 1 ? spec : `${spec.slice(0, i)}:${path.resolve(dir, spec.slice(i + 1))}`;
    });
  }
  if (c.waivers !== undefined) out.waivers = path.resolve(dir, c.waivers);
  if (c.baseline !== undefined) out.baseline = path.resolve(dir, c.baseline);
  return out;
}

/**
 * The config for a run: `--config <file>` (must exist), none with `--no-config`
 * (`false`), else the nearest one upward from `cwd`.
 */
export function loadConfig(option: string | boolean | undefined, cwd: string): LoadedConfig | null {
  if (option === false) return null;
  if (typeof option === 'string') {
    const file = path.resolve(cwd, option);
    if (!existsSync(file)) throw new UsageError(`config file not found: ${option}`);
    return readConfig(file, cwd);
  }
  const found = findConfig(cwd);
  return found ? readConfig(found, cwd) : null;
}
