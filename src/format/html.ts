/**
 * The vetting report as one self-contained HTML file, to read on screen, print to PDF and
 * file: a catalog dashboard, a sortable and filterable offerings table (plain HTML that
 * reads without JavaScript), one section per offering with a sign-off block, and the
 * audit trail. CSS, SVG charts and the small script are inline; a Content-Security-Policy
 * forbids every request and every script but the one whose hash it names.
 *
 * Every piece of document text goes through `esc` (src/format/escape.ts).
 */
import { createHash } from 'node:crypto';
import { ASPECT_IDS, type AspectId, type Finding, type OfferingReport, type Outcome } from '../types.js';
import { escapeHtml as esc } from './escape.js';
import { asLines, whole, type CatalogReport, type Formatter, type PartsFormatter } from './types.js';
import { catalogView, counts, duplicatesNote, duplicatesView, LEVEL_NAMES, offeringLabel, similarityRange, type CatalogView } from './view.js';

const OUTCOMES: readonly Outcome[] = ['approve', 'revise', 'reject', 'invalid'];
const OUTCOME_RANK: Record<Outcome, number> = { approve: 0, revise: 1, reject: 2, invalid: 3 };
const LEVEL_COLORS = ['#b3261e', '#d9822b', '#7aa63a', '#2e7d32'] as const;
const SHORT: Record<AspectId, string> = { 'grain-size': 'Grain', resources: 'Res.', evidence: 'Evid.', assessment: 'Assess.', transparency: 'Transp.' };

