import { z } from 'zod';
import { defineRule } from '../define.js';
import { fieldText, isBlank } from '../text.js';
import { researchCitations } from './util.js';

export default defineRule({
  id: 'research-basis',
  aspect: 'grain-size',
  description: 'The key method is backed by cited research: at least two sources with author and year, a DOI or a link.',
  summary: 'the method is not backed by cited research',
  rationale:
    'Micro-credentials should certify practices with evidence behind them. A "Supporting Research and Rationale" section with cited, findable sources lets reviewers and earners check that the key method is research-based.',
  source: 'Digital Promise framework: research-backed key method and "Supporting Research & Rationale" section (S6); CCSSO/Digital Promise design principles (S3); domain.md §1 Aspect 1 and §6 rule 3.',
  fix: 'Add a "Supporting Research & Rationale" section that cites at least two sources for the key method, each with author and year and, where there is one, a DOI or link, e.g. "Rowe, M. B. (1986). Wait time: Slowing down may be a way of speeding up! Journal of Teacher Education, 37(1), 43-50. https://doi.org/10.1177/002248718603700110".',
  anchor: 'research',
  params: z.strictObject({
    /** The fewest distinct citations that make a research basis. */
    minCitations: z.number().int().min(1),
  }),
  examples: {
    pass:
      '## Supporting Research\n- Rowe, M. B. (1986). Wait time: Slowing down may be a way of speeding up! Journal of Teacher Education, 37(1), 43-50.\n- Tobin, K. (1987). The role of wait time in higher cognitive level learning. Review of Educational Research, 57(1), 69-95.',
    fail: '## Supporting Research\nResearch shows that this strategy works in many classrooms.',
  },
  check(doc, params) {
    const items = doc.data.research;
    const { citations, nonBlank } = researchCitations(items);
    if (!items || nonBlank === 0) {
      return [{ message: items ? 'the research section is empty or a placeholder' : 'no supporting research is cited (no "Research" section or `research` field)' }];
    }
    const n = citations.length;
    if (n === 0) {
      return [
        {
          message: 'the research section cites no findable source (author and year, a DOI or a link)',
          at: 'research',
          quote: fieldText(items.find((i) => !isBlank(i))).slice(0, 200),
        },
      ];
    }
    if (n < params.minCitations) {
      return [
        {
          message: `only ${n} research citation${n === 1 ? '' : 's'} found; at least ${params.minCitations} are expected`,
          at: 'research',
          credit: 0.5,
        },
      ];
    }
    return [];
  },
});
