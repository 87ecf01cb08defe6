/**
 * Auditing a big catalog on every core: worker threads load and audit batches of files
 * (src/engine/worker.ts) while this thread writes the results, in input order. A small
 * catalog is audited in this thread, because starting a worker (loading the rules and
 * their libraries again) costs more than it saves. Either way the reports are the same:
 * both call `auditInput`.
 *
 * Measured, not assumed: see the README's Performance section and `npm run bench`.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import type { InputFile } from '../load/discover.js';
import { WORKER_SCRIPT } from '../paths.js';
import { auditInput, auditInputHere, type AuditedFile, type AuditOptions } from './audit.js';

/** Below this many files a run stays in one thread (worker start-up would not pay). */
export const POOL_MIN_FILES = 300;
/** Files per message to a worker: few enough to keep both busy, enough to make messages rare. */
const BATCH = 16;
/** Batches sent ahead per worker, so a worker never waits for this thread. */
const AHEAD = 3;
/** Batches finished or in flight beyond the next one to write: bounds memory when one worker lags. */
const WINDOW = 64;
/**
 * Heap limits of a worker. A worker holds one batch at a time, so it needs little (a 4.9 MB
 * document audits within them); small limits also make V8 collect garbage early instead of
 * letting each thread's heap grow, which keeps a 100,000-offering run within its memory
 * budget (README, Performance). A worker that runs out anyway is replaced, and its batch
 * is audited in this thread, whose heap is not limited.
 */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 12 } as const;

/** What a worker needs to audit exactly as this thread would. */
export interface WorkerInit {
  rubric: { file: unknown; origin: string; sha256: string };
  now: number;
  maxFileSize?: number;
  waivers: AuditOptions['waivers'];
  renderJson: boolean;
  keepFindings: boolean;
}

export interface WorkerRequest {
  seq: number;
  files: InputFile[];
}
export type WorkerReply = { seq: number; items: AuditedFile[] } | { seq: number; error: string };

/** An input file with its audit. */
export type FileAudit = AuditedFile & { file: InputFile };

/** The worker script, when it has been built (tests run from TypeScript sources, without one). */
function workerScript(): URL | null {
  return existsSync(fileURLToPath(WORKER_SCRIPT)) ? WORKER_SCRIPT : null;
}

/** How many workers a run of `files` files uses (0: none, audit in this thread). */
export function workerCount(files: number, concurrency: number | undefined, cores = availableParallelism()): number {
  if (concurrency !== undefined) return concurrency <= 1 ? 0 : Math.min(concurrency, Math.ceil(files / BATCH));
  if (cores < 2 || files < POOL_MIN_FILES) return 0;
  return Math.min(cores, 8);
}

/** Every file of `files`, audited, in input order. */
export async function* auditedStream(files: readonly InputFile[], options: AuditOptions): AsyncGenerator<FileAudit> {
  const script = workerScript();
  const n = script ? workerCount(files.length, options.concurrency) : 0;
  if (n === 0) {
    // Between offerings the event loop gets a turn now and then, for a signal's handler.
    for (const f of files) yield { file: f, ...(await auditInputHere(f, options)) };
    return;
  }
  yield* pooled(files, options, n, script!);
}

/** Audit `files` on `n` workers running `script` (exported for tests, which give failing scripts). */
export async function* pooled(files: readonly InputFile[], options: AuditOptions, n: number, script: URL): AsyncGenerator<FileAudit> {
  const { Worker } = await import('node:worker_threads');
  const batches: InputFile[][] = [];
  for (let i = 0; i < files.length; i += BATCH) batches.push(files.slice(i, i + BATCH));
  const init: WorkerInit = {
    rubric: { file: options.rubric.file, origin: options.rubric.origin, sha256: options.rubric.sha256 },
    now: options.ctx.now.getTime(),
    maxFileSize: options.maxFileSize,
    waivers: options.waivers ?? [],
    renderJson: options.renderJson ?? false,
    keepFindings: options.keepFindings ?? false,
  };
  const done = new Map<number, AuditedFile[]>();
  let wake: (() => void) | null = null;
  const settle = (seq: number, items: AuditedFile[]) => {
    done.set(seq, items);
    wake?.();
  };
  // A batch whose worker failed is audited here instead: no offering is ever lost.
  const local = (seq: number) => settle(seq, batches[seq]!.map((f) => auditInput(f, options)));

  let next = 0;
  let front = 0;
  let restarts = 4 * n;
  interface Slot {
    w: Worker;
    pending: Set<number>;
    alive: boolean;
  }
  const workers: Slot[] = [];
  const feed = (slot: Slot) => {
    while (slot.alive && slot.pending.size < AHEAD && next < batches.length && next < front + WINDOW) {
      const seq = next++;
      slot.pending.add(seq);
      slot.w.postMessage({ seq, files: batches[seq]! } satisfies WorkerRequest);
    }
  };
  const start = (): Slot => {
    const slot: Slot = { w: new Worker(script, { workerData: init, resourceLimits: WORKER_LIMITS }), pending: new Set<number>(), alive: true };
    const fail = () => {
      if (!slot.alive) return;
      slot.alive = false;
      for (const seq of slot.pending) local(seq);
      slot.pending.clear();
      // A worker that ran out of memory on a huge document is replaced, a few times at most;
      // once none is left, the consumer below audits the remaining batches in this thread.
      if (restarts-- > 0) workers[workers.indexOf(slot)] = start();
      for (const s of workers) feed(s);
      wake?.();
    };
    slot.w.on('message', (m: WorkerReply) => {
      slot.pending.delete(m.seq);
      if ('error' in m) local(m.seq);
      else settle(m.seq, m.items);
      feed(slot);
    });
    slot.w.on('error', fail);
    slot.w.on('exit', fail);
    return slot;
  };
  for (let i = 0; i < n; i++) workers.push(start());
  for (const s of workers) feed(s);
  try {
    for (let seq = 0; seq < batches.length; seq++) {
      while (!done.has(seq)) {
        // No worker left: audit here, one batch at a time, as the writer needs them.
        if (next <= seq && workers.every((s) => !s.alive)) local(next++);
        else await new Promise<void>((r) => (wake = r));
      }
      wake = null;
      const items = done.get(seq)!;
      done.delete(seq);
      front = seq + 1;
      for (const s of workers) feed(s);
      const batch = batches[seq]!;
      for (let i = 0; i < batch.length; i++) yield { file: batch[i]!, ...items[i]! };
    }
  } finally {
    for (const s of workers) {
      s.alive = false;
      void s.w.terminate();
    }
  }
}
