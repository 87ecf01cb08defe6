/**
 * The canonical offering model. Front matter, JSON and Markdown body sections all
 * normalise to this one shape; rules only ever read an `Offering`.
 *
 * Each field is validated on its own (see `normaliseFields`) so one field of the
 * wrong type becomes a finding on that field's line, not a lost offering.
 */
import { z } from 'zod';

/** A scalar that authors write as text but YAML may read as a number or boolean. */
const text = z.union([z.string(), z.number(), z.boolean()]).transform((v) => String(v));
/** A list that authors sometimes write as a single value. */
const list = <T extends z.ZodType>(item: T) =>
  z.union([z.array(item), item.transform((v) => [v])]) as unknown as z.ZodType<z.output<T>[]>;
const textOrList = z.union([z.string(), z.array(text)]);

export const providerSchema = z.union([
  z.string(),
  z.looseObject({ name: text.optional(), url: text.optional(), email: text.optional() }),
]);

export const researchSchema = z.union([
  z.string(),
  z.looseObject({
    citation: text.optional(),
    year: z.union([z.number(), z.string()]).optional(),
    url: text.optional(),
    doi: text.optional(),
  }),
]);

export const resourceSchema = z.union([
  z.string(),
  z.looseObject({
    title: text.optional(),
    url: text.optional(),
    type: text.optional(),
    cost: text.optional(),
    description: text.optional(),
    evidenceBased: z.union([z.boolean(), z.string()]).optional(),
  }),
]);

export const evidenceSchema = z.union([
  z.string().transform((description) => ({ description })),
  z.looseObject({
    part: text.optional(),
    title: text.optional(),
    type: text.optional(),
    description: text.optional(),
    quantity: z.union([z.number(), z.string()]).optional(),
    limit: z.union([z.number(), z.string()]).optional(),
    required: z.union([z.boolean(), z.string()]).optional(),
  }),
]);

export const levelSchema = z.union([
  z.string().transform((name) => ({ name })),
  z.looseObject({ name: text, descriptor: text.optional() }),
]);

export const criterionSchema = z.union([
  z.string().transform((name) => ({ name })),
  z.looseObject({
    name: text,
    evidence: text.optional(),
    levels: list(levelSchema).optional(),
  }),
]);

export const rubricSchema = z.looseObject({
  criteria: list(criterionSchema).optional(),
  passingRule: text.optional(),
});

const flag = z.union([z.boolean(), z.string(), z.number()]);
export const assessmentSchema = z.looseObject({
  assessors: text.optional(),
  training: flag.optional(),
  calibration: flag.optional(),
  blindReview: flag.optional(),
  feedback: flag.optional(),
  resubmission: flag.optional(),
  turnaroundDays: z.union([z.number(), z.string()]).optional(),
  fee: z.union([z.number(), z.string()]).optional(),
  appeals: flag.optional(),
});

export const alignmentSchema = z.union([
  z.string().transform((name) => ({ name })),
  z.looseObject({ framework: text.optional(), code: text.optional(), name: text.optional(), url: text.optional() }),
]);

/** Every canonical field and its schema. Order is the order README documents them in. */
export const FIELD_SCHEMAS = {
  id: text,
  title: text,
  version: text,
  updated: text,
  provider: providerSchema,
  description: text,
  competency: text,
  keyMethod: text,
  methodComponents: list(text),
  audience: textOrList,
  level: text,
  prerequisites: textOrList,
  estimatedHours: z.union([z.number(), z.string()]),
  stack: text,
  research: list(researchSchema),
  resources: list(resourceSchema),
  supports: textOrList,
  evidence: list(evidenceSchema),
  rubric: rubricSchema,
  assessment: assessmentSchema,
  alignment: list(alignmentSchema),
  recognition: textOrList,
  cost: z.union([z.number(), z.string()]),
  expires: z.union([z.string(), z.number(), z.boolean()]),
  badge: z.union([z.string(), z.boolean(), z.looseObject({})]),
  publicUrl: text,
  evidenceVisibility: text,
  tags: z.union([z.array(text), z.string().transform((s) => s.split(',').map((t) => t.trim()).filter(Boolean))]),
} as const;

