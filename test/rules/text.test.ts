import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contentTerms, isBlank, phraseRegex, posIn, quoteAround, short, stem, truthy, wordCount } from '../../src/rules/text.js';

describe('text helpers', () => {
  it('stems plurals and verb forms without mangling short stems', () => {
    expect(stem('questions')).toBe(stem('question'));
    expect(stem('questioning')).toBe('question');
    expect(stem('notes')).toBe('note');
    expect(stem('comments')).toBe('comment');
    expect(stem('strategies')).toBe('strategy');
    expect(stem('classes')).toBe('class');
    expect(stem('analysis')).toBe('analysis');
  });

  it('reads flags: yes-like values are true, refusals false', () => {
    for (const v of [true, 1, 'yes', 'Two resubmissions allowed', 'double-blind']) expect(truthy(v), String(v)).toBe(true);
    for (const v of [false, 0, '', 'no', 'None', 'not allowed', 'Not permitted', 'never', 'N/A', 'TBD', undefined]) expect(truthy(v), String(v)).toBe(false);
  });

  it('treats empty values and bare placeholders as blank', () => {
    for (const v of ['', '  ', 'TBD', 'n/a', '[Insert link here] [insert title here]', '<your text>', undefined, []]) expect(isBlank(v), JSON.stringify(v)).toBe(true);
    expect(isBlank('Educator uses wait time after questions.')).toBe(false);
    expect(isBlank('TODO: finish this, but the educator uses wait time after questions')).toBe(false);
  });

  it('counts words and content terms', () => {
    expect(wordCount("Educator uses think-pair-share, doesn't stop.")).toBe(5);
    expect([...contentTerms('The teacher uses wait time after questioning students')].sort()).toEqual(['after', 'question', 'time', 'wait']);
  });

  it('builds word-bounded, case-insensitive phrase regexes and caches them', () => {
    const re = phraseRegex(['inter-rater', 'double scored']);
    expect(re.test('They were Double  scored twice')).toBe(true);
    expect(re.test('interrater')).toBe(false);
    expect(phraseRegex(['inter-rater', 'double scored'])).toBe(re);
    expect(phraseRegex([]).test('anything')).toBe(false);
  });

  it('finds positions inside multi-line blocks and quotes the sentence', () => {
    const block = { text: 'First line.\nSecond has the word here.', line: 10, column: 3, columns: [3, 5], scope: 'x', kind: 'paragraph' as const };
    expect(posIn(block, 0)).toEqual({ line: 10, column: 3 });
    expect(posIn(block, block.text.indexOf('word'))).toEqual({ line: 11, column: 5 + 'Second has the '.length });
    expect(quoteAround(block.text, block.text.indexOf('word'), 4)).toBe('Second has the word here.');
  });

  /** posIn and quoteAround as they were: scanning from the match each time, however far. */
  function posByScan(block: { text: string; line: number; column: number; columns?: number[]; lines?: number[] }, index: number) {
    let line = 0;
    let lastNl = -1;
    for (let i = 0; i < index && i < block.text.length; i++) {
      if (block.text[i] === '\n') {
        line++;
        lastNl = i;
      }
    }
    if (line === 0) return { line: block.line, column: block.column + index };
    return { line: block.lines?.[line] ?? block.line + line, column: (block.columns?.[line] ?? 1) + (index - lastNl - 1) };
  }
  function quoteByScan(text: string, index: number, length: number): string {
    const stop = (i: number) => '.!?'.includes(text[i] ?? 'x');
    const space = (i: number) => i < text.length && /\s/.test(text[i]!);
    let start = index;
    while (start > 0 && text[start - 1] !== '\n' && !(stop(start - 1) && space(start))) start--;
    let end = index + length;
    while (end < text.length && text[end] !== '\n' && !(stop(end) && (end + 1 >= text.length || space(end + 1)))) end++;
    if (end < text.length && stop(end)) end++;
    let q = text.slice(start, end).trim();
    if (q.length > 200) {
      const from = Math.max(0, index - start - 80);
      q = (from > 0 ? '…' : '') + q.slice(from, from + 200).trim() + '…';
    }
    return q;
  }

  it('gives the same positions and quotes in long texts, where it looks them up instead of scanning', () => {
    // Long runs without a sentence end or line break, so that the lookup past 512 characters is used.
    const piece = fc.constantFrom('word ', 'a', '. ', '.', '!\n', '\n', ' ', '?', '\u00a0', 'x'.repeat(300), ' '.repeat(700), 'y'.repeat(1200));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.array(fc.tuple(fc.nat(), fc.nat({ max: 30 })), { minLength: 1, maxLength: 8 }), (pieces, spots) => {
        const text = pieces.join('');
        const block = { text, line: 4, column: 2, columns: [2, 3, 1, 7], lines: [4, 6, 9], scope: 'x', kind: 'paragraph' as const };
        for (const [i, n] of spots) {
          const index = text.length ? i % (text.length + 1) : 0;
          const length = Math.min(n, text.length - index);
          expect(posIn(block, index)).toEqual(posByScan(block, index));
          expect(quoteAround(text, index, length)).toBe(quoteByScan(text, index, length));
        }
      }),
      { seed: 20261123, numRuns: 1500 },
    );
  });
});

describe('short', () => {
  /** The definition: white space collapsed, trimmed, cut to max with an ellipsis. */
  const reference = (s: string, max = 60) => {
    const t = s.replace(/\s+/g, ' ').trim();
    return t.length > max ? t.slice(0, max - 1).trimEnd() + '…' : t;
  };

  it('puts a text on one line and cuts it with an ellipsis', () => {
    expect(short('  Record   a\n\tlesson  ')).toBe('Record a lesson');
    expect(short('word '.repeat(40), 12)).toBe('word word w…');
    expect(short(' '.repeat(5000) + 'x')).toBe('x');
  });

  it('gives what the definition gives, for long texts too (fixed seed)', () => {
    const piece = fc.constantFrom('a', 'word', ' ', '  ', '\n', '\t', '\u00a0', '—', ' '.repeat(300), 'x'.repeat(70));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), fc.integer({ min: 1, max: 80 }), (parts, max) => {
        const s = parts.join('');
        expect(short(s, max)).toBe(reference(s, max));
      }),
      { seed: 20261123, numRuns: 2000 },
    );
  });

  it('gives what the definition gives for texts on one line, and with every kind of white space (fixed seed)', () => {
    // Mostly words and single spaces (the fast path), with each \s character and near misses.
    const odd = ['\u000b', '\u000c', '\r', '\u0085', '\u00a0', '\u1680', '\u180e', '\u2000', '\u200a', '\u200b', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff'];
    const piece = fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom('word', 'a', ' ', 'x'.repeat(70), '—', 'é') },
      { weight: 1, arbitrary: fc.constantFrom(...odd) },
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 200 }), fc.integer({ min: 1, max: 80 }), (parts, max) => {
        const s = parts.join('');
        expect(short(s, max)).toBe(reference(s, max));
        expect(short(s)).toBe(reference(s));
      }),
      { seed: 20261124, numRuns: 3000 },
    );
  });
});
