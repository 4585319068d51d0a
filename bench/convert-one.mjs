// One measured conversion in a fresh process, so peak RSS belongs to it alone.
// Usage: node convert-one.mjs <input> <output> <from> <to> <rules|no-rules|rules-but-duplicate-id>
// (`no-rules` checks the shape only; `rules-but-duplicate-id` runs every rule but the
// duplicate-id check, which is the one piece of state that grows with the input.)
// Prints one JSON line: the stats, wall seconds, CPU seconds and peak RSS in MiB.
// The heap is bounded as the command line bounds it (boundHeapGrowth), unless the environment
// sets CE_BENCH_V8_HEAP=default, which leaves V8's own sizing (for comparing the two).
import { acledFormat } from '@conflict-events/acled';
import { csvFormat } from '@conflict-events/csv';
import { geojsonFormat, geojsonSeqFormat } from '@conflict-events/geojson';
import { convert, createRegistry } from '@conflict-events/io';
import { boundHeapGrowth, fileBytes, openAtomicFile } from '@conflict-events/io/node';
import { jsonDatasetFormat, ndjsonFormat } from '@conflict-events/json';
import { kmlFormat } from '@conflict-events/kml';
import { geoParquetFormat } from '@conflict-events/parquet';
import { xlsxFormat } from '@conflict-events/xlsx';

const [input, output, from, to, rules] = process.argv.slice(2);
if (process.env.CE_BENCH_V8_HEAP !== 'default') boundHeapGrowth();
const registry = createRegistry([
  csvFormat,
  ndjsonFormat,
  jsonDatasetFormat,
  acledFormat,
  geojsonFormat,
  geojsonSeqFormat,
  geoParquetFormat,
  kmlFormat,
  xlsxFormat,
]);
const started = performance.now();
const cpuStart = process.cpuUsage();
const sink = await openAtomicFile(output);
try {
  const stats = await convert({
    input: fileBytes(input),
    fileName: input,
    from,
    to,
    registry,
    output: sink,
    rules:
      rules === 'rules'
        ? {}
        : rules === 'rules-but-duplicate-id'
          ? { rules: { 'duplicate-id': 'off' } }
          : false,
    maxIssues: 10,
  });
  await sink.commit();
  const cpu = process.cpuUsage(cpuStart);
  const { issues: _issues, ...rest } = stats;
  process.stdout.write(
    `${JSON.stringify({
      ...rest,
      wallSeconds: (performance.now() - started) / 1000,
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
      peakRssMiB: process.resourceUsage().maxRSS / 1024,
    })}\n`,
  );
} catch (error) {
  await sink.abort();
  throw error;
}
