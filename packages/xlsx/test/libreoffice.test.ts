// LibreOffice Calc opens what the writer wrote: sheets, header, typed cells shown in their
// formats, and hostile text decoded back exactly. Needs LibreOffice Calc (Debian:
// libreoffice-calc-nogui); skipped without it outside CI, failing in CI.
import { csvColumns, restoreFormula } from '@conflict-events/io';
import type { ConflictEvent } from '@conflict-events/schema';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { sampleEvent } from '../../schema/test/arbitraries.ts';
import { writeWorkbook } from './helpers.ts';
import { hasLibreOffice, libreOfficeSheets } from './libreoffice.ts';

const column = (name: string) => csvColumns.findIndex((entry) => entry.name === name);

// Any UTF-16 unit but CR (Calc keeps line breaks in cells as LF) and the units UTF-8 cannot
// carry into the CSV (unpaired surrogates), plus runs that look like OOXML escapes.
const unit = fc.oneof(
  fc
    .integer({ min: 0, max: 0xffff })
    .filter((code) => code !== 0x0d && (code < 0xd800 || code > 0xdfff))
    .map((code) => String.fromCharCode(code)),
  fc.constantFrom('_x0041_', '_x000D_', '_x', '_', '&', '<', ']]>', '=', '-', '@', "'", ' '),
);
const texts = fc.sample(fc.string({ unit, minLength: 1, maxLength: 30 }), {
  numRuns: 150,
  seed: 7,
});

describe.skipIf(!hasLibreOffice && !process.env.CI)('LibreOffice read-back', () => {
  test('sheets, header, typed cells and any text, exactly', async () => {
    const hostile: ConflictEvent[] = texts.map((notes, index) => ({
      ...sampleEvent(),
      id: `text:${index}`,
      notes,
    }));
    const typed: ConflictEvent = {
      ...sampleEvent(),
      id: 'typed',
      civilianTargeting: false,
      date: { start: '1850-06-01', end: '1900-03-01', precision: 'range' },
    };
    const sheets = libreOfficeSheets(
      await writeWorkbook([typed, ...hostile], { maxRowsPerSheet: 101 }),
    );
    expect([...sheets.keys()].sort()).toEqual(['events', 'events 2']);
    const rows = ['events', 'events 2'].flatMap((name) => {
      const [header, ...body] = sheets.get(name) ?? [];
      expect(header).toEqual(csvColumns.map((entry) => entry.name));
      return body;
    });
    expect(rows).toHaveLength(hostile.length + 1);

    const [first] = rows;
    expect(first?.[column('id')]).toBe('typed');
    expect(first?.[column('date_start')]).toBe('1850-06-01');
    expect(first?.[column('date_end')]).toBe('1900-03-01');
    expect(first?.[column('latitude')]).toBe('36.2021');
    expect(first?.[column('fatalities_high')]).toBe('6');
    expect(first?.[column('civilian_targeting')]).toBe('FALSE');
    hostile.forEach((event, index) => {
      const row = rows[index + 1];
      expect(row?.[column('id')]).toBe(event.id);
      expect(restoreFormula(row?.[column('notes')] ?? '')).toBe(event.notes);
    });
  }, 180_000);
});
