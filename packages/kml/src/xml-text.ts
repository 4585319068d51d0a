// Text of any origin made safe for an XML 1.0 document. XML 1.0 (§2.2, production Char)
// admits tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD and U+10000–U+10FFFF; nothing else can
// appear, not even as a character reference, so the rest is replaced rather than escaped.

/** What stands in for a character XML 1.0 cannot carry. */
export const replacementCharacter = '\uFFFD';

const ampersand = 0x26;
const lessThan = 0x3c;
const greaterThan = 0x3e;
const quote = 0x22;
const apostrophe = 0x27;
const tab = 0x09;
const lineFeed = 0x0a;
const carriageReturn = 0x0d;

const markupEscapes = new Map<number, string>([
  [ampersand, '&amp;'],
  [lessThan, '&lt;'],
  // `>` is escaped too, so that `]]>` never appears in character data (§2.4).
  [greaterThan, '&gt;'],
  [quote, '&quot;'],
  [apostrophe, '&apos;'],
  // A parser turns a literal CR into LF (§2.11); a reference keeps it.
  [carriageReturn, '&#13;'],
]);

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * One pass over the UTF-16 units, copying runs that need nothing. A well-formed surrogate
 * pair is passed over whole; a lone surrogate is illegal (and has no UTF-8 form either).
 */
function substitute(value: string, escapeMarkup: boolean): string {
  let out = '';
  let copiedUpTo = 0;
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    let replacement: string | undefined;
    if (code < 0x20) {
      if (code === carriageReturn) replacement = escapeMarkup ? '&#13;' : undefined;
      else if (code !== tab && code !== lineFeed) replacement = replacementCharacter;
    } else if (code < 0x80) {
      if (escapeMarkup) replacement = markupEscapes.get(code);
    } else if (isHighSurrogate(code)) {
      if (isLowSurrogate(value.charCodeAt(index + 1))) {
        index++;
        continue;
      }
      replacement = replacementCharacter;
    } else if (isLowSurrogate(code) || code === 0xfffe || code === 0xffff) {
      replacement = replacementCharacter;
    }
    if (replacement !== undefined) {
      out += value.slice(copiedUpTo, index) + replacement;
      copiedUpTo = index + 1;
    }
  }
  return copiedUpTo === 0 ? value : out + value.slice(copiedUpTo);
}

/** The text with characters XML 1.0 cannot carry replaced by U+FFFD; markup left as is. */
export function replaceIllegalXmlCharacters(value: string): string {
  return substitute(value, false);
}

/** The text as XML character data or an attribute value: escaped, illegal characters replaced. */
export function escapeXml(value: string): string {
  return substitute(value, true);
}

/**
 * The text as a CDATA section. A `]]>` inside would close the section early, so the section
 * is closed between `]]` and `>` and a new one opened: the text read back is unchanged.
 */
export function cdataSection(value: string): string {
  const safe = replaceIllegalXmlCharacters(value).replaceAll(']]>', ']]]]><![CDATA[>');
  return `<![CDATA[${safe}]]>`;
}
