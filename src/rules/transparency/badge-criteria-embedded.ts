import { z } from 'zod';
import { defineRule } from '../define.js';
import { isBlank } from '../text.js';
import { badgeCriteria, badgeOf } from './util.js';

export default defineRule({
  id: 'badge-criteria-embedded',
  aspect: 'transparency',
  description: 'A badge whose criteria link to a web page also carries its requirements in the badge itself (a criteria narrative, evidence parts or rubric criteria).',
  summary: 'requirements only behind the criteria URL',
  rationale:
    'A criteria page can change or disappear after a badge is issued; a badge that carries its requirements ("baked in") still tells a district or state what was required years later, and can be audited without fetching anything.',
  source: 'Open Badges 2.0 Criteria `narrative` and 3.0 Criteria `narrative` (S11); NEA badges with the competencies "baked in" (domain.md §1 Aspect 5).',
  fix: 'Copy the requirements into the badge: a `criteria.narrative` with the evidence to submit and the pass rule, and the rubric as `resultDescription` entries, next to the criteria URL.',
  anchor: 'badge.criteria',
  requires: 'badge-criteria',
  params: z.strictObject({}),
  appliesTo: (doc) => badgeOf(doc) !== null,
  examples: {
    pass: '---\ntitle: Wait Time\npublicUrl: https://example.org/mc/wait-time\nbadge:\n  achievementType: MicroCredential\nevidence:\n  - Submit a 10-minute video of a lesson in which you pause at least 3 seconds after each question.\n---\n',
    fail: '---\ntitle: Wait Time\nbadge:\n  achievementType: MicroCredential\n  criteria: https://example.org/mc/wait-time\n---\n',
  },
  check(doc) {
    const badge = badgeOf(doc);
    if (!badge) return [];
    const { narrative, url, urlAt } = badgeCriteria(doc, badge);
    if (!url) return [];
    if (narrative !== null && !isBlank(narrative)) return [];
    const d = doc.data;
    if ((d.evidence ?? []).length > 0 || (d.rubric?.criteria ?? []).length > 0 || !isBlank(d.competency)) return [];
    return [
      {
        message: `the requirements live only at the criteria URL ${url}; the badge itself carries no narrative, evidence or rubric (mcaudit does not fetch links)`,
        at: urlAt,
        quote: url,
      },
    ];
  },
});
