// The file's footer (parquet.thrift `FileMetaData`), written as row groups complete: each
// row group's metadata is turned into its Thrift bytes at once and kept as bytes, so a file
// of millions of events holds no metadata objects (hyparquet-writer kept 67 KiB of objects a
// row group until its footer). Statistics are cut to 16 bytes as hyparquet-writer cuts them.
import type { CompressionCodec, KeyValue, ParquetType, SchemaElement } from 'hyparquet';
import { ByteBuffer } from './byte-buffer.ts';
import {
  encodingPlain,
  encodingRle,
  encodingRleDictionary,
  pageTypeDataV2,
  pageTypeDictionary,
} from './page-encoding.ts';
import { ThriftWriter, thriftBinary, thriftI32, thriftStruct } from './thrift-compact.ts';

/** What the footer says of one column chunk. */
export interface ChunkFacts {
  type: ParquetType;
  path: readonly string[];
  codec: CompressionCodec;
  /** Level slots: values and nulls. */
  values: number;
  nulls: number;
  /** Where the chunk starts: its dictionary page, else its first data page. */
  offset: number;
  dataOffset: number;
  dictionaryOffset: number | undefined;
  uncompressedSize: number;
  compressedSize: number;
  dataPages: number;
  /** Min and max as the bytes Parquet compares (before truncation); none without values. */
  min: Uint8Array | undefined;
  max: Uint8Array | undefined;
}

// parquet.thrift's enums, in their order.
const parquetTypes: readonly ParquetType[] = [
  'BOOLEAN',
  'INT32',
  'INT64',
  'INT96',
  'FLOAT',
  'DOUBLE',
  'BYTE_ARRAY',
  'FIXED_LEN_BYTE_ARRAY',
];
const repetitionTypes = ['REQUIRED', 'OPTIONAL', 'REPEATED'];
const codecs: readonly CompressionCodec[] = [
  'UNCOMPRESSED',
  'SNAPPY',
  'GZIP',
  'LZO',
  'BROTLI',
  'LZ4',
  'ZSTD',
  'LZ4_RAW',
];
/** `ConvertedType`: the ones our schema uses. */
const convertedTypes: Partial<Record<string, number>> = { UTF8: 0, LIST: 3, DATE: 6 };

/** The position of `value` in one of the enums above. */
function enumValue(values: readonly string[], value: string): number {
  const index = values.indexOf(value);
  if (index < 0) throw new Error(`the footer writer has no ${value}`);
  return index;
}

// The bytes a byte-array bound keeps (hyparquet-writer's default).
const statisticsLength = 16;

const utf8 = new TextEncoder();
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** A lower bound of at most `statisticsLength` bytes: cut at a UTF-8 character boundary for text. */
function truncateMin(bytes: Uint8Array, text: boolean): Uint8Array {
  if (bytes.length <= statisticsLength) return bytes;
  let end = statisticsLength;
  if (text) while (end > 0 && ((bytes[end] as number) & 0xc0) === 0x80) end--;
  return bytes.slice(0, end);
}

/** An upper bound of at most `statisticsLength` bytes: the prefix's last byte below 0xFF raised. */
function truncateMaxBytes(bytes: Uint8Array): Uint8Array | undefined {
  let last = statisticsLength - 1;
  while (last >= 0 && bytes[last] === 0xff) last--;
  if (last < 0) return undefined;
  const rounded = bytes.slice(0, last + 1);
  rounded[last] = (rounded[last] as number) + 1;
  return rounded;
}

/**
 * An upper bound of at most `statisticsLength` bytes for UTF-8 text: a prefix on a character boundary
 * whose last character is raised to the next one that fits (surrogates skipped).
 */
function truncateMaxText(bytes: Uint8Array): Uint8Array | undefined {
  let end = statisticsLength;
  while (end > 0 && ((bytes[end] as number) & 0xc0) === 0x80) end--;
  let text: string;
  try {
    text = strictUtf8.decode(bytes.subarray(0, end));
  } catch {
    return truncateMaxBytes(bytes);
  }
  const codePoints = Array.from(text, (character) => character.codePointAt(0) ?? 0);
  for (let index = codePoints.length - 1; index >= 0; index--) {
    end--;
    while (end > 0 && ((bytes[end] as number) & 0xc0) === 0x80) end--;
    const code = codePoints[index] as number;
    if (code === 0x10ffff) continue;
    const next = utf8.encode(String.fromCodePoint(code === 0xd7ff ? 0xe000 : code + 1));
    if (end + next.length > statisticsLength) continue;
    const rounded = new Uint8Array(end + next.length);
    rounded.set(bytes.subarray(0, end));
    rounded.set(next, end);
    return rounded;
  }
  return undefined;
}

/** The bounds as the footer carries them, and whether each is the value itself. */
function footerBounds(facts: ChunkFacts, text: boolean) {
  const { min, max } = facts;
  if (!min || !max) return undefined;
  if (facts.type !== 'BYTE_ARRAY') return { min, max, minExact: true, maxExact: true };
  const cutMin = truncateMin(min, text);
  const cutMax =
    max.length <= statisticsLength ? max : text ? truncateMaxText(max) : truncateMaxBytes(max);
  return {
    min: cutMin,
    max: cutMax ?? max,
    minExact: cutMin === min,
    maxExact: cutMax === undefined || cutMax === max,
  };
}

export class Footer {
  private readonly rowGroups = new ByteBuffer(1 << 16);
  private readonly thrift = new ThriftWriter(this.rowGroups);
  private groups = 0;
  private rows = 0;
  private readonly textColumns: Set<string>;

  constructor(private readonly schema: readonly SchemaElement[]) {
    this.textColumns = new Set(
      schema.filter((element) => element.converted_type === 'UTF8').map((element) => element.name),
    );
  }

