import { LimitError, type Limits } from './limits.ts';

/** One record of delimited text (CSV, TSV) with where it was and its text as in the input. */
export interface DelimitedRecord {
  fields: string[];
  /** The record's text without its line terminator. */
  raw: string;
  /** Line the record starts on, 1-based. */
  line: number;
  /** Offset of the record's first byte in the decoded input (the BOM counted). */
  byteOffset: number;
  /** The line break that ended the record; empty for the last record of an input without one. */
  terminator: '' | '\n' | '\r\n' | '\r';
  /** The input ended inside a quoted field: the field runs to the end of the input. */
  unclosedQuote?: true;
  /** A field had characters between its closing quote and the delimiter (`"a"b`); they are kept. */
  strayAfterQuote?: true;
}

export interface DelimitedOptions {
  /** One character. */
  delimiter: string;
  /** The quote character, or null for formats without quoting (GDELT's tab-separated files). */
  quote: string | null;
  limits: Limits;
  /** Bytes a piece of text took in the input, for byte offsets. */
  byteLength(text: string): number;
  /** Byte offset of the first character (the length of a BOM). */
  startByteOffset?: number;
}

const LF = 10;
const CR = 13;

enum State {
  FieldStart,
  Unquoted,
  Quoted,
  /** A quote inside a quoted field: the next character says whether it was doubled. */
  QuoteInQuoted,
  /** After a closing quote, before the delimiter or the line end. */
  AfterQuoted,
}

/**
 * A streaming RFC 4180 tokenizer: quoted fields with doubled quotes and line breaks, LF, CRLF
 * and lone CR line ends, any single-character delimiter. It never throws on malformed text —
 * an unclosed quote or characters after a closing quote are flagged on the record — only
 * on a broken size limit. Text is pushed in chunks; records come back complete, each scanned
 * once however many chunks it spans.
 */
export class DelimitedTokenizer {
  private readonly delimiter: number;
  private readonly quote: number;
  private readonly limits: Limits;
  private readonly byteLength: (text: string) => number;

  private state = State.FieldStart;
  private fields: string[] = [];
  /** The current field's text so far, when it spans parts (chunks, doubled quotes). */
  private fieldText = '';
  private rawParts: string[] = [];
  private fieldLength = 0;
  private recordLength = 0;
  private recordLine = 1;
  private breaksInRecord = 0;
  private recordByte: number;
  /** A CR that ended a chunk: held back until the next chunk says whether an LF follows. */
  private heldCR = false;
  private started = false;
  private unclosed = false;
  private stray = false;

  constructor(options: DelimitedOptions) {
    if (options.delimiter.length !== 1) throw new RangeError('the delimiter must be one character');
    if (options.quote !== null && options.quote.length !== 1)
      throw new RangeError('the quote must be one character');
    this.delimiter = options.delimiter.charCodeAt(0);
    this.quote = options.quote === null ? -1 : options.quote.charCodeAt(0);
    this.limits = options.limits;
    this.byteLength = options.byteLength;
    this.recordByte = options.startByteOffset ?? 0;
  }

  /** Tokenizes the next piece of text; returns the records it completed. */
  push(text: string): DelimitedRecord[] {
    let chunk = text;
    if (this.heldCR) {
      chunk = `\r${chunk}`;
      this.heldCR = false;
    }
    if (chunk.charCodeAt(chunk.length - 1) === CR) {
      this.heldCR = true;
      chunk = chunk.slice(0, -1);
    }
    const out: DelimitedRecord[] = [];
    this.scan(chunk, out);
    return out;
  }

  /** Ends the input: returns the last record if the text did not end with a line break. */
  end(): DelimitedRecord[] {
    const out: DelimitedRecord[] = [];
    if (this.heldCR) {
      this.heldCR = false;
      this.scan('\r', out);
    }
    if (!this.started && this.rawParts.length === 0) return out;
    if (this.state === State.Quoted) this.unclosed = true;
    this.endField();
    this.emit('', '', out);
    return out;
  }

