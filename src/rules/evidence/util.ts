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
import { find, has, isBlank, posIn, quoteAround, short, type Match } from '../text.js';
import { mayMatchText } from '../prefilter.js';

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
  /** Text to quote in findings (the description, or the part's own text). */
  quote: string;
  /** Text shared by several entries (an intro paragraph above an artifact list). */
  context: string;
  quantity?: unknown;
  limit?: unknown;
  types: Set<EvType>;
  /** An implemented (taught) plan. */
  implemented: boolean;
  /** A record of practice with families, colleagues or coachees. */
  record: boolean;
  /** True for canonical entries (and misfiled overview parts); false for extra prose. */
  entry: boolean;
}

// ---------------------------------------------------------------------------
// Classification

const LEARNER_POSS = String.raw`(?:student|learner|pupil)(?:s'|'s|’s|s’|s)?`;
/** "student" or a possessive, not the bare plural: "students work in pairs" is a verb, "student work" a noun. */
const LEARNER_ADJ = String.raw`(?:student|learner|pupil)(?:s'|'s|’s|s’)?`;
/** An optional modifier between "student" and the noun ("student math work"), not a verb phrase. */
const MODIFIER = String.raw`(?:(?!(?:will|can|may|might|should|must|to|who|then|need|needs|are|were|is|was|do|did|does|could|would|also|and|or)\b)[\w-]+\s+)?`;

/** Media someone only consumes ("watch the video") or that carries a reflection, not practice. */
const WATCH_RE =
  /\b(?:watch|watched|watching|view|viewed|viewing|listen to|listened to|complete|completed|finish|finished|take|review)\s+(?:[\w-]+\s+){0,3}(?:videos?|webinars?|recordings?|podcasts?|audio|clips?)\b|\b(?:video|audio)\s+(?:modules?|tutorials?|courses?|series|trainings?|webinars?|lectures?)\b|\b(?:instructional|training|tutorial|module)\s+videos?\b|\b(?:photos?|pictures?|images?|screenshots?|scans?)\s+of\s+(?:your\s+|the\s+)?(?:certificates?|badges?|transcripts?|completion|sign-?in)\b/gi;
const MEDIA_REFLECTION_RE =
  /\b(?:video|audio|recorded|screencast)\s+(?:reflections?|responses?|presentations?|introductions?|explanations?|essays?|summar(?:y|ies)|overviews?)\b|\b(?:video|audio|screencast)s?\s+(?:of\s+(?:you|yourself)\s+)?(?:explaining|describing|reflecting|presenting|discussing|talking about|summari[sz]ing)\b|\brecord (?:yourself|a video of yourself) (?:explaining|describing|reflecting|talking|discussing|presenting)\b/gi;

const RECORDING_RE =
  /\b(?:videos?|video-?(?:taped|recorded|recording)|videotaped?|audio|recordings?|recorded (?:lesson|class|session|discussion|instruction|conference)|record (?:yourself|your (?:lesson|class|teaching|instruction)|a (?:lesson|class|session))|photos?|photographs?|pictures? of|images? of|transcripts? of (?:a |the |your )?(?:classroom|class|lesson|discussion|conversation|interaction|conference|session|small[- ]group))\b/i;
const STUDENT_WORK_RE = new RegExp(
  String.raw`\b${LEARNER_ADJ}\s+${MODIFIER}(?:work|writing|artifacts?|products?|samples?|projects?|responses?|journals?|portfolios?|drafts?|notebooks?|essays?|assignments?|creations?|exit tickets?|posts?|presentations?|recordings?|models?|solutions?)\b|\bwork samples?\b|\bsamples? of (?:their |student |learner )?work\b|\bsamples? of ${LEARNER_POSS}\s+work\b|\bexit (?:tickets?|slips?)\b|\bannotated (?:student )?work\b|\b(?:completed|created|produced|written|made) by (?:your |the )?(?:students|learners|pupils)\b|\b(?:student|learner)-(?:created|generated|made|produced|authored)\b`,
  'i',
);
const PLAN_RE =
  /\b(?:lesson|unit|project|instructional|learning|activity|intervention|implementation|coaching|assessment|behaviou?r(?:al)?|teaching)\s+plans?\b|\bunits? of study\b|\blesson (?:design|sequence)\b|\bplanning (?:template|document|doc)\b/i;
