import { z } from 'zod';
import { defineRule } from '../define.js';
import { fieldText } from '../text.js';
import { blocksWhere, anyAccepted, stated } from './util.js';

/** A price or a statement about cost in a cost, about or assessment section: "$125", "free", "no cost", "fee". */
const COST_RE =
  /[$€£]\s{0,2}\d|\b\d{1,6}(?:[.,]\d{1,2})?\s{0,2}(?:USD|EUR|GBP|dollars)\b|(?<!feel\s)(?<![-\w])free\b|\b(?:no|at no|without)\s{1,3}(?:cost|charge|fee)s?\b|\bno-cost\b|\b(?:fees?|price[ds]?|pricing|tuition|costs?\s{1,3}(?:is|are|\$)|costs? nothing)\b/i;
/** The same in general prose, where "free" and "fee" need context ("free of charge", "scoring fee of $125"). */
const COST_PROSE_RE =
  /[$€£]\s{0,2}\d|\b\d{1,6}(?:[.,]\d{1,2})?\s{0,2}(?:USD|EUR|GBP|dollars)\b|\bfree (?:of charge|to (?:all|members|educators|teachers|earners|participants|apply|earn)|for (?:all|members|educators|teachers))\b|\b(?:is|are|always|completely|entirely) free\b|\b(?:at no|no|without)\s{1,3}(?:cost|charge)\b|\bno-cost\b|\b(?:scoring|assessment|submission|application|registration|enrollment|enrolment) fees?\b|\bcosts? nothing\b/i;

const SECTION_SCOPES = new Set(['cost', 'about', 'assessment']);
const PROSE_SCOPES = new Set(['description', 'other', 'recognition', 'title', 'audience', 'prerequisites']);

const LABEL_AFTER = /^[^\S\n]{0,3}:/;
/** "Fee:" or "Cost:" as a label says nothing by itself: its value must. */
function notALabel(text: string, index: number, length: number): boolean {
  return !LABEL_AFTER.test(text.slice(index + length, index + length + 5));
}

export default defineRule({
  id: 'cost-disclosed',
  aspect: 'transparency',
  description: 'The cost to the earner is disclosed (price, scoring fee, or that it is free).',
  summary: 'cost to earners not disclosed',
  rationale:
    'Cost decides who can earn a micro-credential and whether a district can pay for it; prices vary from free (Delaware) to about $20 (Utah) to a $125 scoring fee (NEA non-members), so recognisers comparing offerings need it published.',
  source: 'domain.md §2: NEA free to members / $125 scoring fee, Utah ~$20, Delaware free; §6 rule 9 (fee disclosure); Credential Engine CTDL estimated cost (S12).',
  fix: 'State the cost to the earner, e.g. a `cost:` field or the line "Cost: free for members; $125 scoring fee for non-members".',
  anchor: 'cost',
  params: z.strictObject({}),
  examples: {
    pass: '## About\n- Cost: $20 scoring fee',
    fail: '## About\n- Cost: TBD',
  },
  check(doc) {
    const cost = doc.data.cost;
    if (stated(cost) || stated(doc.data.assessment?.fee)) return [];
    if (anyAccepted(blocksWhere(doc, { scopes: SECTION_SCOPES }), COST_RE, notALabel)) return [];
    if (anyAccepted(blocksWhere(doc, { scopes: PROSE_SCOPES }), COST_PROSE_RE)) return [];
    if (cost !== undefined) return [{ message: 'the cost is empty or a placeholder', at: 'cost', quote: fieldText(cost) }];
    return [{ message: 'the cost to the earner is not disclosed (no price, scoring fee, or statement that it is free)' }];
  },
});
