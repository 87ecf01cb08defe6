/** `mcaudit schema [offering|rubric|config]`: print a JSON Schema for editors. */
import { Argument, Command } from 'commander';
import type { Io } from '../io.js';
import { jsonSchemaText, SCHEMA_NAMES, type SchemaName } from '../schemas.js';

export function schemaCommand(io: Io, result: { code: number }): Command {
  return new Command('schema')
    .description('print the JSON Schema of an offering (front matter or JSON), a rubric or a config file')
    .addArgument(new Argument('[kind]', 'which schema').choices(SCHEMA_NAMES).default('offering'))
    .action((kind: SchemaName) => {
      io.stdout(jsonSchemaText(kind));
      result.code = 0;
    });
}
