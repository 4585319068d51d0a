import type { ValidationIssue } from '@conflict-events/schema';
import { parseDecimal, parseWholeNumber } from './parse-cells.ts';

/** One source record as cells by column name (a CSV row, an API object). */
export interface CellSource<Column extends string> {
  /** The cell's text; an absent column reads as an empty cell. */
  cell(column: Column): string;
  /** 1-based position of the column in the input, for issues (CSV only). */
  fieldNumber(column: Column): number | undefined;
}

/**
 * Reads typed values out of a source record for an importer, collecting the problems as
 * issues that name the source's own column: errors reject the record, warnings do not. The
 * checks are the same for every source; importers add their own (dates, codes) on top.
 */
export class CellReader<Column extends string> {
  readonly errors: ValidationIssue[] = [];
  readonly warnings: ValidationIssue[] = [];

  constructor(protected readonly source: CellSource<Column>) {}

  /** The cell trimmed; an empty cell reads as undefined. Importers may read text otherwise. */
  text(column: Column): string | undefined {
    const value = this.source.cell(column).trim();
    return value === '' ? undefined : value;
  }

  private where(
    column: Column,
    value: string,
  ): Pick<ValidationIssue, 'field' | 'fieldNumber' | 'value'> {
    const fieldNumber = this.source.fieldNumber(column);
    return fieldNumber === undefined
      ? { field: column, value: value.slice(0, 200) }
      : { field: column, fieldNumber, value: value.slice(0, 200) };
  }

  fail(code: string, column: Column, value: string, message: string): undefined {
    this.errors.push({ code, severity: 'error', message, ...this.where(column, value) });
    return undefined;
  }

  warn(code: string, column: Column, value: string, message: string): void {
    this.warnings.push({ code, severity: 'warning', message, ...this.where(column, value) });
  }

  required(column: Column): string | undefined {
    const value = this.text(column);
    if (value === undefined)
      return this.fail(
        'constraint-error',
        column,
        '',
        `"${column}" is empty; every event needs it`,
      );
    return value;
  }

  /** A whole number, at least `min`; an empty cell is undefined without an issue. */
  whole(column: Column, min = 0): number | undefined {
    const value = this.text(column);
    if (value === undefined) return undefined;
    const number = parseWholeNumber(value);
    if (number === undefined)
      return this.fail(
        'type-error',
        column,
        value,
        `"${column}" is "${value}", not a whole number`,
      );
    if (number < min)
      return this.fail('constraint-error', column, value, `"${column}" is ${number}, below ${min}`);
    return number;
  }

  /** A plain decimal, within ±`limit` when one is given; an empty cell is undefined. */
  decimal(column: Column, limit?: number): number | undefined {
    const value = this.text(column);
    if (value === undefined) return undefined;
    const number = parseDecimal(value);
    if (number === undefined)
      return this.fail(
        'type-error',
        column,
        value,
        `"${column}" is "${value}", not a decimal number`,
      );
    if (limit !== undefined && Math.abs(number) > limit) {
      return this.fail(
        'constraint-error',
        column,
        value,
        `"${column}" is ${number}, outside -${limit}…${limit}`,
      );
    }
    return number;
  }

  /** A code from a closed set; unknown codes are errors, and so are empty required ones. */
  code<Code extends number>(
    column: Column,
    codes: readonly Code[],
    required = true,
  ): Code | undefined {
    const value = required ? this.required(column) : this.text(column);
    if (value === undefined) return undefined;
    const number = this.whole(column);
    if (number === undefined) return undefined;
    if (!(codes as readonly number[]).includes(number)) {
      return this.fail(
        'constraint-error',
        column,
        value,
        `"${column}" is ${number}; the codebook defines ${codes.join(', ')}`,
      );
    }
    return number as Code;
  }
}
