/**
 * Helpers shared by the `resources` rules: the offering's learning resources as
 * plain entries (string items from front matter, structured items, items parsed
 * from a Markdown "Resources" section), and the text tests several rules use.
 *
 * Every regular expression here is linear-time: bounded repeats, no nested quantifiers.
 */
import type { Doc } from '../../types.js';
import type { ResourceItem } from '../../model/offering.js';
import { fieldText, isBlank, perDoc, PLACEHOLDER_RE, wordCount } from '../text.js';

export interface ResourceEntry {
  /** Index in `doc.data.resources` (the `N` of the data path `resources.N`). */
  index: number;
  /** Data path of the item, `resources.N`. */
  path: string;
  /** The item as loaded. */
  item: ResourceItem;
  /** Title (structured items) or the whole string. */
  title: string;
  /** Description (structured items); empty for string items. */
  description: string;
  /** The `url` field of a structured item (Markdown links fill it too). */
  url: string;
  /** Every value of the item as text (title, url, type, cost, description, other keys). */
  text: string;
}

/** "Resources will be provided after enrolment": a promise, not a resource. */
const DEFERRED_RE =
  /\b(?:coming soon|to be (?:added|announced|determined|provided|shared|posted)|will be (?:added|provided|posted|shared|available|listed|announced)|(?:available|provided|shared) (?:upon|after|once you) (?:enrol|enroll|registration|register|sign|purchase|login|log in))/i;

/** True when an item only promises resources later (no link, short). */
export function isDeferred(text: string): boolean {
  return DEFERRED_RE.test(text) && !URL_TEST_RE.test(text) && wordCount(text) < 30;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));

/** Every resource item with its data path, including blank ones (see `usableResources`). */
export function allResources(doc: Doc): ResourceEntry[] {
  const list = doc.data.resources ?? [];
  return list.map((item, index) => {
    const path = `resources.${index}`;
    if (typeof item === 'string') return { index, path, item, title: item, description: '', url: '', text: item };
    return {
      index,
      path,
      item,
      title: str(item.title),
      description: str(item.description),
      url: str(item.url).trim(),
      text: fieldText(item),
    };
  });
}

/**
 * Resources that are real entries: not empty, not a placeholder, not a promise of resources later.
 * Worked out once per document (several rules ask); callers only read the list.
 */
export const usableResources: (doc: Doc) => ResourceEntry[] = perDoc(
  (doc) => allResources(doc).filter((r) => !isBlankItem(r) && !isDeferred(r.text)),
  (doc) => [doc.data.resources],
);

/** An item is blank when it is, or when every value of it is, empty or a placeholder. */
export function isBlankItem(r: ResourceEntry): boolean {
  if (typeof r.item === 'string') return isBlank(r.item);
  return Object.values(r.item as Record<string, unknown>).every((v) => isBlank(v));
}

/** The `supports` field as text ('' when absent or blank). */
export function supportsText(doc: Doc): string {
  const t = fieldText(doc.data.supports);
  return isBlank(t) ? '' : t;
}

/** A short quote of a resource for reports. */
export function resourceQuote(r: ResourceEntry): string {
  const t = (r.description || r.title || r.text).replace(/\s+/g, ' ').trim();
  return t.length > 160 ? t.slice(0, 159) + '…' : t;
}

/** 1-based label for messages: "resource 2" (plus its title when short). */
export function resourceLabel(r: ResourceEntry): string {
  const t = r.title.replace(/\s+/g, ' ').trim();
  const same = typeof r.item === 'string' || t === r.description.replace(/\s+/g, ' ').trim();
  return t && t.length <= 60 && !same ? `resource ${r.index + 1} ("${t}")` : `resource ${r.index + 1}`;
}

/** Something that looks like a web address in text: scheme URL or bare "www." address. */
const URL_TEST_RE = /\bhttps?:\/\/[^\s<>()[\]"'`]{2,2000}|(?<![\w./@-])www\.[a-z0-9-]{1,63}\.[a-z]{2,}/i;
/** A DOI (bare "10.xxxx/…", "doi:" or doi.org). */
export const DOI_RE = /\b10\.\d{4,9}\/[^\s"<>]{1,500}|\bdoi\s{0,2}:\s{0,2}10\.|\bdoi\.org\//i;

/** A well-formed http(s) address: parses, has a dotted host, no placeholder text. */
export function isWebAddress(u: string): boolean {
  const t = u.trim();
  if (!/^https?:\/\//i.test(t) || PLACEHOLDER_RE.test(t)) return false;
  try {
    const url = new URL(t);
    return url.hostname.includes('.');
  } catch {
    return false;
  }
}

/** Whether a resource carries a usable link: a URL field, a URL in its text, or a DOI. */
export function hasLink(r: ResourceEntry): boolean {
  if (r.url && (isWebAddress(r.url) || /^www\.[a-z0-9-]{1,63}\.[a-z]{2,}/i.test(r.url))) return true;
  if (r.item && typeof r.item === 'object' && !isBlank((r.item as Record<string, unknown>).doi)) return true;
  for (const m of r.text.matchAll(URL_SCAN_RE)) if (isWebAddress(m[0].replace(TRAILING_RE, ''))) return true;
  return /(?<![\w./@-])www\.[a-z0-9-]{1,63}\.[a-z]{2,}/i.test(r.text) || DOI_RE.test(r.text);
}

/** Scheme URLs in text (global; use with matchAll). */
export const URL_SCAN_RE = /\bhttps?:\/\/[^\s<>()[\]"'`]{1,2000}/gi;
/** Punctuation and Markdown emphasis that end a sentence rather than a URL. */
export const TRAILING_RE = /[.,;:!?*_]{1,20}$/;

/**
 * Text of the resources a rule compares with the competency: title and description
 * (or the whole string), with the URL path words kept (slugs often name the topic).
 */
export function titleAndDescription(r: ResourceEntry): string {
  if (typeof r.item === 'string') return r.item;
  return [r.title, r.description, r.url].filter(Boolean).join('\n');
}
