import { z } from 'zod';
import { defineRule } from '../define.js';
import type { Position } from '../../types.js';
import { mayMatch } from '../prefilter.js';
import { fieldText, phraseRegex, posIn, quoteAround } from '../text.js';
import { firstStated, stated, URL_RE } from './util.js';

/**
 * A standard's code: "8", "2.5.a", "3b", "CCSS.ELA-LITERACY.RL.3.1", "HS-PS1-1". Not a year (no
 * run of more than two digits), not part of a longer word.
 */
const CODE_RE = /(?<![\w.])(?:[A-Za-z]{1,12}[.-]){0,6}[A-Za-z]{0,3}\d{1,2}[a-z]?(?:[.-][A-Za-z0-9]{1,10}){0,5}(?![\w])/;
/** A proper-noun framework name not in the list: "Utah Effective Teaching Standards", "Kansas Leadership Framework". */
const NAMED_FRAMEWORK_RE = /\b[A-Z][\w&'’-]{1,40}(?:\s{1,3}(?:[A-Z][\w&'’-]{1,40}|of|for|and)){0,6}\s{1,3}(?:Standards?|Framework)\b/;

/** Prose that may mention an alignment: everything except citations and resource lists. */
const EXCLUDE = new Set(['research', 'resources', 'evidence', 'rubric']);

type Status = 'full' | 'named' | 'none';

/** How far `text` names a framework (`fw` = the frameworks regex) with a code or URL. */
function statusOfText(text: string, fw: RegExp): { status: Status; index: number } {
  const m = fw.exec(text) ?? NAMED_FRAMEWORK_RE.exec(text);
  if (!m) return { status: 'none', index: -1 };
  // A code or URL after the framework name, in the same sentence.
  const after = quoteAround(text, m.index, m[0].length);
  const tail = after.slice(Math.max(0, after.indexOf(m[0]) + m[0].length));
  return { status: CODE_RE.test(tail) || URL_RE.test(after) ? 'full' : 'named', index: m.index };
}

export default defineRule({
  id: 'standards-alignment',
  aspect: 'transparency',
  description: 'The micro-credential is aligned to a named standards framework, with the standard\'s code or URL (e.g. "InTASC 8", "ISTE 2.5.a").',
  summary: 'no alignment to a named standards framework',
  rationale:
    'Alignment to a shared framework is what lets a district or state compare micro-credentials from different issuers and map them to licensure or evaluation standards; a bare framework name without the standard\'s code does not say which standard is met.',
  source: 'Open Badges 2.0/3.0 `alignment` (targetName, targetUrl, targetFramework, targetCode) (S11); domain.md §1 Aspect 5 comparability rules (InTASC, ISTE, state teaching standards); Delaware DOE alignment to Learning Forward standards (§2).',
  fix: 'Name the framework and the standard\'s code or link, e.g. a "Standards Alignment" item "InTASC Standard 8: Instructional Strategies" or front matter `alignment: [{framework: ISTE, code: "2.5.a", url: "https://iste.org/standards/educators"}]`.',
  anchor: 'alignment',
  params: z.strictObject({
    /** Names of standards frameworks that count as named. */
    frameworks: z.array(z.string().min(1)).min(1),
  }),
  examples: {
    pass: '## Standards Alignment\n- InTASC Standard 8: Instructional Strategies',
    fail: '## Competency\nEducator uses wait time after questions to increase student response.',
  },
  check(doc, params) {
    const fw = phraseRegex(params.frameworks);
    const items = doc.data.alignment ?? [];
    let named: { at: string | Position; quote: string } | null = null;
    let anyStated = false;
    for (let i = 0; i < items.length; i++) {
      const item = items[i] as Record<string, unknown>;
      if (!stated(fieldText(item))) continue;
      anyStated = true;
      const framework = firstStated(item, ['framework', 'targetFramework']);
      const code = firstStated(item, ['code', 'targetCode']);
      const name = firstStated(item, ['name', 'targetName', 'targetDescription']) ?? '';
      // An alignment with a URL identifies its target (Open Badges requires targetName + targetUrl).
      if (firstStated(item, ['url', 'targetUrl'])) return [];
      const byText = statusOfText(`${framework ?? ''} ${name}`.trim(), fw);
      if (byText.status === 'full' || ((framework || byText.status === 'named') && code)) return [];
      if ((framework || byText.status === 'named') && !named) named = { at: `alignment.${i}`, quote: [framework, code, name].filter(Boolean).join(' ') };
    }
    // Prose: "aligned to ISTE Standard 2.5" in a description, an about section, tags …
    for (const block of doc.blocks) {
      if (EXCLUDE.has(block.scope) || block.kind === 'heading' || !(mayMatch(block, fw) || mayMatch(block, NAMED_FRAMEWORK_RE))) continue;
      const s = statusOfText(block.text, fw);
      if (s.status === 'full') return [];
      if (s.status === 'named' && !named) named = { at: posIn(block, s.index), quote: quoteAround(block.text, s.index) };
    }
    if (named) {
      return [
        {
          message: 'a standards framework is named but not the specific standard met (no code or URL)',
          at: named.at,
          quote: named.quote,
          credit: 0.5,
          fix: 'Add the code or link of the standard met, e.g. "ISTE Standards for Educators 2.5.a" or "InTASC Standard 8: Instructional Strategies".',
        },
      ];
    }
    if (anyStated) {
      return [
        {
          message: 'the alignment does not name a standards framework (e.g. InTASC, ISTE, state teaching standards)',
          at: 'alignment',
          quote: fieldText(items).split('\n')[0]!,
        },
      ];
    }
    return [{ message: 'no alignment to a named standards framework (e.g. InTASC, ISTE, NBPTS, state teaching standards) is stated' }];
  },
});
