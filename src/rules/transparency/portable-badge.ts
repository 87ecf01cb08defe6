import { z } from 'zod';
import { defineRule } from '../define.js';
import { fieldText, truthy } from '../text.js';
import { blocksWhere, anyAccepted, negated } from './util.js';

/** A verifiable, portable credential format or platform. */
const PORTABLE_RE =
  /\b(?:open\s{0,2}badges?(?:\s{0,2}(?:v|version\s{0,2})?[23](?:\.0)?)?|OBv?[23](?:\.0)?|digital\s{1,3}(?:badges?|credentials?)|badgr|credly|canvas\s{1,3}credentials|accredible|verifiable\s{1,3}(?:digital\s{1,3})?credentials?|W3C\s{1,3}VCs?|comprehensive\s{1,3}learner\s{1,3}records?|CLR|blockcerts)\b/i;

/** A `badge` value that names only a non-portable format. */
const NOT_PORTABLE_RE = /\b(?:pdf|paper|printed|printable|certificate of (?:completion|participation|attendance)|transcript only)\b/i;

/** Citations and resource lists may mention badges without the offering issuing one. */
const EXCLUDE = new Set(['research', 'resources']);

export default defineRule({
  id: 'portable-badge',
  aspect: 'transparency',
  description: 'The credential is issued in a verifiable, portable format (Open Badges 2.0/3.0, a verifiable credential or CLR, e.g. through Badgr or Credly).',
  summary: 'no verifiable, portable credential format',
  rationale:
    'A badge in an open standard carries its issuer, criteria and alignment with it, so a district or state can verify the credential and see what was required without asking the issuer; a PDF certificate cannot be verified or compared.',
  source: 'Digital Promise MCs awarded as Open Badges; NEA badges via Badgr, with competencies "baked in" (domain.md §1 Aspect 5); Open Badges 2.0/3.0 specifications (S11); domain.md §6 rule 10.',
  fix: 'Issue the credential as an Open Badge and say so, e.g. "Earners receive an Open Badges 3.0 digital badge through Credly" or front matter `badge: "Open Badges 3.0"`.',
  anchor: 'badge',
  params: z.strictObject({}),
  examples: {
    pass: '## About\n- Badge: Open Badges 2.0, issued through Badgr',
    fail: '## About\n- Cost: free',
  },
  check(doc) {
    if (doc.source === 'openbadges') return [];
    const badge = doc.data.badge;
    if (badge !== undefined) {
      if (typeof badge === 'string' && NOT_PORTABLE_RE.test(badge) && !PORTABLE_RE.test(badge)) {
        return [{ message: 'the credential format named is not verifiable or portable (a PDF or paper certificate)', at: 'badge', quote: badge }];
      }
      if (typeof badge === 'object' ? Object.keys(badge).length > 0 : truthy(badge)) return [];
    }
    const accept = (text: string, index: number) => !negated(text, index);
    if (anyAccepted(blocksWhere(doc, { exclude: EXCLUDE }), PORTABLE_RE, accept)) return [];
    if (badge !== undefined) {
      return [{ message: 'the badge field says no portable badge is issued, or is empty', at: 'badge', quote: fieldText(badge) }];
    }
    return [{ message: 'no verifiable, portable credential format is stated (Open Badges, digital badge, verifiable credential or CLR)' }];
  },
});
