import type { FailOn } from '../engine/gate.js';
import type { Report } from '../report.js';
import type { Decision, OfferingReport } from '../types.js';

export interface FormatOptions {
  /** Use ANSI colour (text only). */
  color: boolean;
  /** Only the decision list and the summary, no tables or findings (text only). */
  quiet?: boolean;
  /** The gate (`--min-decision`, default approve): CI formats report offerings below it. */
  minDecision?: Decision;
  /** `--fail-on`: CI formats count an offering with a finding at or above it as failing (junit). */
  failOn?: FailOn;
}

/** A formatter is a pure function from a report to the text of one output. */
export type Formatter = (report: Report, options: FormatOptions) => string;

/**
 * What a format's catalog-wide parts (totals, charts, group tables) may read of each
 * offering. A streamed audit keeps only this much of each offering in memory (lightMaker in
 * src/commands/audit-stream.ts), and of the findings only what the gate needs, as rule,
 * severity and waiver mark: those at or above `--fail-on`, the waived ones, the warnings with
 * `--max-warnings`, all of them with `--baseline`. So `findings` here is for the gate's own
 * test (`offeringFails`) and nothing else; anything more comes from the full offerings.
 */
export type CatalogOffering = Pick<OfferingReport, 'file' | 'index' | 'id' | 'title' | 'provider' | 'decision' | 'aspects' | 'findings' | 'duplicates' | 'duplicateGroup'>;

/** A report as the catalog-wide parts see it: every catalog field, and each offering's CatalogOffering. */
export type CatalogReport = Omit<Report, 'offerings'> & { readonly offerings: readonly CatalogOffering[] };

/**
 * A format written in pieces, so that no output is ever one string: the pieces, in order,
 * joined, are the output. `offerings()` gives every full offering report in report order,
 * one at a time, and may be called again for a second pass (a table, then the details). A
 * streamed audit reads them back from disk; `whole` gives them from the report.
 */
export type PartsFormatter = (catalog: CatalogReport, offerings: () => Iterable<OfferingReport>, options: FormatOptions) => Iterable<string>;

/** The formatter that joins a PartsFormatter's pieces for a report held in memory. */
export function whole(parts: PartsFormatter): Formatter {
  return (report, options) => {
    let out = '';
    for (const piece of parts(report, () => report.offerings, options)) out += piece;
    return out;
  };
}

/** Lines as one piece, each ending with a newline. */
export function asLines(lines: readonly string[]): string {
  let out = '';
  for (const line of lines) out += `${line}\n`;
  return out;
}
