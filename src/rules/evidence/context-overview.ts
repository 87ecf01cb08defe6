import { z } from 'zod';
import { defineRule } from '../define.js';
import { CONTEXT_PROMPT_RE, evidenceAt, quoteOf, found, units } from './util.js';

/** Terms of a teaching context: grade, students, setting. */
const CONTEXT_TERM_RE =
  /\b(?:grades?|grade[- ]levels?|students?|learners?|pupils?|children|class(?:room|es)?|schools?|setting|context|subjects?|content areas?|courses?|demographics?|population|community|district|caseload|ages?)\b/i;

export default defineRule({
  id: 'context-overview',
  aspect: 'evidence',
  description: 'An overview or context part asks about the teaching context: grade level, students and setting.',
  summary: 'no questions about the teaching context',
  rationale:
    'Assessors judge artifacts against the setting they come from: the same video means different things in a kindergarten class and in an AP course. The standard submission opens with overview questions about the context.',
  source: 'Digital Promise and NEA three-part submission, Part 1 Overview questions (context the assessor needs) (S6, S7).',
  fix: 'Add overview questions, e.g. "Part 1: Overview (250-word limit): Describe your setting, the grade level and subject, and the students in the class you recorded."',
  anchor: 'evidence',
  params: z.strictObject({}),
  examples: {
    pass: '## Part 1. Overview Questions\nDescribe your classroom: grade level, number of students and setting (200 words).\n\n## Part 2. Artifacts\n- A 10-minute video.',
    fail: '## Evidence\n- A 10-minute video of a lesson.\n- A 300-word reflection.',
  },
  check(doc) {
    const all = units(doc);
    if (!all.length) return [];
    const overviews = all.filter((u) => u.kind === 'overview');
    if (overviews.some((u) => CONTEXT_TERM_RE.test(u.text))) return [];
    if (found(doc, CONTEXT_PROMPT_RE)) return [];
    const first = overviews[0];
    if (first) {
      return [
        {
          message: 'the overview questions do not ask about the teaching context (grade level, students, setting)',
          at: first.at,
          quote: quoteOf(first),
          credit: 0.5,
        },
      ];
    }
    return [{ message: 'no overview or context questions ask about the teaching context (grade level, students, setting)', ...evidenceAt(doc) }];
  },
});
