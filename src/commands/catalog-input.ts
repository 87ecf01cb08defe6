/**
 * What the catalog-wide report fields need, gathered while offerings are audited: the
 * competency of every entry (for near-duplicates), then the source hashes and settings.
 * Both audit paths (whole report and streaming) use this one collector.
 */
import type { CatalogInput } from '../catalog.js';
import { hashSources } from '../load/sources.js';
import type { AuditPlan } from './audit.js';

/** A fresh copy of a string: a substring of a document would keep the whole document in memory. */
const own = (s: string | null): string | null => (s === null ? null : (JSON.parse(JSON.stringify(s)) as string));

export function catalogCollector(plan: AuditPlan): { onEntry: (competency: string | null) => void; input: () => Promise<CatalogInput> } {
  const competencies: (string | null)[] = [];
  return {
    onEntry: (competency) => competencies.push(own(competency)),
    input: async () => ({
      generated: plan.ctx.now,
      sources: await hashSources(plan.files),
      competencies,
      waivers: plan.waivers,
      waiversFile: plan.flags.waivers ?? null,
      duplicateThreshold: plan.rubric.file.comparison?.duplicateThreshold,
    }),
  };
}
