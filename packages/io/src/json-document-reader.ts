// Streams one JSON document whose records are the elements of an array: the array under one
// member of a top-level object (`events` of a dataset, `features` of a FeatureCollection),
// whose other members are the document's own (metadata, `type`, `crs`), or a top-level
// array. The JSON dataset and GeoJSON readers share it; each says, through a layout, what a
// record becomes and what the other members mean.
import { toJsonPointer, type ValidationIssue } from '@conflict-events/schema';
import type * as StreamParser from '@streamparser/json';
import { encodingIssueMover } from './encoding-issues.ts';
import type { Batch, DatasetMetadata, RecordPosition } from './format.ts';
import { LimitError, type Limits } from './limits.ts';
import { nestingIssue } from './nesting-depth.ts';
import type { TextInput } from './text-decode.ts';

/** What the reader needs of a batch builder (the core's `BatchBuilder` or a format's own). */
export interface JsonDocumentBatches {
  readonly size: number;
  readonly hasContent: boolean;
  issue(issue: ValidationIssue): void;
  reject(raw: string, position: RecordPosition, issues: readonly ValidationIssue[]): void;
  setMetadata(metadata: DatasetMetadata): void;
  take(): Batch;
}

/** What the layout sees of a top-level object, read so far. */
export interface JsonDocumentObject {
  /** Its members other than the records, each kept unless nested too deep. */
  readonly members: ReadonlyMap<string, unknown>;
  /** Whether it has the records member at all (an array or not). */
  readonly hasRecordsMember: boolean;
  /** Whether a member other than the records was nested too deep (and so left out of `members`). */
  readonly hasDeepMember: boolean;
  /** Records handed on so far, too deep ones included. */
  readonly recordsRead: number;
  /** Input byte offset of the document's first byte; undefined when offsets are not known. */
  readonly byteOffset: number | undefined;
}

/** What differs between the documents read this way. */
export interface JsonDocumentLayout {
  /** The member of a top-level object that holds the records (`events`, `features`): a plain name, as it goes into the parser's JSON path. */
  readonly recordsKey: string;
  /** Says what the document is, for an empty input: "the input is empty: a JSON dataset is …". */
  readonly emptyMessage: string;
  /** Says what the document is, for one that is a string, a number, true, false or null (`kind`). */
  notAContainer(kind: string): string;
  /** A record nested no deeper than maxDepth; `raw` is its JSON text. */
  record(value: unknown, position: RecordPosition, raw: string): void;
  /** A member of a top-level object other than the records, once kept in `members`. */
  member?(key: string, value: unknown, document: JsonDocumentObject): void;
  /** The end of a top-level object: its checks, and its dataset metadata when valid. */
  finishObject(document: JsonDocumentObject): DatasetMetadata | undefined;
}

export interface JsonDocumentOptions {
  batchSize: number;
  limits: Limits;
  /** Deepest nesting one record or member may have; deeper ones are refused without recursing. */
  maxDepth: number;
  /** Where records, rejects and issues go; the layout adds its own records to the same. */
  batches: JsonDocumentBatches;
}

/** Ends reading: the input is not JSON, or not shaped like the document. */
class FatalInputIssue extends Error {
  constructor(readonly issue: ValidationIssue) {
    super(issue.message);
  }
}

// The tokenizer's own message; its "absolute position" is the only place the offset of the
// offending byte is given.
const unexpectedByte =
  /^Unexpected "([\s\S]*)" at chunk position "\d+" \(absolute position "(\d+)"\)/;

/**
 * Drives @streamparser/json over the document. The tokens tell where each record starts and
 * how deep it goes; the parser's values are the records (the elements of the records array,
 * or of a top-level array) and the top-level object's other members.
 */
