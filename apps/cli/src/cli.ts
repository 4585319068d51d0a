import { createRequire } from 'node:module';
import { deleteFromBatches, keepNewestVersions, readDeletedEvents } from '@conflict-events/acled';
import { joinMentions } from '@conflict-events/gdelt';
import { convert } from '@conflict-events/io';
import { boundHeapGrowth } from '@conflict-events/io/node';
import { publishedSchemas, toPublishedJsonSchema } from '@conflict-events/schema';
import { Argument, Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { CliError, describeError, exitCodes } from './cli-error.ts';
import { type ConvertJob, convertFiles, summaryLine } from './convert-files.ts';
import { addEvent, emptyStats, renderStats } from './event-stats.ts';
import { discardSink, eventsOf, eventTap } from './event-tap.ts';
import { checkInputs, expandGlobs, inputBytes, standardStream } from './files.ts';
import { loadRuleConfig } from './load-rule-config.ts';
import { abortOpenOutputs, installSignalHandlers } from './output-guard.ts';
import { startProgress, stopProgress } from './progress.ts';
import { formats, registry } from './registry.ts';
import {
  defaultReportFormat,
  type ReportFormat,
  renderReport,
  reportFormats,
} from './render-report.ts';
import { validateFiles } from './validate-files.ts';

const { version } = createRequire(import.meta.url)('../package.json') as { version: string };

function positiveInteger(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) {
    throw new InvalidArgumentError('expected a whole number of at least 1');
  }
  return number;
}

function digits(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0 || number > 17) {
    throw new InvalidArgumentError('expected a whole number from 0 to 17');
  }
  return number;
}

function oneCharacter(value: string): string {
  const text = value === '\\t' ? '\t' : value;
  if ([...text].length !== 1) throw new InvalidArgumentError('expected one character (or \\t)');
  return text;
}

interface ConvertFlags {
  output: string;
  from?: string;
  to?: string;
  rejects?: string;
  rules: boolean;
  config?: string;
  maxIssues: number;
  maxField?: number;
  zipEntry?: string;
  csvDelimiter?: string;
  csvBom?: boolean;
  csvCrlf?: boolean;
  hxlTags?: boolean;
  jsonPretty?: boolean;
  geojsonFlat?: boolean;
  geojsonPrecision?: number;
  geojsonBbox?: boolean;
  geojsonNewline?: boolean;
  kmlFolders?: 'category' | 'none';
  keepFormulas?: boolean;
  parquetCompression?: 'zstd' | 'snappy' | 'uncompressed';
  parquetRowGroupSize?: number;
  partitionBy?: string[];
  force?: boolean;
  quiet?: boolean;
}

/** The options `convert` and `import` share. */
function addConvertOptions(command: Command): Command {
  return command
    .requiredOption('-o, --output <file>', 'output file, or - for standard output')
    .option('--to <format>', 'output format id (default: from the output extension; ndjson for -)')
    .option('--rejects <file>', "write rejected records to this file, in the input's own format")
    .option('--no-rules', 'check the shape only, skip the rule checks')
    .option(
      '--config <file>',
      'rule config (default: conflict-events.config.json, searched upwards)',
    )
    .option('--max-issues <n>', 'issues kept for the summary', positiveInteger, 1000)
    .option('--max-field <n>', 'longest field in characters (default 64 Mi)', positiveInteger)
    .option('--zip-entry <name>', 'the file to read from a zip holding several')
    .option('--csv-delimiter <char>', 'CSV output: field delimiter (default ",")', oneCharacter)
    .option('--csv-bom', 'CSV output: start with a UTF-8 byte-order mark (for Excel)')
    .option('--csv-crlf', 'CSV output: end lines with CRLF instead of LF')
    .option('--hxl-tags', 'CSV output: add an HXL hashtag row under the header')
    .option('--json-pretty', 'JSON dataset output: indent the JSON')
    .option(
      '--geojson-flat',
      'GeoJSON output: flat properties (the canonical CSV columns), for GIS tools',
    )
    .option(
      '--geojson-precision <digits>',
      'GeoJSON output: decimals of coordinates (default 6)',
      digits,
    )
    .option('--geojson-bbox', 'GeoJSON output: a bbox on every feature and on the collection')
    .option('--geojson-newline', 'GeoJSONSeq output: one feature a line, without RS separators')
    .addOption(
      new Option('--kml-folders <grouping>', 'KML output: a Folder per category, or none').choices([
        'category',
        'none',
      ]),
    )
    .option(
      '--keep-formulas',
      'CSV and XLSX output: do not neutralise text cells that start like a formula',
    )
    .addOption(
      new Option(
        '--parquet-compression <codec>',
        'GeoParquet output: column compression (default zstd)',
      ).choices(['zstd', 'snappy', 'uncompressed']),
    )
    .option(
      '--parquet-row-group-size <n>',
      'GeoParquet output: events per row group (default 15000)',
      positiveInteger,
    )
    .option(
      '--partition-by <keys>',
      'GeoParquet output: a Hive-partitioned folder by these keys (year, country, category, …)',
      (value: string) =>
        value
          .split(',')
          .map((key) => key.trim())
          .filter((key) => key !== ''),
    )
    .option('-f, --force', 'replace an existing output file (or folder)')
    .option('-q, --quiet', 'no summary on stderr');
}

