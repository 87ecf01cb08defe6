/**
 * Rubric `extends`: a rubric names another (a built-in name, or a file path relative to
 * itself) and gives only what it changes. Layers are merged base first: objects merge
 * key by key at every depth, arrays and plain values replace. `aspectWeights` (aspect id ->
 * weight) changes weights without copying the `aspects` list. Each file is checked on its
 * own (so a problem names the file it is in): one that extends another against
 * `rubricSourceSchema` (overrides only), the one a chain ends in as a whole rubric; the
 * merged result is then checked as a whole by the loader. Chains are bounded and cycles are errors.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { displayPath } from '../load/discover.js';
import { issueLines, PARSE_ONCE } from '../issues.js';
import { RUBRICS_DIR } from '../paths.js';
import { builtInRubrics, isBuiltInRef, RubricError } from './load.js';
import { rubricFileSchema, rubricSourceSchema } from './schema.js';

/** Longest chain of rubrics (the file itself and what it extends, directly or not). */
export const MAX_EXTENDS_DEPTH = 8;

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Merge `over` onto `base`: objects recursively, everything else (arrays too) replaces. */
export function deepMerge(base: unknown, over: unknown): unknown {
  if (!isObject(base) || !isObject(over)) return over === undefined ? base : over;
  const out: Json = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = k in base ? deepMerge(base[k], v) : v;
  return out;
}

interface Layer {
  /** Absolute file. */
  file: string;
  /** How it is named in messages. */
  origin: string;
  json: Json;
}

function readLayer(file: string, origin: string, builtIn: boolean): Layer {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    const hint = builtIn ? ` (built-in rubrics: ${builtInRubrics().join(', ')})` : '';
    throw new RubricError(origin, [`cannot read ${builtIn ? 'built-in rubric' : 'file'}${hint}`]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new RubricError(origin, [`not valid JSON: ${(e as Error).message}`]);
  }
  if (!isObject(json)) throw new RubricError(origin, ['(root): a rubric is a JSON object']);
  // A file that extends another is checked as overrides; the file a chain ends in as a whole rubric.
  const schema = json.extends === undefined ? rubricFileSchema : rubricSourceSchema;
  const parsed = schema.safeParse(json, PARSE_ONCE);
  if (!parsed.success) throw new RubricError(origin, issueLines(parsed.error, schema));
  return { file, origin, json };
}

function locate(ref: string, dir: string, cwd: string): { file: string; origin: string; builtIn: boolean } {
  if (isBuiltInRef(ref, dir)) return { file: path.join(RUBRICS_DIR, `${ref}.json`), origin: `built-in:${ref}`, builtIn: true };
  const file = path.resolve(dir, ref);
  return { file, origin: displayPath(file, cwd), builtIn: false };
}

/** Apply `aspectWeights` of one layer to the merged `aspects` list. */
function applyWeights(merged: Json, weights: unknown): void {
  if (!isObject(weights) || !Array.isArray(merged.aspects)) return;
  merged.aspects = merged.aspects.map((a: unknown) => (isObject(a) && typeof a.id === 'string' && typeof weights[a.id] === 'number' ? { ...a, weight: weights[a.id] } : a));
}

export interface RubricChain {
  /** The merged rubric JSON, without `extends` and `$schema` (not yet validated as a whole). */
  json: Json;
  /** How the top rubric is named in messages (`built-in:default`, or its path as given). */
  origin: string;
  /** Every rubric in the chain, top first (origins). */
  chain: string[];
}

/** Read a rubric and everything it extends, and merge them. */
export function readRubricChain(nameOrPath: string, cwd: string): RubricChain {
  const top = isBuiltInRef(nameOrPath, cwd)
    ? { file: path.join(RUBRICS_DIR, `${nameOrPath}.json`), origin: `built-in:${nameOrPath}`, builtIn: true }
    : { file: path.resolve(cwd, nameOrPath), origin: nameOrPath, builtIn: false };
  const layers: Layer[] = [];
  let next: { file: string; origin: string; builtIn: boolean } | null = top;
  while (next) {
    const seen: Layer | undefined = layers.find((l) => l.file === next!.file);
    if (seen) {
      const cycle = [...layers.map((l) => l.origin), next.origin].join(' -> ');
      throw new RubricError(top.origin, [`extends: cycle: ${cycle}`]);
    }
    if (layers.length >= MAX_EXTENDS_DEPTH) {
      throw new RubricError(top.origin, [`extends: chain is longer than ${MAX_EXTENDS_DEPTH} rubrics (${layers.map((l) => l.origin).join(' -> ')} -> …)`]);
    }
    const layer = readLayer(next.file, next.origin, next.builtIn);
    layers.push(layer);
    const ref = layer.json.extends;
    next = typeof ref === 'string' ? locate(ref, path.dirname(layer.file), cwd) : null;
  }
  let merged: Json = {};
  for (const layer of [...layers].reverse()) {
    const { extends: _e, $schema: _s, aspectWeights, ...rest } = layer.json;
    merged = deepMerge(merged, rest) as Json;
    applyWeights(merged, aspectWeights);
  }
  return { json: merged, origin: top.origin, chain: layers.map((l) => l.origin) };
}
