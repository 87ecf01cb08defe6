/**
 * Shared reading of the evidence an offering asks for. Every evidence rule works on
 * "units": the canonical `evidence` entries (from fields or Markdown evidence sections),
 * plus evidence prose the entries do not hold (a Markdown evidence section when front
 * matter also gives `evidence`, or an overview part whose heading the loader filed as a
 * description). Each unit has a kind (overview, artifact, reflection, or general intro
 * text) and the evidence types its text names.
 *
 * All regular expressions are linear-time: no nested unbounded quantifiers, bounded repeats.
 */
import { matchHeading, normaliseHeading } from '../../load/headings.js';
import type { EvidenceItem } from '../../model/offering.js';
import type { Doc, Position, TextBlock } from '../../types.js';
import { find, isBlank, posIn, quoteAround, type Match } from '../text.js';

export type Kind = 'overview' | 'artifact' | 'reflection' | 'general';

/** Evidence types, in report order. */
export const TYPES = ['recording', 'studentWork', 'plan', 'observation', 'studentData', 'studentVoice', 'reflection', 'written'] as const;
export type EvType = (typeof TYPES)[number];

export const TYPE_LABELS: Record<EvType, string> = {
  recording: 'video, audio or photos of teaching',
  studentWork: 'student work',
  plan: 'lesson or unit plan',
  observation: 'observation',
  studentData: 'student data',
  studentVoice: 'student voice',
  reflection: 'reflection',
  written: 'written response',
};

/** Types that are artifacts of practice with learners (a plan counts only when implemented). */
export const PRACTICE_TYPES: readonly EvType[] = ['recording', 'studentWork', 'observation', 'studentData', 'studentVoice'];
/** Types that show impact on students. */
export const IMPACT_TYPES: readonly EvType[] = ['studentWork', 'studentData', 'studentVoice'];

export interface Unit {
  /** Searchable text: title (when not a generic part heading), type and description. */
  text: string;
  kind: Kind;
  /** True when the part was stated (field, heading or "Part N" marker), not guessed. */
  statedKind: boolean;
  /** Where to point: a data path (`evidence.2`) or a position. */
  at: string | Position;
  /** Data path of the entry, when the unit is an entry (or part of one). */
  path?: string;
  /** A short label for messages. */
  title: string;
  /** Text shared by several entries (an intro paragraph above an artifact list). */
  context: string;
  quantity?: unknown;
  limit?: unknown;
  types: Set<EvType>;
  /** An implemented (taught) plan. */
  implemented: boolean;
  /** True for canonical entries (and misfiled overview parts); false for extra prose. */
  entry: boolean;
}

// ---------------------------------------------------------------------------
// Classification

const LEARNER_POSS = String.raw`(?:student|learner|pupil)(?:s'|'s|’s|s’|s)?`;

/** Media someone only consumes ("watch the video") or that carries a reflection, not practice. */
const WATCH_RE = /\b(?:watch|watched|watching|view|viewed|viewing|listen to|listened to)\s+(?:[\w-]+\s+){0,3}(?:videos?|webinars?|recordings?|podcasts?|audio|clips?)\b/gi;
const MEDIA_REFLECTION_RE =
  /\b(?:video|audio|recorded|screencast)\s+(?:reflections?|responses?|presentations?|introductions?|explanations?|essays?|summar(?:y|ies)|overviews?)\b|\b(?:video|audio|screencast)s?\s+(?:of\s+(?:you|yourself)\s+)?(?:explaining|describing|reflecting|presenting|discussing|talking about|summari[sz]ing)\b|\brecord (?:yourself|a video of yourself) (?:explaining|describing|reflecting|talking|discussing|presenting)\b/gi;

const RECORDING_RE =
  /\b(?:videos?|video-?(?:taped|recorded|recording)|videotaped?|audio|recordings?|recorded (?:lesson|class|session|discussion|instruction|conference)|record (?:yourself|your (?:lesson|class|teaching|instruction)|a (?:lesson|class|session))|photos?|photographs?|pictures? of|images? of|transcripts? of (?:a |the |your )?(?:classroom|class|lesson|discussion|conversation|interaction|conference|session|small[- ]group))\b/i;
