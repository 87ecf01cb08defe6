/**
 * The audit trail's source hashes: sha256 and size of each input file's bytes.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { SourceFile } from '../catalog.js';
import type { InputFile } from './discover.js';

const SMALL = 1024 * 1024;

export async function hashSources(files: readonly InputFile[]): Promise<SourceFile[]> {
  const out: SourceFile[] = [];
  for (const f of files) {
    try {
      if (f.problem) throw new Error(f.problem);
      // Only regular files: reading a pipe or device could block the run forever.
      const st = await stat(f.abs);
      if (!st.isFile()) throw new Error('not a regular file');
      const hash = createHash('sha256');
      // Small files in one read (a stream per file would allocate a 64 KB buffer each);
      // a large one streamed, so a file too large to audit is still hashed in little memory.
      if (st.size <= SMALL) {
        const buf = await readFile(f.abs);
        out.push({ file: f.rel, sha256: hash.update(buf).digest('hex'), bytes: buf.length });
        continue;
      }
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
