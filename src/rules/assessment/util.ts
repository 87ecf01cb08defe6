/**
 * Helpers shared by the assessment rules: sentence scanning over prose blocks,
 * performance-level vocabulary, pass-rule cues, and locating rubric text.
 *
 * Every regular expression here is linear-time: no nested quantifiers, bounded repeats.
 */
import type { Doc, Position, TextBlock } from '../../types.js';
import { isSpace } from '../space.js';
import { blockHas, blocksIn, isBlank, perDoc, posIn, quoteAround, wordCount } from '../text.js';

/** Prose scopes where an assessment process or a scoring guide is described. */
export const SCOPES: readonly string[] = ['assessment', 'rubric', 'about', 'other', 'description', 'evidence'];

export interface Sentence {
  text: string;
  /** Index of the sentence in its block's text. */
  start: number;
}

/** Split a text into sentences (and lines) without backtracking. */
export function sentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const push = (end: number) => {
    let s = start;
    while (s < end && isSpace(text.charCodeAt(s))) s++;
    let e = end;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (e > s) out.push({ text: text.slice(s, e), start: s });
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // \n . ! ? ;
    if (c === 10 || ((c === 46 || c === 33 || c === 63 || c === 59) && (i + 1 === text.length || isSpace(text.charCodeAt(i + 1))))) {
      push(c === 10 ? i : i + 1);
      start = i + 1;
    }
  }
  push(text.length);
  return out;
}

/** Sentences of a block, split once per block text (callers only read them). */
const sentenceCache = new WeakMap<TextBlock, { text: string; sentences: Sentence[] }>();
function blockSentences(block: TextBlock): Sentence[] {
  const hit = sentenceCache.get(block);
  if (hit && hit.text === block.text) return hit.sentences;
  const list = sentences(block.text);
  sentenceCache.set(block, { text: block.text, sentences: list });
  return list;
}

export interface Spot {
  block: TextBlock;
  sentence: Sentence;
  /** Index of the match in the block's text. */
  index: number;
  length: number;
}

/** Position of a spot, and the quote around it. */
export function spotPos(s: Spot): Position {
  return posInBlock(s.block, s.index);
}
/** Position of the start of a spot's sentence. */
export function sentencePos(s: Spot): Position {
  return posInBlock(s.block, s.sentence.start);
}
export function spotQuote(s: Spot): string {
  return quoteAround(s.block.text, s.index, s.length);
}

const nonHeading = (b: TextBlock) => b.kind !== 'heading';
/** The prose blocks of the default scopes, which most rules ask for: once per document. */
const defaultProse = perDoc((doc) => blocksIn(doc, SCOPES).filter(nonHeading), (doc) => [doc.blocks]);

/** Non-heading blocks of `scopes` (callers only read them). */
export function proseBlocks(doc: Doc, scopes: readonly string[] = SCOPES): TextBlock[] {
  return scopes === SCOPES ? defaultProse(doc) : blocksIn(doc, scopes).filter(nonHeading);
}

/**
 * Every sentence of the prose blocks in `scopes` that `re` (no g flag) matches, with the
 * first match in that sentence. `accept` can veto a match (e.g. a negated one).
 */
export function sentenceSpots(doc: Doc, re: RegExp, scopes: readonly string[] = SCOPES, accept?: (s: Spot) => boolean, max = Infinity): Spot[] {
  const out: Spot[] = [];
  for (const block of proseBlocks(doc, scopes)) {
    if (!blockHas(block, re)) continue;
    for (const sentence of blockSentences(block)) {
      const m = re.exec(sentence.text);
      if (!m) continue;
      const spot: Spot = { block, sentence, index: sentence.start + m.index, length: m[0].length };
      if (!accept || accept(spot)) {
        out.push(spot);
        if (out.length >= max) return out;
      }
    }
  }
  return out;
}

/** The first spot `sentenceSpots` would return (`accept` must be pure), or undefined. */
export function firstSpot(doc: Doc, re: RegExp, scopes: readonly string[] = SCOPES, accept?: (s: Spot) => boolean): Spot | undefined {
  return sentenceSpots(doc, re, scopes, accept, 1)[0];
}

