// Column chunks encoded as events arrive. Each leaf column of the file keeps its levels and
// values as the bytes they are written as (outside V8's heap), and writes them as a column
// chunk when the row group is full: a dictionary page when one pays, then data pages (v2) of
// about `pageSize` bytes of values each, with the chunk's statistics for the footer.
import type { CompressionCodec, ParquetType } from 'hyparquet';
import { ByteBuffer, compareByteRanges, IntBuffer } from './byte-buffer.ts';
import type { ChunkFacts } from './footer.ts';
import {
  bitWidth,
  encodingPlain,
  encodingRleDictionary,
  writeDataPageV2Header,
  writeDictionaryPageHeader,
  writeHybrid,
} from './page-encoding.ts';
import { wkbPointLength, writeWkbPoint } from './wkb-point.ts';

/** Where a chunk's bytes go: the file writer's sink, which counts the file's bytes. */
export interface ChunkSink {
  readonly offset: number;
  appendBytes(bytes: Uint8Array): void;
}

export type Compress = ((bytes: Uint8Array) => Uint8Array) | undefined;

export interface ChunkSettings {
  codec: CompressionCodec;
  compress: Compress;
  /** Bytes of values after which a page ends (at the next row). */
  pageSize: number;
}

/** Min and max as the bytes Parquet compares: PLAIN little-endian numbers, raw byte arrays. */
interface Bounds {
  min: Uint8Array;
  max: Uint8Array;
}

/** A page's values section, uncompressed. */
interface PageValues {
  encoding: number;
  bytes: Uint8Array;
}

/** The values of one leaf column (nulls are in its levels, not here). */
interface ValueStore {
  readonly count: number;
  /** About how many bytes the values before `index` take as PLAIN. */
  bytesBefore(index: number): number;
  /** Settles the encoding; returns the dictionary page's body, if the chunk has one. */
  dictionary(): { bytes: Uint8Array; entries: number } | undefined;
  page(start: number, end: number, scratch: ByteBuffer): PageValues;
  /** Min and max; none when there is no value (NaN is not one). */
  bounds(): Bounds | undefined;
  clear(): void;
}

// A dictionary holds at most this many bytes of values (parquet-java's default dictionary page
// size).
const maxDictionaryBytes = 1 << 20;
// After this many values, a column with more distinct values than half of them is not worth a
// dictionary: it goes PLAIN for the rest of the chunk.
const dictionaryProbe = 1000;

/**
 * The string as its own copy. A reader's strings are often slices of the text chunk they were
 * cut from, and V8 keeps the whole chunk alive as long as a slice of it lives. Dictionary keys
 * live for a row group, so they are copied. (Prepending a character and slicing it off makes V8
 * flatten the string into a new one; short strings are copied by V8 anyway.)
 */
export function ownCopy(text: string): string {
  return text.length < 13 ? text : ` ${text}`.slice(1);
}

/** Byte arrays (PLAIN: a 4-byte length, then the bytes), each value's start kept. */
class PlainByteArrays {
  readonly bytes = new ByteBuffer(256);
  readonly starts = new IntBuffer(64);

  /** Where value `index` starts, its length included (the end of the bytes past the last). */
  offset(index: number): number {
    return index < this.starts.length ? (this.starts.values[index] as number) : this.bytes.length;
  }

  /** The bytes of value `index`, without its length. */
  start(index: number): number {
    return (this.starts.values[index] as number) + 4;
  }

  end(index: number): number {
    return this.offset(index + 1);
  }

  bounds(): Bounds | undefined {
    const count = this.starts.length;
    if (count === 0) return undefined;
    const all = this.bytes.bytes;
    let min = 0;
    let max = 0;
    for (let index = 1; index < count; index++) {
      const start = this.start(index);
      const end = this.end(index);
      if (compareByteRanges(all, start, end, this.start(min), this.end(min)) < 0) min = index;
      if (compareByteRanges(all, start, end, this.start(max), this.end(max)) > 0) max = index;
    }
    return {
      min: all.slice(this.start(min), this.end(min)),
      max: all.slice(this.start(max), this.end(max)),
    };
  }

  clear(): void {
    this.bytes.clear();
    this.starts.clear();
  }
}

/**
 * UTF-8 strings: dictionary-encoded while that pays, PLAIN otherwise. The dictionary is given
 * up (its values copied out as PLAIN) when it passes 1 MiB, when over half the first 1 000 values
 * are distinct, or at the end of the chunk when it would not be smaller than PLAIN.
 */
