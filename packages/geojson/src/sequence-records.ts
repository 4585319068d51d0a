// Splits a GeoJSON text sequence into its records. RFC 8142 starts each text with the
// record separator (RS, 0x1E) and ends it with a line feed; a text may span lines (a
// pretty-printed feature). The newline-delimited variant (GeoJSONL) has no RS: one text a
// line. The first non-blank line decides which of the two an input is.
import { LimitError, type Limits, type TextLine } from '@conflict-events/io';

export interface SequenceRecord {
  /** The text without its record separator and line breaks around it. */
  text: string;
  /** Line the record starts on (1-based). */
  line: number;
  /** Offset of its first byte (the RS when there is one). */
  byteOffset: number;
}

const recordSeparator = '\u001e';

interface Pending {
  parts: string[];
  length: number;
  line: number;
  byteOffset: number;
}

export class SequenceRecords {
  private mode: 'unknown' | 'separated' | 'lines' = 'unknown';
  private pending: Pending | undefined;

  constructor(
    private readonly limits: Pick<Limits, 'maxRecordLength'>,
    private readonly byteLength: (text: string) => number,
  ) {}

  push(line: TextLine): SequenceRecord[] {
    if (this.mode === 'unknown') {
      if (line.text.trim() === '') return [];
      this.mode = line.text.trimStart().startsWith(recordSeparator) ? 'separated' : 'lines';
    }
    if (this.mode === 'lines') {
      // A stray RS at the start of a line of a newline-delimited file is dropped, not an error.
      const text = line.text.startsWith(recordSeparator) ? line.text.slice(1) : line.text;
      return text.trim() === '' ? [] : [{ text, line: line.line, byteOffset: line.byteOffset }];
    }
    const out: SequenceRecord[] = [];
    const pieces = line.text.split(recordSeparator);
    // The first piece continues the record of an earlier line (whitespace before the first RS).
    this.extend(pieces[0] ?? '', line.line);
    let offset = line.byteOffset + this.byteLength(pieces[0] ?? '');
    for (let index = 1; index < pieces.length; index++) {
      this.close(out);
      const piece = pieces[index] ?? '';
      this.pending = { parts: [], length: 0, line: line.line, byteOffset: offset };
      this.extend(piece, line.line);
      // The RS itself is one byte in UTF-8 and in the single-byte encodings.
      offset += this.byteLength(recordSeparator) + this.byteLength(piece);
    }
    return out;
  }

  end(): SequenceRecord[] {
    const out: SequenceRecord[] = [];
    this.close(out);
    return out;
  }

  private extend(piece: string, line: number): void {
    if (!this.pending) return;
    const pending = this.pending;
    pending.length += piece.length + (pending.parts.length > 0 ? 1 : 0);
    if (pending.length > this.limits.maxRecordLength) {
      throw new LimitError(
        `the record starting on line ${pending.line} is longer than ${this.limits.maxRecordLength} characters (limit maxRecordLength)`,
        'maxRecordLength',
        { line, byteOffset: pending.byteOffset },
      );
    }
    pending.parts.push(piece);
  }

  private close(out: SequenceRecord[]): void {
    const pending = this.pending;
    this.pending = undefined;
    if (!pending) return;
    const text = pending.parts.join('\n').trim();
    if (text !== '') out.push({ text, line: pending.line, byteOffset: pending.byteOffset });
  }
}
