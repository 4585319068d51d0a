// Numbers as KML and its readers expect them: plain decimals. JavaScript writes very small
// or large numbers in exponent form (`1e-7`, `1e+21`), which KML's coordinates do not allow.

/** The number as a plain decimal with the digits of its shortest form: it reads back the same. */
export function decimalText(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  const text = String(value);
  const exponentAt = text.search(/e/i);
  if (exponentAt === -1) return text;
  // Move the decimal point of the shortest form's digits by the exponent.
  const sign = text.startsWith('-') ? '-' : '';
  const mantissa = text.slice(sign.length, exponentAt);
  const exponent = Number(text.slice(exponentAt + 1));
  const pointIndex = mantissa.indexOf('.');
  const digits = mantissa.replace('.', '');
  const point = (pointIndex === -1 ? mantissa.length : pointIndex) + exponent;
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}
