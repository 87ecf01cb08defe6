import { z } from 'zod';
import type { Hit, Position } from '../../types.js';
import { defineRule } from '../define.js';
import { isBlank, phraseRegex, short, wordCount } from '../text.js';
import { blocksByPath, criteriaOf, levelLabelLines, locate, posInBlock, proseBlocks } from './util.js';

/** A count or quantity: "3", "at least two", "each", "every", "50%". */
const COUNT_RE =
  /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|at least|at most|no more than|fewer than|more than|each|every|both|all (?:of )?(?:the )?(?:\d|two|three|four|five))\b|%/i;
/** Examples that make a judgement concrete. */
const EXAMPLE_RE = /\b(?:e\.g\.|i\.e\.|such as|for example|for instance|including)|["“][^"”\n]{3,80}["”]/i;
/** Observable behaviour a reader can check in the evidence. */
const OBSERVABLE_RE =
  /\b(?:names?|naming|cites?|citing|quotes?|quoting|lists?|listing|labels?|labell?ed|identif(?:y|ies|ied)|states?|records?|recorded|timestamps?|timestamped|annotat(?:es?|ed|ions?)|tally|tallies|charts?|graphs?|compares?|references?|links? to|explains? (?:how|why|what))\b/i;
/** A criterion statement this long stands in for its level descriptor when it has none. */
const STATEMENT_MIN_WORDS = 4;

interface Descriptor {
  text: string;
  at: Position | string;
}

export default defineRule({
  id: 'observable-criteria',
  aspect: 'assessment',
  description: 'Level descriptors name observable, countable features of the evidence, not judgements like "good" or "appropriate".',
  summary: 'rubric descriptors are vague',
  rationale:
    'Descriptors built on "good", "appropriate" or "high quality" mean different things to different assessors, so scores stop being consistent and the candidate cannot tell what to show. Observable descriptors ("asks 3 open questions", "cites 2 student responses") can be checked.',
  source: 'EU Council Recommendation 2022 / ESG (transparent, clearly defined criteria; consistent scoring); BloomBoard (competency indicators); domain research §6 rule 7 (level descriptors).',
  fix: 'Replace judgement words with what an assessor can see or count, e.g. change "uses appropriate wait time" to "pauses at least 3 seconds after 3 or more questions in the video".',
  anchor: 'rubric',
  params: z.strictObject({
    /** Judgement words that make a descriptor vague unless it also gives a count or an observable behaviour. */
    vagueTerms: z.array(z.string().min(1)).min(1),
    /** Largest share of vague descriptors that still passes (0-1). */
    maxVagueShare: z.number().min(0).max(1),
  }),
  examples: {
    pass: '## Scoring Guide\n| Criterion | Proficient | Not Yet |\n|---|---|---|\n| Wait time | Video shows 3 pauses of 3+ seconds after questions | Fewer than 3 pauses |',
    fail: '## Scoring Guide\n| Criterion | Proficient | Not Yet |\n|---|---|---|\n| Wait time | Good use of appropriate wait time | Wait time is not adequate |',
  },
  check(doc, params) {
    const byPath = blocksByPath(doc);
    const rubricBlocks = proseBlocks(doc, ['rubric']);
    const descriptors: Descriptor[] = [];
    criteriaOf(doc).forEach((c, i) => {
      const levels = c.levels;
      let described = 0;
      levels.forEach((l, j) => {
        if (isBlank(l.descriptor)) return;
        described++;
        const text = l.descriptor!.trim();
        descriptors.push({ text, at: locate(doc, text, [`rubric.criteria.${i}.levels.${j}.descriptor`, `rubric.criteria.${i}`], byPath, rubricBlocks) });
      });
      // A checklist criterion without descriptors: the criterion statement is what is judged.
      if (!described && wordCount(c.name) >= STATEMENT_MIN_WORDS) {
        descriptors.push({ text: c.name, at: locate(doc, c.name, [`rubric.criteria.${i}.name`, `rubric.criteria.${i}`], byPath, rubricBlocks) });
      }
    });
    if (!descriptors.length) {
      // A scoring guide written as "Passing: …" lines in the rubric or the submission guidelines.
      for (const l of levelLabelLines(doc, ['rubric', 'evidence'])) descriptors.push({ text: l.descriptor, at: posInBlock(l.block, l.index) });
    }
    if (!descriptors.length) return [];

    const vagueRe = phraseRegex(params.vagueTerms);
    const vague: { d: Descriptor; term: string }[] = [];
    for (const d of descriptors) {
      const m = vagueRe.exec(d.text);
      if (!m) continue;
      if (COUNT_RE.test(d.text) || EXAMPLE_RE.test(d.text) || OBSERVABLE_RE.test(d.text)) continue;
      vague.push({ d, term: m[0] });
    }
    const share = vague.length / descriptors.length;
    if (share <= params.maxVagueShare) return [];
    const pct = Math.round(share * 100);
    return vague.map(
      ({ d, term }): Hit => ({
        message: `level descriptor "${short(d.text)}" rests on "${term}" with no count or observable behaviour (${vague.length} of ${descriptors.length} descriptors, ${pct}%, are vague)`,
        at: d.at,
        quote: d.text.length > 200 ? d.text.slice(0, 199) + '…' : d.text,
      }),
    );
  },
});