const PLAN_G = new RegExp(PLAN_RE.source, 'gi');
const IMPLEMENTED_RE =
  /\b(?:implement(?:ed|ing)?|taught|teach(?:ing)? (?:it|the|this|your)|you (?:will )?teach|deliver(?:ed|ing)?|enact(?:ed|ing)?|facilitat(?:ed|ing)|carried out|tried out)\b|\b(?:used|tried|tested) (?:it |this |the (?:lesson|plan|unit) )?(?:with|in) (?:your|the|a) (?:students|learners|class|classroom)\b|\bafter (?:teaching|the lesson|implementation)\b/i;
const OBSERVATION_RE =
  /\b(?:classroom|peer|coach(?:ing)?|administrator|principal|colleague|mentor|walk-?through|formal|informal|lesson|teaching)\s+observations?\b|\bobservations?\s+(?:notes?|reports?|forms?|results?|data|protocols?|tools?|checklists?|feedback|records?)\b|\bobserved (?:by|teaching)\b|\bobservation of (?:your|a|the) (?:lesson|teaching|class|instruction)\b|\banecdotal (?:notes|records?)\b|\b(?:conference|conferring) notes\b|\bcommunication logs?\b/i;
const STUDENT_DATA_RE = new RegExp(
  String.raw`\bpre-?\s?(?:(?:and|&|/|or)\s?)?post(?:-?(?:tests?|assessments?|surveys?|data))?\b|\bpre-?(?:tests?|assessments?|checks?)\b|\bpost-?(?:tests?|assessments?|checks?)\b|\bbaseline\b|\bbefore (?:and|&) after\b|\b(?:tally|tallies|tally sheets?|frequency counts?|counts?|percentages?|numbers?) of (?:students|learners|pupils)\b|\btime sampling\b|\bon-task (?:data|counts?|tallies|behaviou?r|percentages?|rates?)\b|\b(?:data|scores?|results?|measures?|graphs?|ratings?|records?)\b[^.\n]{0,40}\b(?:for|from|of) (?:each|every|all|the|your|\d{1,3}|two|three|four|five|six|ten) (?:selected |target |focus |whole |entire )?(?:students?|learners?|pupils?|class)\b|\b(?:assessment|benchmark|screening|diagnostic|achievement|growth|progress[- ]monitoring|attendance|behaviou?r)\s+data\b|\b(?:formative|summative|benchmark|diagnostic|common|unit)\s+assessment\s+(?:data|results|scores)\b|\b(?:${LEARNER_ADJ}|class(?:room)?)\s+(?:(?:assessment|quiz|test|exam|exit ticket)\s+)?(?:data|achievement|scores|growth|results|outcomes|progress|performance|grades)\b|\bdata (?:(?:collected|gathered) )?(?:on|from|about|for) (?:your |the )?(?:students|learners|class)\b|\bevidence of (?:student|learner) (?:learning|growth|progress|understanding)\b|\brunning records?\b|\bprogress monitoring\b|\bgradebook\b|\bdata (?:analysis|tables?|charts?|spreadsheets?)\b`,
  'i',
);
const STUDENT_VOICE_RE = new RegExp(
  String.raw`\b${LEARNER_ADJ}\s+(?:surveys?|feedback|voice|reflections?|interviews?|self-?assessments?|self-?reflections?|self-?ratings?|self-?checks?|self-?evaluations?|perceptions?|questionnaires?|focus groups?|testimonials?|exit surveys?)\b|\bself-?(?:ratings?|checks?|assessments?|evaluations?)\b[^.\n]{0,40}\bfrom (?:the |your )?(?:whole |entire )?(?:class|students|learners)\b|\b(?:surveys?|questionnaires?|interviews?|feedback|focus groups?)\s+(?:of|from|with|completed by)\s+(?:your |the |[\w-]+ )?(?:students|learners|pupils)\b`,
  'i',
);
/** A teacher's reflection (not "student reflection"). */
export const REFLECTION_RE = new RegExp(
  String.raw`(?<!\b${LEARNER_POSS}\s)(?:\breflect(?:ion|ions|ive)\b|\breflect(?:ing)?\s+(?:on|upon|about|back)\b|^\s*reflect\b)`,
  'i',
);
const WRITTEN_RE =
  /\b(?:essays?|written (?:responses?|summar(?:y|ies)|explanations?|narratives?|descriptions?|analys[ie]s|reports?|rationales?|answers?)|narratives?|(?:research|position|white) papers?|short[- ]answers?|write (?:a|an|up)\b|write-?ups?|responses? to (?:the |these |each )?(?:prompts?|questions?)|answer (?:the |these |each |all )?(?:following )?questions)\b/i;

