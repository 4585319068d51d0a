// Hive partition paths: escaping as Hive does, and reading any value back from its path.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hiveDefaultPartition, hiveSegment, partitionValuesOf } from '../src/hive-path.ts';

describe('Hive partition paths', () => {
  it('writes key=value, escaping as Hive does, and the default partition for no value', () => {
    expect(hiveSegment('country', 'SDN')).toBe('country=SDN');
    expect(hiveSegment('admin1', 'a/b=c%d')).toBe('admin1=a%2Fb%3Dc%25d');
    expect(hiveSegment('admin1', '..')).toBe('admin1=..');
    expect(hiveSegment('admin1', 'Ḥalab\\x')).toBe('admin1=Ḥalab%5Cx');
    expect(hiveSegment('country', undefined)).toBe(`country=${hiveDefaultPartition}`);
    expect(hiveSegment('country', '')).toBe(`country=${hiveDefaultPartition}`);
  });

  it('reads the directories of a relative path, not the file name', () => {
    expect(partitionValuesOf('year=2024/country=SDN/part-0.parquet')).toEqual([
      ['year', '2024'],
      ['country', 'SDN'],
    ]);
    expect(partitionValuesOf(`a=x%2Fy/b=${hiveDefaultPartition}/c=/key=value.parquet`)).toEqual([
      ['a', 'x/y'],
      ['b', null],
      ['c', ''],
    ]);
    expect(partitionValuesOf('plain/year=2020\\part-0.parquet')).toEqual([['year', '2020']]);
    expect(partitionValuesOf('a=100%/a=%zz/part.parquet')).toEqual([
      ['a', '100%'],
      ['a', '%zz'],
    ]);
  });

  it('gives back any value, and no value can add a directory', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 10 }),
        fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }),
        (key, value) => {
          const segment = hiveSegment(key, value);
          expect(segment).not.toMatch(/[/\\]/);
          expect(partitionValuesOf(`${segment}/part-0.parquet`)).toEqual([[key, value]]);
        },
      ),
      { numRuns: 500 },
    );
  });
});
