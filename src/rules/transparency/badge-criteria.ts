import { z } from 'zod';
import { defineRule } from '../define.js';
import { isBlank, phraseRegex, wordCount } from '../text.js';
import { badgeCriteria, badgeOf } from './util.js';

/** Text cut off with an ellipsis: "Students must complete...". */
const unfinished = (s: string) => {
  const t = s.trimEnd();
  return t.endsWith('...') || t.endsWith('…');
};

export default defineRule({
  id: 'badge-criteria',
  aspect: 'transparency',
  description: 'An Open Badges definition has a criteria narrative (or a criteria URL), and the narrative states what an earner must do rather than a placeholder.',
  summary: 'badge criteria missing or a placeholder',
  rationale:
    'The criteria narrative is what would-be earners read before they start and what a district or state reads after the badge is awarded; a badge whose criteria are empty or "TBD" certifies nothing anyone can check.',
  source: 'Open Badges 2.0 BadgeClass `criteria` (URL or Criteria with `narrative`) and Open Badges 3.0 Achievement `criteria` ("SHOULD provide at least one" of id and narrative) (S11); domain.md §4 (criteria.narrative is the core transparency field).',
  fix: 'Write the requirements into `criteria.narrative` (Markdown), e.g. "Submit a 10-minute video of a lesson in which you pause 3+ seconds after questions, three student work samples and a 400-word reflection; every rubric criterion must be rated Proficient."',
  anchor: 'badge.criteria',
  params: z.strictObject({
    /** Fewest words a narrative needs to state requirements. */
    minWords: z.number().int().min(1),
    /** Words or phrases that show a narrative states what to do (must, submit, demonstrate …). */
    requirementPhrases: z.array(z.string().min(1)).min(1),
    /** Phrases that mark a placeholder narrative. */
    placeholderPhrases: z.array(z.string().min(1)).min(1),
  }),
  appliesTo: (doc) => badgeOf(doc) !== null,
  examples: {
    pass: '---\ntitle: Wait Time\nbadge:\n  achievementType: MicroCredential\n  criteria:\n    narrative: Submit a 10-minute video of a lesson in which you pause at least 3 seconds after each question, and a 300-word reflection.\n---\n',
    fail: '---\ntitle: Wait Time\nbadge:\n  achievementType: MicroCredential\n  criteria:\n    narrative: TBD\n---\n',
  },
  check(doc, params) {
    const badge = badgeOf(doc);
    if (!badge) return [];
    const { narrative, url } = badgeCriteria(doc, badge);
    const at = 'badge.criteria.narrative';
    if (narrative === null || narrative.trim() === '') {
      // A native offering with a badge object: its narrative is rendered from the evidence on export.
      if (url || (doc.source !== 'openbadges' && (doc.data.evidence ?? []).length > 0)) return [];
      return [{ message: 'the badge has no criteria: neither a `criteria.narrative` nor a criteria URL says what an earner must do', at: 'badge.criteria' }];
    }
    const quote = narrative.length > 200 ? narrative.slice(0, 200) + '…' : narrative;
    const placeholder = phraseRegex(params.placeholderPhrases).exec(narrative);
    if (isBlank(narrative) || placeholder) {
      return [{ message: `the criteria narrative is a placeholder${placeholder ? ` ("${placeholder[0]}")` : ''}, not the requirements`, at, quote }];
    }
    if (unfinished(narrative) && wordCount(narrative) < params.minWords * 2) {
      return [{ message: 'the criteria narrative is cut off ("…") and does not finish stating the requirements', at, quote }];
    }
    if (wordCount(narrative) < params.minWords) {
      return [{ message: `the criteria narrative has ${wordCount(narrative)} words, too few to state what an earner must do (at least ${params.minWords})`, at, quote }];
    }
    if (!phraseRegex(params.requirementPhrases).test(narrative)) {
      return [{ message: 'the criteria narrative does not say what an earner must do or submit (no "must", "submit", "demonstrate" …)', at, quote, credit: 0.5 }];
    }
    return [];
  },
});