const STUDENT_WORK_RE = new RegExp(
  String.raw`\b${LEARNER_POSS}\s+(?:work|writing|artifacts?|products?|samples?|projects?|responses?|journals?|portfolios?|drafts?|notebooks?|essays?|assignments?|creations?|exit tickets?)\b|\bwork samples?\b|\bsamples? of ${LEARNER_POSS}\s+work\b|\bexit (?:tickets?|slips?)\b|\bannotated (?:student )?work\b`,
  'i',
);
const PLAN_RE =
  /\b(?:lesson|unit|project|instructional|learning|activity|intervention|implementation|coaching|assessment|behaviou?r(?:al)?|teaching)\s+plans?\b|\bunits? of study\b|\blesson (?:design|sequence)\b|\bplanning (?:template|document|doc)\b/i;
const PLAN_G = new RegExp(PLAN_RE.source, 'gi');
const IMPLEMENTED_RE =
  /\b(?:implement(?:ed|ing|ation)?|taught|teach (?:it|the|this|your)|you (?:will )?teach|deliver(?:ed|ing)?|enact(?:ed|ing)?|facilitat(?:ed|ing)|carried out|tried out)\b|\bwith (?:your|the) (?:students|learners|class)\b|\bin your (?:class|classroom)\b|\bafter (?:teaching|the lesson)\b/i;
const OBSERVATION_RE =
  /\b(?:classroom|peer|coach(?:ing)?|administrator|principal|colleague|mentor|walk-?through|formal|informal|lesson|teaching)\s+observations?\b|\bobservations?\s+(?:notes?|reports?|forms?|results?|data|protocols?|tools?|checklists?|feedback|records?)\b|\bobserved (?:by|teaching)\b|\bobservation of (?:your|a|the) (?:lesson|teaching|class|instruction)\b|\banecdotal (?:notes|records?)\b|\b(?:conference|conferring) notes\b|\bcommunication logs?\b/i;
const STUDENT_DATA_RE = new RegExp(
  String.raw`\bpre-?\s?(?:(?:and|&|/|or)\s?)?post(?:-?(?:tests?|assessments?|surveys?|data))?\b|\bpre-?(?:tests?|assessments?)\b|\bpost-?(?:tests?|assessments?)\b|\b(?:assessment|benchmark|screening|diagnostic|achievement|growth|progress[- ]monitoring|attendance|behaviou?r)\s+data\b|\b(?:formative|summative|benchmark|diagnostic|common|unit)\s+assessment\s+(?:data|results|scores)\b|\b(?:${LEARNER_POSS}|class(?:room)?)\s+(?:assessment\s+)?(?:data|achievement|scores|growth|results|outcomes|progress|performance|grades)\b|\bdata (?:on|from|about|for) (?:your |the )?(?:students|learners|class)\b|\brunning records?\b|\bprogress monitoring\b|\bgradebook\b|\bdata (?:analysis|tables?|charts?|spreadsheets?)\b`,
  'i',
);
const STUDENT_VOICE_RE = new RegExp(
  String.raw`\b${LEARNER_POSS}\s+(?:surveys?|feedback|voice|reflections?|interviews?|self-?assessments?|self-?reflections?|perceptions?|questionnaires?|focus groups?|testimonials?|exit surveys?)\b|\b(?:surveys?|questionnaires?|interviews?|feedback|focus groups?)\s+(?:of|from|with|completed by)\s+(?:your |the |[\w-]+ )?(?:students|learners|pupils)\b`,
  'i',
);
/** A teacher's reflection (not "student reflection"). */
export const REFLECTION_RE = new RegExp(
  String.raw`(?<!\b${LEARNER_POSS}\s)(?:\breflect(?:ion|ions|ive)\b|\breflect(?:ing)?\s+(?:on|upon|about|back)\b|^\s*reflect\b)`,
  'i',
);
const WRITTEN_RE =
  /\b(?:essays?|written (?:responses?|summar(?:y|ies)|explanations?|narratives?|descriptions?|analys[ie]s|reports?|rationales?|answers?)|narratives?|(?:research|position|white) papers?|short[- ]answers?|write (?:a|an|up)\b|write-?ups?|responses? to (?:the |these |each )?(?:prompts?|questions?)|answer (?:the |these |each |all )?(?:following )?questions)\b/i;

const QUIZ_RE = /\b(?:quiz(?:zes)?|multiple[- ]choice|knowledge (?:check|test|assessment)|test of knowledge|exams?|examination|online test)\b/i;
const ATTEND_RE =
  /\b(?:attend(?:ance|ed|ing)?|seat time|sign-?in sheets?|hours of participation|log (?:of )?(?:your )?hours|participat(?:e|ion|ed) in (?:a |the )?(?:webinar|workshop|session|course|training|module|pd)|complet(?:e|ed|ion of) (?:the |all |each )?(?:online )?(?:modules?|course|training|webinars?|sessions?))\b/i;
