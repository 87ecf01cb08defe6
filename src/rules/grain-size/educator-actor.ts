import { z } from 'zod';
import { defineRule } from '../define.js';
import { competencyView, posAtView, tokenize, verbInfo } from './util.js';

/** Words that end the subject of the competency sentence. */
const AUX = new Set(['will', 'can', 'shall', 'must', 'should', 'may', 'is', 'are', 'was', 'were', 'has', 'have', 'does', 'do']);
const KNOWLEDGE_S = new Set(['understands', 'knows', 'explores', 'learns', 'appreciates', 'believes', 'values', 'recognizes', 'becomes', 'gains', 'reflects']);
const LEARNERS = new Set(['student', 'students', 'learner', 'learners', 'child', 'children', 'pupil', 'pupils', 'youth', 'kids', 'participants', 'participant']);
const PREPOSITIONS = new Set(['with', 'from', 'by', 'to', 'for', 'of', 'alongside', 'and', 'than', 'like']);
const SKIP_BEFORE_ACTOR = new Set(['the', 'a', 'an', 'each', 'every', 'this', 'our', 'any']);
/** How many words may stand before the actor ("A middle school mathematics teacher …"). */
const MAX_SUBJECT_WORDS = 6;

interface ActorPattern {
  words: string[];
}

const actorCache = new WeakMap<readonly string[], ActorPattern[]>();
function actorPatterns(actors: readonly string[]): ActorPattern[] {
  let p = actorCache.get(actors);
  if (!p) {
    p = actors.map((a) => ({ words: a.toLowerCase().split(/\s+/).filter(Boolean) })).filter((a) => a.words.length > 0);
    actorCache.set(actors, p);
  }
  return p;
}

function sameWord(token: string, word: string, last: boolean): boolean {
  if (token === word) return true;
  return last && (token === word + 's' || token === word + 'es' || token === word + "'s" || token === word + '’s' || token === word + "s'");
}

export default defineRule({
  id: 'educator-actor',
  aspect: 'grain-size',
  description: 'The competency names the educator as the one who acts ("Educator uses…", "The teacher designs…").',
  summary: 'the competency does not name the educator as the actor',
  rationale:
    'An educator micro-credential certifies what the educator does. A statement about what students will do, or a bare topic, leaves unclear whose practice the evidence must show.',
  source: 'Digital Promise and NEA competency statements ("Educator + verb + practice + purpose", S6, S7); MPOS standards name the earner role (S4); domain.md §1 Aspect 1 and §6 rule 1.',
  fix: 'Begin the competency with the educator and the action, e.g. "Educator uses think-pair-share so that every student rehearses an answer before whole-class discussion." Put what students will do in the purpose.',
  anchor: 'competency',
  params: z.strictObject({
    /** Words that name the educator who earns the credential. */
    actors: z.array(z.string().min(1)).min(1),
  }),
  examples: {
    pass: '## Competency\nThe teacher designs a hinge-point question to check understanding at the midpoint of a lesson.',
    fail: '## Competency\nStudents will explain their reasoning in small-group discussion.',
  },
  check(doc, params) {
    const view = competencyView(doc);
    if (!view) return [];
    const tokens = tokenize(view.text);
    // The subject: the words before the first auxiliary or finite verb of the first sentence.
    const patterns = actorPatterns(params.actors);
    const words: string[] = [];
    let firstIsVerb = false;
    for (const t of tokens) {
      if (t.p) {
        if (t.end) break;
        continue;
      }
      // "Coach facilitates …": an actor that is also a verb form.
      const infos = patterns.some((p) => sameWord(t.w, p.words[0]!, p.words.length === 1)) ? [] : verbInfo(t.w);
      if (words.length === 0 && (infos.length || KNOWLEDGE_S.has(t.w))) {
        firstIsVerb = true;
        break;
      }
      if (AUX.has(t.w) || KNOWLEDGE_S.has(t.w)) break;
      if (infos.some((v) => v.form === 's') && words.length > 0 && !SKIP_BEFORE_ACTOR.has(words[words.length - 1]!)) break;
      words.push(t.w);
      if (words.length >= MAX_SUBJECT_WORDS + 2) break;
    }
    for (let i = 0; i < words.length && i <= MAX_SUBJECT_WORDS; i++) {
      for (const p of patterns) {
        const n = p.words.length;
        if (i + n > words.length) continue;
        let ok = true;
        for (let k = 0; k < n && ok; k++) ok = sameWord(words[i + k]!, p.words[k]!, k === n - 1);
        if (!ok) continue;
        // "… with the teacher" is not the teacher acting.
        let j = i - 1;
        while (j >= 0 && SKIP_BEFORE_ACTOR.has(words[j]!)) j--;
        if (j >= 0 && PREPOSITIONS.has(words[j]!)) continue;
        if (words.slice(0, i).some((w) => LEARNERS.has(w))) continue;
        return [];
      }
    }
    const at = posAtView(view, tokens.find((t) => !t.p)?.i ?? 0);
    const quote = view.plain;
    const first = words[0];
    if (first === 'i' || first === 'you' || first === 'we') {
      return [
        {
          message: `the competency is written in the ${first === 'you' ? 'second' : 'first'} person ("${first === 'i' ? 'I' : first}"); name the educator as the actor`,
          at,
          quote,
          credit: 0.5,
        },
      ];
    }
    if (words.some((w) => LEARNERS.has(w))) {
      return [{ message: 'the competency names students, not the educator, as the ones who act', at, quote }];
    }
    if (firstIsVerb) {
      return [{ message: 'the competency is a bare verb phrase that does not say who acts; name the educator', at, quote }];
    }
    return [{ message: 'the competency does not name the educator as the one who acts', at, quote }];
  },
});
