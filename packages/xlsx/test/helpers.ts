// Test helpers: write a workbook in memory, load it with exceljs, look at its raw parts.
import { createRequire } from 'node:module';
import type { ConflictEvent } from '@conflict-events/schema';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { writeAll } from '../../../test/conformance/format-conformance.ts';
import { xlsxFormat } from '../src/index.ts';

export async function writeWorkbook(
  events: readonly ConflictEvent[],
  options: object = {},
): Promise<Uint8Array> {
  return writeAll(xlsxFormat, events, options);
}

/** The workbook as exceljs reads it, the check that a real spreadsheet library can open it. */
export async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  // exceljs types its input as an ArrayBuffer and reads a Node Buffer.
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook;
}

/** Every part of the package as text, by name. */
export function packageParts(bytes: Uint8Array): Record<string, string> {
  return Object.fromEntries(
    Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)]),
  );
}

// exceljs decodes the `_xHHHH_` escapes of OOXML strings in shared strings (TextXform) but
// hands inline strings over undecoded; its own decoder is applied to them here.
const require = createRequire(import.meta.url);
const TextXform = require('exceljs/lib/xlsx/xform/strings/text-xform.js') as new () => {
  parseOpen(node: { name: string }): boolean;
  parseText(text: string): void;
  readonly model: string;
};

export function decodeOoxmlString(raw: string): string {
  const decoder = new TextXform();
  decoder.parseOpen({ name: 't' });
  decoder.parseText(raw);
  return decoder.model;
}

/** The values of one sheet row as exceljs gives them, column A first. */
export function rowValues(sheet: ExcelJS.Worksheet, row: number): unknown[] {
  const values = sheet.getRow(row).values as unknown[];
  return Array.from({ length: Math.max(0, values.length - 1) }, (_, index) => values[index + 1]);
}
