import fc from 'fast-check';
import { gzipSync, strToU8, zipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { crc32 } from '../src/gzip-trailer.ts';
import {
  decodeText,
  decompress,
  defaultLimits,
  detectCompression,
  InputError,
  LimitError,
  toByteChunks,
} from '../src/index.ts';
import { chunked, collect } from './helpers.ts';

async function text(bytes: AsyncIterable<Uint8Array>) {
  const decoder = new TextDecoder();
  return (
    (await collect(bytes)).map((chunk) => decoder.decode(chunk, { stream: true })).join('') +
    decoder.decode()
  );
}

describe('decodeText', () => {
  test('reports the byte offset of invalid UTF-8, wherever the chunks split', async () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('ab\nçd'),
      0xff,
      0x41,
      ...new TextEncoder().encode('é'),
    ]);
    for (const size of [1, 2, 3, 100]) {
      const input = await decodeText(chunked(bytes, size));
      const decoded = (await collect(input.chunks)).join('');
      expect(decoded).toBe('ab\nçd\uFFFDAé');
      expect(input.issues).toMatchObject([{ code: 'encoding-error', byteOffset: 6 }]);
    }
  });

  test('reports input that ends inside a sequence', async () => {
    const input = await decodeText(chunked(new Uint8Array([0x61, 0xe2, 0x82]), 1));
    expect((await collect(input.chunks)).join('')).toBe('a\uFFFD');
    expect(input.issues).toMatchObject([{ code: 'encoding-error', byteOffset: 3 }]);
  });

  test('an unknown encoding is a clear error', async () => {
    await expect(decodeText(chunked('a', 1), { encoding: 'klingon' })).rejects.toThrow(
      'unknown text encoding "klingon"',
    );
  });

  test('a large chunk is decoded in pieces of at most 64 KiB', async () => {
    const input = await decodeText(toByteChunks(new Uint8Array(3 * 2 ** 20 + 5).fill(0x61)));
    const pieces = await collect(input.chunks);
    expect(pieces.map((piece) => piece.length)).toEqual([...Array(48).fill(2 ** 16), 5]);
  });

  test('a gzip stream, whose chunks are larger, is decoded in pieces of at most 64 KiB', async () => {
    const text = Array.from({ length: 40_000 }, (_, row) => `${row},event ${row % 97},Київ\n`).join(
      '',
    );
    const input = await decodeText(
      (await decompress(toByteChunks(gzipSync(strToU8(text))), { limits: defaultLimits })).chunks,
    );
    const pieces = await collect(input.chunks);
    expect(pieces.join('')).toBe(text);
    // UTF-16 units of a 64 KiB piece: at most one a byte, plus an open sequence carried over.
    expect(Math.max(...pieces.map((piece) => piece.length))).toBeLessThanOrEqual(2 ** 16 + 3);
    expect(pieces.length).toBeGreaterThan(10);
  });

  test('a file of only a BOM is empty text', async () => {
    const input = await decodeText(chunked(new Uint8Array([0xef, 0xbb, 0xbf]), 1));
    expect(await collect(input.chunks)).toEqual([]);
    expect(input.bomBytes).toBe(3);
  });
});

