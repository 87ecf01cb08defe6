/**
 * The rubric file format. A rubric holds everything a state may want to change:
 * aspect weights, level thresholds, the decision policy, and per-rule settings
 * (enabled, severity, points, blocking, parameters).
 */
import { z } from 'zod';
import { ASPECT_IDS, SEVERITIES } from '../types.js';

const aspectId = z.enum(ASPECT_IDS);
const level = z.number().int().min(0).max(3);

/** One of the five aspects, as a rubric states it. */
const aspectSchema = z.strictObject({
  id: aspectId,
  title: z.string().min(1),
  description: z.string().min(1),
  weight: z.number().min(0).max(100),
});

export const ruleSettingsSchema = z.strictObject({
  enabled: z.boolean().default(true),
  severity: z.enum(SEVERITIES),
  /** Points the rule is worth within its aspect. */
  points: z.number().min(0).max(1000),
  /** A failed blocking rule sets its aspect to 0. */
  blocking: z.boolean().default(false),
  /** When the rule fails outright, its aspect's level is at most this (e.g. 1 = developing). */
  maxLevelWhenFailed: level.optional(),
  params: z.record(z.string(), z.unknown()).default({}),
});

export const decisionPolicySchema = z.strictObject({
  reject: z.strictObject({
    /** Reject when any blocking rule fails. */
    anyBlockingRule: z.boolean(),
    /** Reject when any of these rules fails (e.g. a participation badge with no practice artifact). */
    rules: z.array(z.string()),
    /** Reject when any of these aspects is at level 0 (not evident). */
    aspectsAtLevel0: z.array(aspectId),
  }),
  approve: z.strictObject({
    /** Minimum level per aspect for approval. */
    minLevels: z.partialRecord(aspectId, level),
    /** Most error findings an approved offering may have. */
    maxErrors: z.number().int().min(0),
    /** Rules that must pass for approval (a state may require calibration, say). */
    requiredRules: z.array(z.string()).default([]),
  }),
});

export const comparisonSchema = z.strictObject({
  /**
   * Jaccard similarity (0-1) of two competency statements' word shingles at or above which
   * the two offerings are flagged as possible duplicates of each other.
   */
  duplicateThreshold: z.number().min(0.1).max(1).default(0.8),
});
export const DEFAULT_DUPLICATE_THRESHOLD = 0.8;

export const rubricFileSchema = z.strictObject({
  $schema: z.string().optional(),
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'use lower case letters, digits, ".", "_" or "-"'),
  title: z.string().min(1),
  version: z.string().min(1),
  source: z.string().min(1),
  description: z.string().optional(),
  aspects: z
    .array(
      aspectSchema,
    )
    .superRefine((list, ctx) => {
      for (const id of ASPECT_IDS) {
        const n = list.filter((a) => a.id === id).length;
        if (n !== 1) ctx.addIssue({ code: 'custom', message: n === 0 ? `aspect "${id}" is missing` : `aspect "${id}" appears ${n} times` });
      }
      if (list.every((a) => a.weight === 0)) ctx.addIssue({ code: 'custom', message: 'at least one aspect needs a weight above 0' });
    }),
  levels: z
    .strictObject({
      developing: z.number().min(0).max(100),
      proficient: z.number().min(0).max(100),
      exemplary: z.number().min(0).max(100),
    })
    .refine((l) => l.developing <= l.proficient && l.proficient <= l.exemplary, {
      message: 'thresholds must rise: developing <= proficient <= exemplary',
    }),
  decision: decisionPolicySchema,
  /** Catalog comparison settings (optional; defaults apply when left out). */
  comparison: comparisonSchema.optional(),
  rules: z.record(z.string(), ruleSettingsSchema),
});

export type RubricFile = z.output<typeof rubricFileSchema>;
export type RuleSettings = z.output<typeof ruleSettingsSchema>;

/**
 * One rubric file as written, before `extends` is resolved: every key optional, so a
 * rubric that extends another holds only its overrides. The file a chain ends in must
 * still be complete; that is checked on the merged result with `rubricFileSchema`.
 * This is also the schema editors get (`schemas/rubric.schema.json`).
 */
export const rubricSourceSchema = z
  .strictObject({
    $schema: z.string().optional(),
    extends: z
      .string()
      .min(1)
      .optional()
      .describe('A rubric this one builds on: a built-in name (default, strict) or a file path relative to this file.'),
    id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'use lower case letters, digits, ".", "_" or "-"').optional(),
    title: z.string().min(1).optional(),
    version: z.string().min(1).optional(),
    source: z.string().min(1).optional(),
    description: z.string().optional(),
    aspects: z
      .array(aspectSchema)
      .optional(),
    aspectWeights: z
      .partialRecord(aspectId, z.number().min(0).max(100))
      .optional()
      .describe('With extends: new weights for some aspects (aspect id -> weight), without copying the aspects list.'),
    levels: z
      .strictObject({
        developing: z.number().min(0).max(100),
        proficient: z.number().min(0).max(100),
        exemplary: z.number().min(0).max(100),
      })
      .partial()
      .optional(),
    decision: z
      .strictObject({
        reject: decisionPolicySchema.shape.reject.partial().optional(),
        approve: decisionPolicySchema.shape.approve.partial().optional(),
      })
      .optional(),
    comparison: comparisonSchema.partial().optional(),
    rules: z.record(z.string(), ruleSettingsSchema.partial()).optional(),
  })
  .describe('An mcaudit rubric (see README, "Rubrics"). With "extends", give only what changes.');

export type RubricSource = z.output<typeof rubricSourceSchema>;
