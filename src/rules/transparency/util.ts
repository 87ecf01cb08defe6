/**
 * Helpers shared by the transparency rules: searching blocks with a filter on each
 * match (negations, wrong context), and small value tests.
 */
import type { Doc, TextBlock } from '../../types.js';
import { mayMatch } from '../prefilter.js';
import { globalOf, isBlank, toMatch, type Match } from '../text.js';

/** An e-mail address (bounded parts, linear). */
export const EMAIL_RE = /\b[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,6}\b/;
/** A web address. */
export const URL_RE = /\bhttps?:\/\/[^\s<>()[\]"']{1,2000}|\bwww\.[\w-]{1,63}\.[a-z]{2,}/i;

/** Scopes that hold descriptive prose and metadata (not the rubric, evidence prompts or citations). */
export const META_SCOPES = ['title', 'description', 'about', 'other', 'recognition', 'cost', 'audience', 'prerequisites', 'privacy'] as const;


/** At most this many matches are tried per block (keeps a hostile block linear). */
const MAX_TRIES = 50;

/**
 * First match of `re` in `blocks` that `accept` takes, in document order.
 * `accept` sees the block text and the match; use it to skip negated or off-topic uses.
 */
export function firstAccepted(
  blocks: readonly TextBlock[],
  re: RegExp,
  accept: (text: string, index: number, length: number) => boolean = () => true,
): Match | null {
  const g = globalOf(re);
  for (const block of blocks) {
    const m = acceptedIn(block, g, accept);
    if (m) return toMatch(block, m);
  }
  return null;
}

/** Whether `firstAccepted` would find a match (without its position and quote). */
export function anyAccepted(
  blocks: readonly TextBlock[],
  re: RegExp,
  accept: (text: string, index: number, length: number) => boolean = () => true,
): boolean {
  const g = globalOf(re);
  for (const block of blocks) if (acceptedIn(block, g, accept)) return true;
  return false;
}

/** The first match of the global regex `g` in a block that `accept` takes (at most MAX_TRIES tried). */
function acceptedIn(block: TextBlock, g: RegExp, accept: (text: string, index: number, length: number) => boolean): RegExpExecArray | null {
  if (!mayMatch(block, g)) return null;
  g.lastIndex = 0;
  let tries = 0;
  let m: RegExpExecArray | null;
  while ((m = g.exec(block.text)) !== null && tries++ < MAX_TRIES) {
    if (m[0].length === 0) {
      g.lastIndex++;
      continue;
    }
    if (accept(block.text, m.index, m[0].length)) return m;
  }
  return null;
}

/** Blocks of `doc` whose scope is in `scopes` (a Set for speed), or not in `exclude`. */
export function blocksWhere(doc: Doc, opts: { scopes?: ReadonlySet<string>; exclude?: ReadonlySet<string> }): TextBlock[] {
  return doc.blocks.filter((b) => (opts.scopes ? opts.scopes.has(b.scope) : true) && (opts.exclude ? !opts.exclude.has(b.scope) : true));
}

const NEGATION_BEFORE = /\b(?:no|not|never|without|nor|neither|isn't|aren't|is not|are not)\s+(?:[\w-]+\s+){0,2}$/i;

/** True when the words just before `index` negate what follows ("no login required", "not available on request"). */
export function negated(text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - 40), index);
  return NEGATION_BEFORE.test(before);
}

/** A value that says something: present, not empty and not a placeholder. */
export function stated(value: unknown): boolean {
  return value !== undefined && value !== null && !isBlank(value);
}

/** The string value of an object's first key that is stated. */
export function firstStated(obj: Record<string, unknown>, keys: readonly string[]): string | null {
  for (const k of keys) {
    const v = obj[k];
    if ((typeof v === 'string' || typeof v === 'number') && stated(v)) return String(v);
  }
  return null;
}

/**
 * The Open Badges metadata of an offering that is a badge definition: one read from Open
 * Badges JSON, or one whose `badge` field is an object with badge metadata (`criteria`,
 * `achievementType` or `type`). Null for any other offering, so badge-only rules do not apply.
 */
export function badgeOf(doc: Doc): Record<string, unknown> | null {
  const b = doc.data.badge;
  const obj = typeof b === 'object' && b !== null ? (b as Record<string, unknown>) : null;
  if (doc.source === 'openbadges') return obj ?? {};
  if (obj && ('criteria' in obj || 'achievementType' in obj || 'type' in obj)) return obj;
  return null;
}

/** The criteria narrative and criteria URL of a badge (URL: `badge.criteria.id`, else `publicUrl`). */
export function badgeCriteria(doc: Doc, badge: Record<string, unknown>): { narrative: string | null; url: string | null; urlAt: string } {
  const c = badge.criteria;
  let narrative: string | null = null;
  let url: string | null = null;
  let urlAt = 'publicUrl';
  if (typeof c === 'string') {
    url = c;
    urlAt = 'badge.criteria';
  } else if (typeof c === 'object' && c !== null) {
    const r = c as Record<string, unknown>;
    if (typeof r.narrative === 'string') narrative = r.narrative;
    if (typeof r.id === 'string' && stated(r.id)) {
      url = r.id;
      urlAt = 'badge.criteria.id';
    }
  }
  if (url === null && stated(doc.data.publicUrl)) url = String(doc.data.publicUrl);
  return { narrative, url: url && stated(url) ? url : null, urlAt };
}