class JsonDocumentReader implements JsonDocumentObject {
  stopped = false;
  private readonly batches: JsonDocumentBatches;
  private readonly ready: Batch[] = [];
  private readonly tokenTypes: typeof StreamParser.TokenType;
  private readonly tokenizer: StreamParser.Tokenizer;
  private readonly parser: StreamParser.TokenParser;
  private readonly encoder = new TextEncoder();
  private readonly recordsKey: string;
  private readonly recordsPointer: string;
  private root: 'none' | 'object' | 'array' = 'none';
  private rootStart = 0;
  private depth = 0;
  private expectKey = false;
  private memberKey: string | undefined;
  private inRecords = false;
  private recordsArrays = 0;
  private index = 0;
  /** Parser offset of the record (element or member) being read. */
  private recordStart: number | undefined;
  private tooDeep = false;
  private written = 0;
  private lastOffset = 0;
  // A Map, not an object: `members[key] = value` with the key "__proto__" would set the
  // prototype of the object instead of adding a member.
  readonly members = new Map<string, unknown>();
  hasRecordsMember = false;
  hasDeepMember = false;
  recordsRead = 0;

  constructor(
    streamParser: typeof StreamParser,
    private readonly options: JsonDocumentOptions,
    private readonly layout: JsonDocumentLayout,
    /** Added to the parser's offsets to give input byte offsets; undefined when they differ. */
    private readonly byteBase: number | undefined,
  ) {
    const { Tokenizer, TokenizerError, TokenParser, TokenParserError, TokenType } = streamParser;
    const key = layout.recordsKey;
    this.batches = options.batches;
    this.tokenTypes = TokenType;
    this.recordsKey = key;
    this.recordsPointer = toJsonPointer([key]);
    this.tokenizer = new Tokenizer({ emitPartialTokens: true });
    // keepStack false drops each emitted value from its parent, so memory stays flat; `$.*`
    // gives the top-level members (or the elements of a top-level array), `$.<key>.*` the
    // records.
    this.parser = new TokenParser({ paths: ['$.*', `$.${key}.*`], keepStack: false });
    this.tokenizer.onToken = (token) => this.onToken(token);
    this.tokenizer.onError = (error) => {
      throw error instanceof TokenizerError ? this.syntaxIssue(error) : error;
    };
    this.tokenizer.onEnd = () => {
      if (!this.parser.isEnded) this.parser.end();
    };
    this.parser.onValue = (info) => this.onValue(info);
    this.parser.onError = (error) => {
      throw error instanceof TokenParserError ? this.syntaxIssue(error) : error;
    };
    this.parser.onEnd = () => {
      if (!this.tokenizer.isEnded) this.tokenizer.end();
    };
  }

  get byteOffset(): number | undefined {
    return this.inputOffset(this.rootStart);
  }

  write(text: string): void {
    if (this.stopped) return;
    const bytes = this.encoder.encode(text);
    this.written += bytes.byteLength;
    this.guard(() => this.tokenizer.write(bytes));
  }

  end(): void {
    if (this.stopped) return;
    this.guard(() => {
      if (this.depth > 0) {
        const inside = this.currentPointer();
        throw this.fatal(
          'invalid-json',
          `the input ends before the JSON document does${inside ? ` (inside ${inside})` : ''}: it is truncated`,
          this.written,
        );
      }
      // The tokenizer ends itself once the document closes.
      if (!this.tokenizer.isEnded) this.tokenizer.end();
      if (this.root === 'none')
        throw this.fatal('invalid-json', this.layout.emptyMessage, this.written);
    });
  }

  *takeReady(): Iterable<Batch> {
    yield* this.ready.splice(0);
  }

  /** The batches still held; the last one carries the dataset metadata when it is valid. */
  *finish(): Iterable<Batch> {
    yield* this.takeReady();
    const metadata =
      !this.stopped && this.root === 'object' ? this.layout.finishObject(this) : undefined;
    if (metadata) this.batches.setMetadata(metadata);
    if (this.batches.hasContent || metadata) yield this.batches.take();
  }

  private guard(step: () => void): void {
    try {
      step();
    } catch (error) {
      // Anything else (LimitError, a bug) is not a problem of the input's syntax: let it out.
      if (!(error instanceof FatalInputIssue)) throw error;
      this.stopped = true;
      this.batches.issue(error.issue);
    }
  }

