/**
 * Every regular expression in src/ runs in linear time (issue 6: "every regular expression
 * that runs on document text must be linear-time ... review each one").
 *
 * The review is mechanical. scslre, the analysis behind eslint-plugin-regexp's
 * no-super-linear-backtracking and no-super-linear-move, reports the patterns that take
 * polynomial or exponential time on a string that repeats one character:
 * - Self: a quantifier nested in another (`(a+)+`);
 * - Trade: two quantifiers that can pass characters between them (`\s*#?\s*` when `#` is
 *   absent, `[ \t]*(x)?[ \t]*$` when `x` is absent);
 * - Move: a search that starts at each character of a run, scans to its end and fails
 *   (`[ \t]+$` on a long run of spaces that ends in a letter). Such patterns are written
 *   `(?<![ \t])[ \t]+$`, so that a match can only start where a run starts.
 *
 * The regexes come from two places: every regex literal in src/ (types stripped by
 * esbuild, then parsed by acorn), and every RegExp that src/ constructs (`new RegExp(…)`):
 * while every module loads, and while the samples, fixtures and calibration set are
 * audited in every format and linted. Regexes built from the bounded repeats the rules use
 * (`[^.\n]{0,60}`) are linear and pass: a bounded repeat cannot trade without limit.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { RegExpParser } from '@eslint-community/regexpp';
import { parse } from 'acorn';
import { transformSync } from 'esbuild';
import { analyse } from 'scslre';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(new URL('..', import.meta.url).pathname);
const SRC = path.join(ROOT, 'src');
/** Modules that do something when loaded: the CLI entry and the pool's thread entry. */
const ENTRY_POINTS = new Set(['bin.ts', path.join('engine', 'worker.ts')]);

interface Found {
  source: string;
  flags: string;
  /** `src/file.ts:line`, or `src/file.ts` when the line is not known. */
  where: string;
}

const parser = new RegExpParser({ ecmaVersion: 2025 });

/** What scslre reports for a regex: "Trade `\s*` / `\s*`", "Move `[ \t]+`", … (none: linear). */
function superLinear(source: string, flags: string): string[] {
  const { reports } = analyse(parser.parseLiteral(`/${source}/${flags}`));
  return reports.map((r) => {
    const kind = r.exponential ? `${r.type} (exponential)` : r.type;
    return r.type === 'Trade' ? `${kind} \`${r.startQuant.raw}\` / \`${r.endQuant.raw}\`` : `${kind} \`${r.quant.raw}\``;
  });
}