  get rowGroupCount(): number {
    return this.groups;
  }

  /** Bytes the footer holds so far (the metadata of the row groups written). */
  get heldBytes(): number {
    return this.rowGroups.length;
  }

  /** Adds a row group's metadata (parquet.thrift `RowGroup`). */
  addRowGroup(rows: number, chunks: readonly ChunkFacts[]): void {
    const thrift = this.thrift;
    thrift.begin();
    thrift.list(1, thriftStruct, chunks.length);
    let uncompressed = 0;
    let compressed = 0;
    for (const chunk of chunks) {
      this.writeChunk(chunk);
      uncompressed += chunk.uncompressedSize;
      compressed += chunk.compressedSize;
    }
    thrift.i64(2, uncompressed);
    thrift.i64(3, rows);
    thrift.i64(6, compressed);
    thrift.end();
    this.groups++;
    this.rows += rows;
  }

  private writeChunk(chunk: ChunkFacts): void {
    const thrift = this.thrift;
    const dictionary = chunk.dictionaryOffset !== undefined;
    thrift.begin();
    thrift.i64(2, chunk.offset);
    thrift.begin(3);
    thrift.i32(1, enumValue(parquetTypes, chunk.type));
    const encodings = dictionary
      ? [encodingPlain, encodingRle, encodingRleDictionary]
      : [encodingPlain, encodingRle];
    thrift.list(2, thriftI32, encodings.length);
    for (const encoding of encodings) thrift.i32Element(encoding);
    thrift.list(3, thriftBinary, chunk.path.length);
    for (const name of chunk.path) thrift.bytes(name);
    thrift.i32(4, enumValue(codecs, chunk.codec));
    thrift.i64(5, chunk.values);
    thrift.i64(6, chunk.uncompressedSize);
    thrift.i64(7, chunk.compressedSize);
    thrift.i64(9, chunk.dataOffset);
    if (chunk.dictionaryOffset !== undefined) thrift.i64(11, chunk.dictionaryOffset);
    thrift.begin(12);
    thrift.i64(3, chunk.nulls);
    const leaf = chunk.path[chunk.path.length - 1] as string;
    const bounds = footerBounds(chunk, this.textColumns.has(leaf));
    if (bounds) {
      thrift.binary(5, bounds.max);
      thrift.binary(6, bounds.min);
      if (!bounds.maxExact) thrift.bool(7, false);
      if (!bounds.minExact) thrift.bool(8, false);
    }
    thrift.end();
    thrift.list(13, thriftStruct, dictionary ? 2 : 1);
    if (dictionary) {
      thrift.begin();
      thrift.i32(1, pageTypeDictionary);
      thrift.i32(2, encodingPlain);
      thrift.i32(3, 1);
      thrift.end();
    }
    thrift.begin();
    thrift.i32(1, pageTypeDataV2);
    thrift.i32(2, dictionary ? encodingRleDictionary : encodingPlain);
    thrift.i32(3, chunk.dataPages);
    thrift.end();
    thrift.end();
    thrift.end();
  }

  /** The footer: `FileMetaData`, its length and the closing `PAR1`. */
  finish(keyValues: readonly KeyValue[], createdBy: string): Uint8Array {
    const out = new ByteBuffer(this.rowGroups.length + 8192);
    const thrift = new ThriftWriter(out);
    thrift.begin();
    thrift.i32(1, 2);
    thrift.list(2, thriftStruct, this.schema.length);
    for (const element of this.schema) writeSchemaElement(thrift, element);
    thrift.i64(3, this.rows);
    thrift.list(4, thriftStruct, this.groups);
    out.append(this.rowGroups.used());
    if (keyValues.length > 0) {
      thrift.list(5, thriftStruct, keyValues.length);
      for (const { key, value } of keyValues) {
        thrift.begin();
        thrift.binary(1, key);
        if (value !== undefined) thrift.binary(2, value);
        thrift.end();
      }
    }
    thrift.binary(6, createdBy);
    // Every leaf orders its values by their type (TypeDefinedOrder).
    const leaves = this.schema.filter((element) => element.type !== undefined).length;
    thrift.list(7, thriftStruct, leaves);
    for (let leaf = 0; leaf < leaves; leaf++) {
      thrift.begin();
      thrift.begin(1);
      thrift.end();
      thrift.end();
    }
    thrift.end();
    const length = out.length;
    out.uint32(length);
    out.uint32(0x31524150); // PAR1
    return out.used().slice();
  }
}

/** parquet.thrift `LogicalType`: the ones our schema uses. */
const logicalTypeFields: Partial<Record<string, number>> = { STRING: 1, LIST: 3, DATE: 6 };

function writeSchemaElement(thrift: ThriftWriter, element: SchemaElement): void {
  thrift.begin();
  if (element.type !== undefined) thrift.i32(1, enumValue(parquetTypes, element.type));
  if (element.repetition_type !== undefined) {
    thrift.i32(3, enumValue(repetitionTypes, element.repetition_type));
  }
  thrift.binary(4, element.name);
  if (element.num_children !== undefined) thrift.i32(5, element.num_children);
  if (element.converted_type !== undefined) {
    const converted = convertedTypes[element.converted_type];
    if (converted === undefined) {
      throw new Error(`the footer writer has no converted type ${element.converted_type}`);
    }
    thrift.i32(6, converted);
  }
  const logical = element.logical_type?.type;
  if (logical !== undefined) {
    const field = logicalTypeFields[logical];
    if (field === undefined) throw new Error(`the footer writer has no logical type ${logical}`);
    thrift.begin(10);
    thrift.begin(field);
    thrift.end();
    thrift.end();
  }
  thrift.end();
}