  private onToken(token: StreamParser.ParsedTokenInfo): void {
    this.lastOffset = token.offset;
    if (token.partial) {
      // A string or number still growing at the end of a chunk: only its length matters here.
      this.checkLength(this.recordStart ?? token.offset, this.written);
      return;
    }
    if (this.root === 'none') this.startRoot(token);
    const TokenType = this.tokenTypes;
    const recordDepth = this.inRecords ? 2 : 1;
    switch (token.token) {
      case TokenType.LEFT_BRACE:
      case TokenType.LEFT_BRACKET:
        if (
          token.token === TokenType.LEFT_BRACKET &&
          this.root === 'object' &&
          this.depth === 1 &&
          !this.expectKey &&
          this.memberKey === this.recordsKey
        ) {
          this.enterRecords(token.offset);
        } else if (this.depth === recordDepth) this.recordStart = token.offset;
        this.depth++;
        if (this.recordStart !== undefined && this.depth - recordDepth > this.options.maxDepth) {
          this.tooDeep = true;
        }
        break;
      case TokenType.RIGHT_BRACE:
      case TokenType.RIGHT_BRACKET:
        this.depth--;
        if (this.inRecords && this.depth === 1) this.inRecords = false;
        break;
      case TokenType.COMMA:
        if (this.root === 'object' && this.depth === 1) this.expectKey = true;
        break;
      case TokenType.COLON:
      case TokenType.SEPARATOR:
        break;
      default:
        if (this.root === 'object' && this.depth === 1 && this.expectKey) {
          this.memberKey = String(token.value);
          this.expectKey = false;
        } else if (this.depth === recordDepth) this.recordStart = token.offset;
    }
    if (this.recordStart !== undefined) this.checkLength(this.recordStart, token.offset);
    this.parser.write(token);
  }

  private startRoot(token: StreamParser.ParsedTokenInfo): void {
    const TokenType = this.tokenTypes;
    this.rootStart = token.offset;
    if (token.token === TokenType.LEFT_BRACE) {
      this.root = 'object';
      this.expectKey = true;
    } else if (token.token === TokenType.LEFT_BRACKET) this.root = 'array';
    else if (token.token === TokenType.RIGHT_BRACE || token.token === TokenType.RIGHT_BRACKET) {
      throw this.fatal('invalid-json', `not valid JSON: unexpected "${token.value}"`, token.offset);
    } else {
      const kind = token.value === null ? 'null' : typeof token.value;
      throw this.fatal('type-error', this.layout.notAContainer(kind), token.offset);
    }
  }

  private enterRecords(offset: number): void {
    const key = this.recordsKey;
    this.inRecords = true;
    this.index = 0;
    this.recordsArrays++;
    if (this.recordsArrays === 2) {
      this.batches.issue(
        this.positioned(
          {
            code: 'duplicate-key',
            severity: 'warning',
            message: `the key "${key}" appears more than once; the ${key} of each are read`,
            pointer: this.recordsPointer,
          },
          offset,
        ),
      );
    }
  }

  private onValue({ value, key, parent, stack }: StreamParser.ParsedElementInfo): void {
    const recordsKey = this.recordsKey;
    if (stack.length === 1) {
      if (this.root === 'array') this.addRecord(value, `/${this.index}`);
      else if (key === recordsKey) this.checkRecordsMember(value);
      else if (typeof key === 'string') this.addMember(key, value);
    } else if (stack.length === 2 && stack[1]?.key === recordsKey && Array.isArray(parent)) {
      this.addRecord(value, `${this.recordsPointer}/${this.index}`);
      // The parser keeps the members of the records array (its path is emitted too); the
      // records are handed on one by one, so the parser's copy is emptied to keep memory flat.
      parent.length = 0;
    }
    this.recordStart = undefined;
    this.tooDeep = false;
  }

  private addRecord(value: unknown, pointer: string): void {
    const position: RecordPosition = { pointer };
    const byteOffset = this.inputOffset(this.recordStart);
    if (byteOffset !== undefined) position.byteOffset = byteOffset;
    // Re-serialising a too-deep record would overflow the stack, so its raw text is `null`.
    if (this.tooDeep) this.batches.reject('null', position, [nestingIssue(this.options.maxDepth)]);
    else this.layout.record(value, position, JSON.stringify(value));
    this.index++;
    this.recordsRead++;
    if (this.batches.size >= this.options.batchSize) this.ready.push(this.batches.take());
  }

