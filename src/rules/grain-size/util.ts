/**
 * Shared helpers for the grain-size rules: where the competency statement is in the
 * source (so findings point at its words), a small tokenizer, an action-verb lexicon,
 * the analysis of a competency into action clauses, and citation extraction for the
 * research rules. Everything here is linear in the length of the text.
 */
import type { Doc, Position, TextBlock } from '../../types.js';
import type { ResearchItem } from '../../model/offering.js';
import { contentTerms, forLastText, isBlank, posIn } from '../text.js';

// ---------------------------------------------------------------------------
// Where the competency is

/** The competency statement and where its text sits in a source block. */
export interface CompetencyView {
  /** The competency as the source has it (may keep inline Markdown such as `**`). */
  text: string;
  /** The normalised value of the `competency` field. */
  plain: string;
  block: TextBlock;
  /** Offset of `text` inside `block.text`. */
  start: number;
}

const LABEL_PREFIX_RE = /^\s{0,3}[*_]{0,3}\s{0,2}competency(?:\s{1,3}statement)?\s{0,2}[*_]{0,3}\s{0,2}:\s{0,3}[*_]{0,3}\s{0,3}/i;

/**
 * Competency statements are one sentence; only this many characters are analysed, which keeps
 * every per-word loop over a hostile, very long value bounded.
 */
const MAX_ANALYSED = 2000;

/** The competency statement with its source block, or null when it is missing or blank. */
export function competencyView(doc: Doc): CompetencyView | null {
  const v = fullCompetencyView(doc);
  if (v && v.text.length > MAX_ANALYSED) v.text = v.text.slice(0, MAX_ANALYSED);
  return v;
}

function fullCompetencyView(doc: Doc): CompetencyView | null {
  const plain = doc.data.competency;
  if (plain === undefined || isBlank(plain)) return null;
  let block = doc.blocks.find((b) => b.path === 'competency');
  if (!block) block = doc.blocks.find((b) => (b.scope === 'competency' || b.scope === 'description' || b.scope === 'about') && b.text.includes(plain));
  if (block) {
    const i = block.text.indexOf(plain);
    if (i >= 0) return { text: plain, plain, block, start: i };
    const m = LABEL_PREFIX_RE.exec(block.text);
    const start = m ? m[0].length : 0;
    return { text: block.text.slice(start), plain, block, start };
  }
  const pos = doc.positions.get('competency') ?? doc.positions.get('#competency') ?? doc.origin;
  return { text: plain, plain, block: { text: plain, line: pos.line, column: pos.column, scope: 'competency', path: 'competency', kind: 'field' }, start: 0 };
}

/** Source position of character `index` of `view.text`. */
export function posAtView(view: CompetencyView, index: number): Position {
  return posIn(view.block, view.start + index);
}

// ---------------------------------------------------------------------------
// Tokens

export interface Token {
  /** Lower-case word, or a punctuation mark (`.` `;` `,` `:`), or `\n` for a list break. */
  w: string;
  /** Offset in the text. */
  i: number;
  /** True for punctuation / breaks. */
  p: boolean;
  /** For punctuation: whether it ends a sentence. */
  end?: boolean;
}

const TOKEN_RE = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*|[;,.!?:•]|\n/gu;
const BULLET_AFTER_NL_RE = /^[ \t]{0,8}(?:[-*+•]|\d{1,2}[.)]|\(?[a-h][.)])[ \t]/;
const ABBREV = new Set(['e', 'g', 'i', 'al', 'etc', 'vs', 'eg', 'ie', 'dr', 'mr', 'ms', 'mrs', 'st', 'no']);

/**
 * Words and punctuation of a text. A newline counts as a break only when a list item
 * follows it (soft-wrapped Markdown paragraphs keep their sentences). Several rules
 * tokenize the same competency statement: the last result is kept.
 */
export const tokenize: (text: string) => readonly Token[] = forLastText(tokenizeText);

function tokenizeText(text: string): Token[] {
  const out: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(text))) {
    const s = m[0];
    const i = m.index;
    if (s === '\n') {
      if (BULLET_AFTER_NL_RE.test(text.slice(i + 1, i + 16))) out.push({ w: '\n', i, p: true, end: true });
      continue;
    }
    if (s === '•') {
      out.push({ w: '\n', i, p: true, end: true });
      continue;
    }
    if (s.length === 1 && ';,.!?:'.includes(s)) {
      const next = text[i + 1];
      const prev = out[out.length - 1];
      const end = (s === '.' || s === '!' || s === '?') && (next === undefined || /\s/.test(next)) && !(s === '.' && prev && !prev.p && ABBREV.has(prev.w));
      out.push({ w: s, i, p: true, end });
      continue;
    }
    out.push({ w: s.toLowerCase(), i, p: false });
  }
  return out;
}

