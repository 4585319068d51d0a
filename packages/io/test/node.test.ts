import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { fileBytes, openAtomicFile, samePath } from '../src/node.ts';
import { collect } from './helpers.ts';

describe('Node edge', () => {
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
});
