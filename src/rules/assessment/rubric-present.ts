import { z } from 'zod';
import { defineRule } from '../define.js';
import { blocksIn, isBlank, PLACEHOLDER_RE, wordCount } from '../text.js';
import type { Doc } from '../../types.js';
import { criteriaOf, globalLevelCount, LEVEL_TERM_RE, levelLabelLines, PASS_CUE_RE, proseBlocks, SCOPES, sentences, firstSpot } from './util.js';

/** Fewer words than this (after placeholders and the pass rule) is not a scoring guide. */
const MIN_PROSE_WORDS = 6;
const PLACEHOLDER_G = new RegExp(PLACEHOLDER_RE.source, 'gi');
const URL_RE = /\bhttps?:\/\/[^\s<>()"']{3,}/i;
/** A notice that the rubric is elsewhere and not shown. */
const HIDDEN_RE =
  /\b(?:after (?:you )?(?:enrol|enroll|register|registering|purchas|sign)\w*|upon (?:enrol|enroll|registration|request|purchase)\w*|on request|available to (?:members|enrolled|participants)|once (?:enrolled|registered)|not (?:shared|public|published|available)|confidential|proprietary)/i;

/** A rubric named in a sentence. */
const WITHHELD_RE = /\b(?:rubrics?|scoring guides?|scoring criteria|evaluation criteria)\b/i;
/** Where a scoring scale stated in prose counts as a scoring guide. */
const GUIDE_SCOPES = ['rubric', 'evidence', 'assessment'];
/** A heading or sentence that introduces a scoring guide. */
const SCORING_MARK_RE = /\b(?:scoring guide|rubrics?|scoring criteria|evaluation criteria|passing criteria|scoring table|pass\/fail)\b/i;

/**
 * A scoring table outside a rubric section (the loader only reads tables of rubric sections
 * as criteria): a table row after a heading or sentence naming a scoring guide, or a row
 * that names a performance level.
 */
function scoringTable(doc: Doc): boolean {
  let marked = false;
  for (const b of blocksIn(doc, ['evidence', 'assessment', 'other'])) {
    if (b.kind === 'row') {
      if (marked || LEVEL_TERM_RE.test(b.text)) return true;
    } else if (SCORING_MARK_RE.test(b.text)) marked = true;
    else if (b.kind === 'heading') marked = false;
  }
  return false;
}

export default defineRule({
  id: 'rubric-present',
  aspect: 'assessment',
  description: 'The offering includes the rubric or scoring guide assessors use: criteria, or a rubric section with real content.',
  summary: 'no rubric or scoring guide',
  rationale:
    'An educator micro-credential verifies a competency through evidence assessed with a validated rubric. Without a rubric the candidate cannot know what counts and assessors cannot score consistently; a badge without one is a participation badge.',
  source: 'New America 2021 (definition: evidence assessed via a validated rubric); Digital Promise framework guarantee "rubric/scoring guide"; EU Council Recommendation 2022 / ESG (criteria published in advance).',
  fix: 'Add a "Scoring Guide" section with one row per criterion and its levels, e.g. "| Video shows wait time | Proficient: 3+ pauses of 3 seconds after questions | Not Yet: fewer than 3 |".',
  anchor: 'rubric',
  params: z.strictObject({}),
  examples: {
    pass: '## Scoring Guide\n| Criterion | Proficient | Not Yet |\n|---|---|---|\n| Wait time | Video shows 3 pauses of 3+ seconds after questions | Fewer than 3 pauses |',
    fail: '## Scoring Guide\nTBD',
  },
  check(doc) {
    const criteria = criteriaOf(doc);
    const real = criteria.filter((c) => !isBlank(c.name) || c.levels.some((l) => !isBlank(l.descriptor)));
    if (real.length) return [];

    // A rubric written as prose in a rubric section (or a linked rubric).
    const rubricBlocks = proseBlocks(doc, ['rubric']).filter((b) => b.path !== 'rubric.passingRule');
    let passOnly = false;
    const kept: string[] = [];
    for (const b of rubricBlocks) {
      for (const s of sentences(b.text)) {
        if (PASS_CUE_RE.test(s.text)) passOnly = true;
        else kept.push(s.text);
      }
    }
    if (!isBlank(doc.data.rubric?.passingRule)) passOnly = true;
    const prose = kept.join('\n');
    const hasUrl = URL_RE.test(prose) && !PLACEHOLDER_RE.test(prose);
    const words = wordCount(prose.replace(PLACEHOLDER_G, ' '));
    if (hasUrl || words >= MIN_PROSE_WORDS) return [];
    // A rubric that exists but is withheld ("shared after enrollment") is a transparency problem
    // (public-criteria), not a missing rubric: this rule blocks, and the offering is not a participation badge.
    if (firstSpot(doc, WITHHELD_RE, SCOPES, (sp) => HIDDEN_RE.test(sp.sentence.text))) return [];

    // A scoring guide inside the submission guidelines: "Passing: …" lines or a scoring sentence naming levels.
    if (levelLabelLines(doc, ['evidence']).some((l) => wordCount(l.descriptor) >= 3 && !isBlank(l.descriptor))) return [];
    if (globalLevelCount(doc, GUIDE_SCOPES).count >= 2) return [];
    if (scoringTable(doc)) return [];

    if (criteria.length) return [{ message: 'the rubric criteria are empty or placeholders', at: 'rubric.criteria' }];
    if (passOnly && words < MIN_PROSE_WORDS) return [{ message: 'the offering states a pass rule but no rubric criteria or levels to score evidence against' }];
    const hasSection = doc.positions.has('#rubric') || blocksIn(doc, ['rubric']).length > 0;
    if (hasSection) return [{ message: 'the rubric section is empty or a placeholder' }];
    return [{ message: 'no rubric or scoring guide: no "Scoring Guide" or "Rubric" section and no `rubric.criteria`' }];
  },
});
