import { z } from 'zod';
import { defineRule } from '../define.js';
import { has, PLACEHOLDER_RE } from '../text.js';
import { usableResources } from './util.js';

/**
 * Statements of cost or access. "free" not in "feel free" or "hands-free"; "library" as a
 * way to get a resource, not the Library of Congress; "members" as an access condition.
 */
const ACCESS_RE =
  /(?<!feel\s)(?<![\w-])free(?:ly)?\b(?!-(?:form|standing)\b)|\bopen[- ]access\b|\bopenly (?:available|licen[cs]ed)\b|\bpublicly available\b|\bno[- ]cost\b|\blow[- ]cost\b|\bat no charge\b|\bno charge\b|\$\s?\d|\b\d{1,6}(?:\.\d{2})?\s?(?:USD|EUR|GBP)\b|\bsubscri(?:ption|ber|be)s?\b|\bpaywall(?:ed)?\b|\bmembers?[- ]only\b|\bfor members\b|\bmembership\b|\bmember (?:access|login|price|benefit)\b|\bpurchas(?:e|ed|able)\b|\bfor sale\b|\bbuy\b(?!-in)|\bpaid\b|\b(?:through|via|from|at|in)\s(?:your|a|the|most|many|any|local|school|district|university|public|academic)(?:\s(?:local|school|district|university|public|academic))?\slibrar(?:y|ies)\b(?!\sof\b)|\blibrary\s(?:access|card|subscription|loan)\b|\binterlibrary\b|\bOER\b|\bopen educational resources?\b|\bcreative commons\b|\bCC[- ]BY\b|\b(?:requires?|needs?) (?:a |an )?(?:login|account|registration|subscription)\b|\bregistration required\b|\bcost(?:s)?\s(?:of\s)?\$|\bprice[ds]?\b/i;

/** A `cost` on a structured resource counts unless it is empty or a placeholder. */
function statedCost(v: unknown): boolean {
  if (v === undefined || v === null) return false;
  const t = String(v).trim();
  return t !== '' && !PLACEHOLDER_RE.test(t) && !/^(?:tbd|tba|todo|\?+|-+)$/i.test(t);
}

export default defineRule({
  id: 'resource-access',
  aspect: 'resources',
  description: 'The offering says what the resources cost or how to access them (free, open access, subscription, purchase, library).',
  summary: 'cost or access of resources not stated',
  rationale:
    'Earners should know before they start whether the resources are free or sit behind a paywall, a membership or a purchase. Digital Promise promises free resources; hidden costs add to the time and equity burden that kept Louisiana teachers from completing.',
  source:
    'Digital Promise framework: free resources (S6); NEA: free to members (S7); RAND Louisiana RR-A2486-2 (S9): communicate value and requirements; domain research §1 Aspect 2 rule (d).',
  fix: 'State cost or access for the resources, e.g. "All resources are free and open access" or "The book is available for purchase or through your district library; the articles are free." On structured items use `cost: free`.',
  anchor: 'resources',
  requires: 'resources-present',
  params: z.strictObject({}),
  examples: {
    pass: '## Resources\nAll resources below are free to access.\n\n- [Wait time guide](https://www.ascd.org/wait-time)',
    fail: '## Resources\n- [Wait time guide](https://www.ascd.org/wait-time)',
  },
  check(doc) {
    const list = usableResources(doc);
    // No resources at all is resources-present's finding.
    if (!list.length) return [];
    for (const r of list) {
      if (typeof r.item === 'object' && r.item !== null && statedCost((r.item as Record<string, unknown>).cost)) return [];
      if (ACCESS_RE.test(r.text)) return [];
    }
    if (has(doc, ACCESS_RE, ['resources'])) return [];
    return [{ message: 'the resources do not say what they cost or how to access them (free, open access, subscription, purchase or library)' }];
  },
});
