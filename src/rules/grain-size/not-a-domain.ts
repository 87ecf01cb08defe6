import { z } from 'zod';
import { defineRule } from '../define.js';
import { globalOf, phraseRegex } from '../text.js';
import { competencyView, posAtView, SUBJECT_WORDS, tokenize, verbInfo, type Token } from './util.js';


/** Function words: they never make a statement specific. */
const FUNCTION_WORDS = new Set(
  (
    'a an the and or but nor of in on at to for from by with within without into onto over under about across through ' +
    'during before after as than that which who whom whose this these those their them they his her its our your my we you ' +
    'it is are be been being was were will can could should would may might must shall do does did has have had so such not ' +
    'no all any each every both either neither other another more most less least very also well just only own same some ' +
    'then there here when where while how what why if because per via able ability'
  ).split(' '),
);

/** Words that add no specificity to a broad topic ("effective", "strategies", "diverse learners"). */
const GENERIC_WORDS = new Set(
  (
    'educator educators teacher teachers instructor practitioner candidate earner student students learner learners ' +
    'classroom classrooms class school schools effective effectively appropriate appropriately strong good quality high ' +
    'various variety different diverse multiple strategies strategy techniques technique approaches approach methods method ' +
    'skills skill knowledge competency competence competencies principles practices practice area areas field aspects ' +
    'including related understanding proficiency range key core essential essentials basic basics fundamentals foundations ' +
    'foundational overall general successful successfully positive best improve improves improving improved increase ' +
    'enhance support supports ensure promote meet meets needs outcomes achievement learning instruction instructional ' +
    'teaching environment all levels grade grades level demonstrate demonstrates demonstrating show shows'
  ).split(' '),
);

/** Verbs of knowing that open a knowledge statement ("explores", "learns about"). */
const KNOWLEDGE_WORDS = new Set(['understand', 'understands', 'know', 'knows', 'explore', 'explores', 'learn', 'learns', 'appreciate', 'appreciates', 'value', 'values']);

/** Capitalised words and acronyms that name a subject or a learner group, not a technique. */
const NOT_A_TECHNIQUE = new Set(
  'english spanish french math mathematics science history art music ela ell ells el els esl esol iep ieps sel stem steam pe black indigenous latino latina latinx asian american native k-12 pre-k'.split(
    ' ',
  ),
);

const QUOTED_RE = /["“][^"”\n]{3,60}["”]/;

/** Verbs that open a purpose clause ("to increase …") besides the action verbs. */
const PURPOSE_VERBS = new Set(
  'increase improve meet enhance ensure promote support build deepen strengthen raise boost reduce help enable foster develop engage address close cut advance expand accelerate create maximize minimize'.split(' '),
);

/** Offset where the purpose clause starts: "to <verb>", "so that", "in order to"; the text length when there is none. */
function purposeStart(tokens: readonly Token[]): number {
  let seenVerb = false;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.p) continue;
    const next = tokens[k + 1];
    if (t.w === 'so' && next?.w === 'that') return t.i;
    if (t.w === 'in' && next?.w === 'order') return t.i;
    if (seenVerb && t.w === 'to' && next && !next.p && (PURPOSE_VERBS.has(next.w) || verbInfo(next.w).some((v) => v.form === 'base'))) return t.i;
    if (verbInfo(t.w).length || KNOWLEDGE_WORDS.has(t.w)) seenVerb = true;
  }
  return Number.MAX_SAFE_INTEGER;
}

