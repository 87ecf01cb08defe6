/**
 * The report: what every formatter renders. Its JSON form is a public interface
 * (documented in README); change it only by adding fields.
 */
import { readFileSync } from 'node:fs';
import { PACKAGE_JSON } from './paths.js';
import type { BaselineReport } from './engine/baseline.js';
import type { DuplicateGroupReport, DuplicatePairReport, ProviderSummary, SourceFile, WaiverSummary } from './catalog.js';
import type { Rubric } from './rubric/load.js';
import { ASPECT_IDS, DECISIONS, type AspectId, type Outcome, type OfferingReport, type Severity, type Summary } from './types.js';

export interface ToolInfo {
  name: string;
  version: string;
}

export interface RuleInfo {
  id: string;
  aspect: AspectId;
  severity: Severity;
  points: number;
  blocking: boolean;
  description: string;
}

export interface Report {
  tool: ToolInfo;
  rubric: { id: string; title: string; version: string; sha256: string };
  rules: RuleInfo[];
  offerings: OfferingReport[];
  summary: Summary;
  /** Present only with `audit --baseline`: what is new, worse or stale against it. */
  baseline?: BaselineReport;
  /** Catalog fields, set by `audit` (src/catalog.ts): when, from which bytes, waivers, duplicates and their groups, providers. */
  generated?: string;
  sources?: SourceFile[];
  waivers?: WaiverSummary;
  duplicates?: DuplicatePairReport[];
  duplicateGroups?: DuplicateGroupReport[];
  providers?: ProviderSummary[];
}

let cachedVersion: string | undefined;
/** mcaudit's own version, from package.json. */
export function toolInfo(): ToolInfo {
  cachedVersion ??= (JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as { version: string }).version;
  return { name: 'mcaudit', version: cachedVersion };
}

export function rubricInfo(rubric: Rubric): Report['rubric'] {
  return { id: rubric.file.id, title: rubric.file.title, version: rubric.file.version, sha256: rubric.sha256 };
}

export function ruleInfo(rubric: Rubric): RuleInfo[] {
  return rubric.rules.map((rr) => ({
    id: rr.rule.id,
    aspect: rr.rule.aspect,
    severity: rr.severity,
    points: rr.points,
    blocking: rr.blocking,
    description: rr.rule.description,
  }));
}

export function emptySummary(): Summary {
  return { offerings: 0, approve: 0, revise: 0, reject: 0, invalid: 0 };
}

export function addToSummary(s: Summary, decision: Outcome): void {
  s.offerings++;
  s[decision]++;
}

export function buildReport(rubric: Rubric, offerings: OfferingReport[]): Report {
  const summary = emptySummary();
  for (const o of offerings) addToSummary(summary, o.decision);
  return { tool: toolInfo(), rubric: rubricInfo(rubric), rules: ruleInfo(rubric), offerings, summary };
}

export interface CatalogStats {
  /** Mean level (0-3) per aspect over valid offerings, or null when there are none. */
  meanLevels: Record<AspectId, number> | null;
  /** The aspect with the lowest mean level. */
  weakest: AspectId | null;
}

export function catalogStats(offerings: readonly Pick<OfferingReport, 'aspects'>[]): CatalogStats {
  const valid = offerings.filter((o) => o.aspects !== null);
  if (!valid.length) return { meanLevels: null, weakest: null };
  const meanLevels = {} as Record<AspectId, number>;
  let weakest: AspectId | null = null;
  for (const a of ASPECT_IDS) {
    const mean = valid.reduce((s, o) => s + o.aspects![a].level, 0) / valid.length;
    meanLevels[a] = Math.round(mean * 100) / 100;
    if (weakest === null || meanLevels[a] < meanLevels[weakest]) weakest = a;
  }
  return { meanLevels, weakest };
}

/** Decision order, best first; `invalid` ranks below every decision. */
export const OUTCOME_RANK: Record<Outcome, number> = { approve: 0, revise: 1, reject: 2, invalid: 3 };

/** Whether an offering's outcome meets the gate (`--min-decision`). */
export function meetsGate(outcome: Outcome, min: (typeof DECISIONS)[number]): boolean {
  return OUTCOME_RANK[outcome] <= OUTCOME_RANK[min];
}
