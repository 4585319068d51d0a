// The workbook as a real spreadsheet library reads it: exceljs loads what the writer wrote.
import { csvColumns, restoreFormula } from '@conflict-events/io';
import type { ConflictEvent } from '@conflict-events/schema';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { sampleEvent } from '../../schema/test/arbitraries.ts';
import {
  decodeOoxmlString,
  loadWorkbook,
  packageParts,
  rowValues,
  writeWorkbook,
} from './helpers.ts';

const columnNumber = (name: string) => csvColumns.findIndex((column) => column.name === name) + 1;

function event(id: string, changes: Partial<ConflictEvent> = {}): ConflictEvent {
  return { ...sampleEvent(), id, ...changes };
}

async function firstSheet(events: readonly ConflictEvent[], options: object = {}) {
  const workbook = await loadWorkbook(await writeWorkbook(events, options));
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  return sheet;
}

function cell(sheet: ExcelJS.Worksheet, row: number, name: string): ExcelJS.Cell {
  return sheet.getRow(row).getCell(columnNumber(name));
}

describe('exceljs reads the workbook', () => {
  test('one sheet "events": the canonical columns in order as a bold header, one row per event', async () => {
    const sheet = await firstSheet([event('a'), event('b'), event('c')]);
    expect(sheet.name).toBe('events');
    expect(rowValues(sheet, 1)).toEqual(csvColumns.map((column) => column.name));
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.rowCount).toBe(4);
    expect(sheet.actualRowCount).toBe(4);
    expect([2, 3, 4].map((row) => cell(sheet, row, 'id').value)).toEqual(['a', 'b', 'c']);
  });

  test('no events: a header row and nothing else', async () => {
    const sheet = await firstSheet([]);
    expect(rowValues(sheet, 1)).toEqual(csvColumns.map((column) => column.name));
    expect(sheet.rowCount).toBe(1);
  });

  test('the header row is frozen and carries a filter over the rows', async () => {
    const sheet = await firstSheet([event('a'), event('b')]);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, topLeftCell: 'A2' });
    expect(sheet.autoFilter).toBe('A1:BP3');
  });

  test('numbers, booleans and dates are typed cells', async () => {
    const sheet = await firstSheet([
      event('typed', {
        civilianTargeting: true,
        date: { start: '2016-07-30', end: '2016-08-01', precision: 'range' },
        type: {
          category: 'battles',
          subType: 'armed-clash',
          cameo: { eventCode: '190', rootCode: '19', quadClass: 4, goldstein: -10 },
        },
      }),
      event('no', { civilianTargeting: false }),
    ]);
    const latitude = cell(sheet, 2, 'latitude');
    expect(latitude.type).toBe(ExcelJS.ValueType.Number);
    expect(latitude.value).toBe(36.2021);
    expect(cell(sheet, 2, 'fatalities_best').value).toBe(4);
    expect(cell(sheet, 2, 'fatalities_high').value).toBe(6);
    const start = cell(sheet, 2, 'date_start');
    expect(start.type).toBe(ExcelJS.ValueType.Date);
    expect(start.value).toEqual(new Date('2016-07-30T00:00:00Z'));
    expect(start.numFmt).toBe('yyyy-mm-dd');
    expect(cell(sheet, 2, 'date_end').value).toEqual(new Date('2016-08-01T00:00:00Z'));
    const civilian = cell(sheet, 2, 'civilian_targeting');
    expect(civilian.type).toBe(ExcelJS.ValueType.Boolean);
    expect(civilian.value).toBe(true);
    expect(cell(sheet, 3, 'civilian_targeting').value).toBe(false);
    // A number column is never neutralised, even when its value starts with a minus sign.
    expect(cell(sheet, 2, 'cameo_goldstein').value).toBe(-10);
  });

  test('date-times, enumerations and JSON cells are text, exactly as in the event', async () => {
    const original = event('text', {
      provenance: { dataset: 'acled', modified: '2016-08-02T10:15:00+03:00' },
    });
    const sheet = await firstSheet([original]);
    expect(cell(sheet, 2, 'provenance_modified').value).toBe('2016-08-02T10:15:00+03:00');
    expect(cell(sheet, 2, 'date_precision').value).toBe('day');
    expect(JSON.parse(String(cell(sheet, 2, 'actors').value))).toEqual(original.actors);
    expect(cell(sheet, 2, 'provenance_unmapped').value).toBeNull();
  });

  test('a date before 1900, which Excel cannot show as a date, is text', async () => {
    const sheet = await firstSheet([
      event('old', { date: { start: '1899-12-31', end: '1900-03-01', precision: 'range' } }),
    ]);
    expect(cell(sheet, 2, 'date_start').value).toBe('1899-12-31');
    expect(cell(sheet, 2, 'date_end').value).toEqual(new Date('1900-03-01T00:00:00Z'));
  });

  test('text that a spreadsheet would run as a formula is stored as text behind an apostrophe', async () => {
    const dangerous = event('=1+1', {
      notes: '=HYPERLINK("http://x")',
      location: {
        country: 'SYR',
        place: '@SUM(A1:A2)',
        admin1: '+1',
        admin2: '-2',
        precision: 'place',
      },
    });
    const bytes = await writeWorkbook([dangerous]);
    const sheet = (await loadWorkbook(bytes)).worksheets[0] as ExcelJS.Worksheet;
    expect(cell(sheet, 2, 'notes').value).toBe('\'=HYPERLINK("http://x")');
    expect(cell(sheet, 2, 'id').value).toBe("'=1+1");
    expect(cell(sheet, 2, 'place').value).toBe("'@SUM(A1:A2)");
    expect(cell(sheet, 2, 'admin1').value).toBe("'+1");
    expect(cell(sheet, 2, 'admin2').value).toBe("'-2");
    sheet.eachRow((row) =>
      row.eachCell((found) => {
        expect(found.type).not.toBe(ExcelJS.ValueType.Formula);
        expect(found.formula).toBeUndefined();
      }),
    );
    expect(packageParts(bytes)['xl/worksheets/sheet1.xml']).not.toContain('<f');
  });

  test('with neutraliseFormulas false the text is kept as is, and is still never a formula', async () => {
    const bytes = await writeWorkbook([event('x', { notes: '=HYPERLINK("http://x")' })], {
      neutraliseFormulas: false,
    });
    const sheet = (await loadWorkbook(bytes)).worksheets[0] as ExcelJS.Worksheet;
    const notes = cell(sheet, 2, 'notes');
    expect(notes.value).toBe('=HYPERLINK("http://x")');
    expect(notes.type).toBe(ExcelJS.ValueType.String);
  });

  test('control characters, CR, markup and `_xHHHH_`-like text survive exactly', async () => {
    const texts = [
      `controls ${Array.from({ length: 32 }, (_, code) => String.fromCharCode(code)).join('')} end`,
      '_x0041_ and _x005F_ and _x000D_x000A_ and _X0041_ and _x00e9_ and _x12_',
      'line\r\nbreaks\rand\nmore',
      '  padded with spaces and a tab\t',
      '<b>&amp; ]]> "quoted" \'single\'',
      'lone \uD800 high, lone \uDC00 low, pair \uD83D\uDE00, \uFFFE \uFFFF',
    ];
    const events = texts.map((notes, index) => event(`c${index}`, { notes }));
    const bytes = await writeWorkbook(events);
    const sheet = (await loadWorkbook(bytes)).worksheets[0] as ExcelJS.Worksheet;
    texts.forEach((text, index) => {
      expect(decodeOoxmlString(String(cell(sheet, index + 2, 'notes').value))).toBe(text);
    });
    // The escapes are OOXML's, as Excel writes them.
    const xml = packageParts(bytes)['xl/worksheets/sheet1.xml'] ?? '';
    expect(xml).toContain('_x000B_');
    expect(xml).toContain('_x005F_x0041_');
    expect(xml).toContain('line&#13;\nbreaks&#13;and');
  });

  test('property: any text in a text column reads back exactly', async () => {
    const unit = fc.oneof(
      fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
      fc.constantFrom(
        '_x0041_',
        '_x',
        '_',
        'x',
        '000D',
        '&',
        '<',
        ']]>',
        '\r\n',
        ' ',
        '=',
        '-',
        "'",
      ),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.string({ unit, maxLength: 40 }), fc.string({ unit, maxLength: 40 })), {
          minLength: 1,
          maxLength: 5,
        }),
        async (pairs) => {
          const events = pairs.map(([notes, place], index) =>
            event(`p${index}`, {
              notes,
              location: { country: 'SYR', place, precision: 'place' },
            }),
          );
          const sheet = await firstSheet(events);
          const readBack = (row: number, name: string) => {
            const value = cell(sheet, row, name).value;
            return value === null ? '' : restoreFormula(decodeOoxmlString(String(value)));
          };
          pairs.forEach(([notes, place], index) => {
            expect(readBack(index + 2, 'notes')).toBe(notes);
            expect(readBack(index + 2, 'place')).toBe(place);
          });
        },
      ),
      { numRuns: 60 },
    );
  });
});
