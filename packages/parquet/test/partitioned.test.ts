// Hive-partitioned output: the folder layout, DuckDB reading it with hive_partitioning, the
// bounds on open files and held events, escaping, and reading the folder back.
import {
  closeSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { ConflictEvent } from '@conflict-events/schema';
import { parquetMetadata } from 'hyparquet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleEvent } from '../../schema/test/arbitraries.ts';
import {
  asyncBufferFromBlob,
  type OpenPartitionSink,
  type PartitionFile,
  readGeoParquetPartitions,
  writeGeoParquetPartitions,
} from '../src/index.ts';
import { collect, duckdb, fromArray, summarise, temporaryFolder } from './helpers.ts';
import { syntheticEvent, syntheticPlace } from './synthetic-events.ts';

/** Files in a folder, as the CLI's sink factory would make them. */
function folderSinks(root: string, aborted: string[] = []): OpenPartitionSink {
  return (path) => {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    const descriptor = openSync(full, 'w');
    return {
      write: (chunk) => {
        writeSync(descriptor, chunk);
      },
      close: () => closeSync(descriptor),
      abort: () => {
        closeSync(descriptor);
        rmSync(full);
        aborted.push(path);
      },
    };
  };
}

function filesUnder(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
}

function partitionFiles(root: string): PartitionFile[] {
  return filesUnder(root).map((path) => ({
    path,
    file: asyncBufferFromBlob(new Blob([readFileSync(join(root, path))])),
  }));
}

function byId(events: readonly ConflictEvent[]): ConflictEvent[] {
  return [...events].sort((a, b) => a.id.localeCompare(b.id));
}

const count = 3000;
const events = Array.from({ length: count }, (_, index) => syntheticEvent(index));

describe('Hive-partitioned GeoParquet: year and country', () => {
  const folder = temporaryFolder();
  let db: Awaited<ReturnType<typeof duckdb>>;
  let written: Awaited<ReturnType<typeof writeGeoParquetPartitions>>;

  beforeAll(async () => {
    written = await writeGeoParquetPartitions(fromArray(events), folderSinks(folder.path), {
      partitionBy: ['year', 'country'],
      rowGroupSize: 50,
      compression: 'snappy',
    });
    db = await duckdb();
  });
  afterAll(() => {
    db.close();
    folder.remove();
  });

  it('writes one file per year and country, named as Hive does', () => {
    const expected = new Set(
      events.map((_, index) => {
        const { year, country } = syntheticPlace(index);
        return `year=${year}/country=${country}/part-0.parquet`;
      }),
    );
    expect(filesUnder(folder.path)).toEqual([...expected].sort());
    expect(written.events).toBe(count);
    expect(written.files.reduce((sum, file) => sum + file.rows, 0)).toBe(count);
  });

  it('leaves the partition column out of the files and keeps date_start', async () => {
    const [first] = filesUnder(folder.path);
    const columns = await db.query(
      `SELECT name FROM parquet_schema('${join(folder.path, first as string)}')`,
    );
    const names = columns.map((column) => column.name);
    expect(names).not.toContain('country');
    expect(names).toContain('date_start');
    expect(names).toContain('geometry');
  });

  it('is read by DuckDB with hive_partitioning: every row, and events per country per year', async () => {
    const glob = `${folder.path}/**/*.parquet`;
    expect(
      await db.query(
        `SELECT count(*)::INTEGER AS n FROM read_parquet('${glob}', hive_partitioning = true)`,
      ),
    ).toEqual([{ n: count }]);
    const rows = await db.query(`
      SELECT country, year::INTEGER AS year, count(*)::INTEGER AS events
      FROM read_parquet('${glob}', hive_partitioning = true)
      GROUP BY country, year
      ORDER BY country, year`);
    const expected = new Map<string, number>();
    events.forEach((_, index) => {
      const { country, year } = syntheticPlace(index);
      expected.set(`${country} ${year}`, (expected.get(`${country} ${year}`) ?? 0) + 1);
    });
    expect(rows).toEqual(
      [...expected.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, value]) => {
          const [country, year] = key.split(' ');
          return { country, year: Number(year), events: value };
        }),
    );
  });

  it('reads back every event unchanged, the country taken from the path', async () => {
    const result = summarise(await collect(readGeoParquetPartitions(partitionFiles(folder.path))));
    expect(result.rejected).toEqual([]);
    expect(result.issues).toEqual([]);
    expect(byId(result.events)).toEqual(byId(events));
  });
});

