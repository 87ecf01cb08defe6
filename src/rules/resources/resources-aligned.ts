import { z } from 'zod';
import type { Hit } from '../../types.js';
import { defineRule } from '../define.js';
import { contentTerm, fieldText, stem, words } from '../text.js';
import { resourceLabel, resourceQuote, titleAndDescription, usableResources } from './util.js';

/**
 * Words every resource list shares with every competency ("learning", "strategies",
 * "guide", URL parts): sharing only these does not show alignment.
 */
const GENERIC = new Set(
  'learn learning teach teaching instruction instructional education educational strategy strategies effective improve improving support supports supporting guide guides resource resources article articles video videos book books school schools research evidence based tool tools toolkit online free website page pages read introduction overview example examples tips ways help helps helping http https html index default article blog post posts pdf download after before during increase about across between among every'
    .split(' ')
    .map(stem),
);

/**
 * Content terms, with hyphenated words counted whole and by their parts ("wait-time" → wait-time, wait, time).
 * The parts are the words of the text with `-‐–_/.` made spaces: only `-` joins words, the others
 * already separate them, so those words are the words of the text split at `-`.
 */
function terms(s: string): Set<string> {
  const out = new Set<string>();
  const add = (w: string) => {
    const t = contentTerm(w);
    if (t !== null && !GENERIC.has(t)) out.add(key(t));
  };
  for (const w of words(s)) {
    add(w);
    if (w.includes('-')) for (const part of w.split('-')) add(part);
  }
  return out;
}

/** Drop a final "e" so the crude stems of "pause" and "pausing" (paus) meet. */
function key(t: string): string {
  return t.length > 4 && t.endsWith('e') ? t.slice(0, -1) : t;
}

export default defineRule({
  id: 'resources-aligned',
  aspect: 'resources',
  description: 'The resources are about the competency: most of them share key terms with the competency, key method or method components.',
  summary: 'resources not connected to the competency',
  rationale:
    'Resources should directly support the competency and its method components, not general professional reading. Teachers in the Louisiana study valued content aligned to what they had to demonstrate.',
  source:
    'New America 2021, Aspect 2 (resources clearly connected to the competency); BloomBoard "Learn/Explore" activities that directly support artifact creation (S8); RAND Louisiana RR-A2486-2 (S9); domain research §1 Aspect 2 rule (c).',
  fix: 'Replace general resources with ones about the key method, or say in each entry which method component it supports, e.g. "- [Wait time guide](https://…) — supports component 2: pausing 3–5 seconds after a question."',
  anchor: 'resources',
  requires: 'resources-present',
  params: z.strictObject({
    /** Least share (0-1) of resources that must share a term with the competency or method. */
    minShare: z.number().min(0).max(1),
  }),
  examples: {
    pass: '## Competency\nEducator uses wait time after questions to increase student responses.\n\n## Resources\n- [Wait time: a guide](https://www.ascd.org/wait-time) — why pausing after questions works.',
    fail: '## Competency\nEducator uses wait time after questions to increase student responses.\n\n## Resources\n- [Classroom seating charts](https://www.ascd.org/seating)\n- [Parent newsletters](https://www.ascd.org/newsletters)',
  },
  check(doc, params) {
    const list = usableResources(doc);
    if (!list.length) return [];
    const d = doc.data;
    const target = terms([d.competency, d.keyMethod, fieldText(d.methodComponents)].filter(Boolean).join('\n'));
    // Nothing to compare with: the grain-size rules report a missing competency.
    if (!target.size) return [];
    const unaligned = list.filter((r) => {
      for (const t of terms(titleAndDescription(r))) if (target.has(t)) return false;
      return true;
    });
    const share = (list.length - unaligned.length) / list.length;
    if (share >= params.minShare) return [];
    return unaligned.map(
      (r): Hit => ({
        message: `${resourceLabel(r)} shares no key term with the competency, key method or method components`,
        at: r.path,
        quote: resourceQuote(r),
        credit: share,
      }),
    );
  },
});
