// The error the XLSX writer throws when the data does not fit what Excel can hold.

/** Where in the workbook a value did not fit, and which event it came from. */
export interface XlsxCellPosition {
  sheet: string;
  /** Row number in the sheet, the header being row 1. */
  row: number;
  /** Column letter (`A`, `BP`). */
  column: string;
  /** The canonical column name. */
  field: string;
  eventId: string;
}

/**
 * The events cannot be written as XLSX without losing data: a text longer than an Excel cell
 * holds, or an archive larger than a ZIP file without ZIP64 can address. A writer cannot
 * reject one event and go on (the output contract has no issues), so writing stops here.
 */
export class XlsxLimitError extends Error {
  override name = 'XlsxLimitError';
  constructor(
    message: string,
    readonly limit: 'cellLength' | 'archiveSize',
    readonly position?: XlsxCellPosition,
  ) {
    super(message);
  }
}
