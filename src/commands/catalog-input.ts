/**
 * What the catalog-wide report fields need, gathered while offerings are audited: the
 * near-duplicate index of every entry's competency (src/compare/duplicates.ts), which
 * keeps each statement's shingle hashes as it arrives and no text, then the source hashes
 * and settings. Both audit paths (whole report and streaming) use this one collector.
 */
import type { CatalogInput, SourceFile } from '../catalog.js';
import type { InputFile } from '../load/discover.js';
import { duplicateIndex, type DuplicateIndex } from '../compare/duplicates.js';
import { hashSources } from '../load/sources.js';
import { DEFAULT_DUPLICATE_THRESHOLD } from '../rubric/schema.js';
import type { AuditPlan } from './audit.js';

export function catalogCollector(plan: AuditPlan): {
  onEntry: (competency: string | null) => void;
  onSource: (file: InputFile, source: SourceFile | null) => void;
  input: () => Promise<CatalogInput>;
} {
  // Files the audit read were hashed as they were read; the rest are hashed at the end.
  const sources: SourceFile[] = [];
  const unread: InputFile[] = [];
  let index: DuplicateIndex | null = duplicateIndex(plan.rubric.file.comparison?.duplicateThreshold ?? DEFAULT_DUPLICATE_THRESHOLD);
  return {
    onEntry: (competency) => {
      if (!index) throw new Error('catalogCollector: entry after input()');
      index.add(competency);
    },
    onSource: (file, source) => {
      if (source) sources.push(source);
      else unread.push(file);
    },
    input: async () => {
      if (!index) throw new Error('catalogCollector: input() called twice');
      const duplicates = index.find();
      // The index is done with: let it go even while the collector is still referenced.
      index = null;
      return {
        generated: plan.ctx.now,
        sources: [...sources, ...(await hashSources(unread))],
        duplicates,
        waivers: plan.waivers,
        waiversFile: plan.flags.waivers ?? null,
      };
    },
  };
}
