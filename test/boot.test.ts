/**
 * The start-up bundle (src/boot.ts, scripts/bundle.mjs): the built CLI runs from
 * dist/mcaudit.cjs with its V8 code cache, and gives what the modules give.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBundle } from '../src/boot.js';
import { ROOT, run } from './cli-run.js';

const BUNDLE = path.join(ROOT, 'dist/mcaudit.cjs');
const CACHE = path.join(ROOT, 'dist/mcaudit.cjs.cache');
const BIN = path.join(ROOT, 'bin/mcaudit.js');
const ENV = { SOURCE_DATE_EPOCH: '1700000000', NO_COLOR: '1' };

/** Load the bundle in a fresh node, as bin.ts does, and say whether V8 took the cache. */
function cacheVerdict(cacheFile: string): string {
  const script = `
    import(${JSON.stringify(path.join(ROOT, 'dist/boot.js'))}).then((b) => {
      b.setV8Flags();
      const l = b.loadBundle(${JSON.stringify(BUNDLE)}, ${JSON.stringify(cacheFile)});
      process.stdout.write(String(l && l.cacheRejected));
    });`;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  return r.stdout;
}

describe('start-up bundle', () => {
  it('is built with its code cache (npm ci runs the build)', () => {
    expect(existsSync(BUNDLE), 'dist/mcaudit.cjs').toBe(true);
    expect(existsSync(CACHE), 'dist/mcaudit.cjs.cache').toBe(true);
  });

  it('has a code cache V8 accepts under the flags bin.ts sets', () => {
    expect(cacheVerdict(CACHE)).toBe('false');
  });

  it('runs when the cache is damaged: V8 rejects it and compiles the source', () => {
    const bad = path.join(mkdtempSync(path.join(tmpdir(), 'mcaudit-boot-')), 'bad.cache');
    writeFileSync(bad, Buffer.alloc(4096, 7));
    expect(cacheVerdict(bad)).toBe('true');
  });

  it('is not used when it is older than the modules (a bare tsc after an edit)', () => {
    const used = () =>
      spawnSync(process.execPath, ['-e', `import(${JSON.stringify(path.join(ROOT, 'dist/boot.js'))}).then((b) => process.stdout.write(String(b.loadBuiltBundle() !== null)))`], {
        encoding: 'utf8',
      }).stdout;
    const { atime, mtime } = statSync(BUNDLE);
    expect(used()).toBe('true');
    try {
      const entry = statSync(path.join(ROOT, 'dist/bundle.js')).mtime;
      utimesSync(BUNDLE, atime, new Date(entry.getTime() - 60_000));
      expect(used()).toBe('false');
    } finally {
      utimesSync(BUNDLE, atime, mtime);
    }
  });

  it('returns null when there is no bundle, so bin.ts loads the modules', () => {
    expect(loadBundle(path.join(tmpdir(), 'no-such-mcaudit.cjs'), null)).toBeNull();
  });

  it.each([
    ['lint', ['lint', 'samples/strong.md', 'samples/weak.md']],
    ['lint --format json', ['lint', 'samples/middling.md', '--format', 'json']],
    ['audit --format json', ['audit', 'samples', '--format', 'json']],
    ['audit --format sarif', ['audit', 'samples/offering.json', 'samples/weak.md', '--format', 'sarif']],
    ['a usage error', ['audit', 'samples', '--format', 'nope']],
    ['rules', ['rules']],
  ])('gives what the modules give: %s', async (_name, argv) => {
    const built = spawnSync(process.execPath, [BIN, ...argv], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...ENV } });
    const modules = await run(argv, { env: ENV });
    expect({ code: built.status, stdout: built.stdout, stderr: built.stderr }).toEqual(modules);
  });
});
