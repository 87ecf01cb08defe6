/**
 * The rule registry: every rule, in report order (by aspect, then as listed).
 * Explicit imports, no discovery: a missing rule shows up in review and in the meta-test.
 */
import type { AnyRule } from './define.js';

import competencyPresent from './grain-size/competency-present.js';
import singleCompetency from './grain-size/single-competency.js';
import observableAction from './grain-size/observable-action.js';
import educatorActor from './grain-size/educator-actor.js';
import notADomain from './grain-size/not-a-domain.js';
import keyMethod from './grain-size/key-method.js';
import methodComponents from './grain-size/method-components.js';
import researchBasis from './grain-size/research-basis.js';
import researchRecency from './grain-size/research-recency.js';
import effortEstimate from './grain-size/effort-estimate.js';
import learnerPurpose from './grain-size/learner-purpose.js';
import resourcesPresent from './resources/resources-present.js';
import resourcesEnough from './resources/resources-enough.js';
import resourcesCited from './resources/resources-cited.js';
import resourceLinks from './resources/resource-links.js';
import evidenceBasedResources from './resources/evidence-based-resources.js';
import resourcesAligned from './resources/resources-aligned.js';
import practiceSupport from './resources/practice-support.js';
import resourceAccess from './resources/resource-access.js';
import evidencePresent from './evidence/evidence-present.js';
import practiceArtifact from './evidence/practice-artifact.js';
import multipleEvidenceTypes from './evidence/multiple-evidence-types.js';
import studentImpact from './evidence/student-impact.js';
import reflection from './evidence/reflection.js';
import evidenceSpecificity from './evidence/evidence-specificity.js';
import representativeSamples from './evidence/representative-samples.js';
import contextOverview from './evidence/context-overview.js';
import privacyGuidance from './evidence/privacy-guidance.js';
import noSeatTime from './evidence/no-seat-time.js';
import rubricPresent from './assessment/rubric-present.js';
import criteriaCoverEvidence from './assessment/criteria-cover-evidence.js';
import performanceLevels from './assessment/performance-levels.js';
import passingRule from './assessment/passing-rule.js';
import observableCriteria from './assessment/observable-criteria.js';
import assessorQualifications from './assessment/assessor-qualifications.js';
import calibration from './assessment/calibration.js';
import blindReview from './assessment/blind-review.js';
import feedback from './assessment/feedback.js';
import resubmission from './assessment/resubmission.js';
import turnaround from './assessment/turnaround.js';
import independentAssessor from './assessment/independent-assessor.js';
import issuer from './transparency/issuer.js';
import identifierVersion from './transparency/identifier-version.js';
import publicCriteria from './transparency/public-criteria.js';
import standardsAlignment from './transparency/standards-alignment.js';
import recognition from './transparency/recognition.js';
import costDisclosed from './transparency/cost-disclosed.js';
import audienceLevel from './transparency/audience-level.js';
import portableBadge from './transparency/portable-badge.js';
import evidenceVisibility from './transparency/evidence-visibility.js';
import validityPeriod from './transparency/validity-period.js';
import badgeCriteria from './transparency/badge-criteria.js';
import badgeCriteriaEmbedded from './transparency/badge-criteria-embedded.js';
import badgeIssuerContact from './transparency/badge-issuer-contact.js';
import badgeAlignmentUrl from './transparency/badge-alignment-url.js';
import badgeAchievementType from './transparency/badge-achievement-type.js';

export const RULES: readonly AnyRule[] = [
  // grain-size
  competencyPresent,
  singleCompetency,
  observableAction,
  educatorActor,
  notADomain,
  keyMethod,
  methodComponents,
  researchBasis,
  researchRecency,
  effortEstimate,
  learnerPurpose,
  // resources
  resourcesPresent,
  resourcesEnough,
  resourcesCited,
  resourceLinks,
  evidenceBasedResources,
  resourcesAligned,
  practiceSupport,
  resourceAccess,
  // evidence
  evidencePresent,
  practiceArtifact,
  multipleEvidenceTypes,
  studentImpact,
  reflection,
  evidenceSpecificity,
  representativeSamples,
  contextOverview,
  privacyGuidance,
  noSeatTime,
  // assessment
  rubricPresent,
  criteriaCoverEvidence,
  performanceLevels,
  passingRule,
  observableCriteria,
  assessorQualifications,
  calibration,
  blindReview,
  feedback,
  resubmission,
  turnaround,
  independentAssessor,
  // transparency
  issuer,
  identifierVersion,
  publicCriteria,
  standardsAlignment,
  recognition,
  costDisclosed,
  audienceLevel,
  portableBadge,
  evidenceVisibility,
  validityPeriod,
  badgeCriteria,
  badgeCriteriaEmbedded,
  badgeIssuerContact,
  badgeAlignmentUrl,
  badgeAchievementType,
];

export function ruleById(id: string): AnyRule | undefined {
  return RULES.find((r) => r.id === id);
}
