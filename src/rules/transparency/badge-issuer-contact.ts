import { z } from 'zod';
import { defineRule } from '../define.js';
import { badgeOf, stated } from './util.js';

export default defineRule({
  id: 'badge-issuer-contact',
  aspect: 'transparency',
  description: 'The issuer (or creator) profile embedded in a badge has a name, a URL and an e-mail address.',
  summary: 'badge issuer profile lacks URL or e-mail',
  rationale:
    'A verifier who meets the badge far from its issuer needs to know who vouches for it and how to reach them. Open Badges 2.0 requires `url` and `email` on the issuer Profile; a profile given only as a link cannot be checked offline.',
  source: 'Open Badges 2.0 issuer Profile (id, type, name, url, email required when issuing) and Open Badges 3.0 Profile `url`, `email` (S11); domain.md §6 rule 10 (issuer with url+email).',
  fix: 'Embed the issuer profile with its contact details, e.g. `"creator": { "id": "https://example.org/issuer", "type": ["Profile"], "name": "Example District", "url": "https://example.org", "email": "badges@example.org" }`.',
  anchor: 'provider',
  params: z.strictObject({}),
  appliesTo: (doc) => badgeOf(doc) !== null,
  examples: {
    pass: '---\ntitle: Wait Time\nprovider:\n  name: Example District\n  url: https://example.org\n  email: badges@example.org\nbadge:\n  achievementType: MicroCredential\n---\n',
    fail: '---\ntitle: Wait Time\nprovider:\n  name: Example District\nbadge:\n  achievementType: MicroCredential\n---\n',
  },
  check(doc) {
    const badge = badgeOf(doc);
    if (!badge) return [];
    const p = doc.data.provider;
    if (p === undefined) return [{ message: 'the badge has no issuer or creator profile' }];
    if (typeof p === 'string') return [{ message: 'the issuer is a name only, with no profile URL or e-mail', at: 'provider', quote: p }];
    const url = stated(p.url);
    const email = stated(p.email);
    if (badge.issuerIsLink === true) {
      return [
        {
          message: `the issuer is given only as a link to its profile (${String(p.url)}); the profile is not fetched, so its name, URL and e-mail cannot be checked`,
          at: 'provider',
          quote: String(p.url),
        },
      ];
    }
    if (url && email) return [];
    if (!url && !email) return [{ message: 'the issuer profile has no URL and no e-mail address', at: 'provider' }];
    return [{ message: `the issuer profile has no ${url ? 'e-mail address' : 'URL'}`, at: 'provider', credit: 0.5 }];
  },
});
