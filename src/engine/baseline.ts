/**
 * Baselines for adopting mcaudit on an existing catalog. A baseline records, per offering,
 * its decision and how many findings each rule gave, with no line numbers, so it survives
 * edits. Comparing a report with a baseline tells what is new or worse (a rule that gives
 * more findings, a decision that dropped) and which entries are stale (an offering that is
 * gone, fewer findings than recorded, a better decision). Pure data: reading and writing
 * the file is the command's job.
 */
import { z } from 'zod';
import type { Report } from '../report.js';
import { OUTCOME_RANK } from '../report.js';
import type { Finding, OfferingReport, Outcome } from '../types.js';

export const BASELINE_FILE = 'mcaudit-baseline.json';

const outcomeSchema = z.enum(['approve', 'revise', 'reject', 'invalid']);

const entrySchema = z
  .object({
    id: z.string().nullable().optional(),
    title: z.string().nullable().optional(),
    decision: outcomeSchema,
    findings: z.record(z.string().min(1), z.number().int().positive()),
  })
  .strict();

export const baselineSchema = z
  .object({
    $schema: z.string().optional(),
    version: z.literal(1),
    tool: z.literal('mcaudit'),
    rubric: z.object({ id: z.string(), version: z.string() }).strict().optional(),
    offerings: z.record(z.string().min(1), entrySchema),
  })
  .strict();

export type Baseline = z.infer<typeof baselineSchema>;
export type BaselineEntry = z.infer<typeof entrySchema>;

/** How an offering is keyed in a baseline: its file, and `#index` inside a catalog file. */
export function offeringKey(o: Pick<OfferingReport, 'file' | 'index'>): string {
  return o.index === undefined ? o.file : `${o.file}#${o.index}`;
}

function sortedRecord<T>(rec: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.keys(rec).sort().map((k) => [k, rec[k]!]));
}

function countByRule(findings: readonly Finding[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const f of findings) counts[f.ruleId] = (counts[f.ruleId] ?? 0) + 1;
  return sortedRecord(counts);
}

/** One offering's baseline entry: its decision and a count of findings per rule. */
export function baselineEntry(o: Pick<OfferingReport, 'id' | 'title' | 'decision' | 'findings'>): BaselineEntry {
  return { id: o.id, title: o.title, decision: o.decision, findings: countByRule(o.findings) };
}

/** The baseline of these entries (by offering key), sorted so the file diffs cleanly. */
export function baselineOf(rubric: Pick<Report['rubric'], 'id' | 'version'>, entries: Record<string, BaselineEntry>): Baseline {
  return { version: 1, tool: 'mcaudit', rubric: { id: rubric.id, version: rubric.version }, offerings: sortedRecord(entries) };
}

/** The baseline for a report. */
export function buildBaseline(report: Report): Baseline {
  const entries: Record<string, BaselineEntry> = {};
  for (const o of report.offerings) entries[offeringKey(o)] = baselineEntry(o);
  return baselineOf(report.rubric, entries);
}

