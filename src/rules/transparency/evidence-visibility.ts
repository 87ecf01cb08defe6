import { z } from 'zod';
import { defineRule } from '../define.js';
import { fieldText } from '../text.js';
import { blocksWhere, anyAccepted, stated } from './util.js';

const NOUN = String.raw`(?:evidence|submissions?|artifacts?|artefacts?|portfolios?|work samples?|videos?|recordings?|materials|work)`;
/** Statements of who can see earned evidence, whether it travels with the badge, and how long it is kept. */
const VISIBILITY_RE = new RegExp(
  [
    // "the portfolio is public", "artifacts are kept private", "evidence will be attached to the badge"
    String.raw`\b${NOUN}\s{1,3}(?:[\w-]{1,20}\s{1,3}){0,3}(?:is|are|will|remains?|stays?)\s{1,3}(?:[\w-]{1,20}\s{1,3}){0,2}(?:public(?:ly)?|private(?:ly)?|visible|viewable|confidential|attached|embedded|deleted|destroyed|retained|archived|(?:shared|kept|stored)\s{1,3}(?:with|publicly|private(?:ly)?|confidential(?:ly)?|securely|for|until|indefinitely))\b`,
    // "attached to the badge", "linked from your credential"
    String.raw`\b(?:attached|linked|embedded|included)\s{1,3}(?:to|in|with|from)\s{1,3}(?:the|your|each|every|their)\s{1,3}(?:digital\s{1,3})?(?:badge|credential|assertion|micro-?credential)\b`,
    // "visible only to assessors", "viewable by anyone"
    String.raw`\b(?:visible|viewable|accessible)\s{1,3}(?:only\s{1,3})?(?:to|by)\s{1,3}(?:only\s{1,3})?(?:the\s{1,3})?(?:assessors?|reviewers?|scorers?|earners?|anyone|public|employers|issuer|others)\b`,
    // "retained for 12 months", "deleted after scoring", "kept indefinitely"
    String.raw`\b(?:retained|stored|kept|deleted|destroyed|archived|purged)\s{1,3}(?:for|after|until|indefinitely|securely|permanently|privately)\b`,
    String.raw`\b(?:who|whoever)\s{1,3}can\s{1,3}(?:see|view|access)\b`,
    String.raw`\b(?:evidence|data)\s{1,3}retention\b`,
  ].join('|'),
  'i',
);

const SCOPES = new Set(['privacy', 'evidence', 'assessment', 'about', 'other', 'description', 'recognition', 'badge', 'evidenceVisibility']);

export default defineRule({
  id: 'evidence-visibility',
  aspect: 'transparency',
  description: 'The offering states who can see earned evidence: whether it is attached to the badge, public or private, and how long it is kept.',
  summary: 'visibility and retention of evidence not stated',
  rationale:
    'A badge that carries its evidence lets a recogniser see what was done, while educators submit classroom video and student work and need to know who will see it and for how long it is kept; either way the policy should be stated.',
  source: 'Open Badges 2.0/3.0 assertion `evidence` (S11); domain.md §1 Aspect 5 comparability rules (evidence retention/visibility policy, e.g. UMBC keeps artifacts "indefinitely, with permission"); NEA privacy guidance (§5).',
  fix: 'Say who can see the evidence and how long it is kept, e.g. "Your evidence is attached to the badge and visible to anyone you share it with; videos are deleted 12 months after scoring."',
  anchor: 'evidenceVisibility',
  params: z.strictObject({}),
  examples: {
    pass: '## Privacy\nSubmitted artifacts are kept private: only assessors see them, and they are deleted after 12 months.',
    fail: '## Privacy\nRemove student names from all artifacts.',
  },
  check(doc) {
    const v = doc.data.evidenceVisibility;
    if (stated(v)) return [];
    if (anyAccepted(blocksWhere(doc, { scopes: SCOPES }), VISIBILITY_RE)) return [];
    if (v !== undefined) return [{ message: 'the evidence visibility statement is empty or a placeholder', at: 'evidenceVisibility', quote: fieldText(v) }];
    return [{ message: 'it is not stated who can see earned evidence, whether it is attached to the badge, or how long it is kept' }];
  },
});
