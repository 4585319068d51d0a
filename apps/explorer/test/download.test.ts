import { describe, expect, it } from 'vitest';
import { baseName, selectedIndexes } from '../src/export/download.ts';

describe('export helpers', () => {
  it('names the export after the opened file, without compression or extension', () => {
    expect(baseName('events.csv')).toBe('events');
    expect(baseName('ged241.csv.zip')).toBe('ged241');
    expect(baseName('20160801.export.CSV.gz')).toBe('20160801.export');
    expect(baseName('C:\\data\\acled.csv')).toBe('acled');
    expect(baseName('.csv')).toBe('events');
  });

  it('lists the indexes of the events that pass, in order', () => {
    const passes = Uint8Array.from([0, 1, 1, 0, 1]);
    expect([...selectedIndexes(passes, 3)]).toEqual([1, 2, 4]);
    expect([...selectedIndexes(new Uint8Array(3), 0)]).toEqual([]);
  });
});
