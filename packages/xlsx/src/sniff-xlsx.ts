// Recognises an XLSX workbook by the names of the parts in its ZIP container.

// A part that only a SpreadsheetML workbook has. The binary workbook (.xlsb) names its
// parts `.bin`, and a zipped CSV names none of them.
const workbookPart = /^xl\/(?:workbook|styles|sharedStrings)\.xml$|^xl\/worksheets\/[^/]+\.xml$/;
const localHeaderSize = 30;
const nameDecoder = new TextDecoder('utf-8', { fatal: false });

function isLocalHeader(bytes: Uint8Array, offset: number): boolean {
  return (
    bytes[offset] === 0x50 &&
    bytes[offset + 1] === 0x4b &&
    bytes[offset + 2] === 0x03 &&
    bytes[offset + 3] === 0x04
  );
}

/** The entry name of the local file header at `offset`, when the bytes given hold it whole. */
function entryName(bytes: Uint8Array, offset: number): string | undefined {
  const start = offset + localHeaderSize;
  if (start > bytes.length) return undefined;
  const length = (bytes[offset + 26] as number) | ((bytes[offset + 27] as number) << 8);
  if (length === 0 || start + length > bytes.length) return undefined;
  return nameDecoder.decode(bytes.subarray(start, start + length));
}

/**
 * A ZIP file (`PK\x03\x04` first) with a workbook part among the entries whose local headers
 * fall in the bytes given (the first 64 KiB). Entries written as streams carry their sizes
 * after the data, so headers are found by their signature rather than by skipping sizes.
 */
export function sniffXlsx(firstBytes: Uint8Array): boolean {
  if (!isLocalHeader(firstBytes, 0)) return false;
  for (let offset = 0; offset + localHeaderSize <= firstBytes.length; offset++) {
    if (!isLocalHeader(firstBytes, offset)) continue;
    const name = entryName(firstBytes, offset);
    if (name !== undefined && workbookPart.test(name)) return true;
  }
  return false;
}
