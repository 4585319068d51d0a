// The streaming JSON document reader the JSON dataset and GeoJSON readers share, driven here
// by a layout of its own (records under `items`) to show what the reader does and what it
// leaves to the layout.
import { readdirSync, readFileSync } from 'node:fs';
import { SCHEMA_VERSION } from '@conflict-events/schema';
import { describe, expect, test } from 'vitest';
import { sampleEvent } from '../../schema/test/arbitraries.ts';
import {
  type Batch,
  BatchBuilder,
  type DatasetMetadata,
  decodeText,
  type JsonDocumentLayout,
  type JsonDocumentObject,
  LimitError,
  type Limits,
  readJsonDocument,
  resolveLimits,
} from '../src/index.ts';
import { chunked, collect } from './helpers.ts';

const event = JSON.stringify(sampleEvent());
const metadata: DatasetMetadata = {
  schemaVersion: SCHEMA_VERSION,
  title: 'Aleppo',
  generatedAt: '2024-05-01T12:00:00Z',
};

interface Seen {
  members: [string, unknown][];
  /** What finishObject saw, copied (the reader's view changes no more once it is called). */
  finished?: Omit<JsonDocumentObject, 'members'> & { members: [string, unknown][] };
}

/** A layout that keeps what it is handed; its records are events, checked by BatchBuilder. */
function recordingLayout(builder: BatchBuilder, seen: Seen): JsonDocumentLayout {
  return {
    recordsKey: 'items',
    emptyMessage: 'the input is empty: an item list is an object with "items"',
    notAContainer: (kind) => `an item list is an object, not a ${kind}`,
    record: (value, position, raw) => builder.accept(value, position, raw),
    member: (key, value) => {
      seen.members.push([key, value]);
    },
    finishObject: (document) => {
      seen.finished = {
        members: [...document.members],
        hasRecordsMember: document.hasRecordsMember,
        hasDeepMember: document.hasDeepMember,
        recordsRead: document.recordsRead,
        byteOffset: document.byteOffset,
      };
      return document.members.get('valid') === true ? metadata : undefined;
    },
  };
}

async function read(
  input: string | Uint8Array,
  options: { size?: number; batchSize?: number; maxDepth?: number; limits?: Partial<Limits> } = {},
  encoding = 'utf-8',
): Promise<{ batches: Batch[]; seen: Seen }> {
  const text = await decodeText(chunked(input, options.size ?? 5), { encoding });
  const builder = new BatchBuilder(undefined);
  const seen: Seen = { members: [] };
  const batches = await collect(
    readJsonDocument(
      text,
      {
        batchSize: options.batchSize ?? 1000,
        limits: resolveLimits(options.limits),
        maxDepth: options.maxDepth ?? 256,
        batches: builder,
      },
      recordingLayout(builder, seen),
    ),
  );
  return { batches, seen };
}

const positions = (batches: Batch[]) => batches.flatMap((batch) => batch.positions);
const issues = (batches: Batch[]) => batches.flatMap((batch) => batch.issues);
const rejected = (batches: Batch[]) => batches.flatMap((batch) => batch.rejected);

