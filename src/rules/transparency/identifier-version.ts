import { z } from 'zod';
import { defineRule } from '../define.js';
import { blocksWhere, firstAccepted, stated } from './util.js';

/** "Credential ID: DP-1234", "CTID: ce-…", "Badge code: NEA-CM-07". */
const ID_PROSE_RE = /\b(?:CTID\s{0,3}:?\s{0,3}ce-[0-9a-f]|(?:credential|badge|micro-?credential|course|catalog|catalogue)\s{1,3}(?:id|identifier|code|number|no\.)\s{0,3}[:#]?\s{0,3}[A-Za-z0-9][\w.-]{0,60}\d)/i;
/** "Version 2.1", "v1.3", "Last updated: March 2024", "Revised 2023-08-01". */
const VERSION_PROSE_RE =
  /\b(?:version\s{0,3}:?\s{0,3}v?\d{1,4}(?:\.\d{1,4}){0,3}\b|v\d{1,4}\.\d{1,4}(?:\.\d{1,4}){0,2}\b|(?:last\s{1,3})?(?:updated|revised)\s{0,3}(?:on|in)?\s{0,3}:?\s{0,3}(?:\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?\s{0,3}(?:\d{1,2},?\s{0,3})?(?:19|20)\d\d|(?:19|20)\d\d\b))/i;

const SCOPES = new Set(['title', 'description', 'about', 'other', 'id', 'version', 'updated']);

export default defineRule({
  id: 'identifier-version',
  aspect: 'transparency',
  description: 'The micro-credential has a stable identifier and states its version or last-updated date.',
  summary: 'no identifier or version',
  rationale:
    'A recognising body compares and records a micro-credential by a stable identifier, and must know which version of the requirements an educator met: requirements change between versions.',
  source: 'Open Badges 2.0 BadgeClass `id` and Open Badges 3.0 Achievement `id`, `version`, `related` (S11); Credential Engine CTDL `ceterms:ctid` (S12); domain.md §1 Aspect 5 comparability rules (version).',
  fix: 'State an identifier and a version, e.g. front matter `id: dp-wait-time` and `version: "2.1"` (or `updated: 2025-08-01`), or the lines "ID: DP-WT-01" and "Version: 2.1" in an About section.',
  anchor: 'id',
  params: z.strictObject({}),
  examples: {
    pass: '## About\n- ID: nea-cm-07\n- Version: 2.1',
    fail: '## About\n- Cost: free',
  },
  check(doc) {
    const d = doc.data;
    const scoped = blocksWhere(doc, { scopes: SCOPES });
    const idAt = stated(d.id) ? 'id' : firstAccepted(scoped, ID_PROSE_RE)?.pos ?? null;
    const versionAt = stated(d.version) ? 'version' : stated(d.updated) ? 'updated' : firstAccepted(scoped, VERSION_PROSE_RE)?.pos ?? null;
    if (idAt !== null && versionAt !== null) return [];
    if (idAt === null && versionAt === null) {
      const blank = d.id !== undefined ? 'id' : d.version !== undefined ? 'version' : null;
      return [
        blank
          ? { message: `neither a stable identifier nor a version is stated (\`${blank}\` is empty or a placeholder)`, at: blank, quote: String(d[blank]) }
          : { message: 'neither a stable identifier (`id`) nor a version or last-updated date is stated' },
      ];
    }
    if (idAt === null) {
      return [
        {
          message: 'a version is stated but no stable identifier (`id`)',
          at: versionAt!,
          credit: 0.5,
          fix: 'Add a stable identifier that does not change between versions, e.g. `id: dp-wait-time` or "ID: DP-WT-01".',
        },
      ];
    }
    return [
      {
        message: 'an identifier is stated but no version or last-updated date',
        at: idAt,
        credit: 0.5,
        fix: 'Add a version or last-updated date, e.g. `version: "2.1"` or "Last updated: 2025-08-01".',
      },
    ];
  },
});
