// `pnpm bench:stages`: where the time of an ACLED import goes, measured rather than sampled.
// The same ACLED-layout CSV is taken one stage further down the pipeline in each run (a fresh
// process per run, medians of the runs), so each stage's cost is the difference between two
// runs: reading the file, decoding UTF-8, tokenizing the CSV, mapping ACLED's columns with the
// shape check, the rules, JSON serialisation, and last the whole conversion to an NDJSON file
// (encoding, writing, the pipeline's accounting). Flags:
//   --rows 1000000     rows in the generated ACLED CSV
//   --runs 3           runs per stage
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { acledFormat } from '@conflict-events/acled';
import { defaultBatchSize, defaultLimits, readDelimited } from '@conflict-events/io';
import { fileBytes } from '@conflict-events/io/node';
import { createEventValidator } from '@conflict-events/schema';
import { cpuSpeedLine, dataDir, flag, here, writeGeneratedFile } from './bench-files.mjs';

const stages = [
  ['read', 'the file, in 64 KiB chunks'],
  ['decode', 'UTF-8 to text (TextDecoder, streaming)'],
  ['tokenize', 'CSV records and fields (our RFC 4180 tokenizer)'],
  ['map', 'ACLED columns to events, with the shape check'],
  ['rules', "the schema's rules on every event"],
  ['serialise', 'JSON.stringify of every event'],
  ['convert', 'the whole conversion to an NDJSON file'],
];

/**
 * Runs the pipeline up to and including `stage` on `input`; returns what the last stage made
 * (bytes, characters, records, events or JSON characters), which the caller prints so no
 * stage's work can be skipped as unused.
 */
async function runStage(stage, input) {
  let made = 0;
  if (stage === 'read') {
    for await (const chunk of fileBytes(input)) made += chunk.byteLength;
    return made;
  }
  if (stage === 'decode') {
    const decoder = new TextDecoder();
    for await (const chunk of fileBytes(input))
      made += decoder.decode(chunk, { stream: true }).length;
    return made;
  }
  if (stage === 'tokenize') {
    const delimited = await readDelimited(fileBytes(input), {
      delimiter: ',',
      quote: '"',
      limits: defaultLimits,
      batchSize: defaultBatchSize,
    });
    for await (const batch of delimited.batches) made += batch.records.length;
    return made;
  }
  const validator = createEventValidator({});
  for await (const batch of acledFormat.read(fileBytes(input), acledFormat.defaultReadOptions)) {
    if (stage === 'map') {
      made += batch.events.length;
      continue;
    }
    for (const event of batch.events) {
      made += validator.checkRules(event).length;
      if (stage === 'serialise') made += JSON.stringify(event).length;
    }
  }
  return made;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const stageFlag = flag('stage', '');
if (stageFlag) {
  // One measured run, in its own process.
  const input = flag('input', '');
  const started = performance.now();
  const made = await runStage(stageFlag, input);
  process.stdout.write(
    `${JSON.stringify({ made, seconds: (performance.now() - started) / 1000 })}\n`,
  );
} else {
  const rowCount = Number(flag('rows', '1000000'));
  const runs = Number(flag('runs', '3'));
  const input = join(dataDir, `acled-${rowCount}.csv`);
  if (!existsSync(input)) {
    process.stderr.write(`generating ${input}\n`);
    await writeGeneratedFile(input, acledFormat, rowCount);
  }
  const self = fileURLToPath(import.meta.url);
  const seconds = new Map(stages.map(([stage]) => [stage, []]));
  for (let run = 0; run < runs; run++) {
    for (const [stage] of stages) {
      process.stderr.write(`run ${run + 1}: ${stage}\n`);
      const args =
        stage === 'convert'
          ? [
              join(here, 'convert-one.mjs'),
              input,
              join(dataDir, 'stages-out.ndjson'),
              'acled',
              'ndjson',
              'rules',
            ]
          : [self, '--stage', stage, '--input', input];
      const result = JSON.parse(
        execFileSync(process.execPath, args, { encoding: 'utf8' }).trim().split('\n').pop(),
      );
      seconds.get(stage).push(stage === 'convert' ? result.wallSeconds : result.seconds);
    }
  }
  const perRow = (value) => ((value * 1e6) / rowCount).toFixed(2);
  process.stdout.write(
    `| stage | what it adds | wall s (cumulative) | added, s | added, µs a row |\n|---|---|---|---|---|\n`,
  );
  let before = 0;
  for (const [stage, what] of stages) {
    const wall = median(seconds.get(stage));
    process.stdout.write(
      `| ${stage} | ${what} | ${wall.toFixed(2)} | ${(wall - before).toFixed(2)} | ${perRow(wall - before)} |\n`,
    );
    before = wall;
  }
  process.stdout.write(
    `\n${rowCount.toLocaleString('en-US')} rows, medians of ${runs} runs; node ${process.version}; ${cpuSpeedLine()}.\n`,
  );
}