const CSS = `
:root{--ink:#1d232b;--muted:#5b6573;--line:#d9dee5;--bg:#f6f7f9;--card:#fff;--accent:#2457a6;
--approve:#2e7d32;--revise:#a66300;--reject:#b3261e;--invalid:#6a3d9a}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
[hidden]{display:none!important}
body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
main{max-width:1120px;margin:0 auto;padding:0 24px 48px}
.masthead{background:#15263f;color:#fff;padding:28px 24px 22px}
.masthead .wrap{max-width:1120px;margin:0 auto}
.masthead h1{margin:0 0 4px;font-size:26px;letter-spacing:.2px}
.masthead p{margin:0;color:#c9d4e4}
nav.toc{max-width:1120px;margin:0 auto;padding:10px 24px;display:flex;gap:18px;flex-wrap:wrap;font-size:14px}
nav.toc a{color:var(--accent);text-decoration:none}
nav.toc a:hover{text-decoration:underline}
section.panel{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:20px 22px;margin:18px 0}
h2{font-size:20px;margin:0 0 12px}
h3{font-size:16px;margin:16px 0 8px}
.cards{display:grid;grid-template-columns:repeat(5,minmax(0,1fr));gap:12px;margin-bottom:18px}
.card{border:1px solid var(--line);border-radius:8px;padding:12px 14px;border-top:5px solid var(--muted)}
.card .n{display:block;font-size:30px;font-weight:700;line-height:1.1}
.card .l{color:var(--muted);font-size:13px;text-transform:uppercase;letter-spacing:.6px}
.card.d-approve{border-top-color:var(--approve)}.card.d-revise{border-top-color:var(--revise)}
.card.d-reject{border-top-color:var(--reject)}.card.d-invalid{border-top-color:var(--invalid)}
.dash{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:22px;align-items:start}
figure{margin:0}
figcaption{font-size:13px;color:var(--muted);margin-bottom:6px}
svg text{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif}
.weakest ol{margin:0;padding-left:20px}
.weakest li{margin:0 0 8px}
.weakest .bar{display:block;height:6px;background:#e8ebef;border-radius:3px;margin-top:3px;overflow:hidden}
.weakest .bar i{display:block;height:100%;background:var(--reject)}
table{border-collapse:collapse;width:100%;font-size:14px}
th,td{border-bottom:1px solid var(--line);padding:6px 7px;text-align:left;vertical-align:top}
.table-wrap{overflow-x:auto}
#offerings th{padding:6px 5px;letter-spacing:.2px}
#offerings td:nth-child(2){min-width:200px;overflow-wrap:anywhere}
#offerings td:nth-child(3){max-width:160px;overflow-wrap:anywhere}
#offerings .sub{overflow-wrap:anywhere}
th{font-size:12px;text-transform:uppercase;letter-spacing:.4px;color:var(--muted);white-space:nowrap}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
th button{all:unset;cursor:pointer;font:inherit;color:inherit;text-transform:inherit;letter-spacing:inherit;border-bottom:1px dotted #aab2bd}
th button:hover{color:var(--ink)}
th[aria-sort=ascending] button::after{content:" \\25B2";color:var(--ink)}
th[aria-sort=descending] button::after{content:" \\25BC";color:var(--ink)}
th button:focus-visible{outline:2px solid var(--accent);outline-offset:2px}
tbody tr:hover{background:#f2f5fa}
.controls{display:flex;gap:12px;align-items:center;flex-wrap:wrap;margin-bottom:10px;font-size:14px}
.controls input,.controls select{font:inherit;padding:5px 8px;border:1px solid var(--line);border-radius:6px}
.controls input{min-width:260px}
.controls output{color:var(--muted)}
.badge{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;font-weight:700;text-transform:uppercase;letter-spacing:.5px;color:#fff;background:var(--muted)}
.badge.d-approve{background:var(--approve)}.badge.d-revise{background:var(--revise)}
.badge.d-reject{background:var(--reject)}.badge.d-invalid{background:var(--invalid)}
.lv{display:inline-block;min-width:22px;text-align:center;border-radius:4px;color:#fff;font-weight:600;font-size:13px}
.lv0{background:${LEVEL_COLORS[0]}}.lv1{background:${LEVEL_COLORS[1]}}.lv2{background:${LEVEL_COLORS[2]}}.lv3{background:${LEVEL_COLORS[3]}}
.sub{color:var(--muted);font-size:13px}
a{color:var(--accent)}
.offering header{display:flex;justify-content:space-between;gap:18px;align-items:flex-start;border-bottom:1px solid var(--line);padding-bottom:10px;margin-bottom:10px}
.offering h2{margin:2px 0 4px}
.eyebrow{margin:0;color:var(--muted);font-size:13px;word-break:break-all}
.decision{font-size:22px;font-weight:800;letter-spacing:1px;margin:0;white-space:nowrap}
.decision.d-approve{color:var(--approve)}.decision.d-revise{color:var(--revise)}.decision.d-reject{color:var(--reject)}.decision.d-invalid{color:var(--invalid)}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:6px 0 0;font-size:14px}
dl.meta dt{color:var(--muted)}dl.meta dd{margin:0;word-break:break-word}
.two{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:20px;align-items:start}
.reasons{margin:0;padding-left:20px}
.callout{border-left:4px solid var(--revise);background:#fff7e8;padding:8px 12px;margin:12px 0;font-size:14px}
ol.findings{list-style:none;margin:0;padding:0}
ul.plain{list-style:none;margin:0;padding:0}
ul.plain li+li{margin-top:4px}
.finding{border:1px solid var(--line);border-left:5px solid var(--muted);border-radius:6px;padding:8px 12px;margin:0 0 8px}
.finding.sev-error{border-left-color:var(--reject)}.finding.sev-warning{border-left-color:var(--revise)}.finding.sev-info{border-left-color:var(--accent)}
.finding.waived{border-left-style:dashed;background:#fafafa;color:#4a525c}
.fhead{font-size:13px;color:var(--muted);display:flex;gap:10px;flex-wrap:wrap}
.sev{font-weight:700;text-transform:uppercase}
.waived-tag{font-weight:700;color:var(--invalid);text-transform:uppercase}
.finding p{margin:4px 0}
.finding blockquote{margin:6px 0;padding:4px 10px;border-left:3px solid var(--line);color:#333;background:#f7f8fa;white-space:pre-wrap;word-break:break-word}
code{font:13px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;word-break:break-all}
.signoff{margin-top:16px;border:1px solid var(--ink);border-radius:6px;padding:10px 14px}
.signoff h3{margin:0 0 8px}
.signoff table td{border:0;padding:6px 4px}
.signoff .blank{border-bottom:1px solid var(--ink);min-width:180px;height:22px}
.signoff .notes{border:1px solid var(--line);height:80px}
.box{display:inline-block;width:12px;height:12px;border:1px solid var(--ink);margin:0 4px 0 10px;vertical-align:-1px}
.empty{color:var(--muted)}
@media (max-width:800px){.cards{grid-template-columns:repeat(2,1fr)}.dash,.two{grid-template-columns:1fr}}
@media print{
@page{size:auto;margin:14mm}
body{background:#fff;font-size:10.5pt}
.masthead{background:#fff;color:#000;padding:0 0 8px;border-bottom:2px solid #000}
.masthead p{color:#333}
nav.toc,.controls,.screen-only{display:none!important}
main{max-width:none;padding:0}
section.panel{border:0;border-radius:0;padding:0;margin:12px 0}
.offering,#audit{break-before:page;page-break-before:always}
.finding,.signoff,figure,tr,.card{break-inside:avoid;page-break-inside:avoid}
tr[hidden]{display:table-row!important}
.table-wrap{overflow:visible}
a{color:inherit;text-decoration:none}
th button::after{content:""}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
`;

