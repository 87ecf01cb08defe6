/**
 * The streaming audit path: each offering's report is written as soon as it is ready, or
 * spooled to disk, and then dropped; the summary, the gate and the catalog-wide fields are
 * computed from a light record per offering. Memory stays flat however many offerings there
 * are, and no output is ever held as one string (a string cannot exceed about 512 MB).
 *
 * Every format streams: JSON into its files as the audit goes (the json formatter's pieces,
 * src/format/json.ts), every other format in pieces from the spool at the end
 * (`formatParts`). The streamed bytes are the formatters' bytes. The whole-report path
 * (collectReport, writeReports) stays for a plan that holds something this path does not
 * know (canStream), and as the reference the tests compare this path with.
 */
import { readSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, open, realpath, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { formatParts, formatPasses, type FormatOptions } from '../format/index.js';
import { wantColor, type Io } from '../io.js';
import { addToSummary, emptySummary, rubricInfo, ruleInfo, toolInfo, type Report } from '../report.js';
import type { Finding, OfferingReport } from '../types.js';
import { DEFAULT_MAX_FILE_SIZE } from '../load/limits.js';
import { startProgress as makeProgress, type Progress } from '../progress.js';
import { breathe, onInterrupt, uninterrupted } from '../interrupt.js';
import type { AuditPlan, OutputTarget } from './audit.js';

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
  // The gate, waivers and a baseline: each offering keeps what they need of its findings (lightMaker).
  'failOn',
  'maxWarnings',
  'waivers',
  'baseline',
  'strictBaseline',
]);
export const STREAM_PLAN_FIELDS: ReadonlySet<string> = new Set(['flags', 'targets', 'rubric', 'files', 'ctx', 'waivers', 'baseline']);

/** Whether the plan holds nothing the stream path ignores (every format streams). */
export function canStream(plan: AuditPlan): boolean {
  return plan.targets.every((t) => formatParts[t.format] !== undefined) && Object.keys(plan.flags).every((k) => STREAM_FLAGS.has(k)) && Object.keys(plan).every((k) => STREAM_PLAN_FIELDS.has(k));
}

/** The options an output is written with: colour only for text, and never into a file unless asked. */
export function formatOptions(plan: AuditPlan, t: OutputTarget, io: Io): FormatOptions {
  const color = t.format === 'text' && wantColor(plan.flags.color, io, t.file !== undefined);
  return { color, quiet: plan.flags.quiet ?? false, minDecision: plan.flags.minDecision, failOn: plan.flags.failOn };
}

/** A sink that batches small writes: a file, or stdout. */
export interface Sink {
  /**
   * Text, or bytes that the sink copies (the caller may reuse the buffer) unless `owned`:
   * bytes nobody will change again, kept as they are until written.
   */
  write(s: string | Uint8Array, owned?: boolean): Promise<void>;
  /** Write out the rest; a file output then replaces the target (see openSink). */
  close(): Promise<void>;
  /** After an error: leave the target as it was (remove a file output's temporary file). */
  discard(): Promise<void>;
  /** Set when the sink is a regular file, which can be read back and written again from its start. */
  readonly file: RegularFile | null;
}

interface RegularFile {
  readonly path: string;
  /** Bytes given to `write` so far (since the last `restart`): where the next ones land. */
  readonly written: number;
  /** Write out what is batched. */
  flush(): Promise<void>;
  /** Empty the file, dropping anything batched, to write it again from its start. */
  restart(): Promise<void>;
}

