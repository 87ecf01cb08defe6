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
import type { Formatter } from './types.js';

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

export const sarif: Formatter = (report, options) => {
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

  const results: Record<string, unknown>[] = [];
  const seen = new Map<string, number>();
  const fingerprint = (o: OfferingReport, ruleId: string, message: string): string => {
    const base = [o.file, o.index ?? '', ruleId, message].join('\u0000');
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return createHash('sha256').update(`${base}\u0000${n}`).digest('hex');
  };
  const result = (o: OfferingReport, ruleId: string, level: string, message: string, line: number | null, column: number | null, properties: object): void => {
    const text = stripControl(message);
    results.push({
      ruleId,
      ...(index.has(ruleId) ? { ruleIndex: index.get(ruleId) } : {}),
      level,
      message: { text },
      locations: [location(o.file, line, column)],
      partialFingerprints: { 'mcaudit/v1': fingerprint(o, ruleId, text) },
      properties,
    });
  };

  for (const o of report.offerings) {
    const offering = o.index === undefined ? {} : { index: o.index };
    if (o.decision !== 'invalid' && !meetsGate(o.decision, minDecision)) {
      const head = `${o.title ?? label(o)}: ${o.decision}${o.score === null ? '' : ` (score ${o.score}/100)`}, below --min-decision ${minDecision}.`;
      const message = [head, ...o.reasons.map((r) => `- ${r}`)].join('\n');
      result(o, 'decision', o.decision === 'reject' ? 'error' : 'warning', message, 1, 1, { ...offering, decision: o.decision, score: o.score });
    }
    for (const f of o.findings) {
      const message = f.fix ? `${f.message}\nFix: ${f.fix}` : f.message;
      result(o, f.ruleId, LEVEL[f.severity], message, f.line, f.line === null ? null : f.column, findingProps(f, offering));
      // A reviewer's waiver is an accepted, external suppression: code scanning shows it as dismissed.
      if (f.waived) results[results.length - 1]!.suppressions = [{ kind: 'external', status: 'accepted', justification: stripControl(f.waiver?.reason ?? 'waived by a reviewer') }];
    }
  }

  const doc = {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: report.tool.name, version: report.tool.version, semanticVersion: report.tool.version, informationUri: INFORMATION_URI, rules } },
        columnKind: 'utf16CodeUnits',
        results,
        properties: { rubric: report.rubric, summary: report.summary, minDecision },
      },
    ],
  };
  return JSON.stringify(doc, null, 2) + '\n';
};

function findingProps(f: Finding, offering: object): object {
  return { ...offering, ...(f.aspect === null ? {} : { aspect: f.aspect }), ...(f.path === null ? {} : { path: f.path }) };
}