/** Sorting and filtering of the offerings table. Only progressive: the table reads without it. */
const SCRIPT = `(function () {
  'use strict';
  var table = document.getElementById('offerings');
  var controls = document.getElementById('table-controls');
  if (!table || !controls) return;
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var text = document.getElementById('filter-text');
  var decision = document.getElementById('filter-decision');
  var count = document.getElementById('filter-count');
  controls.hidden = false;
  function apply() {
    var q = text.value.trim().toLowerCase();
    var d = decision.value;
    var shown = 0;
    rows.forEach(function (r) {
      var ok = (!d || r.getAttribute('data-decision') === d) && (!q || r.textContent.toLowerCase().indexOf(q) >= 0);
      r.hidden = !ok;
      if (ok) shown++;
    });
    count.textContent = shown + ' of ' + rows.length + ' shown';
  }
  text.addEventListener('input', apply);
  decision.addEventListener('change', apply);
  var heads = table.tHead.rows[0].cells;
  Array.prototype.forEach.call(heads, function (th, col) {
    var type = th.getAttribute('data-type');
    if (!type) return;
    var button = document.createElement('button');
    button.type = 'button';
    while (th.firstChild) button.appendChild(th.firstChild);
    th.appendChild(button);
    button.addEventListener('click', function () {
      var dir = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
      Array.prototype.forEach.call(heads, function (h) { h.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', dir);
      var sign = dir === 'ascending' ? 1 : -1;
      function key(r) { var c = r.cells[col]; var v = c.getAttribute('data-sort'); return v === null ? c.textContent.trim().toLowerCase() : v; }
      rows.sort(function (a, b) {
        var x = key(a), y = key(b);
        var c = type === 'number' ? Number(x) - Number(y) : (x < y ? -1 : x > y ? 1 : 0);
        return sign * c || Number(a.getAttribute('data-n')) - Number(b.getAttribute('data-n'));
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
  apply();
})();`;

const SCRIPT_HASH = createHash('sha256').update(SCRIPT).digest('base64');
const CSP = `default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-${SCRIPT_HASH}'; base-uri 'none'; form-action 'none'`;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function badge(d: Outcome): string {
  return `<span class="badge d-${d}">${d}</span>`;
}

function levelCell(o: OfferingReport, a: AspectId): string {
  if (!o.aspects) return '<td class="num" data-sort="-1">–</td>';
  const l = o.aspects[a].level;
  return `<td class="num" data-sort="${l}"><span class="lv lv${l}" title="${LEVEL_NAMES[l]}">${l}</span></td>`;
}

/** Stacked bars: how many offerings sit at each level, per aspect. */
function distributionChart(view: CatalogView): string {
  const W = 620;
  const labelW = 110;
  const barW = W - labelW - 10;
  const rowH = 30;
  const top = 6;
  const h = top + rowH * view.aspects.length + 34;
  const parts: string[] = [];
  view.aspects.forEach((a, i) => {
    const y = top + i * rowH;
    parts.push(`<text x="0" y="${y + 18}" font-size="13" fill="#1d232b">${esc(a.aspect)}</text>`);
    let x = labelW;
    a.distribution.forEach((n, l) => {
      if (!n) return;
      const w = Math.round((barW * n * 100) / view.valid) / 100;
      parts.push(
        `<rect x="${x}" y="${y + 3}" width="${w}" height="${rowH - 8}" fill="${LEVEL_COLORS[l]}"><title>${esc(a.aspect)}: ${n} at ${LEVEL_NAMES[l]}</title></rect>`,
      );
      if (w >= 18) parts.push(`<text x="${Math.round((x + w / 2) * 100) / 100}" y="${y + 19}" font-size="12" fill="#fff" text-anchor="middle">${n}</text>`);
      x += w;
    });
  });
  const ly = top + rowH * view.aspects.length + 16;
  LEVEL_NAMES.forEach((name, l) => {
    const lx = labelW + l * 125;
    parts.push(`<rect x="${lx}" y="${ly - 10}" width="12" height="12" fill="${LEVEL_COLORS[l]}"/><text x="${lx + 17}" y="${ly}" font-size="12" fill="#5b6573">${l} ${name}</text>`);
  });
  return `<svg role="img" aria-labelledby="dist-title" viewBox="0 0 ${W} ${h}" width="100%" preserveAspectRatio="xMinYMin meet"><title id="dist-title">Level distribution per aspect across ${view.valid} valid offerings</title>${parts.join('')}</svg>`;
}

