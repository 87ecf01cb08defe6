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

const providerObject = z.looseObject({ name: text.optional(), url: text.optional(), email: text.optional() });
export const providerSchema = z.union([z.string(), providerObject]);

const researchObject = z.looseObject({
  citation: text.optional(),
  year: z.union([z.number(), z.string()]).optional(),
  url: text.optional(),
  doi: text.optional(),
});
export const researchSchema = z.union([z.string(), researchObject]);

const resourceObject = z.looseObject({
  title: text.optional(),
  url: text.optional(),
  type: text.optional(),
  cost: text.optional(),
  description: text.optional(),
  evidenceBased: z.union([z.boolean(), z.string()]).optional(),
});
export const resourceSchema = z.union([z.string(), resourceObject]);

const evidenceObject = z.looseObject({
  part: text.optional(),
  title: text.optional(),
  type: text.optional(),
  description: text.optional(),
  quantity: z.union([z.number(), z.string()]).optional(),
  limit: z.union([z.number(), z.string()]).optional(),
  required: z.union([z.boolean(), z.string()]).optional(),
});
export const evidenceSchema = z.union([z.string().transform((description) => ({ description })), evidenceObject]);

const levelObject = z.looseObject({ name: text, descriptor: text.optional() });
export const levelSchema = z.union([z.string().transform((name) => ({ name })), levelObject]);

const criterionObject = z.looseObject({
  name: text,
  evidence: text.optional(),
  levels: list(levelSchema).optional(),
});
export const criterionSchema = z.union([z.string().transform((name) => ({ name })), criterionObject]);

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

const alignmentObject = z.looseObject({ framework: text.optional(), code: text.optional(), name: text.optional(), url: text.optional() });
export const alignmentSchema = z.union([z.string().transform((name) => ({ name })), alignmentObject]);

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

/**
 * A fast path for the common shapes: strings, lists of strings, and plain objects whose
 * declared fields hold strings. Each function returns exactly what the field's zod schema
 * returns for the value (same values, same key order), or NO_FAST when the value is not
 * one of those shapes; then the zod schema decides, so errors and odd values read as before.
 */
const NO_FAST: unique symbol = Symbol('no fast path');
type Fast = (v: unknown) => unknown;

/** Schemas that return any string unchanged (`text`, number-or-string, flags…). */
const sameString: Fast = (v) => (typeof v === 'string' ? v : NO_FAST);

/** `list(item)`: an array item by item (a new array), or one value as a one-item list. */
const fastList =
  (item: Fast): Fast =>
  (v) => {
    if (!Array.isArray(v)) {
      const one = item(v);
      return one === NO_FAST ? NO_FAST : [one];
    }
    const out: unknown[] = new Array(v.length);
    for (let i = 0; i < v.length; i++) {
      const r = item(v[i]);
      if (r === NO_FAST) return NO_FAST;
      out[i] = r;
    }
    return out;
  };

/** `z.array(text)`: only strings. */
const stringArray: Fast = (v) => {
  if (!Array.isArray(v)) return NO_FAST;
  for (let i = 0; i < v.length; i++) if (typeof v[i] !== 'string') return NO_FAST;
  return v.slice();
};

const either =
  (a: Fast, b: Fast): Fast =>
  (v) => {
    const r = a(v);
    return r === NO_FAST ? b(v) : r;
  };

/**
 * A `z.looseObject` on a plain object: declared keys in the schema's order (a present key
 * holding `undefined` stays, for an optional key), then every other key as it is.
 * `fields` gives the fast path of each declared key; the order is read from the schema.
 */
function fastObject(schema: z.ZodObject, fields: Record<string, Fast>): Fast {
  const keys = Object.keys(schema.shape);
  const spec = keys.map((k) => {
    const f = fields[k];
    if (!f) throw new Error(`fast path: no field "${k}"`);
    return { k, f, optional: schema.shape[k]!.safeParse(undefined).success };
  });
  if (Object.keys(fields).length !== keys.length) throw new Error('fast path: fields differ from the schema');
  const declared = new Set(keys);
  return (v) => {
    if (typeof v !== 'object' || v === null || Object.getPrototypeOf(v) !== Object.prototype) return NO_FAST;
    const o = v as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const { k, f, optional } of spec) {
      if (!(k in o)) {
        if (optional) continue;
        return NO_FAST;
      }
      const x = o[k];
      if (x === undefined && optional) {
        out[k] = undefined;
        continue;
      }
      const r = f(x);
      if (r === NO_FAST) return NO_FAST;
      out[k] = r;
    }
    for (const k in o) {
      if (declared.has(k)) continue;
      if (k === '__proto__') return NO_FAST;
      out[k] = o[k];
    }
    return out;
  };
}

const asObject = (key: string): Fast => (v) => (typeof v === 'string' ? { [key]: v } : NO_FAST);

const allSame = (schema: z.ZodObject): Fast => fastObject(schema, Object.fromEntries(Object.keys(schema.shape).map((k) => [k, sameString])));

const fastLevel = either(asObject('name'), allSame(levelObject));
const fastCriterion = either(asObject('name'), fastObject(criterionObject, { name: sameString, evidence: sameString, levels: fastList(fastLevel) }));
const fastTextOrList = either(sameString, stringArray);

const ITEM_FAST: Partial<Record<FieldName, Fast>> = {
  methodComponents: sameString,
  research: either(sameString, allSame(researchObject)),
  resources: either(sameString, allSame(resourceObject)),
  evidence: either(asObject('description'), allSame(evidenceObject)),
  alignment: either(asObject('name'), allSame(alignmentObject)),
};

const FIELD_FAST: Record<FieldName, Fast> = {
  id: sameString,
  title: sameString,
  version: sameString,
  updated: sameString,
  provider: either(sameString, allSame(providerObject)),
  description: sameString,
  competency: sameString,
  keyMethod: sameString,
  methodComponents: fastList(ITEM_FAST.methodComponents!),
  audience: fastTextOrList,
  level: sameString,
  prerequisites: fastTextOrList,
  estimatedHours: sameString,
  stack: sameString,
  research: fastList(ITEM_FAST.research!),
  resources: fastList(ITEM_FAST.resources!),
  supports: fastTextOrList,
  evidence: fastList(ITEM_FAST.evidence!),
  rubric: fastObject(rubricSchema, { criteria: fastList(fastCriterion), passingRule: sameString }),
  assessment: allSame(assessmentSchema),
  alignment: fastList(ITEM_FAST.alignment!),
  recognition: fastTextOrList,
  cost: sameString,
  expires: sameString,
  badge: sameString,
  publicUrl: sameString,
  evidenceVisibility: sameString,
  tags: stringArray,
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
export function normaliseFields(
  raw: Record<string, unknown>,
  /**
   * Output of an earlier call: a value of `raw` that is the very value found here under
   * the same key is already valid and normal (validation gives the same result again), so
   * it is kept as it is.
   */
  validated?: Record<string, unknown>,
): {
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
    if (validated && Object.hasOwn(validated, key) && validated[key] === value) {
      data[name] = value;
      continue;
    }
    const itemSchema = ITEM_SCHEMAS[name];
    if (LIST_FIELDS.has(name) && itemSchema && Array.isArray(value)) {
      const items: unknown[] = [];
      const from: number[] = [];
      const itemFast = ITEM_FAST[name]!;
      value.forEach((item, i) => {
        const quick = itemFast(item);
        if (quick !== NO_FAST) {
          items.push(quick);
          from.push(i);
          return;
        }
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
    const quick = FIELD_FAST[name](value);
    if (quick !== NO_FAST) {
      data[name] = quick;
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
