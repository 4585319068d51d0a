// Strict reading of the number cells of source files: a plain decimal or nothing. `Number()`
// alone would take `0x1F`, `1e309` (Infinity), ` ` (0) and `1,5`'s neighbours.

const decimal = /^-?(?:\d+(?:\.\d*)?|\.\d+)$/;

/** A plain decimal number, or undefined for anything else (`1e3`, `0x1F`, `1,5`, `NaN`). */
export function parseDecimal(text: string): number | undefined {
  const trimmed = text.trim();
  return decimal.test(trimmed) ? Number(trimmed) : undefined;
}

/** A whole number written as a decimal (`12`, `12.0`), or undefined. */
export function parseWholeNumber(text: string): number | undefined {
  const value = parseDecimal(text);
  return value !== undefined && Number.isSafeInteger(value) ? value : undefined;
}