  private addMember(key: string, value: unknown): void {
    if (this.tooDeep) {
      this.hasDeepMember = true;
      const issue = { ...nestingIssue(this.options.maxDepth), pointer: toJsonPointer([key]) };
      this.batches.issue(this.positioned(issue, this.recordStart));
      return;
    }
    this.members.set(key, value);
    this.layout.member?.(key, value, this);
  }

  private checkRecordsMember(value: unknown): void {
    this.hasRecordsMember = true;
    if (!Array.isArray(value)) {
      this.batches.issue({
        code: 'type-error',
        severity: 'error',
        message: `${this.recordsKey} must be an array`,
        pointer: this.recordsPointer,
      });
    }
  }

  private checkLength(start: number, at: number): void {
    const { maxRecordLength } = this.options.limits;
    if (at - start <= maxRecordLength) return;
    const what = this.currentPointer() || 'a JSON value';
    const byteOffset = this.inputOffset(start);
    throw new LimitError(
      `${what} is longer than ${maxRecordLength} bytes (limit maxRecordLength)`,
      'maxRecordLength',
      byteOffset === undefined ? {} : { byteOffset },
    );
  }

  /** JSON pointer of the record being read, for errors. */
  private currentPointer(): string {
    if (this.root === 'array' && this.depth > 0) return `/${this.index}`;
    if (this.inRecords) return `${this.recordsPointer}/${this.index}`;
    if (this.root === 'object' && this.recordStart !== undefined && this.memberKey !== undefined) {
      return toJsonPointer([this.memberKey]);
    }
    return '';
  }

  private syntaxIssue(error: Error): FatalInputIssue {
    const unexpected = unexpectedByte.exec(error.message);
    if (unexpected) {
      const offset = Number(unexpected[2]);
      const where = this.inputOffset(offset);
      return this.fatal(
        'invalid-json',
        `not valid JSON: unexpected "${unexpected[1]}"${where === undefined ? '' : ` at byte ${where}`}`,
        offset,
      );
    }
    return this.fatal('invalid-json', `not valid JSON: ${error.message}`, this.lastOffset);
  }

  private fatal(code: string, message: string, offset: number): FatalInputIssue {
    const issue: ValidationIssue = { code, severity: 'error', message };
    const pointer = this.currentPointer();
    if (pointer !== '') issue.pointer = pointer;
    return new FatalInputIssue(this.positioned(issue, offset));
  }

  private positioned(issue: ValidationIssue, offset: number | undefined): ValidationIssue {
    const byteOffset = this.inputOffset(offset);
    return byteOffset === undefined ? issue : { ...issue, byteOffset };
  }

  private inputOffset(offset: number | undefined): number | undefined {
    if (offset === undefined || this.byteBase === undefined) return undefined;
    return this.byteBase + offset;
  }
}

/**
 * Reads the records of a decoded JSON document as a stream: each is handed to the layout as
 * soon as it is complete, so the document is never held whole. Encoding issues go into the
 * batch being built when found; input that is not JSON ends reading with one positioned
 * `invalid-json` issue; the top-level object's members, which may come after the records,
 * are handed to `layout.finishObject` at the end, and its metadata set on the last batch.
 */
export async function* readJsonDocument(
  text: TextInput,
  options: JsonDocumentOptions,
  layout: JsonDocumentLayout,
): AsyncIterable<Batch> {
  // Loaded on first read, so that importing the core (to detect formats, or to write) does
  // not load the streaming parser.
  const streamParser = await import('@streamparser/json');
  // The parser counts UTF-8 bytes of the decoded text, which are the input's bytes only when
  // the input is UTF-8.
  const byteBase = text.encoding === 'utf-8' ? text.bomBytes : undefined;
  const reader = new JsonDocumentReader(streamParser, options, layout, byteBase);
  const moveEncodingIssues = encodingIssueMover(text, (issue) => options.batches.issue(issue));

  for await (const chunk of text.chunks) {
    moveEncodingIssues();
    reader.write(chunk);
    yield* reader.takeReady();
    if (reader.stopped) break;
  }
  moveEncodingIssues();
  reader.end();
  yield* reader.finish();
}
