/**
 * Merging a config file into the command-line flags: a flag given on the command line
 * wins; otherwise the config's value; otherwise the flag's default. `--print-config`
 * shows the result.
 */
import path from 'node:path';
import type { Command } from 'commander';
import { displayPath } from '../load/discover.js';
import type { Decision } from '../types.js';
import { loadConfig, type LoadedConfig } from './load.js';
import { fileFilter } from './select.js';

/** The flags a config can set (a subset of the audit and lint flags). */
export interface ConfigurableFlags {
  rubric: string;
  format: string[];
  minDecision: Decision;
  config?: string | boolean;
  ignorePattern?: string[];
  include?: string[];
  exclude?: string[];
  configDir?: string;
  failOn?: 'error' | 'warning' | 'info' | 'none';
  maxWarnings?: number;
  waivers?: string;
  baseline?: string;
}

/** Apply the config (found or named by `flags.config`) to flags the user did not give. */
export function applyConfig<F extends ConfigurableFlags>(flags: F, cmd: Pick<Command, 'getOptionValueSource'>, cwd: string): { flags: F; config: LoadedConfig | null } {
  const config = loadConfig(flags.config, cwd);
  if (!config) return { flags, config };
  const out = { ...flags, configDir: config.dir };
  const fromCli = (name: string) => cmd.getOptionValueSource(name) === 'cli';
  const set = <K extends keyof ConfigurableFlags>(key: K, value: ConfigurableFlags[K] | undefined) => {
    if (value !== undefined && !fromCli(key)) (out as ConfigurableFlags)[key] = value;
  };
  // The rubric: a file named in the config is passed on relative to the working directory.
  set('rubric', config.rubric === undefined ? undefined : path.isAbsolute(config.rubric) ? displayPath(config.rubric, cwd) : config.rubric);
  if (config.formats && !(flags.format.length && fromCli('format'))) out.format = config.formats;
  set('minDecision', config.gate.minDecision);
  set('failOn', config.gate.failOn);
  set('maxWarnings', config.gate.maxWarnings);
  set('waivers', config.waivers);
  set('baseline', config.baseline);
  if (config.include) out.include = config.include;
  if (config.exclude) out.exclude = config.exclude;
  return { flags: out, config };
}

/** The resolved configuration as `--print-config` shows it (paths relative to the working directory). */
export function printableConfig(flags: ConfigurableFlags, config: LoadedConfig | null, cwd: string): Record<string, unknown> {
  const rel = (p: string) => displayPath(p, cwd);
  const filter = fileFilter({ configDir: flags.configDir, include: flags.include, exclude: flags.exclude, ignorePatterns: flags.ignorePattern }, cwd);
  return {
    config: config ? rel(config.file) : null,
    rubric: flags.rubric,
    formats: flags.format.length ? flags.format.map((f) => {
      const i = f.indexOf(':');
      return i < 0 ? f : `${f.slice(0, i)}:${rel(f.slice(i + 1))}`;
    }) : ['text'],
    include: flags.include ?? [],
    exclude: flags.exclude ?? [],
    ignoreFiles: filter.files.map(rel),
    ignorePatterns: flags.ignorePattern ?? [],
    gate: { minDecision: flags.minDecision, failOn: flags.failOn ?? null, maxWarnings: flags.maxWarnings ?? null },
    waivers: flags.waivers === undefined ? null : rel(flags.waivers),
    baseline: flags.baseline === undefined ? null : rel(flags.baseline),
  };
}

/**
 * The rubric for commands that only need a rubric (rules, explain): `--rubric` when
 * given, else the config's rubric, else `default`.
 */
export function configuredRubric(opts: { rubric: string; config?: string | boolean }, cmd: Pick<Command, 'getOptionValueSource'>, cwd: string): string {
  if (cmd.getOptionValueSource('rubric') === 'cli') return opts.rubric;
  const config = loadConfig(opts.config, cwd);
  if (!config?.rubric) return opts.rubric;
  return path.isAbsolute(config.rubric) ? displayPath(config.rubric, cwd) : config.rubric;
}
