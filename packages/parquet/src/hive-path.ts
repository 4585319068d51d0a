// Hive-style partition paths (`year=2024/country=SDN/`), as Hive, Spark and DuckDB write and
// read them: values are percent-escaped with Hive's set of characters (FileUtils
// .escapePathName), so no value can add a path segment, and a missing value is
// `__HIVE_DEFAULT_PARTITION__`, which DuckDB and Spark read as NULL.
import type { PartitionValue } from './row-to-candidate.ts';

export const hiveDefaultPartition = '__HIVE_DEFAULT_PARTITION__';

// The characters Hive escapes in path names, next to control characters and DEL.
const escapedCharacters = new Set('"#%\'*/:=?\\{[]^');

function mustEscape(character: string): boolean {
  const code = character.charCodeAt(0);
  return code < 0x20 || code === 0x7f || escapedCharacters.has(character);
}

function escapeHive(text: string): string {
  let out = '';
  for (const character of text) {
    out += mustEscape(character)
      ? `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`
      : character;
  }
  return out;
}

function unescapeHive(text: string): string {
  if (!text.includes('%')) return text;
  // Byte by byte, so escaped UTF-8 sequences decode and a stray `%` stays as it is.
  const bytes: number[] = [];
  const encoder = new TextEncoder();
  for (let index = 0; index < text.length; index++) {
    const code = text.slice(index + 1, index + 3);
    if (text[index] === '%' && /^[0-9a-fA-F]{2}$/.test(code)) {
      bytes.push(Number.parseInt(code, 16));
      index += 2;
    } else {
      const codePoint = text.codePointAt(index) as number;
      if (codePoint > 0xffff) index += 1;
      bytes.push(...encoder.encode(String.fromCodePoint(codePoint)));
    }
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}

/** The `key=value` directory of one partition value; empty and absent values share the default. */
export function hiveSegment(key: string, value: string | undefined): string {
  const text = value === undefined || value === '' ? hiveDefaultPartition : escapeHive(value);
  return `${escapeHive(key)}=${text}`;
}

/**
 * The partition keys and values of a path relative to the dataset's folder: every directory
 * named `key=value`, outermost first. The file name itself is not read.
 */
export function partitionValuesOf(relativePath: string): PartitionValue[] {
  const directories = relativePath.split(/[/\\]/).slice(0, -1);
  const values: PartitionValue[] = [];
  for (const directory of directories) {
    const separator = directory.indexOf('=');
    if (separator <= 0) continue;
    const key = unescapeHive(directory.slice(0, separator));
    const text = directory.slice(separator + 1);
    values.push([key, text === hiveDefaultPartition ? null : unescapeHive(text)]);
  }
  return values;
}
