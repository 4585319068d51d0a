import { type DatasetMetadata, LimitError } from '@conflict-events/io';
import { SCHEMA_VERSION } from '@conflict-events/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryEvent, sampleEvent } from '../../schema/test/arbitraries.ts';
import { jsonDatasetFormat } from '../src/index.ts';
import { chunked, collect, fromArray, summarise, writtenText } from './helpers.ts';

const json = (value: unknown) => JSON.stringify(value);
const event = json(sampleEvent());
const generatedAt = '2024-05-01T12:00:00Z';
const metadata: DatasetMetadata = { schemaVersion: SCHEMA_VERSION, title: 'Aleppo', generatedAt };
const envelopeHead = `"schemaVersion":"${SCHEMA_VERSION}","title":"Aleppo","generatedAt":"${generatedAt}"`;

async function read(
  input: string | Uint8Array,
  options: Parameters<typeof jsonDatasetFormat.read>[1] = {},
  size = 7,
) {
  return summarise(await collect(jsonDatasetFormat.read(chunked(input, size), options)));
}

describe('jsonDatasetFormat identity', () => {
  it('names its extensions, media types and capabilities', () => {
    expect(jsonDatasetFormat.id).toBe('json');
    expect(jsonDatasetFormat.name).toBe('JSON dataset');
    expect(jsonDatasetFormat.extensions).toEqual(['json']);
    expect(jsonDatasetFormat.mediaTypes).toEqual(['application/json']);
    expect(jsonDatasetFormat.capabilities).toEqual({ read: true, write: true, lossless: true });
    expect(jsonDatasetFormat.rejectsLayout).toBe('json-array');
  });
});

