/**
 * The configuration file: `mcaudit.config.json` or `.mcauditrc.json`. Strict: an unknown
 * key is an error (with a "did you mean"), so a typo never silently does nothing.
 */
import { z } from 'zod';
import { FORMATS } from '../format/index.js';
import { nearest } from '../rubric/load.js';
import { DECISIONS, SEVERITIES } from '../types.js';

/** Config file names looked for, in this order, in each folder from the working directory up. */
export const CONFIG_NAMES = ['mcaudit.config.json', '.mcauditrc.json'] as const;

const glob = z.string().min(1);

export const configSchema = z
  .strictObject({
    $schema: z.string().optional(),
    rubric: z.string().min(1).optional().describe('A built-in rubric name (default, strict) or a rubric file, relative to this config file.'),
    include: z.array(glob).optional().describe('Globs (relative to this config file) a file found in a folder must match to be audited, e.g. "catalog/**/*.md".'),
    exclude: z.array(glob).optional().describe('Patterns in .gitignore syntax (relative to this config file) for files and folders to leave out.'),
    formats: z
      .array(
        z.string().superRefine((spec, ctx) => {
          const name = spec.split(':')[0]!;
          if (!(FORMATS as readonly string[]).includes(name)) {
            const near = nearest(name, FORMATS);
            ctx.addIssue({ code: 'custom', message: `unknown format "${name}"${near ? ` (did you mean "${near}"?)` : ` (choose from ${FORMATS.join(', ')})`}` });
          }
        }),
      )
      .optional()
      .describe('Output formats, each "format" or "format:file" (file relative to this config file), as --format.'),
    gate: z
      .strictObject({
        minDecision: z.enum(DECISIONS.filter((d) => d !== 'reject') as ['approve', 'revise']).optional().describe('As --min-decision.'),
        failOn: z.enum([...SEVERITIES, 'none']).optional().describe('As --fail-on: findings at or above this severity fail the run (none: findings alone never do).'),
        maxWarnings: z.number().int().min(0).optional().describe('As --max-warnings: more warnings than this fail the run.'),
      })
      .optional()
      .describe('When the run fails (exit 1).'),
    waivers: z.string().min(1).optional().describe('A waivers file, relative to this config file.'),
    baseline: z.string().min(1).optional().describe('A baseline file (as --baseline), relative to this config file.'),
  })
  .describe('mcaudit configuration (see README, "Configuration").');

export type ConfigFile = z.output<typeof configSchema>;
