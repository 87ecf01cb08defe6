import { z } from 'zod';
import type { EvidenceItem } from '../../model/offering.js';
import type { Hit, TextBlock } from '../../types.js';
import { MAX_MATCH_PAIRS } from '../../load/limits.js';
import { defineRule } from '../define.js';
import { blockHas, blocksIn, fieldText, short, stem, words } from '../text.js';
import { criteriaOf, isLevelLine, LEVEL_TERM_RE, levelLabelLines, PASS_CUE_RE, SCOPES, type Crit } from './util.js';

type Kind = 'overview' | 'artifact' | 'reflection';
type Entry = Exclude<EvidenceItem, string> & Record<string, unknown>;

/** Function words and words every evidence entry or criterion shares. */
const GENERIC = new Set(
  'the and for from with that this these those your you their they them are was were will would should must can could each every all any both into onto over under about after before during than then there here what when which while who whom how why also more most least other such very well not yes has have had been being its our out use uses using used include includes including provide provides describe describes submit submits submitted submission submissions upload part parts criterion criteria evidence level levels proficient demonstrated progressing passing meets met not-yet minimum maximum word words limit page pages minute minutes one two three four five six seven eight nine ten artifact artifacts item items does did meet not-met missing yet exemplary developing emerging beginning approaching advanced novice distinguished accomplished evident complete incomplete satisfactory unsatisfactory pass fail score scored rated rating points'.split(
    ' ',
  ),
);
const KIND_RE: [RegExp, Kind][] = [
  [/\b(?:overview|context)\b/i, 'overview'],
  [/\breflect\w*/i, 'reflection'],
  [/\b(?:artifacts?|work examples?|work samples?)\b/i, 'artifact'],
];
/** Words that only name a part kind: removed from a criterion's own terms. */
const KIND_WORDS = new Set(['overview', 'context', 'reflection', 'reflect', 'reflective', 'example', 'sample', 'question', 'prompt']);
/** "Part 2", "Parts 1 and 3", "Part II". */
const PARTS_RE = /\b(?:parts?|requirements?|tasks?|sections?|components?)\s*(?:\d{1,2}|[ivx]{1,4}|one|two|three|four|five)\b(?:\s*(?:,|and|&|or|-|–)\s*(?:\d{1,2}|[ivx]{1,4})\b){0,6}/gi;
const ARTIFACT_NUM_RE = /\b(?:artifact|work example|work sample|evidence item)\s*(?:#\s*)?(\d{1,2}|[a-h])\b/i;
const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, v: 5, vi: 6, vii: 7, viii: 8, one: 1, two: 2, three: 3, four: 4, five: 5 };
const OPTIONAL_RE = /^(?:no|false|optional|not required)\b/i;
const OPTIONAL_TITLE_RE = /\(\s*optional\s*\)|\boptional\b:/i;
/** A text that says how something is scored: a level name, "Yes/No", "(Pass/Fail)", a pass rule. */
const SCORED_RE = /\b(?:pass\/fail|yes\/no|scored|rated|must (?:receive|be rated|score|pass))\b/i;

/** Part numbers a text names ("Parts 1 and 3" -> 1, 3). */
function partNums(s: string): Set<number> {
  const out = new Set<number>();
  PARTS_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PARTS_RE.exec(s))) {
    for (const t of m[0].toLowerCase().replace(/^[a-z]+/, '').split(/[^a-z0-9]+/)) {
      if (!t || t === 'and' || t === 'or') continue;
      const n = ROMAN[t] ?? Number(t);
      if (Number.isInteger(n) && n > 0) out.add(n);
    }
  }
  return out;
}
function artifactNum(s: string): number | undefined {
  const m = ARTIFACT_NUM_RE.exec(s);
  if (!m) return undefined;
  const t = m[1]!.toLowerCase();
  return /\d/.test(t) ? Number(t) : t.charCodeAt(0) - 96;
}
function kindOf(s: string): Kind | undefined {
  for (const [re, k] of KIND_RE) if (re.test(s)) return k;
  return undefined;
}
/** A stem that keeps short words readable ("notes" -> "note", not "not"). */
function stemOf(w: string): string {
  const t = stem(w);
  return t.length >= 4 ? t : w.endsWith('s') ? w.slice(0, -1) : w;
}

