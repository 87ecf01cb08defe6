/**
 * The vetting report as GitHub-flavoured Markdown, for a pull-request comment or a wiki:
 * the same content as the HTML report, without charts. Every document value goes
 * through `escapeMarkdown` (pipes, newlines, HTML, Markdown punctuation).
 */
import { ASPECT_IDS, DECISIONS, type Finding, type OfferingReport } from '../types.js';
import { escapeMarkdown as md } from './escape.js';
import { asLines, whole, type CatalogReport, type Formatter, type PartsFormatter } from './types.js';
import { catalogView, counts, duplicatesNote, duplicatesView, LEVEL_NAMES, offeringLabel, refLabel, similarityRange } from './view.js';

const row = (cells: readonly (string | number)[]) => `| ${cells.map(String).join(' | ')} |`;
const rule = (n: number, right: number[] = []) => `|${Array.from({ length: n }, (_, i) => (right.includes(i) ? ' ---: ' : ' --- ')).join('|')}|`;

function levels(o: OfferingReport): string[] {
  return ASPECT_IDS.map((a) => (o.aspects ? String(o.aspects[a].level) : '–'));
}

function findingLine(f: Finding): string {
  const where = f.line === null ? '–' : `${f.line}:${f.column ?? 1}`;
  const waived = f.waived && f.waiver ? `**waived** by ${md(f.waiver.reviewer)} on ${md(f.waiver.date)}: ${md(f.waiver.reason)}<br>` : '';
  const quote = f.quote ? `<br>quote: “${md(f.quote)}”` : '';
  const fix = f.fix ? `<br>fix: ${md(f.fix)}` : '';
  return row([where, f.waived ? `~~${f.severity}~~` : f.severity, `\`${f.ruleId}\``, `${waived}${md(f.message)}${quote}${fix}`]);
}

function offeringSection(report: CatalogReport, o: OfferingReport, n: number): string[] {
  const out: string[] = [];
  out.push(`### ${n}. ${md(o.title ?? offeringLabel(o))}`, '');
  const meta = [
    `- **Decision:** ${o.decision.toUpperCase()}${o.score === null ? '' : ` (score ${o.score}/100)`}`,
    `- **File:** ${md(offeringLabel(o))}`,
    `- **Id:** ${md(o.id ?? '–')}`,
    `- **Provider:** ${md(o.provider ?? '–')}`,
  ];
  out.push(...meta, '');
  out.push('**Reasons**', '', ...o.reasons.map((r) => `- ${md(r)}`), '');
  if (o.aspects) {
    out.push(row(['Aspect', 'Level', 'Score']), rule(3, [2]));
    for (const a of ASPECT_IDS) out.push(row([a, `${o.aspects[a].level} ${LEVEL_NAMES[o.aspects[a].level]}`, o.aspects[a].score]));
    out.push('');
  }
  const dups = duplicatesView(report, o);
  if (dups) {
    out.push('**Possible duplicates** (competency statement):', '');
    for (const d of dups.shown) out.push(`- ${md(refLabel(d))}, similarity ${d.similarity.toFixed(2)}`);
    const note = duplicatesNote(dups);
    if (note) out.push(`- ${note[0]!.toUpperCase()}${note.slice(1)} (see Possible duplicates)`);
    out.push('');
  }
  if (o.findings.length) {
    out.push(`**Findings** (${o.findings.length})`, '', row(['Line', 'Severity', 'Rule', 'Finding']), rule(4));
    for (const f of o.findings) out.push(findingLine(f));
    out.push('');
  }
  return out;
}

