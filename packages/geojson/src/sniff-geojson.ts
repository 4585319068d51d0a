// Both formats may start with `{"type":"Feature"`, so their sniffs split the cases and never
// both claim an input:
// - a sequence starts with the record separator (RFC 8142), or is a Feature object followed
//   by more text (the next feature of a newline-delimited file);
// - a GeoJSON document is an object whose top-level `type` is FeatureCollection (or which
//   has a top-level `features` member), or a Feature with nothing after it. One feature on
//   one line is both; read either way it gives the same event.
// A top-level array is left to the JSON dataset format, which claims every `[`.

export type GeoJsonShape = 'collection' | 'feature' | 'sequence' | 'neither';

const recordSeparator = 0x1e;

function decodeLeniently(bytes: Uint8Array): string {
  // A UTF-16 byte-order mark picks the decoder; the UTF-8 one is dropped by TextDecoder.
  let encoding = 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) encoding = 'utf-16le';
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) encoding = 'utf-16be';
  return new TextDecoder(encoding, { fatal: false }).decode(bytes);
}

interface TopLevel {
  type?: string;
  hasFeatures: boolean;
  /** Index of the closing brace of the top-level object, when the sample holds it. */
  end?: number;
}

/** The end of the string starting at `start` (its closing quote), or -1 when cut off. */
function stringEnd(text: string, start: number): number {
  for (let index = start + 1; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 0x5c) index++;
    else if (code === 0x22) return index;
  }
  return -1;
}

function skipSpace(text: string, index: number): number {
  let at = index;
  while (at < text.length && /\s/.test(text.charAt(at))) at++;
  return at;
}

/** The top-level members `type` and `features` of the object starting at index 0. */
function scanTopLevel(text: string): TopLevel {
  const found: TopLevel = { hasFeatures: false };
  let depth = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text.charAt(index);
    if (char === '"') {
      const end = stringEnd(text, index);
      if (end === -1) return found;
      const afterKey = skipSpace(text, end + 1);
      if (depth === 1 && text.charAt(afterKey) === ':') {
        const key = text.slice(index + 1, end);
        if (key === 'features') found.hasFeatures = true;
        const valueStart = skipSpace(text, afterKey + 1);
        if (key === 'type' && text.charAt(valueStart) === '"') {
          const valueEnd = stringEnd(text, valueStart);
          if (valueEnd === -1) return found;
          found.type = text.slice(valueStart + 1, valueEnd);
        }
      }
      index = end;
    } else if (char === '{' || char === '[') depth++;
    else if (char === '}' || char === ']') {
      depth--;
      if (depth === 0) {
        found.end = index;
        return found;
      }
    }
  }
  return found;
}

/** Which of the GeoJSON layouts the first bytes of an input look like. */
export function sniffGeoJsonShape(firstBytes: Uint8Array): GeoJsonShape {
  const text = decodeLeniently(firstBytes).trimStart();
  if (text.charCodeAt(0) === recordSeparator) {
    const next = text.slice(1).trimStart();
    return next === '' || next.startsWith('{') ? 'sequence' : 'neither';
  }
  if (!text.startsWith('{')) return 'neither';
  const top = scanTopLevel(text);
  if (top.type === 'FeatureCollection' || (top.type === undefined && top.hasFeatures)) {
    return 'collection';
  }
  if (top.type !== 'Feature') return 'neither';
  const rest = top.end === undefined ? '' : text.slice(top.end + 1).trimStart();
  return rest.startsWith('{') || rest.charCodeAt(0) === recordSeparator ? 'sequence' : 'feature';
}
