/**
 * Maps Markdown headings to canonical section keys. Providers title the same section
 * many ways (Digital Promise "Supporting Research & Rationale", NEA "Part 2. Work
 * Examples/Artifacts (Pass/Fail)"), so headings are normalised first: case, punctuation,
 * numbering such as "Part 2." and trailing notes in parentheses are ignored.
 */

/** Canonical section keys. Most fill the offering field of the same name. */
export type SectionKey =
  | 'description'
  | 'competency'
  | 'keyMethod'
  | 'methodComponents'
  | 'research'
  | 'resources'
  | 'evidence'
  | 'rubric'
  | 'assessment'
  | 'recognition'
  | 'about'
  | 'audience'
  | 'prerequisites'
  | 'cost'
  | 'alignment'
  | 'estimatedHours'
  | 'privacy';

/** The part of a submission an evidence heading names. */
export type EvidencePart = 'overview' | 'artifact' | 'reflection';

export interface HeadingMatch {
  key: SectionKey;
  part?: EvidencePart;
}

const ALIASES: Record<SectionKey, string[]> = {
  description: ['description', 'overview', 'summary', 'introduction', 'purpose', 'why this matters', 'why it matters'],
  competency: ['competency', 'competency statement', 'the competency', 'micro credential competency', 'skill', 'focus'],
  keyMethod: ['key method', 'key methods', 'method', 'the method'],
  methodComponents: ['method components', 'components', 'components of the method', 'method steps', 'steps'],
  research: [
    'supporting research',
    'research',
    'research and rationale',
    'supporting rationale and research',
    'supporting research and rationale',
    'rationale',
    'research base',
    'references',
    'citations',
    'bibliography',
    'works cited',
  ],
  resources: [
    'resources',
    'learning resources',
    'supports',
    'resources and supports',
    'supporting resources',
    'learning supports',
    'additional resources',
    'recommended resources',
    'materials',
    'tools and resources',
  ],
  evidence: [
    'submission requirements',
    'submission guidelines',
    'submission guidelines and evaluation criteria',
    'submission',
    'what to submit',
    'evidence',
    'evidence requirements',
    'required evidence',
    'types of evidence required',
    'evidence of practice',
    'how to earn',
    'how to earn the badge',
    'how to earn this micro credential',
    'earning requirements',
    'completion requirements',
    'requirements',
    'earning criteria',
    'performance tasks',
    'performance task',
    'portfolio',
    'portfolio requirements',
  ],
  rubric: [
    'scoring guide',
    'rubric',
    'rubrics',
    'evaluation criteria',
    'scoring criteria',
    'scoring rubric',
    'assessment rubric',
    'evaluation rubric',
    'passing criteria',
    'criteria',
    'scoring',
  ],
  assessment: [
    'assessment process',
    'review process',
    'assessors',
    'assessment',
    'scoring process',
    'evaluation process',
    'review and feedback',
    'feedback and resubmission',
    'resubmission',
    'how it is assessed',
  ],
  recognition: ['recognition', 'credit', 'credits', 'credit and recognition', 'recognition and credit', 'professional development credit'],
  about: ['about', 'details', 'metadata', 'about this micro credential', 'micro credential details', 'at a glance', 'information', 'logistics'],
  audience: ['audience', 'intended audience', 'who should apply', 'who is this for'],
  prerequisites: ['prerequisites', 'prerequisite', 'before you begin'],
  cost: ['cost', 'costs', 'fees', 'fee', 'pricing', 'price'],
  alignment: ['standards', 'standards alignment', 'alignment', 'alignments', 'aligned standards'],
  estimatedHours: ['time commitment', 'estimated time', 'time required', 'effort'],
  privacy: ['privacy', 'privacy and consent', 'confidentiality', 'consent'],
};

const PART_ALIASES: Record<EvidencePart, string[]> = {
  overview: ['overview questions', 'overview question', 'context', 'context questions'],
  artifact: ['work examples', 'work examples artifacts', 'work example', 'artifacts', 'artifact', 'work samples', 'evidence artifacts'],
  reflection: ['reflection', 'reflections', 'reflection questions', 'reflection question', 'reflective questions'],
};

const EXACT = new Map<string, HeadingMatch>();
for (const [key, names] of Object.entries(ALIASES) as [SectionKey, string[]][]) {
  for (const n of names) EXACT.set(n, { key });
}
for (const [part, names] of Object.entries(PART_ALIASES) as [EvidencePart, string[]][]) {
  for (const n of names) EXACT.set(n, { key: 'evidence', part });
}

/**
 * Keyword fallbacks, tried in order on headings that match no alias exactly,
 * e.g. "Scoring Guide for Part 2 Artifacts" is a rubric.
 */
