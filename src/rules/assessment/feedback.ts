import { z } from 'zod';
import { defineRule } from '../define.js';
import { isBlank, truthy } from '../text.js';
import { negatedAfter, negatedBefore, SCOPES, sentenceSpots, spotPos, spotQuote, type Spot } from './util.js';

const FEEDBACK_RE =
  /\bfeedback\b|\b(?:comments?|notes?) (?:from|by) (?:the |your |an? )?(?:assessors?|reviewers?|scorers?)|\b(?:leave|leaves|write|writes|give|gives|provide|provides|return|returns|add|adds|send|sends|receive|receives|get)\s+(?:written\s+|detailed\s+|specific\s+)?(?:comments?|suggestions)\b|\bwritten comments?\b|\bcomments? on (?:each|every|your)\b/i;
/** The sentence is about feedback the candidate gets from the assessment. */
const TO_CANDIDATE_RE =
  /\b(?:assessors?|reviewers?|scorers?|evaluators?|raters?|graders?|you will|you['’]ll|you receive|you get|your (?:submission|portfolio|evidence|artifacts?|work)|submissions?|portfolios?|candidates?|earners?|applicants?|submitters?|(?:each|every) (?:part|section|criterion|component|artifact))\b/i;
const ABOUT_REVIEWERS_RE = /\b(?:assessors?|reviewers?|scorers?|evaluators?|raters?|graders?)\b/i;
const ABOUT_STUDENTS_RE = /\b(?:students?|learners?|pupils?|children|kids)\b/i;
/** Feedback tied to the rubric's parts. */
const DETAILED_RE =
  /\b(?:each|every|per|by|for all)\s+(?:rubric\s+)?(?:criterion|criteria|section|part|component|artifact|indicator|requirement|standard|row|question|prompt)|\b(?:criterion|section|component|indicator)[- ](?:level|specific|by[- ](?:criterion|section|component|indicator))|\b(?:on|against|using|aligned (?:to|with)) (?:the |each )?rubric\b|\brubric[- ]based\b|\bsection[- ]by[- ]section\b|\bcriterion[- ]by[- ]criterion\b/i;
const FIELD_NO_RE = /^\s*(?:no|not|none|false|never|n\/a)\b/i;

export default defineRule({
  id: 'feedback',
  aspect: 'assessment',
  description: 'Candidates get written feedback on their submission, ideally per criterion or section.',
  summary: 'no feedback to candidates',
  rationale:
    'Feedback turns an assessment into growth: a candidate who does not pass needs to know which criterion fell short and why. BloomBoard and Delaware give section-by-section feedback that is specific, detailed and actionable; Utah gives rubric-based feedback.',
  source: 'BloomBoard and Delaware DOE (section-by-section, actionable feedback); Utah (rubric-based feedback); EU Council Recommendation 2022 / ESG (feedback given to learners); domain research §6 rule 9.',
  fix: 'Promise written feedback on each criterion, e.g. "Assessors give written feedback on each rubric criterion, with a note on what to strengthen for any criterion rated Not Yet."',
  anchor: 'assessment',
  params: z.strictObject({}),
  examples: {
    pass: '## Assessment Process\nAssessors give you written feedback on each criterion of the rubric.',
    fail: '## Assessment Process\nYou will be notified whether you earned the badge.',
  },
  check(doc) {
    const field = doc.data.assessment?.feedback;
    if (field !== undefined && !isBlank(field)) {
      if (truthy(field) && !(typeof field === 'string' && FIELD_NO_RE.test(field))) return [];
      return [{ message: 'no feedback is given to candidates: `assessment.feedback` says no', at: 'assessment.feedback' }];
    }
    const topicFeedback = /\bfeedback\b/i.test(`${doc.data.title ?? ''} ${doc.data.competency ?? ''} ${doc.data.keyMethod ?? ''}`);
    const relevant = (s: Spot) => {
      const t = s.sentence.text;
      // Feedback a teacher gives students is part of the practice, not of the assessment.
      if (ABOUT_STUDENTS_RE.test(t) && !ABOUT_REVIEWERS_RE.test(t)) return false;
      if (s.block.scope === 'assessment' || TO_CANDIDATE_RE.test(t)) return true;
      // Elsewhere a bare mention counts, except in the evidence and when feedback is the competency's topic.
      return s.block.scope !== 'evidence' && !topicFeedback;
    };
    const spots = sentenceSpots(doc, FEEDBACK_RE, SCOPES, relevant);
    const positive = spots.filter((s) => !negatedBefore(s.block.text, s.index) && !negatedAfter(s.block.text, s.index + s.length));
    if (positive.some((s) => DETAILED_RE.test(s.sentence.text))) return [];
    const first = positive[0];
    if (first) {
      return [
        {
          message: 'feedback is promised but not per criterion or section of the rubric',
          at: spotPos(first),
          quote: spotQuote(first),
          credit: 0.5,
          fix: 'Say that feedback is given on each rubric criterion or section, e.g. "Assessors comment on every criterion rated Not Yet."',
        },
      ];
    }
    const negated = spots[0];
    if (negated) return [{ message: 'the offering says no feedback is given to candidates', at: spotPos(negated), quote: spotQuote(negated) }];
    return [{ message: 'the offering does not say that candidates receive feedback on their submission' }];
  },
});