/** Five bars, one per aspect, as long as the level (0-3). */
function offeringChart(o: OfferingReport, n: number): string {
  if (!o.aspects) return '';
  const labelW = 100;
  const trackW = 180;
  const rowH = 24;
  const parts: string[] = [];
  ASPECT_IDS.forEach((a, i) => {
    const r = o.aspects![a];
    const y = i * rowH;
    const w = Math.round((trackW * r.level) / 3);
    parts.push(`<text x="0" y="${y + 16}" font-size="12" fill="#1d232b">${a}</text>`);
    parts.push(`<rect x="${labelW}" y="${y + 5}" width="${trackW}" height="14" fill="#e8ebef"/>`);
    if (w) parts.push(`<rect x="${labelW}" y="${y + 5}" width="${w}" height="14" fill="${LEVEL_COLORS[r.level]}"/>`);
    parts.push(`<text x="${labelW + trackW + 8}" y="${y + 16}" font-size="12" fill="#5b6573">${r.level} ${LEVEL_NAMES[r.level]} · ${r.score}</text>`);
  });
  return `<figure><figcaption>Aspect levels (0-3) and scores</figcaption><svg role="img" aria-labelledby="o-${n}-chart" viewBox="0 0 400 ${rowH * 5 + 4}" width="100%" preserveAspectRatio="xMinYMin meet"><title id="o-${n}-chart">Aspect levels of offering ${n}</title>${parts.join('')}</svg></figure>`;
}

function dashboard(report: CatalogReport, view: CatalogView): string {
  const s = report.summary;
  const cards = [
    `<div class="card"><span class="n">${s.offerings}</span><span class="l">offerings</span></div>`,
    ...OUTCOMES.map((d) => `<div class="card d-${d}"><span class="n">${s[d]}</span><span class="l">${d}</span></div>`),
  ].join('');
  let body = '<p class="empty">No valid offering to chart.</p>';
  if (view.valid) {
    const weakest = view.weakest
      .slice(0, 3)
      .map(
        (a) =>
          `<li><strong>${a.aspect}</strong> — mean level ${a.mean.toFixed(2)} of 3; ${a.belowProficient}% of offerings below proficient<span class="bar" aria-hidden="true"><i style="width:${a.belowProficient}%"></i></span></li>`,
      )
      .join('');
    body = `<div class="dash"><figure><figcaption>Level distribution per aspect (${plural(view.valid, 'valid offering')})</figcaption>${distributionChart(view)}</figure><div class="weakest"><h3>Weakest aspects</h3><ol>${weakest}</ol></div></div>`;
  }
  return `<section id="dashboard" class="panel"><h2>Catalog dashboard</h2><div class="cards">${cards}</div>${body}</section>`;
}

const TABLE_HEAD = [
  '<th class="num" data-type="number" scope="col">#</th>',
  '<th data-type="text" scope="col">Offering</th>',
  '<th data-type="text" scope="col">Provider</th>',
  '<th data-type="number" scope="col">Decision</th>',
  '<th class="num" data-type="number" scope="col">Score</th>',
  ...ASPECT_IDS.map((a) => `<th class="num" data-type="number" scope="col" title="${a}">${SHORT[a]}</th>`),
  '<th class="num" data-type="number" scope="col" title="errors / warnings (not waived)">Err/Warn</th>',
].join('');
const FILTER_OPTIONS = ['<option value="">all decisions</option>', ...OUTCOMES.map((d) => `<option value="${d}">${d}</option>`)].join('');