function convertJob(inputs: string[], flags: ConvertFlags, from?: string): ConvertJob {
  const writeOptions: ConvertJob['writeOptions'] = {};
  if (flags.csvDelimiter !== undefined)
    writeOptions.delimiter = { value: flags.csvDelimiter, flag: '--csv-delimiter' };
  if (flags.csvBom) writeOptions.bom = { value: true, flag: '--csv-bom' };
  if (flags.csvCrlf) writeOptions.lineEnding = { value: '\r\n', flag: '--csv-crlf' };
  if (flags.hxlTags) writeOptions.hxlTags = { value: true, flag: '--hxl-tags' };
  if (flags.jsonPretty) writeOptions.pretty = { value: true, flag: '--json-pretty' };
  if (flags.geojsonFlat) writeOptions.flat = { value: true, flag: '--geojson-flat' };
  if (flags.geojsonPrecision !== undefined)
    writeOptions.coordinatePrecision = {
      value: flags.geojsonPrecision,
      flag: '--geojson-precision',
    };
  if (flags.geojsonBbox) writeOptions.bbox = { value: true, flag: '--geojson-bbox' };
  if (flags.geojsonNewline) writeOptions.rs = { value: false, flag: '--geojson-newline' };
  if (flags.kmlFolders !== undefined)
    writeOptions.folders = { value: flags.kmlFolders, flag: '--kml-folders' };
  if (flags.keepFormulas)
    writeOptions.neutraliseFormulas = { value: false, flag: '--keep-formulas' };
  if (flags.parquetCompression !== undefined)
    writeOptions.compression = { value: flags.parquetCompression, flag: '--parquet-compression' };
  if (flags.parquetRowGroupSize !== undefined)
    writeOptions.rowGroupSize = {
      value: flags.parquetRowGroupSize,
      flag: '--parquet-row-group-size',
    };
  const job: ConvertJob = {
    inputs,
    output: flags.output,
    readOptions: {},
    writeOptions,
    rules: flags.rules ? {} : false,
    maxIssues: flags.maxIssues,
    limits: flags.maxField !== undefined ? { maxFieldLength: flags.maxField } : {},
    force: flags.force === true,
  };
  const source = from ?? flags.from;
  if (source !== undefined) job.from = source;
  if (flags.to !== undefined) job.to = flags.to;
  if (flags.rejects !== undefined) job.rejects = flags.rejects;
  if (flags.zipEntry !== undefined) job.zipEntry = flags.zipEntry;
  if (flags.partitionBy !== undefined) job.partitionBy = flags.partitionBy;
  return job;
}

