// Our delimited tokenizer next to papaparse and csv-parse on the same generated CSV text,
// all in one process, alternating. Usage: node tokenizer-bench.mjs [events=200000] [runs=5]

import { csvFormat } from '@conflict-events/csv';
import { DelimitedTokenizer, defaultLimits } from '@conflict-events/io';
import { parse as csvParseSync } from 'csv-parse/sync';
import Papa from 'papaparse';
import { generateEvents } from './generate-events.mjs';

const count = Number(process.argv[2] ?? 200_000);
const runs = Number(process.argv[3] ?? 5);
// The pipeline reads files in 64 KiB chunks; the text is cut the same way.
const chunkSize = 1 << 16;

async function* eventsOf() {
  yield* generateEvents(count);
}
const decoder = new TextDecoder();
let text = '';
for await (const chunk of csvFormat.write(eventsOf()))
  text += decoder.decode(chunk, { stream: true });
const chunks = [];
for (let start = 0; start < text.length; start += chunkSize)
  chunks.push(text.slice(start, start + chunkSize));
const megabytes = Buffer.byteLength(text) / 1e6;

const parsers = {
  'conflict-events DelimitedTokenizer (streaming, raw + line + byte offset)': () => {
    const tokenizer = new DelimitedTokenizer({
      delimiter: ',',
      quote: '"',
      limits: defaultLimits,
      byteLength: (s) => Buffer.byteLength(s),
    });
    let rows = 0;
    for (const chunk of chunks) rows += tokenizer.push(chunk).length;
    return rows + tokenizer.end().length;
  },
  'papaparse 5 (whole string, fields only)': () => Papa.parse(text, { delimiter: ',' }).data.length,
  'papaparse 5 (step per row, for positions)': () => {
    let rows = 0;
    Papa.parse(text, { delimiter: ',', step: () => rows++ });
    return rows;
  },
  'csv-parse 6 sync (fields only)': () => csvParseSync(text, { relax_column_count: true }).length,
  'csv-parse 6 sync (raw + info, for positions)': () =>
    csvParseSync(text, { relax_column_count: true, raw: true, info: true }).length,
};

const times = Object.fromEntries(Object.keys(parsers).map((name) => [name, []]));
const rowCounts = {};
for (let run = 0; run < runs; run++) {
  for (const [name, parse] of Object.entries(parsers)) {
    const started = performance.now();
    rowCounts[name] = parse();
    times[name].push((performance.now() - started) / 1000);
  }
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
process.stdout.write(`| parser | rows | median s | MB/s |\n|---|---|---|---|\n`);
for (const name of Object.keys(parsers)) {
  const seconds = median(times[name]);
  process.stdout.write(
    `| ${name} | ${rowCounts[name]} | ${seconds.toFixed(3)} | ${(megabytes / seconds).toFixed(0)} |\n`,
  );
}
process.stdout.write(
  `\n${count} events, ${megabytes.toFixed(1)} MB of canonical CSV, ${runs} runs each, node ${process.version}\n`,
);

// Why the tokenizer loops over char codes: finding every comma of the text, chunk by chunk
// (two-byte chunks, for their Arabic and Cyrillic names), with indexOf and with a loop.
function commasByIndexOf(chunk) {
  let count = 0;
  for (let at = chunk.indexOf(','); at !== -1; at = chunk.indexOf(',', at + 1)) count++;
  return count;
}
function commasByLoop(chunk) {
  let count = 0;
  for (let at = 0; at < chunk.length; at++) if (chunk.charCodeAt(at) === 44) count++;
  return count;
}
const searches = { indexOf: commasByIndexOf, 'char-code loop': commasByLoop };
const searchTimes = { indexOf: [], 'char-code loop': [] };
let commaCount = 0;
for (let run = 0; run < runs + 2; run++) {
  for (const [name, search] of Object.entries(searches)) {
    const started = performance.now();
    let count = 0;
    for (const chunk of chunks) count += search(chunk);
    // The first two rounds warm both functions up.
    if (run >= 2) searchTimes[name].push(performance.now() - started);
    if (commaCount !== 0 && count !== commaCount) throw new Error('the two searches disagree');
    commaCount = count;
  }
}
process.stdout.write(
  `finding all ${commaCount} commas, ${chunkSize / 1024} KiB chunks, ns a comma (median): ${Object.entries(
    searchTimes,
  )
    .map(([name, times]) => `${name} ${((median(times) * 1e6) / commaCount).toFixed(0)}`)
    .join(', ')}\n`,
);