/** The offerings table up to its first row. */
const TABLE_OPEN =
  `<section id="offerings-section" class="panel"><h2>Offerings</h2>` +
  `<div id="table-controls" class="controls" hidden><label>Filter <input id="filter-text" type="search" placeholder="title, file, provider…" autocomplete="off"></label>` +
  `<label>Decision <select id="filter-decision">${FILTER_OPTIONS}</select></label><output id="filter-count" aria-live="polite"></output></div>` +
  `<div class="table-wrap"><table id="offerings"><thead><tr>${TABLE_HEAD}</tr></thead><tbody>`;
const TABLE_CLOSE = '</tbody></table></div></section>';

/** The offerings table's row for offering `n` (1-based). */
function tableRow(o: OfferingReport, n: number): string {
  const c = counts(o);
  const title = o.title ?? offeringLabel(o);
  return (
    `<tr data-n="${n}" data-decision="${o.decision}">` +
    `<td class="num" data-sort="${n}">${n}</td>` +
    `<td data-sort="${esc(title.toLowerCase())}"><a href="#o-${n}">${esc(title)}</a><br><span class="sub">${esc(offeringLabel(o))}</span></td>` +
    `<td>${esc(o.provider ?? '–')}</td>` +
    `<td data-sort="${OUTCOME_RANK[o.decision]}">${badge(o.decision)}</td>` +
    `<td class="num" data-sort="${o.score ?? -1}">${o.score ?? '–'}</td>` +
    ASPECT_IDS.map((a) => levelCell(o, a)).join('') +
    `<td class="num" data-sort="${c.errors * 1000 + c.warnings}">${c.errors} / ${c.warnings}</td>` +
    '</tr>'
  );
}

function duplicatesSection(report: CatalogReport): string {
  if (!report.duplicateGroups) return '';
  const ref = (r: { file: string; index?: number; id: string | null; title: string | null }) =>
    `<li>${esc(r.title ?? r.id ?? offeringLabel(r))}<br><span class="sub">${esc(offeringLabel(r))}${r.id ? ` · ${esc(r.id)}` : ''}</span></li>`;
  const body = report.duplicateGroups.length
    ? `<table><thead><tr><th class="num" scope="col">Group</th><th scope="col">Offerings with near-identical statements</th><th class="num" scope="col">Similarity</th></tr></thead><tbody>${report.duplicateGroups
        .map((g) => `<tr id="dup-${g.group}"><td class="num">${g.group}</td><td><ul class="plain">${g.offerings.map(ref).join('')}</ul></td><td class="num">${similarityRange(g)}</td></tr>`)
        .join('')}</tbody></table>`
    : '<p class="empty">No two offerings have near-identical competency statements.</p>';
  return `<section id="duplicates" class="panel"><h2>Possible duplicates</h2><p class="sub">Competency statements compared by word-shingle Jaccard similarity. A group holds offerings linked by near-identical statements, directly or through others.</p>${body}</section>`;
}

function providersSection(report: CatalogReport): string {
  if (!report.providers?.length) return '';
  const rows = report.providers
    .map(
      (p) =>
        `<tr><td>${p.provider === null ? '<span class="empty">(no provider named)</span>' : esc(p.provider)}</td><td class="num">${p.offerings}</td>` +
        OUTCOMES.map((d) => `<td class="num">${p[d]}</td>`).join('') +
        ASPECT_IDS.map((a) => `<td class="num">${p.meanLevels ? p.meanLevels[a].toFixed(2) : '–'}</td>`).join('') +
        '</tr>',
    )
    .join('');
  return (
    `<section id="providers" class="panel"><h2>By provider</h2><table><thead><tr><th scope="col">Provider</th><th class="num" scope="col">Offerings</th>` +
    OUTCOMES.map((d) => `<th class="num" scope="col">${d}</th>`).join('') +
    ASPECT_IDS.map((a) => `<th class="num" scope="col" title="mean level of ${a}">${SHORT[a]}</th>`).join('') +
    `</tr></thead><tbody>${rows}</tbody></table><p class="sub">Aspect columns are mean levels (0-3) over valid offerings.</p></section>`
  );
}

