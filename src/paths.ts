/**
 * Where mcaudit's own files are. Every path is taken from this module's location, which is
 * one level below the package root both in the module tree (`dist/paths.js`, or
 * `src/paths.ts` under the tests) and in the single-file bundle (`dist/mcaudit.cjs`), so
 * the same addresses hold in all three.
 */
import { fileURLToPath } from 'node:url';

/** The package's own package.json. */
export const PACKAGE_JSON = new URL('../package.json', import.meta.url);

/** The folder of built-in rubrics. */
export const RUBRICS_DIR = fileURLToPath(new URL('../rubrics/', import.meta.url));

/** The worker thread script of the audit pool (absent under the tests, which run the TypeScript sources). */
export const WORKER_SCRIPT = new URL('./engine/worker.js', import.meta.url);
