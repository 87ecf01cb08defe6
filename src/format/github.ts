/**
 * GitHub Actions workflow commands: one annotation line per finding (`::error`,
 * `::warning`, `::notice` for info) and one `::error` per offering below `--min-decision`
 * (an invalid entry has its `invalid-document` error instead).
 * Document text is escaped as the runner requires: `%`, CR and LF in the message, and also
 * `:` and `,` in property values, so a title can neither end the command early nor start a
 * new one on another line. Paths are relative to the working directory, which should be the
 * repository root.
 */
import { meetsGate } from '../report.js';
import type { Finding, OfferingReport, Severity } from '../types.js';
import { stripControl } from './sanitize.js';
import { asLines, whole, type Formatter, type PartsFormatter } from './types.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** Escape a message (the text after `::`). */
export function escapeData(s: string): string {
  return stripControl(s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

/** Escape a property value (`file=`, `title=`). */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function command(name: string, props: [string, string | number | null][], message: string): string {
  const p = props.filter((kv): kv is [string, string | number] => kv[1] !== null).map(([k, v]) => `${k}=${escapeProperty(String(v))}`);
  return `::${name} ${p.join(',')}::${escapeData(message)}`;
}

function label(o: OfferingReport): string {
  return o.index === undefined ? o.file : `${o.file} [${o.index}]`;
}

function findingLine(o: OfferingReport, f: Finding): string {
  const at: [string, string | number | null][] = [
    ['file', o.file],
    ['line', f.line],
    ['col', f.line === null ? null : f.column],
  ];
  const message = f.fix ? `${f.message}\nFix: ${f.fix}` : f.message;
  return command(COMMAND[f.severity], [...at, ['title', `mcaudit ${f.ruleId}${f.aspect ? ` (${f.aspect})` : ''}`]], message);
}

/** The annotations in pieces: an offering's lines at a time, each line ending with a newline. */
export const githubParts: PartsFormatter = function* (_report, offerings, options) {
  const minDecision = options.minDecision ?? 'approve';
  for (const o of offerings()) {
    const lines: string[] = [];
    // An invalid entry is already an error annotation (its invalid-document finding).
    if (o.decision !== 'invalid' && !meetsGate(o.decision, minDecision)) {
      const what = `${o.decision}${o.score === null ? '' : ` (score ${o.score}/100)`}, below --min-decision ${minDecision}`;
      const message = [`${o.title ?? label(o)}: ${what}`, ...o.reasons.map((r) => `- ${r}`)].join('\n');
      lines.push(command('error', [['file', o.file], ['line', 1], ['title', `mcaudit decision: ${o.decision} — ${o.title ?? label(o)}`]], message));
    }
    // Waived findings are a reviewer's decision: no annotation.
    for (const f of o.findings) if (!f.waived) lines.push(findingLine(o, f));
    if (lines.length) yield asLines(lines);
  }
};

export const github: Formatter = whole(githubParts);