function waiversSection(report: CatalogReport): string {
  const w = report.waivers;
  if (!w || (w.file === null && !w.stale.length)) return '';
  const stale = w.stale.length
    ? `<h3>Stale waivers</h3><p class="sub">These waivers match no finding: their offering is not in this report, or the rule found nothing there.</p><table><thead><tr><th>Offering</th><th>Rule</th><th>Reviewer</th><th>Date</th><th>Reason</th></tr></thead><tbody>${w.stale
        .map((s) => `<tr><td>${esc(s.offering)}</td><td><code>${esc(s.rule)}</code></td><td>${esc(s.reviewer)}</td><td>${esc(s.date)}</td><td>${esc(s.reason)}</td></tr>`)
        .join('')}</tbody></table>`
    : '';
  return `<section id="waivers" class="panel"><h2>Reviewer waivers</h2><p>${plural(w.waived, 'finding')} waived${w.file ? ` from <code>${esc(w.file)}</code>` : ''}. Waived findings are shown but do not count toward levels or decisions.</p>${stale}</section>`;
}

function findingItem(f: Finding): string {
  const where = f.line === null ? 'no position' : `line ${f.line}, column ${f.column ?? 1}`;
  const cls = `finding sev-${f.severity}${f.waived ? ' waived' : ''}`;
  const parts = [
    `<div class="fhead"><span class="sev">${f.severity}</span><code>${esc(f.ruleId)}</code><span>${where}</span>${f.aspect ? `<span>${f.aspect}</span>` : ''}${f.waived ? '<span class="waived-tag">waived</span>' : ''}</div>`,
    `<p class="msg">${esc(f.message)}</p>`,
  ];
  if (f.quote) parts.push(`<blockquote>${esc(f.quote)}</blockquote>`);
  if (f.fix) parts.push(`<p class="fix"><strong>Fix:</strong> ${esc(f.fix)}</p>`);
  if (f.waived && f.waiver) parts.push(`<p class="waiver"><strong>Waived</strong> by ${esc(f.waiver.reviewer)} on ${esc(f.waiver.date)}: ${esc(f.waiver.reason)}</p>`);
  return `<li class="${cls}">${parts.join('')}</li>`;
}

function signOff(n: number): string {
  return (
    `<div class="signoff" aria-label="Reviewer sign-off for offering ${n}"><h3>Reviewer sign-off</h3><table><tbody>` +
    '<tr><td>Reviewer</td><td><div class="blank"></div></td><td>Date</td><td><div class="blank"></div></td></tr>' +
    `<tr><td>Decision</td><td colspan="3">${['Approve', 'Revise', 'Reject'].map((d) => `<span class="box"></span>${d}`).join('')}</td></tr>` +
    '<tr><td>Notes</td><td colspan="3"><div class="notes"></div></td></tr>' +
    '</tbody></table></div>'
  );
}

function offeringSection(report: CatalogReport, o: OfferingReport, n: number, total: number): string {
  const title = o.title ?? offeringLabel(o);
  const meta: [string, string][] = [
    ['File', esc(offeringLabel(o))],
    ['Id', esc(o.id ?? '–')],
    ['Provider', esc(o.provider ?? '–')],
    ['Score', o.score === null ? '–' : `${o.score} / 100`],
  ];
  const dl = `<dl class="meta">${meta.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>`;
  const dv = duplicatesView(report, o);
  const note = dv && duplicatesNote(dv, (words, g) => `<a href="#dup-${g}">${words}</a>`);
  const dups = dv
    ? `<div class="callout"><strong>Possible duplicate${o.duplicates!.length === 1 ? '' : 's'}:</strong> the competency statement is near-identical to ${dv.shown
        .map((d) => `${esc(d.title ?? d.id ?? offeringLabel(d))} (<code>${esc(offeringLabel(d))}</code>, similarity ${d.similarity.toFixed(2)})`)
        .join('; ')}${note ? `; ${note}` : ''}.</div>`
    : '';
  const c = counts(o);
  const findings = o.findings.length
    ? `<h3>Findings (${o.findings.length}: ${plural(c.errors, 'error')}, ${plural(c.warnings, 'warning')}, ${c.infos} info${c.waived ? `, ${c.waived} waived` : ''})</h3><ol class="findings">${o.findings.map(findingItem).join('')}</ol>`
    : '<h3>Findings</h3><p class="empty">No findings.</p>';
  return (
    `<section class="panel offering" id="o-${n}" aria-labelledby="o-${n}-h">` +
    `<header><div><p class="eyebrow">Offering ${n} of ${total}</p><h2 id="o-${n}-h">${esc(title)}</h2>${dl}</div><p class="decision d-${o.decision}">${o.decision.toUpperCase()}</p></header>` +
    `<div class="two"><div><h3>Reasons</h3><ul class="reasons">${o.reasons.map((r) => `<li>${esc(r)}</li>`).join('')}</ul></div>${offeringChart(o, n)}</div>` +
    dups +
    findings +
    signOff(n) +
    '</section>'
  );
}

