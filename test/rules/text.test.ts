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
});
