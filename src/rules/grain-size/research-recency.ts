import { z } from 'zod';
import { defineRule } from '../define.js';
import { yearsIn } from '../text.js';
import { researchCitations } from './util.js';

export default defineRule({
  id: 'research-recency',
  aspect: 'grain-size',
  description: 'At least one cited source is recent (within the last ten years of the offering\'s update).',
  summary: 'no recent research cited',
  rationale:
    'Foundational studies are valuable, but a research base with nothing recent may miss newer findings or replications; one recent source shows the evidence was reviewed when the offering was last updated.',
  source: 'Digital Promise design principles ("cited, available research", S6); domain.md §6 rule 3 (bonus for a source from the last 10 years).',
  fix: 'Add at least one recent study, review or meta-analysis of the key method to the research section, with its year.',
  anchor: 'research',
  params: z.strictObject({
    /** A citation older than this many years before the reference year is not recent. */
    maxAgeYears: z.number().int().min(0),
  }),
  examples: {
    pass: '## Supporting Research\n- Rowe, M. B. (1986). Wait time. Journal of Teacher Education, 37(1), 43-50.\n- Smith, J. (2021). Wait time revisited. Review of Educational Research, 91(2), 1-20.',
    fail: '---\nupdated: 2025-01-10\n---\n## Supporting Research\n- Rowe, M. B. (1986). Wait time. Journal of Teacher Education, 37(1), 43-50.\n- Tobin, K. (1987). The role of wait time. Review of Educational Research, 57(1), 69-95.',
  },
  check(doc, params, ctx) {
    const { citations } = researchCitations(doc.data.research);
    const years = citations.map((c) => c.year).filter((y): y is number => y !== null);
    if (!years.length) return [];
    const updated = doc.data.updated === undefined ? [] : yearsIn(String(doc.data.updated));
    const ref = updated[0] ?? ctx.now.getUTCFullYear();
    const newest = Math.max(...years.filter((y) => y <= ref + 1), 0);
    if (newest === 0 || newest >= ref - params.maxAgeYears) return [];
    return [
      {
        message: `the newest cited research is from ${newest}, more than ${params.maxAgeYears} years before ${ref}${updated.length ? ' (the offering\'s last update)' : ''}`,
        at: 'research',
      },
    ];
  },
});
