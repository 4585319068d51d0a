// Calendar dates as Excel date serial numbers (the 1900 date system, which Excel uses unless
// a workbook says `date1904`).

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;
const dayMilliseconds = 86_400_000;
// Serial of 1970-01-01: Excel counts days from 1899-12-31 as day 0 and, to match Lotus 1-2-3,
// also counts a 29 February 1900 that never was (serial 60). So from 1900-03-01 on the serial
// is the days since 1899-12-30, and before that one day fewer.
const unixEpochSerial = 25_569;
const firstSerialDay = Date.UTC(1900, 0, 1);
const leapBugDay = Date.UTC(1900, 2, 1);

/**
 * The Excel serial of an ISO `YYYY-MM-DD` date, or `undefined` when Excel cannot show it as a
 * date (before 1900-01-01, or not a real date).
 */
export function excelDateSerial(date: string): number | undefined {
  const match = isoDate.exec(date);
  if (!match) return undefined;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const time = Date.UTC(year, month - 1, day);
  const check = new Date(time);
  // Date.UTC rolls 31 April over to 1 May and reads years below 100 as 19xx: both are refused.
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day
  )
    return undefined;
  if (time < firstSerialDay) return undefined;
  const days = time / dayMilliseconds + unixEpochSerial;
  return time < leapBugDay ? days - 1 : days;
}
