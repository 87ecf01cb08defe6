import { z } from 'zod';
import { defineRule } from '../define.js';
import { isBlank, truthy } from '../text.js';
import { assessorsSection, negatedBefore, SCOPES, sentencePos, firstSpot, spotQuote } from './util.js';

/** Phrases that name qualified assessors on their own. */
const QUALIFIED_RE =
  /\b(?:(?:trained|certified|calibrated|qualified|experienced|expert|licensed|credentialed|accredited|vetted|approved)\s+(?:[a-z-]+\s+){0,2}(?:assessors?|reviewers?|scorers?|evaluators?|raters?|graders?|judges)|assessor (?:training|certification|qualifications?))\b/i;
/** Phrases that name qualified people, counted when the same sentence is about scoring (not about the audience). */
const QUALIFIED_PEOPLE_RE =
  /\b(?:subject[- ]matter experts?|smes?|content(?:[- ]area)? experts?|national board[- ]certified|nbcts?|who (?:have|has|already) earned (?:this|the|that)|earners? of (?:this|the|that) (?:micro-?credential|stack|badge|credential)|(?:trained|certified|calibrated|qualified|experienced|licensed|credentialed|veteran|practicing|practising)\s+(?:[a-z-]+\s+){0,2}(?:educators|teachers|practitioners|experts|coaches|panel|panels|staff|faculty|peers))\b/i;
const ASSESS_VERB_RE = /\b(?:scor(?:e|es|ed|ing)|review(?:s|ed|ing)?|assess(?:es|ed|ing)?|evaluat(?:e|es|ed|ing)|judg(?:e|es|ed|ing)|grad(?:e|es|ed|ing))\b/i;
/** An assessor noun … */
const ASSESSOR_RE = /\b(?:assessors?|reviewers?|scorers?|evaluators?|raters?|graders?|judges|review panel|scored by|reviewed by|assessed by|evaluated by|read by|checked by|judged by)\b/i;
/** … in a sentence that says what qualifies them. */
const QUAL_CUE_RE =
  /\b(?:trained|training|certified|certification|calibrated|qualified|qualifications?|experienced|experience|expert(?:s|ise)?|earned|holds?|degrees?|licensed|licensure|credentialed|national board|years|background|specialists?|faculty|practicing|practising|veteran|orientation|onboarding|who (?:teach|taught|have taught|currently teach|hold|have completed|completed))\b/i;
/** An assessor field that only names the candidate or a machine. */
const SELF_ONLY_RE = /^\s*(?:self\b|the candidate|candidate|earner|yourself|automated|auto[- ]?grad|computer)/i;

export default defineRule({
  id: 'assessor-qualifications',
  aspect: 'assessment',
  description: 'The offering says who assesses submissions and what qualifies them (trained assessors, subject-matter experts, educators who earned the credential).',
  summary: 'assessors and their qualifications not stated',
  rationale:
    'A credential is only as credible as the people who judge the evidence. Providers name their assessors: subject-matter experts or educators who already earned the micro-credential (Digital Promise), certified assessors (BloomBoard), trained reviewers (Carolina CRED).',
  source: 'Digital Promise (SMEs or educators who earned the MC); BloomBoard (Certified Assessors); Utah (stack earners as paid reviewers); EU Council Recommendation 2022 / ESG (assessors supported and trained); domain research §6 rule 8.',
  fix: 'Say who scores submissions and how they qualify, e.g. "Submissions are scored by trained assessors: National Board certified teachers who have earned this micro-credential and completed assessor training."',
  anchor: 'assessment',
  params: z.strictObject({}),
  examples: {
    pass: '## Assessment Process\nSubmissions are scored by trained assessors who have earned this micro-credential.',
    fail: '## Assessment Process\nSubmissions are reviewed and a decision is emailed to you.',
  },
  check(doc) {
    const a = doc.data.assessment;
    if (a?.assessors !== undefined && !isBlank(a.assessors) && !SELF_ONLY_RE.test(a.assessors)) return [];
    if (truthy(a?.training)) return [];
    if (assessorsSection(doc, SELF_ONLY_RE)) return [];
    if (firstSpot(doc, QUALIFIED_RE)) return [];
    if (firstSpot(doc, QUALIFIED_PEOPLE_RE, SCOPES, (s) => ASSESS_VERB_RE.test(s.sentence.text))) return [];
    if (firstSpot(doc, ASSESSOR_RE, SCOPES, (s) => QUAL_CUE_RE.test(s.sentence.text))) return [];
    const named = firstSpot(doc, ASSESSOR_RE, SCOPES, (sp) => !negatedBefore(sp.block.text, sp.index));
    if (named) {
      return [{ message: 'the offering names reviewers but not their qualifications or training', at: sentencePos(named), quote: spotQuote(named) }];
    }
    return [{ message: 'the offering does not say who assesses submissions or what qualifies them' }];
  },
});
