/**
 * The lint view for authors (`mcaudit lint`): per offering its findings as
 * `file:line:col  severity  rule-id  message`, grouped by aspect with the fix hint, then
 * the decision the offering would get and why. No tables, no catalog summary.
 * Not a registered report format: `lint --format` takes the registered ones besides.
 */
import { Chalk } from 'chalk';
import { ASPECT_IDS, type Finding, type OfferingReport, type Outcome, type Severity } from '../types.js';
import { oneLine, trimLines } from './sanitize.js';
import { asLines, whole, type Formatter, type PartsFormatter } from './types.js';

const GROUPS = [null, ...ASPECT_IDS] as const;

/** The lint view in pieces: a block per offering, then the counts. */
export const lintParts: PartsFormatter = function* (_report, offerings, options) {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const SEV: Record<Severity, (s: string) => string> = { error: c.red, warning: c.yellow, info: c.blue };
  const DEC: Record<Outcome, (s: string) => string> = { approve: c.green.bold, revise: c.yellow.bold, reject: c.red.bold, invalid: c.magenta.bold };
  const loc = (f: Finding, file: string) => oneLine(f.line === null ? file : `${file}:${f.line}:${f.column ?? 1}`);

  const counts = { error: 0, warning: 0, info: 0 };
  let n = 0;
  for (const o of offerings()) {
    const out: string[] = [];
    n++;
    for (const f of o.findings) counts[f.severity]++;
    const name = oneLine(o.index === undefined ? o.file : `${o.file} [${o.index}]`);
    out.push(c.bold(name) + (o.title ? c.dim(`  ${oneLine(o.title)}`) : ''));
    if (!o.findings.length) out.push('  no findings');
    for (const g of GROUPS) {
      const fs = o.findings.filter((f) => f.aspect === g);
      if (!fs.length) continue;
      out.push(`  ${c.bold(g ?? 'document')}`);
      for (const f of fs) {
        out.push(`    ${loc(f, o.file)}  ${SEV[f.severity](f.severity)}  ${c.dim(f.ruleId)}  ${oneLine(f.message)}`);
        if (f.fix) out.push(`      ${c.dim('fix:')} ${oneLine(f.fix)}`);
      }
    }
    out.push(`  Decision: ${DEC[o.decision](o.decision.toUpperCase())}${o.score === null ? '' : `  score ${o.score}/100`}`);
    for (const r of o.reasons) out.push(`    - ${oneLine(r)}`);
    out.push('');
    yield trimLines(asLines(out));
  }
  yield `${n} offering${n === 1 ? '' : 's'}: ${counts.error} errors, ${counts.warning} warnings, ${counts.info} info\n`;
};

export const lint: Formatter = whole(lintParts);
