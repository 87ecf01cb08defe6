import { z } from 'zod';
import { defineRule } from '../define.js';
import type { Doc } from '../../types.js';
import { badgeOf } from './util.js';

/** "micro-credential", "microcredential", "micro credential". */
const MC_RE = /\bmicro[- ]?credentials?\b/i;

/** Whether the offering calls itself a micro-credential (title, description, tags). */
function claimsMicroCredential(doc: Doc): boolean {
  const d = doc.data;
  const texts = [d.title, d.description, ...(d.tags ?? [])].filter((t): t is string => typeof t === 'string');
  return texts.some((t) => MC_RE.test(t)) || doc.blocks.some((b) => (b.scope === 'title' || b.scope === 'description') && MC_RE.test(b.text));
}

export default defineRule({
  id: 'badge-achievement-type',
  aspect: 'transparency',
  description: 'A badge that calls itself a micro-credential says so in its metadata: `achievementType` is `MicroCredential` or `Competency`.',
  summary: 'achievementType does not say micro-credential',
  rationale:
    'Registries, wallets and state systems sort credentials by their machine-readable type, not by the words in their title; a micro-credential typed as a generic Badge or a CertificateOfCompletion is filed with participation badges.',
  source: 'Open Badges 3.0 Achievement `achievementType` vocabulary (MicroCredential, Competency, …) (S11); domain.md §6 rule 10.',
  fix: 'Set `"achievementType": "MicroCredential"` on the Achievement (or `"Competency"` for a single-competency badge). Open Badges 2.0 has no achievementType: publish the badge as an Open Badges 3.0 Achievement.',
  anchor: 'badge.achievementType',
  params: z.strictObject({
    /** achievementType values that mark a micro-credential. */
    allowed: z.array(z.string().min(1)).min(1),
  }),
  appliesTo: (doc) => badgeOf(doc) !== null && claimsMicroCredential(doc),
  examples: {
    pass: '---\ntitle: Wait Time Micro-credential\nbadge:\n  achievementType: MicroCredential\n---\n',
    fail: '---\ntitle: Wait Time Micro-credential\nbadge:\n  achievementType: Badge\n---\n',
  },
  check(doc, params) {
    const badge = badgeOf(doc);
    if (!badge) return [];
    const t = typeof badge.achievementType === 'string' ? badge.achievementType : null;
    if (t && params.allowed.includes(t)) return [];
    if (t) return [{ message: `the offering calls itself a micro-credential but its achievementType is "${t}"`, at: 'badge.achievementType', quote: t }];
    if (badge.type === 'BadgeClass') {
      return [{ message: 'the offering calls itself a micro-credential, but Open Badges 2.0 has no achievementType to say so', at: 'badge', credit: 0.5 }];
    }
    return [{ message: 'the offering calls itself a micro-credential but has no achievementType', at: 'badge' }];
  },
});