const CERT_RE = /\bcertificates? of (?:completion|attendance|participation)\b|\bcompletion certificates?\b|\bproof of (?:completion|attendance)\b/i;

const OVERVIEW_WORD_RE = /\b(?:overview|context(?:ual)?|background)\b/i;

/** Remove text that names media without asking for them, and mark media reflections as reflections. */
function neutralise(text: string): string {
  return text.replace(WATCH_RE, ' ').replace(MEDIA_REFLECTION_RE, ' reflection ');
}

export interface Classified {
  types: Set<EvType>;
  implemented: boolean;
}

/** Evidence types a text asks for. */
export function classify(raw: string): Classified {
  const text = neutralise(raw);
  const types = new Set<EvType>();
  if (RECORDING_RE.test(text)) types.add('recording');
  if (STUDENT_WORK_RE.test(text)) types.add('studentWork');
  let implemented = false;
  if (PLAN_RE.test(text)) {
    types.add('plan');
    implemented = IMPLEMENTED_RE.test(text.replace(PLAN_G, ' '));
  }
  if (OBSERVATION_RE.test(text)) types.add('observation');
  if (STUDENT_DATA_RE.test(text)) types.add('studentData');
  if (STUDENT_VOICE_RE.test(text)) types.add('studentVoice');
  if (REFLECTION_RE.test(text)) types.add('reflection');
  if (WRITTEN_RE.test(text)) types.add('written');
  return { types, implemented };
}

/** Whether a unit is an artifact from practice with learners. */
export function isPractice(u: Pick<Unit, 'types' | 'implemented'>): boolean {
  return PRACTICE_TYPES.some((t) => u.types.has(t)) || (u.types.has('plan') && u.implemented);
}

/** Labels for seat-time style evidence a text asks for. */
export function seatTimeLabels(text: string): string[] {
  const out: string[] = [];
  if (QUIZ_RE.test(text)) out.push('a quiz or test of knowledge');
  if (ATTEND_RE.test(text)) out.push('attendance or completion');
  if (CERT_RE.test(text)) out.push('a certificate of completion');
  return out;
}

// ---------------------------------------------------------------------------
// Units

const GENERIC_TITLE_RE =
  /^(?:overview|overview questions?|context|context questions?|work examples?|work examples? artifacts?|work examples? or artifacts?|artifacts?|evidence artifacts?|work samples?|reflections?|reflection questions?|reflective questions?|evidence|evidence requirements?|required evidence|types of evidence required|evidence of practice|submission|submission requirements?|submission guidelines(?: and evaluation criteria)?|what to submit)$/;

function genericTitle(title: string): boolean {
  return GENERIC_TITLE_RE.test(normaliseHeading(title));
}

function partKind(part: string): Kind | null {
  const p = part.toLowerCase();
  if (/overview|context|background|\bpart\s*(?:1|one|i)\b/.test(p)) return 'overview';
  if (/reflect|\bpart\s*(?:3|three|iii)\b/.test(p)) return 'reflection';
  if (/artifact|work|example|sample|evidence|implement|\bpart\s*(?:2|two|ii)\b/.test(p)) return 'artifact';
  return null;
}

function typeKind(type: string): Kind | null {
  const t = type.toLowerCase();
  if (/reflect/.test(t)) return 'reflection';
  if (/overview|context/.test(t)) return 'overview';
  return null;
}

function artifactSignal(c: Classified): boolean {
  return (['recording', 'studentWork', 'plan', 'observation', 'studentData', 'studentVoice'] as const).some((t) => c.types.has(t));
}

function guessKind(text: string, c: Classified): Kind {
  if (artifactSignal(c)) return 'artifact';
  if (c.types.has('reflection')) return 'reflection';
  if (OVERVIEW_WORD_RE.test(text) || CONTEXT_PROMPT_RE.test(text)) return 'overview';
  return 'artifact';
}

const PART_MARK_RE = /\bpart\s{0,2}(?:[123]|one|two|three|i{1,3})\b\s{0,2}[:.)–—-]?/gi;

function markKind(mark: string): Kind {
  const m = mark.toLowerCase();
  if (/\b(?:1|one|i)\b/.test(m)) return 'overview';
  if (/\b(?:3|three|iii)\b/.test(m)) return 'reflection';
  return 'artifact';
}