export async function openSink(file: string | undefined, io: Io): Promise<Sink> {
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
      discard: async () => {},
      file: null,
    };
  }
  const fail = (e: unknown) => new UsageError(`cannot write ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  let fh: FileHandle;
  let regular: boolean;
  // A regular file is written under a temporary name beside it and renamed over it at the
  // end: until then the target keeps its old bytes (an audit may read it, a failed run
  // leaves it whole). A device or a pipe (/dev/stdout) is written in place.
  let target = path.resolve(io.cwd, file);
  let temp: string | null = null;
  // A signal that stops the process removes the temporary file (src/interrupt.ts).
  let forget = () => {};
  try {
    await mkdir(path.dirname(target), { recursive: true });
    target = await realpath(target).catch(() => target);
    const st = await stat(target).catch(() => null);
    if (st?.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    if (st && !st.isFile()) {
      fh = await open(target, 'w');
      regular = false;
    } else {
      const made = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.mcaudit-tmp`);
      // Registered before the file is made, so that no moment is left without it.
      forget = onInterrupt(() => rmSync(made, { force: true }));
      try {
        fh = await open(made, 'wx');
        temp = made;
      } catch (e) {
        forget();
        throw e;
      }
      regular = true;
      if (temp && st) {
        // The new file keeps the old one's permissions (and, for root, its owner).
        await fh.chmod(st.mode & 0o7777).catch(() => {});
        if (process.getuid?.() === 0) await fh.chown(st.uid, st.gid).catch(() => {});
      }
    }
  } catch (e) {
    throw fail(e);
  }
  let closed = false;
  let chunks: Buffer[] = [];
  let bytes = 0;
  // Written at explicit positions, so that `restart` can begin again at 0.
  let at = 0;
  const flush = async () => {
    const c = chunks;
    chunks = [];
    bytes = 0;
    try {
      if (!regular) await fh.writev(c);
      else {
        const total = c.reduce((n, b) => n + b.length, 0);
        let done = (await fh.writev(c, at)).bytesWritten;
        // A short write (rare, on a regular file) goes on where it stopped.
        if (done < total) {
          const rest = Buffer.concat(c).subarray(done);
          for (let k = 0; done < total; ) {
            const { bytesWritten } = await fh.write(rest, k, rest.length - k, at + done);
            if (bytesWritten === 0) throw new Error('no space left to write');
            k += bytesWritten;
            done += bytesWritten;
          }
        }
        at += done;
      }
    } catch (e) {
      throw fail(e);
    }
  };
  return {
    write: async (s, owned) => {
      const b = typeof s === 'string' ? Buffer.from(s, 'utf8') : owned ? Buffer.from(s.buffer, s.byteOffset, s.byteLength) : Buffer.from(s);
      chunks.push(b);
      bytes += b.length;
      if (bytes > 1 << 18) await flush();
    },
    close: async () => {
      try {
        if (chunks.length) await flush();
        closed = true;
        await fh.close();
      } catch (e) {
        // Nothing is left half-made: the temporary file goes, the target stays as it was.
        closed = true;
        await fh.close().catch(() => {});
        if (temp) await rm(temp, { force: true });
        forget();
        throw e instanceof UsageError ? e : fail(e);
      }
      if (temp) {
        try {
          await rename(temp, target);
        } catch (e) {
          await rm(temp, { force: true });
          throw fail(e);
        } finally {
          forget();
        }
      }
    },
    discard: async () => {
      if (closed) return;
      closed = true;
      await fh.close().catch(() => {});
      if (temp) await rm(temp, { force: true });
      forget();
    },
    file: regular
      ? {
          path: temp!,
          get written() {
            return at + bytes;
          },
          flush,
          restart: async () => {
            chunks = [];
            bytes = 0;
            try {
              await fh.truncate(0);
            } catch (e) {
              throw fail(e);
            }
            at = 0;
          },
        }
      : null,
  };
}

export function startProgress(plan: AuditPlan, io: Io): Progress | null {
  return makeProgress(plan.files.length, io, plan.flags.quiet ?? false);
}

const LEVELS = [0, 1, 2, 3].map((level) => Object.freeze({ level }));
/** The findings and reasons of every light record: none, and never added to. */
const NONE = Object.freeze([]) as unknown as never[];
/** Beyond this many shared values, new ones are kept per record (a bound for catalogs of all-different providers). */
const MAX_SHARED = 1 << 16;

/**
 * Makes what the catalog-wide fields and the gate need of an offering (its reference,
 * provider, decision, aspect levels, and with `keep` the findings it needs), and nothing
 * else: 100,000 of them stay in memory until the end. Strings are copied so that none is a
 * slice keeping a whole document alive, and what many offerings share is kept once: the
 * display path (the file list holds it already), provider names, aspect levels, the empty
 * lists and the kept findings, which hold only rule, severity and whether waived.
 */
