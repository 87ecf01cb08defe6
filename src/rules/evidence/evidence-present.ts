import { z } from 'zod';
import { defineRule } from '../define.js';
import { hasEvidence } from './util.js';

export default defineRule({
  id: 'evidence-present',
  aspect: 'evidence',
  description: 'The offering says what evidence an earner submits.',
  summary: 'no evidence requirements',
  rationale:
    'A micro-credential is earned by submitting evidence of practice that is assessed against a rubric; without stated evidence requirements it cannot be earned by demonstration at all.',
  source: 'New America 2021 (definition: competency demonstrated through the submission of evidence); Digital Promise framework ("required evidence" guarantee); NEA "Types of Evidence Required" (S6, S7).',
  fix: 'Add a "Submission Requirements" section (or `evidence:` field) listing what to submit, e.g. "Part 2: one 10-minute video of a lesson in which you use wait time, and three student work samples at different levels of mastery."',
  anchor: 'evidence',
  params: z.strictObject({}),
  examples: {
    pass: '## Submission Requirements\n- One 10-minute video of a lesson in which you use wait time after questions.',
    fail: '## Submission Requirements\nTBD',
  },
  check(doc) {
    if (hasEvidence(doc)) return [];
    const ev = doc.data.evidence;
    const hasSection = doc.sections.some((s) => s.key === 'evidence') || doc.blocks.some((b) => b.scope === 'evidence');
    if ((ev && ev.length) || hasSection) return [{ message: 'the evidence requirements are empty or placeholders; nothing says what an earner submits' }];
    return [{ message: 'no evidence requirements (no "Submission Requirements"/"Evidence" section or `evidence` field)' }];
  },
});