// ---------------------------------------------------------------------------
// Verb lexicon

/** Observable educator actions (base forms). */
const ACTION_BASES = (
  'use utilize employ apply implement design create develop build construct plan prepare organize structure sequence ' +
  'scaffold facilitate lead guide coach mentor model teach instruct reteach deliver present explain provide give offer ' +
  'share pose ask question elicit prompt analyze analyse assess evaluate examine interpret monitor track measure collect ' +
  'gather record document observe review score grade check adapt adjust modify differentiate refine revise tailor select ' +
  'choose curate integrate incorporate embed align connect engage establish set arrange communicate collaborate partner ' +
  'confer support reinforce redirect respond promote foster cultivate advocate administer conduct enact launch host run ' +
  'write craft generate produce annotate calculate compare summarize summarise identify reflect recommend translate convene ' +
  'debrief leverage deploy group regroup pair invite encourage celebrate acknowledge praise narrate signal cue mediate ' +
  'negotiate demonstrate show display exhibit co-construct'
).split(' ');

/** Verbs that say the educator shows something, without naming a practice. */
export const NEUTRAL_BASES = new Set(['demonstrate', 'show', 'display', 'exhibit']);

/** Forms that are often nouns ("lesson plans", "models"). */
const AMBIGUOUS_BASES = new Set(
  'use model plan design structure sequence support lead guide record document review score grade check question prompt measure present share set offer partner coach mentor group pair signal cue praise display show run host'.split(
    ' ',
  ),
);

/** Words after which an ambiguous form reads as a verb. */
const OBJECT_START = new Set(
  'a an the their his her its our each every all both students student learners learner them it how what when multiple several one two three specific clear explicit opportunities time feedback data lessons instruction peer peers small whole daily weekly regular'.split(
    ' ',
  ),
);

/** Determiners and prepositions: a verb form after one of these is a noun or a gerund of a phrase. */
const DET_PREP = new Set('a an the their his her its our my your this that these those of for with by in on at from into about'.split(' '));

const DOUBLE = new Set(['plan', 'set', 'run', 'pair', 'model']);

function third(b: string): string {
  if (/(?:s|sh|ch|x|z)$/.test(b)) return b + 'es';
  if (/[^aeiou]y$/.test(b)) return b.slice(0, -1) + 'ies';
  return b + 's';
}
function ing(b: string): string[] {
  if (b === 'pair') return ['pairing'];
  if (b === 'model') return ['modeling', 'modelling'];
  if (/[^aeiou]e$/.test(b) || /[aeiou]ue$/.test(b)) return [b.slice(0, -1) + 'ing'];
  if (DOUBLE.has(b)) return [b + b[b.length - 1] + 'ing'];
  return [b + 'ing'];
}

export type VerbForm = 's' | 'base' | 'ing';
interface VerbInfo {
  base: string;
  form: VerbForm;
}

const VERBS = new Map<string, VerbInfo[]>();
function addVerb(word: string, info: VerbInfo): void {
  const cur = VERBS.get(word);
  if (cur) cur.push(info);
  else VERBS.set(word, [info]);
}
for (const b of ACTION_BASES) {
  addVerb(b, { base: b, form: 'base' });
  addVerb(third(b), { base: b, form: 's' });
  for (const g of ing(b)) addVerb(g, { base: b, form: 'ing' });
}

/** Verb readings of a word (a `co-` prefix is ignored: "co-creates" is "creates"). */
export function verbInfo(word: string): VerbInfo[] {
  const direct = VERBS.get(word);
  if (direct) return direct;
  if (word.startsWith('co-') || word.startsWith('re-')) return VERBS.get(word.slice(3)) ?? [];
  return [];
}

function hasForm(word: string, form: VerbForm): VerbInfo | undefined {
  return verbInfo(word).find((v) => v.form === form);
}

/** Whether a word is any form of an action verb (not counting the neutral "demonstrates"). */
export function isActionWord(word: string): boolean {
  return verbInfo(word).some((v) => !NEUTRAL_BASES.has(v.base));
}