export class StringValues implements ValueStore {
  /** Whether the values are dictionary-encoded (else PLAIN). */
  private dictionaryEncoded = true;
  /** The dictionary's entries by value (made on the first value). */
  private index: Map<string, number> | undefined;
  /** The dictionary's entries, PLAIN. */
  private readonly entries = new PlainByteArrays();
  private readonly indexes = new IntBuffer(64);
  /** The bytes the values would take as PLAIN. */
  private plainBytes = 0;
  private readonly plain = new PlainByteArrays();

  get count(): number {
    return this.dictionaryEncoded ? this.indexes.length : this.plain.starts.length;
  }

  add(text: string): void {
    if (!this.dictionaryEncoded) {
      this.plain.starts.push(this.plain.bytes.length);
      this.plain.bytes.utf8WithLength(text);
      return;
    }
    this.index ??= new Map();
    const index = this.index;
    let entry = index.get(text);
    if (entry === undefined) {
      entry = this.entries.starts.length;
      this.entries.starts.push(this.entries.bytes.length);
      this.entries.bytes.utf8WithLength(text);
      index.set(ownCopy(text), entry);
    }
    this.indexes.push(entry);
    this.plainBytes += this.entries.end(entry) - this.entries.start(entry) + 4;
    if (
      this.entries.bytes.length > maxDictionaryBytes ||
      (this.indexes.length === dictionaryProbe && index.size * 2 > dictionaryProbe)
    ) {
      this.toPlain();
    }
  }

  /** Gives the dictionary up: the values so far written out as PLAIN. */
  private toPlain(): void {
    const from = this.entries.bytes.bytes;
    for (let value = 0; value < this.indexes.length; value++) {
      const entry = this.indexes.values[value] as number;
      this.plain.starts.push(this.plain.bytes.length);
      this.plain.bytes.append(from.subarray(this.entries.offset(entry), this.entries.end(entry)));
    }
    this.dictionaryEncoded = false;
    this.index = undefined;
    this.entries.clear();
    this.indexes.clear();
  }

  /** Bits a dictionary index takes. */
  private indexWidth(): number {
    return bitWidth(Math.max(0, this.entries.starts.length - 1));
  }

  bytesBefore(index: number): number {
    return this.dictionaryEncoded ? index * 4 : this.plain.offset(index);
  }

  dictionary() {
    if (!this.dictionaryEncoded) return undefined;
    const encoded =
      this.entries.bytes.length + Math.ceil((this.indexes.length * this.indexWidth()) / 8);
    if (encoded >= this.plainBytes) {
      this.toPlain();
      return undefined;
    }
    return { bytes: this.entries.bytes.used(), entries: this.entries.starts.length };
  }

  page(start: number, end: number, scratch: ByteBuffer): PageValues {
    if (!this.dictionaryEncoded) {
      const bytes = this.plain.bytes.bytes.subarray(
        this.plain.offset(start),
        this.plain.offset(end),
      );
      return { encoding: encodingPlain, bytes };
    }
    const width = this.indexWidth();
    scratch.clear();
    scratch.byte(width);
    writeHybrid(scratch, this.indexes.values, start, end, width);
    return { encoding: encodingRleDictionary, bytes: scratch.used() };
  }

  bounds() {
    return this.dictionaryEncoded ? this.entries.bounds() : this.plain.bounds();
  }

  clear(): void {
    this.dictionaryEncoded = true;
    this.index = undefined;
    this.entries.clear();
    this.indexes.clear();
    this.plainBytes = 0;
    this.plain.clear();
  }
}

/** A point as a PLAIN byte array: its length, then its WKB. */
const plainPointLength = 4 + wkbPointLength;

/** WKB points, PLAIN (each point is its own value; a dictionary would not pay). */
export class PointValues implements ValueStore {
  private readonly plain = new PlainByteArrays();

  get count(): number {
    return this.plain.starts.length;
  }

  /** The point as WKB, after its length. */
  add(lon: number, lat: number): void {
    const buffer = this.plain.bytes;
    this.plain.starts.push(buffer.length);
    buffer.uint32(wkbPointLength);
    writeWkbPoint(buffer, lon, lat);
  }

  bytesBefore(index: number): number {
    return index * plainPointLength;
  }

  dictionary() {
    return undefined;
  }

  page(start: number, end: number): PageValues {
    return {
      encoding: encodingPlain,
      bytes: this.plain.bytes.bytes.subarray(start * plainPointLength, end * plainPointLength),
    };
  }

  bounds() {
    return this.plain.bounds();
  }

  clear(): void {
    this.plain.clear();
  }
}

