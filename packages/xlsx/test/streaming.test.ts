// The writer streams: bytes come out while events are still going in, in many chunks.
import type { ConflictEvent } from '@conflict-events/schema';
import { strFromU8, unzipSync } from 'fflate';
import { expect, test } from 'vitest';
import { sampleEvent } from '../../schema/test/arbitraries.ts';
import { xlsxFormat } from '../src/index.ts';

const total = 50_000;

test(`writing ${total} events yields many chunks, the first long before the last event is read`, async () => {
  let pulled = 0;
  let pulledAtFirstChunk: number | undefined;
  async function* input(): AsyncIterable<ConflictEvent> {
    for (let index = 0; index < total; index++) {
      pulled += 1;
      yield { ...sampleEvent(), id: `test:${index}` };
    }
  }
  const chunks: Uint8Array[] = [];
  for await (const chunk of xlsxFormat.write(input())) {
    pulledAtFirstChunk ??= pulled;
    chunks.push(chunk);
  }
  expect(chunks.length).toBeGreaterThan(20);
  expect(pulledAtFirstChunk).toBeLessThan(total / 10);
  // Chunks are gathered to at least 64 KiB but stay small: nothing holds the whole output.
  for (const chunk of chunks.slice(0, -1)) expect(chunk.length).toBeGreaterThanOrEqual(1 << 16);
  expect(Math.max(...chunks.map((chunk) => chunk.length))).toBeLessThan(1 << 18);

  const bytes = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  chunks.reduce((offset, chunk) => {
    bytes.set(chunk, offset);
    return offset + chunk.length;
  }, 0);
  const sheet = strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml'] ?? new Uint8Array(0));
  expect(sheet.match(/<row /g)).toHaveLength(total + 1);
  expect(sheet).toContain(
    `<row r="${total + 1}"><c r="A${total + 1}" t="inlineStr"><is><t>test:${total - 1}</t>`,
  );
}, 60_000);
