import { z } from 'zod';
import { defineRule } from '../define.js';
import { isBlank } from '../text.js';
import { DOI_RE, usableResources, type ResourceEntry } from './util.js';

/** Journal articles and research syntheses. */
const JOURNAL_RE =
  /\bjournal\b|\bpeer[- ]?reviewed\b|\brefereed\b|\bmeta-?analys[ie]s\b|\bsystematic review\b|\bReview of Educational Research\b|\bEducational Researcher\b|\bTeachers College Record\b|\bEducational Psychologist\b|\bEducational Psychology Review\b|\bLearning and Instruction\b|\bChild Development\b/i;
/** Recognised research and professional bodies, by acronym (case-sensitive). Edutopia is journalism, not research, and is left out. */
const BODY_ACRONYM_RE = /\b(?:WWC|IES|ERIC|ASCD|NCTM|NCTE|NSTA|NCSS|ISTE|CAST|AERA|NBER|RAND|MDRC|NCES|NAEYC|CEC|ILA|ACTFL|OECD|EEF)\b/;
/** Recognised research and professional bodies by name, and their web hosts. */
const BODY_NAME_RE =
  /\b(?:what works clearinghouse|institute of education sciences|regional educational laborator(?:y|ies)|learning forward|national council of teachers of (?:mathematics|english)|national science teaching association|national council for the social studies|international society for technology in education|center for applied special technology|national academ(?:y|ies) of sciences|national academies|national research council|national center for education statistics|american educational research association|council for exceptional children|international literacy association|national association for the education of young children|iris center|national center on intensive intervention|evidence for essa|best evidence encyclopedia|education endowment foundation|deans for impact|ies\.ed\.gov|eric\.ed\.gov|nces\.ed\.gov|doi\.org|jstor\.org|tandfonline\.com|sagepub\.com|springer\.com|wiley\.com|sciencedirect\.com|ascd\.org|nctm\.org|learningforward\.org|cast\.org|nap\.edu|nationalacademies\.org|rand\.org|nber\.org|mdrc\.org|aera\.net|evidenceforessa\.org|educationendowmentfoundation\.org\.uk|iris\.peabody\.vanderbilt\.edu|intensiveintervention\.org)\b/i;
/** A label the author gives: "research-based", "evidence-based". */
const LABEL_RE = /\b(?:research|evidence)[- ](?:based|backed|informed|supported)\b|\bgrounded in research\b/i;

/** Whether one resource is evidence-based. An explicit `evidenceBased: false` wins. */
export function isEvidenceBased(r: ResourceEntry): boolean {
  if (typeof r.item === 'object' && r.item !== null) {
    const rec = r.item as Record<string, unknown>;
    const flag = rec.evidenceBased;
    if (flag === true || (typeof flag === 'string' && /^(?:true|yes|y)$/i.test(flag.trim()))) return true;
    if (flag === false || (typeof flag === 'string' && /^(?:false|no|n)$/i.test(flag.trim()))) return false;
    if (!isBlank(rec.doi)) return true;
  }
  const t = r.text;
  return DOI_RE.test(t) || JOURNAL_RE.test(t) || BODY_ACRONYM_RE.test(t) || BODY_NAME_RE.test(t) || LABEL_RE.test(t);
}

export default defineRule({
  id: 'evidence-based-resources',
  aspect: 'resources',
  description: 'At least `min` resources are evidence-based: a journal article or DOI, a recognised research or professional body, or labelled research-based.',
  summary: 'no evidence-based resources',
  rationale:
    'Resources should teach a research-backed method, not only tips. The NEPC review found the micro-credential literature ignores research on effective professional development; peer-reviewed work and recognised bodies (What Works Clearinghouse, IES, ASCD, NCTM, Learning Forward, CAST) carry evidence that blogs and magazines do not.',
  source:
    'Digital Promise framework: research-backed key method, cited research (S6); New America 2021, Aspect 2; NEPC review, Aydarova 2021 (S10); domain research §1 Aspect 2 rule (e).',
  fix: 'Add at least one research source among the resources, e.g. a What Works Clearinghouse practice guide, a journal article with its DOI, or a resource from ASCD, NCTM, Learning Forward or CAST; mark structured items `evidenceBased: true` when they are.',
  anchor: 'resources',
  requires: 'resources-present',
  params: z.strictObject({
    /** Fewest evidence-based resources that pass. */
    min: z.number().int().min(1),
  }),
  examples: {
    pass: '## Resources\n- Rowe, M. B. (1986). Wait time: Slowing down may be a way of speeding up. *Journal of Teacher Education*, 37(1), 43–50.',
    fail: '## Resources\n- [10 tips for wait time](https://www.edutopia.org/wait-time-tips)',
  },
  check(doc, params) {
    const list = usableResources(doc);
    // No resources at all is resources-present's finding.
    if (!list.length) return [];
    const k = list.filter(isEvidenceBased).length;
    if (k >= params.min) return [];
    const n = list.length;
    return [
      {
        message:
          k === 0
            ? `${n === 1 ? 'the one resource is not' : `none of the ${n} resources is`} evidence-based (no journal article or DOI, recognised research or professional body, or research-based label)`
            : `only ${k} of the resources ${k === 1 ? 'is' : 'are'} evidence-based; at least ${params.min} should be`,
        credit: k / params.min,
      },
    ];
  },
});
