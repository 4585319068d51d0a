// Both formats start with `{`, so each sniff answers for its own shape and the two never
// claim the same input:
// - a JSON dataset starts with `[`, or with `{` whose first key is an envelope key
//   (`schemaVersion`, `title`, `events`, …), or with `{` whose first line is not a whole
//   object (a pretty-printed document) and which names `events` or `schemaVersion` — other
//   JSON documents (an API page of another source) are not claimed;
// - NDJSON starts with `{` whose first key is not an envelope key, and whose first line is
//   a whole object (ends with `}`) or runs past the bytes given.
// `sources` is left out of the envelope keys because events have a `sources` key too.
// GeoJSON (a FeatureCollection, a Feature, a sequence or array of Features) is JSON too, and
// is left to the GeoJSON formats: a `"type": "Feature…"` member is never an event's.

const envelopeKeys = new Set([
  'schemaVersion',
  'title',
  'description',
  'licence',
  'attribution',
  'generatedAt',
  'events',
]);

const firstKeyPattern = /^\{\s*"((?:[^"\\]|\\.)*)"/;
const geoJsonType = /"type"\s*:\s*"(?:Feature|FeatureCollection)"/;

export type JsonShape = 'dataset' | 'lines' | 'neither';

function decodeLeniently(bytes: Uint8Array): string {
  // A UTF-16 byte-order mark picks the decoder; the UTF-8 one is dropped by TextDecoder.
  let encoding = 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) encoding = 'utf-16le';
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) encoding = 'utf-16be';
  return new TextDecoder(encoding, { fatal: false }).decode(bytes);
}

/** Which of the two JSON layouts the first bytes of an input look like. */
export function sniffJsonShape(firstBytes: Uint8Array): JsonShape {
  const text = decodeLeniently(firstBytes).trimStart();
  if (geoJsonType.test(text)) return 'neither';
  if (text.startsWith('[')) return 'dataset';
  if (!text.startsWith('{')) return 'neither';
  const firstKey = firstKeyPattern.exec(text)?.[1];
  if (firstKey !== undefined && envelopeKeys.has(firstKey)) return 'dataset';
  const lineEnd = text.indexOf('\n');
  if (lineEnd === -1) return 'lines';
  if (text.slice(0, lineEnd).trimEnd().endsWith('}')) return 'lines';
  return /"(?:events|schemaVersion)"\s*:/.test(text) ? 'dataset' : 'neither';
}