describe('decompress', () => {
  const csv = 'a,b\n1,2\n'.repeat(100);

  test('detects gzip and zip by magic bytes', () => {
    expect(detectCompression(gzipSync(strToU8('x')))).toBe('gzip');
    expect(detectCompression(zipSync({ 'a.csv': strToU8('x') }))).toBe('zip');
    expect(detectCompression(strToU8('a,b'))).toBe('none');
  });

  test('gunzips as a stream, including several members', async () => {
    const gz = gzipSync(strToU8(csv));
    const input = await decompress(chunked(gz, 7), { limits: defaultLimits });
    expect(input.compression).toBe('gzip');
    expect(await text(input.chunks)).toBe(csv);
    const twoMembers = new Uint8Array([...gzipSync(strToU8('a\n')), ...gzipSync(strToU8('b\n'))]);
    expect(
      await text((await decompress(chunked(twoMembers, 5), { limits: defaultLimits })).chunks),
    ).toBe('a\nb\n');
  });

  test('a truncated gzip is a clear error', async () => {
    const gz = gzipSync(strToU8(csv));
    const input = await decompress(chunked(gz.subarray(0, gz.length - 10), 16), {
      limits: defaultLimits,
    });
    await expect(text(input.chunks)).rejects.toThrow(InputError);
  });

  test('a gzip cut anywhere, or with a damaged trailer, is an error, never a shorter read', async () => {
    const long = Array.from({ length: 400 }, (_, index) => `row ${index},${index * 7}\n`).join('');
    const first = gzipSync(strToU8(long));
    const members = new Uint8Array([...first, ...gzipSync(strToU8(csv))]);
    await fc.assert(
      fc.asyncProperty(
        // From the two magic bytes on, the input is gzip (one byte is plain input); a cut
        // exactly after the first member leaves a whole, valid gzip file.
        fc.integer({ min: 2, max: members.length - 1 }).filter((cut) => cut !== first.length),
        fc.integer({ min: 1, max: 300 }),
        async (cut, size) => {
          const input = await decompress(chunked(members.subarray(0, cut), size), {
            limits: defaultLimits,
          });
          await expect(text(input.chunks)).rejects.toThrow(InputError);
        },
      ),
      { numRuns: 150 },
    );
    for (const at of [members.length - 5, members.length - 1]) {
      const damaged = members.slice();
      damaged[at] = (damaged[at] as number) ^ 0xff;
      const input = await decompress(chunked(damaged, 64), { limits: defaultLimits });
      await expect(text(input.chunks)).rejects.toThrow(/trailer \(CRC-32 and length\)/);
    }
    const whole = await decompress(chunked(members, 3), { limits: defaultLimits });
    expect(await text(whole.chunks)).toBe(long + csv);
  });

  test('a zip entry whose data does not match its CRC-32 is an error at the end', async () => {
    const zip = zipSync({ 'events.csv': strToU8(csv) }, { level: 0 });
    const damaged = zip.slice();
    const at = damaged.indexOf(strToU8(csv)[5] as number, 40);
    damaged[at] = (damaged[at] as number) ^ 0x01;
    const input = await decompress(chunked(damaged, 50), { limits: defaultLimits });
    await expect(text(input.chunks)).rejects.toThrow(
      new InputError(
        'zip input is corrupt or truncated: the data of events.csv does not match its CRC-32: the archive is damaged',
      ),
    );
    const intact = await decompress(chunked(zip, 50), { limits: defaultLimits });
    expect(await text(intact.chunks)).toBe(csv);
  });

  test('crc32 is the CRC-32 gzip and zip use', () => {
    expect(crc32(strToU8('123456789'))).toBe(0xcbf43926);
    expect(crc32(strToU8('6789'), crc32(strToU8('12345')))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });

  test('unzips the one file of a zip, skipping folders and dot files', async () => {
    const zip = zipSync({
      'data/': {},
      'data/ged.csv': strToU8(csv),
      '.DS_Store': strToU8('junk'),
    });
    const input = await decompress(chunked(zip, 11), { limits: defaultLimits });
    expect(await text(input.chunks)).toBe(csv);
    expect(input.entry).toBe('data/ged.csv');
  });

  test('a zip with several files needs a choice', async () => {
    const zip = zipSync({ 'a.csv': strToU8('a\n'), 'b.csv': strToU8('b\n') });
    const input = await decompress(chunked(zip, 11), { limits: defaultLimits });
    await expect(text(input.chunks)).rejects.toThrow(
      'zip input holds 2 files (a.csv, b.csv); choose one with the zipEntry option',
    );
    const chosen = await decompress(chunked(zip, 11), { limits: defaultLimits, zipEntry: 'b.csv' });
    expect(await text(chosen.chunks)).toBe('b\n');
    const missing = await decompress(chunked(zip, 11), {
      limits: defaultLimits,
      zipEntry: 'c.csv',
    });
    await expect(text(missing.chunks)).rejects.toThrow(
      'zip input has no entry "c.csv"; it holds: a.csv, b.csv',
    );
  });

  test('a decompression bomb stops at the ratio limit with bounded memory', async () => {
    const bomb = gzipSync(new Uint8Array(64 * 2 ** 20), { level: 9 });
    expect(bomb.length).toBeLessThan(200_000);
    const input = await decompress(chunked(bomb, 1 << 16), { limits: defaultLimits });
    await expect(text(input.chunks)).rejects.toThrow(LimitError);
    const capped = await decompress(chunked(gzipSync(strToU8(csv)), 64), {
      limits: { ...defaultLimits, maxDecompressedBytes: 100 },
    });
    await expect(text(capped.chunks)).rejects.toThrow(/maxDecompressedBytes/);
  });

  test('plain input passes through untouched', async () => {
    const input = await decompress(toByteChunks(csv), { limits: defaultLimits });
    expect(input.compression).toBe('none');
    expect(await text(input.chunks)).toBe(csv);
  });
});
