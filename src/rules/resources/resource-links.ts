import { z } from 'zod';
import type { Hit, TextBlock } from '../../types.js';
import { defineRule } from '../define.js';
import { blocksIn, PLACEHOLDER_RE, posIn, quoteAround } from '../text.js';
import { TRAILING_RE } from './util.js';

/** Where links are checked: resource and research sections and fields. */
const SCOPES = ['resources', 'research'];

/** Scheme addresses, including misspelt schemes ("htps://", "https:/x"). Global: used with matchAll. */
const SCHEME_RE = /\b(h[a-z]{1,5}|ftp):\/{1,3}([^\s<>()[\]"'`]{0,2000})/gi;
/** Bare "www." addresses without a scheme. */
const WWW_RE = /(?<![\w./@:-])www\.[a-z0-9-]{1,63}\.[^\s<>()[\]"'`]{1,2000}/gi;
/** Markdown link targets: `[text](target)`. */
const LINK_TARGET_RE = /\]\(\s{0,5}([^)\s]{0,2000})/g;
/** Fields whose whole value is an address. */
const URL_FIELD_RE = /(?:^|\.)(?:url|link|href|website)$/i;
/** Placeholder words inside an address, between separators: /todo/, your-link-here, insert_url. */
const URL_PLACEHOLDER_RE =
  /(?:^|[/\-_.?=#&])(?:todo|tbd|tba|fixme|placeholder|xxx{1,20}|insert[-_]?(?:link|url|here)|your[-_]?(?:url|link|site|website|domain|page)|link[-_]?here|url[-_]?here|add[-_]?link)(?=$|[/\-_.?=#&])/i;
/** A host name without a scheme: "ascd.org/wait-time". */
const BARE_HOST_RE = /^(?:www\.)?[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){1,10}(?:[/?#]\S{0,2000})?$/i;

interface Candidate {
  url: string;
  block: TextBlock;
  index: number;
  /** 'scheme': http(s)-like; 'www': no scheme; 'target': Markdown link target that is not an address; 'field': whole url field. */
  kind: 'scheme' | 'www' | 'target' | 'field';
}

/** Key that groups blocks of one item (so one URL in an item's `url` and `description` is not a duplicate). */
function itemKey(b: TextBlock): string {
  if (!b.path) return `${b.line}:${b.column}`;
  const parts = b.path.split('.');
  return `${b.kind === 'field' ? 'f' : 'b'}:${parts.slice(0, 2).join('.')}`;
}

function candidates(b: TextBlock): Candidate[] {
  const out: Candidate[] = [];
  const text = b.text;
  if (b.kind === 'field' && b.path && URL_FIELD_RE.test(b.path)) {
    const lead = text.length - text.trimStart().length;
    const url = text.trim();
    if (url) out.push({ url, block: b, index: lead, kind: 'field' });
    return out;
  }
  for (const m of text.matchAll(SCHEME_RE)) out.push({ url: m[0].replace(TRAILING_RE, ''), block: b, index: m.index, kind: 'scheme' });
  for (const m of text.matchAll(WWW_RE)) out.push({ url: m[0].replace(TRAILING_RE, ''), block: b, index: m.index, kind: 'www' });
  for (const m of text.matchAll(LINK_TARGET_RE)) {
    const target = m[1]!;
    if (/^(?:[a-z][a-z0-9+.-]{0,15}:|www\.)/i.test(target) && !/^(?:javascript|data):/i.test(target)) continue;
    out.push({ url: target, block: b, index: m.index + m[0].length - target.length, kind: 'target' });
  }
  return out;
}

/** Normal form for duplicate detection: host without "www.", path without trailing slash, no fragment. */
function normal(u: URL): string {
  const host = u.hostname.toLowerCase().replace(/^www\./, '');
  const path = u.pathname.replace(/(?<!\/)\/+$/, '');
  return `${host}${path}${u.search}`;
}

function placeholderHost(host: string, hosts: readonly string[]): string | null {
  const h = host.toLowerCase().replace(/\.$/, '');
  for (const p of hosts) {
    const q = p.toLowerCase();
    if (h === q || h.endsWith('.' + q)) return p;
  }
  return null;
}

export default defineRule({
  id: 'resource-links',
  aspect: 'resources',
  description: 'Every link in the resources and research is a well-formed https address, not a placeholder, and listed once.',
  summary: 'broken, placeholder or repeated resource links',
  rationale:
    'Placeholder, malformed or insecure links send earners nowhere and signal an unfinished offering; resources must be available to support learning. (Links are checked for form only; mcaudit does not access the network.)',
  source: 'Digital Promise framework: cited and available research and resources (S6); domain research §1 Aspect 2 rule (b) and §6 rule 5 ("flag broken/placeholder links").',
  fix: 'Replace placeholder links with the real address, write every link in full with https:// (e.g. "https://www.ascd.org/…"), and list each resource once.',
  anchor: 'resources',
  params: z.strictObject({
    /** Hosts that are placeholders (subdomains included). */
    placeholderHosts: z.array(z.string().min(1)),
  }),
  examples: {
    pass: '## Resources\n- [Wait time guide](https://www.ascd.org/el/articles/wait-time)',
    fail: '## Resources\n- [Wait time guide](https://example.com/TODO)',
  },
  check(doc, params) {
    const hits: Hit[] = [];
    /** Normal form -> where it was first seen (item key and line). */
    const seen = new Map<string, { key: string; line: number }>();
    // Document order, so that "first on line N" names the earlier occurrence (front-matter leaves are not in order).
    const blocks = blocksIn(doc, SCOPES)
      .slice()
      .sort((a, b) => a.line - b.line || a.column - b.column);
    for (const b of blocks) {
      const key = itemKey(b);
      const own = new Set<string>();
      for (const c of candidates(b)) {
        const at = posIn(b, c.index);
        const quote = quoteAround(b.text, c.index, c.url.length);
        const shown = c.url.length > 80 ? c.url.slice(0, 79) + '…' : c.url;
        const hit = (message: string, credit = 0, fix?: string) => {
          const h: Hit = { message, at, quote, credit };
          if (fix) h.fix = fix;
          hits.push(h);
        };
        if (!c.url) {
          hit('a link has an empty target');
          continue;
        }
        if (PLACEHOLDER_RE.test(c.url) || URL_PLACEHOLDER_RE.test(c.url) || /^#+$/.test(c.url)) {
          hit(`the link "${shown}" is a placeholder`);
          continue;
        }
        if (c.kind === 'target') {
          hit(`the link target "${shown}" is not a full web address`, 0, 'Write the full address starting with https://.');
          continue;
        }
        let text = c.url;
        let noScheme = false;
        if (c.kind === 'www' || (c.kind === 'field' && !/^[a-z][a-z0-9+.-]{0,15}:/i.test(text))) {
          if (!BARE_HOST_RE.test(text)) {
            hit(`"${shown}" is not a web address`);
            continue;
          }
          noScheme = true;
          text = 'https://' + text;
        }
        let u: URL;
        try {
          u = new URL(text);
        } catch {
          hit(`the link "${shown}" is not a well-formed web address`);
          continue;
        }
        if ((u.protocol !== 'http:' && u.protocol !== 'https:') || !/^https?:\/\/[^/]/i.test(text)) {
          hit(`the link "${shown}" is not a well-formed web address (it should start with https://)`);
          continue;
        }
        const host = u.hostname;
        const ph = placeholderHost(host, params.placeholderHosts);
        if (ph) {
          hit(`the link "${shown}" points at the placeholder host ${ph}`);
          continue;
        }
        if (host !== 'localhost' && !host.includes('.')) {
          hit(`the link "${shown}" has no valid host name`);
          continue;
        }
        const n = normal(u);
        if (!own.has(n)) {
          own.add(n);
          const first = seen.get(n);
          if (first && first.key !== key) {
            hit(`the link "${shown}" is listed twice (first on line ${first.line})`, 0.5, 'List each resource once; remove or merge the repeated entry.');
          } else if (!first) seen.set(n, { key, line: at.line });
        }
        if (noScheme) hit(`the link "${shown}" has no https:// prefix`, 0.5, `Write the address in full: "https://${c.url}".`);
        else if (u.protocol === 'http:') hit(`the link "${shown}" uses http; use https`, 0.5, `Use the secure address: "${c.url.replace(/^http:/i, 'https:')}" (check that it opens).`);
      }
    }
    return hits;
  },
});
