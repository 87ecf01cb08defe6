import { z } from 'zod';
import { defineRule } from '../define.js';
import { allResources, isDeferred, supportsText, usableResources } from './util.js';

/** Share of points kept when the offering describes supports (coaching, community) but lists no learning resources. */
const SUPPORTS_ONLY_CREDIT = 0.5;

export default defineRule({
  id: 'resources-present',
  aspect: 'resources',
  description: 'The offering lists learning resources that help educators develop the competency, not only assess it.',
  summary: 'no learning resources listed',
  rationale:
    'A micro-credential assesses a skill; without attached learning resources it does not help educators develop it (NEPC critique). The Digital Promise template has a Resources section, and NEA tells earners to read and refer to the resources provided in each micro-credential.',
  source:
    'New America 2021, Aspect 2 (quality of embedded resources and supports); Digital Promise template "Resources" section (S6); NEA earner tips (S7); NEPC review, Aydarova 2021 (S10).',
  fix: 'Add a "Resources" section (or `resources:` list) naming the readings, videos and tools that teach the key method, each with a link, e.g. "- [Wait Time: A Guide for Teachers](https://…) — how to pause 3–5 seconds after questions."',
  anchor: 'resources',
  params: z.strictObject({}),
  examples: {
    pass: '## Resources\n- Rowe, M. B. (1986). Wait time: Slowing down may be a way of speeding up. *Journal of Teacher Education*, 37(1), 43–50.',
    fail: '## Resources\nTBD',
  },
  check(doc) {
    if (usableResources(doc).length) return [];
    const all = allResources(doc);
    const supports = supportsText(doc);
    if (supports) {
      return [
        {
          message: 'no learning resources are listed; only supports are described, which help educators practise but do not teach the method',
          at: 'supports',
          quote: supports.length > 160 ? supports.slice(0, 159) + '…' : supports,
          credit: SUPPORTS_ONLY_CREDIT,
        },
      ];
    }
    const deferred = all.find((r) => isDeferred(r.text));
    if (deferred) {
      return [{ message: 'the resources are only promised for later, not listed', at: deferred.path, quote: deferred.text.trim() }];
    }
    if (all.length) {
      return [{ message: 'the resources section is empty or only a placeholder', at: all[0]!.path, quote: all[0]!.text.trim() }];
    }
    if (doc.sections.some((s) => s.key === 'resources')) return [{ message: 'the resources section lists no resources' }];
    return [{ message: 'no learning resources are listed (no "Resources" section or `resources` field)' }];
  },
});
