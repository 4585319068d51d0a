import { LimitError, type Limits } from './limits.ts';

/** One line of text with where it was. */
export interface TextLine {
  /** The line without its line break (a trailing CR of a CRLF is removed too). */
  text: string;
  /** 1-based line number. */
  line: number;
  /** Offset of the line's first byte in the decoded input (the BOM counted). */
  byteOffset: number;
}

export interface LineSplitterOptions {
  limits: Pick<Limits, 'maxRecordLength'>;
  byteLength(text: string): number;
  startByteOffset?: number;
}

/**
 * Splits streamed text into lines at LF (a CR before it is dropped), for line-based formats
 * such as NDJSON and GeoJSONSeq. Lines longer than `maxRecordLength` stop reading with a
 * LimitError instead of being held in memory.
 */
export class LineSplitter {
  private parts: string[] = [];
  private partLength = 0;
  private line = 1;
  private byteOffset: number;

  constructor(private readonly options: LineSplitterOptions) {
    this.byteOffset = options.startByteOffset ?? 0;
  }

  push(chunk: string): TextLine[] {
    const out: TextLine[] = [];
    let start = 0;
    for (;;) {
      const end = chunk.indexOf('\n', start);
      if (end === -1) break;
      this.grow(end - start);
      const piece = chunk.slice(start, end);
      const text = this.parts.length > 0 ? this.parts.join('') + piece : piece;
      this.parts = [];
      this.partLength = 0;
      this.emit(text, 1, out);
      start = end + 1;
    }
    if (start < chunk.length) {
      this.grow(chunk.length - start);
      this.parts.push(chunk.slice(start));
    }
    return out;
  }

  end(): TextLine[] {
    const out: TextLine[] = [];
    if (this.parts.length > 0) {
      const text = this.parts.join('');
      this.parts = [];
      this.partLength = 0;
      this.emit(text, 0, out);
    }
    return out;
  }

  private grow(length: number): void {
    this.partLength += length;
    if (this.partLength > this.options.limits.maxRecordLength) {
      throw new LimitError(
        `line ${this.line} is longer than ${this.options.limits.maxRecordLength} characters (limit maxRecordLength)`,
        'maxRecordLength',
        { line: this.line, byteOffset: this.byteOffset },
      );
    }
  }

  private emit(withCr: string, breakLength: number, out: TextLine[]): void {
    const text = withCr.endsWith('\r') ? withCr.slice(0, -1) : withCr;
    out.push({ text, line: this.line, byteOffset: this.byteOffset });
    this.byteOffset += this.options.byteLength(withCr) + breakLength;
    this.line += 1;
  }
}
