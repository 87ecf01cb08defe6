/**
 * What the catalog-wide report fields need, gathered while offerings are audited: the
 * near-duplicate index of every entry's competency (src/compare/duplicates.ts), which
 * keeps each statement's shingle hashes as it arrives and no text, then the source hashes
 * and settings. Both audit paths (whole report and streaming) use this one collector.
 */
import type { CatalogInput } from '../catalog.js';
import { duplicateIndex, type DuplicateIndex } from '../compare/duplicates.js';
import { hashSources } from '../load/sources.js';
import { DEFAULT_DUPLICATE_THRESHOLD } from '../rubric/schema.js';
import type { AuditPlan } from './audit.js';

export function catalogCollector(plan: AuditPlan): { onEntry: (competency: string | null) => void; input: () => Promise<CatalogInput> } {
  let index: DuplicateIndex | null = duplicateIndex(plan.rubric.file.comparison?.duplicateThreshold ?? DEFAULT_DUPLICATE_THRESHOLD);
  return {
    onEntry: (competency) => {
      if (!index) throw new Error('catalogCollector: entry after input()');
      index.add(competency);
    },
    input: async () => {
      if (!index) throw new Error('catalogCollector: input() called twice');
      const duplicates = index.pairs();
      // The index is done with: let it go even while the collector is still referenced.
      index = null;
      return {
        generated: plan.ctx.now,
        sources: await hashSources(plan.files),
        duplicates,
        waivers: plan.waivers,
        waiversFile: plan.flags.waivers ?? null,
      };
    },
  };
}
