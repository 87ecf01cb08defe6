/**
 * The formatter registry. `Record<Format, Formatter>` makes a format without a
 * formatter a compile error, and FORMATS feeds the CLI's choices.
 */
import { json } from './json.js';
import { text } from './text.js';
import type { Formatter } from './types.js';

export const FORMATS = ['text', 'json'] as const;
export type Format = (typeof FORMATS)[number];

export const formatters: Record<Format, Formatter> = { text, json };

export type { Formatter, FormatOptions } from './types.js';
