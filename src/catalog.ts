/**
 * The catalog view of a report: the audit trail (generation time, source hashes),
 * reviewer waivers, possible duplicates and the by-provider summary. Pure functions
 * of data already collected; the command layer reads the files.
 */
import type { DuplicateResult } from './compare/duplicates.js';
import { staleWaivers } from './engine/waivers.js';
import type { Waiver } from './load/waivers.js';
import type { Report } from './report.js';
import { ASPECT_IDS, type AspectId, type DuplicateRef, type OfferingReport } from './types.js';

export interface SourceFile {
  /** Display path, as in the offerings. */
  file: string;
  /** sha256 of the file's bytes, or null when it could not be read. */
  sha256: string | null;
  bytes: number | null;
}

export interface OfferingRef {
  file: string;
  index?: number;
  id: string | null;
  title: string | null;
}

export interface DuplicatePairReport {
  a: OfferingRef;
  b: OfferingRef;
  similarity: number;
}

/** Offerings linked by near-duplicate competency statements, directly or through others. */
export interface DuplicateGroupReport {
  /** 1, 2, …: groups in the order of their first offering. */
  group: number;
  size: number;
  /** Lowest and highest similarity of the group's listed pairs. */
  similarity: { min: number; max: number };
  offerings: OfferingRef[];
}

export interface ProviderSummary {
  /** Provider name, or null for offerings that name none. */
  provider: string | null;
  offerings: number;
  approve: number;
  revise: number;
  reject: number;
  invalid: number;
  /** Mean level (0-3) per aspect over the provider's valid offerings, two decimals; null when none is valid. */
  meanLevels: Record<AspectId, number> | null;
}

export interface WaiverSummary {
  /** The waivers file as given, or null when no waivers were given. */
  file: string | null;
  /** Number of findings waived. */
  waived: number;
  /** Waivers that matched no finding (their offering is absent or the rule found nothing there). */
  stale: Waiver[];
}

export interface CatalogInput {
  /** When the report was generated (SOURCE_DATE_EPOCH when set). */
  generated: Date;
  sources: SourceFile[];
  /**
   * Near-duplicate competency statements (src/compare/duplicates.ts): pairs and groups, as
   * indexes into the report's offerings.
   */
  duplicates: DuplicateResult;
  waivers: readonly Waiver[];
  waiversFile: string | null;
}

function ref(o: OfferingReport): OfferingRef {
  return o.index === undefined ? { file: o.file, id: o.id, title: o.title } : { file: o.file, index: o.index, id: o.id, title: o.title };
}

function dupRef(o: OfferingReport, similarity: number): DuplicateRef {
  return { ...ref(o), similarity };
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function providerSummaries(offerings: readonly OfferingReport[]): ProviderSummary[] {
  const by = new Map<string | null, OfferingReport[]>();
  for (const o of offerings) {
    const list = by.get(o.provider);
    if (list) list.push(o);
    else by.set(o.provider, [o]);
  }
  const out: ProviderSummary[] = [];
  for (const [provider, list] of by) {
    const valid = list.filter((o) => o.aspects !== null);
    let meanLevels: Record<AspectId, number> | null = null;
    if (valid.length) {
      meanLevels = {} as Record<AspectId, number>;
      for (const a of ASPECT_IDS) meanLevels[a] = Math.round((100 * valid.reduce((s, o) => s + o.aspects![a].level, 0)) / valid.length) / 100;
    }
    const count = (d: string) => list.filter((o) => o.decision === d).length;
    out.push({ provider, offerings: list.length, approve: count('approve'), revise: count('revise'), reject: count('reject'), invalid: count('invalid'), meanLevels });
  }
  // Named providers by name; offerings without a provider last.
  return out.sort((x, y) => (x.provider === null ? 1 : y.provider === null ? -1 : compareText(x.provider, y.provider)));
}

/**
 * Add the catalog fields to a report: `generated`, `sources`, `waivers`, `duplicates` and
 * `duplicateGroups` (and each offering's `duplicates` and `duplicateGroup`), `providers`.
 * Returns a new report.
 */
export function withCatalog(report: Report, input: CatalogInput): Report {
  const { partners, pairs, groups } = input.duplicates;
  const offs = report.offerings;
  const groupOf = new Map<number, number>();
  const groupReports = groups.map((members, g): DuplicateGroupReport => {
    for (const i of members) groupOf.set(i, g + 1);
    return { group: g + 1, size: members.length, similarity: { min: 1, max: 0 }, offerings: members.map((i) => ref(offs[i]!)) };
  });
  for (const p of pairs) {
    const s = groupReports[groupOf.get(p.a)! - 1]!.similarity;
    s.min = Math.min(s.min, p.similarity);
    s.max = Math.max(s.max, p.similarity);
  }
  const offerings = offs.map((o, i) => {
    const d = partners.get(i);
    return d ? { ...o, duplicates: d.map((p) => dupRef(offs[p.index]!, p.similarity)), duplicateGroup: groupOf.get(i)! } : o;
  });
  const waived = offerings.reduce((n, o) => n + o.findings.filter((f) => f.waived).length, 0);
  return {
    ...report,
    offerings,
    generated: input.generated.toISOString(),
    sources: [...input.sources].sort((a, b) => compareText(a.file, b.file)),
    waivers: { file: input.waiversFile, waived, stale: staleWaivers(input.waivers, offerings) },
    duplicates: pairs.map((p) => ({ a: ref(offs[p.a]!), b: ref(offs[p.b]!), similarity: p.similarity })),
    duplicateGroups: groupReports,
    providers: providerSummaries(offerings),
  };
}
