/**
 * The rule catalogue CI formats describe: the rubric's enabled rules (with the registry's
 * rationale and fix), then the loader's document rules and the gate's `decision` rule.
 */
import type { Report } from '../report.js';
import { RULES } from '../rules/index.js';
import type { AspectId, Severity } from '../types.js';

export interface CatalogRule {
  id: string;
  aspect: AspectId | null;
  severity: Severity;
  description: string;
  /** Why it matters and how to fix it, as plain text. */
  help: string;
}

/** Findings that come from reading the document, not from a rubric rule, and the gate. */
export const DOCUMENT_RULES: readonly CatalogRule[] = [
  {
    id: 'invalid-document',
    aspect: null,
    severity: 'error',
    description: 'The file can be read as a micro-credential: readable UTF-8 text, valid front matter, YAML or JSON.',
    help: 'An entry that cannot be read is reported as invalid and fails the gate. Fix the syntax error at the reported line, or remove the file from the audited paths.',
  },
  {
    id: 'invalid-field',
    aspect: null,
    severity: 'error',
    description: 'Each canonical field has the type README documents for it.',
    help: 'A field of the wrong type is ignored, so the rules see it as missing. Give the field the documented type.',
  },
  {
    id: 'duplicate-key',
    aspect: null,
    severity: 'warning',
    description: 'No key appears twice in front matter or JSON.',
    help: 'When a key is repeated only the last value is used, which hides the earlier one from reviewers. Remove the repeated key.',
  },
  {
    id: 'unknown-field',
    aspect: null,
    severity: 'info',
    description: 'Front matter and JSON keys are canonical field names.',
    help: 'Unknown keys are kept but not scored; a misspelt field is scored as missing. Check the spelling against the canonical field names in README, or remove the field.',
  },
  {
    id: 'decision',
    aspect: null,
    severity: 'error',
    description: 'The offering meets the gate (--min-decision): it is approved, or at least revisable.',
    help: 'The decision summarises the five aspects; its reasons name the weak aspects and the rules behind them. Fix the findings the reasons name, then audit again.',
  },
];

export function ruleCatalog(report: Pick<Report, 'rules'>): CatalogRule[] {
  const byId = new Map(RULES.map((r) => [r.id, r]));
  const rubricRules = report.rules.map((ri): CatalogRule => {
    const r = byId.get(ri.id);
    const help = r ? `${r.rationale}\n\nHow to fix: ${r.fix}\n\nSource: ${r.source}` : ri.description;
    return { id: ri.id, aspect: ri.aspect, severity: ri.severity, description: ri.description, help };
  });
  return [...rubricRules, ...DOCUMENT_RULES];
}

/** `resources-cited` → `ResourcesCited` (SARIF rule names are PascalCase). */
export function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
}
