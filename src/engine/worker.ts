/**
 * Entry point of a thread of the audit pool. Like the CLI (src/bin.ts), it starts from the
 * single-file bundle and its code cache when the build made them: a worker then starts in
 * tens of milliseconds instead of loading the modules one by one.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadBuiltBundle } from '../boot.js';
import type { WorkerInit } from './pool.js';

const serveWorker = loadBuiltBundle()?.exports.serveWorker ?? (await import('./serve.js')).serveWorker;
serveWorker(parentPort!, workerData as WorkerInit);
