import { z } from 'zod';
import { defineRule } from '../define.js';
import { isBlank, truthy } from '../text.js';
import { assessorsSection, negatedBefore, SCOPES, firstSpot, spotPos, spotQuote, type Spot } from './util.js';

/** Scoring by the candidate or by a machine. */
const SELF_RE =
  /\b(?:self[- ]?(?:assess(?:ment|ments|ed|es|ing)?|scor(?:e|ed|es|ing)|evaluat(?:ion|ions|ed|e|es|ing)|certif(?:y|ied|ies|ication)|grad(?:e|ed|es|ing)|rat(?:e|ed|es|ing)|report(?:ed|s)?|attest(?:ation|ed|s)?|review(?:ed|s)?|check(?:ed)?)|auto[- ]?(?:graded|scored|grading|scoring|marked)|automatically (?:graded|scored|assessed|evaluated|checked|marked)|(?:graded|scored|assessed|evaluated|checked|marked) automatically|(?:computer|machine)[- ](?:scored|graded|marked)|instantly (?:graded|scored)|(?:score|grade|rate|assess|evaluate) (?:your|their) own|rate yourself|assess yourself|score yourself|honou?r system)/i;
/** Someone other than the candidate who scores. */
const ASSESSOR_RE =
  /\b(?:assessors?|reviewers?|scorers?|evaluators?|raters?|graders?|judges|subject[- ]matter experts?|content experts?|smes?|peer[- ]review(?:ed|ers?|s)?|peers? (?:review|score|assess|evaluate)|(?:reviewed|scored|assessed|evaluated|graded|judged|marked) by|review (?:team|panel|committee|board)|scoring (?:team|panel|committee))\b/i;
const STAFF_SCORES_RE =
  /\b(?:coach(?:es)?|mentors?|principals?|administrators?|supervisors?|instructors?|facilitators?|issuers?|providers?|district|staff)\s+(?:will\s+|then\s+|must\s+)?(?:reviews?|scores?|assess(?:es)?|evaluates?|grades?|approves?|verif(?:y|ies)|signs? off)\b/i;
/** "Your submission is reviewed", "submit for review": someone else does the reviewing. */
const PASSIVE_RE =
  /\b(?:(?:is|are|will be|gets?|get|being) (?:then |first |carefully |independently )?(?:reviewed|scored|assessed|evaluated|graded|judged|marked)|(?:submit(?:ted)?|sent|send|forwarded) (?:it |them )?for (?:review|scoring|evaluation|assessment|approval))\b/i;
