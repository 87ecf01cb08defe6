/**
 * The terminal report: per offering a table of the five aspects, the decision with
 * its reasons and the findings as `file:line:col  severity  rule-id  message`; then a
 * catalog summary. Colour comes only from chalk, only here, and only when asked for.
 */
import { Chalk, type ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import { catalogStats } from '../report.js';
import { ASPECT_IDS, LEVEL_LABELS, type Finding, type OfferingReport, type Outcome, type Severity } from '../types.js';
import { oneLine, trimLines } from './sanitize.js';
import { whole, type CatalogReport, type Formatter, type PartsFormatter } from './types.js';

interface Paint {
  c: ChalkInstance;
  decision(d: Outcome): string;
  /** The decision as a lower-case word, coloured. */
  word(d: Outcome): string;
  severity(s: Severity): string;
  level(l: number): string;
}

function paint(color: boolean): Paint {
  const c = new Chalk({ level: color ? 1 : 0 });
  const DEC: Record<Outcome, ChalkInstance> = { approve: c.green.bold, revise: c.yellow.bold, reject: c.red.bold, invalid: c.magenta.bold };
  const SEV: Record<Severity, ChalkInstance> = { error: c.red, warning: c.yellow, info: c.blue };
  const LVL = [c.red, c.yellow, c.green, c.green.bold];
  return {
    c,
    decision: (d) => DEC[d](d.toUpperCase()),
    word: (d) => DEC[d](d),
    severity: (s) => SEV[s](s),
    level: (l) => LVL[l]!(`${l} ${LEVEL_LABELS[l as 0 | 1 | 2 | 3]}`),
  };
}

const SEV_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function location(f: Finding, file: string): string {
  return f.line === null ? file : `${file}:${f.line}:${f.column ?? 1}`;
}

function label(o: OfferingReport): string {
  return oneLine(o.index === undefined ? o.file : `${o.file} [${o.index}]`);
}

function table(color: boolean, head: string[], colWidths?: number[]): Table.Table {
  return new Table({
    head,
    // Rows that wrap keep a rule between them; one-line rows read better without.
    ...(colWidths ? {} : { chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' } }),
    ...(colWidths ? { colWidths, wordWrap: true } : {}),
    style: color ? { head: ['cyan'], border: ['grey'] } : { head: [], border: [] },
  });
}

function worstFinding(o: OfferingReport, aspect: string): Finding | undefined {
  return o.findings
    .filter((f) => f.aspect === aspect && !f.waived)
    .sort((a, b) => SEV_RANK[a.severity] - SEV_RANK[b.severity] || (a.line ?? 0) - (b.line ?? 0))[0];
}

function offeringBlock(o: OfferingReport, p: Paint, color: boolean): string {
  const out: string[] = [];
  const heading = [p.c.bold(label(o))];
  const meta = [o.title, o.provider].filter((x): x is string => !!x).map(oneLine);
  if (meta.length) heading.push(p.c.dim(meta.join(' — ')));
  out.push(heading.join('\n  '));
  if (o.aspects) {
    const t = table(color, ['Aspect', 'Level', 'Score', 'Worst finding'], [14, 15, 7, 52]);
    for (const a of ASPECT_IDS) {
      const r = o.aspects[a];
      const w = worstFinding(o, a);
      t.push([a, p.level(r.level), { hAlign: 'right', content: String(r.score) }, w ? `${p.severity(w.severity)} ${w.ruleId}: ${oneLine(w.message)}` : '']);
    }
    out.push(t.toString());
  }
  out.push(`  Decision: ${p.decision(o.decision)}${o.score === null ? '' : `  score ${o.score}/100`}`);
  for (const r of o.reasons) out.push(`    - ${oneLine(r)}`);
  if (o.findings.length) {
    out.push(`  Findings (${o.findings.length}):`);
    for (const f of o.findings) {
      const waived = f.waived ? `${p.c.dim('waived')} ` : '';
      out.push(`    ${oneLine(location(f, o.file))}  ${waived}${p.severity(f.severity)}  ${p.c.dim(f.ruleId)}  ${oneLine(f.message)}`);
      if (f.waiver) out.push(`      ${p.c.dim('waived:')} ${oneLine(`${f.waiver.reason} (${f.waiver.reviewer}, ${f.waiver.date})`)}`);
      if (f.fix) out.push(`      ${p.c.dim('fix:')} ${oneLine(f.fix)}`);
    }
  }
  return out.join('\n');
}

function summaryBlock(report: CatalogReport, p: Paint, color: boolean): string {
  const s = report.summary;
  const out: string[] = [];
  const counts = (['approve', 'revise', 'reject', 'invalid'] as const).map((d) => `${s[d]} ${p.word(d)}`);
  out.push(p.c.bold(`Summary: ${s.offerings} offering${s.offerings === 1 ? '' : 's'}`) + ` — ${counts.join(', ')}`);
  const stats = catalogStats(report.offerings);
  if (stats.meanLevels) {
    const t = table(color, ['Aspect', 'Mean level', ...LEVEL_LABELS]);
    const valid = report.offerings.filter((o) => o.aspects);
    for (const a of ASPECT_IDS) {
      const dist = [0, 1, 2, 3].map((l) => String(valid.filter((o) => o.aspects![a].level === l).length));
      t.push([a === stats.weakest ? p.c.bold(a) : a, { hAlign: 'right', content: stats.meanLevels[a].toFixed(2) }, ...dist.map((d) => ({ hAlign: 'right' as const, content: d }))]);
    }
    out.push(t.toString());
    out.push(`Weakest aspect: ${p.c.bold(stats.weakest!)} (mean level ${stats.meanLevels[stats.weakest!].toFixed(2)} of 3)`);
  }
  if (report.waivers?.file) {
    const stale = report.waivers.stale.length;
    out.push(`Waivers: ${report.waivers.waived} finding${report.waivers.waived === 1 ? '' : 's'} waived${stale ? `; ${p.c.yellow(`${stale} stale waiver${stale === 1 ? '' : 's'}`)} (${report.waivers.stale.map((w) => oneLine(`${w.offering} ${w.rule}`)).join(', ')})` : ''}`);
  }
  out.push(p.c.dim(`Rubric: ${oneLine(report.rubric.id)} ${oneLine(report.rubric.version)} · ${report.tool.name} ${report.tool.version}`));
  return out.join('\n');
}

/** The report's pieces: a block or line per offering, then the summary. */
export const textParts: PartsFormatter = function* (report, offerings, options) {
  const p = paint(options.color);
  if (options.quiet) {
    for (const o of offerings()) {
      const score = o.score === null ? '   -' : String(o.score).padStart(4);
      const title = o.title ? `  ${oneLine(o.title)}` : '';
      yield `${trimLines(`${p.decision(o.decision)}${' '.repeat(8 - o.decision.length)}${score}  ${label(o)}${title}`)}\n`;
    }
    yield '\n';
  } else {
    for (const o of offerings()) yield `${trimLines(offeringBlock(o, p, options.color))}\n\n`;
  }
  yield `${trimLines(summaryBlock(report, p, options.color))}\n`;
};

export const text: Formatter = whole(textParts);
