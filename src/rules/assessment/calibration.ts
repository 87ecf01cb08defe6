import { z } from 'zod';
import { defineRule } from '../define.js';
import { has, phraseRegex, truthy } from '../text.js';

/** Prose scopes where an assessment process is described. */
const SCOPES = ['assessment', 'rubric', 'about', 'other', 'description', 'evidence'];

export default defineRule({
  id: 'calibration',
  aspect: 'assessment',
  description: 'Assessors are calibrated: training against anchor submissions, norming, inter-rater agreement or double scoring.',
  summary: 'no calibration of assessors',
  rationale:
    'Consistent scoring needs calibrated assessors. BloomBoard certifies assessors with Cohen\'s kappa and treats 80% agreement with a true score as calibrated; ETS double-scores near the cut score.',
  source: 'BloomBoard support center (assessor calibration, Cohen\'s kappa, 80%); Digital Promise 2019 symposium (inter-rater reliability, norming); ETS PASL scoring practice.',
  fix: 'Describe how assessors are calibrated, e.g. "Assessors score anchor submissions before each cycle and must reach 80% agreement; 10% of submissions are double-scored."',
  anchor: 'assessment',
  params: z.strictObject({
    /** Phrases that show a calibration practice. */
    phrases: z.array(z.string().min(1)).min(1),
  }),
  examples: {
    pass: '## Assessment Process\nAssessors are calibrated each term on anchor submissions and must reach 80% inter-rater agreement.',
    fail: '## Assessment Process\nA reviewer reads each submission.',
  },
  check(doc, params) {
    if (truthy(doc.data.assessment?.calibration)) return [];
    if (has(doc, phraseRegex(params.phrases), SCOPES)) return [];
    return [{ message: 'no calibration of assessors is described (training on anchor submissions, norming, inter-rater agreement or double scoring)' }];
  },
});
