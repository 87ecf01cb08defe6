/**
 * Shared views of a report for the filed formats (HTML, Markdown, CSV): counts, level
 * distributions, weakest aspects. Plain data; each format escapes at its own boundary.
 */
import type { DuplicateGroupReport } from '../catalog.js';
import { catalogStats, type Report } from '../report.js';
import { ASPECT_IDS, type AspectId, type DuplicateRef, type Finding, type OfferingReport } from '../types.js';

/** `file` or `file [index]`. */
export function offeringLabel(o: Pick<OfferingReport, 'file' | 'index'>): string {
  return o.index === undefined ? o.file : `${o.file} [${o.index}]`;
}

/**
 * Another offering named in a report (a near-duplicate, a group's member): its id and its
 * file, `MC-1 — cat/a.md`, or the file alone when it has no id. Copies often share an id,
 * so the id alone would name several offerings the same.
 */
export function refLabel(r: Pick<OfferingReport, 'file' | 'index' | 'id'>): string {
  return r.id === null ? offeringLabel(r) : `${r.id} — ${offeringLabel(r)}`;
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

export function catalogView(report: { readonly offerings: readonly Pick<OfferingReport, 'aspects'>[] }): CatalogView {
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

export interface DuplicatesView {
  shown: DuplicateRef[];
  /** The offering's group, when it has offerings beyond the offering and those shown. */
  group: DuplicateGroupReport | null;
}

/** What the filed formats show of an offering's near-duplicates; null when it has none. */
export function duplicatesView(report: Pick<Report, 'duplicateGroups'>, o: OfferingReport): DuplicatesView | null {
  const shown = o.duplicates ?? [];
  if (!shown.length) return null;
  const group = o.duplicateGroup === undefined ? undefined : report.duplicateGroups?.[o.duplicateGroup - 1];
  return { shown, group: group && group.size > shown.length + 1 ? group : null };
}

/**
 * "duplicate group 2 has 40 offerings", or "" when the group has no others. No document
 * text; `link` may wrap the words "duplicate group 2" (HTML links them).
 */
export function duplicatesNote(v: DuplicatesView, link = (words: string, _group: number) => words): string {
  return v.group ? `${link(`duplicate group ${v.group.group}`, v.group.group)} has ${v.group.size.toLocaleString('en-US')} offerings` : '';
}

/** A group's similarity range: "0.87" or "0.87–1.00". */
export function similarityRange(g: DuplicateGroupReport): string {
  return g.similarity.min === g.similarity.max ? g.similarity.min.toFixed(2) : `${g.similarity.min.toFixed(2)}–${g.similarity.max.toFixed(2)}`;
}

/** The duplicates of an offering as labels (refLabel) with their similarity, then the note naming its group when the group has more. */
export function duplicateLabels(report: Pick<Report, 'duplicateGroups'>, o: OfferingReport): string[] {
  const v = duplicatesView(report, o);
  if (!v) return [];
  const note = duplicatesNote(v);
  return [...v.shown.map((d) => `${refLabel(d)} (${d.similarity.toFixed(2)})`), ...(note ? [note] : [])];
}

export const LEVEL_NAMES = ['not evident', 'developing', 'proficient', 'exemplary'] as const;