export default defineRule({
  id: 'not-a-domain',
  aspect: 'grain-size',
  description: 'The competency names a specific practice, not a whole field such as "classroom management" or "assessment literacy".',
  summary: 'the competency is a whole field, not one practice',
  rationale:
    'Grain size decides whether one submission can show the skill. New America contrasts "using wait time effectively" (specific) with "analyzing student work" (broad); a field such as classroom management needs many techniques and belongs in a stack of micro-credentials.',
  source: 'New America 2019 Rethinking Relicensure (grain-size example pair) and 2022 ("bite-sized" competency) (S1); NEA, Citizen U and Utah stacks (S7, domain.md §2); domain.md §1 Aspect 1 grain-size heuristics.',
  fix: 'Name one technique within the field and what it achieves, e.g. "Educator uses a visual timer and a taught attention signal to cut transition time between activities." Offer the broad topic as a stack of several micro-credentials.',
  anchor: 'competency',
  params: z.strictObject({
    /** Names of whole fields of practice. */
    domains: z.array(z.string().min(1)).min(1),
    /** A statement naming a field needs at least this many other content words to be specific. */
    minSpecificWords: z.number().int().min(0),
  }),
  examples: {
    pass: '## Competency\nEducator uses a visual timer and a taught attention signal to cut transition time between classroom activities.',
    fail: '## Competency\nEducator demonstrates effective classroom management.',
  },
  check(doc, params) {
    const view = competencyView(doc);
    if (!view) return [];
    const text = view.text;
    const re = globalOf(phraseRegex(params.domains));
    re.lastIndex = 0;
    const spans: { start: number; end: number; text: string }[] = [];
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      spans.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
      if (m[0].length === 0) re.lastIndex++;
    }
    if (!spans.length) return [];
    const inDomain = (i: number) => spans.some((s) => i >= s.start && i < s.end);

    const tokens = tokenize(text);
    // A field named in the purpose ("… to increase student engagement") is not the practice.
    const purpose = purposeStart(tokens);
    const practiceSpans = spans.filter((s) => s.start < purpose);
    if (!practiceSpans.length) return [];
    // The actor and the main verb are not content.
    let mainVerb = -1;
    for (let k = 0; k < tokens.length; k++) {
      const t = tokens[k]!;
      if (t.p) continue;
      if (verbInfo(t.w).length || KNOWLEDGE_WORDS.has(t.w)) {
        mainVerb = k;
        break;
      }
      if (!SUBJECT_WORDS.has(t.w) && !FUNCTION_WORDS.has(t.w) && !GENERIC_WORDS.has(t.w)) break;
    }
    const specific = new Set<string>();
    let named = false;
    let first = true;
    for (let k = 0; k < tokens.length; k++) {
      const t = tokens[k]!;
      if (t.p) {
        if (t.end) first = true;
        continue;
      }
      const wasFirst = first;
      first = false;
      if (k === mainVerb || inDomain(t.i)) continue;
      const raw = text.slice(t.i, t.i + t.w.length);
      // A named technique: an acronym, a capitalised name inside the sentence, "think-pair-share".
      if (NOT_A_TECHNIQUE.has(t.w)) {
        // a subject or learner group: content, not a technique
      } else if (/^\p{Lu}{2,6}s?$/u.test(raw) && raw !== 'I') named = true;
      else if (!wasFirst && /^\p{Lu}\p{Ll}/u.test(raw) && !SUBJECT_WORDS.has(t.w)) named = true;
      else if ((t.w.match(/-/g) ?? []).length >= 2) named = true;
      if (FUNCTION_WORDS.has(t.w) || GENERIC_WORDS.has(t.w) || SUBJECT_WORDS.has(t.w)) continue;
      if (t.w.length < 3 && !/\d/.test(t.w)) continue;
      specific.add(t.w);
    }
    const quoted = QUOTED_RE.exec(text);
    if (quoted && !inDomain(quoted.index + 1)) named = true;
    if (named || specific.size >= params.minSpecificWords) return [];
    const domain = practiceSpans[0]!.text;
    const extra = specific.size === 0 ? 'nothing more specific' : `only ${specific.size} other content word${specific.size === 1 ? '' : 's'} (${[...specific].join(', ')})`;
    return [
      {
        message: `the competency names a broad field ("${domain}") with ${extra}, not one specific practice`,
        at: posAtView(view, practiceSpans[0]!.start),
        quote: view.plain,
        fix: `Narrow "${domain}" to one technique the educator can show in one submission, with its purpose (the way "using wait time effectively" is one practice of questioning), and offer ${domain} as a stack of several micro-credentials.`,
      },
    ];
  },
});
