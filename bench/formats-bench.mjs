// `pnpm bench:formats`: writing each output format from the same NDJSON input, each in a
// fresh process, at two sizes: wall and CPU seconds, peak RSS and output size, so memory that
// grows with the number of events shows as a ratio between the sizes. Flags:
//   --sizes 100000,1000000   event counts (inputs are generated as for `pnpm bench`)
//   --formats geojson,...    output formats (default: every writer but the canonical ones)
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ndjsonFormat } from '@conflict-events/json';
import { dataDir, flag, here, writeGeneratedFile } from './bench-files.mjs';

const sizes = flag('sizes', '100000,1000000').split(',').map(Number);
const formats = flag('formats', 'geojson,geojsonseq,geoparquet,kml,xlsx').split(',');
const extension = {
  geojson: 'geojson',
  geojsonseq: 'geojsonl',
  geoparquet: 'parquet',
  kml: 'kml',
  xlsx: 'xlsx',
};

async function ndjsonOf(count) {
  const path = join(dataDir, `events-${count}.ndjson`);
  if (existsSync(path)) return path;
  process.stderr.write(`generating ${path}\n`);
  await writeGeneratedFile(path, ndjsonFormat, count);
  return path;
}

const rows = [];
for (const format of formats) {
  for (const size of sizes) {
    const input = await ndjsonOf(size);
    const output = join(dataDir, `formats-out.${extension[format] ?? format}`);
    rmSync(output, { force: true });
    process.stderr.write(`${size} events → ${format}\n`);
    const stdout = execFileSync(
      process.execPath,
      [join(here, 'convert-one.mjs'), input, output, 'ndjson', format, 'rules'],
      { encoding: 'utf8', maxBuffer: 1 << 24 },
    );
    const result = JSON.parse(stdout.trim().split('\n').pop());
    rows.push({
      format,
      events: result.events,
      'events/s': Math.round(result.events / result.wallSeconds),
      'wall s': result.wallSeconds.toFixed(1),
      'CPU s': result.cpuSeconds.toFixed(1),
      'peak RSS MiB': Math.round(result.peakRssMiB),
      'output MB': (statSync(output).size / 1e6).toFixed(0),
      'records = events + rejected':
        result.records === result.events + result.rejected ? 'yes' : 'NO',
    });
    rmSync(output, { force: true });
  }
}
console.table(rows);