function srcFiles(): string[] {
  return readdirSync(SRC, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .sort();
}

/** Every regex literal in src/, with the line of its first occurrence in the TypeScript source. */
function regexLiterals(): Found[] {
  const out: Found[] = [];
  for (const rel of srcFiles()) {
    const ts = readFileSync(path.join(SRC, rel), 'utf8');
    const js = transformSync(ts, { loader: 'ts', target: 'esnext' }).code;
    const visit = (node: unknown): void => {
      if (!node || typeof node !== 'object') return;
      if (Array.isArray(node)) {
        for (const n of node) visit(n);
        return;
      }
      const n = node as { type?: string; regex?: { pattern: string; flags: string } };
      if (n.type === 'Literal' && n.regex) {
        const at = ts.indexOf(`/${n.regex.pattern}/${n.regex.flags}`);
        const line = at < 0 ? '' : `:${ts.slice(0, at).split('\n').length}`;
        out.push({ source: n.regex.pattern, flags: n.regex.flags, where: `src/${rel}${line}` });
      }
      for (const value of Object.values(n)) if (value && typeof value === 'object') visit(value);
    };
    visit(parse(js, { ecmaVersion: 'latest', sourceType: 'module' }));
  }
  return out;
}

/** The src/ file and line of the frame that called the RegExp constructor. */
function caller(stack: string | undefined): string | undefined {
  // Frame 0 is the message, frame 1 the hook's trap, frame 2 its caller.
  const frame = stack?.split('\n')[2] ?? '';
  const m = /\(?(?:file:\/\/)?([^()\s]+?\.ts):(\d+):\d+\)?$/.exec(frame);
  if (!m || !m[1]!.startsWith(SRC + path.sep)) return undefined;
  return `${path.relative(ROOT, m[1]!)}:${m[2]}`;
}

/**
 * Every RegExp that src/ constructs while its modules load and while it audits and lints
 * the repo's own documents: the global RegExp is wrapped for that time. Regex literals do
 * not go through it; `regexLiterals` finds those.
 */
async function constructedRegexes(): Promise<Found[]> {
  const out: Found[] = [];
  const Native = RegExp;
  const record = (re: RegExp, stack: string | undefined) => {
    const where = caller(stack);
    if (where) out.push({ source: re.source, flags: re.flags, where });
    return re;
  };
  globalThis.RegExp = new Proxy(Native, {
    construct: (target, args, newTarget) => record(Reflect.construct(target, args, newTarget) as RegExp, new Error().stack),
    apply: (target, self, args) => record(Reflect.apply(target, self, args) as RegExp, new Error().stack),
  });
  const out_dir = mkdtempSync(path.join(tmpdir(), 'mcaudit-regex-'));
  try {
    for (const rel of srcFiles()) if (!ENTRY_POINTS.has(rel)) await import(path.join(SRC, rel));
    const { main } = (await import(path.join(SRC, 'main.ts'))) as typeof import('../src/main.js');
    const io = { stdout: () => {}, stderr: () => {}, cwd: ROOT, env: {}, stdoutIsTTY: false, stderrIsTTY: false };
    const inputs = ['samples', 'test/fixtures', 'test/calibration'];
    const formats = ['text', 'json', 'sarif', 'html', 'csv', 'markdown', 'junit', 'github'].flatMap((f) => ['--format', `${f}:${path.join(out_dir, f)}`]);
    expect(await main(['audit', ...inputs, '--concurrency', 'off', '--quiet', ...formats], io)).toBe(1);
    expect(await main(['lint', ...inputs], io)).toBe(1);
  } finally {
    globalThis.RegExp = Native;
    rmSync(out_dir, { recursive: true, force: true });
  }
  return out;
}

let literals: Found[] = [];
let constructed: Found[] = [];

beforeAll(async () => {
  literals = regexLiterals();
  constructed = await constructedRegexes();
}, 120_000);

afterAll(() => {
  expect(globalThis.RegExp).toBe(/x/.constructor);
});

describe('the super-linear check', () => {
  it('reports the patterns that once took quadratic time here, and passes their linear forms', () => {
    const fixed: [string, string, string][] = [
      // [pattern as it was, as it is now, flags]
      ['^---[ \\t]*([A-Za-z][A-Za-z0-9_+-]*)?[ \\t]*$', '^---[ \\t]*(?:([A-Za-z][A-Za-z0-9_+-]*)[ \\t]*)?$', ''],
      ['\\s*\\([^()]*\\)\\s*$', '(?<!\\s)\\s*\\([^()]*\\)\\s*$', ''],
      ['[ \\t]+$', '(?<![ \\t])[ \\t]+$', 'gm'],
      ['\\bartifact\\s*#?\\s*(\\d{1,2})\\b', '\\bartifact\\s*(?:#\\s*)?(\\d{1,2})\\b', 'i'],
      [
        '^ {0,3}\\|?[ \\t]*:?-+:?[ \\t]*(?:\\|[ \\t]*:?-+:?[ \\t]*)*\\|?[ \\t]*$',
        '^ {0,3}\\|?[ \\t]*:?-+:?[ \\t]*(?:\\|[ \\t]*:?-+:?[ \\t]*)*(?:\\|[ \\t]*)?$',
        '',
      ],
      ['[.,;:]+$', '(?<![.,;:])[.,;:]+$', ''],
    ];
    for (const [was, now, flags] of fixed) {
      expect(superLinear(was, flags), was).not.toEqual([]);
      expect(superLinear(now, flags), now).toEqual([]);
    }
    expect(superLinear('^(a+)+$', '')).toEqual(['Self (exponential) `a+`']);
    // Bounded repeats are linear.
    expect(superLinear('\\bremove\\b[^.\\n]{0,60}\\bnames?\\b', 'i')).toEqual([]);
  });
});

describe('every regular expression in src/', () => {
  it('finds the regex literals of every module', () => {
    expect(literals.length).toBeGreaterThan(300);
    const files = new Set(literals.map((f) => f.where.replace(/:\d+$/, '')));
    expect(files).toContain('src/load/markdown-blocks.ts');
    expect(files).toContain('src/format/sanitize.ts');
    expect(literals.filter((f) => !/:\d+$/.test(f.where))).toEqual([]);
  });

  it('finds the regexes src/ builds with new RegExp, at load and while auditing', () => {
    const where = new Set(constructed.map((f) => f.where.replace(/:\d+$/, '')));
    // Built when the module loads …
    expect(where).toContain('src/rules/assessment/util.ts');
    expect(where).toContain('src/rules/evidence/util.ts');
    // … and while an audit runs (a rule's word list, the prefilter's rebuilt regexes).
    expect(where).toContain('src/rules/text.ts');
    expect(constructed.length).toBeGreaterThan(40);
  });

  it('are all linear-time (no nested, trading or moving quantifiers)', () => {
    const seen = new Set<string>();
    const bad: string[] = [];
    for (const f of [...literals, ...constructed]) {
      const key = `${f.flags}/${f.source}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const reports = superLinear(f.source, f.flags);
      if (reports.length) bad.push(`${f.where}: /${f.source.length > 120 ? `${f.source.slice(0, 120)}…` : f.source}/${f.flags}: ${reports.join('; ')}`);
    }
    expect(seen.size).toBeGreaterThan(300);
    expect(bad).toEqual([]);
  });
});