async function runConvert(job: ConvertJob, flags: ConvertFlags): Promise<void> {
  // The rules run as validate runs them: the config given, or the nearest one found.
  if (job.rules === false) {
    if (flags.config !== undefined)
      throw new CliError('--config sets the rules, which --no-rules skips: use one of them');
  } else {
    job.rules = { rules: (await loadRuleConfig(flags.config)).rules };
  }
  job.progress = await startProgress(job.inputs, flags.quiet);
  const totals = await convertFiles(job);
  job.progress.stop();
  if (!flags.quiet) {
    console.error(summaryLine(totals));
    if (totals.rejected > 0 && job.rejects === undefined) {
      console.error(`${totals.rejected} records were rejected; --rejects FILE keeps them`);
    }
  }
}

/** Source names users type, mapped to the format ids of the importer packages. */
const sources = { acled: 'acled', ucdp: 'ucdp-ged', gdelt: 'gdelt', hxl: 'hxl' } as const;

function buildProgram(): Command {
  const program = new Command('conflict-events')
    .description('Convert, import, validate and summarise conflict-event data.')
    .version(version, '-V, --version')
    .option('--debug', 'show stack traces for errors')
    .exitOverride()
    // Commander's own errors (unknown option, missing argument) get the same one-line shape.
    .configureOutput({
      outputError: (text, write) => write(`conflict-events: ${text.replace(/^error: /, '')}`),
    });

  addConvertOptions(
    program
      .command('convert')
      .description('Convert event files from one format to another.')
      .argument('<inputs...>', 'input files (gzip and zip are read as is), or - for stdin')
      .option('--from <format>', 'input format id (default: by extension, then by content)'),
  )
    .addHelpText(
      'after',
      `
Several inputs are concatenated into one output. The output is written to a temporary
file and renamed into place only when the whole conversion succeeds.

Examples:
  $ conflict-events convert events.csv -o events.ndjson
  $ conflict-events convert a.ndjson b.csv.gz -o all.json --json-pretty
  $ conflict-events convert events.json -o events.csv --rejects rejected.json
  $ cat events.ndjson | conflict-events convert - -o - --to csv
  $ conflict-events convert events.csv -o events.geojson --geojson-flat
  $ conflict-events convert events.csv -o events.kml
  $ conflict-events convert events.csv -o events.xlsx
  $ conflict-events convert events.csv -o events.parquet --parquet-compression snappy
  $ conflict-events convert events.csv -o events-by-year/ --partition-by year,country
  $ conflict-events convert events-by-year/ -o all.ndjson   (a partitioned folder as input)`,
    )
    .action(async (inputs: string[], flags: ConvertFlags) => {
      await runConvert(convertJob(inputs, flags), flags);
    });

  addConvertOptions(
    program
      .command('import')
      .description('Import a source dataset (ACLED, UCDP GED, GDELT, HXL-tagged CSV).')
      .addArgument(new Argument('<source>', 'the source dataset').choices(Object.keys(sources)))
      .argument('<inputs...>', 'input files, or - for stdin')
      .addOption(
        new Option(
          '--zero-fatalities <meaning>',
          'ACLED: what a fatalities value of 0 means (default unknown)',
        ).choices(['none', 'unknown']),
      )
      .option(
        '--deleted <file>',
        'ACLED: a deleted-events list to apply (each removal is reported as a reject)',
      )
      .option(
        '--upsert',
        'ACLED: the inputs are downloads, oldest first; keep the newest version of each event',
      )
      .option(
        '--mentions <file>',
        'GDELT 2.0: a mentions file whose mentions become sources of their events',
      ),
  )
    .addHelpText(
      'after',
      `
Examples:
  $ conflict-events import acled acled-2024.csv -o acled.ndjson --zero-fatalities none
  $ conflict-events import ucdp GEDEvent_v24_1.csv.zip -o ged.csv
  $ conflict-events import gdelt 20240101.export.CSV.zip -o gdelt.ndjson
  $ conflict-events import acled acled.csv --deleted deleted.csv -o acled.ndjson
  $ conflict-events import acled acled-2023.csv update-2024-06.csv --upsert -o acled.ndjson

With --upsert the downloads are read newest first and the output starts with the newest
one's events; every older version of an event is a reject with a "superseded" notice.
  $ conflict-events import gdelt 20170101073000.export.CSV --mentions 20170101073000.mentions.CSV -o gdelt.ndjson`,
    )
    .action(
      async (
        source: keyof typeof sources,
        inputs: string[],
        flags: ConvertFlags & {
          zeroFatalities?: 'none' | 'unknown';
          deleted?: string;
          upsert?: boolean;
          mentions?: string;
        },
      ) => {
        const job = convertJob(
          flags.upsert ? [...inputs].reverse() : inputs,
          flags,
          sources[source],
        );
        if (flags.zeroFatalities !== undefined) {
          if (source !== 'acled') throw new CliError('--zero-fatalities applies to acled only');
          job.readOptions.zeroFatalities = flags.zeroFatalities;
        }
        if (flags.deleted !== undefined) {
          if (source !== 'acled') throw new CliError('--deleted applies to acled only');
          await checkInputs([flags.deleted]);
          const { deleted, invalid } = await readDeletedEvents(inputBytes(flags.deleted));
          if (invalid.length > 0) {
            throw new CliError(
              `${flags.deleted}:${invalid[0]?.line}: not an event_id_cnty and a Unix deleted_timestamp`,
            );
          }
          job.transform = deleteFromBatches(deleted);
        }
        if (flags.upsert) {
          if (source !== 'acled') throw new CliError('--upsert applies to acled only');
          const deletions = job.transform;
          const newest = keepNewestVersions();
          job.transform = deletions ? (batches) => newest(deletions(batches)) : newest;
        }
        if (flags.mentions !== undefined) {
          if (source !== 'gdelt') throw new CliError('--mentions applies to gdelt only');
          const mentions = flags.mentions;
          await checkInputs([mentions]);
          job.transform = (batches) =>
            joinMentions(batches, inputBytes(mentions), { file: mentions });
        }
        await runConvert(job, flags);
      },
    );

  program
    .command('validate')
    .description('Validate event files: shape and rules, with positioned issues.')
    .argument(
      '<files...>',
      'files or glob patterns (data/**/*.csv) in any readable format, or - for stdin',
    )
    .option('--from <format>', 'input format id (default: by extension, then by content)')
    .addOption(
      new Option(
        '--format <format>',
        'report format (default: github in GitHub Actions, else text)',
      ).choices(reportFormats),
    )
    .option(
      '--max-errors <n>',
      'issues listed before the report is cut short',
      positiveInteger,
      1000,
    )
    .option(
      '--config <file>',
      'rule config (default: conflict-events.config.json, searched upwards)',
    )
    .addOption(
      new Option('--fail-on <severity>', 'the lowest severity that makes the exit code 1')
        .choices(['error', 'warning'])
        .default('error'),
    )
    .option('-q, --quiet', 'no progress bar')
    .addHelpText(
      'after',
      `
Exit codes: 0 valid, 1 invalid (an issue at --fail-on severity or above), 2 usage or I/O error.

Config file: { "rules": { "date-in-future": "off", "fatalities-order": "warning" } }

Examples:
  $ conflict-events validate events.csv
  $ conflict-events validate data/*.ndjson --format json > report.json
  $ conflict-events validate 'data/**/*.csv'   (quoted: the pattern is expanded here)
  $ conflict-events validate events.csv --format github --config ci.config.json`,
    )
    .action(
      async (
        files: string[],
        flags: {
          from?: string;
          format?: ReportFormat;
          maxErrors: number;
          config?: string;
          failOn: 'error' | 'warning';
          quiet?: boolean;
        },
      ) => {
        const { rules } = await loadRuleConfig(flags.config);
        if (flags.from !== undefined) registry.get(flags.from);
        const paths = await expandGlobs(files);
        const progress = await startProgress(paths, flags.quiet);
        const report = await validateFiles({
          files: paths,
          rules,
          maxErrors: flags.maxErrors,
          progress,
          ...(flags.from !== undefined ? { from: flags.from } : {}),
        });
        progress.stop();
        process.stdout.write(renderReport(report, flags.format ?? defaultReportFormat()));
        const failed = !report.valid || (flags.failOn === 'warning' && report.warnings > 0);
        process.exitCode = failed ? exitCodes.invalid : exitCodes.ok;
      },
    );

  program
    .command('stats')
    .description('Summarise events: by category, country, year, actor kind; fatalities; dates.')
    .argument('<input>', 'an event file in any readable format, or - for stdin')
    .option('--from <format>', 'input format id (default: by extension, then by content)')
    .option('--json', 'print JSON instead of a table')
    .addHelpText(
      'after',
      `
Rejected records are left out; fatalities sum reported tolls only, and events with no toll
reported are counted apart (unknown is not zero).

Examples:
  $ conflict-events stats events.csv
  $ conflict-events stats acled.csv --from acled --json`,
    )
    .action(async (input: string, flags: { from?: string; json?: boolean }) => {
      await checkInputs([input]);
      const stats = emptyStats();
      const run = await convert({
        input: inputBytes(input),
        fileName: input === standardStream ? 'stdin' : input,
        registry,
        to: eventTap((item) => {
          for (const event of eventsOf(item)) addEvent(stats, event);
        }),
        output: discardSink,
        ...(flags.from !== undefined ? { from: flags.from } : {}),
      });
      const result = { from: run.from, records: run.records, rejected: run.rejected, ...stats };
      if (flags.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      else {
        process.stdout.write(
          `${input} (${run.from}): ${run.records} records, ${run.rejected} rejected\n${renderStats(stats)}`,
        );
      }
    });

  program
    .command('schema')
    .description('Print a published JSON Schema.')
    .argument(
      '[name]',
      `one of ${publishedSchemas.map((entry) => entry.name).join(', ')}`,
      'conflict-event',
    )
    .addHelpText(
      'after',
      `
Examples:
  $ conflict-events schema > conflict-event.schema.json
  $ conflict-events schema validation-report`,
    )
    .action((name: string) => {
      const entry = publishedSchemas.find((candidate) => candidate.name === name);
      if (!entry) {
        throw new CliError(
          `unknown schema "${name}"; schemas are: ${publishedSchemas.map((candidate) => candidate.name).join(', ')}`,
        );
      }
      process.stdout.write(`${JSON.stringify(toPublishedJsonSchema(entry), null, 2)}\n`);
    });

  program
    .command('formats')
    .description('List every format with its extensions and whether it reads and writes.')
    .option('--json', 'print JSON instead of a table')
    .addHelpText('after', '\nExample:\n  $ conflict-events formats')
    .action((flags: { json?: boolean }) => {
      const rows = formats.map((format) => ({
        id: format.id,
        name: format.name,
        extensions: [...format.extensions],
        read: format.capabilities.read,
        write: format.capabilities.write,
      }));
      if (flags.json) {
        process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
        return;
      }
      const idWidth = Math.max(2, ...rows.map((row) => row.id.length));
      const extWidth = Math.max(10, ...rows.map((row) => row.extensions.join(', ').length));
      const lines = [
        `${'id'.padEnd(idWidth)}  ${'extensions'.padEnd(extWidth)}  read  write  name`,
        ...rows.map(
          (row) =>
            `${row.id.padEnd(idWidth)}  ${row.extensions.join(', ').padEnd(extWidth)}  ${(row.read ? 'yes' : 'no').padEnd(4)}  ${(row.write ? 'yes' : 'no').padEnd(5)}  ${row.name}`,
        ),
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
    });

  return program;
}

async function main(argv: readonly string[]): Promise<void> {
  installSignalHandlers();
  // Conversions stream: a heap grown to a multiple of the live data would only hold garbage.
  boundHeapGrowth();
  const debug = argv.includes('--debug');
  try {
    await buildProgram().parseAsync(argv);
  } catch (error) {
    stopProgress();
    await abortOpenOutputs();
    if (error instanceof CommanderError) {
      // Help and --version end through here too, with exit code 0.
      process.exitCode = error.exitCode === 0 ? exitCodes.ok : exitCodes.usage;
      return;
    }
    console.error(`conflict-events: ${describeError(error)}`);
    if (debug && error instanceof Error && error.stack) console.error(error.stack);
    process.exitCode = exitCodes.usage;
  }
}

await main(process.argv);
