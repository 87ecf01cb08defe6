import { z } from 'zod';
import { defineRule } from '../define.js';
import { isBlank } from '../text.js';
import { blocksWhere, anyAccepted } from './util.js';

/** Statements of validity, expiry or renewal of the credential itself. */
const VALIDITY_RE = new RegExp(
  [
    String.raw`\b(?:does|do|will|shall)\s{0,3}(?:not|n't)\s{1,3}expire\b`,
    String.raw`\b(?:never|no)\s{1,3}(?:expires?|expiration|expiry|expiration date|end date)\b`,
    String.raw`\b(?:expires?|expiration|expiry|expiring)\b`,
    String.raw`\bvalid(?:ity)?\s{1,3}(?:for|until|through|thru|period|of)\b`,
    String.raw`\b(?:valid|good)\s{1,3}(?:indefinitely|for life|permanently)\b`,
    String.raw`\b(?:lifetime|permanent)\s{1,3}(?:credential|badge|validity|award)\b`,
    String.raw`\b(?:must|should|can|may|needs? to)\s{1,3}be\s{1,3}renewed\b`,
    String.raw`\brenew(?:ed|al|able|s)?\s{1,3}(?:every|after|each|annually|within|by)\b`,
    String.raw`\b(?:badge|credential|micro-?credential)s?\s{1,3}(?:is|are|must|should|can|may|will|needs? to)\s{1,3}(?:be\s{1,3})?(?:renewed|renewable|recertified)\b`,
    String.raw`\b(?:re-?earn|recertif(?:y|ication))\b`,
  ].join('|'),
  'i',
);
/** An "expires" that is about the submission window, not the credential ("your submission window expires"). */
const NOT_CREDENTIAL_RE = /\b(?:submi\w{0,8}|window|deadline|enrol\w{0,6}|access|account|licen[sc]e|licensure|subscription|trial|voucher|offer|link|code|session|password)\b/i;

const LICENSE_BEFORE_RE = /\b(?:licen[sc]e|licensure|relicensure|certificate|teaching)\s{0,3}$/i;

const SCOPES = new Set(['about', 'description', 'other', 'recognition', 'badge', 'expires', 'cost', 'privacy', 'title']);

export default defineRule({
  id: 'validity-period',
  aspect: 'transparency',
  description: 'The offering states how long the credential is valid: that it does not expire, when it expires, or how it is renewed.',
  summary: 'validity or expiry not stated',
  rationale:
    'A recogniser using a micro-credential for licensure renewal or an endorsement must know whether an earned credential stays valid or must be renewed; Open Badges carries this as `expires` / `validUntil`.',
  source: 'Open Badges 2.0 assertion `expires`, Open Badges 3.0 `validFrom`/`validUntil` (S11); domain.md §1 Aspect 5 comparability rules (expiry/renewal policy) and §6 rule 10.',
  fix: 'State the validity, e.g. `expires: never` or "This micro-credential does not expire." or "Valid for 5 years; renew by submitting new evidence."',
  anchor: 'expires',
  params: z.strictObject({}),
  examples: {
    pass: '## About\n- Validity: does not expire',
    fail: '## About\n- Cost: free',
  },
  check(doc) {
    const e = doc.data.expires;
    if (typeof e === 'boolean' || typeof e === 'number') return [];
    if (typeof e === 'string' && (/^\s*(?:no|none|never|false)\s*$/i.test(e) || !isBlank(e))) return [];
    const accept = (text: string, index: number, length: number) => {
      const word = text.slice(index, index + length).toLowerCase();
      // "license renewal every five years" is about the teaching license, not this credential.
      if (word.startsWith('renew') && LICENSE_BEFORE_RE.test(text.slice(Math.max(0, index - 30), index))) return false;
      if (!/expir/.test(word) || /\b(?:not|never|no)\b/.test(word)) return true;
      // A bare "expires": only when the sentence is not about a submission window or an account.
      const start = Math.max(0, index - 80);
      return !NOT_CREDENTIAL_RE.test(text.slice(start, index + length + 40));
    };
    if (anyAccepted(blocksWhere(doc, { scopes: SCOPES }), VALIDITY_RE, accept)) return [];
    if (e !== undefined) return [{ message: 'the validity or expiry statement is empty or a placeholder', at: 'expires', quote: String(e) }];
    return [{ message: 'it is not stated whether the credential expires or must be renewed' }];
  },
});
