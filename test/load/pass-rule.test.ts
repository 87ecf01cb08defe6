import { expect, it } from 'vitest';
import { readBody } from '../../src/load/markdown.js';
it.each([
  'Passing: Proficient on every criterion.',
  'You must be Proficient on every criterion.',
  'Both criteria must be Met.',
  'All three criteria must be Proficient.',
  'An average score of 3.0 or higher across criteria earns the badge.',
  'Pass Parts 1 and 3 and score Proficient on every Part 2 criterion.',
  'To earn the micro-credential, you must receive a Proficient on all components.',
])('%s', (t) => {
  const r = readBody(['## Scoring Guide', 'Some intro text here.', '', t], 1);
  expect((r.fields.rubric as { passingRule?: string } | undefined)?.passingRule).toBe(t);
});
it('does not take an ordinary rubric sentence', () => {
  const r = readBody(['## Scoring Guide', 'Assessors read the video and the lesson plan.'], 1);
  expect(r.fields.rubric).toBeUndefined();
});