export type FieldName = keyof typeof FIELD_SCHEMAS;
export const FIELD_NAMES = Object.keys(FIELD_SCHEMAS) as FieldName[];

/** The whole offering as one zod schema (used for JSON Schema output and documentation). */
export const offeringSchema = z.looseObject(
  Object.fromEntries(FIELD_NAMES.map((k) => [k, FIELD_SCHEMAS[k].optional()])) as {
    [K in FieldName]: z.ZodOptional<(typeof FIELD_SCHEMAS)[K]>;
  },
);

export type Offering = { [K in FieldName]?: z.output<(typeof FIELD_SCHEMAS)[K]> };
export type Provider = z.output<typeof providerSchema>;
export type ResearchItem = z.output<typeof researchSchema>;
export type ResourceItem = z.output<typeof resourceSchema>;
export type EvidenceItem = z.output<typeof evidenceSchema>;
export type Criterion = z.output<typeof criterionSchema>;
export type Rubric = z.output<typeof rubricSchema>;
export type Assessment = z.output<typeof assessmentSchema>;
export type AlignmentItem = z.output<typeof alignmentSchema>;

const LIST_FIELDS = new Set<FieldName>(['methodComponents', 'research', 'resources', 'evidence', 'alignment']);
const ITEM_SCHEMAS: Partial<Record<FieldName, z.ZodType>> = {
  methodComponents: text,
  research: researchSchema,
  resources: resourceSchema,
  evidence: evidenceSchema,
  alignment: alignmentSchema,
};

/** A field that failed validation. `path` is the data path of the offending value. */
export interface FieldProblem {
  path: string;
  message: string;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_union') return 'has a value of the wrong type';
  return issue.message.replace(/^Invalid input: /, '');
}

function problemFrom(prefix: (string | number)[], error: z.ZodError): FieldProblem {
  const issue = error.issues[0]!;
  const path = [...prefix, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))].join('.');
  return { path, message: `field "${path}" ${describeIssue(issue)}` };
}

/**
 * Validate raw key/value data field by field. Invalid fields (and invalid items of
 * list fields) are dropped and reported; unknown keys are kept aside.
 */
export function normaliseFields(raw: Record<string, unknown>): {
  data: Offering;
  problems: FieldProblem[];
  unknownKeys: string[];
  /** For list fields that lost invalid items: new index -> index in the input. */
  kept: Partial<Record<FieldName, number[]>>;
} {
  const data: Record<string, unknown> = {};
  const kept: Partial<Record<FieldName, number[]>> = {};
  const problems: FieldProblem[] = [];
  const unknownKeys: string[] = [];
  for (const key of Object.keys(raw)) {
    const value = raw[key];
    if (!Object.hasOwn(FIELD_SCHEMAS, key)) {
      unknownKeys.push(key);
      continue;
    }
    const name = key as FieldName;
    if (value === null || value === undefined) continue;
    const itemSchema = ITEM_SCHEMAS[name];
    if (LIST_FIELDS.has(name) && itemSchema && Array.isArray(value)) {
      const items: unknown[] = [];
      const from: number[] = [];
      value.forEach((item, i) => {
        const r = itemSchema.safeParse(item);
        if (r.success) {
          items.push(r.data);
          from.push(i);
        } else problems.push(problemFrom([name, i], r.error));
      });
      data[name] = items;
      if (from.length !== value.length) kept[name] = from;
      continue;
    }
    const r = FIELD_SCHEMAS[name].safeParse(value);
    if (r.success) data[name] = r.data;
    else problems.push(problemFrom([name], r.error));
  }
  return { data: data as Offering, problems, unknownKeys, kept };
}

/** The provider's display name, whatever form the field takes. */
export function providerName(p: Provider | undefined): string | null {
  if (p === undefined) return null;
  if (typeof p === 'string') return p.trim() || null;
  return p.name?.trim() || null;
}
