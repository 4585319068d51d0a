// The footer written as row groups complete is byte for byte the one hyparquet-writer writes
// from the same metadata as objects: Thrift encoding, statistics cut to 16 bytes (a max
// raised to stay above the values), exactness flags.
import {
  type ColumnChunk,
  type KeyValue,
  parquetMetadata,
  type RowGroup,
  type SchemaElement,
} from 'hyparquet';
import { ByteWriter, ParquetWriter } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import { type ChunkFacts, Footer } from '../src/footer.ts';
import { parquetColumns, parquetSchema } from '../src/parquet-columns.ts';

// The file's own schema for a few columns, one of each kind: text, INT64, DATE, DOUBLE,
// BOOLEAN, a list of text, then `geometry` (bytes without a text type) and the `bbox` struct.
const schema: SchemaElement[] = parquetSchema(
  parquetColumns.filter((column) =>
    ['notes', 'fatalities_best', 'date_start', 'latitude', 'civilian_targeting', 'tags'].includes(
      column.name,
    ),
  ),
);

const utf8 = new TextEncoder();

function littleEndian(write: (view: DataView) => void, bytes: number): Uint8Array {
  const out = new Uint8Array(bytes);
  write(new DataView(out.buffer));
  return out;
}

interface Case {
  path: string[];
  type: ChunkFacts['type'];
  /** The bounds as bytes (ours) and as hyparquet-writer's values. */
  bounds?: { min: Uint8Array; max: Uint8Array; minValue: unknown; maxValue: unknown };
}

function text(min: string, max: string) {
  return { min: utf8.encode(min), max: utf8.encode(max), minValue: min, maxValue: max };
}

const cases: Case[] = [
  // Short: kept whole. Long: cut at a character boundary, the max raised.
  { path: ['notes'], type: 'BYTE_ARRAY', bounds: text('alpha', 'omega') },
  {
    path: ['notes'],
    type: 'BYTE_ARRAY',
    bounds: text('قصف مدفعي على الأحياء الشرقية', 'Вооружённые силы обстреляли'),
  },
  {
    path: ['notes'],
    type: 'BYTE_ARRAY',
    // The last characters of the max cannot be raised; the one before them can.
    bounds: text('aaaaaaaaaaaaaaa😀tail', `a${'\u{10ffff}'.repeat(4)}`),
  },
  { path: ['notes'], type: 'BYTE_ARRAY' },
  {
    path: ['fatalities_best'],
    type: 'INT64',
    bounds: {
      min: littleEndian((view) => view.setBigInt64(0, 0n, true), 8),
      max: littleEndian((view) => view.setBigInt64(0, 2n ** 40n, true), 8),
      minValue: 0n,
      maxValue: 2n ** 40n,
    },
  },
  {
    path: ['date_start'],
    type: 'INT32',
    bounds: {
      min: littleEndian((view) => view.setInt32(0, -3, true), 4),
      max: littleEndian((view) => view.setInt32(0, 19_000, true), 4),
      minValue: -3,
      maxValue: 19_000,
    },
  },
  {
    path: ['latitude'],
    type: 'DOUBLE',
    bounds: {
      min: littleEndian((view) => view.setFloat64(0, -0, true), 8),
      max: littleEndian((view) => view.setFloat64(0, 36.5, true), 8),
      minValue: -0,
      maxValue: 36.5,
    },
  },
  {
    path: ['civilian_targeting'],
    type: 'BOOLEAN',
    bounds: { min: Uint8Array.of(0), max: Uint8Array.of(1), minValue: false, maxValue: true },
  },
  {
    path: ['tags', 'list', 'element'],
    type: 'BYTE_ARRAY',
    bounds: text('conflict-related-sexual-violence', 'toll-disputed'),
  },
  {
    path: ['geometry'],
    type: 'BYTE_ARRAY',
    bounds: {
      min: Uint8Array.from({ length: 21 }, (_, index) => index),
      max: Uint8Array.from({ length: 21 }, (_, index) => (index < 15 ? 7 : 0xff)),
      minValue: Uint8Array.from({ length: 21 }, (_, index) => index),
      maxValue: Uint8Array.from({ length: 21 }, (_, index) => (index < 15 ? 7 : 0xff)),
    },
  },
];