/** Split a prose entry holding "Part 1 … Part 2 … Part 3 …" into its parts. */
function splitParts(text: string): { text: string; mark: string; index: number }[] | null {
  const marks: { index: number; mark: string }[] = [];
  PART_MARK_RE.lastIndex = 0;
  for (let m = PART_MARK_RE.exec(text); m; m = PART_MARK_RE.exec(text)) {
    marks.push({ index: m.index, mark: m[0] });
    if (marks.length > 12) break;
  }
  PART_MARK_RE.lastIndex = 0;
  if (marks.length < 2) return null;
  const kinds = new Set(marks.map((m) => markKind(m.mark)));
  if (kinds.size < 2) return null;
  return marks.map((m, i) => ({ text: text.slice(m.index, marks[i + 1]?.index ?? text.length).trim(), mark: m.mark, index: m.index }));
}

function short(s: string, n = 60): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > n ? t.slice(0, n - 1).trimEnd() + '…' : t;
}

/** An evidence entry with every optional field visible (string entries have only a description). */
type Item = { part?: string; title?: string; type?: string; description?: string; quantity?: unknown; limit?: unknown; context?: unknown };
const asItem = (e: EvidenceItem): Item => e as Item;

function itemText(item: EvidenceItem): { title: string; text: string; type: string; description: string } {
  const e = asItem(item);
  const title = (e.title ?? '').trim();
  const type = (e.type ?? '').trim();
  const description = (e.description ?? '').trim();
  const parts: string[] = [];
  if (title && !genericTitle(title) && !description.includes(title)) parts.push(title);
  if (type) parts.push(type);
  if (description) parts.push(description);
  return { title, text: parts.join('\n'), type, description };
}

function blankItem(e: EvidenceItem): boolean {
  const { title, type, description } = itemText(e);
  return isBlank(description) && isBlank(type) && (!title || isBlank(title) || genericTitle(title));
}

/** Position of a piece of entry text in the evidence blocks, when it can be found. */
function locate(doc: Doc, piece: string, fallback: string): string | Position {
  const probe = piece.slice(0, 40);
  if (!probe) return fallback;
  for (const b of doc.blocks) {
    if (b.scope !== 'evidence') continue;
    const i = b.text.indexOf(probe);
    if (i >= 0) return posIn(b, i);
  }
  return fallback;
}

function makeUnit(text: string, kind: Kind, statedKind: boolean, at: string | Position, title: string, extra: Partial<Unit> = {}): Unit {
  const c = classify(text);
  if (kind === 'reflection') c.types.add('reflection');
  if (kind === 'overview') c.types.add('written');
  return { text, kind, statedKind, at, title, context: '', types: c.types, implemented: c.implemented, entry: true, ...extra };
}

/** Blocks of overview parts whose heading ("Part 1: Overview") the loader filed as a description section. */
function misfiledOverview(doc: Doc): { heading: string; blocks: TextBlock[] }[] {
  const out: { heading: string; blocks: TextBlock[] }[] = [];
  const secs = doc.sections;
  for (let i = 0; i < secs.length; i++) {
    const s = secs[i]!;
    if (s.key !== 'description' || !/\b(?:overview|context)\b/i.test(s.heading)) continue;
    const prevEvidence = secs.slice(0, i).some((p) => p.key === 'evidence' && p.level < s.level);
    if (!/\bpart\b/i.test(s.heading) && !prevEvidence) continue;
    const end = secs[i + 1]?.line ?? Infinity;
    const blocks = doc.blocks.filter((b) => b.scope === 'description' && b.kind !== 'field' && b.kind !== 'heading' && b.line > s.line && b.line < end);
    if (blocks.length) out.push({ heading: s.heading, blocks });
  }
  return out;
}

const cache = new WeakMap<Doc, Unit[]>();