function lightMaker(keep: (f: Finding) => boolean): (o: OfferingReport, rel: string) => OfferingReport {
  const own = (s: string | null) => (s === null ? null : (JSON.parse(JSON.stringify(s)) as string));
  const shared = new Map<string, unknown>();
  const once = <T>(key: string, make: () => T): T => {
    let v = shared.get(key) as T | undefined;
    if (v === undefined) {
      v = make();
      if (shared.size < MAX_SHARED) shared.set(key, v);
    }
    return v;
  };
  return (o, rel) => {
    const aspects =
      o.aspects &&
      once(`a${Object.entries(o.aspects).map(([k, a]) => `\n${k}\n${a.level}`).join('')}`, () =>
        Object.freeze(Object.fromEntries(Object.entries(o.aspects!).map(([k, a]) => [k, LEVELS[a.level]!]))) as unknown as OfferingReport['aspects'],
      );
    const provider = o.provider === null ? null : once(`p${o.provider}`, () => own(o.provider));
    const kept = o.findings.filter(keep);
    const findings = kept.length
      ? kept.map((f) => once(`f${f.ruleId}\n${f.severity}\n${f.waived === true}`, () => Object.freeze({ ruleId: own(f.ruleId)!, severity: f.severity, waived: f.waived === true }) as Finding))
      : NONE;
    const r: OfferingReport = { file: o.file === rel ? rel : own(o.file)!, id: own(o.id), title: own(o.title), provider, decision: o.decision, score: null, aspects, findings, reasons: NONE };
    if (o.index !== undefined) r.index = o.index;
    return r;
  };
}

/**
 * The spooled offerings, read back in order from the file open at `fd`: the `sizes[i]` bytes
 * at `offsets[i]` (ascending; what lies between is skipped). Each view is valid until the
 * next. Reads are synchronous, so that a format's pieces (a plain generator) can pull
 * offerings one at a time; they run after the audit, when nothing else is waiting.
 */
export function* spooled(fd: number, offsets: readonly number[], sizes: readonly number[]): Generator<Buffer> {
  let buf = Buffer.alloc(1 << 20);
  // buf[0, have) holds the file's bytes from `start` on.
  let start = offsets[0] ?? 0;
  let have = 0;
  for (let i = 0; i < sizes.length; i++) {
    const from = offsets[i]! - start;
    const size = sizes[i]!;
    if (have < from + size) {
      // Keep what is still needed at the front, then fill up.
      const keep = Math.max(0, have - from);
      buf.copy(buf, 0, have - keep, have);
      start = offsets[i]!;
      have = keep;
      if (size > buf.length) {
        const bigger = Buffer.alloc(size);
        buf.copy(bigger, 0, 0, have);
        buf = bigger;
      }
      while (have < size) {
        const bytesRead = readSync(fd, buf, have, buf.length - have, start + have);
        if (bytesRead === 0) throw new Error('the temporary spool file ended early');
        have += bytesRead;
      }
    }
    const at = offsets[i]! - start;
    yield buf.subarray(at, at + size);
  }
}

/** No temporary spool can be made (TMPDIR missing or read-only): the whole-report path can still run. */
export class SpoolUnavailable extends Error {}

/** Write every piece to the sink (the event loop gets a turn now and then, for a signal's handler). */
export async function writePieces(pieces: Iterable<string>, sink: Sink): Promise<void> {
  for (const piece of pieces) {
    await sink.write(piece);
    await breathe();
  }
}

/**
 * Audit and write every output offering by offering; returns the report with light
 * offerings (lightMaker): what the gate needs.
 *
 * An offering is only complete once the catalog-wide fields are known: a near-duplicate pair
 * names both sides, so the first side is written before the second has been read. When every
 * output is a regular JSON file, offerings go straight into the files; in the rare catalog
 * with near-duplicates the first file is then copied aside and every output written again
 * from that copy. Otherwise (stdout, a pipe, any other format) they wait, rendered as JSON,
 * in a temporary file, and each output is written from there at the end: JSON by copying
 * each offering's bytes, any other format from its pieces, which read the offerings back one
 * at a time (HTML and Markdown twice: a table, then the details). Either way only what the
 * catalog-wide fields need stays in memory.
 */
