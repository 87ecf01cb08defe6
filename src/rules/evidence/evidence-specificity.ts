import { z } from 'zod';
import { defineRule } from '../define.js';
import type { Hit } from '../../types.js';
import { isBlank, wordCount } from '../text.js';
import { quoteOf, units, type Unit } from './util.js';

/** Numbering that is not a quantity: "Part 2", "grades 3-5", "Standard 1.2", list numbers, years. */
const NOT_QUANTITY_RE =
  /\b(?:part|step|section|component|criterion|question|prompt|artifact|requirement|task|activity|item|indicator|standard|grades?|level|tier|phase|module|unit|lesson|chapter|day|week|k)\s{0,2}#?\d{1,4}(?:\.\d{1,3})*(?:\s{0,2}[-–]\s{0,2}\d{1,4})?\b|^\s{0,8}\d{1,3}[.)]\s|\b(?:19|20)\d\d\b|\bk-\d{1,2}\b/gim;
const NUMBER = String.raw`(?:\d{1,5}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty)`;
/** A word, length or time limit. */
const LIMIT_RE = new RegExp(
  String.raw`\b${NUMBER}(?:\s{0,2}(?:-|–|to)\s{0,2}${NUMBER})?\s{0,2}-?\s{0,2}(?:words?|characters?|pages?|minutes?|mins?|seconds?|secs?|sentences?|paragraphs?|slides?|hours?)\b|\bword[- ](?:limit|count|max\w*|min\w*)\b|\b(?:limit(?:ed)? to|maximum|max\.?|minimum|no more than|no longer than|up to|not to exceed|at most|at least)\s{0,2}${NUMBER}`,
  'i',
);
/** A count of things ("3 work samples", "one lesson plan", "a single video"). */
const QUANTITY_RE = new RegExp(String.raw`\b${NUMBER}\b|\b(?:a single|a pair of|at least|no more than|up to|maximum|minimum)\b`, 'i');
/** A file or delivery format. */
const FORMAT_RE =
  /\b(?:pdf|docx?|pptx?|xlsx?|mp[34]|mov|jpe?g|png|csv|google (?:docs?|slides|sheets|drive)|word (?:document|file)|powerpoint|slide ?(?:deck|show)|spreadsheet|youtube|vimeo|screenshots?|(?:provided|attached|the) template|using the template|link to|url)\b/i;
/** What the artifact must show. */
const SHOW_RE =
  /\b(?:show(?:s|ing)?|demonstrat\w*|illustrat\w*|in which|where (?:you|students)|that (?:shows?|demonstrates?|includes?|illustrates?|highlights?|captures?|documents?)|evidence of|highlight\w*|captur\w*|document(?:s|ing)|must (?:show|include|demonstrate|contain)|includ(?:e|es|ed|ing)|with annotations?|annotated|of (?:you|yourself) (?:using|teaching|implementing|modeling|modelling|leading|facilitating)|of your (?:use|implementation)|at different|across (?:different|a range)|to show|explain\w*|describ\w*)\b/i;
const MIN_DESCRIPTIVE_WORDS = 8;

function hasField(v: unknown): boolean {
  return v !== undefined && !isBlank(v);
}

const DIGIT_RE = /\d/;

/** `text` without numbering that is not a quantity. Every such numbering has a digit: a text without one is returned as it is, unsearched. */
function scrub(text: string): string {
  return DIGIT_RE.test(text) ? text.replace(NOT_QUANTITY_RE, ' ') : text;
}

export default defineRule({
  id: 'evidence-specificity',
  aspect: 'evidence',
  description:
    'Each required artifact states what it must show and a quantity, format or limit; overview and reflection prompts have word limits.',
  summary: 'vague evidence requirements',
  rationale:
    'Earners and assessors need to know exactly what to submit: "3 work samples at different mastery levels", "a 10-minute video", "500 words". Vague requirements produce submissions that cannot be scored consistently.',
  source:
    'NEA submission guidance (word limits per prompt; each artifact described above its upload) (S7); Digital Promise submission guidelines (S6); Open Badges Assessment Extension (wordLimit, characterLimit) (S11).',
  fix: 'For each artifact say what it must show and how much, e.g. "One 10-minute video (MP4 or link) showing you pausing 3-5 seconds after questions"; give each overview and reflection prompt a word limit, e.g. "(250-word limit)".',
  anchor: 'evidence',
  params: z.strictObject({}),
  examples: {
    pass: '## Evidence\n- One 10-minute video of a lesson in which you pause after each question.\n\n## Reflection\nReflect on how students responded (300-word limit).',
    fail: '## Evidence\n- A video.\n- Student work.',
  },
  check(doc) {
    const judged = units(doc).filter((u) => u.entry && u.kind !== 'general');
    if (!judged.length) return [];
    const hits: Hit[] = [];
    let score = 0;
    let artifactNo = 0;
    const pending: { u: Unit; message: string }[] = [];
    for (const u of judged) {
      const text = scrub(u.text);
      const ctx = scrub(u.context);
      if (u.kind === 'overview' || u.kind === 'reflection') {
        if (hasField(u.limit) || LIMIT_RE.test(text)) score += 1;
        else {
          score += 0.5;
          const what = u.kind === 'overview' ? 'overview questions' : 'reflection prompt';
          pending.push({ u, message: `the ${what} ("${u.title}") ${u.kind === 'overview' ? 'have' : 'has'} no word or length limit` });
        }
        continue;
      }
      artifactNo++;
      const shows = SHOW_RE.test(text) || SHOW_RE.test(ctx) || wordCount(u.text) >= MIN_DESCRIPTIVE_WORDS;
      const sized =
        hasField(u.quantity) ||
        hasField(u.limit) ||
        LIMIT_RE.test(text) ||
        QUANTITY_RE.test(text) ||
        FORMAT_RE.test(text) ||
        FORMAT_RE.test(ctx) ||
        LIMIT_RE.test(ctx);
      if (shows && sized) {
        score += 1;
        continue;
      }
      const missing = !shows && !sized ? 'what it must show or a quantity, format or limit' : !shows ? 'what it must show' : 'a quantity, format or limit';
      pending.push({ u, message: `artifact ${artifactNo} ("${u.title}") does not state ${missing}` });
    }
    if (!pending.length) return [];
    const credit = score / judged.length;
    for (const p of pending) hits.push({ message: p.message, at: p.u.at, quote: quoteOf(p.u), credit });
    return hits;
  },
});