const MODALS = new Set(['will', 'can', 'shall', 'must', 'should', 'may', 'to']);
const SEPARATORS = new Set(['and', 'or', ';', ',', 'then']);
const FILLER_AFTER_SEP = new Set(['also', 'then', 'additionally', 'further', 'finally']);
/** Subjects that can open a sentence naming the educator's action. */
export const SUBJECT_WORDS = new Set(
  'educator educators teacher teachers instructor instructors practitioner practitioners candidate candidates earner earners he she they i we you'.split(' '),
);
const BACK_REFERENCE = new Set(['it', 'them', 'this', 'these', 'those', 'that', 'such']);
const FOLLOW_UP_RE = /\b(?:based on|accordingly|in response|as a result|the results|the responses|the findings|the data)\b/i;

export interface Clause {
  /** Token index of the clause verb. */
  t: number;
  /** Offset of the verb in the text. */
  index: number;
  verb: string;
  /** What joined it to the clause before: `and`/`,`/`;`/`sentence`, or null for the first. */
  joint: string | null;
}

export interface ClauseAnalysis {
  tokens: readonly Token[];
  mode: VerbForm | null;
  /** Token index of the main (first) action verb, or -1. */
  main: number;
  /** Clauses that each name a practice of their own. */
  clauses: Clause[];
}

function prevWordIndex(tokens: readonly Token[], k: number): number {
  for (let j = k - 1; j >= 0; j--) if (!tokens[j]!.p) return j;
  return -1;
}

/**
 * Split a competency into action clauses: "Educator designs rubrics and facilitates peer
 * feedback" has two; "designs and implements a lesson" (shared object), "co-creates a chart
 * and uses it" (back reference) and "uses X to check … and adjusts instruction based on
 * the responses" (a follow-up step of the same practice) have one.
 */
