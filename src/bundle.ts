/** What the single-file bundle (scripts/bundle.mjs, src/boot.ts) exports: the CLI, its signal handlers, and the work of an audit pool thread. */
export { main } from './main.js';
export { installInterruptHandlers } from './interrupt.js';
export { serveWorker } from './engine/serve.js';