/** Content terms; in a criterion name "work examples" only names the artifact part. Hyphenated words also count by part. */
function terms(s: string, criterion = false): Set<string> {
  const out = new Set<string>();
  const add = (w: string) => {
    // (a leading digit: char codes 48-57)
    if (w.length < 3 || GENERIC.has(w) || (w.charCodeAt(0) >= 48 && w.charCodeAt(0) <= 57)) return;
    const t = stemOf(w);
    if (!GENERIC.has(t)) out.add(t);
  };
  for (const w of words(criterion ? s.replace(/\bwork (?:examples?|samples?)\b/gi, ' artifact ') : s)) {
    add(w);
    if (w.includes('-')) for (const part of w.split('-')) add(part);
  }
  return out;
}

/** The short name of an entry: "**Student work** (3): …" -> "student work". */
function labelOf(title: string): string {
  const head = title.replace(/[*_`]/g, '').split(/[:(—–]|\s-\s/)[0]!.trim().toLowerCase();
  return head.split(/\s+/).length <= 5 ? head.replace(/^(?:an?|the|your)\s+/, '').replace(/(?<![.\s])[.\s]+$/, '') : '';
}

/** Whether `hay` contains `needle` as whole words. */
function containsWords(hay: string, needle: string): boolean {
  if (needle.length < 3) return false;
  const i = hay.indexOf(needle);
  if (i < 0) return false;
  const before = i === 0 ? ' ' : hay[i - 1]!;
  const after = hay[i + needle.length] ?? ' ';
  return !/[a-z0-9]/.test(before) && !/[a-z0-9]/.test(after);
}

interface CritInfo {
  /** Lower-case name and own text, for matching an entry's short name. */
  text: string;
  core: Set<string>;
  descriptorTerms: Set<string>;
  parts: Set<number>;
  artifact?: number | undefined;
  kind?: Kind | undefined;
  /** Whether some entry shares a term with this criterion that is not a topic word. */
  distinctive: boolean;
}
interface EntryInfo {
  index: number;
  terms: Set<string>;
  titleTerms: Set<string>;
  part?: number | undefined;
  kind?: Kind | undefined;
  /** 1-based number among artifacts. */
  artifact?: number | undefined;
  /** Short name ("student work"). */
  name: string;
  /** Covered by a scoring statement for its part (heading "(Pass/Fail)", "Passing:" lines, "Parts 1 and 3 must receive a Pass"). */
  scored: boolean;
  label: string;
  title: string;
}

/** `heading`: the rubric heading above the criterion ("Requirement 1 Rubric"), whose part it scores. */
function crit(c: Crit, heading: string): CritInfo {
  // Level lines in the criterion's text ("Meets criteria: …") describe quality, not the artifact.
  const own = (c.evidence ?? '').split('\n').filter((l) => !isLevelLine(l)).join(' ');
  const text = `${c.name} ${own}`;
  const core = new Set([...terms(text, true)].filter((t) => !KIND_WORDS.has(t)));
  const descriptorTerms = terms(c.levels.map((l) => l.descriptor ?? '').join(' '));
  let parts = partNums(text);
  if (!parts.size) parts = partNums(heading);
  return { text: text.replace(/[*_`]/g, '').toLowerCase(), core, descriptorTerms, parts, artifact: artifactNum(text), kind: kindOf(text), distinctive: false };
}

function shares(c: CritInfo, e: EntryInfo, topic: Set<string>): { shared: number; distinctive: number } {
  let shared = 0;
  let distinctive = 0;
  for (const t of c.core) {
    if (!e.terms.has(t)) continue;
    shared++;
    if (!topic.has(t)) distinctive++;
  }
  return { shared, distinctive };
}