export function analyseClauses(text: string): ClauseAnalysis {
  const tokens = tokenize(text);
  // Mode: the form of the first action verb in main-verb position.
  let mode: VerbForm | null = null;
  let main = -1;
  let sentenceStart = 0;
  for (let k = 0; k < tokens.length; k++) {
    const tk = tokens[k]!;
    if (tk.p) {
      if (tk.end) sentenceStart = k + 1;
      continue;
    }
    const pw = prevWordIndex(tokens, k);
    const prev = pw >= 0 && pw >= sentenceStart ? tokens[pw]!.w : null;
    if (prev && DET_PREP.has(prev)) continue;
    const infos = verbInfo(tk.w);
    if (!infos.length) continue;
    if (infos.some((v) => v.form === 's') && (!AMBIGUOUS_BASES.has(infos[0]!.base) || prev === null || SUBJECT_WORDS.has(prev) || prev.endsWith('ly') || prev === 'also')) {
      mode = 's';
    } else if (infos.some((v) => v.form === 'base') && prev !== null && MODALS.has(prev)) {
      mode = 'base';
    } else if (infos.some((v) => v.form === 'ing') && (k === sentenceStart || prev === null)) {
      mode = 'ing';
    } else if (infos.some((v) => v.form === 'base') && k === sentenceStart) {
      mode = 'base';
    } else continue;
    main = k;
    break;
  }
  const clauses: Clause[] = [];
  if (mode === null) return { tokens, mode, main, clauses };

  let lastVerb = -1; // token index of the last verb of the current mode (clause or not)
  let lastClauseVerb = -1;
  let lastKind: 'clause' | 'relative' = 'clause';
  let stopped = false; // base mode: reached the purpose clause of this sentence
  sentenceStart = 0;
  for (let k = 0; k < tokens.length; k++) {
    const tk = tokens[k]!;
    if (tk.p) {
      if (tk.end) {
        sentenceStart = k + 1;
        stopped = false;
        lastVerb = -1;
      }
      continue;
    }
    if (k < main) continue;
    const pw = prevWordIndex(tokens, k);
    const prevTok = pw >= sentenceStart ? tokens[pw] : undefined;
    const prev = prevTok?.w ?? null;
    if (mode === 'base' && k > main && prev === 'to' && verbInfo(tk.w).length) stopped = true;
    if (mode === 'base' && (tk.w === 'so' || tk.w === 'order')) stopped = true;
    if (stopped) continue;
    const info = hasForm(tk.w, mode);
    if (!info) continue;
    const relative = prev === 'that' || prev === 'which' || prev === 'who' || prev === 'where';
    if (prev && DET_PREP.has(prev) && !relative) continue;
    const nextTok = tokens[k + 1];
    const next = nextTok && !nextTok.p ? nextTok.w : null;
    if (k === main) {
      clauses.push({ t: k, index: tk.i, verb: tk.w, joint: null });
      lastVerb = lastClauseVerb = k;
      lastKind = 'clause';
      continue;
    }
    if (relative) {
      lastVerb = k;
      lastKind = 'relative';
      continue;
    }
    // What stands directly before this verb: a separator (optionally with "also"/"then").
    let j = k - 1;
    while (j >= sentenceStart && !tokens[j]!.p && FILLER_AFTER_SEP.has(tokens[j]!.w)) j--;
    let joint: string | null = null;
    let before = j;
    let comma = false;
    while (before >= sentenceStart && SEPARATORS.has(tokens[before]!.w)) {
      joint = joint === ';' ? ';' : tokens[before]!.w === ';' ? ';' : (joint ?? tokens[before]!.w);
      if (tokens[before]!.w === ',') comma = true;
      before--;
    }
    // "as well as"
    if (joint === null && j >= 2 && tokens[j]!.w === 'as' && tokens[j - 1]!.w === 'well' && tokens[j - 2]!.w === 'as') {
      joint = 'and';
      before = j - 3;
    }
    const sentenceInitial = k === sentenceStart || (pw >= sentenceStart && pw - sentenceStart <= 3 && tokens.slice(sentenceStart, k).every((t) => !t.p) && tokens.slice(sentenceStart, k).some((t) => SUBJECT_WORDS.has(t.w)));
    if (joint === null && !(sentenceInitial && lastVerb === -1)) continue;
    if (joint === null) joint = 'sentence';
    // An ambiguous form ("models", "plans") reads as a verb only before an object.
    if (AMBIGUOUS_BASES.has(info.base) && joint !== 'sentence' && (next === null || !OBJECT_START.has(next))) continue;
    // Adjacent verbs share one object: "designs and implements a lesson".
    if (joint !== 'sentence' && before >= 0 && before === lastVerb) {
      lastVerb = k;
      continue;
    }
    // A verb coordinated with a relative-clause verb belongs to that relative clause,
    // unless a comma closes the relative clause first (", and designs …").
    if (joint !== 'sentence' && !comma && lastKind === 'relative' && lastVerb > lastClauseVerb) {
      lastVerb = k;
      continue;
    }
    lastVerb = k;
    lastKind = 'clause';
    // A back reference or a follow-up step keeps the same practice.
    const clauseEnd = nextClauseBoundary(tokens, k);
    const clauseText = text.slice(tk.i, clauseEnd);
    if (next !== null && BACK_REFERENCE.has(next)) continue;
    if (FOLLOW_UP_RE.test(clauseText)) continue;
    const prevClause = clauses[clauses.length - 1];
    if (prevClause && sharesTerm(text.slice(tokens[prevClause.t]!.i, tk.i), clauseText, tokens[prevClause.t]!.w, tk.w)) continue;
    clauses.push({ t: k, index: tk.i, verb: tk.w, joint });
    lastClauseVerb = k;
  }
  return { tokens, mode, main, clauses };
}

function nextClauseBoundary(tokens: readonly Token[], k: number): number {
  for (let j = k + 1; j < tokens.length && j < k + 80; j++) {
    const t = tokens[j]!;
    if (t.end || t.w === ';') return t.i;
    if (t.w === 'and' && j + 1 < tokens.length && verbInfo(tokens[j + 1]!.w).length) return t.i;
  }
  const last = tokens[Math.min(tokens.length, k + 80) - 1];
  return last ? last.i + last.w.length : 0;
}

/** Generic words that do not make two clauses about the same practice. */
const GENERIC_TERMS = new Set(
  'effective specific support improv improve increas increase learn instruction instruct teach engage particip achieve outcom need time'.split(' '),
);

function sharesTerm(a: string, b: string, verbA: string, verbB: string): boolean {
  const skip = new Set([...contentTerms(verbA), ...contentTerms(verbB)]);
  const ta = contentTerms(a);
  for (const t of contentTerms(b)) if (ta.has(t) && !skip.has(t) && !GENERIC_TERMS.has(t)) return true;
  return false;
}

// ---------------------------------------------------------------------------
// Citations

/**
 * Author-year citations: "Rowe (1986)", "Rowe, M. B. (1986)", "Hattie & Timperley, 2007",
 * "Smith et al. (2019)", "National Research Council. (2000)". The year must follow a comma
 * or an opening parenthesis, so "In 2019" is not a citation.
 */
