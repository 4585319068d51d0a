// What every reader of JSON text shares: its settings, the nesting bound, a record parsed
// whole, and encoding issues moved into the batches as they are found.
import { describe, expect, test } from 'vitest';
import {
  decodeText,
  defaultBatchSize,
  defaultLimits,
  encodingIssueMover,
  nestingIssue,
  nestsDeeperThan,
  openJsonLines,
  parseJsonRecord,
  resolveJsonReadSettings,
} from '../src/index.ts';
import { chunked } from './helpers.ts';

const defaults = Object.freeze({ encoding: 'utf-8', maxDepth: 256 });

describe('resolveJsonReadSettings', () => {
  test("fills options in from the format's defaults", () => {
    expect(resolveJsonReadSettings({}, defaults)).toEqual({
      batchSize: defaultBatchSize,
      limits: defaultLimits,
      maxDepth: 256,
      decode: { encoding: 'utf-8' },
    });
    expect(
      resolveJsonReadSettings(
        {
          batchSize: 5,
          maxDepth: 3,
          encoding: 'windows-1252',
          file: 'a.json',
          limits: { maxRecordLength: 10 },
        },
        defaults,
      ),
    ).toEqual({
      batchSize: 5,
      limits: { ...defaultLimits, maxRecordLength: 10 },
      maxDepth: 3,
      decode: { encoding: 'windows-1252', file: 'a.json' },
    });
  });

  test('refuses a batchSize or maxDepth that is not a positive integer, batchSize first', () => {
    expect(() => resolveJsonReadSettings({ batchSize: 0, maxDepth: 0 }, defaults)).toThrow(
      new RangeError('batchSize must be a positive integer, not 0'),
    );
    expect(() => resolveJsonReadSettings({ maxDepth: 1.5 }, defaults)).toThrow(
      new RangeError('maxDepth must be a positive integer, not 1.5'),
    );
  });
});

describe('nestsDeeperThan', () => {
  test('counts arrays and objects, not brackets inside strings', () => {
    expect(nestsDeeperThan('[[{}]]', 3)).toBe(false);
    expect(nestsDeeperThan('[[{"a":[]}]]', 3)).toBe(true);
    expect(nestsDeeperThan('["[[[[", {"b": "\\"[[[["}]', 2)).toBe(false);
  });

  test('names the option in its issue', () => {
    expect(nestingIssue(7)).toEqual({
      code: 'nesting-too-deep',
      severity: 'error',
      message: 'arrays and objects are nested deeper than 7 levels (option maxDepth)',
    });
  });
});

describe('parseJsonRecord', () => {
  test('gives the value of a record that is JSON', () => {
    expect(parseJsonRecord('{"a":[1,{"b":null}]}', 3)).toEqual({ value: { a: [1, { b: null }] } });
  });

  test("refuses text that is not JSON with the parser's reason, before looking at its depth", () => {
    const parsed = parseJsonRecord('[[[[{"a":', 2);
    expect(parsed).toEqual({
      issue: {
        code: 'invalid-json',
        severity: 'error',
        message: expect.stringMatching(/^not valid JSON: ./),
      },
    });
  });

  test('refuses a record nested deeper than maxDepth', () => {
    expect(parseJsonRecord('[[[1]]]', 2)).toEqual({ issue: nestingIssue(2) });
    expect(parseJsonRecord('[[[1]]]', 3)).toEqual({ value: [[[1]]] });
  });
});

describe('encodingIssueMover', () => {
  test('hands on each encoding issue once, however often it is called', async () => {
    const bytes = new TextEncoder().encode('ab?cdef');
    bytes[2] = 0xff;
    const text = await decodeText(chunked(bytes, 3), {});
    const moved: (number | undefined)[] = [];
    const move = encodingIssueMover(text, (issue) => moved.push(issue.byteOffset));
    move();
    expect(moved).toEqual([]);
    for await (const _chunk of text.chunks) move();
    move();
    expect(moved).toEqual([2]);
    expect(text.issues).toHaveLength(1);
  });
});

describe('openJsonLines', () => {
  test('refuses a bad option before reading a byte', async () => {
    const untouched: AsyncIterable<Uint8Array> = {
      [Symbol.asyncIterator]() {
        throw new Error('the input was read');
      },
    };
    await expect(openJsonLines(untouched, { maxDepth: 0 }, defaults)).rejects.toThrow(
      new RangeError('maxDepth must be a positive integer, not 0'),
    );
  });

  test('gives the settings, the decoded text and its lines, byte offsets counting the BOM', async () => {
    const input = await openJsonLines(chunked('\ufeff[1]\n{}\n', 2), { batchSize: 3 }, defaults);
    expect(input).toMatchObject({ batchSize: 3, maxDepth: 256, limits: defaultLimits });
    const lines = [];
    for await (const chunk of input.text.chunks) lines.push(...input.lines.push(chunk));
    lines.push(...input.lines.end());
    expect(lines).toEqual([
      { text: '[1]', line: 1, byteOffset: 3 },
      { text: '{}', line: 2, byteOffset: 7 },
    ]);
  });
});
