/**
 * The regex prefilter (src/rules/prefilter.ts) may only skip a regex where it cannot match.
 * These tests check that against every regex the rules pass through it, on the text of
 * every sample and fixture and on generated text made from the regexes' own vocabulary.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditEntry } from '../../src/engine/audit.js';
import { loadText } from '../../src/load/file.js';
import { mayMatchText, prefilterNextDocument, registeredRegexes, requiredLiterals } from '../../src/rules/prefilter.js';
import { loadRubric } from '../../src/rubric/load.js';
import { isSpace } from '../../src/rules/space.js';
import { find, findAll, has } from '../../src/rules/text.js';
import type { Doc } from '../../src/types.js';
import { CTX } from '../helpers.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Text as the prefilter compares it: white space runs as one space, ASCII lower case, KELVIN SIGN as k, LONG S as s. */
function foldText(t: string): string {
  return t.replace(/\s+/g, ' ').replace(/[A-Z\u212a\u017f]/g, (c) => (c === '\u212a' ? 'k' : c === '\u017f' ? 's' : c.toLowerCase()));
}

/** Every sample and fixture under 256 KB that reads as offerings. */
function corpus(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = path.join(dir, name);
      let st;
      try {
        st = statSync(p);
      } catch {
        continue;
      }
      if (st.isDirectory()) walk(p);
      else if (st.isFile() && st.size < 256 * 1024 && /\.(?:md|markdown|json)$/.test(name)) out.push(p);
    }
  };
  walk(path.join(ROOT, 'samples'));
  walk(path.join(ROOT, 'test/fixtures'));
  return out;
}

describe('requiredLiterals', () => {
  it('finds the literals every match contains', () => {
    expect(requiredLiterals(String.raw`\bfeedback\b`, 'i')).toEqual(['feedback']);
    expect(requiredLiterals('colou?r', 'i')).toEqual(['color', 'colour']);
    expect(requiredLiterals(String.raw`\bre-?submi(?:t|ts|tted)\b`, 'i')).toEqual(['re-submit', 'resubmit']);
    expect(requiredLiterals(String.raw`\b(?:TODO|TBD)\b|\[(?:insert|add)\b[^\]\n]{0,200}\]`, 'i')).toEqual(['[add', '[insert', 'tbd', 'todo']);
    // The strongest part of a sequence: "student" rather than "of".
    expect(requiredLiterals(String.raw`\b(?:student|learner)s?\S+of\b`, 'i')).toEqual(['learner', 'student']);
    expect(requiredLiterals(String.raw`\b(?:pupil|child)s?\s+work\b`, 'i')).toEqual(['child work', 'childs work', 'pupil work', 'pupils work']);
    // Lookarounds consume nothing, so they give nothing.
    expect(requiredLiterals(String.raw`(?<!not\s)free\b(?!-form)`, 'i')).toEqual(['free']);
    expect(requiredLiterals('[sz]ation', '')).toEqual(['sation', 'zation']);
    // White space, however much and of whatever kind, is one space.
    expect(requiredLiterals(String.raw`on\s+request\s{1,3}only`, 'i')).toEqual(['on request o']);
    // Literals are cut to 12 characters, which merges the two spellings here.
    expect(requiredLiterals(String.raw`available\s+after\s{1,3}enrol(?:l?ment)`, 'i')).toEqual(['available af']);
    expect(requiredLiterals(String.raw`a\s*[\s-]b`, '')).toEqual(['a -b', 'a b', 'a-b']);
  });

  it('gives none where a match need not contain a literal, or the syntax is not known', () => {
    for (const [src, flags] of [
      [String.raw`\d+`, ''],
      ['x*', ''],
      ['a|b*', ''],
      [String.raw`\p{Lu}\p{L}+`, 'u'],
      ['(?i:x)', ''],
      ['[a-z]+', 'v'],
      [String.raw`(\w+)\1`, ''],
      ['’', ''],
    ]) expect(requiredLiterals(src!, flags!), src).toBeNull();
  });
});

describe('what the prefilter assumes of the regex engine', () => {
  it('only KELVIN SIGN and LONG S match an ASCII letter case-insensitively', () => {
    const found: string[] = [];
    for (let a = 65; a <= 122; a++) {
      if (a > 90 && a < 97) continue;
      const letter = String.fromCharCode(a);
      const plain = new RegExp(letter, 'i');
      const unicode = new RegExp(letter, 'iu');
      for (let c = 128; c < 0x10000; c++) {
        if (c >= 0xd800 && c < 0xe000) continue;
        const s = String.fromCharCode(c);
        if (plain.test(s) || unicode.test(s)) found.push(`${letter}:${c.toString(16)}`);
      }
    }
    expect(found.sort()).toEqual(['K:212a', 'S:17f', 'k:212a', 's:17f']);
  });

  it('reads as white space exactly what \\s matches', () => {
    const differ: string[] = [];
    for (let c = 0; c < 0x10000; c++) if (isSpace(c) !== /\s/.test(String.fromCharCode(c))) differ.push(c.toString(16));
    expect(differ).toEqual([]);
  });
});

