/**
 * The audit trail's source hashes: sha256 and size of each input file's bytes.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { SourceFile } from '../catalog.js';
import type { InputFile } from './discover.js';

export async function hashSources(files: readonly InputFile[]): Promise<SourceFile[]> {
  const out: SourceFile[] = [];
  for (const f of files) {
    try {
      if (f.problem) throw new Error(f.problem);
      // Only regular files: reading a pipe or device could block the run forever.
      if (!(await stat(f.abs)).isFile()) throw new Error('not a regular file');
      // Streamed, so a file too large to audit is still hashed without holding it in memory.
      const hash = createHash('sha256');
      let bytes = 0;
      for await (const chunk of createReadStream(f.abs)) {
        hash.update(chunk as Buffer);
        bytes += (chunk as Buffer).length;
      }
      out.push({ file: f.rel, sha256: hash.digest('hex'), bytes });
    } catch {
      out.push({ file: f.rel, sha256: null, bytes: null });
    }
  }
  return out;
}