const KEYWORDS: [RegExp, HeadingMatch][] = [
  [/\b(?:rubric|scoring|evaluation criteria|passing criteria)\b/, { key: 'rubric' }],
  [/\b(?:assessor|assessors|review process|assessment process|resubmi\w*)\b/, { key: 'assessment' }],
  [/\breflect\w*/, { key: 'evidence', part: 'reflection' }],
  [/\b(?:overview questions?|context questions?)\b/, { key: 'evidence', part: 'overview' }],
  [/\b(?:artifacts?|work examples?|work samples?)\b/, { key: 'evidence', part: 'artifact' }],
  [/\b(?:evidence|submission|submit)\b/, { key: 'evidence' }],
  [/\bmethod components?\b/, { key: 'methodComponents' }],
  [/\bkey methods?\b/, { key: 'keyMethod' }],
  [/\bcompetenc\w*/, { key: 'competency' }],
  [/\b(?:research|rationale|references|citations)\b/, { key: 'research' }],
  [/\b(?:resources?|supports?)\b/, { key: 'resources' }],
  [/\b(?:recognition|credits?|ceus?)\b/, { key: 'recognition' }],
  [/\bstandards?\b/, { key: 'alignment' }],
  [/\bprivacy\b/, { key: 'privacy' }],
  [/\b(?:about|details|metadata)\b/, { key: 'about' }],
];

/**
 * Normalise a heading for lookup: lower case, `&` as "and", no leading numbering
 * ("Part 2.", "2)", "Section B:"), no trailing parenthetical notes, no punctuation.
 */
export function normaliseHeading(heading: string): string {
  const hit = NORMALISED.get(heading);
  if (hit !== undefined) return hit;
  const h = normaliseUncached(heading);
  remember(NORMALISED, heading, h);
  return h;
}

/**
 * Headings repeat across a corpus ("Competency", "Part 2. Artifacts"), so their
 * normal forms and matches are memoised. Each memo is bounded: it is emptied when full.
 */
const MEMO_LIMIT = 4096;
const NORMALISED = new Map<string, string>();
const MATCHED = new Map<string, HeadingMatch | null>();
const PARTS = new Map<string, EvidencePart | null>();
function remember<V>(memo: Map<string, V>, key: string, value: V): void {
  // Very long headings are rare and not worth keeping.
  if (key.length > 200) return;
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, value);
}

function normaliseUncached(heading: string): string {
  let h = heading.toLowerCase().replace(/&/g, ' and ');
  h = h.replace(/micro-?credentials?/g, 'micro credential');
  // Drop every trailing "(…)" note, e.g. "(Pass/Fail)".
  for (let i = 0; i < 3; i++) {
    const t = h.replace(/(?<!\s)\s*\([^()]*\)\s*$/, '');
    if (t === h) break;
    h = t;
  }
  h = h.replace(/[^a-z0-9]+/g, ' ').trim();
  // Leading numbering: "part 2", "section 3", "step 1", "2", "2 3", "a", "iv".
  h = h.replace(/^(?:(?:part|section|step|module|task)\s+)?(?:\d+|[ivx]+|[a-h])(?:\s+\d+)*\s+(?=[a-z])/, '');
  return h.replace(/^(?:part|section|step|task)\s+/, '').trim();
}

/** The canonical key a heading names, or null for an unknown heading. */
export function matchHeading(heading: string): HeadingMatch | null {
  const hit = MATCHED.get(heading);
  if (hit !== undefined) return hit;
  const m = matchUncached(heading);
  remember(MATCHED, heading, m);
  return m;
}

function matchUncached(heading: string): HeadingMatch | null {
  const h = normaliseHeading(heading);
  if (!h) return null;
  const exact = EXACT.get(h);
  if (exact) return exact;
  for (const [re, m] of KEYWORDS) if (re.test(h)) return m;
  return null;
}

const PART_KEYWORDS: [RegExp, EvidencePart][] = [
  [/\breflect\w*/, 'reflection'],
  [/\b(?:overview|context|background)\b/, 'overview'],
  [/\b(?:artifacts?|work examples?|work samples?|evidence)\b/, 'artifact'],
];

/**
 * The submission part a heading names when it sits inside an evidence section:
 * there "Part 1: Overview" is the overview questions, not the offering's description.
 */
export function evidencePart(heading: string): EvidencePart | undefined {
  const hit = PARTS.get(heading);
  if (hit !== undefined) return hit ?? undefined;
  const part = evidencePartUncached(heading);
  remember(PARTS, heading, part ?? null);
  return part;
}

function evidencePartUncached(heading: string): EvidencePart | undefined {
  const h = normaliseHeading(heading);
  const exact = EXACT.get(h);
  if (exact?.part) return exact.part;
  for (const [re, part] of PART_KEYWORDS) if (re.test(h)) return part;
  return undefined;
}

/** Every alias, for README and tests. */
export function headingAliases(): { key: SectionKey; part?: EvidencePart; names: string[] }[] {
  const out: { key: SectionKey; part?: EvidencePart; names: string[] }[] = [];
  for (const [key, names] of Object.entries(ALIASES) as [SectionKey, string[]][]) out.push({ key, names });
  for (const [part, names] of Object.entries(PART_ALIASES) as [EvidencePart, string[]][])
    out.push({ key: 'evidence', part, names });
  return out;
}
