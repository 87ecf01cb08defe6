/**
 * Start-up from the single-file bundle (`dist/mcaudit.cjs`, made by scripts/bundle.mjs).
 *
 * Loading ~200 ES modules one by one is most of a short run's time on Node 20, so the build
 * also writes one CommonJS bundle of the CLI and, beside it, V8's code cache for it
 * (`dist/mcaudit.cjs.cache`: the compiled functions a typical lint run uses). Compiling the
 * bundle with that cache skips parsing and compiling them again. V8 checks the cache
 * against its own version, its flags and the source; when any differs it rejects the
 * cache and compiles the source as usual, so a stale cache costs time, never correctness.
 *
 * Nothing here reads a provider's file: the bundle and its cache are mcaudit's own build output.
 */
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';
import type * as Bundle from './bundle.js';

/** The bundle next to this module, and its code cache. */
export const BUNDLE = new URL('./mcaudit.cjs', import.meta.url);
export const BUNDLE_CACHE = new URL('./mcaudit.cjs.cache', import.meta.url);
/** The module the bundle is made from (tsc writes it anew on every build). */
const BUNDLE_ENTRY = new URL('./bundle.js', import.meta.url);

/** V8 flags mcaudit runs with, set before any of its code is compiled (the code cache is only valid under the same flags). */
const V8_FLAGS = [
  // Compile each regular expression once, to native code. By default V8 first compiles one
  // to bytecode and compiles it again on its second use: the rules' ~190 patterns cost
  // about twice as long to start, and large catalogs run slightly slower.
  '--no-regexp-tier-up',
];

/** Set V8_FLAGS: bin.ts before it loads the CLI, and the build before it makes the code cache. */
export function setV8Flags(): void {
  for (const flag of V8_FLAGS) v8.setFlagsFromString(flag);
}

export interface LoadedBundle {
  exports: typeof Bundle;
  /** The compiled bundle: the build asks it for its code cache after a warm-up run. */
  script: vm.Script;
  /** Whether V8 refused the code cache that was given (undefined: none was given). */
  cacheRejected: boolean | undefined;
}

/**
 * The built bundle, loaded, or null when there is none or it is older than the modules
 * (after a bare `tsc`, without the bundle step), so that the code that runs is the latest.
 */
export function loadBuiltBundle(): LoadedBundle | null {
  const file = fileURLToPath(BUNDLE);
  try {
    if (statSync(file).mtimeMs < statSync(BUNDLE_ENTRY).mtimeMs) return null;
  } catch {
    return null;
  }
  return loadBundle(file, fileURLToPath(BUNDLE_CACHE));
}

/**
 * Compile and run the bundle `file`, with the code cache `cacheFile` when there is one.
 * Returns null when there is no bundle (a build without one, or the tests), so the caller
 * can load the modules instead.
 */
export function loadBundle(file: string, cacheFile: string | null): LoadedBundle | null {
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  let cachedData: Buffer | undefined;
  if (cacheFile) {
    try {
      cachedData = readFileSync(cacheFile);
    } catch {
      cachedData = undefined;
    }
  }
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new vm.Script(wrapped, { filename: file, ...(cachedData ? { cachedData } : {}) });
  const module = { exports: {} as Partial<typeof Bundle> };
  const run = script.runInThisContext() as (e: object, r: NodeJS.Require, m: object, f: string, d: string) => void;
  run.call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file));
  const { main, serveWorker, installInterruptHandlers } = module.exports;
  if (typeof main !== 'function' || typeof serveWorker !== 'function' || typeof installInterruptHandlers !== 'function') return null;
  return { exports: { main, serveWorker, installInterruptHandlers }, script, cacheRejected: cachedData ? script.cachedDataRejected === true : undefined };
}
