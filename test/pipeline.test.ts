// The convert pipeline across real formats: detection, rules, rejects, accounting, compression.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { csvFormat } from '@conflict-events/csv';
import { type ByteSink, convert, createRegistry, FormatDetectionError } from '@conflict-events/io';
import { jsonDatasetFormat, ndjsonFormat } from '@conflict-events/json';
import { gzipSync, zipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { sampleEvent } from '../packages/schema/test/arbitraries.ts';
import { writeAll } from './conformance/format-conformance.ts';

const seedPath = fileURLToPath(
  new URL('../examples/seed-afp-2016-08-01.dataset.json', import.meta.url),
);
const registry = createRegistry([csvFormat, ndjsonFormat, jsonDatasetFormat]);
const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

function memorySink(): ByteSink & { text(): string } {
  const parts: Uint8Array[] = [];
  return {
    write(chunk) {
      parts.push(chunk);
    },
    text() {
      return parts.map((part) => decode(part)).join('');
    },
  };
}

async function csvOf(events: ReturnType<typeof sampleEvent>[]) {
  return writeAll(csvFormat, events);
}

describe('convert', () => {
  test('accounts for every record: events + rejected = records, rejects written in the input format', async () => {
    const good = sampleEvent();
    const future = {
      ...sampleEvent(),
      id: 'test:future',
      date: { start: '2999-01-01', end: '2999-01-01', precision: 'day' as const },
    };
    const duplicate = sampleEvent();
    const input = `${decode(await csvOf([good, future, duplicate]))}broken,row\n`;
    const output = memorySink();
    const rejects = memorySink();
    const stats = await convert({
      input,
      fileName: 'in.csv',
      to: 'csv',
      registry,
      output,
      rejects,
    });
    expect(stats).toMatchObject({
      from: 'csv',
      to: 'csv',
      records: 4,
      events: 1,
      rejected: 3,
      compression: 'none',
    });
    expect(stats.records).toBe(stats.events + stats.rejected);
    const rejectLines = rejects.text().trimEnd().split('\n');
    expect(rejectLines[0]?.startsWith('id,date_start,')).toBe(true);
    expect(rejectLines.slice(1).map((line) => line.split(',')[0])).toEqual([
      'test:future',
      'test:1',
      'broken',
    ]);
    const codes = stats.issues.map((issue) => [issue.code, issue.row]);
    expect(codes).toContainEqual(['date-in-future', 3]);
    expect(codes).toContainEqual(['duplicate-id', 4]);
    expect(codes).toContainEqual(['missing-cell', 5]);
    expect(stats.issues.find((issue) => issue.code === 'duplicate-id')).toMatchObject({
      row: 4,
      field: 'id',
    });
    expect(stats.issues.find((issue) => issue.code === 'date-in-future')).toMatchObject({
      file: 'in.csv',
      field: 'date_start',
    });
    expect(output.text().trimEnd().split('\n')).toHaveLength(2);
  });

  test('reports progress after each batch, ending at the totals', async () => {
    const events = Array.from({ length: 25 }, (_, index) => ({
      ...sampleEvent(),
      id: `test:${index}`,
    }));
    const input = await csvOf(events);
    const seen: { bytesIn: number; records: number; events: number }[] = [];
    const stats = await convert({
      input,
      fileName: 'in.csv',
      to: 'ndjson',
      registry,
      output: memorySink(),
      readOptions: { batchSize: 10 },
      onProgress: (progress) => seen.push(progress),
    });
    expect(seen.map((progress) => progress.records)).toEqual([10, 20, 25]);
    expect(seen.at(-1)).toEqual({ bytesIn: input.length, records: 25, events: 25, rejected: 0 });
    expect(stats.bytesIn).toBe(input.length);
  });

  test('carries a JSON dataset’s metadata to a JSON dataset output (members after the events)', async () => {
    const input = readFileSync(seedPath, 'utf8');
    const seed = JSON.parse(input) as Record<string, unknown>;
    for (const pretty of [false, true]) {
      const output = memorySink();
      await convert({
        input,
        fileName: 'seed.dataset.json',
        to: 'json',
        registry,
        output,
        writeOptions: { pretty },
      });
      const written = JSON.parse(output.text()) as Record<string, unknown>;
      for (const key of ['title', 'description', 'licence', 'attribution', 'sources'])
        expect(written[key]).toEqual(seed[key]);
      expect(written.events).toEqual(seed.events);
      expect(Object.keys(written).slice(0, 3)).toEqual(['schemaVersion', 'generatedAt', 'events']);
    }
    // From a format without metadata, the default title still makes a valid dataset.
    const plain = memorySink();
    await convert({
      input: await csvOf([sampleEvent()]),
      fileName: 'a.csv',
      to: 'json',
      registry,
      output: plain,
    });
    expect(JSON.parse(plain.text())).toMatchObject({ title: 'conflict-events export' });
  });

  test('an input of a format that is written only is refused by name, before reading', async () => {
    const { read: _read, ...writer } = ndjsonFormat;
    const writeOnly = {
      ...writer,
      id: 'sheet',
      name: 'Sheet',
      extensions: ['sheet'],
      capabilities: { read: false, write: true, lossless: false },
    };
    const withSheet = createRegistry([csvFormat, ndjsonFormat, writeOnly]);
    const attempt = (options: { fileName?: string; from?: string }) =>
      convert({
        input: 'PK\u0003\u0004',
        to: 'ndjson',
        registry: withSheet,
        output: memorySink(),
        ...options,
      });
    await expect(attempt({ fileName: 'events.sheet' })).rejects.toThrow(
      '"events.sheet" is Sheet, which can be written but not read',
    );
    await expect(attempt({ fileName: 'events.sheet' })).rejects.toBeInstanceOf(
      FormatDetectionError,
    );
    await expect(attempt({ from: 'sheet' })).rejects.toThrow(
      'the input is Sheet, which can be written but not read',
    );
  });

  test('rules can be skipped or re-graded', async () => {
    const future = {
      ...sampleEvent(),
      date: { start: '2999-01-01', end: '2999-01-01', precision: 'day' as const },
    };
    const input = await csvOf([future]);
    const skipped = await convert({
      input,
      from: 'csv',
      to: 'csv',
      registry,
      output: memorySink(),
      rules: false,
    });
    expect(skipped).toMatchObject({ events: 1, rejected: 0, errors: 0 });
    const warned = await convert({
      input,
      from: csvFormat,
      to: csvFormat,
      output: memorySink(),
      rules: { rules: { 'date-in-future': 'warning' } },
    });
    expect(warned).toMatchObject({ events: 1, rejected: 0, warnings: 1 });
  });

  test('gzip and zip inputs are decompressed and detected', async () => {
    const bytes = await csvOf([sampleEvent()]);
    for (const [input, name, compression] of [
      [gzipSync(bytes), 'events.csv.gz', 'gzip'],
      [zipSync({ 'events.csv': bytes }), 'events.zip', 'zip'],
    ] as const) {
      const stats = await convert({
        input,
        fileName: name,
        to: 'csv',
        registry,
        output: memorySink(),
      });
      expect(stats).toMatchObject({ compression, records: 1, events: 1, from: 'csv' });
      expect(stats.bytesIn).toBe(input.length);
    }
  });

  test('an unknown input format is a clear error listing candidates', async () => {
    await expect(
      convert({ input: 'hello', to: 'csv', registry, output: memorySink() }),
    ).rejects.toThrow(FormatDetectionError);
    await expect(
      convert({ input: 'x', from: 'xlsx', to: 'csv', registry, output: memorySink() }),
    ).rejects.toThrow('unknown format "xlsx"; formats are: csv, ndjson, json');
  });

  test('keeps the first issues and says when more were found', async () => {
    const input = `${'id,date_start\n'}${'a,b\n'.repeat(30)}`;
    const stats = await convert({
      input,
      from: 'csv',
      to: 'csv',
      registry,
      output: memorySink(),
      maxIssues: 5,
    });
    expect(stats.issues).toHaveLength(5);
    expect(stats.issuesTruncated).toBe(true);
    expect(stats.rejected).toBe(30);
  });

  test('NDJSON rejects are lines; JSON dataset rejects are a JSON array', async () => {
    const bad = {
      ...sampleEvent(),
      id: 'test:bad',
      date: { start: '2016-08-02', end: '2016-08-01', precision: 'day' },
    };
    const lines = `${JSON.stringify(sampleEvent())}\n{not json\n${JSON.stringify(bad)}\n`;
    const ndjsonRejects = memorySink();
    const ndjson = await convert({
      input: lines,
      fileName: 'in.ndjson',
      to: 'csv',
      registry,
      output: memorySink(),
      rejects: ndjsonRejects,
    });
    expect(ndjson).toMatchObject({ from: 'ndjson', records: 3, events: 1, rejected: 2 });
    expect(ndjsonRejects.text()).toBe(`{not json\n${JSON.stringify(bad)}\n`);
    expect(ndjson.issues.map((issue) => [issue.code, issue.line])).toEqual([
      ['invalid-json', 2],
      ['date-order', 3],
    ]);

    const document = JSON.stringify({
      schemaVersion: '1.0.0',
      title: 't',
      generatedAt: '2026-01-01T00:00:00Z',
      events: [sampleEvent(), bad],
    });
    const jsonRejects = memorySink();
    const json = await convert({
      input: document,
      fileName: 'in.json',
      to: 'ndjson',
      registry,
      output: memorySink(),
      rejects: jsonRejects,
    });
    expect(json).toMatchObject({ from: 'json', records: 2, events: 1, rejected: 1 });
    expect(JSON.parse(jsonRejects.text())).toEqual([bad]);
    expect(json.issues[0]).toMatchObject({ code: 'date-order', pointer: '/events/1/date/end' });
    expect(json.metadata).toMatchObject({ title: 't' });
  });
});
