import type { FailOn } from '../engine/gate.js';
import type { Report } from '../report.js';
import type { Decision } from '../types.js';

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
