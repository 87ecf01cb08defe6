/**
 * The formatter registry. `Record<Format, Formatter>` makes a format without a
 * formatter a compile error, and FORMATS feeds the CLI's choices.
 */
import { csv } from './csv.js';
import { github } from './github.js';
import { html } from './html.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { markdown } from './markdown.js';
import { sarif } from './sarif.js';
import { text } from './text.js';
import type { Formatter } from './types.js';

export const FORMATS = ['text', 'json', 'html', 'markdown', 'csv', 'sarif', 'junit', 'github'] as const;
export type Format = (typeof FORMATS)[number];

export const formatters: Record<Format, Formatter> = { text, json, html, markdown, csv, sarif, junit, github };

export type { Formatter, FormatOptions } from './types.js';