/**
 * Records of practice with people other than a class (families, colleagues, coachees):
 * communications sent, meetings led, implementation logs.
 */
const PRACTICE_RECORD_RE =
  /\b(?:copies|samples|examples) of (?:[\w-]+\s+){0,3}(?:you )?(?:sent|shared|used|gave|delivered|distributed|posted)\b|\b(?:communications?|newsletters?|letters?|emails?|messages?|notes?|agendas?|minutes|feedback) (?:you )?(?:sent|shared|gave|provided|delivered|distributed) (?:to|with)\b|\b(?:meeting|conference|coaching|conversation|session|debrief) (?:notes|minutes|logs?|records?)\b|\b(?:that|which) you (?:led|facilitated|conducted|held|taught|implemented|delivered|coached)\b|\b(?:conversations?|meetings?|sessions?|conferences?|workshops?|trainings?|PLCs?|debriefs?) you (?:led|facilitated|conducted|held|delivered|coached)\b|\bimplementation (?:logs?|records?|evidence|artifacts?)\b|\bartifacts? from (?:your |the )?(?:implementation|teaching|classroom|lessons?)\b/i;

const QUIZ_RE = /\b(?:quiz(?:zes)?|multiple[- ]choice|knowledge (?:check|test|assessment)|test of knowledge|exams?|examination|online test)\b/i;
const ATTEND_RE =
  /\b(?:attend(?:ance|ed|ing)?|seat time|sign-?in sheets?|hours of participation|log (?:of )?(?:your )?hours|participat(?:e|ion|ed) in (?:a |the )?(?:webinar|workshop|session|course|training|module|pd)|complet(?:e|ed|ion of) (?:the |all |each )?(?:online )?(?:modules?|course|training|webinars?|sessions?))\b/i;
const CERT_RE = /\bcertificates? of (?:completion|attendance|participation)\b|\bcompletion certificates?\b|\bproof of (?:completion|attendance)\b/i;