export async function streamAudit(plan: AuditPlan, io: Io): Promise<Report> {
  const { auditedStream } = await import('../engine/pool.js');
  const { jsonBefore, jsonHead, jsonTail, withTrailingFields } = await import('../format/json.js');
  const { withCatalog } = await import('../catalog.js');
  const { catalogCollector } = await import('./catalog-input.js');
  // Every output is opened before the audit, so a bad one fails at once (and leaves the others as they were).
  const outs: { target: OutputTarget; format: OutputTarget['format']; sink: Sink }[] = [];
  try {
    for (const t of plan.targets) outs.push({ target: t, format: t.format, sink: await openSink(t.file, io) });
  } catch (e) {
    for (const o of outs) await o.sink.discard();
    throw e;
  }
  const jsonOuts = outs.filter((o) => o.format === 'json');
  const head = { tool: toolInfo(), rubric: rubricInfo(plan.rubric), rules: ruleInfo(plan.rubric) };
  const summary = emptySummary();
  const progress = startProgress(plan, io);
  // Every output a regular JSON file: offerings go straight in (the first output's offsets are kept).
  const files = outs.map((o) => o.sink.file);
  const direct = files.every((f) => f !== null) && jsonOuts.length === outs.length;
  // The spool's folder is made only when a spool is needed (most runs to files need none).
  let tmpDir: string | null = null;
  let forgetTmpDir = () => {};
  const makeTmpDir = async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'mcaudit-stream-'));
    // Retried: the spool file may be being created in it (on the thread pool) right then.
    forgetTmpDir = onInterrupt(() => rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 10 }));
    return dir;
  };
  const spoolFile = async () => path.join((tmpDir ??= await makeTmpDir()), 'offerings.json');
  // What goes wrong with the spool is the machine's, not a bug: said plainly (exit 2).
  const spoolFailed = (e: unknown) => new UsageError(`cannot write a temporary file in ${tmpdir()} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); set TMPDIR to a writable folder with room for the report`);
  const toSpool = async (chunks: Uint8Array[]) => {
    try {
      await spool!.writev(chunks);
    } catch (e) {
      throw spoolFailed(e);
    }
  };
  let spool: FileHandle | null = null;
  const lights: OfferingReport[] = [];
  // The gate needs the findings at or above --fail-on and, with --max-warnings, the warnings;
  // the waivers summary needs the waived ones; a baseline counts every finding by rule.
  const { atOrAbove } = await import('../engine/gate.js');
  const { failOn, maxWarnings } = plan.flags;
  const keepFindings = plan.waivers.length > 0 || failOn !== undefined || maxWarnings !== undefined || plan.baseline !== undefined;
  const light = lightMaker(plan.baseline ? () => true : (f) => f.waived === true || atOrAbove(f.severity, failOn) || (maxWarnings !== undefined && f.severity === 'warning'));
  // Where each rendered offering is, in the first output (direct) or the spool.
  const offsets: number[] = [];
  const sizes: number[] = [];
  const collector = catalogCollector(plan);
  let n = 0;
  try {
    let spooledBytes = 0;
    let pending: Uint8Array[] = [];
    let pendingBytes = 0;
    if (direct) for (const o of outs) await o.sink.write(jsonHead(head));
    else {
      try {
        spool = await open(await spoolFile(), 'w+');
      } catch (e) {
        // No spool at all: the run can still hold its report in memory (runAudit falls back).
        throw new SpoolUnavailable(spoolFailed(e).message);
      }
    }
    const options = { rubric: plan.rubric, ctx: plan.ctx, waivers: plan.waivers, maxFileSize: plan.flags.maxFileSize ?? DEFAULT_MAX_FILE_SIZE, renderJson: true, keepFindings, concurrency: plan.flags.concurrency };
    for await (const { file, source, items } of auditedStream(plan.files, options)) {
      // The same path as the file list's, kept once.
      if (source?.file === file.rel) source.file = file.rel;
      collector.onSource(file, source);
      for (const a of items) {
        const r = a.report;
        const rendered = a.json!;
        collector.onEntry(a.competency);
        if (direct) {
          for (const o of outs) await o.sink.write(jsonBefore(n));
          offsets.push(files[0]!.written);
          // Rendered bytes were handed over by the worker: written without a copy.
          for (const o of outs) await o.sink.write(rendered, true);
        } else {
          offsets.push(spooledBytes);
          spooledBytes += rendered.byteLength;
          pending.push(rendered);
          pendingBytes += rendered.byteLength;
          if (pendingBytes > 1 << 18) {
            await toSpool(pending);
            pending = [];
            pendingBytes = 0;
          }
        }
        sizes.push(rendered.byteLength);
        lights.push(light(r, file.rel));
        addToSummary(summary, r.decision);
        n++;
        progress?.offering(r.file);
      }
    }
    if (pending.length) await toSpool(pending);
    const catalog = withCatalog({ ...head, offerings: lights, summary }, await collector.input());
    if (plan.baseline) {
      const { compareBaseline } = await import('../engine/baseline.js');
      catalog.baseline = compareBaseline(catalog, plan.baseline.data, plan.baseline.file).summary;
    }
    const patched = catalog.offerings.some((o) => o.duplicates);
    if (direct && patched) {
      // A copy of the first output, as written so far, becomes the spool; every output starts again.
      await files[0]!.flush();
      try {
        const copy = await spoolFile();
        await copyFile(files[0]!.path, copy);
        spool = await open(copy, 'r');
      } catch (e) {
        throw spoolFailed(e);
      }
      for (const f of files) await f!.restart();
    }
    if (!direct || patched) {
      const fd = spool!.fd;
      // Each offering's bytes, with its near-duplicate fields. Duplicates and their group come
      // last in an offering, as withCatalog adds them.
      const offeringBytes = function* () {
        let i = 0;
        for (const rendered of spooled(fd, offsets, sizes)) {
          const { duplicates, duplicateGroup } = catalog.offerings[i++]!;
          yield duplicates ? withTrailingFields(rendered, { duplicates, duplicateGroup }) : rendered;
          progress?.wrote();
        }
      };
      const offerings = function* (): Generator<OfferingReport> {
        for (const json of offeringBytes()) yield JSON.parse(Buffer.from(json.buffer, json.byteOffset, json.byteLength).toString('utf8')) as OfferingReport;
      };
      // The bar shows each file written; it hides when any output goes to stdout or a stream
      // (the terminal, perhaps), whose text is held until the end.
      const toStream = outs.some((o) => o.sink.file === null);
      if (toStream) progress?.hide();
      // In the order given (two of them may be one stream, /dev/stdout and stdout).
      for (const o of outs) {
        if (!toStream) progress?.writing(o.target.file ?? '', n, formatPasses[o.format]);
        if (o.format === 'json') {
          await o.sink.write(jsonHead(head));
          let i = 0;
          for (const json of offeringBytes()) {
            await o.sink.write(jsonBefore(i++));
            await o.sink.write(json);
            await breathe();
          }
          await o.sink.write(jsonTail(catalog, n));
        } else await writePieces(formatParts[o.format](catalog, offerings, formatOptions(plan, o.target, io)), o.sink);
      }
    } else for (const o of outs) await o.sink.write(jsonTail(catalog, n));
    // Streams (stdout, a pipe) first: a reader that stalls must not hold a signal back.
    for (const o of outs) if (!o.sink.file) await o.sink.close();
    // Every file output is replaced, or (a signal meanwhile waits) none is.
    await uninterrupted(async () => {
      for (const o of outs) if (o.sink.file) await o.sink.close();
    });
    progress?.done();
    return catalog;
  } finally {
    progress?.done();
    // After an error, every output is left as it was.
    for (const o of outs) await o.sink.discard();
    await spool?.close();
    if (tmpDir) await rm(tmpDir, { recursive: true, force: true });
    forgetTmpDir();
  }
}