describe('readJsonDocument', () => {
  test('hands on the records of the records member with pointers and byte offsets, and the other members to the layout', async () => {
    const input = `{"title":"x","items":[${event},\n${event}],"valid":true}`;
    const { batches, seen } = await read(input);
    expect(batches.flatMap((batch) => batch.events)).toEqual([sampleEvent(), sampleEvent()]);
    expect(batches.flatMap((batch) => batch.raws)).toEqual([event, event]);
    expect(positions(batches)).toEqual([
      { pointer: '/items/0', byteOffset: input.indexOf(event) },
      { pointer: '/items/1', byteOffset: input.lastIndexOf(event) },
    ]);
    expect(seen.members).toEqual([
      ['title', 'x'],
      ['valid', true],
    ]);
    expect(seen.finished).toEqual({
      members: [
        ['title', 'x'],
        ['valid', true],
      ],
      hasRecordsMember: true,
      hasDeepMember: false,
      recordsRead: 2,
      byteOffset: 0,
    });
    expect(batches.at(-1)?.metadata).toEqual(metadata);
    expect(issues(batches)).toEqual([]);
  });

  test('reads a top-level array as the records, without asking the layout to finish an object', async () => {
    const { batches, seen } = await read(` [${event},${event}]`);
    expect(positions(batches)).toEqual([
      { pointer: '/0', byteOffset: 2 },
      { pointer: '/1', byteOffset: 3 + event.length },
    ]);
    expect(seen.finished).toBeUndefined();
  });

  test('yields a batch every batchSize records; the last carries the metadata even with no record', async () => {
    const { batches } = await read(`{"items":[${event},${event},${event}],"valid":true}`, {
      batchSize: 2,
    });
    expect(batches.map((batch) => batch.records)).toEqual([2, 1]);
    expect(batches.map((batch) => batch.metadata)).toEqual([undefined, metadata]);
    const empty = await read('{"items":[],"valid":true}');
    expect(empty.batches).toEqual([expect.objectContaining({ records: 0, metadata })]);
  });

  test('counts the byte-order mark in byte offsets, and gives none for input that is not UTF-8', async () => {
    const withBom = await read(`\ufeff[${event}]`);
    expect(positions(withBom.batches)).toEqual([{ pointer: '/0', byteOffset: 4 }]);
    const latin = await read(`{"title":"caf\u00e9","items":[${event}]}`, {}, 'windows-1252');
    expect(positions(latin.batches)).toEqual([{ pointer: '/items/0' }]);
  });

  test('reads a repeated records member with a warning naming the key, and notes one that is not an array', async () => {
    const input = `{"items":[${event}],"items":[${event}]}`;
    const { batches, seen } = await read(input);
    expect(positions(batches).map((position) => position.pointer)).toEqual([
      '/items/0',
      '/items/0',
    ]);
    expect(issues(batches)).toEqual([
      {
        code: 'duplicate-key',
        severity: 'warning',
        message: 'the key "items" appears more than once; the items of each are read',
        pointer: '/items',
        byteOffset: input.lastIndexOf(`[${event}`),
      },
    ]);
    expect(seen.finished?.recordsRead).toBe(2);

    const notArray = await read('{"items":5}');
    expect(issues(notArray.batches)).toEqual([
      {
        code: 'type-error',
        severity: 'error',
        message: 'items must be an array',
        pointer: '/items',
      },
    ]);
    expect(notArray.seen.finished?.hasRecordsMember).toBe(true);
    expect((await read('{"title":"x"}')).seen.finished?.hasRecordsMember).toBe(false);
  });

  test('refuses records and members nested deeper than maxDepth without recursing over them', async () => {
    const deep = `${'['.repeat(6)}${']'.repeat(6)}`;
    const { batches, seen } = await read(`{"title":${deep},"items":[${deep},${event}]}`, {
      maxDepth: 5,
    });
    const nesting = {
      code: 'nesting-too-deep',
      severity: 'error',
      message: 'arrays and objects are nested deeper than 5 levels (option maxDepth)',
    };
    expect(issues(batches)).toEqual([{ ...nesting, pointer: '/title', byteOffset: 9 }]);
    expect(rejected(batches)).toEqual([
      {
        raw: 'null',
        position: { pointer: '/items/0', byteOffset: 31 },
        issues: [{ ...nesting, pointer: '/items/0', byteOffset: 31 }],
      },
    ]);
    expect(positions(batches)).toEqual([{ pointer: '/items/1', byteOffset: 44 }]);
    expect(seen.members).toEqual([]);
    expect(seen.finished).toMatchObject({ members: [], hasDeepMember: true, recordsRead: 2 });
  });

  test('ends on input that is not JSON with one positioned invalid-json issue', async () => {
    const input = `{"items":[${event},{"a":1 2}, ${event}]}`;
    const { batches, seen } = await read(input);
    expect(issues(batches)).toEqual([
      expect.objectContaining({
        code: 'invalid-json',
        severity: 'error',
        pointer: '/items/1',
        byteOffset: input.indexOf(' 2}') + 1,
      }),
    ]);
    expect(positions(batches)).toHaveLength(1);
    expect(seen.finished).toBeUndefined();
  });

  test('says where a truncated document ends, and uses the layout words for empty and scalar input', async () => {
    const truncated = `{"items":[${event},{"a":`;
    expect(issues((await read(truncated)).batches)).toEqual([
      {
        code: 'invalid-json',
        severity: 'error',
        message: 'the input ends before the JSON document does (inside /items/1): it is truncated',
        pointer: '/items/1',
        byteOffset: truncated.length,
      },
    ]);
    expect(issues((await read('  ')).batches)).toEqual([
      {
        code: 'invalid-json',
        severity: 'error',
        message: 'the input is empty: an item list is an object with "items"',
        byteOffset: 2,
      },
    ]);
    expect(issues((await read(' 42')).batches)).toEqual([
      {
        code: 'type-error',
        severity: 'error',
        message: 'an item list is an object, not a number',
        byteOffset: 1,
      },
    ]);
  });

  test('stops with a LimitError at the start of a record longer than maxRecordLength', async () => {
    const input = `{"items":[${event},${event}]}`;
    const maxRecordLength = event.length - 10;
    const error = await read(input, { limits: { maxRecordLength } }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(LimitError);
    expect(error).toMatchObject({
      limit: 'maxRecordLength',
      message: `/items/0 is longer than ${maxRecordLength} bytes (limit maxRecordLength)`,
      position: { byteOffset: 10 },
    });
  });

  test('moves encoding issues into the batches', async () => {
    const bytes = new TextEncoder().encode(`{"title":"?","items":[${event}]}`);
    bytes[10] = 0xff;
    const { batches } = await read(bytes);
    expect(issues(batches)).toEqual([
      expect.objectContaining({ code: 'encoding-error', byteOffset: 10 }),
    ]);
    expect(positions(batches)).toHaveLength(1);
  });

  test('loads the streaming parser only when a document is read, so importing the core does not', () => {
    const source = new URL('../src/', import.meta.url);
    const importers = readdirSync(source).filter((file) =>
      readFileSync(new URL(file, source), 'utf8').includes("from '@streamparser/json'"),
    );
    // Type imports are erased; the one value import is the dynamic import() of the reader.
    for (const file of importers) {
      const text = readFileSync(new URL(file, source), 'utf8');
      expect(text).not.toMatch(/^import (?!type )[^;]*from '@streamparser\/json'/m);
    }
    const reader = readFileSync(new URL('json-document-reader.ts', source), 'utf8');
    expect(reader).toContain("await import('@streamparser/json')");
  });
});
