import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ValidationReportSchema } from '@conflict-events/schema';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildCli,
  cliRoot,
  fixture,
  repoRoot,
  runCli,
  seedDataset,
  temporaryDirectory,
} from './run-cli.ts';

const badHxl = fixture('hxl', 'bad-rows.csv');

beforeAll(() => {
  buildCli();
}, 60_000);

/** Only what the user asked for: no temp files beside the outputs. */
function leftovers(directory: string): string[] {
  return readdirSync(directory).filter((name) => name.endsWith('.tmp'));
}

describe.concurrent('convert', { timeout: 30_000 }, () => {
  it('converts by extension and prints the summary on stderr', async () => {
    const directory = temporaryDirectory();
    const output = join(directory, 'seed.csv');
    const result = await runCli(['convert', seedDataset, '-o', output]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      /^json → csv: records 9, events 9, rejected 0, warnings 0, errors 0, [\d.]+ s, \d+ events\/s\n$/,
    );
    expect(readFileSync(output, 'utf8').split('\n')[0]).toMatch(/^id,date_start,date_end/);
    expect(leftovers(directory)).toEqual([]);
  });

  it('concatenates several inputs into one output', async () => {
    const directory = temporaryDirectory();
    const csv = join(directory, 'seed.csv');
    await runCli(['convert', seedDataset, '-o', csv]);
    const output = join(directory, 'all.ndjson');
    const result = await runCli(['convert', csv, seedDataset, '-o', output]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/records 18, events 18, rejected 0/);
    expect(readFileSync(output, 'utf8').trim().split('\n')).toHaveLength(18);
  });

  it('reads standard input and writes standard output', async () => {
    const result = await runCli(['convert', '-', '-o', '-', '--from', 'json', '--quiet'], {
      stdin: readFileSync(seedDataset, 'utf8'),
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(9);
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({ id: 'seed:2016-08-01-mi8-downing' });
  });

  it('passes format options to the writer and refuses ones that do not apply', async () => {
    const directory = temporaryDirectory();
    const output = join(directory, 'seed.csv');
    const result = await runCli([
      'convert',
      seedDataset,
      '-o',
      output,
      '--csv-delimiter',
      ';',
      '--csv-crlf',
      '--csv-bom',
    ]);
    expect(result.code).toBe(0);
    const text = readFileSync(output, 'utf8');
    expect(text.startsWith('\uFEFFid;date_start;')).toBe(true);
    expect(text).toContain('\r\n');
    const wrong = await runCli([
      'convert',
      seedDataset,
      '-o',
      join(directory, 'x.csv'),
      '--json-pretty',
    ]);
    expect(wrong).toMatchObject({ code: 2, stdout: '' });
    expect(wrong.stderr).toBe('conflict-events: --json-pretty does not apply to csv output\n');
  });

  it('writes every output format by extension, with its options', async () => {
    const directory = temporaryDirectory();
    const out = (name: string) => join(directory, name);
    const run = (name: string, ...extra: string[]) =>
      runCli(['convert', seedDataset, '-o', out(name), ...extra]);
    expect((await run('seed.geojson', '--geojson-flat', '--geojson-precision', '3')).code).toBe(0);
    const collection = JSON.parse(readFileSync(out('seed.geojson'), 'utf8')) as {
      type: string;
      features: { geometry: { coordinates: number[] } | null; properties: { id: string } }[];
    };
    expect(collection.type).toBe('FeatureCollection');
    expect(collection.features).toHaveLength(9);
    expect(typeof collection.features[0]?.properties.id).toBe('string');
    for (const feature of collection.features)
      for (const coordinate of feature.geometry?.coordinates ?? [])
        expect(String(coordinate)).toMatch(/^-?\d+(\.\d{1,3})?$/);
    expect((await run('seed.geojsonl', '--geojson-newline')).code).toBe(0);
    const lines = readFileSync(out('seed.geojsonl'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(9);
    expect(lines[0]?.startsWith('{"type":"Feature"')).toBe(true);
    expect((await run('seed.kml', '--kml-folders', 'none')).code).toBe(0);
    const kml = readFileSync(out('seed.kml'), 'utf8');
    expect(kml.match(/<Placemark>/g)).toHaveLength(9);
    expect(kml).not.toContain('<Folder>');
    expect((await run('seed.xlsx')).code).toBe(0);
    expect(readFileSync(out('seed.xlsx')).subarray(0, 4)).toEqual(
      Buffer.from('PK\x03\x04', 'latin1'),
    );
    // Back from GeoJSON to events, and an XLSX input refused by name.
    const back = await runCli(['convert', out('seed.geojsonl'), '-o', out('back.ndjson')]);
    expect(back.stderr).toMatch(/^geojsonseq → ndjson: records 9, events 9, rejected 0/);
    const xlsxIn = await runCli(['convert', out('seed.xlsx'), '-o', out('x.ndjson')]);
    expect(xlsxIn.code).toBe(2);
    expect(xlsxIn.stderr).toBe(
      `conflict-events: "${out('seed.xlsx')}" is Excel workbook (XLSX), which can be written but not read\n`,
    );
    const misplaced = await run('seed.csv', '--kml-folders', 'none');
    expect(misplaced.stderr).toBe('conflict-events: --kml-folders does not apply to csv output\n');
  });

  it('writes GeoParquet, one file or a Hive-partitioned folder, and reads both back', async () => {
    const directory = temporaryDirectory();
    const out = (name: string) => join(directory, name);
    const seedEvents = (JSON.parse(readFileSync(seedDataset, 'utf8')) as { events: unknown[] })
      .events;
    const single = await runCli([
      'convert',
      seedDataset,
      '-o',
      out('seed.parquet'),
      '--parquet-compression',
      'snappy',
      '--parquet-row-group-size',
      '4',
    ]);
    expect(single.code).toBe(0);
    expect(readFileSync(out('seed.parquet')).subarray(0, 4).toString('latin1')).toBe('PAR1');
    await runCli(['convert', out('seed.parquet'), '-o', out('from-file.ndjson')]);
    const fromFile = readFileSync(out('from-file.ndjson'), 'utf8').trim().split('\n');
    expect(fromFile.map((line) => JSON.parse(line))).toEqual(seedEvents);

    const partitioned = await runCli([
      'convert',
      seedDataset,
      '-o',
      out('by-year'),
      '--partition-by',
      'year,category',
    ]);
    expect(partitioned.code).toBe(0);
    expect(partitioned.stderr).toMatch(/^json → geoparquet \(partitioned\): records 9, events 9/);
    expect(readdirSync(out('by-year'))).toEqual(['year=2016']);
    expect(readdirSync(join(directory, 'by-year', 'year=2016')).length).toBeGreaterThan(1);
    expect(readdirSync(directory).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    await runCli(['convert', out('by-year'), '-o', out('from-folder.ndjson')]);
    const fromFolder = readFileSync(out('from-folder.ndjson'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { id: string });
    expect(fromFolder.map((event) => event.id).sort()).toEqual(
      (seedEvents as { id: string }[]).map((event) => event.id).sort(),
    );
    expect((await runCli(['validate', out('by-year')])).code).toBe(0);

    const again = await runCli([
      'convert',
      seedDataset,
      '-o',
      out('by-year'),
      '--partition-by',
      'year',
    ]);
    expect(again.stderr).toBe(
      `conflict-events: ${out('by-year')} already exists; pass --force to replace it\n`,
    );
    const replaced = await runCli([
      'convert',
      seedDataset,
      '-o',
      out('by-year'),
      '--partition-by',
      'year',
      '--force',
    ]);
    expect(replaced.code).toBe(0);
    expect(readdirSync(join(directory, 'by-year', 'year=2016'))).toEqual(['part-0.parquet']);
    const wrong = await runCli([
      'convert',
      seedDataset,
      '-o',
      out('x'),
      '--partition-by',
      'year',
      '--to',
      'csv',
    ]);
    expect(wrong.stderr).toBe('conflict-events: --partition-by writes GeoParquet, not csv\n');
  });

  it('writes rejected records in the input format with --rejects', async () => {
    const directory = temporaryDirectory();
    const rejects = join(directory, 'rejects.csv');
    const result = await runCli([
      'convert',
      badHxl,
      '-o',
      join(directory, 'out.csv'),
      '--rejects',
      rejects,
    ]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^hxl → csv: records 9, events 2, rejected 7, /);
    const lines = readFileSync(rejects, 'utf8').trim().split('\n');
    const source = readFileSync(badHxl, 'utf8');
    // The header and hashtag rows, then the seven rejected rows exactly as in the input.
    expect(lines).toHaveLength(9);
    expect(lines[1]).toMatch(/^#event\+code,/);
    for (const line of lines) expect(source).toContain(line);
    expect(lines.slice(2).map((line) => line.split(',')[0])).toContain('B-2');
  });

  it('refuses to write over an input, and over an existing file without --force', async () => {
    const directory = temporaryDirectory();
    const csv = join(directory, 'seed.csv');
    await runCli(['convert', seedDataset, '-o', csv]);
    const before = readFileSync(csv, 'utf8');
    const over = await runCli(['convert', csv, '-o', csv, '--force']);
    expect(over).toMatchObject({ code: 2, stdout: '' });
    expect(over.stderr).toBe(
      `conflict-events: refusing to write the output over the input ${csv}\n`,
    );
    expect(readFileSync(csv, 'utf8')).toBe(before);
    const existing = await runCli(['convert', seedDataset, '-o', csv]);
    expect(existing.code).toBe(2);
    expect(existing.stderr).toBe(
      `conflict-events: ${csv} already exists; pass --force to replace it\n`,
    );
    expect((await runCli(['convert', seedDataset, '-o', csv, '--force'])).code).toBe(0);
  });

  it('leaves no output and no temp file when the input breaks mid-stream', async () => {
    const directory = temporaryDirectory();
    const whole = gzipSync(readFileSync(seedDataset));
    const truncated = join(directory, 'seed.dataset.json.gz');
    writeFileSync(truncated, whole.subarray(0, Math.floor(whole.length / 2)));
    const output = join(directory, 'out.ndjson');
    const result = await runCli(['convert', truncated, '-o', output]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^conflict-events: /);
    expect(result.stderr).not.toMatch(/\bat .*\.js:\d+/);
    expect(existsSync(output)).toBe(false);
    expect(leftovers(directory)).toEqual([]);
  });

  it('stops at a size limit with one line, exit 2 and nothing written', async () => {
    const directory = temporaryDirectory();
    const csv = join(temporaryDirectory(), 'seed.csv');
    await runCli(['convert', seedDataset, '-o', csv]);
    const output = join(directory, 'out.ndjson');
    const rejects = join(directory, 'rejects.json');
    const result = await runCli([
      'convert',
      csv,
      '-o',
      output,
      '--rejects',
      rejects,
      '--max-field',
      '10',
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^conflict-events: input too large: .+\n$/);
    expect(readdirSync(directory)).toEqual([]);
  });

  it('shows a stack trace only with --debug', async () => {
    const directory = temporaryDirectory();
    const broken = join(directory, 'broken.csv.gz');
    writeFileSync(broken, Buffer.from([0x1f, 0x8b, 8, 0, 0, 0]));
    const args = ['convert', broken, '-o', join(directory, 'out.ndjson')];
    const plain = await runCli(args);
    expect(plain.code).toBe(2);
    expect(plain.stderr.trim().split('\n')).toHaveLength(1);
    const debug = await runCli([...args, '--debug']);
    expect(debug.code).toBe(2);
    expect(debug.stderr).toMatch(/\n\s+at /);
  });

  it.each([
    [['convert', 'missing.csv', '-o', 'out.ndjson'], /cannot read missing\.csv: no such file/],
    [['convert', seedDataset, '-o', 'out.xyz'], /no format writes "out\.xyz"/],
    [['convert', seedDataset, '-o', 'out.csv', '--from', 'nope'], /unknown format "nope"/],
    [
      ['convert', seedDataset, '-o', '/no/such/dir/out.csv'],
      /cannot write \/no\/such\/dir\/out\.csv: no such file/,
    ],
    [['convert', seedDataset, '-o', 'x.csv', '--bogus'], /unknown option '--bogus'/],
    [['convert', seedDataset], /required option '-o, --output <file>' not specified/],
    [['convert', seedDataset, '-o', 'x.csv', '--max-issues', 'lots'], /whole number/],
    [['import', 'foo', seedDataset, '-o', 'x.csv'], /'foo' is invalid for argument 'source'/],
    [['import', 'ucdp', seedDataset, '-o', 'x.csv', '--zero-fatalities', 'none'], /acled only/],
    [['schema', 'nope'], /unknown schema "nope"; schemas are: conflict-event, dataset/],
    [['frobnicate'], /unknown command 'frobnicate'/],
  ])('%j is one clear line and exit 2', async (args, message) => {
    const directory = temporaryDirectory();
    const result = await runCli(args, { cwd: directory });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^conflict-events: /);
    expect(result.stderr).toMatch(message);
    expect(readdirSync(directory)).toEqual([]);
  });
});

describe.concurrent('import', { timeout: 30_000 }, () => {
  it('pins the source and passes its options', async () => {
    const directory = temporaryDirectory();
    const output = join(directory, 'acled.ndjson');
    const result = await runCli([
      'import',
      'acled',
      fixture('acled', 'acled-2019-layout.csv'),
      '-o',
      output,
      '--zero-fatalities',
      'none',
    ]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^acled → ndjson: records \d+, events \d+, rejected 0/);
    expect(readFileSync(output, 'utf8')).toContain('"acled:');
  });
});

describe.concurrent('validate', { timeout: 30_000 }, () => {
  it('applies ACLED deletions and newer downloads (--upsert) as reported rejects, and joins GDELT mentions', async () => {
    const directory = temporaryDirectory();
    const deleted = join(directory, 'deleted.csv');
    writeFileSync(deleted, 'event_id_cnty,deleted_timestamp\nSYR900001,1900000000\n');
    const acled = fixture('acled', 'acled-2023-layout.csv');
    const plain = await runCli(['import', 'acled', acled, '-o', join(directory, 'plain.ndjson')]);
    const rejects = join(directory, 'rejects.csv');
    const pruned = await runCli([
      'import',
      'acled',
      acled,
      '--deleted',
      deleted,
      '-o',
      join(directory, 'pruned.ndjson'),
      '--rejects',
      rejects,
    ]);
    expect(pruned.code).toBe(plain.code);
    const lines = (file: string) => readFileSync(file, 'utf8').trim().split('\n');
    expect(lines(join(directory, 'pruned.ndjson'))).toHaveLength(
      lines(join(directory, 'plain.ndjson')).length - 1,
    );
    expect(lines(rejects).map((line) => line.split(',')[0])).toContain('SYR900001');

    // --upsert: a newer download revises SYR900001; its old version becomes a reject.
    const [header, row] = readFileSync(acled, 'utf8').split('\n');
    const update = join(directory, 'update.csv');
    const revised = row
      ?.replace('12 fatalities.', '13 fatalities.')
      .replace(/1700000001$/, '1800000000');
    writeFileSync(update, `${header}\n${revised}\n`);
    const upsertRejects = join(directory, 'superseded.csv');
    const merged = await runCli([
      'import',
      'acled',
      acled,
      update,
      '--upsert',
      '-o',
      join(directory, 'merged.ndjson'),
      '--rejects',
      upsertRejects,
    ]);
    expect(merged.code).toBe(plain.code);
    const mergedEvents = lines(join(directory, 'merged.ndjson')).map(
      (line) => JSON.parse(line) as { id: string; notes: string },
    );
    expect(mergedEvents).toHaveLength(lines(join(directory, 'plain.ndjson')).length);
    expect(mergedEvents[0]).toMatchObject({ id: 'acled:SYR900001' });
    expect(mergedEvents[0]?.notes).toContain('13 fatalities.');
    expect(mergedEvents.filter((event) => event.id === 'acled:SYR900001')).toHaveLength(1);
    expect(lines(upsertRejects)[1]).toBe(row);
    const upsertGdelt = await runCli(['import', 'gdelt', acled, '--upsert', '-o', '-']);
    expect(upsertGdelt.code).toBe(2);
    expect(upsertGdelt.stderr).toBe('conflict-events: --upsert applies to acled only\n');

    const gdelt = fixture('gdelt', 'gdelt2-61.tsv');
    const id = readFileSync(gdelt, 'utf8').split('\t')[0];
    const mentions = join(directory, 'mentions.tsv');
    const fields = [
      id,
      '20240101000000',
      '20240101001500',
      '1',
      'example.org',
      'https://example.org/a',
      '1',
      '-1',
      '-1',
      '10',
      '1',
      '80',
      '1200',
      '-2.5',
      '',
      '',
    ];
    writeFileSync(mentions, `${fields.join('\t')}\n`);
    const joined = join(directory, 'joined.ndjson');
    await runCli(['import', 'gdelt', gdelt, '--mentions', mentions, '-o', joined]);
    const first = JSON.parse(lines(joined)[0] ?? '{}');
    expect(first.sources.map((source: { url?: string }) => source.url)).toContain(
      'https://example.org/a',
    );

    const wrong = await runCli([
      'import',
      'ucdp',
      acled,
      '--deleted',
      deleted,
      '-o',
      join(directory, 'x.ndjson'),
    ]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr.trim()).toBe('conflict-events: --deleted applies to acled only');
  });

  it('exits 0 for a valid file and 1 for an invalid one, with a per-file summary', async () => {
    const valid = await runCli(['validate', seedDataset]);
    expect(valid.code).toBe(0);
    expect(valid.stdout).toContain(`valid   ${seedDataset}: 9 records, 9 events, 0 rejected`);
    const invalid = await runCli(['validate', badHxl]);
    expect(invalid.code).toBe(1);
    expect(invalid.stdout).toContain(
      `INVALID ${badHxl}: 9 records, 2 events, 7 rejected, 8 errors`,
    );
    expect(invalid.stdout).toMatch(/issues by code:\n(.*\n)*\s+type-error: 3\n/);
  });

  it('writes a JSON report that matches the published schema', async () => {
    const result = await runCli(['validate', seedDataset, badHxl, '--format', 'json']);
    expect(result.code).toBe(1);
    const report: unknown = JSON.parse(result.stdout);
    const parsed = ValidationReportSchema.parse(report);
    expect(parsed).toMatchObject({ valid: false, partial: false, errors: 8, maxErrors: 1000 });
    expect(parsed.files.map((file) => file.valid)).toEqual([true, false]);
    expect(parsed.counts['type-error']).toBe(3);
    const schema = JSON.parse(
      readFileSync(join(repoRoot, 'schemas', 'validation-report.schema.json'), 'utf8'),
    ) as object;
    const check = new Ajv2020({ strict: false }).compile(schema);
    expect(check(report), JSON.stringify(check.errors)).toBe(true);
  });

  it('says plainly when the report is cut short by --max-errors', async () => {
    const json = await runCli(['validate', badHxl, '--format', 'json', '--max-errors', '2']);
    const report = ValidationReportSchema.parse(JSON.parse(json.stdout));
    expect(report).toMatchObject({ partial: true, maxErrors: 2, errors: 8 });
    expect(report.issues).toHaveLength(2);
    const text = await runCli(['validate', badHxl, '--max-errors', '2']);
    expect(text.stdout).toContain('partial report: only the first 2 issues are listed');
  });

  it('writes GitHub annotations, by default inside GitHub Actions', async () => {
    const result = await runCli(['validate', badHxl], { env: { GITHUB_ACTIONS: 'true' } });
    expect(result.code).toBe(1);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toContain(
      `::error file=${badHxl},line=4,col=3,title=type-error::"abc" is not a number (field latitude)`,
    );
    expect(lines.filter((line) => line.startsWith('::warning file='))).toHaveLength(3);
    expect(lines.filter((line) => line.startsWith('::error file='))).toHaveLength(8);
    expect(lines.at(-1)).toMatch(/^::notice title=conflict-events validate::invalid: 8 errors/);
  });

  it('reads rule settings from the nearest config file, and refuses a bad one', async () => {
    const directory = temporaryDirectory();
    const csv = join(directory, 'twice.ndjson');
    const ndjson = await runCli(['convert', seedDataset, '-o', '-', '--quiet']);
    writeFileSync(csv, ndjson.stdout + ndjson.stdout);
    expect((await runCli(['validate', csv], { cwd: directory })).code).toBe(1);
    writeFileSync(
      join(directory, 'conflict-events.config.json'),
      JSON.stringify({ rules: { 'duplicate-id': 'warning' } }),
    );
    const relaxed = await runCli(['validate', csv], { cwd: directory });
    expect(relaxed.code).toBe(0);
    expect(relaxed.stdout).toContain('duplicate-id: 9');

    const badConfig = join(directory, 'bad.json');
    writeFileSync(badConfig, JSON.stringify({ rules: { 'no-such-rule': 'off' } }));
    const bad = await runCli(['validate', csv, '--config', badConfig], { cwd: directory });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(
      /^conflict-events: bad config .*bad\.json: unknown rule "no-such-rule"/,
    );
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    writeFileSync(badConfig, '{ not json');
    expect((await runCli(['validate', csv, '--config', badConfig])).code).toBe(2);
  });

  it('convert takes the rule config validate takes: given, found upwards, or refused with --no-rules', async () => {
    const directory = temporaryDirectory();
    const twice = join(directory, 'twice.ndjson');
    const ndjson = await runCli(['convert', seedDataset, '-o', '-', '--quiet']);
    writeFileSync(twice, ndjson.stdout + ndjson.stdout);
    const out = join(directory, 'out.ndjson');
    // By default the second copy of each event is a duplicate id, an error: rejected.
    const strict = await runCli(['convert', twice, '-o', out], { cwd: directory });
    expect(strict.code).toBe(0);
    expect(strict.stderr).toMatch(/records 18, events 9, rejected 9,/);
    // A config that switches the check off keeps all 18 (and holds no id in memory).
    const config = join(directory, 'keep-all.json');
    writeFileSync(config, JSON.stringify({ rules: { 'duplicate-id': 'off' } }));
    const kept = await runCli(['convert', twice, '-o', out, '--force', '--config', config]);
    expect(kept.code).toBe(0);
    expect(kept.stderr).toMatch(/records 18, events 18, rejected 0,/);
    // The nearest conflict-events.config.json applies when none is given, as for validate.
    writeFileSync(
      join(directory, 'conflict-events.config.json'),
      JSON.stringify({ rules: { 'duplicate-id': 'warning' } }),
    );
    const found = await runCli(['convert', twice, '-o', out, '--force'], { cwd: directory });
    expect(found.stderr).toMatch(/records 18, events 18, rejected 0, warnings 9,/);
    const both = await runCli([
      'convert',
      twice,
      '-o',
      out,
      '--force',
      '--no-rules',
      '--config',
      config,
    ]);
    expect(both.code).toBe(2);
    expect(both.stderr).toBe(
      'conflict-events: --config sets the rules, which --no-rules skips: use one of them\n',
    );
  });

  it('fails on warnings with --fail-on warning, as CI may ask', async () => {
    // The UCDP fixture's accepted events carry warnings (low > best), no errors.
    const events = join(temporaryDirectory(), 'warned.ndjson');
    await runCli(['convert', fixture('ucdp', 'ged-20-1-layout.csv'), '-o', events, '--quiet']);
    const lenient = await runCli(['validate', events, '--format', 'json']);
    const report = JSON.parse(lenient.stdout);
    expect(report).toMatchObject({ valid: true, errors: 0 });
    expect(report.warnings).toBeGreaterThan(0);
    expect(lenient.code).toBe(0);
    const strict = await runCli(['validate', events, '--fail-on', 'warning']);
    expect(strict.code).toBe(1);
  });

  it('expands glob patterns itself (** included), in a stable order', async () => {
    const directory = temporaryDirectory();
    mkdirSync(join(directory, 'a', 'b'), { recursive: true });
    const seedText = readFileSync(seedDataset);
    writeFileSync(join(directory, 'a', 'b', 'two.json'), seedText);
    writeFileSync(join(directory, 'a', 'one.json'), seedText);
    writeFileSync(join(directory, 'a', 'skip.txt'), 'not matched');
    const result = await runCli(['validate', 'a/**/*.json', '--format', 'json'], {
      cwd: directory,
    });
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { files: { file: string; events: number }[] };
    expect(report.files).toEqual([
      expect.objectContaining({ file: 'a/b/two.json', events: 9 }),
      expect.objectContaining({ file: 'a/one.json', events: 9 }),
    ]);
    const none = await runCli(['validate', 'a/**/*.csv'], { cwd: directory });
    expect(none.code).toBe(2);
    expect(none.stderr).toBe('conflict-events: no file matches a/**/*.csv\n');
  });

  it('exits 2 for a file it cannot read', async () => {
    const result = await runCli(['validate', 'missing.ndjson']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'conflict-events: cannot read missing.ndjson: no such file or directory\n',
    );
  });
});

describe.concurrent('stats, schema, formats, help', { timeout: 30_000 }, () => {
  it('summarises events as a table and as JSON', async () => {
    const table = await runCli(['stats', seedDataset]);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('dates       2016-07-01 to 2016-08-01');
    expect(table.stdout).toMatch(/by country\n\s+SYR\s+9\n/);
    const json = await runCli(['stats', seedDataset, '--json']);
    const stats = JSON.parse(json.stdout) as Record<string, unknown>;
    expect(stats).toMatchObject({
      events: 9,
      records: 9,
      byCountry: { SYR: 9 },
      byYear: { '2016': 9 },
      fatalities: { known: 4, unknown: 5 },
    });
  });

  it('prints a published schema', async () => {
    const result = await runCli(['schema']);
    expect(result.code).toBe(0);
    const published = JSON.parse(
      readFileSync(join(repoRoot, 'schemas', 'conflict-event.schema.json'), 'utf8'),
    ) as unknown;
    expect(JSON.parse(result.stdout)).toEqual(published);
    const report = await runCli(['schema', 'validation-report']);
    expect(JSON.parse(report.stdout)).toMatchObject({ title: 'Validation report' });
  });

  it('lists every format with its abilities', async () => {
    const result = await runCli(['formats', '--json']);
    const rows = JSON.parse(result.stdout) as { id: string; read: boolean; write: boolean }[];
    expect(rows.map((row) => row.id).sort()).toEqual(
      [
        'acled',
        'csv',
        'gdelt',
        'geojson',
        'geojsonseq',
        'geoparquet',
        'hxl',
        'json',
        'kml',
        'ndjson',
        'ucdp-ged',
        'xlsx',
      ].sort(),
    );
    expect(rows.find((row) => row.id === 'gdelt')).toMatchObject({ read: true, write: false });
    expect(rows.find((row) => row.id === 'kml')).toMatchObject({ read: false, write: true });
    expect((await runCli(['formats'])).stdout).toMatch(/^id\s+extensions\s+read\s+write\s+name\n/);
  });

  it('has help with examples for every command, and a version', async () => {
    for (const command of ['convert', 'import', 'validate', 'stats', 'schema', 'formats']) {
      const result = await runCli([command, '--help']);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(`Usage: conflict-events ${command}`);
      expect(result.stdout).toContain('$ conflict-events');
    }
    const manifest = JSON.parse(readFileSync(join(cliRoot, 'package.json'), 'utf8')) as {
      version: string;
    };
    const version = await runCli(['--version']);
    expect(version).toMatchObject({ code: 0, stdout: `${manifest.version}\n` });
  });
});