/** Validate parsed baseline JSON; returns the baseline or one line per problem. */
export function parseBaseline(json: unknown): { ok: true; baseline: Baseline } | { ok: false; problems: string[] } {
  const r = baselineSchema.safeParse(json);
  if (r.success) return { ok: true, baseline: r.data };
  return { ok: false, problems: r.error.issues.map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`) };
}

/** One difference between a report and its baseline. `rule` null: about the decision or the whole offering. */
export interface BaselineDelta {
  offering: string;
  rule: string | null;
  /** The baseline's count or decision; null when the offering is not in the baseline. */
  baseline: number | Outcome | null;
  /** The current count or decision; null when the offering is no longer reported. */
  current: number | Outcome | null;
}

/** What the JSON report carries under `baseline` when `--baseline` is given. */
export interface BaselineReport {
  file: string;
  /** Offerings found in the baseline. */
  matched: number;
  /** Offerings not in the baseline: gated as without one. */
  new: string[];
  /** New findings (a rule's count grew) and dropped decisions. */
  worse: BaselineDelta[];
  /** Entries that no longer match: gone offerings, fewer findings, better decisions. */
  stale: BaselineDelta[];
}

/** Per offering of the report: its baseline entry (if any) and what is new in it. */
export interface OfferingComparison {
  entry: BaselineEntry | null;
  decisionDropped: boolean;
  /** The findings beyond the baseline's counts (for a new offering, all of them). */
  newFindings: Finding[];
}

export interface BaselineComparison {
  summary: BaselineReport;
  /** By offering key. */
  offerings: Map<string, OfferingComparison>;
}

const SEVERITY_RANK = { error: 0, warning: 1, info: 2 } as const;

/**
 * Compare a report with a baseline. Offerings are matched by key (file, and index in a
 * catalog) unless both sides state ids that differ; one not matched by key is matched by its
 * id when exactly one unused baseline entry has that id (a renamed file, a catalog entry that
 * moved). When a rule gives more findings than recorded, the new ones are taken to be the
 * most severe of its findings.
 */
export function compareBaseline(report: Report, baseline: Baseline, file: string): BaselineComparison {
  const entries = new Map(Object.entries(baseline.offerings));
  const keys = report.offerings.map(offeringKey);
  const summary: BaselineReport = { file, matched: 0, new: [], worse: [], stale: [] };
  const offerings = new Map<string, OfferingComparison>();

  // Match by key, unless both sides have ids and they differ (entries of a catalog moved);
  // then by id, when exactly one unused entry has it (a renamed file, a moved entry).
  const matchOf: (string | undefined)[] = report.offerings.map((o, i) => {
    const e = entries.get(keys[i]!);
    return e && !(e.id && o.id && e.id !== o.id) ? keys[i] : undefined;
  });
  const used = new Set(matchOf.filter((k): k is string => k !== undefined));
  // The entries by id, with how many are unused: each offering looks up its id instead of
  // scanning every entry (a catalog audited against another one's baseline was quadratic).
  const byId = new Map<string, { keys: string[]; unused: number }>();
  for (const [k, e] of entries) {
    if (e.id === null || e.id === undefined) continue;
    let g = byId.get(e.id);
    if (!g) byId.set(e.id, (g = { keys: [], unused: 0 }));
    g.keys.push(k);
    if (!used.has(k)) g.unused++;
  }
  report.offerings.forEach((o, i) => {
    if (matchOf[i] !== undefined || o.id === null) return;
    const g = byId.get(o.id);
    if (g?.unused === 1) {
      const k = g.keys.find((key) => !used.has(key))!;
      matchOf[i] = k;
      used.add(k);
      g.unused = 0;
    }
  });

  report.offerings.forEach((o, i) => {
    const key = keys[i]!;
    const entryKey = matchOf[i];
    if (entryKey === undefined) {
      summary.new.push(key);
      offerings.set(key, { entry: null, decisionDropped: false, newFindings: o.findings });
      return;
    }
    const entry = entries.get(entryKey)!;
    summary.matched++;
    const decisionDropped = OUTCOME_RANK[o.decision] > OUTCOME_RANK[entry.decision];
    if (decisionDropped) summary.worse.push({ offering: key, rule: null, baseline: entry.decision, current: o.decision });
    else if (OUTCOME_RANK[o.decision] < OUTCOME_RANK[entry.decision]) summary.stale.push({ offering: key, rule: null, baseline: entry.decision, current: o.decision });

    const byRule = new Map<string, Finding[]>();
    for (const f of o.findings) {
      const list = byRule.get(f.ruleId);
      if (list) list.push(f);
      else byRule.set(f.ruleId, [f]);
    }
    const newFindings: Finding[] = [];
    const rules = [...new Set([...byRule.keys(), ...Object.keys(entry.findings)])].sort();
    for (const rule of rules) {
      const now = byRule.get(rule) ?? [];
      const was = entry.findings[rule] ?? 0;
      if (now.length > was) {
        summary.worse.push({ offering: key, rule, baseline: was, current: now.length });
        newFindings.push(...[...now].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]).slice(0, now.length - was));
      } else if (now.length < was) {
        summary.stale.push({ offering: key, rule, baseline: was, current: now.length });
      }
    }
    offerings.set(key, { entry, decisionDropped, newFindings });
  });

  for (const k of [...entries.keys()].filter((k) => !used.has(k)).sort()) summary.stale.push({ offering: k, rule: null, baseline: entries.get(k)!.decision, current: null });
  return { summary, offerings };
}

/** One line for a delta, e.g. `a.md: calibration 1 → 2` or `b.md: no longer audited (was revise)`. */
export function describeDelta(d: BaselineDelta): string {
  if (d.current === null) return `${d.offering}: in the baseline (${String(d.baseline)}) but no longer audited`;
  if (d.rule === null) return `${d.offering}: decision ${String(d.baseline)} → ${String(d.current)}`;
  return `${d.offering}: ${d.rule} findings ${String(d.baseline)} → ${String(d.current)}`;
}
