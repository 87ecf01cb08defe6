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
import type { Formatter } from './types.js';

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

export const junit: Formatter = (report, options) => {
  const minDecision = options.minDecision ?? 'approve';
  const byFile = new Map<string, OfferingReport[]>();
  for (const o of report.offerings) byFile.set(o.file, [...(byFile.get(o.file) ?? []), o]);
  const fails = (o: OfferingReport): boolean => offeringFails(o, minDecision, options.failOn);
  const total = report.offerings.length;
  const failures = report.offerings.filter(fails).length;
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${xmlAttr(report.tool.name)}" tests="${total}" failures="${failures}" errors="0" time="0">`,
  ];
  for (const [file, offerings] of byFile) {
    const f = offerings.filter(fails).length;
    out.push(`  <testsuite name="${xmlAttr(file)}" tests="${offerings.length}" failures="${f}" errors="0" skipped="0" time="0">`);
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
  }
  out.push('</testsuites>');
  return out.join('\n') + '\n';
};
