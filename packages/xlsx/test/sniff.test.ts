import { strToU8, zipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { sampleEvent } from '../../schema/test/arbitraries.ts';
import { xlsxFormat } from '../src/index.ts';
import { writeWorkbook } from './helpers.ts';

const head = (bytes: Uint8Array) => bytes.subarray(0, 65_536);

describe('xlsx: sniff', () => {
  test('its own output, and its first bytes only', async () => {
    const bytes = await writeWorkbook([sampleEvent()]);
    expect(xlsxFormat.sniff(head(bytes))).toBe(true);
    expect(xlsxFormat.sniff(bytes.subarray(0, 1024))).toBe(true);
  });

  test('a workbook laid out as Excel lays it out, content types first', () => {
    const workbook = zipSync({
      '[Content_Types].xml': strToU8('<Types/>'),
      '_rels/.rels': strToU8('<Relationships/>'),
      'xl/workbook.xml': strToU8('<workbook/>'),
    });
    expect(xlsxFormat.sniff(workbook)).toBe(true);
  });

  test('a workbook whose large first sheet pushes the workbook part past the bytes given', () => {
    const big = new Uint8Array(200_000).map((_, index) => (index * 7919) % 251);
    const workbook = zipSync(
      { 'xl/worksheets/sheet1.xml': big, 'xl/workbook.xml': strToU8('<workbook/>') },
      { level: 0 },
    );
    expect(xlsxFormat.sniff(head(workbook))).toBe(true);
  });

  test('a zipped CSV (as UCDP ships) is not a workbook', () => {
    const csv = strToU8('id,date_start,date_end\nucdp:1,2016-08-01,2016-08-01\n');
    expect(xlsxFormat.sniff(zipSync({ 'ged231.csv': csv }))).toBe(false);
    expect(xlsxFormat.sniff(zipSync({ 'xl/': new Uint8Array(0), 'xl/events.csv': csv }))).toBe(
      false,
    );
  });

  test('other Office packages and the binary workbook are not XLSX', () => {
    const docx = zipSync({
      '[Content_Types].xml': strToU8('<Types/>'),
      'word/document.xml': strToU8('<document/>'),
    });
    const xlsb = zipSync({
      '[Content_Types].xml': strToU8('<Types/>'),
      'xl/workbook.bin': new Uint8Array([1, 2, 3]),
      'xl/worksheets/sheet1.bin': new Uint8Array([1, 2, 3]),
    });
    expect(xlsxFormat.sniff(docx)).toBe(false);
    expect(xlsxFormat.sniff(xlsb)).toBe(false);
  });

  test('text, gzip, truncated and empty input are not XLSX', () => {
    expect(xlsxFormat.sniff(strToU8('id,date_start\n'))).toBe(false);
    expect(xlsxFormat.sniff(new Uint8Array([0x1f, 0x8b, 8, 0]))).toBe(false);
    expect(xlsxFormat.sniff(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]))).toBe(false);
    expect(xlsxFormat.sniff(new Uint8Array(0))).toBe(false);
  });
});