const SUBMIT_RE = /\b(?:submit|upload|attach|include|provide|add)\b/i;
/** Quizzes, tests and "attend"/"participate" that belong to learners or are made by the educator. */
const SEAT_EXCLUDE_RE =
  /\b(?:students?|learners?|pupils?|class(?:room)?)(?:'s|s'|’s|s’|'|’)?\s+(?:[\w-]+\s+)?(?:quiz(?:zes)?|attend\w*|participat\w*|exams?)\b|\b(?:design|create|write|develop|build|adapt|administer|give)\w*\s+(?:(?:a|an|the|your)\s+)?(?:[\w-]+\s+)?(?:quiz(?:zes)?|exams?|tests?)\b|\battend(?:s|ed|ing)? to\b/gi;

const OVERVIEW_WORD_RE = /\b(?:overview|context(?:ual)?|background)\b/i;

/** A bare medium ("in text, audio or video") not followed by what it records ("video of …"). */
const BARE_MEDIUM_RE = /\b(?:video|audio|recorded|recording|screencast)s?\b(?!\s+(?:of|clips?)\b)/gi;
const SENTENCE_SPLIT_RE = /(?<=[.!?;])\s+|\n+/;

/**
 * Remove text that names media without asking for them ("watch the video"), and mark media
 * reflections as reflections: "a video reflection", "reflect in text, audio or video".
 */
function neutralise(text: string): string {
  // Each regex runs only where the prefilter finds it may match the text as it is by then.
  let t = mayMatchText(text, WATCH_RE) ? text.replace(WATCH_RE, ' ') : text;
  if (mayMatchText(t, MEDIA_REFLECTION_RE)) t = t.replace(MEDIA_REFLECTION_RE, ' reflection ');
  if (!(mayMatchText(t, REFLECTION_RE) && REFLECTION_RE.test(t)) || !(mayMatchText(t, BARE_MEDIUM_RE) && t.search(BARE_MEDIUM_RE) >= 0)) return t;
  return t
    .split(SENTENCE_SPLIT_RE)
    .map((sentence) => (REFLECTION_RE.test(sentence) ? sentence.replace(BARE_MEDIUM_RE, ' ') : sentence))
    .join('\n');
}

export interface Classified {
  types: Set<EvType>;
  implemented: boolean;
  /** A record of practice with families, colleagues or coachees (counts as practice, not as a type). */
  record: boolean;
}

/** Evidence types a text asks for. */
export function classify(raw: string): Classified {
  const text = neutralise(raw);
  const test = (re: RegExp) => mayMatchText(text, re) && re.test(text);
  const types = new Set<EvType>();
  if (test(RECORDING_RE)) types.add('recording');
  if (test(STUDENT_WORK_RE)) types.add('studentWork');
  let implemented = false;
  if (test(PLAN_RE)) {
    types.add('plan');
    implemented = IMPLEMENTED_RE.test(text.replace(PLAN_G, ' '));
  }
  if (test(OBSERVATION_RE)) types.add('observation');
  if (test(STUDENT_DATA_RE)) types.add('studentData');
  if (test(STUDENT_VOICE_RE)) types.add('studentVoice');
  if (test(REFLECTION_RE)) types.add('reflection');
  if (test(WRITTEN_RE)) types.add('written');
  return { types, implemented, record: test(PRACTICE_RECORD_RE) };
}

/** Whether a unit is an artifact from practice with learners. */
export function isPractice(u: Pick<Unit, 'types' | 'implemented' | 'record'>): boolean {
  return PRACTICE_TYPES.some((t) => u.types.has(t)) || (u.types.has('plan') && u.implemented) || u.record;
}

/** Labels for seat-time style evidence a text asks for. */
export function seatTimeLabels(raw: string): string[] {
  const text = raw.replace(SEAT_EXCLUDE_RE, ' ');
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
  return c.record || (['recording', 'studentWork', 'plan', 'observation', 'studentData', 'studentVoice'] as const).some((t) => c.types.has(t));
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
  else if (title) {
    // Notes on a generic part heading still count: "Part 1. Overview Questions (300-word limit)".
    const notes = title.match(/\([^()\n]{1,80}\)/g);
    if (notes) parts.push(notes.join(' '));
  }
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
  if (kind === 'reflection' || kind === 'overview') {
    // A prompt that mentions student work ("reflect on your students' responses") does not ask for it,
    // unless it says to submit it.
    if (!SUBMIT_RE.test(text)) {
      for (const t of [...c.types]) if (t !== 'reflection' && t !== 'written') c.types.delete(t);
      c.implemented = false;
      c.record = false;
    }
    c.types.add(kind === 'reflection' ? 'reflection' : 'written');
  }
  return { text, kind, statedKind, at, title, quote: text, context: '', types: c.types, implemented: c.implemented, record: c.record, entry: true, ...extra };
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

/** Every non-placeholder unit of evidence the offering asks for: entries first, then prose the entries do not hold. */
export function units(doc: Doc): Unit[] {
  const hit = cache.get(doc);
  if (hit) return hit;
  const out: Unit[] = [];
  const entries = doc.data.evidence ?? [];
  const statedKinds = new Set(entries.map((e) => { const p = asItem(e).part; return p === undefined ? null : partKind(p); }));
  const anyStated = [...statedKinds].some((k) => k !== null);
  entries.forEach((item, i) => {
    if (blankItem(item)) return;
    const e = asItem(item);
    const path = `evidence.${i}`;
    const { title, text, type, description } = itemText(item);
    const label = short(title && !genericTitle(title) ? title : description || type || title);
    const extra: Partial<Unit> = { path, quote: description || title || type, context: typeof e.context === 'string' ? e.context : '' };
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
        out.push(makeUnit(p.text, kind, true, locate(doc, p.text, path), short(p.text), { ...extra, quote: p.text }));
      }
      return;
    }
    const c = classify(text);
    let kind = guessKind(text, c);
    // An intro paragraph above stated parts ("Submit all parts as one PDF", privacy rules, a summary
    // of evidence types) is general text when the parts themselves list the artifacts.
    if (anyStated && kind !== 'reflection' && title && genericTitle(title) && (statedKinds.has('artifact') || (!isPractice(c) && !c.types.has('plan')))) kind = 'general';
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
  if (!out.length && !doc.blocks.some((b) => b.scope === 'evidence')) out.push(...fallbackUnits(doc));
  cache.set(doc, out);
  return out;
}

/** Headings of unknown sections that hold evidence requirements ("Requirements", "How to Earn"). */
const EVIDENCE_LIKE_HEADING_RE =
  /\b(?:requirements?|how to earn|earning criteria|criteria for earning|earn(?:ing)? (?:this|the) (?:micro-?credential|badge)|performance tasks?|portfolio)\b/i;

/**
 * Evidence written under a heading the loader does not know ("## Requirements" with
 * "### Requirement 2: Implement" parts): one unit per sub-heading.
 */
function fallbackUnits(doc: Doc): Unit[] {
  const out: Unit[] = [];
  const secs = doc.sections;
  for (let i = 0; i < secs.length; i++) {
    const sec = secs[i]!;
    if (sec.key !== null || !EVIDENCE_LIKE_HEADING_RE.test(sec.heading)) continue;
    const end = secs[i + 1]?.line ?? Infinity;
    let heading: TextBlock | null = null;
    let group: TextBlock[] = [];
    const flush = () => {
      const text = group.map((b) => b.text).join('\n\n');
      if (group.length && !isBlank(text)) {
        const hk = heading ? (matchHeading(heading.text)?.part ?? partKind(heading.text)) : null;
        const kind = hk ?? guessKind(text, classify(text));
        const b0 = group[0]!;
        out.push(makeUnit(text, kind, hk !== null, { line: b0.line, column: b0.column }, short(heading ? heading.text : text)));
      }
      group = [];
    };
    for (const b of doc.blocks) {
      if (b.scope !== 'other' || b.kind === 'field' || b.line <= sec.line || b.line >= end) continue;
      if (b.kind === 'heading') {
        flush();
        heading = b;
        continue;
      }
      group.push(b);
    }
    flush();
  }
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

/** Whether `search` would find a match (without its position and quote). */
export function found(doc: Doc, re: RegExp, scopes: readonly string[] = ['evidence']): boolean {
  if (re.global || re.sticky) return search(doc, re, scopes) !== null;
  return has(doc, re, scopes) || foundInProseUnits(doc, re);
}

/** The second half of `found`: whether `re` (no g flag) matches a unit whose text no block holds (misfiled overview parts). */
export function foundInProseUnits(doc: Doc, re: RegExp): boolean {
  for (const u of units(doc)) {
    if (typeof u.at !== 'object' || u.path) continue;
    if (re.test(u.text)) return true;
  }
  return false;
}

/** Quote for a unit (its text, shortened). */
export function quoteOf(u: Unit): string {
  return short(u.quote || u.text, 200);
}

/** "a, b and c". */
export function joinList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return items.slice(0, -1).join(', ') + ' and ' + items[items.length - 1]!;
}


/**
 * Where a "missing" finding should point, to spread into a hit: nothing (the rule's anchor,
 * the evidence field or section) when the loader knows one, else the first unit found under
 * another heading ("## Requirements").
 */
export function evidenceAt(doc: Doc): { at?: Position } {
  if (doc.positions.has('evidence') || doc.positions.has('#evidence')) return {};
  const first = units(doc)[0];
  return first && typeof first.at === 'object' ? { at: first.at } : {};
}