function covers(c: CritInfo, e: EntryInfo, topic: Set<string>): boolean {
  if (c.parts.size && e.part !== undefined && !c.parts.has(e.part)) return false;
  if (c.artifact !== undefined) return c.artifact === e.artifact;
  const { shared, distinctive } = shares(c, e, topic);
  if (distinctive) return true;
  // The criterion names the entry: "Student work and results" scores "**Student work** (3): …".
  if (e.name && containsWords(c.text, e.name)) return true;
  // Overview questions and reflections are covered by a criterion named for them.
  if (c.kind && c.kind === e.kind && e.kind !== 'artifact') return true;
  if (!c.distinctive) {
    // A criterion that names no entry of its own ("Part 2", "Artifacts", "Schedule design"):
    // it covers what shares its words or its part.
    if (shared) return true;
    if (c.parts.size && e.part !== undefined && c.parts.has(e.part)) return true;
    if (c.kind && c.kind === e.kind) return true;
  }
  // The level descriptors name what the entry is ("Video shows …").
  for (const t of c.descriptorTerms) if (e.titleTerms.has(t) && !topic.has(t)) return true;
  return false;
}

export default defineRule({
  id: 'criteria-cover-evidence',
  aspect: 'assessment',
  description: 'Every required artifact or prompt has a rubric criterion that scores it.',
  summary: 'rubric does not cover every required artifact',
  rationale:
    'A requirement the rubric does not score is either ignored or judged on hidden criteria; a public analytic rubric has criteria for each artifact so candidate and assessor read it the same way.',
  source: 'Digital Promise / NEA template (scoring guide for each of Parts 1-3); BloomBoard (rubric criteria per requirement); domain research §6 rule 7 (rubric covering every required artifact/prompt).',
  fix: 'Add a rubric criterion for each required artifact, named after it or its part, e.g. "Part 2, student work samples: Proficient = samples from 3 students show responses after wait time".',
  anchor: 'rubric',
  params: z.strictObject({}),
  examples: {
    pass: '## Evidence\n### Part 2. Artifacts\n- A 10-minute classroom video.\n- Three student work samples.\n\n## Scoring Guide\n| Criterion | Proficient | Not Yet |\n|---|---|---|\n| Video | Shows 3 pauses after questions | Fewer |\n| Student work samples | Show 3 responses | Missing |',
    fail: '## Evidence\n### Part 2. Artifacts\n- A 10-minute classroom video.\n- Three student work samples.\n\n## Scoring Guide\n| Criterion | Proficient | Not Yet |\n|---|---|---|\n| Video | Shows 3 pauses after questions | Fewer |',
  },
  check(doc) {
    const criteria = criteriaOf(doc);
    const evidence = (doc.data.evidence ?? []) as Entry[];
    if (!criteria.length || !evidence.length) return [];

    const evidenceHeadings = new Set(doc.sections.filter((sec) => sec.key === 'evidence').map((sec) => sec.heading));
    const hasParts = evidence.some((e) => e.part);
    // Evidence headings in order, and the heading above a line (its part: "Part 2. Work Examples").
    const headings = doc.blocks.filter((b) => b.scope === 'evidence' && b.kind === 'heading').sort((a, b) => a.line - b.line);
    const headingAbove = (line: number): TextBlock | undefined => {
      let h: TextBlock | undefined;
      for (const b of headings) {
        if (b.line > line) break;
        h = b;
      }
      return h;
    };
    // Parts scored by a statement rather than a criterion.
    const scoredParts = new Set<number>();
    const scoredKinds = new Set<Kind>();
    const scoredHeadings = new Set<TextBlock>();
    for (const b of blocksIn(doc, SCOPES)) {
      if (!blockHas(b, SCORED_RE) && !blockHas(b, LEVEL_TERM_RE) && !blockHas(b, PASS_CUE_RE)) continue;
      for (const n of partNums(b.text)) scoredParts.add(n);
      if (b.kind !== 'heading' && b.scope !== 'evidence') {
        if (/\b(?:overview|context) questions?\b/i.test(b.text)) scoredKinds.add('overview');
        if (/\breflections?\b/i.test(b.text)) scoredKinds.add('reflection');
      }
    }
    for (const l of levelLabelLines(doc, ['evidence'])) {
      const h = headingAbove(l.block.line);
      if (h) scoredHeadings.add(h);
    }

    const entries: EntryInfo[] = [];
    let artifacts = 0;
    evidence.forEach((e, index) => {
      const title = fieldText(e.title ?? '').trim();
      const description = fieldText(e.description ?? '').trim();
      if (e.required !== undefined && OPTIONAL_RE.test(String(e.required).trim())) return;
      if (OPTIONAL_TITLE_RE.test(title)) return;
      // An introduction under the evidence heading itself is not a requirement of its own.
      if (!e.part && evidence.length > 1 && hasParts && evidenceHeadings.has(title)) return;
      if (!title && !description) return;
      const part = typeof e.part === 'string' ? e.part.toLowerCase() : '';
      const kind: Kind | undefined = part === 'overview' || part === 'artifact' || part === 'reflection' ? part : kindOf(`${part} ${title}`);
      const pos = doc.positions.get(`evidence.${index}`);
      const heading = pos && doc.source === 'markdown' ? headingAbove(pos.line) : undefined;
      const num = [...partNums(`${part} ${title}`), ...partNums(heading?.text ?? '')][0];
      const artifact = kind === 'artifact' || !hasParts ? ++artifacts : undefined;
      const byStatement = (num !== undefined && scoredParts.has(num)) || (kind !== undefined && scoredKinds.has(kind));
      const scored = (heading !== undefined && scoredHeadings.has(heading)) || (byStatement && kind !== 'artifact');
      const name = short(title || description);
      const label =
        kind === 'overview'
          ? `the overview questions ("${name}")`
          : kind === 'reflection'
            ? `the reflection ("${name}")`
            : kind === 'artifact'
              ? `artifact ${artifact} ("${name}")`
              : `evidence item ${index + 1} ("${name}")`;
      entries.push({
        index,
        terms: terms(`${title} ${description} ${fieldText(e.type ?? '')}`),
        titleTerms: terms(`${title} ${fieldText(e.type ?? '')}`),
        part: num,
        kind,
        artifact,
        scored,
        name: labelOf(title),
        label,
        title: title || description,
      });
    });
    if (!entries.length) return [];

    const topic = terms(`${doc.data.title ?? ''} ${doc.data.competency ?? ''} ${doc.data.keyMethod ?? ''}`);
    // The rubric heading above each criterion (Markdown): "Requirement 1 Rubric", "Part 2 Scoring Guide".
    const rubricHeadings = doc.blocks.filter((b) => b.scope === 'rubric' && b.kind === 'heading').sort((a, b) => a.line - b.line);
    const infos = criteria.map((c, i) => {
      const pos = doc.positions.get(`rubric.criteria.${i}`);
      let heading = '';
      if (pos && doc.source === 'markdown') for (const h of rubricHeadings) if (h.line <= pos.line) heading = h.text;
      return crit(c, heading);
    });
    // Distinctive: some entry has one of its terms that is not a topic word.
    const entryTerms = new Set(entries.flatMap((e) => [...e.terms]));
    for (const c of infos) for (const t of c.core) if (entryTerms.has(t) && !topic.has(t)) c.distinctive = true;
    // Each entry is matched with each criterion; past the limit that would take minutes.
    if (entries.length * infos.length > MAX_MATCH_PAIRS) {
      return [
        {
          message: `${entries.length.toLocaleString('en-US')} required evidence items and ${infos.length.toLocaleString('en-US')} rubric criteria are too many to match (over ${MAX_MATCH_PAIRS.toLocaleString('en-US')} pairs); coverage was not checked`,
          at: 'rubric',
        },
      ];
    }
    const uncovered = entries.filter((e) => !e.scored && !infos.some((c) => covers(c, e, topic)));
    if (!uncovered.length) return [];
    const credit = (entries.length - uncovered.length) / entries.length;
    return uncovered.map(
      (e): Hit => ({
        message: `no rubric criterion scores ${e.label}`,
        at: `evidence.${e.index}`,
        quote: short(e.title, 200),
        credit,
      }),
    );
  },
});