function auditTrail(report: CatalogReport): string {
  const rows: [string, string][] = [
    ['Tool', `${esc(report.tool.name)} ${esc(report.tool.version)}`],
    ['Rubric', `${esc(report.rubric.title)} (<code>${esc(report.rubric.id)}</code>, version ${esc(report.rubric.version)})`],
    ['Rubric sha256', `<code>${esc(report.rubric.sha256)}</code>`],
    ['Generated', report.generated ? `<time datetime="${esc(report.generated)}">${esc(report.generated)}</time>` : '–'],
    ['Rules', `${report.rules.length} enabled`],
  ];
  if (report.waivers?.file) rows.push(['Waivers', `<code>${esc(report.waivers.file)}</code>`]);
  const sources = report.sources?.length
    ? `<h3>Source files</h3><table class="sources"><thead><tr><th scope="col">File</th><th class="num" scope="col">Bytes</th><th scope="col">sha256</th></tr></thead><tbody>${report.sources
        .map((f) => `<tr><td>${esc(f.file)}</td><td class="num">${f.bytes ?? '–'}</td><td>${f.sha256 ? `<code>${f.sha256}</code>` : '<span class="empty">unreadable</span>'}</td></tr>`)
        .join('')}</tbody></table>`
    : '';
  const rules = `<details class="screen-only"><summary>Rules in this rubric (${report.rules.length})</summary><table><thead><tr><th>Rule</th><th>Aspect</th><th>Severity</th><th class="num">Points</th><th>Blocking</th></tr></thead><tbody>${report.rules
    .map((r) => `<tr><td><code>${esc(r.id)}</code></td><td>${r.aspect}</td><td>${r.severity}</td><td class="num">${r.points}</td><td>${r.blocking ? 'yes' : ''}</td></tr>`)
    .join('')}</tbody></table></details>`;
  return `<section id="audit" class="panel"><h2>Audit trail</h2><dl class="meta">${rows.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>${sources}${rules}</section>`;
}

/**
 * The report's pieces: each line of the page as the parts below join it, ending with a
 * newline. Every offering is read twice: once for its table row, once for its section.
 */
export const htmlParts: PartsFormatter = function* (report, offerings) {
  const view = catalogView(report);
  const total = report.offerings.length;
  const sub = `${plural(total, 'offering')} · rubric ${esc(report.rubric.id)} ${esc(report.rubric.version)}${report.generated ? ` · generated ${esc(report.generated)}` : ''} · ${esc(report.tool.name)} ${esc(report.tool.version)}`;
  const nav = [
    ['#dashboard', 'Dashboard'],
    ['#offerings-section', 'Offerings'],
    ...(report.duplicateGroups ? [['#duplicates', 'Duplicates']] : []),
    ...(report.providers?.length ? [['#providers', 'Providers']] : []),
    ...(report.waivers && (report.waivers.file !== null || report.waivers.stale.length) ? [['#waivers', 'Waivers']] : []),
    ['#audit', 'Audit trail'],
  ]
    .map(([href, label]) => `<a href="${href}">${label}</a>`)
    .join('');
  // Sections with nothing to show are left out.
  const lines = (...pieces: string[]) => asLines(pieces.filter((p) => p !== ''));
  yield lines(
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    '<link rel="icon" href="data:,">',
    `<title>Micro-credential vetting report — ${plural(total, 'offering')}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    `<header class="masthead"><div class="wrap"><h1>Micro-credential vetting report</h1><p>${sub}</p></div></header>`,
    `<nav class="toc" aria-label="Sections">${nav}</nav>`,
    '<main>',
    dashboard(report, view),
  );
  // The table's rows, one per line between its head and its foot (an empty line when there are none).
  yield `${TABLE_OPEN}\n`;
  let n = 0;
  for (const o of offerings()) yield `${tableRow(o, ++n)}\n`;
  if (n === 0) yield '\n';
  yield lines(TABLE_CLOSE, duplicatesSection(report), providersSection(report), waiversSection(report));
  n = 0;
  for (const o of offerings()) yield lines(offeringSection(report, o, ++n, total));
  yield lines(auditTrail(report), '</main>', `<script>${SCRIPT}</script>`, '</body>', '</html>');
};

export const html: Formatter = whole(htmlParts);