/**
 * Fixed-width numbers, PLAIN, with their min and max. NaN (a DOUBLE only) takes no part in the
 * bounds, and a zero bound is -0 as min and +0 as max, as Parquet asks of floating point (the
 * same bytes for integers).
 */
abstract class NumberValues implements ValueStore {
  protected readonly bytes = new ByteBuffer(64);
  count = 0;
  private min = Number.POSITIVE_INFINITY;
  private max = Number.NEGATIVE_INFINITY;

  constructor(private readonly width: number) {}

  /** Appends one value as its `width` little-endian bytes. */
  protected abstract write(out: ByteBuffer, value: number): void;

  add(value: number): void {
    this.write(this.bytes, value);
    this.count++;
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
  }

  bytesBefore(index: number): number {
    return index * this.width;
  }

  dictionary() {
    return undefined;
  }

  page(start: number, end: number): PageValues {
    return {
      encoding: encodingPlain,
      bytes: this.bytes.bytes.subarray(start * this.width, end * this.width),
    };
  }

  bounds(): Bounds | undefined {
    // No value, or NaN only (NaN compares false both ways, so it never moves min or max).
    if (this.min > this.max) return undefined;
    const out = new ByteBuffer(2 * this.width);
    this.write(out, this.min === 0 ? -0 : this.min);
    this.write(out, this.max === 0 ? 0 : this.max);
    return {
      min: out.bytes.slice(0, this.width),
      max: out.bytes.slice(this.width, 2 * this.width),
    };
  }

  clear(): void {
    this.bytes.clear();
    this.count = 0;
    this.min = Number.POSITIVE_INFINITY;
    this.max = Number.NEGATIVE_INFINITY;
  }
}

/** INT32 (and DATE: days since 1970-01-01). */
export class Int32Values extends NumberValues {
  constructor() {
    super(4);
  }

  protected write(out: ByteBuffer, value: number): void {
    out.int32(value);
  }
}

/** INT64 from safe integers. */
export class Int64Values extends NumberValues {
  constructor() {
    super(8);
  }

  protected write(out: ByteBuffer, value: number): void {
    out.int64(value);
  }
}

/** DOUBLE. */
export class DoubleValues extends NumberValues {
  constructor() {
    super(8);
  }

  protected write(out: ByteBuffer, value: number): void {
    out.float64(value);
  }
}

/** BOOLEAN, PLAIN: one bit a value, the first in the lowest bit. */
export class BooleanValues implements ValueStore {
  private readonly values = new ByteBuffer(64);
  private seen = 0;

  get count(): number {
    return this.values.length;
  }

  add(value: boolean): void {
    this.values.byte(value ? 1 : 0);
    this.seen |= value ? 2 : 1;
  }

  bytesBefore(index: number): number {
    return index / 8;
  }

  dictionary() {
    return undefined;
  }

  page(start: number, end: number, scratch: ByteBuffer): PageValues {
    scratch.clear();
    const values = this.values.bytes;
    for (let index = start; index < end; index += 8) {
      let byte = 0;
      for (let bit = 0; bit < 8 && index + bit < end; bit++) {
        byte |= (values[index + bit] as number) << bit;
      }
      scratch.byte(byte);
    }
    return { encoding: encodingPlain, bytes: scratch.used() };
  }

  bounds() {
    if (this.seen === 0) return undefined;
    return {
      min: Uint8Array.of((this.seen & 1) === 0 ? 1 : 0),
      max: Uint8Array.of((this.seen & 2) !== 0 ? 1 : 0),
    };
  }

  clear(): void {
    this.values.clear();
    this.seen = 0;
  }
}

/**
 * One leaf column of a row group: its definition levels (and repetition levels for a list),
 * one byte a slot, and its values. Flat optional columns have levels 0 (null) and 1; a list of
 * strings has 0 (null list), 1 (empty list) and 2 (an element).
 */
export class LeafColumn<V extends ValueStore> {
  readonly definitions = new ByteBuffer(64);
  readonly repetitions: ByteBuffer | undefined;
  rows = 0;

  constructor(
    readonly path: string[],
    readonly type: ParquetType,
    readonly maxDefinition: number,
    readonly values: V,
    repeated = false,
  ) {
    this.repetitions = repeated ? new ByteBuffer(64) : undefined;
  }

  /** A row whose value is about to be added to `values`. */
  present(): void {
    this.definitions.byte(this.maxDefinition);
    this.rows++;
  }

  /** A row without a value (a null, or a null list). */
  absent(): void {
    this.definitions.byte(0);
    this.repetitions?.byte(0);
    this.rows++;
  }

