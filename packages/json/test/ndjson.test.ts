import { LimitError } from '@conflict-events/io';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryEvent, sampleEvent } from '../../schema/test/arbitraries.ts';
import { ndjsonFormat } from '../src/index.ts';
import { chunked, collect, fromArray, summarise, writtenText } from './helpers.ts';

const line = (value: unknown) => JSON.stringify(value);
const utf8Length = (text: string) => new TextEncoder().encode(text).length;

async function read(
  input: string | Uint8Array,
  options: Parameters<typeof ndjsonFormat.read>[1] = {},
) {
  return summarise(await collect(ndjsonFormat.read(chunked(input), options)));
}

describe('ndjsonFormat identity', () => {
  it('names its extensions, media types and capabilities', () => {
    expect(ndjsonFormat.id).toBe('ndjson');
    expect(ndjsonFormat.name).toBe('NDJSON');
    expect(ndjsonFormat.extensions).toEqual(['ndjson', 'jsonl']);
    expect(ndjsonFormat.mediaTypes).toEqual(['application/x-ndjson', 'application/jsonl']);
    expect(ndjsonFormat.capabilities).toEqual({ read: true, write: true, lossless: true });
    expect(ndjsonFormat.rejectsLayout).toBe('lines');
  });
});

describe('ndjsonFormat.read', () => {
  it('reads one event a line, with line numbers and byte offsets', async () => {
    const first = { ...sampleEvent(), id: 'test:é' };
    const second = { ...sampleEvent(), id: 'test:2' };
    const input = `${line(first)}\n${line(second)}\n`;
    const result = await read(input);
    expect(result.events).toEqual([first, second]);
    expect(result.batches[0]?.positions).toEqual([
      { line: 1, byteOffset: 0, pointer: '' },
      { line: 2, byteOffset: utf8Length(line(first)) + 1, pointer: '' },
    ]);
    expect(result.batches[0]?.raws).toEqual([line(first), line(second)]);
    expect(result.issues).toEqual([]);
  });

  it('skips blank and whitespace-only lines without an issue', async () => {
    const input = `\n   \n${line(sampleEvent())}\n\t\n\n${line(sampleEvent())}\n  `;
    const result = await read(input);
    expect(result.records).toBe(2);
    expect(result.events).toHaveLength(2);
    expect(result.rejected).toEqual([]);
    expect(result.issues).toEqual([]);
    expect(result.batches[0]?.positions.map((position) => position.line)).toEqual([3, 6]);
  });

  it('rejects lines that are not JSON, and JSON that is not an event, with positions', async () => {
    const good = line(sampleEvent());
    const input = `${good}\n{"id": "broken"\n[1, 2]\n"text"\n${good}`;
    const result = await read(input, { file: 'events.ndjson' });
    expect(result.records).toBe(5);
    expect(result.events).toHaveLength(2);
    expect(result.rejected.map((record) => record.position)).toEqual([
      { line: 2, byteOffset: good.length + 1, pointer: '' },
      { line: 3, byteOffset: good.length + 1 + 16, pointer: '' },
      { line: 4, byteOffset: good.length + 1 + 16 + 7, pointer: '' },
    ]);
    const [notJson, array] = result.rejected;
    expect(notJson?.raw).toBe('{"id": "broken"');
    expect(notJson?.issues).toEqual([
      expect.objectContaining({
        code: 'invalid-json',
        severity: 'error',
        line: 2,
        byteOffset: good.length + 1,
        file: 'events.ndjson',
      }),
    ]);
    expect(notJson?.issues[0]?.message).toMatch(/^not valid JSON: /);
    expect(array?.issues[0]).toMatchObject({ code: 'type-error', line: 3 });
  });

  it('reports shape issues with pointers into the event', async () => {
    const event = {
      ...sampleEvent(),
      date: { start: 'yesterday', end: '2016-08-01', precision: 'day' },
    };
    const result = await read(line(event));
    expect(result.rejected[0]?.issues).toEqual([
      expect.objectContaining({
        code: 'type-error',
        pointer: '/date/start',
        line: 1,
        byteOffset: 0,
      }),
    ]);
  });

  it('reads CRLF line ends, counting the CR in byte offsets', async () => {
    const good = line(sampleEvent());
    const result = await read(`${good}\r\n\r\n${good}\r\n`);
    expect(result.events).toHaveLength(2);
    expect(result.batches[0]?.raws).toEqual([good, good]);
    expect(result.batches[0]?.positions[1]).toEqual({
      line: 3,
      byteOffset: good.length + 4,
      pointer: '',
    });
  });

  it('skips a UTF-8 byte-order mark and counts it in byte offsets', async () => {
    const good = line(sampleEvent());
    const bytes = new Uint8Array([
      0xef,
      0xbb,
      0xbf,
      ...new TextEncoder().encode(`${good}\n${good}`),
    ]);
    const result = await read(bytes);
    expect(result.events).toHaveLength(2);
    expect(result.issues).toEqual([]);
    expect(result.batches[0]?.positions.map((position) => position.byteOffset)).toEqual([
      3,
      3 + good.length + 1,
    ]);
  });

  it('reports invalid UTF-8 with its byte offset and goes on reading', async () => {
    const good = line(sampleEvent());
    const prefix = new TextEncoder().encode(`${good}\n{"id":"`);
    const rest = new TextEncoder().encode(`x"}\n${good}\n`);
    const bytes = new Uint8Array([...prefix, 0xff, ...rest]);
    const result = await read(bytes, { file: 'bad.ndjson' });
    expect(result.issues).toEqual([
      expect.objectContaining({
        code: 'encoding-error',
        byteOffset: prefix.length,
        file: 'bad.ndjson',
      }),
    ]);
    expect(result.events).toHaveLength(2);
    expect(result.rejected).toHaveLength(1);
    expect(result.records).toBe(3);
  });

  it('stops with a LimitError on a line longer than maxRecordLength', async () => {
    const input = `${line(sampleEvent())}\n{"id":"${'x'.repeat(2000)}"}\n`;
    const reading = collect(
      ndjsonFormat.read(chunked(input), { limits: { maxRecordLength: 1000 } }),
    );
    await expect(reading).rejects.toBeInstanceOf(LimitError);
    await expect(reading).rejects.toMatchObject({
      limit: 'maxRecordLength',
      position: { line: 2 },
    });
  });

  it('reads empty input as zero records', async () => {
    expect(await collect(ndjsonFormat.read(chunked('')))).toEqual([]);
    expect(await collect(ndjsonFormat.read(chunked('\n \n')))).toEqual([]);
  });

  it('hands out batches of batchSize records', async () => {
    const input = Array.from({ length: 5 }, () => line(sampleEvent())).join('\n');
    const result = await read(input, { batchSize: 2 });
    expect(result.batches.map((batch) => batch.records)).toEqual([2, 2, 1]);
  });

  it('refuses a batchSize that is not a positive integer', async () => {
    await expect(collect(ndjsonFormat.read(chunked('{}'), { batchSize: 0 }))).rejects.toThrow(
      RangeError,
    );
  });

  it('does not change the options it is given', async () => {
    const options = Object.freeze({
      file: 'a.ndjson',
      batchSize: 1,
      limits: Object.freeze({ maxRecordLength: 10_000 }),
      maxDepth: 10,
    });
    const copy = structuredClone(options);
    await read(`${line(sampleEvent())}\n${line(sampleEvent())}`, options);
    expect(options).toEqual(copy);
  });

  it('keeps "__proto__", "constructor" and "prototype" keys from touching prototypes', async () => {
    const event = line(sampleEvent());
    const input = [
      `{"__proto__":{"polluted":true},${event.slice(1)}`,
      `{"constructor":{"prototype":{"polluted":true}},${event.slice(1)}`,
      `${event.slice(0, -1)},"extensions":{"x":{"__proto__":{"polluted":true}}}}`,
    ].join('\n');
    const result = await read(input);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(result.rejected.map((record) => record.issues[0]?.pointer)).toEqual([
      '/__proto__',
      '/constructor',
    ]);
    expect(result.rejected[0]?.issues[0]?.code).toBe('extra-field');
    const inner = result.events[0]?.extensions?.x as object;
    expect(Object.getPrototypeOf(inner)).toBe(Object.prototype);
    expect(Object.keys(inner)).toEqual(['__proto__']);
  });

  it('rejects lines nested deeper than maxDepth instead of overflowing the stack', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const event = line(sampleEvent());
    const deepInside = `${event.slice(0, -1)},"extensions":{"x":${deep}}}`;
    const result = await read(`${deep}\n${deepInside}\n${event}`);
    expect(result.events).toHaveLength(1);
    expect(result.rejected.map((record) => record.issues[0]?.code)).toEqual([
      'nesting-too-deep',
      'nesting-too-deep',
    ]);
    expect(result.rejected[1]?.position.line).toBe(2);
  });

  it('counts brackets inside strings as text, not nesting', async () => {
    const event = { ...sampleEvent(), notes: '[[[[[{{{{{' };
    const result = await read(line(event), { maxDepth: 5 });
    expect(result.events).toEqual([event]);
  });

  it('turns any bytes into events, rejects and positioned issues, never an exception', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 300 }),
        fc.integer({ min: 1, max: 20 }),
        async (bytes, size) => {
          const result = summarise(await collect(ndjsonFormat.read(chunked(bytes, size))));
          for (const record of result.rejected) {
            expect(record.position.line).toBeGreaterThanOrEqual(1);
            expect(record.issues.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('ndjsonFormat.write', () => {
  it('writes one event a line and ends with a newline', async () => {
    const events = [sampleEvent(), { ...sampleEvent(), id: 'test:2' }];
    const text = await writtenText(ndjsonFormat.write(fromArray(events)));
    expect(text).toBe(`${line(events[0])}\n${line(events[1])}\n`);
  });

  it('writes nothing for no events', async () => {
    expect(await collect(ndjsonFormat.write(fromArray([])))).toEqual([]);
  });

  it('takes batches as well as events', async () => {
    const [batch] = await collect(ndjsonFormat.read(chunked(line(sampleEvent()))));
    if (!batch) throw new Error('no batch');
    const text = await writtenText(ndjsonFormat.write(fromArray([batch, sampleEvent()])));
    expect(text.split('\n')).toHaveLength(3);
  });

  it('round-trips any events, read back across any chunk boundaries', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(arbitraryEvent, { maxLength: 8 }),
        fc.integer({ min: 1, max: 64 }),
        async (events, size) => {
          const text = await writtenText(ndjsonFormat.write(fromArray(events)));
          const result = summarise(
            await collect(ndjsonFormat.read(chunked(text, size), { batchSize: 3 })),
          );
          expect(result.events).toEqual(events);
          expect(result.rejected).toEqual([]);
          expect(result.issues).toEqual([]);
        },
      ),
      { numRuns: 60 },
    );
  });
});
