/**
 * SARIF 2.1.0 for GitHub code scanning and other SARIF viewers. One run; the driver lists
 * every rule of the rubric plus the document rules and `decision`; each finding is a result
 * at its file, line and column, and each offering below `--min-decision` is a `decision`
 * result on line 1 with its reasons. Fingerprints hash the file, offering, rule and message
 * (never a line number), so a finding keeps its identity when lines move.
 */
import { createHash } from 'node:crypto';
import { meetsGate } from '../report.js';
import type { Finding, OfferingReport, Severity } from '../types.js';
import { ruleCatalog, pascalCase } from './catalog.js';
import { stripControl } from './sanitize.js';
import { whole, type Formatter, type PartsFormatter } from './types.js';

/** Where mcaudit is documented (its npm page). */
export const INFORMATION_URI = 'https://www.npmjs.com/package/mcaudit';
const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** A relative path as a URI reference: each segment percent-encoded, forward slashes. */
export function fileUri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

function label(o: OfferingReport): string {
  return o.index === undefined ? o.file : `${o.file} [${o.index}]`;
}

interface Region {
  startLine: number;
  startColumn?: number;
}

function location(file: string, line: number | null, column: number | null): object {
  const physicalLocation: { artifactLocation: object; region?: Region } = { artifactLocation: { uri: fileUri(file), uriBaseId: '%SRCROOT%' } };
  if (line !== null) {
    physicalLocation.region = column === null ? { startLine: line } : { startLine: line, startColumn: column };
  }
  return { physicalLocation };
}

/** Where a result sits in the document: inside `results`, four levels deep. */
const RESULT_PAD = '\n        ';
const RESULTS_KEY = '"results": [';

/**
 * The document in pieces: its head up to the `results` array, each result, and the rest.
 * The bytes are JSON.stringify(document, null, 2) and a newline.
 */
export const sarifParts: PartsFormatter = function* (report, offerings, options) {
  const minDecision = options.minDecision ?? 'approve';
  const catalog = ruleCatalog(report);
  const index = new Map(catalog.map((r, i) => [r.id, i]));
  const rules = catalog.map((r) => ({
    id: r.id,
    name: pascalCase(r.id),
    shortDescription: { text: r.description },
    fullDescription: { text: r.description },
    help: { text: r.help },
    defaultConfiguration: { level: LEVEL[r.severity] },
    properties: r.aspect === null ? { tags: ['mcaudit', 'document'] } : { aspect: r.aspect, tags: ['mcaudit', r.aspect] },
  }));
  const doc = {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: report.tool.name, version: report.tool.version, semanticVersion: report.tool.version, informationUri: INFORMATION_URI, rules } },
        columnKind: 'utf16CodeUnits',
        results: [],
        properties: { rubric: report.rubric, summary: report.summary, minDecision },
      },
    ],
  };
  // Inside a JSON string a quote is escaped, so `"results": [` is the key itself: it occurs once.
  const frame = JSON.stringify(doc, null, 2);
  const cut = frame.indexOf(RESULTS_KEY) + RESULTS_KEY.length;
  yield frame.slice(0, cut);

  // Fingerprints count repeats of (file, index, rule, message). The count starts again with
  // each offering, but for an offering key that occurs more than once (lint can name standard
  // input after a file), whose counts are kept for the whole run.
  const keyOf = (o: Pick<OfferingReport, 'file' | 'index'>) => `${o.file}\u0000${o.index ?? ''}`;
  const occurs = new Map<string, number>();
  for (const o of report.offerings) occurs.set(keyOf(o), (occurs.get(keyOf(o)) ?? 0) + 1);
  const kept = new Map<string, Map<string, number>>();
  let seen = new Map<string, number>();
  let last: OfferingReport | null = null;
  const fingerprint = (o: OfferingReport, ruleId: string, message: string): string => {
    if (last !== o) {
      last = o;
      const k = keyOf(o);
      if (occurs.get(k)! > 1) kept.set(k, (seen = kept.get(k) ?? new Map()));
      else seen = new Map();
    }
    const base = [o.file, o.index ?? '', ruleId, message].join('\u0000');
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return createHash('sha256').update(`${base}\u0000${n}`).digest('hex');
  };
  const result = (o: OfferingReport, ruleId: string, level: string, message: string, line: number | null, column: number | null, properties: object): Record<string, unknown> => {
    const text = stripControl(message);
    return {
      ruleId,
      ...(index.has(ruleId) ? { ruleIndex: index.get(ruleId) } : {}),
      level,
      message: { text },
      locations: [location(o.file, line, column)],
      partialFingerprints: { 'mcaudit/v1': fingerprint(o, ruleId, text) },
      properties,
    };
  };

  let first = true;
  const piece = (r: Record<string, unknown>): string => {
    const s = `${first ? '' : ','}${RESULT_PAD}${JSON.stringify(r, null, 2).replace(/\n/g, RESULT_PAD)}`;
    first = false;
    return s;
  };
  for (const o of offerings()) {
    const out: string[] = [];
    const offering = o.index === undefined ? {} : { index: o.index };
    if (o.decision !== 'invalid' && !meetsGate(o.decision, minDecision)) {
      const head = `${o.title ?? label(o)}: ${o.decision}${o.score === null ? '' : ` (score ${o.score}/100)`}, below --min-decision ${minDecision}.`;
      const message = [head, ...o.reasons.map((r) => `- ${r}`)].join('\n');
      out.push(piece(result(o, 'decision', o.decision === 'reject' ? 'error' : 'warning', message, 1, 1, { ...offering, decision: o.decision, score: o.score })));
    }
    for (const f of o.findings) {
      const message = f.fix ? `${f.message}\nFix: ${f.fix}` : f.message;
      const r = result(o, f.ruleId, LEVEL[f.severity], message, f.line, f.line === null ? null : f.column, findingProps(f, offering));
      // A reviewer's waiver is an accepted, external suppression: code scanning shows it as dismissed.
      if (f.waived) r.suppressions = [{ kind: 'external', status: 'accepted', justification: stripControl(f.waiver?.reason ?? 'waived by a reviewer') }];
      out.push(piece(r));
    }
    if (out.length) yield out.join('');
  }
  // The array closes on its own line when it has results, as JSON.stringify writes it.
  yield `${first ? '' : '\n      '}${frame.slice(cut)}\n`;
};

export const sarif: Formatter = whole(sarifParts);

function findingProps(f: Finding, offering: object): object {
  return { ...offering, ...(f.aspect === null ? {} : { aspect: f.aspect }), ...(f.path === null ? {} : { path: f.path }) };
}
