/**
 * The streaming audit path, for big catalogs: each offering's report is written as soon
 * as it is ready and then dropped, and the summary and the gate are computed as the
 * offerings go by. Memory stays flat however many offerings there are.
 *
 * It is used when every requested output can be written this way (STREAMERS below; today
 * `json`). Any other output needs the whole report, so `runAudit` keeps the whole-report
 * path for it. The streamed JSON is byte-for-byte what the `json` formatter writes.
 * A format that can stream adds a StreamWriter here.
 */
import { mkdir, mkdtemp, open, rm, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { UsageError } from '../errors.js';
import type { Format } from '../format/index.js';
import type { Io } from '../io.js';
import { addToSummary, emptySummary, meetsGate, rubricInfo, ruleInfo, toolInfo, type Report } from '../report.js';
import type { OfferingReport, Summary } from '../types.js';
import { DEFAULT_MAX_FILE_SIZE } from '../load/limits.js';
import { startProgress as makeProgress, type Progress } from '../progress.js';
import type { AuditPlan } from './audit.js';

/** Writes one output in pieces: a head, each offering, then the tail with the summary. */
export interface StreamWriter {
  head(report: Omit<Report, 'offerings' | 'summary'>): string;
  /** What goes before the offering at `index`, which was rendered (UTF-8) by `offeringJson` where it was audited. */
  before(index: number): string;
  /** The summary, then the catalog-wide fields in report order (generated, sources, …). */
  tail(summary: Summary, count: number, catalog: Record<string, unknown>): string;
}

/** JSON, written so that the bytes equal `json(report)`: JSON.stringify(report, null, 2) + newline. */
async function jsonWriter(): Promise<StreamWriter> {
  const { jsonAt: j } = await import('../format/json.js');
  return {
    head: (r) => `{\n  "tool": ${j(r.tool, '  ')},\n  "rubric": ${j(r.rubric, '  ')},\n  "rules": ${j(r.rules, '  ')},\n  "offerings": [`,
    before: (i) => `${i === 0 ? '' : ','}\n    `,
    tail: (s, n, catalog) =>
      `${n === 0 ? ']' : '\n  ]'},\n  "summary": ${j(s, '  ')}` +
      Object.entries(catalog)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => `,\n  ${JSON.stringify(k)}: ${j(v, '  ')}`)
        .join('') +
      '\n}\n',
  };
}

/** Formats that can stream, and how. Only these take the streaming path. */
export const STREAMERS: Partial<Record<Format, () => Promise<StreamWriter>>> = { json: jsonWriter };

/**
 * Flags and plan fields the streaming path honours. A flag or plan field it does not know
 * (say, one that filters offerings or changes the gate) turns streaming off, so the
 * whole-report path stays correct until the streaming path learns about it.
 */
export const STREAM_FLAGS: ReadonlySet<string> = new Set([
  'rubric',
  'format',
  'output',
  'minDecision',
  'quiet',
  'color',
  'maxFileSize',
  'concurrency',
  // Config and file selection act before any offering is read.
  'config',
  'printConfig',
  'ignorePattern',
  'configDir',
  'include',
  'exclude',
]);
export const STREAM_PLAN_FIELDS: ReadonlySet<string> = new Set(['flags', 'targets', 'rubric', 'files', 'ctx', 'waivers']);

/** Flags that change the gate or the findings: not handled by the stream path yet. */
const WHOLE_REPORT_FLAGS = ['failOn', 'maxWarnings', 'baseline', 'strictBaseline', 'waivers'] as const;

/** Whether every output of the plan can stream, and the plan holds nothing the stream path ignores. */
export function canStream(plan: AuditPlan): boolean {
  const flags = plan.flags as unknown as Record<string, unknown>;
  return (
    plan.targets.every((t) => STREAMERS[t.format] !== undefined) &&
    Object.keys(plan.flags).every((k) => STREAM_FLAGS.has(k) || (WHOLE_REPORT_FLAGS as readonly string[]).includes(k)) &&
    WHOLE_REPORT_FLAGS.every((k) => flags[k] === undefined || flags[k] === false) &&
    plan.waivers.length === 0 &&
    Object.keys(plan).every((k) => STREAM_PLAN_FIELDS.has(k))
  );
}

/** A sink that batches small writes: a file, or stdout. */
interface Sink {
  /** Text, or bytes that the sink copies (the caller may reuse the buffer). */
  write(s: string | Uint8Array): Promise<void>;
  close(): Promise<void>;
}