const NEG_BEFORE = /\b(?:no|not|non|cannot|can't|can’t|never|without|neither|nor|isn't|isn’t|aren't|aren’t|won't|won’t|don't|don’t|doesn't|doesn’t)\s+(?:[a-z'’]+\s+){0,2}$/i;
/** True when the words just before `index` negate what follows ("no resubmission", "may not resubmit"). */
export function negatedBefore(text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - 40), index).replace(/[-–—]/g, ' ');
  return NEG_BEFORE.test(before);
}

const NEG_AFTER = /^[a-z]{0,12}\s+(?:(?:is|are|will be|was|were|can be)\s+)?(?:not|never)\s+(?:be\s+)?(?:allowed|permitted|accepted|possible|provided|given|offered|available|shared|returned|included|an option)\b/i;
/** True when the words just after a match negate it ("resubmissions are not accepted"). */
export function negatedAfter(text: string, end: number): boolean {
  return NEG_AFTER.test(text.slice(end, end + 50));
}

/** Number words authors use for small counts. */
const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
};
export const NUM = '(?:\\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)';
export function numberOf(s: string): number {
  const t = s.toLowerCase();
  return NUMBER_WORDS[t] ?? Number(t);
}

const ASSESSOR_HEADING_RE = /^\W{0,4}(?:(?:the|our|who are the)\s+)?(?:assessors?|reviewers?|scorers?|raters?|who (?:reviews|assesses|scores)\b)/i;

/**
 * Content under an "Assessors" / "Reviewers" heading: the prose form of `assessment.assessors`.
 * Text that `exclude` matches (e.g. "self") does not count.
 */
