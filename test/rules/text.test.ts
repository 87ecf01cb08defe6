import { describe, expect, it } from 'vitest';
import { contentTerms, isBlank, phraseRegex, posIn, quoteAround, stem, truthy, wordCount } from '../../src/rules/text.js';

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
