/**
 * The audit trail's source hashes: sha256 and size of each input file's bytes.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { SourceFile } from '../catalog.js';
import type { InputFile } from './discover.js';

const SMALL = 1024 * 1024;

/** The audit-trail entry of a file whose bytes have been read. */
export function sourceOf(file: string, buf: Buffer): SourceFile {
  return { file, sha256: createHash('sha256').update(buf).digest('hex'), bytes: buf.length };
}

export async function hashSources(files: readonly InputFile[]): Promise<SourceFile[]> {
  const out: SourceFile[] = [];
  for (const f of files) {
    try {
      if (f.problem) throw new Error(f.problem);
      // Only regular files: reading a pipe or device could block the run forever.
      const st = await stat(f.abs);
      if (!st.isFile()) throw new Error('not a regular file');
      // Small files in one read (a stream per file would allocate a 64 KB buffer each);
      // a large one streamed, so a file too large to audit is still hashed in little memory.
      if (st.size <= SMALL) {
        out.push(sourceOf(f.rel, await readFile(f.abs)));
        continue;
      }
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
