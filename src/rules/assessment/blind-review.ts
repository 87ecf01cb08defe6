import { z } from 'zod';
import { defineRule } from '../define.js';
import { isBlank, truthy } from '../text.js';
import { negatedBefore, SCOPES, sentenceSpots, firstSpot, spotPos, spotQuote, type Spot } from './util.js';

/** Phrases that mean blind scoring wherever they appear. */
const BLIND_RE =
  /\b(?:double[- ]blind(?:ed)?|single[- ]blind(?:ed)?|blind(?:ed)?[- ](?:review|reviewed|reviewing|scoring|scored|assessment|assessed|evaluation|evaluated|process|marking|read(?:ing)?)|blindly|(?:reviewed|scored|assessed|evaluated|read|marked) blind|submission ids?|candidate ids?|anonymous (?:review|scoring|assessment|evaluation|marking)|(?:reviewed|scored|assessed|evaluated|marked) anonymously)\b/i;
/** Phrases that mean anonymity, counted only when they are about the candidate and the assessors. */
const ANON_RE =
  /\b(?:anonymi[sz](?:ed|es|e|ing|ation)|anonymous(?:ly)?|de-?identified|identit(?:y|ies) (?:is |are )?(?:removed|hidden|withheld|masked|concealed)|names? (?:is |are )?(?:removed|hidden|withheld|masked)|(?:without|do not see|does not see|don't see|never see) (?:your|the (?:educator|candidate|earner|applicant)['’]?s?|their) (?:name|identity))/i;
const ABOUT_REVIEW_RE = /\b(?:assessors?|reviewers?|scorers?|evaluators?|raters?|graders?|submissions?|portfolios?|review|scoring|scored|reviewed|assessed|candidates?|earners?|applicants?)\b/i;
const ABOUT_STUDENTS_RE = /\b(?:students?|learners?|pupils?|children|kids|famil(?:y|ies)|parents?|survey)\b/i;
/** A statement that reviews are not blind. */
const NOT_BLIND_RE = /\b(?:not|never)\s+(?:blind|anonymous|anonymi[sz]ed)\b|\b(?:assessors?|reviewers?|scorers?) (?:will |can |do )?(?:see|know) (?:your|the (?:educator|candidate|earner)['’]?s?) (?:name|identity)/i;
/** A field value that says reviews are not blind. */
const FIELD_NO_RE = /^\s*(?:no|not|none|false|never|n\/a)\b/i;

export default defineRule({
  id: 'blind-review',
  aspect: 'assessment',
  description: 'Submissions are scored blind: assessors do not see who the candidate is (anonymised, submission IDs, double-blind).',
  summary: 'no blind or anonymous scoring',
  rationale:
    'Knowing who submitted a portfolio invites bias from reputation, acquaintance or demographics. Digital Promise and Delaware use double-blind review by subject-matter experts; BloomBoard anonymises portfolios with submission IDs; ETS removes identity before scoring.',
  source: 'Digital Promise and Delaware DOE (double-blind SME assessment); BloomBoard (anonymised portfolios, submission IDs); ETS PASL (identity removed); domain research §6 rule 8.',
  fix: 'Say how reviews are kept blind, e.g. "Submissions are scored double-blind: assessors see only a submission ID, never the educator\'s name or school."',
  anchor: 'assessment',
  params: z.strictObject({}),
  examples: {
    pass: '## Assessment Process\nSubmissions are scored double-blind by two trained assessors.',
    fail: '## Assessment Process\nYour district coach scores your submission.',
  },
  check(doc) {
    const field = doc.data.assessment?.blindReview;
    if (field !== undefined && !isBlank(field)) {
      if (truthy(field) && !(typeof field === 'string' && FIELD_NO_RE.test(field))) return [];
      return [{ message: 'reviews are not blind: `assessment.blindReview` says no', at: 'assessment.blindReview' }];
    }
    const positive = (s: Spot) => !negatedBefore(s.block.text, s.index);
    if (firstSpot(doc, BLIND_RE, SCOPES, positive)) return [];
    const anon = sentenceSpots(doc, ANON_RE, SCOPES.filter((s) => s !== 'evidence'), (s) => {
      const t = s.sentence.text;
      return positive(s) && ABOUT_REVIEW_RE.test(t) && !ABOUT_STUDENTS_RE.test(t);
    });
    if (anon.length) return [];
    const negated = firstSpot(doc, BLIND_RE, SCOPES, (s) => !positive(s)) ?? firstSpot(doc, NOT_BLIND_RE);
    if (negated) return [{ message: 'the offering says reviews are not blind', at: spotPos(negated), quote: spotQuote(negated) }];
    return [{ message: 'the offering does not say that submissions are scored blind or anonymously' }];
  },
});