export function assessorsSection(doc: Doc, exclude: RegExp): boolean {
  let under = false;
  for (const b of doc.blocks) {
    if (b.kind === 'heading') {
      under = ASSESSOR_HEADING_RE.test(b.text.trim());
      continue;
    }
    if (under && !isBlank(b.text) && wordCount(b.text) >= 2 && !exclude.test(b.text)) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------
// Rubric structure

export interface Level {
  name: string;
  descriptor?: string | undefined;
}
export interface Crit {
  name: string;
  evidence?: string | undefined;
  levels: Level[];
}

/**
 * The rubric criteria, in order (blank ones included), with a uniform shape. A criterion
 * without levels whose text has level-labelled lines ("Meets criteria: …") gets those as levels.
 * Worked out once per document (several rules ask); callers only read them.
 */
export const criteriaOf: (doc: Doc) => Crit[] = perDoc(readCriteria, (doc) => [doc.data.rubric?.criteria, doc.blocks]);

function readCriteria(doc: Doc): Crit[] {
  let headings: TextBlock[] | null = null;
  return (doc.data.rubric?.criteria ?? []).map((c, i) => {
    const r = c as { name: string; evidence?: string; levels?: Level[] };
    let levels = r.levels ?? [];
    // A list that starts with a level line ("- Demonstrated: Strong evidence …") makes that line the
    // criterion's name: it is a level, and the criterion is the rubric heading above it.
    const lead = LEVEL_LABEL_RE.exec(r.name);
    if (lead) {
      headings ??= doc.blocks.filter((b) => b.scope === 'rubric' && b.kind === 'heading').sort((a, b) => a.line - b.line);
      const pos = doc.positions.get(`rubric.criteria.${i}`);
      let name = '';
      if (pos) for (const h of headings) if (h.line <= pos.line) name = h.text;
      const first: Level = { name: lead[1]!.toLowerCase(), descriptor: lead[2]!.replace(/[*_]{1,3}/g, '').trim() };
      return { name, evidence: r.evidence, levels: [first, ...levels] };
    }
    if (!levels.length && r.evidence) {
      levels = [];
      for (const line of r.evidence.split('\n')) {
        const m = LEVEL_LABEL_RE.exec(line);
        if (m) levels.push({ name: m[1]!.toLowerCase(), descriptor: m[2]!.replace(/[*_]{1,3}/g, '').trim() });
      }
    }
    return { name: r.name, evidence: r.evidence, levels };
  });
}

/** Named performance levels (not "yes"/"no": those only count as a pair). */
const LEVEL_TERMS =
  'exemplary|proficient|developing|emerging|beginning|not yet|not met|does not meet|partially meets|meets expectations|meets|demonstrated|not demonstrated|progressing|approaching|advanced|novice|distinguished|accomplished|not evident|unsatisfactory|satisfactory|needs improvement|needs revision|not passing|passing|pass|fail|incomplete';
export const LEVEL_TERM_RE = new RegExp(`\\b(?:${LEVEL_TERMS})\\b`, 'i');
const LEVEL_TERM_G = new RegExp(`\\b(?:${LEVEL_TERMS})\\b`, 'gi');
const YES_NO_RE = /\byes\s*(?:\/|or|and|-)\s*no\b|\bmet\s*(?:\/|or|and)\s*not met\b/i;
/** A sentence that talks about scoring (so the level words in it describe a scale). */
const SCORING_CONTEXT_RE =
  /\b(?:scored?|scoring|rated?|ratings?|marked|levels?|scale|rubric|scoring guide|judged|evaluated|assessed|criteri(?:on|a)|receives?|earns?|indicators?|descriptors?)\b/i;

/** Level labels at the start of a line: "Proficient: …", "**Passing:** …", "Not Yet – …". */
const LEVEL_LABEL_RE = new RegExp(
  `^[\\s>*_-]{0,6}(${LEVEL_TERMS}|yes|no|met|complete)(?:\\s+(?:the\\s+)?(?:criteria|criterion|expectations|standards?))?[\\s*_]{0,4}(?::|\\s[-–—]\\s)[\\s*_]{0,4}(\\S.*)$`,
  'i',
);
/** True when a line is a level label with a descriptor ("Meets criteria: …"). */
export function isLevelLine(line: string): boolean {
  return LEVEL_LABEL_RE.test(line);
}

/** Labels that imply a two-level (pass / not pass) scale on their own. */
const BINARY_PASS = new Set(['passing', 'pass', 'yes', 'met', 'meets', 'satisfactory', 'complete']);

export interface LabelLine {
  block: TextBlock;
  name: string;
  descriptor: string;
  index: number;
}

/** Level-labelled lines per scopes key, for one document. */
const labelLinesByScopes = perDoc(() => new Map<string, LabelLine[]>(), (doc) => [doc.blocks]);

/** Level-labelled lines ("Passing: …") in the prose blocks of `scopes`. Worked out once per document and scopes; callers only read them. */
export function levelLabelLines(doc: Doc, scopes: readonly string[]): LabelLine[] {
  const byScopes = labelLinesByScopes(doc);
  const key = scopes.join('\u0000');
  let lines = byScopes.get(key);
  if (!lines) {
    lines = readLevelLabelLines(doc, scopes);
    byScopes.set(key, lines);
  }
  return lines;
}

function readLevelLabelLines(doc: Doc, scopes: readonly string[]): LabelLine[] {
  const out: LabelLine[] = [];
  for (const block of proseBlocks(doc, scopes)) {
    let offset = 0;
    for (const line of block.text.split('\n')) {
      const m = LEVEL_LABEL_RE.exec(line);
      if (m) {
        const descriptor = m[2]!.replace(/[*_]{1,3}/g, '').trim();
        const at = line.indexOf(m[2]!);
        if (descriptor) out.push({ block, name: m[1]!.toLowerCase(), descriptor, index: offset + at });
      }
      offset += line.length + 1;
    }
  }
  return out;
}

/** Distinct level names in one text (a sentence). */
function levelNamesIn(s: string): Set<string> {
  const names = new Set<string>();
  LEVEL_TERM_G.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = LEVEL_TERM_G.exec(s))) names.add(m[0].toLowerCase().replace(/\s+/g, ' '));
  if (YES_NO_RE.test(s)) {
    names.add('yes');
    names.add('no');
  }
  return names;
}

/**
 * How many performance levels the offering declares for the rubric as a whole: a
 * `rubric.levels` field, a scoring sentence naming levels ("scored as Proficient or
 * Not Yet"), or level-labelled lines ("Passing: …", which imply pass / not pass).
 */
