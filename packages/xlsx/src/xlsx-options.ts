// The options of the XLSX format, with their frozen defaults.

/** The most rows one Excel worksheet holds, the header row included (Excel's specification limit). */
export const excelMaxRows = 1_048_576;

/** The longest text one Excel cell holds, in UTF-16 code units (Excel's specification limit). */
export const excelMaxCellLength = 32_767;

/** The XLSX format does not read (see the README): there is nothing to set. */
export type XlsxReadOptions = Record<never, never>;

/** Options of the XLSX writer, next to `CommonWriteOptions`. */
export interface XlsxWriteOptions {
  /** Prefix text cells that start with = + - @ tab or CR with an apostrophe (OWASP). Default true. */
  neutraliseFormulas: boolean;
  /**
   * Rows per worksheet, the header row included; further events continue on a new sheet
   * (`events 2`, `events 3`, …) with its own header. Default and most 1,048,576 (Excel's limit).
   */
  maxRowsPerSheet: number;
  /** DEFLATE level of the parts, 0 (stored) to 9 (smallest, slowest). Default 6. */
  compressionLevel: number;
}

export const defaultXlsxReadOptions: Readonly<XlsxReadOptions> = Object.freeze({});

export const defaultXlsxWriteOptions: Readonly<XlsxWriteOptions> = Object.freeze({
  neutraliseFormulas: true,
  maxRowsPerSheet: excelMaxRows,
  compressionLevel: 6,
});
