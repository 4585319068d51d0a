// What the GeoParquet writer's footer holds: the writer keeps each row group's metadata until
// the end of the file, as its Thrift bytes (the footer is the file's last part). This converts
// generated NDJSON to a GeoParquet file (shape only) and reads the footer's length and its
// row groups back from the file. Flags:
//   --events 1000000     events converted
import { closeSync, existsSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { convert, createRegistry } from '@conflict-events/io';
import { fileBytes, openAtomicFile } from '@conflict-events/io/node';
import { ndjsonFormat } from '@conflict-events/json';
import { geoParquetFormat } from '@conflict-events/parquet';
import { parquetMetadata } from 'hyparquet';
import { dataDir, flag, writeGeneratedFile } from './bench-files.mjs';

const events = Number(flag('events', '1000000'));
const input = join(dataDir, `events-${events}.ndjson`);
if (!existsSync(input)) {
  process.stderr.write(`generating ${input}\n`);
  await writeGeneratedFile(input, ndjsonFormat, events);
}
const output = join(dataDir, 'footer-bench.parquet');
const sink = await openAtomicFile(output);
await convert({
  input: fileBytes(input),
  from: 'ndjson',
  to: 'geoparquet',
  registry: createRegistry([ndjsonFormat, geoParquetFormat]),
  output: sink,
  rules: false,
});
await sink.commit();

/** The last `length` bytes of the file. */
function tail(length) {
  const bytes = new Uint8Array(length);
  const handle = openSync(output, 'r');
  try {
    readSync(handle, bytes, 0, length, statSync(output).size - length);
  } finally {
    closeSync(handle);
  }
  return bytes;
}

const footerLength = new DataView(tail(8).buffer).getUint32(0, true);
const footer = tail(footerLength + 8);
const metadata = parquetMetadata(footer.buffer);
rmSync(output, { force: true });
const rowGroups = metadata.row_groups.length;
console.table([
  {
    events,
    'row groups': rowGroups,
    'column chunks a row group': metadata.row_groups[0]?.columns.length ?? 0,
    'footer bytes': footerLength,
    'a row group': `${(footerLength / Math.max(rowGroups, 1) / 1024).toFixed(1)} KiB`,
  },
]);
