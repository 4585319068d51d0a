// The writer's own column encoding: the RLE / bit-packing hybrid, the byte buffers, and whole
// files whose pages, dictionaries and statistics are read back by hyparquet (our reader) and
// by DuckDB.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ConflictEvent } from '@conflict-events/schema';
import fc from 'fast-check';
import { type FileMetaData, parquetMetadata } from 'hyparquet';
import { afterAll, describe, expect, it } from 'vitest';
import { ByteBuffer } from '../src/byte-buffer.ts';
import { loadCodec } from '../src/compression-codecs.ts';
import { GeoParquetFileWriter } from '../src/geoparquet-file-writer.ts';
import { writeHybrid } from '../src/page-encoding.ts';
import { parquetColumns } from '../src/parquet-columns.ts';
import { concat, duckdb, readParquet, temporaryFolder } from './helpers.ts';
import { syntheticEvent } from './synthetic-events.ts';

/** Reads `count` values of the hybrid encoding, as parquet-format's Encodings.md defines it. */
function readHybrid(bytes: Uint8Array, width: number, count: number): number[] {
  const values: number[] = [];
  let position = 0;
  const varint = () => {
    let value = 0;
    let shift = 0;
    for (;;) {
      const byte = bytes[position++] as number;
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
      shift += 7;
    }
  };
  while (values.length < count) {
    const header = varint();
    if (header % 2 === 0) {
      let value = 0;
      for (let byte = 0; byte < Math.ceil(width / 8); byte++) {
        value += (bytes[position++] as number) * 2 ** (8 * byte);
      }
      for (let run = 0; run < header / 2; run++) values.push(value);
    } else {
      const total = ((header - 1) / 2) * 8;
      for (let index = 0; index < total; index++) {
        let value = 0;
        for (let bit = 0; bit < width; bit++) {
          const at = index * width + bit;
          value += (((bytes[position + (at >> 3)] as number) >> (at & 7)) & 1) * 2 ** bit;
        }
        values.push(value);
      }
      position += (total * width) / 8;
    }
  }
  expect(position).toBe(bytes.length);
  return values.slice(0, count);
}

describe('the RLE / bit-packing hybrid', () => {
  it('reads back as the values, for any width, runs and range', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 25 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 40 })), { maxLength: 30 }),
        fc.nat(),
        fc.nat(),
        (width, runs, cutStart, cutEnd) => {
          const max = width === 0 ? 0 : 2 ** width - 1;
          const values = runs.flatMap(([value, length]) =>
            Array.from({ length }, (_, index) => (value + (length < 8 ? index : 0)) % (max + 1)),
          );
          const start = values.length === 0 ? 0 : cutStart % values.length;
          const end = start + (values.length === 0 ? 0 : cutEnd % (values.length - start + 1));
          const out = new ByteBuffer();
          writeHybrid(out, values, start, end, width);
          expect(readHybrid(out.used(), width, end - start)).toEqual(values.slice(start, end));
        },
      ),
    );
  });

  it('writes a long run as one RLE run and short runs bit-packed', () => {
    const out = new ByteBuffer();
    writeHybrid(out, new Array(1000).fill(1), 0, 1000, 1);
    expect([...out.used()]).toEqual([0xd0, 0x0f, 1]); // varint 2000, the value in one byte
    const mixed = new ByteBuffer();
    writeHybrid(mixed, [1, 0, 1, 1, 0, 0, 0, 1], 0, 8, 1);
    expect([...mixed.used()]).toEqual([3, 0b10001101]);
  });
});

describe('ByteBuffer', () => {
  it('writes INT64 as two-complement little-endian, as DataView does', () => {
    const values = [
      0,
      1,
      2 ** 32 - 1,
      2 ** 32,
      2 ** 32 + 1,
      2 ** 53 - 1,
      -1,
      -(2 ** 32),
      -(2 ** 53) + 1,
    ];
    const buffer = new ByteBuffer(4);
    for (const value of values) buffer.int64(value);
    const expected = new DataView(new ArrayBuffer(values.length * 8));
    for (const [index, value] of values.entries()) {
      expected.setBigInt64(index * 8, BigInt(value), true);
    }
    expect(buffer.used()).toEqual(new Uint8Array(expected.buffer));
  });

  it('writes text as TextEncoder does, after its UTF-8 length', () => {
    const texts = [
      '',
      'ascii only',
      'قوات النظام السوري',
      'Вооружённые силы',
      'flag 🏳️ and 😀',
      'lone \ud800 surrogate',
      `${'a'.repeat(40)}é`,
    ];
    const buffer = new ByteBuffer(1);
    for (const text of texts) buffer.utf8WithLength(text);
    const encoder = new TextEncoder();
    const expected = concat(
      texts.flatMap((text) => {
        const bytes = encoder.encode(text);
        const length = new Uint8Array(4);
        new DataView(length.buffer).setUint32(0, bytes.length, true);
        return [length, bytes];
      }),
    );
    expect(buffer.used()).toEqual(expected);
  });
});

