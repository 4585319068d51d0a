import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  describeFormatConformance,
  readAll,
  writeAll,
} from '../../../test/conformance/format-conformance.ts';
import { arbitraryEvent, sampleEvent } from '../../schema/test/arbitraries.ts';
import { acled2023Columns, acledFormat } from '../src/index.ts';

describeFormatConformance({ format: acledFormat, headerOnly: `${acled2023Columns.join(',')}\n` });

const decoder = new TextDecoder();

/** Writes, reads back, writes again: the second output must equal the first. */
async function assertFixpoint(bytes: Uint8Array, chunkSize: number) {
  const read = await readAll(acledFormat, bytes, chunkSize);
  expect(read.rejected).toEqual([]);
  expect(decoder.decode(await writeAll(acledFormat, read.events))).toBe(decoder.decode(bytes));
  return read;
}

describe('acled: writing what was read gives the same bytes', () => {
  test('generated events are written readably: no rejects, one record each, stable', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(arbitraryEvent, { maxLength: 5 }),
        fc.integer({ min: 1, max: 97 }),
        async (events, size) => {
          const bytes = await writeAll(acledFormat, events);
          const read = await assertFixpoint(bytes, size);
          expect(read.records).toBe(events.length);
        },
      ),
      { numRuns: 60 },
    );
  });

  test('a truncated last record: the rest is read, the cut one is accounted for', async () => {
    const events = [1, 2, 3].map((n) => ({ ...sampleEvent(), id: `test:${n}` }));
    const bytes = await writeAll(acledFormat, events);
    const cut = bytes.subarray(0, bytes.length - 20);
    const result = await readAll(acledFormat, cut, 13);
    expect(result.events.map((event) => event.id)).toEqual(['acled:test:1', 'acled:test:2']);
    expect(result.rejected.map((reject) => reject.position.row)).toEqual([4]);
    expect(result.records).toBe(3);
  });
});
