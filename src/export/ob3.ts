/**
 * Renders an audited offering as an Open Badges 3.0 `Achievement`. Pure data in, data out.
 *
 * - `criteria.narrative` is a Markdown body (competency, method, research, resources,
 *   evidence, pass rule, assessment process, details) written with the headings and
 *   `Label: value` lines mcaudit reads, so auditing the export gives the same decision.
 * - `resultDescription` carries the rubric: one `RubricCriterion` per criterion, its levels
 *   as `rubricCriterionLevel`, and `requiredLevel` where the pass rule names a level.
 * - The audit summary goes in the extension property `mcaudit` (Achievement allows
 *   additional properties), declared in `@context` as a JSON literal.
 */
import type { AlignmentItem, Criterion, EvidenceItem, Offering, ResearchItem, ResourceItem } from '../model/offering.js';
import type { Report } from '../report.js';
import type { AspectId, Doc, Level, OfferingReport } from '../types.js';

export const OB3_CONTEXT = ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'] as const;
/** The JSON-LD term for the audit summary: a JSON literal, so processors keep it as it is. */
export const MCAUDIT_TERM = { mcaudit: { '@id': 'urn:mcaudit:audit-summary', '@type': '@json' } } as const;

export interface AuditSummary {
  tool: { name: string; version: string };
  decision: OfferingReport['decision'];
  score: number | null;
  levels: Record<AspectId, Level> | null;
  rubric: Report['rubric'];
  source: { file: string; index?: number };
}

const URI_RE = /^[a-z][a-z0-9+.-]{1,30}:\S+$/i;
const HTTP_RE = /^https?:\/\/\S+$/i;

/** A file-name-safe slug for an offering. */
export function slugOf(data: Offering, fallback: string): string {
  const base = String(data.id ?? data.title ?? fallback)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-') // one hyphen per run, so at most one at either end
    .replace(/^-|-$/g, '')
    .slice(0, 80)
    .replace(/-$/, '');
  return base || 'offering';
}