// The file tests write up to 30 000 events; under a loaded CI machine that takes more than
// vitest's default 5 s.
const folder = temporaryFolder();
afterAll(() => folder.remove());

async function writeFile(
  events: readonly ConflictEvent[],
  options: {
    rowGroupSize: number;
    pageSize?: number;
    compression?: 'zstd' | 'snappy' | 'uncompressed';
  },
): Promise<{ bytes: Uint8Array; metadata: FileMetaData; path: string }> {
  const writer = new GeoParquetFileWriter({
    columns: parquetColumns,
    codec: await loadCodec(options.compression ?? 'zstd'),
    rowGroupSize: options.rowGroupSize,
    ...(options.pageSize === undefined ? {} : { pageSize: options.pageSize }),
  });
  const parts: Uint8Array[] = [];
  for (const event of events) {
    const bytes = writer.add(event);
    if (bytes) parts.push(bytes);
  }
  parts.push(writer.finish());
  const bytes = concat(parts);
  const path = join(folder.path, `file-${Math.random().toString(36).slice(2)}.parquet`);
  writeFileSync(path, bytes);
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  return { bytes, metadata: parquetMetadata(buffer as ArrayBuffer), path };
}

/** The chunks of a column, one per row group. */
function chunksOf(metadata: FileMetaData, column: string) {
  return metadata.row_groups.map((group) => {
    const chunk = group.columns.find(
      (candidate) => candidate.meta_data?.path_in_schema[0] === column,
    );
    if (!chunk?.meta_data) throw new Error(`no column ${column}`);
    return chunk.meta_data;
  });
}

function dataPages(meta: ReturnType<typeof chunksOf>[number]): number {
  return (meta.encoding_stats ?? [])
    .filter((stat) => stat.page_type === 'DATA_PAGE_V2')
    .reduce((sum, stat) => sum + stat.count, 0);
}

const utf8 = new TextEncoder();

/** The least and greatest text in UTF-8 byte order, as Parquet orders BYTE_ARRAY statistics. */
function byteOrderBounds(texts: readonly string[]): [string, string] {
  const sorted = [...texts].sort((a, b) => {
    const x = utf8.encode(a);
    const y = utf8.encode(b);
    for (let index = 0; index < Math.min(x.length, y.length); index++) {
      if (x[index] !== y[index]) return (x[index] as number) - (y[index] as number);
    }
    return x.length - y.length;
  });
  return [sorted[0] as string, sorted[sorted.length - 1] as string];
}

describe('pages', () => {
  // Notes of every length, in several scripts; lists of 0–3 tags or none; booleans, big counts.
  const scripts = ['ascii', 'قصف مدفعي', 'обстрел', 'ｚ fullwidth', '😀 astral'];
  const events: ConflictEvent[] = Array.from({ length: 1100 }, (_, index) => {
    const event = syntheticEvent(index);
    const notes = `${scripts[index % scripts.length]} ${'x'.repeat((index * 37) % 300)} ${index}`;
    const tags = Array.from({ length: index % 4 }, (_, tag) => `tag-${(index + tag) % 7}`);
    const best = index % 9 === 0 ? 2 ** 40 + index : index % 11;
    return {
      ...event,
      notes,
      ...(index % 5 === 0 ? {} : { civilianTargeting: index % 3 === 0 }),
      fatalities: { known: true, best },
      ...(index % 6 === 0 ? { tags: undefined } : { tags }),
    } as ConflictEvent;
  }).map((event) => JSON.parse(JSON.stringify(event)) as ConflictEvent);

  it('splits chunks into pages at rows, and every value reads back', async () => {
    const { bytes, metadata } = await writeFile(events, { rowGroupSize: 400, pageSize: 24 });
    expect(metadata.row_groups.map((group) => Number(group.num_rows))).toEqual([400, 400, 300]);
    for (const column of ['notes', 'tags', 'civilian_targeting', 'fatalities_best', 'geometry']) {
      for (const chunk of chunksOf(metadata, column)) {
        expect({ column, pages: dataPages(chunk) > 1 }).toEqual({ column, pages: true });
      }
    }
    const read = await readParquet(bytes);
    expect(read.rejected).toEqual([]);
    expect(read.events).toEqual(events);
  }, 60_000);

  it('gives DuckDB the same rows, and statistics in UTF-8 byte order', async () => {
    const { path, metadata } = await writeFile(events, { rowGroupSize: 400, pageSize: 24 });
    const db = await duckdb();
    try {
      const rows = await db.query(`
        SELECT id, notes, tags, civilian_targeting AS targeting, fatalities_best::VARCHAR AS best
        FROM read_parquet('${path}') ORDER BY file_row_number`);
      expect(rows).toEqual(
        events.map((event) => ({
          id: event.id,
          notes: event.notes,
          tags: event.tags ?? null,
          targeting: event.civilianTargeting ?? null,
          best: String(event.fatalities.known ? event.fatalities.best : null),
        })),
      );
      const stats = await db.query(`
        SELECT row_group_id::INTEGER AS g, stats_min_value AS min, stats_max_value AS max
        FROM parquet_metadata('${path}') WHERE path_in_schema = 'notes' ORDER BY g`);
      const groups = [events.slice(0, 400), events.slice(400, 800), events.slice(800)];
      expect(stats.map((row) => row.g)).toEqual([0, 1, 2]);
      stats.forEach((row, g) => {
        const [min, max] = byteOrderBounds(groups[g]?.map((event) => event.notes as string) ?? []);
        // The footer writer cuts byte-array bounds to 16 bytes, raising the last of a max.
        expect(min.startsWith(String(row.min))).toBe(true);
        expect(String(row.max).codePointAt(0)).toBe(max.codePointAt(0));
        // In UTF-16 order 'ｚ' (U+FF5A) would be the greatest; in UTF-8 byte order it is '😀'.
        expect(max.startsWith('😀')).toBe(true);
      });
      expect(chunksOf(metadata, 'fatalities_best')[0]?.statistics?.max_value).toBe(
        2n ** 40n + 396n,
      );
    } finally {
      db.close();
    }
  }, 60_000);
});

