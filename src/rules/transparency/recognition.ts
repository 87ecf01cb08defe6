import { z } from 'zod';
import { defineRule } from '../define.js';
import { fieldText } from '../text.js';
import { blocksWhere, anyAccepted, negated, stated } from './util.js';

/**
 * What an earner gets: credit, CEUs, clock hours, PDPs, renewal units, salary advancement,
 * graduate credit, recognition by a named body.
 */
const RECOGNITION_RE = new RegExp(
  [
    String.raw`\b\d{1,3}(?:\.\d{1,2})?\s{0,3}(?:[A-Za-z-]{1,20}\s{1,3}){0,2}(?:credits?|credit hours?|CEUs?|PDPs?|PLUs?|CPDUs?)\b`,
    String.raw`\b(?:continuing education units?|continuing education credits?|CEUs?|clock hours?|contact hours?|PDPs?|PLUs?|CPDUs?|professional development (?:points|units|hours|credits?)|professional learning (?:points|units|hours|credits?)|PD (?:points|hours|credits?))\b`,
    String.raw`\b(?:graduate|college|university|academic|course|semester|USBE|state|licensure|license|renewal|recertification|salary|lane|PD) credits?\b`,
    String.raw`\b(?:renewal|relicensure|recertification) (?:units?|points|hours|requirements?)\b`,
    String.raw`\b(?:salary[\s-](?:advancement|increase|lane|schedule|step|credit)|lane (?:change|advancement)|stipend)\b`,
    String.raw`\b(?:(?:recogni[sz]ed|approved|endorsed) (?:by|for|toward|towards|as)|accepted (?:for|toward|towards|as))\b`,
    String.raw`\bcounts? (?:toward|towards|for|as) (?:[\w-]{1,20} ){0,3}(?:renewal|license|licensure|credits?|endorsements?|certification|recertification|degree|salary|PD|professional|hours|units|points)\b`,
    String.raw`\b(?:license|licensure|certificate|certification) renewal\b`,
    String.raw`\b(?:earns?|receives?|awarded|award|grants?) (?:\w{1,20} ){0,2}(?:credit|endorsement)\b`,
  ].join('|'),
  'i',
);

const SCOPES = new Set(['recognition', 'about', 'description', 'other', 'title', 'cost', 'audience', 'badge']);

export default defineRule({
  id: 'recognition',
  aspect: 'transparency',
  description: 'The offering states what earners get for it: credit, CEUs, clock hours, PDPs, renewal units, salary advancement or who recognises it.',
  summary: 'recognition or credit not stated',
  rationale:
    'Educators weigh about 15 hours of work against what the micro-credential counts for, and recognisers need a published conversion to compare offerings: Utah gives 0.5 USBE credit per MC, WEA 15 clock hours, Massachusetts 10 PDPs for two NEA MCs, Aurora 10 salary-advancement hours.',
  source: 'domain.md §1 Aspect 5: recognition/credit conversions (Utah 0.5 USBE credit, WEA 15 clock hours, Massachusetts PDPs, Aurora salary advancement, Citizen U 15 CEUs); EU Council Recommendation 2022 transparency elements (credits); Open Badges 3.0 `creditsAvailable` (S11).',
  fix: 'Add a "Recognition" section or `recognition:` field saying what the credential counts for, e.g. "Earners receive 15 clock hours; accepted for license renewal by the Washington OSPI." If the issuer grants no credit itself, say who does ("Check with your district; Massachusetts accepts 2 MCs as 10 PDPs.").',
  anchor: 'recognition',
  params: z.strictObject({}),
  examples: {
    pass: '## Recognition\nEarners receive 15 clock hours, accepted for license renewal.',
    fail: '## Competency\nEducator uses wait time after questions to increase student response.',
  },
  check(doc) {
    const r = doc.data.recognition;
    if (stated(r)) return [];
    const accept = (text: string, index: number) => !negated(text, index);
    if (anyAccepted(blocksWhere(doc, { scopes: SCOPES }), RECOGNITION_RE, accept)) return [];
    if (r !== undefined) return [{ message: 'the recognition statement is empty or a placeholder', at: 'recognition', quote: fieldText(r) }];
    return [{ message: 'what earners get is not stated (no credit, CEUs, clock hours, renewal units, salary advancement or recognising body)' }];
  },
});