const AUTHOR_YEAR_RE =
  /(?<![\p{L}\p{N}])(\p{Lu}[\p{L}'’-]{1,40})(?:,?\s(?:&|and)\s\p{Lu}[\p{L}'’-]{1,40}|\set\sal\.?)?(?:,(?:\s\p{Lu}\.){1,4})?(?:,\s\(?|\.?\s\()((?:19|20)\d\d)[a-z]?\b/gu;
const DOI_RE = /\b10\.\d{4,9}\/[^\s"<>]{1,200}/i;
const URL_RE = /\bhttps?:\/\/[^\s<>()"']{3,}/i;

export interface Citation {
  /** Index of the research item it comes from. */
  item: number;
  year: number | null;
}

function textCitations(text: string, item: number): Citation[] {
  const out: Citation[] = [];
  const seen = new Set<string>();
  AUTHOR_YEAR_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = AUTHOR_YEAR_RE.exec(text))) {
    const key = `${m[1]!.toLowerCase()}|${m[2]}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ item, year: Number(m[2]) });
  }
  return out;
}

function yearOf(v: unknown): number | null {
  const m = /\b(?:19|20)\d\d\b/.exec(String(v ?? ''));
  return m ? Number(m[0]) : null;
}

/**
 * Research citations of an offering: per research item, its distinct author-year citations
 * (a prose rationale may cite several), or one citation for an item with a DOI or a link,
 * or (objects) a citation text with a year.
 */
export function researchCitations(items: readonly ResearchItem[] | undefined): { citations: Citation[]; nonBlank: number } {
  const citations: Citation[] = [];
  let nonBlank = 0;
  (items ?? []).forEach((it, i) => {
    if (isBlank(it)) return;
    nonBlank++;
    if (typeof it === 'string') {
      const ay = textCitations(it, i);
      if (ay.length) citations.push(...ay);
      else if (DOI_RE.test(it) || URL_RE.test(it)) citations.push({ item: i, year: yearOf(/\((?:19|20)\d\d\)/.exec(it)?.[0]) });
      return;
    }
    const text = it.citation ?? '';
    const ay = isBlank(text) ? [] : textCitations(text, i);
    if (ay.length) {
      citations.push(...ay);
      return;
    }
    const year = yearOf(it.year);
    const linked = (it.doi !== undefined && !isBlank(it.doi)) || (it.url !== undefined && !isBlank(it.url)) || DOI_RE.test(text) || URL_RE.test(text);
    if (linked || (year !== null && !isBlank(text))) citations.push({ item: i, year: year ?? yearOf(/\((?:19|20)\d\d\)/.exec(text)?.[0]) });
  });
  return { citations, nonBlank };
}

// ---------------------------------------------------------------------------
// Effort

const NUM = String.raw`(\d{1,4}(?:\.\d{1,2})?)`;
/** "10-15 hours", "10 to 15 hrs", "1–2 h". */
const RANGE_RE = new RegExp(String.raw`${NUM}\s{0,3}(?:-|–|—|to)\s{0,3}${NUM}\s{0,3}(?:clock\s|contact\s)?(hours?|hrs?|h|minutes?|mins?)\b`, 'i');
/** "15 hours", "about 5 hrs", "90 minutes". */
const SINGLE_RE = new RegExp(String.raw`${NUM}\s{0,3}(?:clock\s|contact\s)?(hours?|hrs?|h|minutes?|mins?)\b`, 'i');
/** A bare number or range: the field is in hours. */
const BARE_RE = new RegExp(String.raw`^\s{0,3}(?:about|approx\.?|approximately|around|roughly|~|up to)?\s{0,3}${NUM}(?:\s{0,3}(?:-|–|—|to)\s{0,3}${NUM})?\s{0,3}\+?\s{0,3}$`, 'i');
/** Hours stated in a text, or null when no number of hours is found. */
export function parseHours(value: string | number): number | null {
  if (typeof value === 'number') return Number.isFinite(value) && value > 0 ? value : null;
  const toHours = (n: number, unit: string | undefined) => (unit && /^m/i.test(unit) ? n / 60 : n);
  const r = RANGE_RE.exec(value);
  if (r) return toHours((Number(r[1]) + Number(r[2])) / 2, r[3]);
  const s = SINGLE_RE.exec(value);
  if (s) return toHours(Number(s[1]), s[2]);
  const b = BARE_RE.exec(value);
  if (b) return b[2] !== undefined ? (Number(b[1]) + Number(b[2])) / 2 : Number(b[1]);
  return null;
}

