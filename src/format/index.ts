/**
 * The formatter registry. `Record<Format, Formatter>` makes a format without a
 * formatter a compile error, and FORMATS feeds the CLI's choices.
 */
import { csv } from './csv.js';
import { html } from './html.js';
import { json } from './json.js';
import { markdown } from './markdown.js';
import { text } from './text.js';
import type { Formatter } from './types.js';

export const FORMATS = ['text', 'json', 'html', 'markdown', 'csv'] as const;
export type Format = (typeof FORMATS)[number];

export const formatters: Record<Format, Formatter> = { text, json, html, markdown, csv };

export type { Formatter, FormatOptions } from './types.js';