/** Every non-placeholder unit of evidence the offering asks for, in document order. */
export function units(doc: Doc): Unit[] {
  const hit = cache.get(doc);
  if (hit) return hit;
  const out: Unit[] = [];
  const entries = doc.data.evidence ?? [];
  const anyStated = entries.some((e) => { const p = asItem(e).part; return p !== undefined && partKind(p) !== null; });
  entries.forEach((item, i) => {
    if (blankItem(item)) return;
    const e = asItem(item);
    const path = `evidence.${i}`;
    const { title, text, type, description } = itemText(item);
    const label = short(title && !genericTitle(title) ? title : description || type || title);
    const extra: Partial<Unit> = { path, context: typeof e.context === 'string' ? e.context : '' };
    if (e.quantity !== undefined) extra.quantity = e.quantity;
    if (e.limit !== undefined) extra.limit = e.limit;
    const stated = (e.part !== undefined ? partKind(e.part) : null) ?? (type ? typeKind(type) : null);
    if (stated) {
      out.push(makeUnit(text, stated, true, path, label, extra));
      return;
    }
    const split = splitParts(text);
    if (split) {
      for (const p of split) {
        const c = classify(p.text);
        let kind = markKind(p.mark);
        if (kind === 'overview' && artifactSignal(c) && !OVERVIEW_WORD_RE.test(p.text) && !CONTEXT_PROMPT_RE.test(p.text)) kind = 'artifact';
        if (kind === 'reflection' && artifactSignal(c) && !c.types.has('reflection')) kind = 'artifact';
        out.push(makeUnit(p.text, kind, true, locate(doc, p.text, path), short(p.text), extra));
      }
      return;
    }
    const c = classify(text);
    let kind = guessKind(text, c);
    // An intro paragraph above stated parts ("Submit all parts as one PDF") is general text.
    if (anyStated && kind !== 'reflection' && title && genericTitle(title) && !PRACTICE_TYPES.some((t) => c.types.has(t)) && !c.types.has('plan')) kind = 'general';
    out.push(makeUnit(text, kind, false, path, label, extra));
  });

  // Overview parts the loader filed under `description`.
  for (const m of misfiledOverview(doc)) {
    const text = m.blocks.map((b) => b.text).join('\n\n');
    if (isBlank(text)) continue;
    const b0 = m.blocks[0]!;
    out.push(makeUnit(text, 'overview', true, { line: b0.line, column: b0.column }, short(m.heading)));
  }

  // Body evidence prose when the entries came from fields (front matter or JSON).
  const fromFields = doc.blocks.some((b) => b.scope === 'evidence' && b.kind === 'field');
  if (fromFields) {
    let heading: TextBlock | null = null;
    let group: TextBlock[] = [];
    const flush = () => {
      const text = group.map((b) => b.text).join('\n\n');
      if (group.length && !isBlank(text)) {
        const hk = heading ? (matchHeading(heading.text)?.part ?? null) : null;
        const c = classify(text);
        const kind = hk ?? guessKind(text, c);
        const b0 = group[0]!;
        out.push(makeUnit(text, kind, hk !== null, { line: b0.line, column: b0.column }, short(heading?.text ?? text), { entry: false }));
      }
      group = [];
    };
    for (const b of doc.blocks) {
      if (b.scope !== 'evidence' || b.kind === 'field') continue;
      if (b.kind === 'heading') {
        flush();
        heading = b;
        continue;
      }
      group.push(b);
    }
    flush();
  }
  cache.set(doc, out);
  return out;
}

/** True when the offering asks for any evidence at all. */
export function hasEvidence(doc: Doc): boolean {
  return units(doc).length > 0;
}

// ---------------------------------------------------------------------------
// Searching evidence prose

export const CONTEXT_PROMPT_RE =
  /\b(?:teaching|classroom|class|school|instructional|learning|student|your) context\b|\bcontext(?:ual)? questions?\b|\b(?:describe|tell (?:us|the assessors?|reviewers?)(?: about)?|share|explain|provide (?:a )?(?:brief )?(?:description|overview) of)\s+(?:[\w-]+\s+){0,3}?(?:your (?:school|class(?:room)?|students|learners|setting|grade|teaching (?:context|assignment|situation|setting))|the (?:students|learners|class|setting|school))\b|\bwhat grades?\b|\bhow many students\b/i;

export interface Found {
  at: string | Position;
  quote: string;
}

/**
 * First match of `re` in the blocks of `scopes` (evidence by default), then in units
 * whose text is not held by a block (misfiled overview parts).
 */
export function search(doc: Doc, re: RegExp, scopes: readonly string[] = ['evidence']): Found | null {
  const m: Match | null = find(doc, re, scopes);
  if (m) return { at: m.pos, quote: m.quote };
  for (const u of units(doc)) {
    if (typeof u.at !== 'object' || u.path) continue;
    const r = re.exec(u.text);
    if (r) return { at: u.at, quote: quoteAround(u.text, r.index, r[0].length) };
  }
  return null;
}

/** Quote for a unit (its text, shortened). */
export function quoteOf(u: Unit): string {
  return short(u.text, 200);
}

/** "a, b and c". */
export function joinList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return items.slice(0, -1).join(', ') + ' and ' + items[items.length - 1]!;
}

