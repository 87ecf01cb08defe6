import { z } from 'zod';
import { defineRule } from '../define.js';
import { fieldText, has, phraseRegex } from '../text.js';

/** The resources section and fields (a "Supports" heading maps here too) and the `supports` field. */
const SCOPES = ['resources', 'supports'];

export default defineRule({
  id: 'practice-support',
  aspect: 'resources',
  description: 'The offering gives at least one practice support: a template, protocol or planning tool, coaching or mentoring, or a peer community.',
  summary: 'no practice supports (templates, coaching or community)',
  rationale:
    'Reading about a method is not enough to apply it: teachers in the Louisiana micro-credential study needed peer and asynchronous supports, BloomBoard pairs earners with a learning community and a coach, and NEPC notes that micro-credentials assess but do not develop skills. Artifact exemplars are not required (BloomBoard withholds them to keep evidence authentic), but templates and guides help.',
  source:
    'RAND Louisiana STEM micro-credentials, RR-A2486-1/-2 (S9); BloomBoard Learning Community and coaching (S8); Citizen U TPS learning community (domain §1 Aspect 2); NEPC review, Aydarova 2021 (S10).',
  fix: 'Add a support for putting the method into practice, e.g. "- Wait-time planning template (Google Doc)" or "Supports: monthly virtual office hours with a coach and an online community of earners."',
  anchor: 'resources',
  params: z.strictObject({
    /** Phrases that name a practice support. */
    phrases: z.array(z.string().min(1)).min(1),
  }),
  examples: {
    pass: '## Resources\n- Wait-time planning template\n- Join the online learning community for earners of this micro-credential.',
    fail: '## Resources\n- [Wait time article](https://www.ascd.org/wait-time)',
  },
  check(doc, params) {
    const re = phraseRegex(params.phrases);
    if (has(doc, re, SCOPES)) return [];
    // Field values that have no text block (e.g. numbers) are still read.
    if (re.test(fieldText(doc.data.supports)) || re.test(fieldText(doc.data.resources))) return [];
    return [{ message: 'no practice support is offered among the resources or supports (template, protocol, planning tool, coaching, mentoring or community)' }];
  },
});
