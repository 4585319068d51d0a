// One conformance suite for every format (STYLE.md 5): each format package runs it on its
// format objects; capability flags say what a format cannot do.
import type { AnyFormat, Batch } from '@conflict-events/io';
import type { ConflictEvent, ValidationIssue } from '@conflict-events/schema';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { arbitraryEvent, sampleEvent } from '../../packages/schema/test/arbitraries.ts';

export interface ConformanceOptions {
  format: AnyFormat;
  /** Text of an input with a header and no record, for formats that have a header. */
  headerOnly?: string;
  /** Fast-check runs for the property tests. Default 40. */
  runs?: number;
}

export interface ReadResult {
  events: ConflictEvent[];
  rejected: Batch['rejected'];
  issues: ValidationIssue[];
  records: number;
}

export async function* chunks(bytes: Uint8Array, size: number): AsyncIterable<Uint8Array> {
  for (let start = 0; start < bytes.length; start += size)
    yield bytes.subarray(start, start + size);
}

export async function writeAll(
  format: AnyFormat,
  events: readonly ConflictEvent[],
  options: object = {},
): Promise<Uint8Array> {
  if (!format.write) throw new Error(`${format.id} cannot write`);
  const parts: Uint8Array[] = [];
  async function* input() {
    yield* events;
  }
  for await (const part of format.write(input(), options)) parts.push(part);
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

export async function readAll(
  format: AnyFormat,
  bytes: Uint8Array,
  chunkSize = 4096,
  options: object = {},
): Promise<ReadResult> {
  if (!format.read) throw new Error(`${format.id} cannot read`);
  const result: ReadResult = { events: [], rejected: [], issues: [], records: 0 };
  for await (const batch of format.read(chunks(bytes, chunkSize), options)) {
    expect(batch.records).toBe(batch.events.length + batch.rejected.length);
    expect(batch.positions).toHaveLength(batch.events.length);
    expect(batch.raws).toHaveLength(batch.events.length);
    result.events.push(...batch.events);
    result.rejected.push(...batch.rejected);
    result.issues.push(...batch.issues);
    result.records += batch.records;
  }
  for (const rejected of result.rejected) expect(rejected.issues.length).toBeGreaterThan(0);
  return result;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

const encoder = new TextEncoder();

export function describeFormatConformance({
  format,
  headerOnly,
  runs = 40,
}: ConformanceOptions): void {
  const canRoundTrip = format.capabilities.read && format.capabilities.write;

  describe(`${format.id}: conformance`, () => {
    test('identity: id, name, extensions and media types', () => {
      expect(format.id).toMatch(/^[a-z0-9-]+$/);
      expect(format.name.length).toBeGreaterThan(0);
      expect(format.extensions.length).toBeGreaterThan(0);
      for (const extension of format.extensions) expect(extension).toMatch(/^[a-z0-9.]+$/);
      expect(format.mediaTypes.length).toBeGreaterThan(0);
      expect(Boolean(format.read)).toBe(format.capabilities.read);
      expect(Boolean(format.write)).toBe(format.capabilities.write);
    });

    if (format.capabilities.read) {
      test('empty input: no record, no exception', async () => {
        const result = await readAll(format, new Uint8Array(0));
        expect(result.records).toBe(0);
      });

      if (headerOnly !== undefined) {
        test('header only: no record', async () => {
          const result = await readAll(format, encoder.encode(headerOnly));
          expect(result.records).toBe(0);
          expect(result.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
        });
      }

      test('random bytes: issues or rejects with accounting intact, never an exception', async () => {
        await fc.assert(
          fc.asyncProperty(
            fc.uint8Array({ maxLength: 300 }),
            fc.integer({ min: 1, max: 64 }),
            async (bytes, size) => {
              const result = await readAll(format, bytes, size);
              expect(result.records).toBe(result.events.length + result.rejected.length);
            },
          ),
          { numRuns: runs * 2 },
        );
      });

      test('random text in the format’s alphabet: never an exception', async () => {
        const unit = fc.constantFrom(
          'a',
          '1',
          ',',
          ';',
          '\t',
          '"',
          '{',
          '}',
          '[',
          ']',
          ':',
          '\n',
          '\r',
          ' ',
          'é',
          '\uFEFF',
        );
        await fc.assert(
          fc.asyncProperty(fc.string({ unit, maxLength: 200 }), async (text) => {
            const result = await readAll(format, encoder.encode(text), 7);
            expect(result.records).toBe(result.events.length + result.rejected.length);
          }),
          { numRuns: runs * 2 },
        );
      });

      test('options objects are not mutated', async () => {
        const options = deepFreeze({ ...format.defaultReadOptions, batchSize: 2 });
        expect(Object.isFrozen(format.defaultReadOptions)).toBe(true);
        const bytes = format.write ? await writeAll(format, [sampleEvent()]) : new Uint8Array(0);
        await readAll(format, bytes, 16, options);
      });
    }

    if (format.capabilities.write) {
      test('its own output is recognised by sniffing', async () => {
        const bytes = await writeAll(format, [sampleEvent()]);
        expect(format.sniff(bytes.subarray(0, 65536))).toBe(true);
      });

      test('write options are not mutated', async () => {
        expect(Object.isFrozen(format.defaultWriteOptions)).toBe(true);
        await writeAll(format, [sampleEvent()], deepFreeze({ ...format.defaultWriteOptions }));
      });
    }

    if (canRoundTrip) {
      const lossless = format.capabilities.lossless;

      test(`round trip of generated events, any chunking${lossless ? ': lossless' : ''}`, async () => {
        await fc.assert(
          fc.asyncProperty(
            fc.array(arbitraryEvent, { maxLength: 5 }),
            fc.integer({ min: 1, max: 97 }),
            async (events, size) => {
              const unique = events.map((event, index) => ({
                ...event,
                id: `${index}:${event.id}`,
              }));
              const result = await readAll(format, await writeAll(format, unique), size);
              expect(result.rejected).toEqual([]);
              expect(result.records).toBe(unique.length);
              if (lossless) expect(result.events).toEqual(unique);
            },
          ),
          { numRuns: runs },
        );
      });

      // These compare with a plain read of the same output, so they hold for formats
      // that cannot carry every field of the model as much as for lossless ones.
      test('a 1 MB field survives', async () => {
        const event = { ...sampleEvent(), notes: `"${'x,\n'.repeat(350_000)}"` };
        const result = await readAll(format, await writeAll(format, [event]), 65536);
        expect(result.events).toHaveLength(1);
        expect(result.events[0]?.notes).toBe(event.notes);
        if (lossless) expect(result.events).toEqual([event]);
      });

      if (!format.capabilities.binary) {
        test('a byte-order mark before the data is skipped', async () => {
          const bytes = await writeAll(format, [sampleEvent()]);
          const plain = await readAll(format, bytes);
          const withBom = await readAll(format, new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]), 5);
          expect(plain.events).toHaveLength(1);
          expect(withBom.events).toEqual(plain.events);
          if (lossless) expect(withBom.events).toEqual([sampleEvent()]);
        });

        test('a truncated last record: the rest is read, the cut one is accounted for', async () => {
          const events = [1, 2, 3].map((n) => ({ ...sampleEvent(), id: `test:${n}` }));
          const bytes = await writeAll(format, events);
          const lastLength = bytes.length - (await writeAll(format, events.slice(0, 2))).length;
          const cut = bytes.subarray(0, bytes.length - Math.max(1, Math.floor(lastLength / 2)));
          const whole = await readAll(format, bytes);
          const result = await readAll(format, cut, 13);
          expect(result.events.slice(0, 2)).toEqual(whole.events.slice(0, 2));
          expect(result.records).toBe(result.events.length + result.rejected.length);
        });
      } else {
        test('a cut file: issues, no exception, every record accounted for', async () => {
          const events = [1, 2, 3].map((n) => ({ ...sampleEvent(), id: `test:${n}` }));
          const bytes = await writeAll(format, events);
          for (const keep of [0.25, 0.5, 0.9]) {
            const cut = bytes.subarray(0, Math.floor(bytes.length * keep));
            const result = await readAll(format, cut, 13);
            expect(result.records).toBe(result.events.length + result.rejected.length);
            expect(
              result.issues.some((issue) => issue.severity === 'error') ||
                result.rejected.length > 0,
            ).toBe(true);
          }
        });
      }
    }
  });
}
