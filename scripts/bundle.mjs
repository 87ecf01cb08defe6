#!/usr/bin/env node
/**
 * Second build step (after `tsc`): the single-file bundle the CLI starts from, and its V8
 * code cache. See src/boot.ts for why.
 *
 *   dist/mcaudit.cjs        esbuild bundle of dist/bundle.js (the CLI and the pool's worker
 *                           loop) and their dependencies, as CommonJS
 *   dist/mcaudit.cjs.cache  V8 code cache, taken after linting samples/strong.md once, so
 *                           it holds the functions such a run compiles
 *
 * Worker threads start from dist/engine/worker.js, which loads the same bundle and cache.
 */
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { BUNDLE, BUNDLE_CACHE, loadBundle, setV8Flags } = await import(path.join(ROOT, 'dist/boot.js'));
const bundle = fileURLToPath(BUNDLE);
const cache = fileURLToPath(BUNDLE_CACHE);
rmSync(cache, { force: true });

/**
 * commander requires node:child_process (and with it net, stream and dgram, ~12 ms) at load,
 * for executable subcommands, which mcaudit has none of. In the bundle it gets a stand-in
 * that loads the real module on first use.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      args.importer.includes(`${path.sep}commander${path.sep}`) ? { path: 'child_process', namespace: 'lazy-builtin' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, () => ({
      contents: "module.exports = new Proxy({}, { get: (_, key) => require('node:child_process')[key] });",
      loader: 'js',
    }));
  },
};

const result = await build({
  entryPoints: [path.join(ROOT, 'dist/bundle.js')],
  outfile: bundle,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // The bundle sits in dist/ like dist/paths.js, so import.meta.url-relative paths hold.
  define: { 'import.meta.url': '__mcaudit_import_meta_url' },
  banner: { js: "var __mcaudit_import_meta_url = require('node:url').pathToFileURL(__filename).href;" },
  // import() becomes require(): vm.Script, which runs the bundle, has no module loader.
  supported: { 'dynamic-import': false },
  logLevel: 'warning',
  metafile: true,
  plugins: [lazyChildProcess],
});
// A dynamic import() left in the bundle would fail under vm.Script.
const left = Object.values(result.metafile.outputs)
  .flatMap((o) => o.imports)
  .filter((i) => i.kind === 'dynamic-import');
if (left.length) {
  console.error(`bundle: dynamic imports left unbundled: ${left.map((i) => i.path).join(', ')}`);
  process.exit(1);
}

// Warm up under the same V8 flags as bin.ts (V8 rejects a cache made under other flags).
setV8Flags();
const loaded = loadBundle(bundle, null);
if (!loaded) {
  console.error('bundle: the bundle does not export main and serveWorker');
  process.exit(1);
}
const sink = () => true;
const io = { stdout: sink, stderr: sink, cwd: ROOT, env: {}, stdoutIsTTY: false, stderrIsTTY: false, readStdin: async () => '' };
const code = await loaded.exports.main(['lint', 'samples/strong.md'], io);
if (code !== 0) {
  console.error(`bundle: warm-up lint exited ${code}`);
  process.exit(1);
}
writeFileSync(cache, loaded.script.createCachedData());