  /** A row holding a list (only for repeated columns): `elements` values follow in `values`. */
  list(elements: number): void {
    const repetitions = this.repetitions as ByteBuffer;
    this.rows++;
    if (elements === 0) {
      this.definitions.byte(1);
      repetitions.byte(0);
      return;
    }
    for (let element = 0; element < elements; element++) {
      this.definitions.byte(this.maxDefinition);
      repetitions.byte(element === 0 ? 0 : 1);
    }
  }

  /** Writes the column chunk to `sink` and starts the column again empty. */
  write(sink: ChunkSink, settings: ChunkSettings, scratch: ByteBuffer): ChunkFacts {
    const chunkStart = sink.offset;
    const values = this.values;
    let uncompressed = 0;
    let dictionaryOffset: number | undefined;
    const dictionary = values.dictionary();
    if (dictionary) {
      dictionaryOffset = sink.offset;
      const body = settings.compress ? settings.compress(dictionary.bytes) : dictionary.bytes;
      scratch.clear();
      writeDictionaryPageHeader(scratch, dictionary.bytes.length, body.length, dictionary.entries);
      uncompressed += scratch.length + dictionary.bytes.length;
      sink.appendBytes(scratch.used());
      sink.appendBytes(body);
    }
    const dataOffset = sink.offset;
    const slots = this.definitions.length;
    let pages = 1;
    let pageSlot = 0;
    let pageValue = 0;
    let pageRows = this.rows;
    // Most chunks fit one page; only a larger one is walked slot by slot to find where rows
    // start and how many bytes of values each page has.
    if (values.bytesBefore(values.count) > settings.pageSize) {
      const definitions = this.definitions.bytes;
      const repetitions = this.repetitions?.bytes;
      let value = 0;
      pageRows = 0;
      for (let slot = 0; slot < slots; slot++) {
        const rowStart = !repetitions || repetitions[slot] === 0;
        if (
          rowStart &&
          slot > pageSlot &&
          values.bytesBefore(value) - values.bytesBefore(pageValue) >= settings.pageSize
        ) {
          uncompressed += this.writePage(
            sink,
            settings,
            scratch,
            pageSlot,
            slot,
            pageValue,
            value,
            pageRows,
          );
          pages++;
          pageSlot = slot;
          pageValue = value;
          pageRows = 0;
        }
        if (rowStart) pageRows++;
        if (definitions[slot] === this.maxDefinition) value++;
      }
    }
    uncompressed += this.writePage(
      sink,
      settings,
      scratch,
      pageSlot,
      slots,
      pageValue,
      values.count,
      pageRows,
    );

    const bounds = values.bounds();
    const facts: ChunkFacts = {
      type: this.type,
      path: this.path,
      codec: settings.codec,
      values: slots,
      nulls: slots - values.count,
      offset: chunkStart,
      dataOffset,
      dictionaryOffset,
      uncompressedSize: uncompressed,
      compressedSize: sink.offset - chunkStart,
      dataPages: pages,
      min: bounds?.min,
      max: bounds?.max,
    };
    this.definitions.clear();
    this.repetitions?.clear();
    this.rows = 0;
    values.clear();
    return facts;
  }

  /** One data page (v2); returns its uncompressed size, header included. */
  private writePage(
    sink: ChunkSink,
    settings: ChunkSettings,
    scratch: ByteBuffer,
    slotStart: number,
    slotEnd: number,
    valueStart: number,
    valueEnd: number,
    rows: number,
  ): number {
    const page = this.values.page(valueStart, valueEnd, scratch);
    const body = settings.compress ? settings.compress(page.bytes) : page.bytes;
    // The page's bytes may be a view of `scratch`: levels and header go to a buffer of their own.
    const head = new ByteBuffer(64);
    const levels = new ByteBuffer(64);
    if (this.repetitions) writeHybrid(levels, this.repetitions.bytes, slotStart, slotEnd, 1);
    const repetitionBytes = levels.length;
    writeHybrid(levels, this.definitions.bytes, slotStart, slotEnd, bitWidth(this.maxDefinition));
    writeDataPageV2Header(head, {
      uncompressedSize: levels.length + page.bytes.length,
      compressedSize: levels.length + body.length,
      values: slotEnd - slotStart,
      nulls: slotEnd - slotStart - (valueEnd - valueStart),
      rows,
      encoding: page.encoding,
      definitionBytes: levels.length - repetitionBytes,
      repetitionBytes,
      compressed: settings.compress !== undefined,
    });
    sink.appendBytes(head.used());
    sink.appendBytes(levels.used());
    sink.appendBytes(body);
    return head.length + levels.length + page.bytes.length;
  }
}
