/**
 * CSV for a reviewer's spreadsheet: one row per offering (RFC 4180, CRLF, a header row).
 * Cells a spreadsheet would run as a formula are neutralised (src/format/escape.ts).
 */
import type { Report } from '../report.js';
import { ASPECT_IDS, type OfferingReport } from '../types.js';
import { csvRow } from './escape.js';
import { whole, type Formatter, type PartsFormatter } from './types.js';
import { counts, duplicateLabels } from './view.js';

export const CSV_COLUMNS = [
  'file',
  'index',
  'id',
  'title',
  'provider',
  'decision',
  'score',
  ...ASPECT_IDS,
  'errors',
  'warnings',
  'first_reason',
  'waived',
  'possible_duplicates',
] as const;

/** One offering's CSV row; `report` gives its near-duplicate group (for the note). */
export function csvOfferingRow(report: Pick<Report, 'duplicateGroups'>, o: OfferingReport): string {
  const c = counts(o);
  return csvRow([
    o.file,
    o.index ?? null,
    o.id,
    o.title,
    o.provider,
    o.decision,
    o.score,
    ...ASPECT_IDS.map((a) => (o.aspects ? o.aspects[a].level : null)),
    c.errors,
    c.warnings,
    o.reasons[0] ?? null,
    c.waived,
    duplicateLabels(report, o).join('; ') || null,
  ]);
}

/** The header row, then a row per offering. */
export const csvParts: PartsFormatter = function* (report, offerings) {
  yield csvRow(CSV_COLUMNS);
  for (const o of offerings()) yield csvOfferingRow(report, o);
};

export const csv: Formatter = whole(csvParts);
