import { describe, expect, it } from 'vitest';
import { csvField, csvRow, escapeHtml, escapeMarkdown, neutraliseCell } from '../../src/format/escape.js';

describe('escapeHtml', () => {
  it('escapes the five HTML metacharacters, so markup shows as text', () => {
    expect(escapeHtml('<img src=x onerror=alert(1)>')).toBe('&lt;img src=x onerror=alert(1)&gt;');
    expect(escapeHtml(`a & "b" 'c'`)).toBe('a &amp; &quot;b&quot; &#39;c&#39;');
    expect(escapeHtml('</script><script>alert(1)</script>')).not.toMatch(/[<>]/);
  });

  it('escapes an ampersand only once and keeps plain text', () => {
    expect(escapeHtml('&lt;')).toBe('&amp;lt;');
    expect(escapeHtml('Wait time — 3 s')).toBe('Wait time — 3 s');
  });

  it('removes control and bidi-override characters, and renders null as empty', () => {
    expect(escapeHtml('a\u0000b\u001b[31mc\u202Ed')).toBe('ab[31mcd');
    expect(escapeHtml(null)).toBe('');
    expect(escapeHtml(42)).toBe('42');
  });
});

describe('escapeMarkdown', () => {
  it('keeps a table cell in its cell: pipes escaped, newlines as <br>', () => {
    expect(escapeMarkdown('a | b')).toBe('a \\| b');
    expect(escapeMarkdown('one\ntwo\r\nthree')).toBe('one<br>two<br>three');
  });

  it('neutralises HTML and Markdown formatting and links', () => {
    expect(escapeMarkdown('<b>x</b>')).toBe('&lt;b&gt;x&lt;/b&gt;');
    expect(escapeMarkdown('*bold* _it_ [link](http://x) ![img](y) `code` ~s~')).toBe('\\*bold\\* \\_it\\_ \\[link\\](http://x) !\\[img\\](y) \\`code\\` \\~s\\~');
    expect(escapeMarkdown('new-america-2021 (v1)')).toBe('new-america-2021 (v1)');
    expect(escapeMarkdown('a\\|b')).toBe('a\\\\\\|b');
  });
});

describe('CSV', () => {
  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', '=HYPERLINK("http://evil","x")'])('neutralises a cell starting %j', (v) => {
    expect(neutraliseCell(v)).toBe(`'${v}`);
    expect(csvField(v).replace(/^"/, '')).toMatch(/^'/);
  });

  it('leaves other text and numbers alone (a negative number is ours, not document text)', () => {
    expect(neutraliseCell('Wait time')).toBe('Wait time');
    expect(neutraliseCell('a=b')).toBe('a=b');
    expect(csvField(-1)).toBe('-1');
    expect(csvField(null)).toBe('');
  });

  it('quotes fields with commas, quotes and line breaks (RFC 4180) and ends rows with CRLF', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('one\ntwo')).toBe('"one\ntwo"');
    expect(csvRow(['x', 1, null, 'y,z'])).toBe('x,1,,"y,z"\r\n');
  });

  it('removes control characters before neutralising, so they cannot hide a formula', () => {
    expect(csvField('\u0001=cmd')).toBe("'=cmd");
    expect(csvField('\u202E=cmd')).toBe("'=cmd");
  });
});