describe('the prefilter is sound', () => {
  // Run the rules on every sample and fixture: that registers every regex they filter.
  const rubric = loadRubric('default');
  const blocks: string[] = [];
  const docs: Doc[] = [];
  for (const file of corpus()) {
    for (const e of loadText(path.relative(ROOT, file), readFileSync(file, 'utf8'))) {
      auditEntry(e, rubric, CTX);
      auditEntry(e, rubric, CTX);
      if (e.kind === 'offering') {
        docs.push(e.doc);
        for (const b of e.doc.blocks) blocks.push(b.text);
      }
    }
  }
  prefilterNextDocument();
  const regexes = registeredRegexes();
  const lits = new Map(regexes.map((re) => [re, requiredLiterals(re.source, re.flags)]));

  it('filters the regexes the rules use most', () => {
    expect(regexes.length).toBeGreaterThan(30);
    expect([...lits.values()].filter(Boolean).length).toBeGreaterThan(regexes.length * 0.8);
  });

  /** A regex that matches `text` passes the filter; the filter says what the literals say. */
  const check = (text: string) => {
    const folded = foldText(text);
    for (const re of regexes) {
      const l = lits.get(re);
      if (!l) continue;
      const present = l.some((x) => folded.includes(x));
      if (re.test(text)) expect(present, `${re} matches ${JSON.stringify(text.slice(0, 200))} but none of ${JSON.stringify(l)} is in it`).toBe(true);
      expect(mayMatchText(text, re), `automaton and literals disagree on ${re} for ${JSON.stringify(text.slice(0, 200))}`).toBe(present);
    }
  };

  it('on every block of the samples and fixtures', () => {
    expect(blocks.length).toBeGreaterThan(500);
    for (const t of blocks) check(t);
  });

  it('on generated text made of the regexes’ own words, in any case and spacing (fixed seed)', () => {
    const vocab = [...new Set(regexes.flatMap((re) => re.source.match(/[A-Za-z][a-z'’-]{1,14}/g) ?? []))];
    const word = fc.oneof(
      fc.constantFrom(...vocab),
      fc.constantFrom(...vocab).map((w) => w.toUpperCase()),
      fc.constantFrom(...vocab).map((w) => w.replace(/k/g, '\u212a').replace(/s/g, '\u017f')),
      fc.constantFrom('3', '12', '2019', 'a', 'the', 'of', '$40', 'Smith, J. (2019)', 'https://x.org', 'TODO', '[insert'),
    );
    const sep = fc.constantFrom(' ', ' ', ' ', '  ', '\n', '-', '. ', ', ', '\t', '\u00a0', "'s ", '’s ', ': ');
    const text = fc.array(fc.tuple(word, sep), { minLength: 1, maxLength: 14 }).map((ps) => ps.map(([w, s]) => w + s).join(''));
    fc.assert(fc.property(text, (t) => check(t)), { seed: 20261123, numRuns: 400 });
  });

  it('has, find and findAll skip only blocks where the regex does not match, in every kind of scope', () => {
    expect(docs.length).toBeGreaterThan(20);
    let matched = 0;
    for (const doc of docs) {
      const scopes = [...new Set(doc.blocks.map((b) => b.scope))];
      const scopeSets: (string[] | null)[] = [null, [], ['no-such-scope'], ...scopes.map((s) => [s]), scopes.slice(0, 2), scopes.slice(-3).reverse()];
      for (const re of regexes) {
        for (const set of scopeSets) {
          const inScope = doc.blocks.filter((b) => !set || set.includes(b.scope));
          const expected = inScope.flatMap((b) => {
            const m = re.exec(b.text);
            return m ? [{ text: b.text, index: m.index }] : [];
          });
          matched += expected.length;
          const where = `${re} in ${doc.file} (scopes ${JSON.stringify(set)})`;
          expect(has(doc, re, set), where).toBe(expected.length > 0);
          expect(findAll(doc, re, set).map((m) => ({ text: m.block.text, index: m.index })), where).toEqual(expected);
          const first = find(doc, re, set);
          expect(first && { text: first.block.text, index: first.index }, where).toEqual(expected[0] ?? null);
        }
      }
    }
    expect(matched).toBeGreaterThan(1000);
  });
});
