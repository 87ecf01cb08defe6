import { z } from 'zod';
import { defineRule } from '../define.js';
import type { Hit } from '../../types.js';
import { fieldText } from '../text.js';
import { badgeOf, firstStated } from './util.js';

export default defineRule({
  id: 'badge-alignment-url',
  aspect: 'transparency',
  description: 'Every alignment of a badge has a `targetUrl` that identifies the standard or competency it points to.',
  summary: 'badge alignment without targetUrl',
  rationale:
    'An alignment is only comparable across issuers when it points at a shared, resolvable definition (a CASE item, a CTDL competency, a standards page); a name alone can mean different things to different readers. Open Badges requires targetName and targetUrl on every alignment.',
  source: 'Open Badges 2.0 AlignmentObject and 3.0 Alignment (targetName and targetUrl required) (S11); domain.md §4.',
  fix: 'Give each alignment the URL of the standard, e.g. `{ "targetName": "InTASC Standard 8", "targetFramework": "InTASC", "targetUrl": "https://ccsso.org/…" }`.',
  anchor: 'alignment',
  params: z.strictObject({}),
  appliesTo: (doc) => badgeOf(doc) !== null && (doc.data.alignment ?? []).length > 0,
  examples: {
    pass: '---\ntitle: Wait Time\nbadge:\n  achievementType: MicroCredential\nalignment:\n  - name: InTASC Standard 8\n    url: https://ccsso.org/intasc\n---\n',
    fail: '---\ntitle: Wait Time\nbadge:\n  achievementType: MicroCredential\nalignment:\n  - name: InTASC Standard 8\n---\n',
  },
  check(doc) {
    const items = doc.data.alignment ?? [];
    const hits: Hit[] = [];
    items.forEach((item, i) => {
      const url = typeof item === 'object' && item !== null ? firstStated(item as Record<string, unknown>, ['url', 'targetUrl']) : null;
      if (!url) hits.push({ message: `alignment ${i + 1} has no targetUrl`, at: `alignment.${i}`, quote: fieldText(item).split('\n')[0]! });
    });
    if (hits.length && hits.length < items.length) return hits.map((h) => ({ ...h, credit: 1 - hits.length / items.length }));
    return hits;
  },
});
