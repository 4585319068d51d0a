import { describe, expect, test } from 'vitest';
import { sampleEvent } from '../../schema/test/arbitraries.ts';
import { excelDateSerial } from '../src/excel-date.ts';
import { packageParts, writeWorkbook } from './helpers.ts';

describe('Excel date serials (1900 date system)', () => {
  test('the serials Excel itself gives, on both sides of its phantom 29 February 1900', () => {
    expect(excelDateSerial('1900-01-01')).toBe(1);
    expect(excelDateSerial('1900-01-31')).toBe(31);
    expect(excelDateSerial('1900-02-28')).toBe(59);
    // Serial 60 is the 1900-02-29 that Excel counts and no calendar has.
    expect(excelDateSerial('1900-03-01')).toBe(61);
    expect(excelDateSerial('1970-01-01')).toBe(25_569);
    expect(excelDateSerial('2016-08-01')).toBe(42_583);
    expect(excelDateSerial('9999-12-31')).toBe(2_958_465);
  });

  test('dates Excel cannot show as dates, and strings that are not dates, have no serial', () => {
    expect(excelDateSerial('1899-12-31')).toBeUndefined();
    expect(excelDateSerial('0001-01-01')).toBeUndefined();
    expect(excelDateSerial('0099-01-01')).toBeUndefined();
    expect(excelDateSerial('2016-04-31')).toBeUndefined();
    expect(excelDateSerial('2015-02-29')).toBeUndefined();
    expect(excelDateSerial('2016-8-1')).toBeUndefined();
    expect(excelDateSerial('')).toBeUndefined();
  });

  test('date cells hold the serial with the yyyy-mm-dd style', async () => {
    const bytes = await writeWorkbook([
      { ...sampleEvent(), date: { start: '1900-02-28', end: '1900-03-01', precision: 'range' } },
    ]);
    const parts = packageParts(bytes);
    const sheet = parts['xl/worksheets/sheet1.xml'] ?? '';
    expect(sheet).toContain('<c r="B2" s="1"><v>59</v></c><c r="C2" s="1"><v>61</v></c>');
    expect(parts['xl/styles.xml']).toContain('<numFmt numFmtId="164" formatCode="yyyy-mm-dd"/>');
    expect(parts['xl/styles.xml']).toMatch(/<cellXfs count="3"><xf [^>]*\/><xf numFmtId="164"/);
  });
});
