import { z } from 'zod';
import { defineRule } from '../define.js';
import { has } from '../text.js';
import { quoteOf, foundInProseUnits, TYPE_LABELS, units, type EvType } from './util.js';

/** Types of evidence that carry students' images, voices, names or records. */
const SENSITIVE: readonly EvType[] = ['recording', 'studentWork', 'studentData', 'studentVoice'];

/** Privacy guidance: remove names, consent, blurring, FERPA, pseudonyms, no identifying details. */
const PRIVACY_RE =
  /\b(?:remove|redact|omit|delete|blur|obscure|hide|black out|cover|strip|mask)\b[^.\n]{0,60}\b(?:names?|faces?|identif\w*|information|details)\b|\b(?:names?|faces?|identif\w*|information)\s+(?:[\w-]+\s+){0,2}(?:removed|redacted|blurred|hidden|obscured|omitted|deleted|covered)\b|\bde-?identif\w*|\banonymi[sz]\w*|\b(?:consent|permission|release forms?|media release|photo release|opt[- ]out)\b|\bFERPA\b|\bCOPPA\b|\bGDPR\b|\bpseudonyms?\b|\b(?:no|not|never|without|do not (?:include|use|show|share)|don['’]t (?:include|use|show|share))\b[^.\n]{0,40}\b(?:(?:student|educator|teacher|child|children|learner|school|family)(?:s'|'s|’s|s’|s)?\s+)?(?:names|faces|identities|identifying)\b|\bidentify (?:you|yourself|students|your students|your school|the school|individual)\b|\b(?:personally identifiable|PII)\b|\bprivacy\b|\bconfidential(?:ity)?\b|\b(?:first names|initials) only\b|\bfaces? (?:are |is )?not (?:visible|shown)\b/i;

const SCOPES = ['evidence', 'privacy', 'other', 'about'];

export default defineRule({
  id: 'privacy-guidance',
  aspect: 'evidence',
  description: 'Where video, audio, photos, student work or student data are requested, the offering says how to protect student privacy.',
  summary: 'no privacy guidance for student evidence',
  rationale:
    'Videos, work samples and data expose students. Issuers tell earners to remove educator and student names, get permission before recording and follow FERPA, so submissions can be reviewed without harming anyone.',
  source: 'NEA submission rules: no educator or student names in submissions or file names (S7); domain research §5 (privacy of student data in video and work samples).',
  fix: 'Add privacy guidance, e.g. "Remove student names from all work samples, obtain parent permission before recording, and keep students\' faces out of frame or blurred (FERPA)."',
  anchor: 'evidence',
  params: z.strictObject({}),
  examples: {
    pass: '## Evidence\n- Three student work samples with student names removed.',
    fail: '## Evidence\n- Three student work samples.\n- A 10-minute video of your class.',
  },
  check(doc) {
    const trigger = units(doc).find((u) => SENSITIVE.some((t) => u.types.has(t)));
    if (!trigger) return [];
    if (doc.blocks.some((b) => b.scope === 'privacy' && b.kind !== 'heading' && b.text.trim())) return [];
    // SCOPES holds the evidence blocks `found` would search first, so only its units remain to try.
    if (has(doc, PRIVACY_RE, SCOPES) || foundInProseUnits(doc, PRIVACY_RE)) return [];
    const what = SENSITIVE.filter((t) => trigger.types.has(t)).map((t) => TYPE_LABELS[t]);
    return [
      {
        message: `${what.join(' and ')} ${what.length > 1 ? 'are' : 'is'} requested but no privacy guidance is given (remove student names, get consent, blur faces)`,
        at: trigger.at,
        quote: quoteOf(trigger),
      },
    ];
  },
});
