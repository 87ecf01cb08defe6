import { z } from 'zod';
import { defineRule } from '../define.js';
import { usableResources } from './util.js';

export default defineRule({
  id: 'resources-enough',
  aspect: 'resources',
  description: 'The offering lists enough learning resources to learn the key method (at least `min`).',
  summary: 'too few learning resources',
  rationale:
    'One link rarely teaches a method: earners need a few complementary resources (research, how-to, examples of practice). Teachers in the Louisiana micro-credential study needed ample asynchronous supports to complete.',
  source:
    'New America 2021, Aspect 2; domain research §6 rule 5 ("≥3 resources"); RAND Louisiana STEM micro-credentials, RR-A2486-2 (S9).',
  fix: 'List further resources that teach the key method, e.g. a research summary, a how-to article or video, and a planning template, each with a link.',
  anchor: 'resources',
  requires: 'resources-present',
  params: z.strictObject({
    /** Fewest resources that pass. */
    min: z.number().int().min(1),
  }),
  examples: {
    pass: '## Resources\n- [Wait time explained](https://www.ascd.org/wait-time)\n- [Video: wait time in a grade 5 class](https://www.teachingchannel.org/wait-time)\n- Wait-time planning template (attached)',
    fail: '## Resources\n- [Wait time explained](https://www.ascd.org/wait-time)',
  },
  check(doc, params) {
    const n = usableResources(doc).length;
    // No resources at all is resources-present's finding: do not count it twice.
    if (n === 0 || n >= params.min) return [];
    return [
      {
        message: `only ${n} learning resource${n === 1 ? ' is' : 's are'} listed; list at least ${params.min}`,
        credit: n / params.min,
      },
    ];
  },
});
