import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kmlColour } from '../src/category-folders.ts';
import { escapeHtml, htmlLink } from '../src/html-text.ts';
import { decimalText } from '../src/number-text.ts';
import { cdataSection, escapeXml, replaceIllegalXmlCharacters } from '../src/xml-text.ts';
import { parseXml, textOf } from './helpers.ts';

/** The text as a parser reads it back from `<t>…</t>`. */
function readBack(content: string): string {
  return textOf(parseXml(`<t>${content}</t>`));
}

describe('escapeXml', () => {
  it('escapes the five markup characters and keeps CR as a reference', () => {
    expect(escapeXml(`<a href="x">&'</a>]]>\r`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;]]&gt;&#13;',
    );
  });

  it('replaces characters XML 1.0 cannot carry with U+FFFD, and keeps tab and LF', () => {
    expect(escapeXml('a\u0000b\u0008c\u000Bd\u000Ce\u001Ff\uFFFEg\uFFFFh\t\n')).toBe(
      'a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf\uFFFDg\uFFFDh\t\n',
    );
  });

  it('replaces lone surrogates and keeps surrogate pairs (emoji)', () => {
    expect(escapeXml('\uD800x\uDC00 \uD83D\uDE00 \uD83D')).toBe('\uFFFDx\uFFFD 😀 \uFFFD');
  });

  it('leaves text needing nothing unchanged, RTL and noncharacters above the BMP included', () => {
    const text = 'مرحبا שלום \u200F\u202E \u{10FFFF} \u0085\u2028';
    expect(escapeXml(text)).toBe(text);
  });

  it('reads back as the input with illegal characters replaced, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(readBack(escapeXml(text))).toBe(replaceIllegalXmlCharacters(text));
      }),
      { numRuns: 300 },
    );
  });
});

describe('cdataSection', () => {
  it('splits a ]]> in the data so that it reads back whole', () => {
    const section = cdataSection('a]]>b]]]]>c');
    expect(section).toBe('<![CDATA[a]]]]><![CDATA[>b]]]]]]><![CDATA[>c]]>');
    expect(readBack(section)).toBe('a]]>b]]]]>c');
  });

  it('reads back as the input with illegal characters replaced, for any text', () => {
    const unit = fc.oneof(
      fc.constantFrom(']', ']]', '>', ']]>', '<![CDATA[', '\u0000', '\r\n', '\uD800'),
      fc.string({ unit: 'binary', maxLength: 3 }),
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 20 }), (parts) => {
        const text = parts.join('');
        // A parser turns CR and CRLF into LF inside CDATA as everywhere (XML 1.0 §2.11).
        const expected = replaceIllegalXmlCharacters(text).replace(/\r\n?/g, '\n');
        expect(readBack(cdataSection(text))).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });
});

describe('escapeHtml and htmlLink', () => {
  it('leaves no character that opens a tag, an attribute, an entity or a Google Earth field', () => {
    expect(escapeHtml(`<img src=x onerror="alert(1)">&'$[name]`)).toBe(
      '&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;&#39;&#36;[name]',
    );
  });

  it('links only http and https URLs', () => {
    expect(htmlLink('https://example.org/a?b=1&c="2"', 'Report')).toBe(
      '<a href="https://example.org/a?b=1&amp;c=&quot;2&quot;">Report</a>',
    );
    expect(htmlLink('javascript:alert(1)', 'Report')).toBe('Report');
    expect(htmlLink('data:text/html,<script>', '<b>')).toBe('&lt;b&gt;');
  });
});

describe('decimalText and kmlColour', () => {
  it('writes plain decimals that read back as the same number', () => {
    expect(decimalText(36.2021)).toBe('36.2021');
    expect(decimalText(-0)).toBe('0');
    expect(decimalText(1e-7)).toBe('0.0000001');
    expect(decimalText(-1.5e-10)).toBe('-0.00000000015');
    expect(decimalText(1.25e21)).toBe('1250000000000000000000');
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        const text = decimalText(value);
        expect(text).toMatch(/^-?\d+(\.\d+)?$/);
        expect(Number(text)).toBe(value + 0);
      }),
      { numRuns: 1000 },
    );
  });

  it('turns #rrggbb into opaque aabbggrr', () => {
    expect(kmlColour('#d7191c')).toBe('ff1c19d7');
    expect(kmlColour('#00FF80')).toBe('ff80ff00');
    expect(() => kmlColour('red')).toThrow();
  });
});