/** Text on one line (split and trim, not a regex: linear on long runs of spaces). */
const oneLine = (s: string) =>
  s
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join(' ');
/** Keep document text from opening Markdown structure of its own (a line starting with `#`). */
const para = (s: string) =>
  s
    .trim()
    .split('\n')
    .map((l) => l.replace(/^(\s*)#/, '$1\\#'))
    .join('\n');
const asText = (v: unknown): string => (typeof v === 'boolean' ? (v ? 'yes' : 'no') : String(v));
const list = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

function researchLine(r: ResearchItem): string {
  if (typeof r === 'string') return oneLine(r);
  const parts = [r.citation ?? '', r.doi ? `https://doi.org/${String(r.doi).replace(/^https?:\/\/(?:dx\.)?doi\.org\//, '')}` : '', r.url ?? ''];
  return oneLine(parts.filter(Boolean).join(' '));
}

function resourceLine(r: ResourceItem): string {
  if (typeof r === 'string') return oneLine(r);
  const title = r.title ? (r.url ? `[${oneLine(r.title)}](${r.url})` : oneLine(r.title)) : (r.url ?? '');
  const extra = [r.description, r.type ? `Type: ${r.type}.` : '', r.cost ? `Cost: ${r.cost}.` : '', r.evidenceBased === true ? 'Evidence-based.' : ''];
  return oneLine([title + (title && !/[.!?]$/.test(title) ? '.' : ''), ...extra].filter(Boolean).join(' '));
}

const PART_LABEL = { overview: 'Overview', artifact: 'Artifact', reflection: 'Reflection' } as const;

function evidenceBlock(e: EvidenceItem, i: number): string {
  type Ev = { part?: string; title?: string; type?: string; description?: string; quantity?: string | number; limit?: string | number; required?: string | boolean };
  const item = (typeof e === 'string' ? { description: e } : e) as Ev;
  const part = item.part && Object.hasOwn(PART_LABEL, item.part) ? PART_LABEL[item.part as keyof typeof PART_LABEL] : 'Evidence';
  const title = item.title ? oneLine(item.title) : `Part ${i + 1}`;
  const lines = [`### ${part}: ${title}`, ''];
  if (item.description) lines.push(para(item.description));
  const facts = [item.type ? `Type: ${item.type}.` : '', item.quantity !== undefined ? `Quantity: ${item.quantity}.` : '', item.limit !== undefined ? `Limit: ${item.limit}.` : '', item.required === false || item.required === 'false' ? 'Optional.' : ''].filter(Boolean);
  if (facts.length) lines.push('', facts.join(' '));
  return lines.join('\n');
}

function alignmentLine(a: AlignmentItem): string {
  const r = a as { framework?: string; code?: string; name?: string; url?: string };
  return oneLine([r.framework, r.code, r.name ? (r.framework || r.code ? `: ${r.name}` : r.name) : '', r.url ? ` ${r.url}` : ''].filter(Boolean).join(' ').replace(/ :/g, ':'));
}

/** Sections whose prose a Markdown offering may hold beyond its fields, and the heading each is written under. */
const PROSE_SECTIONS: [scope: string, heading: string][] = [
  ['resources', 'Resources'],
  ['rubric', 'Scoring Guide'],
  ['assessment', 'Assessment Process'],
  ['privacy', 'Privacy'],
  ['other', 'Additional Information'],
];

/**
 * Prose of a Markdown offering that no canonical field holds (an assessment process told in
 * paragraphs, a privacy note, unknown sections), by section, so the narrative keeps it.
 */
export function carriedProse(doc: Doc): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  if (doc.source !== 'markdown') return out;
  for (const b of doc.blocks) {
    if (b.path || (b.kind !== 'paragraph' && b.kind !== 'item' && b.kind !== 'heading')) continue;
    // Resource list items are the resources field; their section's paragraphs are not.
    if (b.scope === 'resources' && b.kind !== 'paragraph') continue;
    if (b.scope === 'rubric' && b.kind !== 'paragraph') continue;
    if (b.kind === 'heading' && b.scope !== 'other') continue;
    if (!PROSE_SECTIONS.some(([s]) => s === b.scope)) continue;
    const text = b.kind === 'heading' ? `**${oneLine(b.text)}**` : b.kind === 'item' ? `- ${oneLine(b.text)}` : para(b.text);
    (out[b.scope] ??= []).push(text);
  }
  return out;
}

/** The criteria narrative: the offering's requirements as Markdown mcaudit reads back. */
export function renderNarrative(d: Offering, prose: Record<string, string[]> = {}): string {
  const out: string[] = [];
  const extra = (scope: string) => (prose[scope] ?? []).map((t) => `\n${t}`);
  const section = (heading: string, body: string | string[]) => {
    const text = Array.isArray(body) ? body.filter(Boolean).join('\n') : body;
    if (text.trim()) out.push(`## ${heading}\n\n${text.trim()}`);
  };
  if (d.competency) section('Competency', para(d.competency));
  if (d.keyMethod) section('Key Method', para(d.keyMethod));
  section('Method Components', (d.methodComponents ?? []).map((m) => `- ${oneLine(m)}`));
  section('Supporting Research', (d.research ?? []).map((r) => `- ${researchLine(r)}`));
  // Supports go in a paragraph after the list: in the resources section, but not a resource.
  const supports = list(d.supports).map((s) => `Supports: ${oneLine(s)}`);
  section('Resources', [...(d.resources ?? []).map((r) => `- ${resourceLine(r)}`), ...(supports.length ? ['', ...supports] : []), ...extra('resources')]);
  const ev = d.evidence ?? [];
  if (ev.length) out.push(`## Submission Requirements\n\n${ev.map(evidenceBlock).join('\n\n')}`);
  section('Scoring Guide', extra('rubric'));
  const a = d.assessment ?? {};
  const labels: [string, unknown][] = [
    ['Passing rule', d.rubric?.passingRule],
    ['Assessors', a.assessors],
    ['Training', a.training],
    ['Calibration', a.calibration],
    ['Blind review', a.blindReview],
    ['Feedback', a.feedback],
    ['Resubmission', a.resubmission],
    ['Turnaround', typeof a.turnaroundDays === 'number' ? `${a.turnaroundDays} days` : a.turnaroundDays],
    ['Fee', a.fee],
    ['Appeals', a.appeals],
  ];
  section('Assessment Process', [...labels.filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => `- ${k}: ${oneLine(asText(v))}`), ...extra('assessment')]);
  section('Privacy', extra('privacy'));
  section('Additional Information', extra('other'));
  // Alignments without a URL cannot be Open Badges alignments (targetUrl is required): keep them here.
  const unlinked = (d.alignment ?? []).filter((x) => typeof x === 'string' || !(x as { url?: string }).url);
  section('Standards Alignment', unlinked.map((x) => `- ${alignmentLine(x)}`));
  const about: [string, unknown][] = [
    ['Audience', Array.isArray(d.audience) ? d.audience.join('; ') : d.audience],
    ['Level', d.level],
    ['Prerequisites', Array.isArray(d.prerequisites) ? d.prerequisites.join('; ') : d.prerequisites],
    ['Estimated time', typeof d.estimatedHours === 'number' ? `${d.estimatedHours} hours` : d.estimatedHours],
    ['Stack', d.stack],
    ['Cost', d.cost],
    ['Credit', Array.isArray(d.recognition) ? d.recognition.join('; ') : d.recognition],
    ['Expires', d.expires],
    ['Evidence visibility', d.evidenceVisibility],
    ['Last updated', d.updated],
  ];
  section('About', about.filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => `- ${k}: ${oneLine(asText(v))}`));
  return out.join('\n\n') + '\n';
}