describe('dictionaries', () => {
  const long = (index: number) => `${String(index).padStart(6, '0')} ${'long text '.repeat(200)}`;
  const events: ConflictEvent[] = Array.from({ length: 10_000 }, (_, index) => {
    const event = syntheticEvent(index);
    return {
      ...event,
      location: {
        ...event.location,
        place: ['Aleppo', 'Idlib', 'Homs'][index % 3] as string,
        admin2: `District ${Math.floor(index / 2)}`,
        admin3: long(index % 600),
        description: `Unique description ${index}`,
      },
      // Distinct for the first 1 000 values, then three values over and over.
      notes: index < 1000 ? `Note ${index}` : `Repeated note ${index % 3}`,
    };
  });

  it('keeps a dictionary where it pays and gives it up where it does not', async () => {
    const { bytes, metadata } = await writeFile(events, { rowGroupSize: 10_000 });
    const dictionary = (column: string) =>
      chunksOf(metadata, column).map((chunk) => chunk.dictionary_page_offset !== undefined);
    expect(dictionary('place')).toEqual([true]);
    // 5 000 distinct values, each twice: indexes 13 bits wide.
    expect(dictionary('admin2')).toEqual([true]);
    // 600 texts of 2 KiB pass 1 MiB of dictionary before the 1 000th value.
    expect(dictionary('admin3')).toEqual([false]);
    // Over half the first 1 000 values distinct: given up then, though the rest repeats.
    expect(dictionary('notes')).toEqual([false]);
    const read = await readParquet(bytes);
    expect(read.events).toEqual(events);
  }, 60_000);

  it('gives it up at the end of a chunk when it would not be smaller', async () => {
    const { metadata } = await writeFile(events.slice(0, 300), { rowGroupSize: 300 });
    const location = chunksOf(metadata, 'location_description');
    expect(location.map((chunk) => chunk.dictionary_page_offset)).toEqual([undefined]);
    expect(
      chunksOf(metadata, 'place').map((chunk) => chunk.dictionary_page_offset !== undefined),
    ).toEqual([true]);
  });

  it('gives DuckDB the same values, for each compression', async () => {
    const db = await duckdb();
    try {
      // One row group of 10 000 (5 000 districts: 13-bit indexes), and groups of 3 000.
      const cases = [
        ['zstd', 10_000],
        ['snappy', 3_000],
        ['uncompressed', 3_000],
      ] as const;
      for (const [compression, rowGroupSize] of cases) {
        const { path } = await writeFile(events, { rowGroupSize, compression });
        const rows = await db.query(`
          SELECT count(*)::INTEGER AS n, count(DISTINCT admin2)::INTEGER AS districts,
            count(DISTINCT admin3)::INTEGER AS texts, min(admin3) = '${long(0)}' AS first,
            count(DISTINCT notes)::INTEGER AS notes, list_sort(list(DISTINCT place)) AS places
          FROM read_parquet('${path}')`);
        expect(rows).toEqual([
          {
            n: 10_000,
            districts: 5_000,
            texts: 600,
            first: true,
            notes: 1_003,
            places: ['Aleppo', 'Homs', 'Idlib'],
          },
        ]);
      }
    } finally {
      db.close();
    }
  }, 60_000);
});
