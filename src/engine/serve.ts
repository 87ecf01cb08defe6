/**
 * The work of a thread of the audit pool (src/engine/pool.ts): it resolves the same rubric,
 * then loads and audits each batch of files it is sent and posts the results back.
 * src/engine/worker.ts starts it, from the bundle when there is one.
 */
import type { MessagePort } from 'node:worker_threads';
import { resolveRubric } from '../rubric/load.js';
import { auditInput } from './audit.js';
import type { WorkerInit, WorkerReply, WorkerRequest } from './pool.js';

export function serveWorker(port: MessagePort, init: WorkerInit): void {
  const rubric = resolveRubric(init.rubric.file, init.rubric.origin, init.rubric.sha256);
  const options = { rubric, ctx: { now: new Date(init.now) }, maxFileSize: init.maxFileSize, waivers: init.waivers, renderJson: init.renderJson, keepFindings: init.keepFindings };
  port.on('message', (m: WorkerRequest) => {
    let reply: WorkerReply;
    const transfer: ArrayBuffer[] = [];
    try {
      const items = m.files.map((f) => auditInput(f, options));
      // Rendered JSON moves to the main thread without a copy.
      for (const f of items) for (const a of f.items) if (a.json) transfer.push(a.json.buffer as ArrayBuffer);
      reply = { seq: m.seq, items };
    } catch (e) {
      reply = { seq: m.seq, error: (e as Error).message };
    }
    port.postMessage(reply, transfer);
  });
}
