// The XLSX writer: a workbook whose sheet "events" has the canonical columns, one typed row
// per event, written and deflated as the events come.
import {
  type Batch,
  type CommonWriteOptions,
  type DatasetMetadata,
  eventArrays,
} from '@conflict-events/io';
import type { ConflictEvent } from '@conflict-events/schema';
import {
  contentTypes,
  coreProperties,
  rootRelationships,
  type SheetEntry,
  sheetPath,
  styles,
  workbook,
  workbookRelationships,
} from './package-parts.ts';
import { eventRow, headerRow, sheetHead, sheetTail } from './sheet-xml.ts';
import { defaultXlsxWriteOptions, excelMaxRows, type XlsxWriteOptions } from './xlsx-options.ts';
import { type ZipEntryWriter, ZipWriter, zipMaxBytes } from './zip-writer.ts';

const sheetName = 'events';
// Room for the closing tags of a sheet when deciding whether a row still fits its part.
const tailBytes = 256;

function wholeNumber(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max)
    throw new RangeError(`${name} must be a whole number from ${min} to ${max}; it is ${value}`);
  return value;
}

function creationTime(metadata: DatasetMetadata | undefined): Date {
  const stated = metadata?.generatedAt ? new Date(metadata.generatedAt) : undefined;
  return stated && !Number.isNaN(stated.getTime()) ? stated : new Date();
}

// ZIP stores local DOS times from 1980 to 2107; fflate accepts up to 2099.
function zipTime(time: Date): Date {
  const year = time.getFullYear();
  return year >= 1980 && year <= 2099 ? time : new Date(1980, 0, 1);
}

interface OpenSheet {
  name: string;
  part: ZipEntryWriter;
  /** Rows written, the header included. */
  rows: number;
}

/** The options resolved and checked, and the ZIP's size limits (smaller ones in tests). */
export interface WorkbookSettings {
  neutraliseFormulas: boolean;
  maxRowsPerSheet: number;
  compressionLevel: number;
  metadata: DatasetMetadata | undefined;
  /** Most uncompressed bytes of one sheet part. */
  maxPartBytes: number;
  /** Most bytes of the whole archive. */
  maxArchiveBytes: number;
}

function settingsOf(options: Partial<XlsxWriteOptions> & CommonWriteOptions): WorkbookSettings {
  return {
    neutraliseFormulas: options.neutraliseFormulas ?? defaultXlsxWriteOptions.neutraliseFormulas,
    maxRowsPerSheet: wholeNumber(
      'maxRowsPerSheet',
      options.maxRowsPerSheet ?? defaultXlsxWriteOptions.maxRowsPerSheet,
      2,
      excelMaxRows,
    ),
    compressionLevel: wholeNumber(
      'compressionLevel',
      options.compressionLevel ?? defaultXlsxWriteOptions.compressionLevel,
      0,
      9,
    ),
    metadata: options.metadata,
    maxPartBytes: zipMaxBytes,
    maxArchiveBytes: zipMaxBytes,
  };
}

/**
 * Writes the workbook as a stream. The parts that do not depend on the events come first,
 * then the sheets row by row, then the workbook, its relationships and the content types,
 * which list the sheets and so are written last (readers find parts through the ZIP's central
 * directory, so the order does not matter to them). A sheet that is full (`maxRowsPerSheet`,
 * or 4 GiB of XML) is closed and the events continue on the next. No events: a header only.
 */
export async function* writeXlsx(
  events: AsyncIterable<ConflictEvent | Batch>,
  options: Partial<XlsxWriteOptions> & CommonWriteOptions = {},
): AsyncIterable<Uint8Array> {
  yield* writeWorkbook(events, settingsOf(options));
}

export async function* writeWorkbook(
  events: AsyncIterable<ConflictEvent | Batch>,
  settings: WorkbookSettings,
): AsyncIterable<Uint8Array> {
  const { neutraliseFormulas, metadata } = settings;
  const created = creationTime(metadata);
  const zip = new ZipWriter(settings.compressionLevel, zipTime(created), settings.maxArchiveBytes);
  zip.add('_rels/.rels', rootRelationships());
  // A workbook part early in the archive lets a look at the first bytes recognise it.
  zip.add('xl/styles.xml', styles());
  zip.add('docProps/core.xml', coreProperties(metadata, created));

  const sheets: SheetEntry[] = [];
  const open = (): OpenSheet => {
    const number = sheets.length + 1;
    const part = zip.open(sheetPath(number));
    part.write(sheetHead(number === 1));
    part.write(headerRow());
    return { name: number === 1 ? sheetName : `${sheetName} ${number}`, part, rows: 1 };
  };
  const close = (sheet: OpenSheet): void => {
    sheet.part.end(sheetTail(sheet.rows));
    sheets.push({ name: sheet.name, rows: sheet.rows });
  };

  let sheet = open();
  for await (const group of eventArrays(events)) {
    for (const event of group) {
      if (sheet.rows >= settings.maxRowsPerSheet) {
        close(sheet);
        sheet = open();
      }
      let row = eventRow(event, { sheet: sheet.name, row: sheet.rows + 1, neutraliseFormulas });
      // Up to three UTF-8 bytes a UTF-16 unit: a row that may not fit the 32-bit part size
      // starts the next sheet.
      const bound = sheet.part.sizeBound + row.length * 3 + tailBytes;
      if (sheet.rows > 1 && bound > settings.maxPartBytes) {
        close(sheet);
        sheet = open();
        row = eventRow(event, { sheet: sheet.name, row: 2, neutraliseFormulas });
      }
      sheet.part.write(row);
      sheet.rows += 1;
      const bytes = zip.take();
      if (bytes) yield bytes;
    }
  }
  close(sheet);
  zip.add('xl/workbook.xml', workbook(sheets));
  zip.add('xl/_rels/workbook.xml.rels', workbookRelationships(sheets.length));
  zip.add('[Content_Types].xml', contentTypes(sheets.length));
  zip.end();
  const rest = zip.take(true);
  if (rest) yield rest;
}
