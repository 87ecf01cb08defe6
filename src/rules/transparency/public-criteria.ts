import { z } from 'zod';
import { defineRule } from '../define.js';
import type { Hit } from '../../types.js';
import { phraseRegex } from '../text.js';
import { firstAccepted, negated } from './util.js';

export default defineRule({
  id: 'public-criteria',
  aspect: 'transparency',
  description: 'The requirements and rubric are public: nothing is held back until enrolment, login, purchase or request.',
  summary: 'requirements or rubric not public',
  rationale:
    'Educators, districts and states can only judge and compare a micro-credential whose requirements and scoring criteria they can read before enrolling. Digital Promise needs no account to view a micro-credential and publishes every rubric; the EU Recommendation requires criteria published in advance.',
  source: 'Digital Promise framework (S6): no account needed to view MCs, rubric public; EU Council Recommendation 2022 / ESG: criteria and methods published in advance; Open Badges 2.0 `criteria.narrative` (S11); domain.md §5 (paywalled rubrics).',
  fix: 'Publish the full requirements and rubric on the public page and remove conditions such as "available after enrollment", e.g. "The complete scoring rubric is below; no account is needed to read it."',
  anchor: 'rubric',
  params: z.strictObject({
    /** Phrases that say requirements or the rubric are withheld. */
    hiddenPhrases: z.array(z.string().min(1)).min(1),
  }),
  examples: {
    pass: '## Rubric\nThe full rubric is published below; no login required to view it.\n\n| Criterion | Pass |\n|---|---|\n| Wait time | 3+ seconds |',
    fail: '## Rubric\nThe scoring rubric is available after enrollment.',
  },
  check(doc, params) {
    const re = phraseRegex(params.hiddenPhrases);
    const accept = (text: string, index: number) => !negated(text, index);
    const hits: Hit[] = [];
    // One finding per block that withholds something (each is its own place to fix).
    for (const block of doc.blocks) {
      const m = firstAccepted([block], re, accept);
      if (!m) continue;
      const phrase = block.text.slice(m.index, m.index + m.length);
      hits.push({ message: `requirements or rubric are not public: "${phrase.replace(/\s+/g, ' ')}"`, at: m.pos, quote: m.quote });
    }
    return hits;
  },
});