async function openSink(file: string | undefined, io: Io): Promise<Sink> {
  if (file === undefined) {
    let buf = '';
    return {
      write: async (s) => {
        buf += typeof s === 'string' ? s : Buffer.from(s.buffer, s.byteOffset, s.byteLength).toString('utf8');
        if (buf.length > 1 << 16) {
          io.stdout(buf);
          buf = '';
        }
      },
      close: async () => {
        if (buf) io.stdout(buf);
      },
    };
  }
  const abs = path.resolve(io.cwd, file);
  const fail = (e: unknown) => new UsageError(`cannot write ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  let fh: FileHandle;
  try {
    await mkdir(path.dirname(abs), { recursive: true });
    fh = await open(abs, 'w');
  } catch (e) {
    throw fail(e);
  }
  let chunks: Buffer[] = [];
  let bytes = 0;
  const flush = async () => {
    const c = chunks;
    chunks = [];
    bytes = 0;
    try {
      await fh.writev(c);
    } catch (e) {
      throw fail(e);
    }
  };
  return {
    write: async (s) => {
      // A copy of bytes too: the caller reuses its buffer.
      const b = typeof s === 'string' ? Buffer.from(s, 'utf8') : Buffer.from(s);
      chunks.push(b);
      bytes += b.length;
      if (bytes > 1 << 18) await flush();
    },
    close: async () => {
      if (chunks.length) await flush();
      await fh.close();
    },
  };
}

export function startProgress(plan: AuditPlan, io: Io): Progress | null {
  return makeProgress(plan.files.length, io, plan.flags.quiet ?? false);
}

const LEVELS = [0, 1, 2, 3].map((level) => Object.freeze({ level }));

/**
 * What the catalog-wide fields need of an offering (its reference, provider, decision and
 * aspect levels), and nothing else: 100,000 of them stay in memory until the end. Strings
 * are copied so that none is a slice keeping a whole document alive.
 */
function light(o: OfferingReport): OfferingReport {
  const own = (s: string | null) => (s === null ? null : (JSON.parse(JSON.stringify(s)) as string));
  const aspects = o.aspects && (Object.fromEntries(Object.entries(o.aspects).map(([k, a]) => [k, LEVELS[a.level]!])) as unknown as OfferingReport['aspects']);
  const r: OfferingReport = { file: own(o.file)!, id: own(o.id), title: own(o.title), provider: own(o.provider), decision: o.decision, score: null, aspects, findings: [], reasons: [] };
  if (o.index !== undefined) r.index = o.index;
  return r;
}

/** The spooled offerings, read back in order; `sizes` are their lengths in bytes. Each view is valid until the next. */
async function* spooled(fh: FileHandle, sizes: readonly number[]): AsyncGenerator<Buffer> {
  let buf = Buffer.alloc(1 << 20);
  let have = 0;
  let at = 0;
  let pos = 0;
  for (const size of sizes) {
    if (have - at < size) {
      buf.copy(buf, 0, at, have);
      have -= at;
      at = 0;
      if (size > buf.length) {
        const bigger = Buffer.alloc(size);
        buf.copy(bigger, 0, 0, have);
        buf = bigger;
      }
      while (have < size) {
        const { bytesRead } = await fh.read(buf, have, buf.length - have, pos);
        if (bytesRead === 0) throw new Error('the temporary spool file ended early');
        have += bytesRead;
        pos += bytesRead;
      }
    }
    yield buf.subarray(at, at + size);
    at += size;
  }
}

/** Audit and write every output offering by offering; returns the exit code (as gateExitCode). */
export async function streamAudit(plan: AuditPlan, io: Io): Promise<number> {
  const { auditedStream } = await import('../engine/pool.js');
  const { offeringJson } = await import('../format/json.js');
  const { withCatalog } = await import('../catalog.js');
  const { catalogCollector } = await import('./catalog-input.js');
  const outs = await Promise.all(plan.targets.map(async (t) => ({ writer: await STREAMERS[t.format]!(), sink: await openSink(t.file, io) })));
  const head = { tool: toolInfo(), rubric: rubricInfo(plan.rubric), rules: ruleInfo(plan.rubric) };
  const summary = emptySummary();
  const progress = startProgress(plan, io);
  // Offerings wait, rendered, in a temporary file until the catalog-wide fields are known:
  // a near-duplicate pair names both sides, so the first one is only complete once the
  // second has been read. Only what those fields need stays in memory.
  const tmpDir = await mkdtemp(path.join(tmpdir(), 'mcaudit-stream-'));
  const spool = await open(path.join(tmpDir, 'offerings.json'), 'w+');
  const lights: OfferingReport[] = [];
  const sizes: number[] = [];
  const collector = catalogCollector(plan);
  let pass = true;
  let n = 0;
  try {
    let pending: Uint8Array[] = [];
    let pendingBytes = 0;
    const options = { rubric: plan.rubric, ctx: plan.ctx, maxFileSize: plan.flags.maxFileSize ?? DEFAULT_MAX_FILE_SIZE, renderJson: true, concurrency: plan.flags.concurrency };
    for await (const { file, source, items } of auditedStream(plan.files, options)) {
      collector.onSource(file, source);
      for (const a of items) {
        const r = a.report;
        collector.onEntry(a.competency);
        sizes.push(a.json!.byteLength);
        pending.push(a.json!);
        pendingBytes += a.json!.byteLength;
        if (pendingBytes > 1 << 18) {
          await spool.writev(pending);
          pending = [];
          pendingBytes = 0;
        }
        lights.push(light(r));
        addToSummary(summary, r.decision);
        if (!meetsGate(r.decision, plan.flags.minDecision)) pass = false;
        n++;
        progress?.offering(r.file);
      }
    }
    if (pending.length) await spool.writev(pending);
    progress?.done();
    // canStream() guarantees no waivers here, so this is the same input as the whole-report path.
    const catalog = withCatalog({ ...head, offerings: lights, summary }, await collector.input());
    for (const o of outs) await o.sink.write(o.writer.head(head));
    let i = 0;
    for await (const rendered of spooled(spool, sizes)) {
      const dups = catalog.offerings[i]?.duplicates;
      // Duplicates come last in an offering, as withCatalog adds them.
      const text = dups ? offeringJson({ ...(JSON.parse(rendered.toString('utf8')) as OfferingReport), duplicates: dups }) : rendered;
      for (const o of outs) {
        await o.sink.write(o.writer.before(i));
        await o.sink.write(text);
      }
      i++;
    }
    const { generated, sources, waivers, duplicates, providers } = catalog;
    for (const o of outs) {
      await o.sink.write(o.writer.tail(summary, n, { generated, sources, waivers, duplicates, providers }));
      await o.sink.close();
    }
  } finally {
    progress?.done();
    await spool.close();
    await rm(tmpDir, { recursive: true, force: true });
  }
  return pass ? 0 : 1;
}