describe('Hive-partitioned GeoParquet: bounds and edge cases', () => {
  const folder = temporaryFolder();
  afterAll(() => folder.remove());

  it('opens files only to write row groups, so interleaved partitions do not each hold one', async () => {
    const root = join(folder.path, 'interleaved');
    const input = Array.from({ length: 400 }, (_, index) => syntheticEvent(index));
    let opened = 0;
    const sinks = folderSinks(root);
    await writeGeoParquetPartitions(
      fromArray(input),
      (path) => {
        opened += 1;
        return sinks(path);
      },
      { partitionBy: ['year', 'country'], maxOpenFiles: 3 },
    );
    // 80 partitions, more than three open files: still one file each, as no row group filled.
    expect(opened).toBe(80);
    expect(filesUnder(root).every((path) => path.endsWith('/part-0.parquet'))).toBe(true);
  });

  it('finishes the least recently written file past maxOpenFiles, and starts part-1 later', async () => {
    const root = join(folder.path, 'open-files');
    const input = Array.from({ length: 40 }, (_, index) => syntheticEvent(index));
    const result = await writeGeoParquetPartitions(fromArray(input), folderSinks(root), {
      partitionBy: ['country'],
      maxOpenFiles: 3,
      rowGroupSize: 2,
    });
    const files = filesUnder(root);
    // Eight countries in turn, five events each: row groups at the 2nd and 4th event of each,
    // the file of that country long closed by then, and the 5th at the end.
    expect(files.filter((path) => path.startsWith('country=SDN/'))).toEqual([
      'country=SDN/part-0.parquet',
      'country=SDN/part-1.parquet',
      'country=SDN/part-2.parquet',
    ]);
    expect(result.files.reduce((sum, file) => sum + file.rows, 0)).toBe(40);
    const read = summarise(await collect(readGeoParquetPartitions(partitionFiles(root))));
    expect(byId(read.events)).toEqual(byId(input));
    const db = await duckdb();
    const rows = await db.query(
      `SELECT count(*)::INTEGER AS n FROM read_parquet('${root}/**/*.parquet', hive_partitioning = true) WHERE country = 'SDN'`,
    );
    db.close();
    expect(rows).toEqual([{ n: input.filter((event) => event.location.country === 'SDN').length }]);
  });

  it('writes a row group early when maxBufferedEvents are held across files', async () => {
    const root = join(folder.path, 'buffered');
    const input = Array.from({ length: 400 }, (_, index) => syntheticEvent(index));
    await writeGeoParquetPartitions(fromArray(input), folderSinks(root), {
      partitionBy: ['country'],
      rowGroupSize: 1000,
      maxBufferedEvents: 80,
    });
    const groups = filesUnder(root).flatMap((path) =>
      parquetMetadata(readFileSync(join(root, path)).buffer as ArrayBuffer).row_groups.map(
        (group) => Number(group.num_rows),
      ),
    );
    expect(groups.reduce((sum, rows) => sum + rows, 0)).toBe(400);
    // Eight countries share 80 events: the fullest is written at about 10 events, never 1000.
    expect(Math.max(...groups)).toBeLessThanOrEqual(80);
    expect(groups.length).toBeGreaterThan(8);
  });

  it('escapes values into one directory each, and absent values go to the default partition', async () => {
    const root = join(folder.path, 'escaped');
    const slash = {
      ...sampleEvent(),
      id: 'e:1',
      location: { ...sampleEvent().location, admin1: 'a/b=c%d' },
    };
    const { admin1: _admin1, ...noAdmin1 } = sampleEvent().location;
    const none = { ...sampleEvent(), id: 'e:2', location: noAdmin1 };
    await writeGeoParquetPartitions([slash, none], folderSinks(root), { partitionBy: ['admin1'] });
    expect(filesUnder(root)).toEqual([
      'admin1=__HIVE_DEFAULT_PARTITION__/part-0.parquet',
      'admin1=a%2Fb%3Dc%25d/part-0.parquet',
    ]);
    const db = await duckdb();
    const rows = await db.query(
      `SELECT id, admin1 FROM read_parquet('${root}/**/*.parquet', hive_partitioning = true) ORDER BY id`,
    );
    db.close();
    expect(rows).toEqual([
      { id: 'e:1', admin1: 'a/b=c%d' },
      { id: 'e:2', admin1: null },
    ]);
    const result = summarise(await collect(readGeoParquetPartitions(partitionFiles(root))));
    expect(byId(result.events)).toEqual([slash, none]);
  });

  it('keeps a partition key that is no column in provenance.unmapped, and names files in issues', async () => {
    const root = join(folder.path, 'foreign');
    await writeGeoParquetPartitions([sampleEvent()], folderSinks(join(root, 'source=ours')), {
      partitionBy: ['year'],
    });
    const result = summarise(
      await collect(readGeoParquetPartitions(partitionFiles(root), { file: 'dataset' })),
    );
    expect(result.events[0]?.provenance.unmapped).toEqual({ source: 'ours' });
    const broken = [
      { path: 'year=2016/part-0.parquet', file: asyncBufferFromBlob(new Blob(['not parquet'])) },
    ];
    const issues = summarise(
      await collect(readGeoParquetPartitions(broken, { file: 'dataset' })),
    ).issues;
    expect(issues[0]).toMatchObject({
      code: 'source-error',
      file: 'dataset/year=2016/part-0.parquet',
    });
  });

  it('takes a partition value from the path over a column of the same name, as DuckDB does', async () => {
    const root = join(folder.path, 'path-wins');
    mkdirSync(join(root, 'country=SDN'), { recursive: true });
    mkdirSync(join(root, `country=${'__HIVE_DEFAULT_PARTITION__'}`), { recursive: true });
    const db = await duckdb();
    const select = `SELECT 'p:1' AS id, 'TCD' AS country, '2016-08-01' AS date_start, '2016-08-01' AS date_end,
      'day' AS date_precision, 'place' AS location_precision, 'manual' AS provenance_dataset`;
    await db.query(
      `COPY (${select}) TO '${join(root, 'country=SDN', 'part-0.parquet')}' (FORMAT parquet)`,
    );
    await db.query(
      `COPY (${select.replace('p:1', 'p:2')}) TO '${join(root, 'country=__HIVE_DEFAULT_PARTITION__', 'part-0.parquet')}' (FORMAT parquet)`,
    );
    const duck = await db.query(
      `SELECT id, country FROM read_parquet('${root}/**/*.parquet', hive_partitioning = true) ORDER BY id`,
    );
    db.close();
    const result = summarise(await collect(readGeoParquetPartitions(partitionFiles(root))));
    const ours = byId(result.events).map((event) => ({
      id: event.id,
      country: event.location.country ?? null,
    }));
    expect(ours).toEqual(duck);
    expect(ours).toEqual([
      { id: 'p:1', country: 'SDN' },
      { id: 'p:2', country: null },
    ]);
  });

  it('refuses keys that cannot name a directory, before writing', async () => {
    const sinks = folderSinks(join(folder.path, 'refused'));
    await expect(
      writeGeoParquetPartitions([sampleEvent()], sinks, { partitionBy: ['actors'] }),
    ).rejects.toThrow(RangeError);
    await expect(
      writeGeoParquetPartitions([sampleEvent()], sinks, { partitionBy: ['nonsense'] }),
    ).rejects.toThrow(RangeError);
    await expect(
      writeGeoParquetPartitions([sampleEvent()], sinks, { partitionBy: ['year', 'year'] }),
    ).rejects.toThrow(RangeError);
    await expect(
      writeGeoParquetPartitions([sampleEvent()], sinks, { maxOpenFiles: 0 }),
    ).rejects.toThrow(RangeError);
  });

  it('aborts every open file when writing fails', async () => {
    const root = join(folder.path, 'aborted');
    const aborted: string[] = [];
    async function* failing() {
      const events = [syntheticEvent(0), syntheticEvent(1)];
      yield { events, positions: [{}, {}], raws: ['', ''], rejected: [], issues: [], records: 2 };
      throw new Error('the input broke');
    }
    await expect(
      writeGeoParquetPartitions(failing(), folderSinks(root, aborted), {
        partitionBy: ['country'],
        // Each event is a row group, so both files are open when the input fails.
        rowGroupSize: 1,
      }),
    ).rejects.toThrow('the input broke');
    expect(aborted.sort()).toEqual(['country=SDN/part-0.parquet', 'country=SYR/part-0.parquet']);
    expect(filesUnder(root)).toEqual([]);
  });

  it('without partition keys, writes one file', async () => {
    const root = join(folder.path, 'single');
    const result = await writeGeoParquetPartitions([sampleEvent()], folderSinks(root));
    expect(result.files).toEqual([{ path: 'part-0.parquet', rows: 1 }]);
  });
});