describe('jsonDatasetFormat.read', () => {
  it('reads the envelope: events with pointers and byte offsets, metadata on the last batch', async () => {
    const input = `{${envelopeHead},"events":[${event},\n${event}]}`;
    const result = await read(input, { batchSize: 1 });
    expect(result.events).toEqual([sampleEvent(), sampleEvent()]);
    expect(result.batches.flatMap((batch) => batch.positions)).toEqual([
      { pointer: '/events/0', byteOffset: input.indexOf(event) },
      { pointer: '/events/1', byteOffset: input.lastIndexOf(event) },
    ]);
    expect(result.batches.flatMap((batch) => batch.raws)).toEqual([event, event]);
    expect(result.issues).toEqual([]);
    expect(result.batches.at(-1)?.metadata).toEqual(metadata);
    expect(result.batches.slice(0, -1).every((batch) => batch.metadata === undefined)).toBe(true);
  });

  it('reads metadata that comes after the events', async () => {
    const input = `{"events":[${event},${event},${event}],${envelopeHead},"licence":"CC-BY-4.0"}`;
    const result = await read(input, { batchSize: 2 });
    expect(result.records).toBe(3);
    expect(result.issues).toEqual([]);
    expect(result.batches.at(-1)?.metadata).toEqual({ ...metadata, licence: 'CC-BY-4.0' });
    expect(result.batches[0]?.metadata).toBeUndefined();
  });

  it('reads a plain top-level array of events, rejecting what is not an event', async () => {
    const input = ` [${event}, 5, {"id": "x"}, ${event}]\n`;
    const result = await read(input);
    expect(result.records).toBe(4);
    expect(result.events).toHaveLength(2);
    expect(result.batches[0]?.positions.map((position) => position.pointer)).toEqual(['/0', '/3']);
    expect(result.rejected.map((record) => [record.position.pointer, record.raw])).toEqual([
      ['/1', '5'],
      ['/2', '{"id":"x"}'],
    ]);
    expect(result.rejected[0]?.position.byteOffset).toBe(input.indexOf('5'));
    expect(result.rejected[1]?.issues.map((issue) => issue.pointer)).toContain('/2/date');
    expect(result.batches.every((batch) => batch.metadata === undefined)).toBe(true);
    expect(result.issues).toEqual([]);
  });

  it('reports a truncated document with where it stopped, keeping the events before it', async () => {
    const input = `{${envelopeHead},"events":[${event},{"id":"test:2","date":`;
    const result = await read(input, { file: 'cut.json' });
    expect(result.events).toHaveLength(1);
    expect(result.records).toBe(1);
    expect(result.issues).toEqual([
      expect.objectContaining({
        code: 'invalid-json',
        severity: 'error',
        pointer: '/events/1',
        byteOffset: input.length,
        file: 'cut.json',
      }),
    ]);
    expect(result.issues[0]?.message).toMatch(/truncated/);
    expect(result.batches.at(-1)?.metadata).toBeUndefined();
  });

  it('reports garbage with its byte offset and stops there', async () => {
    const input = `{"events":[${event},{"id": nope}]}`;
    const result = await read(input);
    expect(result.events).toHaveLength(1);
    // "n" may start `null`; the "o" after it is the first byte that cannot be JSON.
    const at = input.indexOf('nope') + 1;
    expect(result.issues).toEqual([
      expect.objectContaining({ code: 'invalid-json', pointer: '/events/1', byteOffset: at }),
    ]);
    expect(result.issues[0]?.message).toBe(`not valid JSON: unexpected "o" at byte ${at}`);
  });

  it('reports grammar errors the tokenizer lets through', async () => {
    const result = await read(`[${event} ${event}]`);
    expect(result.records).toBe(1);
    expect(result.issues).toEqual([
      expect.objectContaining({ code: 'invalid-json', pointer: '/1' }),
    ]);
  });

  it('reports text after the document', async () => {
    const input = `[${event}] [`;
    const result = await read(input);
    expect(result.events).toHaveLength(1);
    expect(result.issues).toEqual([
      expect.objectContaining({ code: 'invalid-json', byteOffset: input.length - 1 }),
    ]);
  });

  it('reads an empty file as one clear issue, not an exception', async () => {
    for (const input of ['', '  \n ']) {
      const result = await read(input);
      expect(result.records).toBe(0);
      expect(result.issues).toEqual([
        expect.objectContaining({ code: 'invalid-json', severity: 'error' }),
      ]);
      expect(result.issues[0]?.message).toMatch(/empty/);
    }
  });

  it('refuses JSON that is not an object or array', async () => {
    expect((await read('42')).issues).toEqual([
      expect.objectContaining({ code: 'type-error', byteOffset: 0 }),
    ]);
    expect((await read('"events"')).issues).toEqual([
      expect.objectContaining({ code: 'type-error' }),
    ]);
    expect((await read('nul')).issues).toEqual([expect.objectContaining({ code: 'invalid-json' })]);
    expect((await read('}')).issues).toEqual([expect.objectContaining({ code: 'invalid-json' })]);
  });

  it('reports envelope problems with pointers and sets no metadata', async () => {
    const result = await read(
      `{"schemaVersion":"2.0.0","generatedAt":"yesterday","extra":1,"events":[${event}]}`,
    );
    expect(result.events).toHaveLength(1);
    expect(result.issues.map((issue) => [issue.code, issue.pointer])).toEqual(
      expect.arrayContaining([
        ['extra-field', '/extra'],
        ['missing-field', '/title'],
        ['type-error', '/schemaVersion'],
        ['type-error', '/generatedAt'],
      ]),
    );
    expect(result.batches.at(-1)?.metadata).toBeUndefined();
  });

  it('reports a missing events member, and one that is not an array', async () => {
    expect((await read(`{${envelopeHead}}`)).issues).toEqual([
      expect.objectContaining({ code: 'missing-field', pointer: '/events' }),
    ]);
    const notArray = await read(`{${envelopeHead},"events":{"a":${event}}}`);
    expect(notArray.records).toBe(0);
    expect(notArray.issues).toEqual([
      expect.objectContaining({ code: 'type-error', pointer: '/events' }),
    ]);
  });

  it('hands events on before the input ends', async () => {
    let sent = 0;
    const total = 50;
    async function* source(): AsyncIterable<Uint8Array> {
      const encoder = new TextEncoder();
      yield encoder.encode(`{${envelopeHead},"events":[`);
      for (let index = 0; index < total; index++) {
        sent++;
        yield encoder.encode(`${index > 0 ? ',' : ''}${event}`);
      }
      yield encoder.encode(']}');
    }
    const sentAtBatch: number[] = [];
    let records = 0;
    for await (const batch of jsonDatasetFormat.read(source(), { batchSize: 10 })) {
      sentAtBatch.push(sent);
      records += batch.records;
    }
    expect(records).toBe(total);
    expect(sentAtBatch[0]).toBeLessThan(total);
  });

  it('keeps "__proto__", "constructor" and "prototype" keys from touching prototypes', async () => {
    const polluting = `{"__proto__":{"polluted":true},${event.slice(1)}`;
    const nested = `${event.slice(0, -1)},"extensions":{"x":{"__proto__":{"polluted":true}}}}`;
    const input = `{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},${envelopeHead},"events":[${polluting},${nested}]}`;
    const result = await read(input);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.hasOwn(Object.prototype, 'polluted')).toBe(false);
    expect(result.records).toBe(2);
    expect(result.rejected[0]?.issues).toEqual([
      expect.objectContaining({ code: 'extra-field', pointer: '/events/0/__proto__' }),
    ]);
    const inner = result.events[0]?.extensions?.x as object;
    expect(Object.getPrototypeOf(inner)).toBe(Object.prototype);
    expect(Object.keys(inner)).toEqual(['__proto__']);
    expect(result.issues.map((issue) => [issue.code, issue.pointer])).toEqual(
      expect.arrayContaining([
        ['extra-field', '/__proto__'],
        ['extra-field', '/constructor'],
      ]),
    );
  });

  it('rejects events nested deeper than maxDepth instead of overflowing the stack', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const deepInside = `${event.slice(0, -1)},"extensions":{"x":${deep}}}`;
    const input = `{"events":[${deep},${deepInside},${event}],"title":${deep},"schemaVersion":"1.0.0","generatedAt":"${generatedAt}"}`;
    const result = await read(input, {}, 65_536);
    expect(result.events).toHaveLength(1);
    expect(
      result.rejected.map((record) => [record.position.pointer, record.issues[0]?.code]),
    ).toEqual([
      ['/events/0', 'nesting-too-deep'],
      ['/events/1', 'nesting-too-deep'],
    ]);
    expect(result.rejected[0]?.raw).toBe('null');
    expect(result.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'nesting-too-deep', pointer: '/title' }),
      ]),
    );
  });

  it('reports deep unclosed nesting as truncated', async () => {
    const result = await read('['.repeat(100_000), {}, 65_536);
    expect(result.issues).toEqual([
      expect.objectContaining({ code: 'invalid-json', pointer: '/0' }),
    ]);
  });

  it('stops with a LimitError on an event longer than maxRecordLength', async () => {
    const long = `${event.slice(0, -1)},"notes":"${'x'.repeat(5000)}"}`;
    for (const size of [7, 100_000]) {
      const reading = collect(
        jsonDatasetFormat.read(chunked(`{"events":[${event},${long}]}`, size), {
          limits: { maxRecordLength: 2000 },
        }),
      );
      await expect(reading).rejects.toBeInstanceOf(LimitError);
      await expect(reading).rejects.toThrow(/\/events\/1 is longer than 2000 bytes/);
    }
  });

  // Offsets after an invalid byte may be off by up to two a byte, which U+FFFD replaces (README).
  it('reports invalid UTF-8 and a byte-order mark with offsets in the input', async () => {
    const head = new TextEncoder().encode(`[${event},{"id":"`);
    const tail = new TextEncoder().encode(`"}, ${event}]`);
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...head, 0xc3, ...tail]);
    const result = await read(bytes);
    expect(result.issues).toEqual([
      expect.objectContaining({ code: 'encoding-error', byteOffset: 3 + head.length }),
    ]);
    expect(result.records).toBe(3);
    expect(result.batches[0]?.positions[0]).toEqual({ pointer: '/0', byteOffset: 4 });
    expect(result.rejected[0]?.position).toEqual({
      pointer: '/1',
      byteOffset: 4 + event.length + 1,
    });
  });

  it('does not change the options it is given', async () => {
    const options = Object.freeze({
      file: 'a.json',
      batchSize: 1,
      limits: Object.freeze({ maxRecordLength: 100_000 }),
      maxDepth: 50,
    });
    const copy = structuredClone(options);
    await read(`{${envelopeHead},"events":[${event},${event}]}`, options);
    expect(options).toEqual(copy);
  });

  it('turns any bytes into events, rejects and positioned issues, never an exception', async () => {
    const jsonish = fc
      .array(
        fc.constantFrom(
          '{',
          '}',
          '[',
          ']',
          ',',
          ':',
          '"events"',
          '"title"',
          '1',
          'true',
          ' ',
          event,
          '"a"',
        ),
        {
          maxLength: 40,
        },
      )
      .map((parts) => new TextEncoder().encode(parts.join('')));
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.uint8Array({ maxLength: 200 }), jsonish),
        fc.integer({ min: 1, max: 20 }),
        async (bytes, size) => {
          const result = summarise(await collect(jsonDatasetFormat.read(chunked(bytes, size))));
          for (const issue of result.issues) expect(issue.message.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('jsonDatasetFormat.write', () => {
  it('writes valid JSON for no events', async () => {
    for (const pretty of [false, true]) {
      const text = await writtenText(
        jsonDatasetFormat.write(fromArray([]), { pretty, generatedAt }),
      );
      expect(JSON.parse(text)).toEqual({
        schemaVersion: SCHEMA_VERSION,
        title: 'conflict-events export',
        generatedAt,
        events: [],
      });
      expect(text.endsWith('}\n')).toBe(true);
    }
  });

  it('writes the envelope from metadata, with this model version and a time stamp', async () => {
    const before = Date.now();
    const text = await writtenText(
      jsonDatasetFormat.write(fromArray([sampleEvent()]), {
        metadata: {
          schemaVersion: '1.9.0',
          title: 'Aleppo',
          generatedAt: '',
          licence: 'CC0',
        } as DatasetMetadata,
      }),
    );
    const written = JSON.parse(text);
    expect(written).toMatchObject({
      schemaVersion: SCHEMA_VERSION,
      title: 'Aleppo',
      licence: 'CC0',
    });
    expect(written.generatedAt).toBe('');
    const stamped = JSON.parse(await writtenText(jsonDatasetFormat.write(fromArray([]))));
    expect(Date.parse(stamped.generatedAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(text).toBe(
      `{"schemaVersion":"${SCHEMA_VERSION}","title":"Aleppo","generatedAt":"","licence":"CC0","events":[\n${event}\n]}\n`,
    );
  });

  it('round-trips any events and metadata, plain or pretty, across any chunk boundaries', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(arbitraryEvent, { maxLength: 8 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 64 }),
        async (events, pretty, size) => {
          const options = { pretty, metadata: { ...metadata, description: 'all of them' } };
          const text = await writtenText(jsonDatasetFormat.write(fromArray(events), options));
          expect(JSON.parse(text).events).toEqual(events);
          const result = await read(text, { batchSize: 3 }, size);
          expect(result.events).toEqual(events);
          expect(result.rejected).toEqual([]);
          expect(result.issues).toEqual([]);
          expect(result.batches.at(-1)?.metadata).toEqual(options.metadata);
        },
      ),
      { numRuns: 60 },
    );
  });
});
