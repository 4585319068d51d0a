import { describe, expect, test } from 'vitest';
import { escapeCellText, escapeMarkup, keepsWhiteSpace } from '../src/xml-text.ts';

describe('cell text escaping (OOXML ST_Xstring)', () => {
  test('plain text is returned as it is', () => {
    const text = 'Aleppo — حلب, 2016 😀';
    expect(escapeCellText(text)).toBe(text);
  });

  test('markup characters become entities, CR a character reference; tab and LF stay', () => {
    expect(escapeCellText('a<b>&c')).toBe('a&lt;b&gt;&amp;c');
    expect(escapeCellText('one\r\ntwo\tthree')).toBe('one&#13;\ntwo\tthree');
  });

  test('characters XML cannot carry become _xHHHH_ escapes in upper-case hexadecimal', () => {
    expect(escapeCellText('\u0000\u0008\u000B\u000C\u001F')).toBe(
      '_x0000__x0008__x000B__x000C__x001F_',
    );
    expect(escapeCellText('\uFFFE\uFFFF')).toBe('_xFFFE__xFFFF_');
    expect(escapeCellText('a\uD800b\uDC00')).toBe('a_xD800_b_xDC00_');
    expect(escapeCellText('\uD83D\uDE00')).toBe('\uD83D\uDE00');
  });

  test('an underscore that would start an escape is escaped itself, and only then', () => {
    expect(escapeCellText('_x0041_')).toBe('_x005F_x0041_');
    expect(escapeCellText('_x00ab_')).toBe('_x005F_x00ab_');
    // The underscore closing one escape-like run opens the next: both are escaped.
    expect(escapeCellText('_x0041_x0042_')).toBe('_x005F_x0041_x005F_x0042_');
    // Some readers take an upper-case X too; escaping it costs nothing and decodes the same.
    expect(escapeCellText('_X0041_')).toBe('_x005F_X0041_');
    expect(escapeCellText('_x004_ _x0041 _x004G_ snake_case x_')).toBe(
      '_x004_ _x0041 _x004G_ snake_case x_',
    );
  });

  test('leading or trailing white space asks for xml:space="preserve"', () => {
    expect(keepsWhiteSpace(' a')).toBe(true);
    expect(keepsWhiteSpace('a\n')).toBe(true);
    expect(keepsWhiteSpace('\ta')).toBe(true);
    expect(keepsWhiteSpace('a b')).toBe(false);
    expect(keepsWhiteSpace('')).toBe(false);
  });
});

describe('markup text outside cells', () => {
  test('entities for markup, U+FFFD for what XML cannot carry, pairs kept', () => {
    expect(escapeMarkup('"A" & <B> \u0001 \uD800 \uD83D\uDE00')).toBe(
      '&quot;A&quot; &amp; &lt;B&gt; \uFFFD \uFFFD \uD83D\uDE00',
    );
  });
});
