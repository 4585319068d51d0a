import { describe, expect, test } from 'vitest';
import { concatBytes, peekBytes, toByteChunks } from '../src/index.ts';
import { collect } from './helpers.ts';

const text = 'id,date\n1,2016-08-01\n';
const bytes = new TextEncoder().encode(text);
const decode = async (source: Parameters<typeof toByteChunks>[0]) =>
  new TextDecoder().decode(concatBytes(await collect(toByteChunks(source))));

describe('byte sources', () => {
  test('string, bytes, ArrayBuffer, Blob, Response, ReadableStream, iterables', async () => {
    const stream = () =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(bytes.subarray(0, 5));
          controller.enqueue(bytes.subarray(5));
          controller.close();
        },
      });
    async function* asyncChunks() {
      yield bytes.subarray(0, 3);
      yield new Uint8Array(0);
      yield bytes.subarray(3);
    }
    const sources = [
      text,
      bytes,
      bytes.slice().buffer,
      new Blob([bytes]),
      new Response(bytes),
      stream(),
      asyncChunks(),
      [bytes.subarray(0, 4), bytes.subarray(4)],
    ];
    for (const source of sources) expect(await decode(source)).toBe(text);
  });

  test('empty sources give no chunk', async () => {
    for (const source of ['', new Uint8Array(0), new Blob([]), new Response(null)]) {
      expect(await collect(toByteChunks(source))).toEqual([]);
    }
  });

  test('peeking reads ahead without consuming', async () => {
    const { head, chunks } = await peekBytes(
      toByteChunks([bytes.subarray(0, 2), bytes.subarray(2, 6), bytes.subarray(6)]),
      4,
    );
    expect(new TextDecoder().decode(head)).toBe('id,d');
    expect(new TextDecoder().decode(concatBytes(await collect(chunks)))).toBe(text);
  });
});
