/**
 * Shared views of a report for the filed formats (HTML, Markdown, CSV): counts, level
 * distributions, weakest aspects. Plain data; each format escapes at its own boundary.
 */
import { catalogStats, type Report } from '../report.js';
import { ASPECT_IDS, type AspectId, type Finding, type OfferingReport } from '../types.js';

/** `file` or `file [index]`. */
export function offeringLabel(o: Pick<OfferingReport, 'file' | 'index'>): string {
  return o.index === undefined ? o.file : `${o.file} [${o.index}]`;
}

/** Findings that count (not waived), by severity. */
export function counts(o: OfferingReport): { errors: number; warnings: number; infos: number; waived: number } {
  const live = (f: Finding) => !f.waived;
  return {
    errors: o.findings.filter((f) => live(f) && f.severity === 'error').length,
    warnings: o.findings.filter((f) => live(f) && f.severity === 'warning').length,
    infos: o.findings.filter((f) => live(f) && f.severity === 'info').length,
    waived: o.findings.filter((f) => f.waived).length,
  };
}

export interface AspectView {
  aspect: AspectId;
  /** Offerings at level 0, 1, 2, 3. */
  distribution: [number, number, number, number];
  mean: number;
  /** Share of valid offerings below proficient (level < 2), 0-100 rounded. */
  belowProficient: number;
}

export interface CatalogView {
  valid: number;
  aspects: AspectView[];
  /** Aspects by mean level, lowest first (ties in report order). */
  weakest: AspectView[];
}

export function catalogView(report: Report): CatalogView {
  const valid = report.offerings.filter((o) => o.aspects !== null);
  const stats = catalogStats(report.offerings);
  const aspects = ASPECT_IDS.map((aspect): AspectView => {
    const distribution: [number, number, number, number] = [0, 0, 0, 0];
    for (const o of valid) distribution[o.aspects![aspect].level]++;
    const below = distribution[0] + distribution[1];
    return { aspect, distribution, mean: stats.meanLevels?.[aspect] ?? 0, belowProficient: valid.length ? Math.round((100 * below) / valid.length) : 0 };
  });
  const weakest = valid.length ? [...aspects].sort((a, b) => a.mean - b.mean || ASPECT_IDS.indexOf(a.aspect) - ASPECT_IDS.indexOf(b.aspect)) : [];
  return { valid: valid.length, aspects, weakest };
}

/** The duplicates of an offering as short labels: id, else file. */
export function duplicateLabels(o: OfferingReport): string[] {
  return (o.duplicates ?? []).map((d) => `${d.id ?? offeringLabel(d)} (${d.similarity.toFixed(2)})`);
}

export const LEVEL_NAMES = ['not evident', 'developing', 'proficient', 'exemplary'] as const;
