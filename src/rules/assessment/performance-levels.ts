import { z } from 'zod';
import type { Hit } from '../../types.js';
import { defineRule } from '../define.js';
import { isBlank, short, wordCount } from '../text.js';
import { criteriaOf, globalLevelCount, LEVEL_TERM_RE, levelLabelLines, proseBlocks } from './util.js';

/** A two-level criterion (Yes/No, Proficient/Not Yet) needs a statement this long to serve as its descriptor. */
const CHECKLIST_MIN_WORDS = 4;

export default defineRule({
  id: 'performance-levels',
  aspect: 'assessment',
  description: 'Rubric criteria have performance levels with descriptors (Yes/No, Proficient/Not Yet, Demonstrated/Progressing/Not Met).',
  summary: 'rubric criteria lack performance levels',
  rationale:
    'Level descriptors tell the candidate what a passing performance looks like and let assessors score the same evidence the same way; a list of criteria without levels leaves the judgement to each assessor.',
  source: 'Digital Promise / NEA scoring guides (Yes/No, Proficient); BloomBoard (Demonstrated / Progressing / Not Met); CAST UDL credential (Not Yet / Developing / Proficient); domain research §6 rule 7.',
  fix: 'Give every criterion at least two levels with a descriptor each, e.g. "Proficient: the video shows 3 or more pauses of 3 seconds after questions. Not Yet: fewer than 3 pauses.", or state the scale once: "Each criterion is scored Proficient or Not Yet."',
  anchor: 'rubric',
  params: z.strictObject({
    /** Fewest levels with descriptors a criterion needs. */
    minLevels: z.number().int().min(1),
  }),
  examples: {
    pass: '## Scoring Guide\n| Criterion | Proficient | Not Yet |\n|---|---|---|\n| Wait time | Video shows 3 pauses of 3+ seconds after questions | Fewer than 3 pauses |',
    fail: '## Scoring Guide\n- Wait time\n- Student responses',
  },
  check(doc, params) {
    const min = params.minLevels;
    const criteria = criteriaOf(doc);
    const global = globalLevelCount(doc);
    const globalOk = global.count >= min;

    if (!criteria.length) {
      // A rubric in prose (or a scoring guide in the submission guidelines) must name its levels somewhere.
      const prose = proseBlocks(doc, ['rubric']).length > 0 || levelLabelLines(doc, ['evidence']).length > 0;
      if (!prose || globalOk) return [];
      return [{ message: `the rubric names no performance levels (at least ${min} needed, e.g. Proficient / Not Yet)` }];
    }

    const hits: Hit[] = [];
    criteria.forEach((c, i) => {
      const levels = c.levels;
      const described = levels.filter((l) => !isBlank(l.descriptor)).length;
      if (described >= min) return;
      const statement = wordCount(`${c.name} ${c.evidence ?? ''}`);
      // A checklist row: two named levels, the criterion itself says what "yes" looks like.
      if (levels.length === 2 && min <= 2 && statement >= CHECKLIST_MIN_WORDS) return;
      // Levels described once for the whole rubric ("scored as Proficient or Not Yet").
      if (globalOk && levels.length <= 1) return;
      const name = short(c.name || `criterion ${i + 1}`);
      // A single column such as "Description" or "Look-fors" describes the criterion, not a level.
      const onlyDescription = levels.length === 1 && !LEVEL_TERM_RE.test(levels[0]!.name) && !/^(?:yes|no|met|level \d+|\d+)$/i.test(levels[0]!.name.trim());
      const message = !levels.length
        ? `criterion "${name}" has no performance levels`
        : onlyDescription
          ? `criterion "${name}" has a description but no performance levels`
        : described === 0
          ? `criterion "${name}" names ${levels.length} level${levels.length === 1 ? '' : 's'} but describes none`
          : `criterion "${name}" describes ${described} level${described === 1 ? '' : 's'}; at least ${min} need descriptors`;
      hits.push({ message, at: `rubric.criteria.${i}`, quote: c.name });
    });
    if (!hits.length) return [];
    const credit = (criteria.length - hits.length) / criteria.length;
    return hits.map((h) => ({ ...h, credit }));
  },
});