function facts(index: number, item: Case, dictionary: boolean): ChunkFacts {
  const offset = 4 + index * 1000;
  return {
    type: item.type,
    path: item.path,
    codec: 'ZSTD',
    values: 1500 + index,
    nulls: item.bounds ? index : 1500 + index,
    offset,
    dataOffset: dictionary ? offset + 100 : offset,
    dictionaryOffset: dictionary ? offset : undefined,
    uncompressedSize: 2 ** 33 + index,
    compressedSize: 900 + index,
    dataPages: 1 + (index % 3),
    min: item.bounds?.min,
    max: item.bounds?.max,
  };
}

/** The same chunk as hyparquet-writer's objects. */
function chunkObject(chunk: ChunkFacts, item: Case): ColumnChunk {
  const dictionary = chunk.dictionaryOffset !== undefined;
  const statistics: NonNullable<ColumnChunk['meta_data']>['statistics'] = {
    null_count: BigInt(chunk.nulls),
  };
  if (item.bounds) {
    statistics.min_value = item.bounds.minValue as never;
    statistics.max_value = item.bounds.maxValue as never;
  }
  return {
    file_offset: BigInt(chunk.offset),
    meta_data: {
      type: chunk.type,
      encodings: dictionary ? ['PLAIN', 'RLE', 'RLE_DICTIONARY'] : ['PLAIN', 'RLE'],
      path_in_schema: [...chunk.path],
      codec: chunk.codec,
      num_values: BigInt(chunk.values),
      total_uncompressed_size: BigInt(chunk.uncompressedSize),
      total_compressed_size: BigInt(chunk.compressedSize),
      data_page_offset: BigInt(chunk.dataOffset),
      ...(dictionary ? { dictionary_page_offset: BigInt(chunk.offset) } : {}),
      statistics,
      encoding_stats: [
        ...(dictionary
          ? [{ page_type: 'DICTIONARY_PAGE' as const, encoding: 'PLAIN' as const, count: 1 }]
          : []),
        {
          page_type: 'DATA_PAGE_V2' as const,
          encoding: dictionary ? ('RLE_DICTIONARY' as const) : ('PLAIN' as const),
          count: chunk.dataPages,
        },
      ],
    },
  };
}

describe('Footer', () => {
  it('writes the footer hyparquet-writer writes from the same metadata', () => {
    const keyValues: KeyValue[] = [
      { key: 'geo', value: '{"version":"1.1.0"}' },
      { key: 'conflict-events', value: '{"title":"Événements"}' },
    ];
    const footer = new Footer(schema);
    const rowGroups: RowGroup[] = [];
    for (let group = 0; group < 3; group++) {
      const chunks = cases.map((item, index) =>
        facts(index + group, item, (index + group) % 2 === 0),
      );
      footer.addRowGroup(1500 + group, chunks);
      const columns = chunks.map((chunk, index) => chunkObject(chunk, cases[index] as Case));
      rowGroups.push({
        columns,
        total_byte_size: chunks.reduce((sum, chunk) => sum + BigInt(chunk.uncompressedSize), 0n),
        num_rows: BigInt(1500 + group),
        total_compressed_size: chunks.reduce(
          (sum, chunk) => sum + BigInt(chunk.compressedSize),
          0n,
        ),
      });
    }
    const ours = footer.finish(keyValues, 'test');

    const writer = new ByteWriter();
    const parquet = new ParquetWriter({ writer, schema, createdBy: 'test', kvMetadata: keyValues });
    parquet.row_groups = rowGroups;
    parquet.num_rows = rowGroups.reduce((sum, group) => sum + group.num_rows, 0n);
    void parquet.finish();
    // Their bytes start with the header `PAR1`, ours with the footer.
    const theirs = writer.getBytes().slice(4);
    expect(ours.length).toBeGreaterThan(500);
    expect(ours).toEqual(theirs);
  });

  it('writes a file without row groups, which hyparquet reads', () => {
    const footer = new Footer(schema).finish([{ key: 'geo', value: '{}' }], 'test');
    const file = new Uint8Array(4 + footer.length);
    file.set([0x50, 0x41, 0x52, 0x31]);
    file.set(footer, 4);
    const metadata = parquetMetadata(file.buffer);
    expect(metadata.num_rows).toBe(0n);
    expect(metadata.row_groups).toEqual([]);
    expect(metadata.schema.map((element) => element.name)).toEqual(
      schema.map((element) => element.name),
    );
    expect(metadata.key_value_metadata).toEqual([{ key: 'geo', value: '{}' }]);
  });
});
