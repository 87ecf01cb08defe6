/** What the single-file bundle (scripts/bundle.mjs, src/boot.ts) exports: the CLI, and the work of an audit pool thread. */
export { main } from './main.js';
export { serveWorker } from './engine/serve.js';
