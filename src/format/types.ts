import type { Report } from '../report.js';

export interface FormatOptions {
  /** Use ANSI colour (text only). */
  color: boolean;
  /** Only the decision list and the summary, no tables or findings (text only). */
  quiet?: boolean;
}

/** A formatter is a pure function from a report to the text of one output. */
export type Formatter = (report: Report, options: FormatOptions) => string;
