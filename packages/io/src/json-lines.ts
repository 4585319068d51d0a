// The start every line-based JSON reader (NDJSON, GeoJSONSeq) shares: its options checked,
// the input decoded, and a splitter for its lines with byte offsets that count the BOM.
import type { CommonReadOptions } from './format.ts';
import {
  type JsonReadSettings,
  type JsonTextReadOptions,
  resolveJsonReadSettings,
} from './json-read-settings.ts';
import { LineSplitter } from './lines.ts';
import { decodeText, type TextInput } from './text-decode.ts';

export interface JsonLinesInput extends Omit<JsonReadSettings, 'decode'> {
  text: TextInput;
  /** Takes the decoded chunks; each line holds at most `limits.maxRecordLength` characters. */
  lines: LineSplitter;
}

/** Checks the options (a RangeError names a bad one, before any byte is read), then decodes. */
export async function openJsonLines(
  bytes: AsyncIterable<Uint8Array>,
  options: Partial<JsonTextReadOptions> & CommonReadOptions,
  defaults: Readonly<JsonTextReadOptions>,
): Promise<JsonLinesInput> {
  const { decode, ...settings } = resolveJsonReadSettings(options, defaults);
  const text = await decodeText(bytes, decode);
  const lines = new LineSplitter({
    limits: settings.limits,
    byteLength: text.byteLength,
    startByteOffset: text.bomBytes,
  });
  return { ...settings, text, lines };
}