  private scan(chunk: string, out: DelimitedRecord[]): void {
    const length = chunk.length;
    let pos = 0;
    let recordStart = pos;
    let fieldStart = pos;
    const delimiter = this.delimiter;
    const quote = this.quote;

    while (pos < length) {
      switch (this.state) {
        case State.FieldStart: {
          this.started = true;
          const code = chunk.charCodeAt(pos);
          if (code === delimiter) {
            // An empty field, the commonest kind in wide files.
            this.fields.push('');
            pos++;
            continue;
          }
          if (code === quote) {
            this.state = State.Quoted;
            pos++;
            fieldStart = pos;
            continue;
          }
          this.state = State.Unquoted;
          fieldStart = pos;
          continue;
        }
        case State.Unquoted: {
          // One loop over char codes finds whichever of delimiter, LF and CR comes first,
          // where indexOf needs a search for each (`pnpm bench:tokenizer` times one comma
          // search both ways: about the same).
          while (pos < length) {
            const code = chunk.charCodeAt(pos);
            if (code === delimiter || code === LF || code === CR) break;
            pos++;
          }
          if (pos === length) break;
          const code = chunk.charCodeAt(pos);
          if (this.fieldLength === 0 && pos - fieldStart <= this.limits.maxFieldLength) {
            // The common case: the whole field lies in this chunk.
            this.fields.push(chunk.slice(fieldStart, pos));
          } else {
            this.addFieldPart(chunk, fieldStart, pos);
            this.endField();
          }
          if (code === delimiter) {
            pos++;
            fieldStart = pos;
            this.state = State.FieldStart;
            continue;
          }
          pos = this.endRecord(chunk, recordStart, pos, code, out);
          recordStart = pos;
          fieldStart = pos;
          continue;
        }
        case State.Quoted: {
          // To the closing quote, taking doubled quotes as literal ones and counting line
          // breaks on the way.
          let breaks = 0;
          let closed = false;
          while (pos < length) {
            const code = chunk.charCodeAt(pos);
            if (code === quote) {
              if (pos + 1 === length) break;
              if (chunk.charCodeAt(pos + 1) !== quote) {
                closed = true;
                break;
              }
              // A doubled quote: the text up to and with its first quote is the next part.
              this.addFieldPart(chunk, fieldStart, pos + 1);
              pos += 2;
              fieldStart = pos;
              continue;
            }
            if (code === LF || (code === CR && chunk.charCodeAt(pos + 1) !== LF)) breaks++;
            pos++;
          }
          this.breaksInRecord += breaks;
          if (pos === length) break;
          // A closing quote, or a quote ending the chunk: whether it was doubled is known
          // from the next chunk.
          this.addFieldPart(chunk, fieldStart, pos);
          pos++;
          fieldStart = pos;
          this.state = closed ? State.AfterQuoted : State.QuoteInQuoted;
          continue;
        }
        case State.QuoteInQuoted: {
          if (chunk.charCodeAt(pos) === quote) {
            // A doubled quote split by the chunk boundary is one literal quote; the second
            // one starts the next part.
            fieldStart = pos;
            pos++;
            this.state = State.Quoted;
            continue;
          }
          this.state = State.AfterQuoted;
          fieldStart = pos;
          continue;
        }
        case State.AfterQuoted: {
          const code = chunk.charCodeAt(pos);
          if (code === delimiter) {
            this.addFieldPart(chunk, fieldStart, pos);
            this.endField();
            pos++;
            fieldStart = pos;
            this.state = State.FieldStart;
            continue;
          }
          if (code === LF || code === CR) {
            this.addFieldPart(chunk, fieldStart, pos);
            this.endField();
            pos = this.endRecord(chunk, recordStart, pos, code, out);
            recordStart = pos;
            fieldStart = pos;
            continue;
          }
          this.stray = true;
          pos++;
          continue;
        }
      }
    }
    // The chunk ended inside a record: keep what it holds of the current field and record.
    if (
      this.state === State.Unquoted ||
      this.state === State.Quoted ||
      this.state === State.AfterQuoted
    ) {
      this.addFieldPart(chunk, fieldStart, length);
    }
    if (recordStart < length) this.addRawPart(chunk.slice(recordStart, length));
  }

  private addFieldPart(chunk: string, start: number, end: number): void {
    if (end <= start) return;
    this.fieldLength += end - start;
    if (this.fieldLength > this.limits.maxFieldLength) {
      throw new LimitError(
        `a field on line ${this.recordLine} is longer than ${this.limits.maxFieldLength} characters (limit maxFieldLength)`,
        'maxFieldLength',
        { line: this.recordLine, byteOffset: this.recordByte },
      );
    }
    // Concatenation, not an array and join: V8 builds a rope, flattened once when read.
    this.fieldText += start === 0 && end === chunk.length ? chunk : chunk.slice(start, end);
  }

  private addRawPart(text: string): void {
    this.recordLength += text.length;
    if (this.recordLength > this.limits.maxRecordLength) {
      throw new LimitError(
        `the record starting on line ${this.recordLine} is longer than ${this.limits.maxRecordLength} characters (limit maxRecordLength)`,
        'maxRecordLength',
        { line: this.recordLine, byteOffset: this.recordByte },
      );
    }
    this.rawParts.push(text);
  }

  private endField(): void {
    this.fields.push(this.fieldText);
    this.fieldText = '';
    this.fieldLength = 0;
  }

  /** Ends the record at `pos` (a CR or LF); returns the position after the terminator. */
  private endRecord(
    chunk: string,
    recordStart: number,
    pos: number,
    code: number,
    out: DelimitedRecord[],
  ): number {
    // A CR is never the last character of a scanned chunk (push holds it back), so the
    // character after it is always visible here.
    let terminator: DelimitedRecord['terminator'] = '\n';
    let after = pos + 1;
    if (code === CR) {
      if (chunk.charCodeAt(after) === LF) {
        terminator = '\r\n';
        after++;
      } else terminator = '\r';
    }
    this.emit(chunk.slice(recordStart, pos), terminator, out);
    return after;
  }

  private emit(
    tail: string,
    terminator: DelimitedRecord['terminator'],
    out: DelimitedRecord[],
  ): void {
    let raw = tail;
    if (this.rawParts.length > 0) {
      if (tail.length > 0) this.addRawPart(tail);
      raw = this.rawParts.join('');
    } else if (tail.length > this.limits.maxRecordLength) {
      this.addRawPart(tail);
    }
    const record: DelimitedRecord = {
      fields: this.fields,
      raw,
      line: this.recordLine,
      byteOffset: this.recordByte,
      terminator,
    };
    if (this.unclosed) record.unclosedQuote = true;
    if (this.stray) record.strayAfterQuote = true;
    out.push(record);
    this.recordByte += this.byteLength(raw) + (terminator ? this.byteLength(terminator) : 0);
    this.recordLine += this.breaksInRecord + 1;
    this.fields = [];
    this.rawParts = [];
    this.recordLength = 0;
    this.breaksInRecord = 0;
    this.state = State.FieldStart;
    this.started = false;
    this.unclosed = false;
    this.stray = false;
  }
}