export function globalLevelCount(
  doc: Doc,
  scopes: readonly string[] = ['rubric', 'evidence', 'assessment', 'about', 'other', 'description'],
): { count: number; described: boolean } {
  let best = 0;
  let described = false;
  const field = (doc.data.rubric as Record<string, unknown> | undefined)?.levels;
  if (Array.isArray(field)) {
    const named = field.filter((l) => !isBlank(l));
    best = named.length;
    described = named.some((l) => typeof l === 'object' && l !== null && !isBlank((l as Record<string, unknown>).descriptor));
  }
  for (const block of proseBlocks(doc, scopes)) {
    if (!blockHas(block, LEVEL_TERM_RE) && !blockHas(block, YES_NO_RE)) continue;
    for (const s of blockSentences(block)) {
      if (!SCORING_CONTEXT_RE.test(s.text)) continue;
      const n = levelNamesIn(s.text).size;
      if (n > best) best = n;
    }
  }
  const labels = levelLabelLines(doc, ['rubric', 'evidence']);
  if (labels.length) {
    const names = new Set(labels.map((l) => l.name));
    let n = names.size;
    if (n === 1 && BINARY_PASS.has([...names][0]!)) n = 2;
    if (n >= best) {
      best = n;
      described = true;
    }
  }
  return { count: best, described };
}

// ---------------------------------------------------------------------------
// Pass rules

/** A sentence that states what a candidate needs to earn the credential. */
export const PASS_CUE_RE =
  /\b(?:to (?:pass|earn|be awarded)|to (?:receive|obtain|achieve|get) (?:the|this|a|your) (?:micro-?credentials?|credentials?|badges?|certificates?)|in order to (?:pass|earn|be awarded)|passing (?:score|rule|requires|criteria|threshold|standard|mark|grade|level)|pass(?:es|ed)? (?:all|each|every|both)|pass(?:es|ed)? (?:the|this|a|an) (?:quiz|test|exam|knowledge check|post-?test|assessment)|must (?:score|receive|achieve|earn|reach|attain|obtain|be rated|be scored|pass|get|meet (?:all|each|every|both|the (?:passing|rubric|criteria|scoring)|at least|\d))|required to (?:pass|earn|score|receive|meet)|needed to pass|(?:is|are|will be) (?:awarded|issued|granted) (?:to|when|if|once|after|upon)|cut score|minimum score|considered (?:passing|successful|proficient)|(?:all|each|every) (?:components?|criteria|criterion|parts?|indicators?|sections?|artifacts?|requirements?|rubric rows?) (?:must|needs? to|should|has to|have to))\b/i;
/** Sentences about assessor agreement, not about the candidate's score. */
export const NOT_PASS_RULE_RE = /\b(?:assessors?|reviewers?|scorers?|raters?|graders?)\s+(?:must|need|should|are required)\b|\bagreement\b|\bkappa\b|\binter-?\s?rater\b|\bcalibrat\w*/i;

// ---------------------------------------------------------------------------
// Locating rubric text

/**
 * Where `text` sits: in the block with one of `paths` (preferred, in order), else in a
 * rubric or evidence block that contains it; else the last path (the engine resolves it).
 */
export function locate(doc: Doc, text: string, paths: readonly string[], byPath: Map<string, TextBlock>, scoped: readonly TextBlock[]): Position | string {
  for (const p of paths) {
    const b = byPath.get(p);
    if (!b) continue;
    return posInBlock(b, b.text.indexOf(text));
  }
  for (const b of scoped) {
    const i = b.text.indexOf(text);
    if (i >= 0) return posInBlock(b, i);
  }
  return paths[paths.length - 1] ?? 'rubric';
}

/**
 * Position of character `index` of a block. A table row's text is its cells joined by " | ",
 * not the source line, so columns inside a row are not known: use the row's start.
 */
export function posInBlock(b: TextBlock, index: number): Position {
  if (b.kind === 'row' || index < 0) return { line: b.line, column: b.column };
  return posIn(b, index);
}

/** Blocks by data path (first block per path). */
export function blocksByPath(doc: Doc): Map<string, TextBlock> {
  const m = new Map<string, TextBlock>();
  for (const b of doc.blocks) if (b.path && !m.has(b.path)) m.set(b.path, b);
  return m;
}
