import { z } from 'zod';
import type { Hit } from '../../types.js';
import { defineRule } from '../define.js';
import { isBlank, yearsIn } from '../text.js';
import { hasLink, resourceLabel, resourceQuote, usableResources, type ResourceEntry } from './util.js';

/** "Rowe, M. B." / "Fisher, D." — surname and initials. */
const AUTHOR_INITIALS_RE = /\b[A-Z][\p{L}'’-]{1,40},\s{1,3}(?:[A-Z]\.\s{0,2}){1,3}/u;
/** "Rowe (1986)", "Rowe, 1986", "Rowe et al. (2019)", "Fisher & Frey, 2021". */
const AUTHOR_YEAR_RE = /\b[A-Z][\p{L}'’-]{1,40}(?:\set\sal\.?)?(?:,\s{1,3}|\s{1,3}\(\s{0,2})(?:19[5-9]\d|20\d\d)[a-z]?\b/u;
/** "et al." or "by Mary Budd Rowe" with a year elsewhere. */
const AUTHOR_WORD_RE = /\bet\sal\b|\b(?:by|author|authors|written by|edited by|eds?\.)\s{0,3}:?\s{0,3}[A-Z][\p{L}'’-]{1,40}/u;
/** Publishers and organisations whose names carry a citation. Acronyms are case-sensitive. */
const ORG_ACRONYM_RE =
  /\b(?:ASCD|NCTM|NCTE|NSTA|NCSS|ISTE|CAST|IES|WWC|ERIC|NEA|AFT|NAEYC|CEC|ILA|ACTFL|TESOL|OECD|UNESCO|RAND|MDRC|NBER|NWEA|SREB|CCSSO|AERA|TNTP|PBS|NPR|NAP|NCES)\b/;
const ORG_NAME_RE =
  /\b(?:what works clearinghouse|institute of education sciences|learning forward|edutopia|digital promise|teaching channel|understood\.org|reading rockets|colorin colorado|khan academy|achieve the core|edreports|common sense education|national board|library of congress|smithsonian|heinemann|corwin|jossey-bass|routledge|solution tree|stenhouse|wiley|sage publications|springer|scholastic|teachers college press|harvard education press|marzano resources|responsive classroom|national academies|regional educational laborator(?:y|ies)|department of education|education week|cult of pedagogy|the learning scientists|retrieval practice\.org|u\.s\. department)\b/i;
/** "Harvard University", "University of Virginia", "Carnegie Foundation", "Stanford Center …". */
const ORG_SUFFIX_RE =
  /\b(?:Universit(?:y|ies) of|[A-Z][\p{L}'’-]{1,40}\s(?:Press|Institute|Center|Centre|Association|Foundation|Council|Society|University|College|Publishing|Publishers|Laboratory|Clearinghouse|Alliance|Network|Academy|Project))\b/u;
/** Structured keys that name an author or publisher. */
const AUTHOR_KEYS = ['author', 'authors', 'creator', 'citation'];
const ORG_KEYS = ['publisher', 'organization', 'organisation', 'org', 'source', 'provider', 'issuer'];

function keyValue(r: ResourceEntry, keys: string[]): boolean {
  if (typeof r.item !== 'object' || r.item === null) return false;
  const rec = r.item as Record<string, unknown>;
  return keys.some((k) => !isBlank(rec[k]));
}

/** Author and year, or publisher/organisation and a title. */
export function isFullCitation(r: ResourceEntry): boolean {
  const t = r.text;
  const rec = typeof r.item === 'object' && r.item !== null ? (r.item as Record<string, unknown>) : {};
  const year = yearsIn(t).length > 0 || /\bn\.\s?d\./.test(t) || !isBlank(rec.year);
  if (year && (AUTHOR_YEAR_RE.test(t) || AUTHOR_INITIALS_RE.test(t) || AUTHOR_WORD_RE.test(t) || keyValue(r, AUTHOR_KEYS))) return true;
  const org = ORG_ACRONYM_RE.exec(t) ?? ORG_NAME_RE.exec(t) ?? ORG_SUFFIX_RE.exec(t);
  if (org || keyValue(r, ORG_KEYS)) {
    // A title besides the organisation's name: at least two other words.
    const rest = org ? t.slice(0, org.index) + ' ' + t.slice(org.index + org[0].length) : t;
    const titleWords = (rest.match(/[\p{L}\p{N}]{2,}/gu) ?? []).length;
    if (titleWords >= 2) return true;
  }
  return false;
}

export default defineRule({
  id: 'resources-cited',
  aspect: 'resources',
  description: 'Every resource has a link or a full citation (author and year, or publisher and title) so earners can find it.',
  summary: 'resources without a link or citation',
  rationale:
    'A resource an earner cannot locate does not support learning. The Digital Promise design principles require cited, available research and resources.',
  source: 'Digital Promise framework: cited, available research and resources (S6); New America 2021, Aspect 2; domain research §6 rule 5.',
  fix: 'Give each resource a link or a full citation, e.g. "Rowe, M. B. (1986). Wait time: Slowing down may be a way of speeding up. Journal of Teacher Education, 37(1)" or "[Wait Time Guide](https://…), ASCD".',
  anchor: 'resources',
  requires: 'resources-present',
  params: z.strictObject({}),
  examples: {
    pass: '## Resources\n- [Wait time guide](https://www.ascd.org/wait-time)\n- Rowe, M. B. (1986). Wait time: Slowing down may be a way of speeding up. Journal of Teacher Education.',
    fail: '## Resources\n- A video about wait time\n- Planning template',
  },
  check(doc) {
    const list = usableResources(doc);
    if (!list.length) return [];
    const uncited = list.filter((r) => !hasLink(r) && !isFullCitation(r));
    if (!uncited.length) return [];
    const credit = (list.length - uncited.length) / list.length;
    return uncited.map(
      (r): Hit => ({
        message: `${resourceLabel(r)} has no link or full citation (author and year, or publisher and title)`,
        at: r.path,
        quote: resourceQuote(r),
        credit,
      }),
    );
  },
});
