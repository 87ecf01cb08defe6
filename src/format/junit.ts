/**
 * JUnit XML for CI test tabs (GitLab, Jenkins, Azure, CircleCI): one `<testsuite>` per file,
 * one `<testcase>` per offering. An offering that fails the gate (below `--min-decision`,
 * invalid, or with a finding at or above `--fail-on`) has a `<failure>` with its reasons and
 * findings; any other offering is a passing testcase. Times are 0: the report is about
 * documents, and a fixed value keeps the output reproducible.
 */
import { offeringFails } from '../engine/gate.js';
import type { OfferingReport } from '../types.js';
import { stripControl } from './sanitize.js';
import { asLines, whole, type Formatter, type PartsFormatter } from './types.js';

// Characters XML 1.0 forbids (besides the controls stripControl removes): lone surrogates, U+FFFE, U+FFFF.
const XML_FORBIDDEN = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|[\uFFFE\uFFFF]/g;

/** Text safe for XML 1.0 content: forbidden characters removed, markup escaped. */
export function xmlText(s: string): string {
  return stripControl(s).replace(XML_FORBIDDEN, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Text safe for a double-quoted XML attribute; tabs and newlines kept as character references. */
export function xmlAttr(s: string): string {
  return xmlText(s).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}

function caseName(o: OfferingReport): string {
  const name = o.title ?? o.id ?? o.file;
  return o.index === undefined ? name : `[${o.index}] ${name}`;
}

function failureBody(o: OfferingReport): string {
  const lines = [`Decision: ${o.decision}${o.score === null ? '' : ` (score ${o.score}/100)`}`];
  if (o.reasons.length) lines.push('Reasons:', ...o.reasons.map((r) => `  - ${r}`));
  if (o.findings.length) {
    lines.push(`Findings (${o.findings.length}):`);
    for (const f of o.findings) {
      const at = f.line === null ? o.file : `${o.file}:${f.line}:${f.column ?? 1}`;
      lines.push(`  ${at} ${f.severity} ${f.ruleId}: ${f.message}${f.waived ? ` [waived: ${f.waiver?.reason ?? 'by a reviewer'}]` : ''}`);
      if (f.fix) lines.push(`    fix: ${f.fix}`);
    }
  }
  return lines.join('\n');
}

/**
 * The document in pieces: the totals, then one `<testsuite>` per file. A file's entries are
 * consecutive in an audit report (each file is read once), so a suite is written when the
 * next file begins; only one file's offerings are held at a time.
 */
export const junitParts: PartsFormatter = function* (report, offerings, options) {
  const minDecision = options.minDecision ?? 'approve';
  const fails = (o: Pick<OfferingReport, 'decision' | 'findings'>): boolean => offeringFails(o, minDecision, options.failOn);
  yield asLines([
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${xmlAttr(report.tool.name)}" tests="${report.offerings.length}" failures="${report.offerings.filter(fails).length}" errors="0" time="0">`,
  ]);
  const suite = (file: string, offerings: OfferingReport[]): string => {
    const out = [`  <testsuite name="${xmlAttr(file)}" tests="${offerings.length}" failures="${offerings.filter(fails).length}" errors="0" skipped="0" time="0">`];
    for (const o of offerings) {
      const open = `    <testcase classname="${xmlAttr(file)}" name="${xmlAttr(caseName(o))}" time="0"`;
      if (!fails(o)) {
        out.push(`${open}/>`);
        continue;
      }
      const message = o.decision === 'invalid' ? `invalid: ${o.reasons[0] ?? ''}` : `${o.decision}${o.score === null ? '' : ` (${o.score}/100)`}; gate: --min-decision ${minDecision}${options.failOn && options.failOn !== 'none' ? `, --fail-on ${options.failOn}` : ''}`;
      out.push(`${open}>`, `      <failure message="${xmlAttr(message)}" type="${o.decision}">${xmlText(failureBody(o))}</failure>`, '    </testcase>');
    }
    out.push('  </testsuite>');
    return asLines(out);
  };
  // A file's offerings come together in an audit; lint can name standard input after an
  // earlier file, and then every offering is grouped by file first.
  const files = new Set<string>();
  const together = report.offerings.every((o, i) => (i > 0 && report.offerings[i - 1]!.file === o.file) || (!files.has(o.file) && !!files.add(o.file)));
  if (!together) {
    const byFile = new Map<string, OfferingReport[]>();
    for (const o of offerings()) {
      const list = byFile.get(o.file);
      if (list) list.push(o);
      else byFile.set(o.file, [o]);
    }
    for (const [file, list] of byFile) yield suite(file, list);
  } else {
    let group: OfferingReport[] = [];
    for (const o of offerings()) {
      if (group.length && o.file !== group[0]!.file) {
        yield suite(group[0]!.file, group);
        group = [];
      }
      group.push(o);
    }
    if (group.length) yield suite(group[0]!.file, group);
  }
  yield '</testsuites>\n';
};

export const junit: Formatter = whole(junitParts);