/** The report's pieces: its lines, each ending with a newline. Every offering is read twice: for the table, then for its details. */
export const markdownParts: PartsFormatter = function* (report, offerings) {
  const s = report.summary;
  const view = catalogView(report);
  let out: string[] = [];
  // The lines so far, as one piece.
  const flush = () => {
    const piece = asLines(out);
    out = [];
    return piece;
  };
  out.push('# Micro-credential vetting report', '');
  out.push(`${s.offerings} offering${s.offerings === 1 ? '' : 's'} audited with rubric ${md(report.rubric.id)} ${md(report.rubric.version)}${report.generated ? ` on ${report.generated}` : ''}.`, '');
  out.push('## Decisions', '', row(['Approve', 'Revise', 'Reject', 'Invalid', 'Total']), rule(5, [0, 1, 2, 3, 4]));
  out.push(row([s.approve, s.revise, s.reject, s.invalid, s.offerings]), '');
  if (view.valid) {
    out.push('## Levels by aspect', '', row(['Aspect', 'Mean level', ...LEVEL_NAMES, 'Below proficient']), rule(7, [1, 2, 3, 4, 5, 6]));
    for (const a of view.aspects) out.push(row([a.aspect, a.mean.toFixed(2), ...a.distribution, `${a.belowProficient}%`]));
    out.push('', `Weakest aspects: ${view.weakest.slice(0, 3).map((a) => `${a.aspect} (${a.mean.toFixed(2)})`).join(', ')}.`, '');
  }
  out.push('## Offerings', '', row(['#', 'Offering', 'Title', 'Provider', 'Decision', 'Score', ...ASPECT_IDS]), rule(6 + ASPECT_IDS.length, [0, 5, 6, 7, 8, 9, 10]));
  yield flush();
  let n = 0;
  for (const o of offerings()) yield `${row([++n, md(offeringLabel(o)), md(o.title ?? '–'), md(o.provider ?? '–'), o.decision, o.score ?? '–', ...levels(o)])}\n`;
  out.push('');
  if (report.duplicateGroups?.length) {
    out.push('## Possible duplicates', '', 'Offerings linked by near-identical competency statements, directly or through others.', '');
    out.push(row(['Group', 'Offerings', 'Similarity', 'Members']), rule(4, [0, 1, 2]));
    for (const g of report.duplicateGroups) out.push(row([g.group, g.size, similarityRange(g), g.offerings.map((r) => md(refLabel(r))).join(', ')]));
    out.push('');
  }
  if (report.providers?.length) {
    out.push('## Providers', '', row(['Provider', 'Offerings', ...DECISIONS, 'invalid', ...ASPECT_IDS]), rule(6 + ASPECT_IDS.length, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]));
    for (const p of report.providers) {
      out.push(row([md(p.provider ?? '(no provider)'), p.offerings, p.approve, p.revise, p.reject, p.invalid, ...ASPECT_IDS.map((a) => (p.meanLevels ? p.meanLevels[a].toFixed(2) : '–'))]));
    }
    out.push('');
  }
  if (report.waivers && (report.waivers.file !== null || report.waivers.stale.length)) {
    out.push('## Waivers', '', `${report.waivers.waived} finding${report.waivers.waived === 1 ? '' : 's'} waived${report.waivers.file ? ` (from ${md(report.waivers.file)})` : ''}.`, '');
    if (report.waivers.stale.length) {
      out.push('Stale waivers (they match no finding):', '', row(['Offering', 'Rule', 'Reviewer', 'Date', 'Reason']), rule(5));
      for (const w of report.waivers.stale) out.push(row([md(w.offering), md(w.rule), md(w.reviewer), md(w.date), md(w.reason)]));
      out.push('');
    }
  }
  out.push('## Offering details', '');
  yield flush();
  n = 0;
  for (const o of offerings()) yield asLines(offeringSection(report, o, ++n));
  out.push('## Audit trail', '');
  out.push(`- **Tool:** ${md(report.tool.name)} ${md(report.tool.version)}`);
  out.push(`- **Rubric:** ${md(report.rubric.id)} ${md(report.rubric.version)}, sha256 \`${report.rubric.sha256}\``);
  if (report.generated) out.push(`- **Generated:** ${report.generated}`);
  out.push('');
  if (report.sources?.length) {
    out.push(row(['Source file', 'Bytes', 'sha256']), rule(3, [1]));
    for (const f of report.sources) out.push(row([md(f.file), f.bytes ?? '–', f.sha256 ? `\`${f.sha256}\`` : 'unreadable']));
    out.push('');
  }
  // Every section ends with an empty line: the report ends with one newline, not two.
  out.pop();
  yield flush();
};

export const markdown: Formatter = whole(markdownParts);
