// How much heap the GeoParquet writer's footer metadata holds when the footer is written:
// hyparquet-writer keeps every row group's metadata as objects until then. Two runs in fresh
// processes convert the same generated NDJSON to GeoParquet (shape only, output discarded);
// at the footer each collects garbage and reads the heap. The second run empties the
// writer's row-group list after each row group (its file would be broken; it is thrown
// away), so the difference is what the metadata holds. Flags:
//   --events 1000000     events converted
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ndjsonFormat } from '@conflict-events/json';
import { dataDir, flag, here, writeGeneratedFile } from './bench-files.mjs';

const child = process.argv.indexOf('--child');
if (child !== -1) {
  await measure(process.argv[child + 1], process.argv[child + 2]);
} else {
  const events = Number(flag('events', '1000000'));
  const input = join(dataDir, `events-${events}.ndjson`);
  if (!existsSync(input)) {
    process.stderr.write(`generating ${input}\n`);
    await writeGeneratedFile(input, ndjsonFormat, events);
  }
  const run = (mode) =>
    JSON.parse(
      execFileSync(
        process.execPath,
        ['--expose-gc', join(here, 'footer-bench.mjs'), '--child', mode, input],
        { encoding: 'utf8' },
      ),
    );
  const kept = run('kept');
  const dropped = run('dropped');
  const metadata = kept.heapMiB - dropped.heapMiB;
  console.table([
    {
      events,
      'row groups': kept.rowGroups,
      'heap at the footer, metadata kept': `${kept.heapMiB.toFixed(1)} MiB`,
      'metadata dropped': `${dropped.heapMiB.toFixed(1)} MiB`,
      'the metadata': `${metadata.toFixed(1)} MiB`,
      'a row group': `${((metadata * 1024) / kept.rowGroups).toFixed(1)} KiB`,
    },
  ]);
}

async function measure(mode, input) {
  // The writer's own class, the one the parquet package resolves (same version, one copy).
  const { ParquetWriter } = await import('hyparquet-writer');
  const { convert, createRegistry } = await import('@conflict-events/io');
  const { fileBytes } = await import('@conflict-events/io/node');
  const { geoParquetFormat } = await import('@conflict-events/parquet');
  const write = ParquetWriter.prototype.write;
  const finish = ParquetWriter.prototype.finish;
  if (mode === 'dropped') {
    ParquetWriter.prototype.write = function (options) {
      const result = write.call(this, options);
      this.row_groups.length = 0;
      this.pendingIndexes.length = 0;
      return result;
    };
  }
  let heapMiB = Number.NaN;
  let rowGroups = 0;
  ParquetWriter.prototype.finish = function () {
    globalThis.gc();
    globalThis.gc();
    heapMiB = process.memoryUsage().heapUsed / 2 ** 20;
    return finish.call(this);
  };
  ParquetWriter.prototype.write = ((inner) =>
    function (options) {
      rowGroups += 1;
      return inner.call(this, options);
    })(ParquetWriter.prototype.write);
  await convert({
    input: fileBytes(input),
    from: 'ndjson',
    to: 'geoparquet',
    registry: createRegistry([ndjsonFormat, geoParquetFormat]),
    output: { write() {} },
    rules: false,
  });
  process.stdout.write(`${JSON.stringify({ mode, heapMiB, rowGroups })}\n`);
}
