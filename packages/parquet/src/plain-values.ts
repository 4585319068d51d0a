// Values as hyparquet decodes them, turned into what the model and JSON can hold: dates as
// ISO text, 64-bit integers as numbers (or text when beyond 2^53), timestamps as ISO
// date-times, binary as text. Columns of other tools end in `provenance.unmapped`, which
// takes JSON scalars only, so nothing may stay a bigint, a Date or a byte array.
import type { ParquetParsers } from 'hyparquet';
import { isoDateFromDays } from './civil-date.ts';

// ignoreBOM: a text that starts with U+FEFF keeps it (TextDecoder drops it by default).
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function isoFromMilliseconds(milliseconds: number, fraction = ''): string {
  const date = new Date(milliseconds);
  if (Number.isNaN(date.getTime())) return String(milliseconds);
  const text = date.toISOString();
  return fraction ? `${text.slice(0, -1)}${fraction}Z` : text;
}

function isoFromUnits(value: bigint, unitsPerMillisecond: bigint, digits: number): string {
  const milliseconds = value / unitsPerMillisecond;
  let rest = value % unitsPerMillisecond;
  let whole = milliseconds;
  if (rest < 0n) {
    rest += unitsPerMillisecond;
    whole -= 1n;
  }
  return isoFromMilliseconds(Number(whole), rest === 0n ? '' : String(rest).padStart(digits, '0'));
}

/** How hyparquet turns logical types into values: text the model reads, never Date objects. */
export const readParsers: Partial<ParquetParsers> = {
  dateFromDays: (days) => isoDateFromDays(days),
  timestampFromMilliseconds: (value) => isoFromMilliseconds(Number(value)),
  timestampFromMicroseconds: (value) => isoFromUnits(value, 1000n, 3),
  timestampFromNanoseconds: (value) => isoFromUnits(value, 1_000_000n, 6),
  // Geometry columns are decoded by us (the primary one) or left out (coverings).
  stringFromBytes: (bytes) => bytes && utf8.decode(bytes),
  geometryFromBytes: (bytes) => bytes,
  geographyFromBytes: (bytes) => bytes,
};

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Binary without a text annotation: its text when it is UTF-8, else `0x` and hexadecimal. */
export function binaryText(bytes: Uint8Array): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return `0x${hex(bytes)}`;
  }
}

/** A decoded Parquet value as plain JSON data. */
export function plainValue(value: unknown): unknown {
  if (value === null || value === undefined) return value;
  switch (typeof value) {
    case 'bigint':
      return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)
        ? Number(value)
        : String(value);
    case 'number':
      // JSON has no NaN or infinities; their text keeps them visible.
      return Number.isFinite(value) ? value : String(value);
    case 'object':
      if (value instanceof Uint8Array) return binaryText(value);
      if (value instanceof Date) return isoFromMilliseconds(value.getTime());
      if (Array.isArray(value)) return value.map(plainValue);
      if (ArrayBuffer.isView(value))
        return Array.from(value as unknown as ArrayLike<unknown>, plainValue);
      return Object.fromEntries(
        Object.entries(value as Record<string, unknown>).map(([key, inner]) => [
          key,
          plainValue(inner),
        ]),
      );
    default:
      return value;
  }
}

/** Text of any decoded value, for rejects (`raw`) and issue values. */
export function plainText(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
}
