// Text made safe for the XML of the workbook: cell text with the escapes of OOXML strings,
// and plain markup text for names and document properties.

function isHex(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x41 && code <= 0x46) ||
    (code >= 0x61 && code <= 0x66)
  );
}

/** Does `_xHHHH_` start at this index? Readers decode it, so such text in data needs its own escape. */
function startsCharacterEscape(text: string, index: number): boolean {
  // ECMA-376 writes a lower-case x; an upper-case one is escaped too, in case a reader takes it.
  const x = text.charCodeAt(index + 1);
  if ((x !== 0x78 && x !== 0x58) || text.charCodeAt(index + 6) !== 0x5f) return false;
  for (let offset = 2; offset <= 5; offset++)
    if (!isHex(text.charCodeAt(index + offset))) return false;
  return true;
}

// Every character the loop of `escapeCellText` may replace; control characters are the point.
// biome-ignore lint/suspicious/noControlCharactersInRegex: the controls XML cannot carry are what this finds
const mayNeedEscape = /[\u0000-\u001F&<>_\uD800-\uDFFF\uFFFE\uFFFF]/;

function characterEscape(code: number): string {
  return `_x${code.toString(16).toUpperCase().padStart(4, '0')}_`;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * XML 1.0 cannot carry most C0 controls, U+FFFE, U+FFFF or unpaired surrogates, not even as
 * character references. OOXML strings (ST_Xstring, ECMA-376 Part 1 §22.9.2.19) escape any
 * UTF-16 unit as `_xHHHH_`, which Excel decodes; an underscore that would start such an
 * escape in the data is itself escaped (`_x005F_`), so every text comes back exactly. CR is a
 * character reference, because XML parsers turn a literal CR into LF.
 */
export function escapeCellText(text: string): string {
  // Most cells need nothing: one regular expression test is cheaper than the loop below.
  if (!mayNeedEscape.test(text)) return text;
  let out = '';
  let copied = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    let replacement: string | undefined;
    if (code < 0x20) {
      if (code === 0x0d) replacement = '&#13;';
      else if (code !== 0x09 && code !== 0x0a) replacement = characterEscape(code);
    } else if (code === 0x26) replacement = '&amp;';
    else if (code === 0x3c) replacement = '&lt;';
    else if (code === 0x3e) replacement = '&gt;';
    else if (code === 0x5f) {
      if (startsCharacterEscape(text, index)) replacement = '_x005F_';
    } else if (isHighSurrogate(code) && isLowSurrogate(text.charCodeAt(index + 1))) {
      index++;
    } else if (
      isHighSurrogate(code) ||
      isLowSurrogate(code) ||
      code === 0xfffe ||
      code === 0xffff
    ) {
      replacement = characterEscape(code);
    }
    if (replacement !== undefined) {
      out += text.slice(copied, index) + replacement;
      copied = index + 1;
    }
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/** Excel drops leading and trailing white space of a cell's text unless told to keep it. */
export function keepsWhiteSpace(text: string): boolean {
  const isSpace = (code: number) =>
    code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
  return (
    text.length > 0 && (isSpace(text.charCodeAt(0)) || isSpace(text.charCodeAt(text.length - 1)))
  );
}

const markupSpecial = /[&<>"]/g;
const markupEntities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
};

/**
 * Text for element content or attributes outside cells (document properties, sheet names).
 * These are not OOXML strings, so `_xHHHH_` would show literally: characters XML cannot carry
 * become U+FFFD instead.
 */
export function escapeMarkup(text: string): string {
  let clean = '';
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (isHighSurrogate(code) && isLowSurrogate(text.charCodeAt(index + 1))) {
      clean += text.slice(index, index + 2);
      index++;
      continue;
    }
    const illegal =
      (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) ||
      isHighSurrogate(code) ||
      isLowSurrogate(code) ||
      code === 0xfffe ||
      code === 0xffff;
    clean += illegal ? '\uFFFD' : text[index];
  }
  return clean.replace(markupSpecial, (character) => markupEntities[character] ?? character);
}