const NOT_BY_OTHERS_RE = /^[\s,]+(?:automatically|instantly|immediately by|by (?:you|yourself|the (?:system|computer|platform|software|candidate|educator|earner)\b))/i;
/** "scored by you", "reviewed by the educator" name the candidate. */
const BY_CANDIDATE_RE = /^\s+(?:you\b|yourself|the (?:candidate|educator|earner|applicant|participant|teacher)\b(?!['’]s))/i;
const SELF_PREFIX_RE = /self[- ]$/i;
/** Student self-assessment is an artifact of practice, not the credential's assessment. */
const ABOUT_STUDENTS_RE = /\b(?:students?|learners?|pupils?|children|kids)\b/i;
/** A sentence addressed to the candidate ("self-assess your work", "candidates self-certify"). */
const ADDRESSED_RE = /\b(?:you|your|yourself|candidates?|earners?|applicants?|participants?)\b/i;
const AUTO_RE = /auto|automatic|computer|machine|instantly/i;
/** An assessor field naming the candidate or a machine. */
const SELF_FIELD_RE = /^\s*(?:self\b|the candidate|candidate|earner|yourself|none|automated|auto[- ]?grad|computer)/i;

export default defineRule({
  id: 'independent-assessor',
  aspect: 'assessment',
  description: 'Someone other than the candidate scores the evidence: not self-assessment, self-certification or an auto-graded quiz alone.',
  summary: 'only self-assessment or automatic scoring, no independent assessor',
  rationale:
    'A credential is a claim to others that a competency was demonstrated; if the candidate scores their own evidence, or a quiz is graded automatically, nobody has verified the practice. Every recognised micro-credential program has evidence judged by assessors other than the earner.',
  source: 'New America 2021 (evidence assessed via a validated rubric); Digital Promise / BloomBoard / NEA (external assessors); domain research §5 (vendor self-scoring without external assessors), §2 (Kennesaw: participation badges are not MCs).',
  fix: 'Have trained assessors other than the candidate score the evidence against the rubric, e.g. "Each submission is scored by two trained assessors who have earned this micro-credential." A self-assessment can stay as a reflection step.',
  anchor: 'assessment',
  params: z.strictObject({}),
  examples: {
    pass: '## Assessment Process\nComplete the self-assessment checklist, then a trained assessor scores your video against the rubric.',
    fail: '## Assessment Process\nScore your own video with the self-assessment checklist and certify that you met each criterion.',
  },
  check(doc) {
    const a = doc.data.assessment;
    const assessorsField = a?.assessors !== undefined && !isBlank(a.assessors) ? a.assessors : undefined;
    const fieldIsSelf = assessorsField !== undefined && (SELF_FIELD_RE.test(assessorsField) || SELF_RE.test(assessorsField));
    if (assessorsField !== undefined && !fieldIsSelf) return [];
    // Assessor training, calibration or blind review imply assessors other than the candidate.
    if (truthy(a?.training) || truthy(a?.calibration) || truthy(a?.blindReview)) return [];

    const independent = (s: Spot) => {
      const t = s.block.text;
      if (SELF_PREFIX_RE.test(t.slice(Math.max(0, s.index - 5), s.index))) return false;
      if (/ by$/i.test(t.slice(s.index, s.index + s.length)) && BY_CANDIDATE_RE.test(t.slice(s.index + s.length, s.index + s.length + 30))) return false;
      return !negatedBefore(t, s.index);
    };
    if (firstSpot(doc, ASSESSOR_RE, SCOPES, independent)) return [];
    if (assessorsSection(doc, SELF_FIELD_RE)) return [];
    if (firstSpot(doc, STAFF_SCORES_RE, SCOPES, (s) => !negatedBefore(s.block.text, s.index))) return [];
    const byOthers = (s: Spot) => {
      const t = s.block.text;
      return !negatedBefore(t, s.index) && !NOT_BY_OTHERS_RE.test(t.slice(s.index + s.length, s.index + s.length + 40)) && !SELF_RE.test(s.sentence.text);
    };
    if (firstSpot(doc, PASSIVE_RE, SCOPES, byOthers)) return [];

    // Self-assessment counts when it describes how the credential is assessed: in the assessment
    // section, or addressed to the candidate elsewhere. When the competency itself is about
    // self-assessment ("teaches students to self-assess"), mentions outside the assessment section are topic.
    const topicSelf = SELF_RE.test(`${doc.data.title ?? ''} ${doc.data.competency ?? ''} ${doc.data.keyMethod ?? ''}`);
    const isAuto = (s: Spot) => AUTO_RE.test(s.block.text.slice(s.index, s.index + s.length));
    const self = firstSpot(doc, SELF_RE, SCOPES, (s) => {
      const t = s.sentence.text;
      if (ABOUT_STUDENTS_RE.test(t) || negatedBefore(s.block.text, s.index)) return false;
      if (s.block.scope === 'assessment') return true;
      return isAuto(s) || (!topicSelf && ADDRESSED_RE.test(t));
    });
    if (self) {
      const auto = isAuto(self);
      return [
        {
          message: auto
            ? 'the only scoring described is automatic: no assessor other than the candidate judges the evidence'
            : 'the only assessment described is the candidate\'s own self-assessment: no independent assessor scores the evidence',
          at: spotPos(self),
          quote: spotQuote(self),
        },
      ];
    }
    if (fieldIsSelf) {
      return [{ message: `the assessors field names only the candidate or a machine ("${assessorsField!.slice(0, 60)}")`, at: 'assessment.assessors', quote: assessorsField! }];
    }
    // Nothing is said about who scores: assessor-qualifications reports that.
    return [];
  },
});
