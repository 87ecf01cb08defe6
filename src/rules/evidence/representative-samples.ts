import { z } from 'zod';
import { defineRule } from '../define.js';
import { quoteOf, found, units } from './util.js';

/** A representative range of learners or levels. */
const RANGE_RE =
  /\b(?:different|differing|varying|varied|various|diverse|mixed|multiple|a range of|range of|each|all)\s+(?:levels?|readiness|abilit(?:y|ies)|mastery|performance|proficienc(?:y|ies)|achievement|learners|students|needs|profiles|skill levels|groups|starting points|strengths|readiness levels|amounts of growth|growth patterns)\b|\b(?:each|every) (?:student|learner|pupil)\b|\bclass[- ](?:wide|screening|results|data|set)\b|\bat (?:different|varying|various|each|multiple) (?:levels?|stages?)\b|\b(?:high|low|middle|medium|average)[- ](?:performing|achieving|level|readiness|ability)\b|\b(?:below|approaching|at|above|meets|exceeds)[- ](?:grade[- ]level|standard|the standard|proficiency|benchmark|expectations)\b|\b(?:struggling|advanced|on-level|below-level|above-level|emergent|gifted)\s+(?:learners?|students?|readers?|writers?)\b|\b(?:english (?:language )?learners|ELLs?|multilingual learners|students with (?:disabilities|ieps))\b|\brepresentative\b|\b(?:whole|entire|full) class\b|\bclass set\b|\bfor all students\b|\bvaried readiness\b|\bdiverse learners\b/i;

/** Data about some students rather than the whole class. */
const SOME_STUDENTS_RE =
  /\b(?:selected|focus|target|individual|some|several|a few|\d{1,3}|two|three|four|five|six|seven|eight|nine|ten) (?:selected |focus |target )?(?:students|learners|pupils)\b|\bsamples?\b/i;
/** Practice designed around one learner (an individualised intervention), where a range does not apply. */
const ONE_LEARNER_RE =
  /\b(?:a|one|the|a single) (?:focus |target |selected )?(?:student|learner|child) (?:you (?:serve|support|work with|teach)|on your caseload|who (?:receives|has|needs))\b|\bindividuali[sz]ed (?:plan|intervention|instruction|support|education)\b|\b(?:focus|target) (?:student|learner|child)\b/i;

export default defineRule({
  id: 'representative-samples',
  aspect: 'evidence',
  description: 'Where student work or data is requested, it asks for a representative range (different levels of mastery, varied readiness, the whole class).',
  summary: 'student work not a representative range',
  rationale:
    'One hand-picked sample shows the best case, not the practice. Asking for samples at different levels of mastery, or data for the whole class, shows how the practice works for all learners.',
  source: 'Aspect 3 practice: "3 work samples at different mastery levels" (domain research, Aspect 3); AR SPDG UDL MC (annotations for 3-5 learner profiles); NEA RP2 (pre-post assessment and analysis, student work samples).',
  fix: 'Say which samples to choose, e.g. "three student work samples at different levels of mastery (below, at and above the standard)" or "pre/post data for the whole class".',
  anchor: 'evidence',
  params: z.strictObject({}),
  examples: {
    pass: '## Evidence\n- Three student work samples at different levels of mastery.',
    fail: '## Evidence\n- One student work sample from the lesson.',
  },
  check(doc) {
    // Student work is a sample; data is a sample only when it is for some students, not the class.
    const asks = units(doc).find((u) => u.types.has('studentWork') || (u.types.has('studentData') && SOME_STUDENTS_RE.test(u.text)));
    if (!asks) return [];
    if (found(doc, RANGE_RE, ['evidence', 'rubric'])) return [];
    if (found(doc, ONE_LEARNER_RE, ['evidence', 'rubric', 'audience', 'description', 'competency'])) return [];
    return [
      {
        message: 'student work or data is requested but not a representative range (e.g. samples at different levels of mastery, or the whole class)',
        at: asks.at,
        quote: quoteOf(asks),
      },
    ];
  },
});
