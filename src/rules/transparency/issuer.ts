import { z } from 'zod';
import { defineRule } from '../define.js';
import type { Position } from '../../types.js';
import { blocksWhere, EMAIL_RE, anyAccepted, firstAccepted, stated, URL_RE } from './util.js';

/** "Issued by the Utah State Board of Education": a named issuer in prose (the name starts with a capital). */
const ISSUED_BY_RE = /\b(?:[Ii]ssued|[Oo]ffered|[Aa]warded|[Dd]eveloped|[Cc]reated|[Pp]ublished|[Ss]ponsored) by:?\s{1,3}(?:the\s{1,3})?[A-Z][\w&.'’-]{1,60}/;
/** A labelled contact line: "Contact: …", "Website: …". */
const CONTACT_LINE_RE = /\b(?:contact|e-?mail|website|web site|homepage|home page)\b\s{0,3}(?:us\s{1,3})?(?:at\s{1,3})?:?\s{0,3}(?:https?:\/\/|www\.|[\w.+-]{1,64}@)/i;

const NAME_SCOPES = new Set(['provider', 'title', 'description', 'about', 'other', 'recognition', 'assessment']);
const CONTACT_SCOPES = new Set(['provider', 'description', 'about', 'other']);

export default defineRule({
  id: 'issuer',
  aspect: 'transparency',
  description: 'The issuer (provider) of the micro-credential is named, with a website or e-mail to contact it.',
  summary: 'issuer not named',
  rationale:
    'Whoever recognises a micro-credential (a district, a state, a university) has to know who vouches for it and how to reach them. Open Badges requires an issuer profile with a name, url and email on every badge class.',
  source: 'Open Badges 2.0 BadgeClass `issuer` and issuer Profile (name, url, email) (S11); EU Council Recommendation 2022 transparency elements (provider); Credential Engine CTDL ownedBy/offeredBy (S12).',
  fix: 'Name the issuer and give a contact, e.g. a front-matter `provider: {name: "Utah State Board of Education", url: "https://schools.utah.gov"}` or a line "Provider: Utah State Board of Education (https://schools.utah.gov)".',
  anchor: 'provider',
  params: z.strictObject({}),
  examples: {
    pass: 'Provider: Digital Promise (https://digitalpromise.org)',
    fail: 'Provider: TBD',
  },
  check(doc) {
    const p = doc.data.provider;
    let name: string | null = null;
    let nameAt: Position | string = 'provider';
    let contact = false;
    if (typeof p === 'string') {
      if (stated(p)) name = p;
      contact = EMAIL_RE.test(p) || URL_RE.test(p);
    } else if (p && typeof p === 'object') {
      if (stated(p.name)) name = String(p.name);
      contact = stated(p.url) || stated(p.email);
    }
    if (name === null) {
      const prose = firstAccepted(blocksWhere(doc, { scopes: NAME_SCOPES }), ISSUED_BY_RE);
      if (prose) {
        name = prose.quote;
        nameAt = prose.pos;
      }
    }
    if (name === null) {
      if (p !== undefined) {
        const hit = { message: 'the provider (issuer) is empty or a placeholder', at: typeof p === 'object' && p.name !== undefined ? 'provider.name' : 'provider' };
        return [typeof p === 'string' ? { ...hit, quote: p } : hit];
      }
      return [{ message: 'the issuer is not named (no `provider` field, "Provider:" line or "issued by …" statement)' }];
    }
    if (contact) return [];
    // A contact given next to the provider: an e-mail, or a labelled contact line.
    const near = blocksWhere(doc, { scopes: CONTACT_SCOPES });
    if (anyAccepted(near, CONTACT_LINE_RE) || anyAccepted(near.filter((b) => b.path === 'provider' || b.scope === 'provider'), URL_RE) || anyAccepted(near, EMAIL_RE)) {
      return [];
    }
    return [
      {
        message: 'the issuer is named but no website or e-mail is given to contact it',
        at: nameAt,
        quote: name,
        credit: 0.5,
        fix: 'Add the issuer\'s website or e-mail, e.g. `provider: {name: "…", url: "https://…", email: "…"}` or "Contact: microcredentials@example.org".',
      },
    ];
  },
});
