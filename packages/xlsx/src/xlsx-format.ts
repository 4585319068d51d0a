// The XLSX format object: identity, detection and the writer.
import type { Format } from '@conflict-events/io';
import { sniffXlsx } from './sniff-xlsx.ts';
import { writeXlsx } from './write-xlsx.ts';
import {
  defaultXlsxReadOptions,
  defaultXlsxWriteOptions,
  type XlsxReadOptions,
  type XlsxWriteOptions,
} from './xlsx-options.ts';

/**
 * An Excel workbook (Office Open XML SpreadsheetML): sheet "events" with the canonical columns,
 * one typed row per event. Written only; see the README for why it is not read.
 */
export const xlsxFormat = {
  id: 'xlsx',
  name: 'Excel workbook (XLSX)',
  extensions: ['xlsx'],
  mediaTypes: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  capabilities: { read: false, write: true, lossless: false },
  rejectsLayout: 'lines',
  sniff: sniffXlsx,
  defaultReadOptions: defaultXlsxReadOptions,
  defaultWriteOptions: defaultXlsxWriteOptions,
  write: writeXlsx,
} as const satisfies Format<XlsxReadOptions, XlsxWriteOptions>;