/** The level a pass rule names for a criterion ("Demonstrated on every criterion"), if any. */
function requiredLevelIndex(levels: { name: string }[], passingRule: string | undefined): number {
  if (!passingRule) return -1;
  const rule = passingRule.toLowerCase();
  // Longest names first, so "Not Met" is not read as "Met".
  const order = levels.map((l, i) => ({ i, name: l.name.toLowerCase().trim() })).filter((l) => l.name).sort((a, b) => b.name.length - a.name.length);
  let best = -1;
  let bestAt = Infinity;
  let text = rule;
  for (const l of order) {
    const at = text.indexOf(l.name);
    if (at >= 0 && at < bestAt) {
      best = l.i;
      bestAt = at;
    }
    if (at >= 0) text = text.split(l.name).join(' '.repeat(l.name.length));
  }
  return best;
}

function resultDescriptions(d: Offering, base: string): Record<string, unknown>[] {
  const criteria: Criterion[] = d.rubric?.criteria ?? [];
  return criteria.map((crit, i) => {
    const c = crit as { name: string; evidence?: string; levels?: { name: string; descriptor?: string }[] };
    const id = `${base}:criterion:${i + 1}`;
    const rd: Record<string, unknown> = { id, type: ['ResultDescription'], name: oneLine(c.name) || `Criterion ${i + 1}`, resultType: 'RubricCriterion' };
    if (c.evidence) rd.description = c.evidence;
    const levels = c.levels ?? [];
    if (levels.length) {
      rd.rubricCriterionLevel = levels.map((l, j) => {
        const lv: Record<string, unknown> = { id: `${id}:level:${j + 1}`, type: ['RubricCriterionLevel'], name: oneLine(l.name) || `Level ${j + 1}` };
        if (l.descriptor) lv.description = l.descriptor;
        return lv;
      });
      const req = requiredLevelIndex(levels, d.rubric?.passingRule);
      if (req >= 0) rd.requiredLevel = `${id}:level:${req + 1}`;
    }
    return rd;
  });
}

/** The Open Badges 3.0 Achievement for one offering, with the audit summary. */
export function toAchievement(d: Offering, audit: AuditSummary, slug: string, prose: Record<string, string[]> = {}): Record<string, unknown> {
  const rawId = d.id !== undefined ? String(d.id) : null;
  const id = rawId && URI_RE.test(rawId) ? rawId : `urn:mcaudit:achievement:${encodeURIComponent(rawId ?? slug)}`;
  const criteria: Record<string, unknown> = {};
  if (d.publicUrl && HTTP_RE.test(d.publicUrl)) criteria.id = d.publicUrl;
  criteria.narrative = renderNarrative(d, prose);
  const a: Record<string, unknown> = {
    '@context': [...OB3_CONTEXT, MCAUDIT_TERM],
    id,
    type: ['Achievement'],
    achievementType: 'MicroCredential',
    name: d.title ?? slug,
    description: d.description ?? d.competency ?? d.title ?? slug,
    criteria,
  };
  if (rawId && !URI_RE.test(rawId)) a.humanCode = rawId;
  const rds = resultDescriptions(d, id);
  if (rds.length) a.resultDescription = rds;
  const aligned = (d.alignment ?? []).filter((x) => typeof x !== 'string' && !!(x as { url?: string }).url);
  if (aligned.length) {
    a.alignment = aligned.map((x) => {
      const r = x as { framework?: string; code?: string; name?: string; url: string };
      const al: Record<string, unknown> = { type: ['Alignment'], targetName: r.name ?? ([r.framework, r.code].filter(Boolean).join(' ') || r.url), targetUrl: r.url };
      if (r.framework) al.targetFramework = r.framework;
      if (r.code) al.targetCode = r.code;
      return al;
    });
  }
  const p = d.provider;
  if (p !== undefined) {
    const prof = typeof p === 'string' ? { name: p } : p;
    const creator: Record<string, unknown> = {
      id: prof.url && URI_RE.test(prof.url) ? prof.url : `urn:mcaudit:profile:${encodeURIComponent(prof.name ?? slug)}`,
      type: ['Profile'],
    };
    if (prof.name) creator.name = prof.name;
    if (prof.url) creator.url = prof.url;
    if (prof.email) creator.email = prof.email;
    a.creator = creator;
  }
  if (d.version !== undefined) a.version = String(d.version);
  const lang = typeof d.badge === 'object' && d.badge !== null ? (d.badge as Record<string, unknown>).inLanguage : undefined;
  if (typeof lang === 'string' && /^[a-z]{2,4}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$/.test(lang)) a.inLanguage = lang;
  if (d.tags?.length) a.tag = d.tags;
  a.mcaudit = audit;
  return a;
}
