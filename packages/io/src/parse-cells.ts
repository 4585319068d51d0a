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

const zero = 48;
const nine = 57;
const dot = 46;
const minus = 45;

/**
 * Whether `String(value)` is `text`, for a `value` read from `text`: does the cell print the
 * number as JavaScript prints it (`35.931`, not `35.9310`, `+1` or `.5`)? Importers ask this of
 * every coordinate to keep other printings for write-back, and printing a double costs more
 * than the rest of the cell's reading. A plain decimal without leading or trailing zeros, with
 * at most 15 significant digits and a magnitude JavaScript prints without an exponent, is
 * answered without printing: two such decimals never read as the same double (15 digits
 * survive the round trip through a double), so the shortest text of the double is the cell
 * itself. Anything else is printed and compared.
 */
export function printsAsNumber(text: string, value: number): boolean {
  const length = text.length;
  let index = text.charCodeAt(0) === minus ? 1 : 0;
  const negative = index === 1;
  const integerStart = index;
  while (index < length) {
    const code = text.charCodeAt(index);
    if (code < zero || code > nine) break;
    index += 1;
  }
  const integerDigits = index - integerStart;
  if (integerDigits === 0 || integerDigits > 21) return String(value) === text;
  const leadingZero = text.charCodeAt(integerStart) === zero;
  // `007`, or `-0` (which prints as `0`).
  if (leadingZero && integerDigits > 1) return false;
  let significant = leadingZero ? 0 : integerDigits;
  if (index < length) {
    if (text.charCodeAt(index) !== dot) return String(value) === text;
    index += 1;
    const fractionStart = index;
    let zerosBefore = 0;
    while (index < length) {
      const code = text.charCodeAt(index);
      if (code < zero || code > nine) return String(value) === text;
      if (significant === 0 && code === zero) zerosBefore += 1;
      else significant += 1;
      index += 1;
    }
    // `1.` and `1.50` print as `1` and `1.5`; `-0.0` as `0`.
    if (index === fractionStart || text.charCodeAt(length - 1) === zero) return false;
    // Below 10⁻⁶ JavaScript prints an exponent.
    if (leadingZero && zerosBefore >= 6) return String(value) === text;
  } else if (negative && leadingZero) return false;
  return significant <= 15 ? true : String(value) === text;
}

const monthDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * `YYYY-MM-DD` for a day the calendar has (years 1–9999), or undefined (`2016-02-30`). The
 * proleptic Gregorian calendar, as JavaScript's Date has it, worked out without making a Date:
 * importers call this for every row.
 */
export function calendarDate(year: number, month: number, day: number): string | undefined {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day))
    return undefined;
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return undefined;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > (month === 2 && leap ? 29 : (monthDays[month - 1] as number))) return undefined;
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

const monthNames = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** The number (1–12) of an English month name, whole or its three-letter form, any case. */
export function monthNumber(name: string): number | undefined {
  const lower = name.toLowerCase();
  const index = monthNames.findIndex(
    (month) => month === lower || (lower.length === 3 && month.startsWith(lower)),
  );
  return index === -1 ? undefined : index + 1;
}

const isoDateForm =
  /^(\d{4})-(\d{2})-(\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * The calendar date of `YYYY-MM-DD`, also with a time part after it (as UCDP and spreadsheet
 * exports write), which is dropped; undefined for anything else or a day the calendar lacks.
 */
export function parseIsoDate(text: string): string | undefined {
  const iso = isoDateForm.exec(text);
  return iso ? calendarDate(Number(iso[1]), Number(iso[2]), Number(iso[3])) : undefined;
}
