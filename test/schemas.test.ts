import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { jsonSchemaText, SCHEMA_NAMES } from '../src/schemas.js';
import { ROOT } from './cli-run.js';

const read = (p: string) => readFileSync(path.join(ROOT, p), 'utf8');

function validator(name: string) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  return ajv.compile(JSON.parse(read(`schemas/${name}.schema.json`)));
}

describe('schemas/', () => {
  it.each(SCHEMA_NAMES)('schemas/%s.schema.json is what the generator writes (run `mcaudit schema <kind> > schemas/<kind>.schema.json`)', (name) => {
    expect(read(`schemas/${name}.schema.json`)).toBe(jsonSchemaText(name));
  });

  it('every rubric file in rubrics/ names the rubric schema and is valid against it', () => {
    const v = validator('rubric');
    const files = ['default.json', 'strict.json', ...readdirSync(path.join(ROOT, 'rubrics/examples')).map((f) => `examples/${f}`)];
    for (const f of files) {
      const json = JSON.parse(read(`rubrics/${f}`));
      expect(json.$schema, f).toBe(f.startsWith('examples/') ? '../../schemas/rubric.schema.json' : '../schemas/rubric.schema.json');
      expect(v(json), `${f}: ${JSON.stringify(v.errors)}`).toBe(true);
    }
    expect(v({ extends: 'default', rules: { calibration: { pionts: 3 } } })).toBe(false);
  });

  it('the offering schema accepts the JSON sample and rejects a wrong type', () => {
    const v = validator('offering');
    expect(v(JSON.parse(read('samples/offering.json'))), JSON.stringify(v.errors)).toBe(true);
    expect(v({ title: 'x', provider: ['not', 'a', 'provider'] })).toBe(false);
    // Front matter, as an editor's YAML language server sees it.
    for (const f of ['samples/strong.md', 'test/fixtures/init/filled.md']) {
      const fm = parse(read(f).split('\n---\n')[0]!.replace(/^---\n/, ''));
      expect(v(fm), `${f}: ${JSON.stringify(v.errors)}`).toBe(true);
    }
  });

  it('the config schema accepts a full config and rejects an unknown key', () => {
    const v = validator('config');
    const config = { $schema: './node_modules/mcaudit/schemas/config.schema.json', rubric: 'strict', include: ['catalog/**/*.md'], exclude: ['drafts/'], formats: ['text', 'json:report.json'], gate: { minDecision: 'revise', failOn: 'error', maxWarnings: 10 }, waivers: 'waivers.json', baseline: 'mcaudit-baseline.json' };
    expect(v(config), JSON.stringify(v.errors)).toBe(true);
    expect(v({ rubrc: 'strict' })).toBe(false);
  });
});
