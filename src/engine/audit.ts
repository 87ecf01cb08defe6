/**
 * The audit pipeline: load each file, normalise each offering, run the rules, score,
 * decide. Pure data in, data out; no console, no colour.
 */
import type { Entry, LoadOptions } from '../load/file.js';
import { fileEntriesSync, invalid } from '../load/file.js';
import { breathe } from '../interrupt.js';
import { sourceOf } from '../load/sources.js';
import { offeringBytes } from '../format/json.js';
import type { SourceFile } from '../catalog.js';
import type { InputFile } from '../load/discover.js';
import { providerName } from '../model/offering.js';
import type { RuleContext } from '../rules/define.js';
import type { Rubric } from '../rubric/load.js';
import type { Finding, OfferingReport } from '../types.js';
import type { Waiver } from '../load/waivers.js';
import { runRules } from './run.js';
import { applyWaivers, waiveFindings, waiversFor } from './waivers.js';
import { decide, overallScore, scoreAspects } from './score.js';

const SEVERITY_RANK = { error: 0, warning: 1, info: 2 } as const;

/** Stable finding order: line, column, severity, rule id. Findings without a line come first. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0) ||
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)
  );
}

/** Score and decide one loaded entry. */
export function auditEntry(entry: Entry, rubric: Rubric, ctx: RuleContext, waivers: readonly Waiver[] = []): OfferingReport {
  if (entry.kind === 'invalid') {
    const r: OfferingReport = {
      file: entry.file,
      id: entry.id ?? null,
      title: entry.title ?? null,
      provider: null,
      decision: 'invalid',
      score: null,
      aspects: null,
      findings: [entry.finding],
      reasons: [`could not be read: ${entry.finding.message}`],
    };
    if (entry.index !== undefined) r.index = entry.index;
    return withIndexFirst(r);
  }
  const { doc } = entry;
  // Waived rules score as passed; their findings stay, marked waived, and do not count.
  const waived = waiversFor(waivers, doc.file, doc.data.id);
  const outcomes = applyWaivers(runRules(doc, rubric.rules, ctx), waived);
  const findings = [...waiveFindings(entry.findings, waived), ...outcomes.flatMap((o) => o.findings)].sort(compareFindings);
  const aspects = scoreAspects(outcomes, rubric.file);
  const { decision, reasons } = decide(outcomes, aspects, findings.filter((f) => !f.waived), rubric.file);
  const r: OfferingReport = {
    file: doc.file,
    id: doc.data.id ?? null,
    title: doc.data.title ?? null,
    provider: providerName(doc.data.provider),
    decision,
    score: overallScore(aspects, rubric.file),
    aspects,
    findings,
    reasons,
  };
  if (doc.index !== undefined) r.index = doc.index;
  return withIndexFirst(r);
}

/** Key order of the JSON shape: file, index, id, … */
function withIndexFirst(r: OfferingReport): OfferingReport {
  const { file, index, ...rest } = r;
  return index === undefined ? { file, ...rest } : { file, index, ...rest };
}

export interface AuditOptions extends LoadOptions {
  rubric: Rubric;
  ctx: RuleContext;
  /** Reviewer waivers (`--waivers`). */
  waivers?: readonly Waiver[];
  /** Called with each offering's competency statement (null when none) and its report, in report order. */
  onEntry?: (competency: string | null, report: OfferingReport) => void;
  /** Called with each input file and the hash of its bytes (null when it was not read), before its offerings. */
  onSource?: (file: InputFile, source: SourceFile | null) => void;
  /**
   * Worker threads for big catalogs: a number, or undefined for one per core when the
   * catalog is big enough to pay for starting them (see src/engine/pool.ts). 0 or 1: none.
   */
  concurrency?: number;
  /**
   * Render each offering as report JSON where it is audited (`Audited.json`) and pass on
   * only the report's catalog fields (no findings or reasons): the streamed JSON path.
   */
  renderJson?: boolean;
  /** With `renderJson`: pass on each finding's rule, severity and waiver mark (for the gate and waivers). */
  keepFindings?: boolean;
}

/** One audited offering, as the audit paths pass it on. */
export interface Audited {
  report: OfferingReport;
  /** The competency statement, for catalog-wide comparison (null when absent or invalid). */
  competency: string | null;
  /**
   * With `renderJson`: the offering as report JSON, UTF-8 (a worker hands the bytes over
   * without a copy); `report` then has no reasons, and no findings but with `keepFindings`
   * their rule, severity and waiver mark.
   */
  json?: Uint8Array;
}

/** One input file, audited: its offerings, and the sha256 of its bytes for the audit trail. */
export interface AuditedFile {
  /** Null when the file was not read (not a regular file, too large, unreadable): hash it apart. */
  source: SourceFile | null;
  items: Audited[];
}

/** What the gate and the waivers summary need of a finding. */
function slimFinding(f: Finding): Finding {
  const slim = { ruleId: f.ruleId, severity: f.severity } as Finding;
  if (f.waived) slim.waived = true;
  return slim;
}

/** Load one input file and audit every offering in it. Synchronous and pure but for the read. */
export function auditInput(f: InputFile, options: Omit<AuditOptions, 'onEntry' | 'onSource' | 'concurrency'>): AuditedFile {
  const steps = auditSteps(f, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * `auditInput` in this thread, giving the event loop a turn between offerings now and then
 * (`breathe`), so that Ctrl-C stops a big catalog file at once, not when it is done.
 */
export async function auditInputHere(f: InputFile, options: Omit<AuditOptions, 'onEntry' | 'onSource' | 'concurrency'>): Promise<AuditedFile> {
  const steps = auditSteps(f, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await breathe();
  }
}

/** `auditInput`'s work, one offering per step; returns the audited file. */
function* auditSteps(f: InputFile, options: Omit<AuditOptions, 'onEntry' | 'onSource' | 'concurrency'>): Generator<void, AuditedFile> {
  let source: SourceFile | null = null;
  // A JSON catalog's entries are built one at a time: each document is dropped once audited.
  const entries = f.problem ? [invalid(f.rel, f.problem)] : fileEntriesSync(f.abs, f.rel, options, (buf) => (source = sourceOf(f.rel, buf)));
  const items: Audited[] = [];
  for (const e of entries) {
    const report = auditEntry(e, options.rubric, options.ctx, options.waivers);
    const competency = e.kind === 'offering' ? (e.doc.data.competency ?? null) : null;
    if (!options.renderJson) items.push({ report, competency });
    else {
      const findings = options.keepFindings ? report.findings.map((f) => slimFinding(f)) : [];
      items.push({ report: { ...report, findings, reasons: [] }, competency, json: offeringBytes(report) });
    }
    yield;
  }
  return { source, items };
}

/**
 * Audit files, yielding each offering's report as soon as it is ready, in input order.
 * Big catalogs are audited by worker threads (src/engine/pool.ts); the reports are the same.
 */
export async function* auditFiles(files: readonly InputFile[], options: AuditOptions): AsyncGenerator<OfferingReport> {
  const { auditedStream } = await import('./pool.js');
  for await (const { file, source, items } of auditedStream(files, options)) {
    options.onSource?.(file, source);
    for (const a of items) {
      options.onEntry?.(a.competency, a.report);
      yield a.report;
    }
  }
}
