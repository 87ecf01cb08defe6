/**
 * The formatter registry. `Record<Format, …>` makes a format without a formatter a compile
 * error, and FORMATS feeds the CLI's choices. Each format is written in pieces
 * (`formatParts`, for outputs too big to hold as one string); its formatter joins them.
 */
import { csv, csvParts } from './csv.js';
import { github, githubParts } from './github.js';
import { html, htmlParts } from './html.js';
import { json, jsonParts } from './json.js';
import { junit, junitParts } from './junit.js';
import { markdown, markdownParts } from './markdown.js';
import { sarif, sarifParts } from './sarif.js';
import { text, textParts } from './text.js';
import type { Formatter, PartsFormatter } from './types.js';

export const FORMATS = ['text', 'json', 'html', 'markdown', 'csv', 'sarif', 'junit', 'github'] as const;
export type Format = (typeof FORMATS)[number];

export const formatters: Record<Format, Formatter> = { text, json, html, markdown, csv, sarif, junit, github };

export const formatParts: Record<Format, PartsFormatter> = {
  text: textParts,
  json: jsonParts,
  html: htmlParts,
  markdown: markdownParts,
  csv: csvParts,
  sarif: sarifParts,
  junit: junitParts,
  github: githubParts,
};

/**
 * How many times each format's pieces read the offerings (`offerings()`): the progress bar's
 * total while an output is written from the spool. A test checks it against the pieces.
 */
export const formatPasses: Record<Format, number> = { text: 1, json: 1, html: 2, markdown: 2, csv: 1, sarif: 1, junit: 1, github: 1 };

export type { CatalogReport, Formatter, FormatOptions, PartsFormatter } from './types.js';
