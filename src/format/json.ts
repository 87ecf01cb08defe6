import type { Formatter } from './types.js';

/** The report as JSON (the documented shape; JSON.stringify escapes control characters). */
export const json: Formatter = (report) => JSON.stringify(report, null, 2) + '\n';
