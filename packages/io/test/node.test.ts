import {
  appendFileSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { InputError } from '../src/index.ts';
import { boundHeapGrowth, fileBytes, openAtomicFile, samePath } from '../src/node.ts';
import { collect } from './helpers.ts';

describe('Node edge', () => {
  test('boundHeapGrowth takes a whole percent of at least 1, else says what it got', () => {
    for (const percent of [0, -5, 12.5, Number.NaN]) {
      expect(() => boundHeapGrowth(percent)).toThrow(/expected a whole percent of at least 1/);
    }
    // The effect on memory is measured by `pnpm bench:compare` and `pnpm bench:memory`.
    expect(() => boundHeapGrowth()).not.toThrow();
  });

  test('writes behind the caller arrive whole and in order, however they interleave', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ce-io-'));
    const target = join(dir, 'out.txt');
    const sink = await openAtomicFile(target);
    const expected: string[] = [];
    for (let index = 0; index < 3000; index++) {
      const text = `line ${index} ${'x'.repeat(index % 97)}\n`;
      expected.push(text);
      // Every third write is not awaited, so writes queue while others are on their way.
      const written = sink.write(new TextEncoder().encode(text));
      if (index % 3 !== 0) await written;
    }
    await sink.commit();
    expect(readFileSync(target, 'utf8')).toBe(expected.join(''));
  });

  test('an atomic file appears only on commit, and abort leaves nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ce-io-'));
    const target = join(dir, 'out.csv');
    const sink = await openAtomicFile(target);
    await sink.write(new TextEncoder().encode('a,b\n'));
    expect(readdirSync(dir)).toEqual([sink.tempPath.slice(dir.length + 1)]);
    await sink.commit();
    expect(readdirSync(dir)).toEqual(['out.csv']);
    expect(readFileSync(target, 'utf8')).toBe('a,b\n');

    const second = await openAtomicFile(target);
    await second.write(new TextEncoder().encode('partial'));
    await second.abort();
    await second.abort();
    expect(readdirSync(dir)).toEqual(['out.csv']);
    expect(readFileSync(target, 'utf8')).toBe('a,b\n');
  });

  test('reads a file as byte chunks and compares paths', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ce-io-'));
    const path = join(dir, 'in.txt');
    writeFileSync(path, 'hello');
    const chunks = await collect(fileBytes(path));
    expect(Buffer.concat(chunks).toString()).toBe('hello');
    expect(samePath(path, join(dir, '.', 'in.txt'))).toBe(true);
    expect(samePath(path, join(dir, 'other.txt'))).toBe(false);
  });

  test('a file that grows or shrinks while it is read is an error, not a silent read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ce-io-'));
    const path = join(dir, 'growing.csv');
    writeFileSync(path, 'x'.repeat(3 * 2 ** 20));
    const growing = async () => {
      let first = true;
      for await (const _chunk of fileBytes(path)) {
        if (first) appendFileSync(path, 'more rows\n');
        first = false;
      }
    };
    // The file is read up to the size it had when opened, then found grown.
    await expect(growing()).rejects.toThrow(
      new InputError(
        `${path} changed while it was read: 3145728 bytes when opened, 3145728 read, 3145738 now`,
      ),
    );
    writeFileSync(path, 'x'.repeat(3 * 2 ** 20));
    const shrinking = async () => {
      for await (const _chunk of fileBytes(path)) truncateSync(path, 2 ** 20 + 5);
    };
    // The next chunk is read ahead, so how much was read before the cut varies.
    await expect(shrinking()).rejects.toThrow(
      /changed while it was read: 3145728 bytes when opened, \d+ read, 1048581 now/,
    );
  });

  test('a pipe is read to its end', async () => {
    const chunks = await collect(fileBytes('/dev/null'));
    expect(chunks).toEqual([]);
  });
});
