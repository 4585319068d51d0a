import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { TextChunker } from '../src/write-helpers.ts';

/** Feeds lines to a chunker of `size` bytes and joins every chunk it gives back. */
function throughChunker(lines: readonly string[], size: number, asLines: boolean): string {
  const chunker = new TextChunker(size);
  const chunks: Uint8Array[] = [];
  for (const line of lines) {
    const bytes = asLines ? chunker.addLine(line) : chunker.add(line);
    if (bytes) chunks.push(bytes);
  }
  const rest = chunker.flush();
  if (rest) chunks.push(rest);
  const decoder = new TextDecoder();
  return chunks.map((chunk) => decoder.decode(chunk, { stream: true })).join('') + decoder.decode();
}

describe('TextChunker', () => {
  test('gives back the text it was given, in order, at any chunk size', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'grapheme', maxLength: 40 }), { maxLength: 30 }),
        fc.integer({ min: 4, max: 64 }),
        (lines, size) => {
          expect(throughChunker(lines, size, false)).toBe(lines.join(''));
          expect(throughChunker(lines, size, true)).toBe(lines.map((line) => `${line}\n`).join(''));
          const chunker = new TextChunker(size);
          const chunks = [chunker.addAll(...lines), chunker.addAll(...lines), chunker.flush()];
          const bytes = chunks.flatMap((chunk) => (chunk ? [...chunk] : []));
          expect(new TextDecoder().decode(new Uint8Array(bytes))).toBe(lines.join('').repeat(2));
        },
      ),
      { numRuns: 500 },
    );
  });

  test('a line that fills the chunk exactly is followed by its line feed', () => {
    // 8 bytes of room: "abcdefgh" cannot be written in place (3 bytes a unit are reserved),
    // so it goes after a flush; lines of every length around the size are tried.
    for (let length = 0; length <= 20; length += 1) {
      const line = 'x'.repeat(length);
      expect(throughChunker([line, line], 8, true)).toBe(`${line}\n${line}\n`);
    }
  });
});
