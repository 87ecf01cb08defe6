/**
 * The loader splits front matter itself (src/load/file.ts frontMatterBlock) the way
 * gray-matter 4 did for it: the same text reaches the same parser, and comment-only or
 * blank front matter reaches none. gray-matter is the reference here (fixed seed).
 */
import fc from 'fast-check';
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { frontMatterBlock, loadMarkdownText } from '../../src/load/file.js';

const FM_CLOSE = /^(?:---|\.\.\.)[ \t]*$/;

/** What gray-matter hands its engines for the front matter of `text` closed on line `close`, as the loader called it. */
function grayMatter(text: string, close: number): { language: 'yaml' | 'json'; text: string } | null {
  const lines = text.split('\n');
  let end = close;
  for (let i = 0; i < close; i++) end += lines[i]!.length;
  let got: { language: 'yaml' | 'json'; text: string } | null = null;
  matter(text.slice(0, end) + '---', {
    language: 'yaml',
    engines: {
      yaml: (s: string) => ((got = { language: 'yaml', text: s }), {}),
      json: (s: string) => ((got = { language: 'json', text: s }), {}),
    },
  } as never);
  return got;
}

const opening = fc
  .tuple(fc.constantFrom('', ' ', '\t', '  '), fc.constantFrom('', 'yaml', 'YAML', 'yml', 'Yml', 'json'), fc.constantFrom('', ' ', '\t '))
  .map(([a, lang, b]) => `---${lang ? a : ''}${lang}${lang ? b : a}`);
const line = fc.oneof(
  fc.constantFrom('---', '----', '--- x', '---json', '...', '# a comment', '  # indented comment', '#', 'title: Wait time', 'id: mc-1', '', '   ', '\t', 'a: ---', '{"title": "x"}', 'text'),
  fc.string({ unit: fc.constantFrom('-', '#', ' ', 'a', ':', '\t', '.', '{', '}', '"', '\u00a0', '\u2028', '\ufeff'), maxLength: 8 }),
);

describe('front matter split', () => {
  it('hands the parser what gray-matter hands its engine, for any front matter', () => {
    fc.assert(
      fc.property(opening, fc.array(line, { maxLength: 12 }), fc.boolean(), (open, body, closed) => {
        const lines = [open, ...body];
        let close = lines.findIndex((l, i) => i > 0 && FM_CLOSE.test(l));
        if (close < 0 || !closed) {
          if (close < 0) lines.push('---');
          close = lines.findIndex((l, i) => i > 0 && FM_CLOSE.test(l));
        }
        const text = [...lines, '# Title', ''].join('\n');
        expect(frontMatterBlock(text, text.split('\n'), close)).toEqual(grayMatter(text, close));
      }),
      { seed: 20261123, numRuns: 3000 },
    );
  });

  it('reads `---JSON` as JSON, where gray-matter knew only lower-case `json`', () => {
    const text = '---JSON\n{"title": "Wait time"}\n---\n# Wait time\n';
    expect(frontMatterBlock(text, text.split('\n'), 2)).toEqual({ language: 'json', text: '\n{"title": "Wait time"}' });
    const [entry] = loadMarkdownText('a.md', text);
    expect(entry!.kind).toBe('offering');
  });

  it('does not hang on front matter of many blank lines (gray-matter took quadratic time)', () => {
    // 200,000 blank lines: gray-matter's comment test scanned ~2e10 characters here (hours,
    // far past the test timeout); the split reads each line once. Speed itself: npm run bench.
    const text = `---\n${'\n'.repeat(200_000)}title: x\n---\n# T\n`;
    const lines = text.split('\n');
    expect(frontMatterBlock(text, lines, lines.indexOf('---', 1))).toEqual({ language: 'yaml', text: `${'\n'.repeat(200_001)}title: x` });
  });

  it('parses nothing for blank or comment-only front matter', () => {
    for (const fm of ['', '   ', '# only a comment', '  # one\n# two']) {
      const text = `---\n${fm}\n---\n# Title\n`;
      expect(frontMatterBlock(text, text.split('\n'), text.split('\n').indexOf('---', 1))).toBeNull();
    }
  });
});
