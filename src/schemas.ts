/**
 * JSON Schemas generated from the zod schemas, for editors: offerings (front matter and
 * JSON files), rubric files and config files. Copies are committed under `schemas/`
 * (test/schemas.test.ts keeps them in sync).
 */
import { z } from 'zod';
import { configSchema } from './config/schema.js';
import { offeringSchema } from './model/offering.js';
import { rubricSourceSchema } from './rubric/schema.js';

export const SCHEMA_NAMES = ['offering', 'rubric', 'config'] as const;
export type SchemaName = (typeof SCHEMA_NAMES)[number];

const TITLES: Record<SchemaName, string> = {
  offering: 'mcaudit micro-credential offering (front matter or JSON)',
  rubric: 'mcaudit rubric',
  config: 'mcaudit configuration',
};

/** The JSON Schema of one input kind. `io: 'input'`: what authors write, before transforms. */
export function jsonSchema(name: SchemaName): Record<string, unknown> {
  const schema = name === 'offering' ? offeringSchema : name === 'rubric' ? rubricSourceSchema : configSchema;
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  const { $schema, ...rest } = json;
  return { $schema, title: TITLES[name], ...rest };
}

/** The text written to `schemas/<name>.schema.json` and printed by `mcaudit schema <name>`. */
export function jsonSchemaText(name: SchemaName): string {
  return `${JSON.stringify(jsonSchema(name), null, 2)}\n`;
}
