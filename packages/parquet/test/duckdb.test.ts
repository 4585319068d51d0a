// DuckDB, a real Parquet engine, reads what we write: rows, typed values, the WKB points
// (decoded here: the spatial extension is not available offline) and the GeoParquet metadata.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { duckdb, temporaryFolder, writeParquet } from './helpers.ts';
import { syntheticEvent } from './synthetic-events.ts';

const count = 2500;
const events = Array.from({ length: count }, (_, index) => syntheticEvent(index));

/** Longitude and latitude of a little-endian 2D WKB Point, read from its bytes. */
function wkbPoint(bytes: Uint8Array): { lon: number; lat: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  expect(bytes.byteLength).toBe(21);
  expect(view.getUint8(0)).toBe(1);
  expect(view.getUint32(1, true)).toBe(1);
  return { lon: view.getFloat64(5, true), lat: view.getFloat64(13, true) };
}

describe('DuckDB reads our GeoParquet', () => {
  const folder = temporaryFolder();
  const file = join(folder.path, 'events.parquet');
  let db: Awaited<ReturnType<typeof duckdb>>;

  beforeAll(async () => {
    writeFileSync(file, await writeParquet(events, { rowGroupSize: 1000 }));
    db = await duckdb();
  });
  afterAll(() => {
    db.close();
    folder.remove();
  });

  it('counts every event', async () => {
    expect(await db.query(`SELECT count(*)::INTEGER AS n FROM read_parquet('${file}')`)).toEqual([
      { n: count },
    ]);
  });

  it('reads the values of a sample of rows: id, DATE, counts, points and their bbox', async () => {
    const sample = [0, 1, 5, 777, 1999, 2499];
    const rows = await db.query(`
      SELECT id, CAST(date_start AS VARCHAR) AS start, typeof(date_start) AS start_type,
        fatalities_best::INTEGER AS best, typeof(fatalities_best) AS best_type,
        latitude, longitude, geometry, bbox.xmin AS xmin, bbox.ymin AS ymin, bbox.xmax AS xmax, bbox.ymax AS ymax,
        tags, json_extract_string(actors, '$[0].name') AS first_actor
      FROM read_parquet('${file}')
      WHERE id IN (${sample.map((index) => `'synthetic:${index}'`).join(', ')})
      ORDER BY id`);
    expect(rows).toHaveLength(sample.length);
    for (const row of rows) {
      const event = events[Number(String(row.id).split(':')[1])];
      if (!event) throw new Error(`no event ${String(row.id)}`);
      const point = event.location.point;
      if (!point) throw new Error('synthetic events have points');
      expect(row.start).toBe(event.date.start);
      expect(row.start_type).toBe('DATE');
      expect(row.best_type).toBe('BIGINT');
      expect(row.best).toBe(event.fatalities.known ? event.fatalities.best : null);
      expect([row.latitude, row.longitude]).toEqual([point.lat, point.lon]);
      expect(wkbPoint(row.geometry as Uint8Array)).toEqual({ lon: point.lon, lat: point.lat });
      expect([row.xmin, row.ymin, row.xmax, row.ymax]).toEqual([
        point.lon,
        point.lat,
        point.lon,
        point.lat,
      ]);
      expect(row.tags).toEqual(event.tags);
      expect(row.first_actor).toBe(event.actors[0]?.name);
    }
  });

  it('queries lists and the bbox covering as columns', async () => {
    const disputed = events.filter((event) => event.tags?.includes('toll-disputed')).length;
    expect(
      await db.query(
        `SELECT count(*)::INTEGER AS n FROM read_parquet('${file}') WHERE list_contains(tags, 'toll-disputed')`,
      ),
    ).toEqual([{ n: disputed }]);
    const inBox = events.filter(
      ({ location: { point } }) =>
        point && point.lon >= 30 && point.lon <= 40 && point.lat >= 10 && point.lat <= 40,
    ).length;
    expect(
      await db.query(`SELECT count(*)::INTEGER AS n FROM read_parquet('${file}')
        WHERE bbox.xmin >= 30 AND bbox.xmax <= 40 AND bbox.ymin >= 10 AND bbox.ymax <= 40`),
    ).toEqual([{ n: inBox }]);
  });

  it('finds the GeoParquet metadata in the footer', async () => {
    const [entry] = await db.query(
      `SELECT decode(value) AS value FROM parquet_kv_metadata('${file}') WHERE decode(key) = 'geo'`,
    );
    const geo = JSON.parse(String(entry?.value));
    const lons = events.map((event) => event.location.point?.lon as number);
    const lats = events.map((event) => event.location.point?.lat as number);
    expect(geo).toEqual({
      version: '1.1.0',
      primary_column: 'geometry',
      columns: {
        geometry: {
          encoding: 'WKB',
          geometry_types: ['Point'],
          bbox: [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)],
          covering: {
            bbox: {
              xmin: ['bbox', 'xmin'],
              ymin: ['bbox', 'ymin'],
              xmax: ['bbox', 'xmax'],
              ymax: ['bbox', 'ymax'],
            },
          },
        },
      },
    });
  });

  it.each(['zstd', 'snappy', 'uncompressed'] as const)(
    'reads files compressed by %s',
    async (compression) => {
      const path = join(folder.path, `${compression}.parquet`);
      writeFileSync(
        path,
        await writeParquet(events.slice(0, 300), { compression, rowGroupSize: 128 }),
      );
      const expected = events
        .slice(0, 300)
        .reduce((sum, event) => sum + (event.fatalities.known ? event.fatalities.best : 0), 0);
      expect(
        await db.query(
          `SELECT count(*)::INTEGER AS n, sum(fatalities_best)::INTEGER AS deaths FROM read_parquet('${path}')`,
        ),
      ).toEqual([{ n: 300, deaths: expected }]);
      const [codec] = await db.query(
        `SELECT DISTINCT compression FROM parquet_metadata('${path}') WHERE path_in_schema = 'id'`,
      );
      expect(codec?.compression).toBe(compression.toUpperCase());
    },
  );

  it('reads a file of no events: the columns and no row', async () => {
    const path = join(folder.path, 'empty.parquet');
    writeFileSync(path, await writeParquet([]));
    expect(await db.query(`SELECT count(*)::INTEGER AS n FROM read_parquet('${path}')`)).toEqual([
      { n: 0 },
    ]);
    const columns = await db.query(
      `SELECT column_name FROM (DESCRIBE SELECT * FROM read_parquet('${path}'))`,
    );
    expect(columns.map((column) => column.column_name)).toContain('geometry');
  });
});
