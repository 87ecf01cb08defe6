import { z } from 'zod';
import { defineRule } from '../define.js';
import { has } from '../text.js';

const LEARNER = String.raw`(?:students?|learners?|pupils|children|youth|kids)`;
const OUTCOME = String.raw`(?:learning|achievement|engagement|outcomes?|understanding|participation|success|growth|performance|thinking|discourse|agency|voice|motivation|belonging|well-?being|progress|mastery|writing|reading|comprehension|independence|ownership|self-regulation|behaviou?r|attendance|skills?|responses?|talk|reasoning|confidence|fluency)`;

/** A stated effect on learners, anywhere the purpose may be written. */
const PURPOSE_RE = new RegExp(
  [
    // "so that students …", "so that every learner …"
    String.raw`\bso that (?:all |each |every |the |his |her |their |our |my )?(?:${LEARNER}|class)\b`,
    // "student learning", "students' engagement", "learner outcomes"
    String.raw`\b${LEARNER}(?:['’]s?)?\s${OUTCOME}\b`,
    // "to increase participation in discussion", "improves reading comprehension"
    String.raw`\b(?:increas|improv|rais|boost|deepen|strengthen|promot|foster|enhanc|expand|accelerat|engag|elicit|encourag|reduc|help|enabl|empower|support|build)(?:e|es|ed|ing|s)?\b[^.;\n]{0,60}?\b(?:${OUTCOME}|${LEARNER})\b`,
    // "students will …", "learners can …"
    String.raw`\b${LEARNER}\s(?:will|can|are able to|become|gain|show|demonstrate|engage|participate|develop|learn|improve|increase|explain|discuss|reflect|revise|apply)\b`,
    // "for students to …", "helps students …"
    String.raw`\bfor (?:all |each |every )?${LEARNER}\s(?:to|who)\b`,
  ].join('|'),
  'i',
);
/** In the competency and key method themselves, naming the learners is enough. */
const LEARNER_RE = new RegExp(String.raw`\b${LEARNER}\b|\bclass['’]s\b`, 'i');

const PURPOSE_SCOPES = ['competency', 'keyMethod', 'methodComponents', 'description', 'research'];
const CORE_SCOPES = ['competency', 'keyMethod'];

export default defineRule({
  id: 'learner-purpose',
  aspect: 'grain-size',
  description: 'The offering states the intended effect on students ("so that students…", "to increase student participation").',
  summary: 'no intended effect on students',
  rationale:
    'Educator competencies matter because of what they do for learners. Competency statements follow "Educator + verb + practice + purpose"; naming the purpose tells earners what their evidence of impact should show.',
  source: 'Digital Promise and NEA competency statements ("to achieve Y", S6, S7); Digital Promise "Supporting Research & Rationale"; domain.md §1 Aspect 1 ("Educator uses/designs/implements X to achieve Y").',
  fix: 'Add the purpose for students to the competency, e.g. "Educator uses wait time after questions so that more students respond and give longer, more reasoned answers."',
  anchor: 'competency',
  params: z.strictObject({}),
  examples: {
    pass: '## Competency\nEducator uses wait time after questions to increase student participation.',
    fail: '## Competency\nEducator designs a rubric for a unit project.',
  },
  check(doc) {
    if (has(doc, PURPOSE_RE, PURPOSE_SCOPES)) return [];
    if (has(doc, LEARNER_RE, CORE_SCOPES)) return [];
    const c = doc.data.competency;
    return [
      {
        message: 'the offering does not say what the practice is meant to do for students (in the competency, key method, description or rationale)',
        ...(c ? { quote: c } : {}),
      },
    ];
  },
});
