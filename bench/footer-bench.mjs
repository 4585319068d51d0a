// How much heap the GeoParquet writer's footer metadata holds when the footer is written:
// the writer keeps every row group's metadata as objects (hyparquet-writer's `row_groups`)
// until then. A fresh process converts generated NDJSON to GeoParquet (shape only, output
// discarded); once the footer is written, it collects garbage and reads the heap, then lets
// go of the row-group list, collects again and reads the heap again. The difference is what
// the metadata held. Flags:
//   --events 1000000     events converted
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ndjsonFormat } from '@conflict-events/json';
import { dataDir, flag, here, writeGeneratedFile } from './bench-files.mjs';

const child = process.argv.indexOf('--child');
if (child !== -1) {
  await measure(process.argv[child + 1]);
} else {
  const events = Number(flag('events', '1000000'));
  const input = join(dataDir, `events-${events}.ndjson`);
  if (!existsSync(input)) {
    process.stderr.write(`generating ${input}\n`);
    await writeGeneratedFile(input, ndjsonFormat, events);
  }
  const result = JSON.parse(
    execFileSync(
      process.execPath,
      ['--expose-gc', join(here, 'footer-bench.mjs'), '--child', input],
      {
        encoding: 'utf8',
      },
    ),
  );
  const metadata = result.keptMiB - result.droppedMiB;
  console.table([
    {
      events,
      'row groups': result.rowGroups,
      'heap at the footer, metadata kept': `${result.keptMiB.toFixed(1)} MiB`,
      'metadata let go': `${result.droppedMiB.toFixed(1)} MiB`,
      'the metadata': `${metadata.toFixed(1)} MiB`,
      'a row group': `${((metadata * 1024) / result.rowGroups).toFixed(1)} KiB`,
    },
  ]);
}

async function measure(input) {
  // The writer's own class, the one the parquet package resolves (same version, one copy).
  const { ParquetWriter } = await import('hyparquet-writer');
  const { convert, createRegistry } = await import('@conflict-events/io');
  const { fileBytes } = await import('@conflict-events/io/node');
  const { geoParquetFormat } = await import('@conflict-events/parquet');
  const finish = ParquetWriter.prototype.finish;
  let measured;
  ParquetWriter.prototype.finish = function () {
    const result = finish.call(this);
    const heap = () => {
      globalThis.gc();
      globalThis.gc();
      return process.memoryUsage().heapUsed / 2 ** 20;
    };
    const rowGroups = this.row_groups.length;
    const keptMiB = heap();
    this.row_groups = [];
    measured = { keptMiB, droppedMiB: heap(), rowGroups };
    return result;
  };
  await convert({
    input: fileBytes(input),
    from: 'ndjson',
    to: 'geoparquet',
    registry: createRegistry([ndjsonFormat, geoParquetFormat]),
    output: { write() {} },
    rules: false,
  });
  process.stdout.write(`${JSON.stringify(measured)}\n`);
}
