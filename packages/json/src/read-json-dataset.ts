import {
  type Batch,
  BatchBuilder,
  type CommonReadOptions,
  type DatasetMetadata,
  decodeText,
  LimitError,
  type Limits,
  type RecordPosition,
} from '@conflict-events/io';
import { safeParseDataset, toJsonPointer, type ValidationIssue } from '@conflict-events/schema';
import {
  type ParsedElementInfo,
  type ParsedTokenInfo,
  Tokenizer,
  TokenizerError,
  TokenParser,
  TokenParserError,
  TokenType,
} from '@streamparser/json';
import {
  defaultJsonDatasetReadOptions,
  type JsonDatasetReadOptions,
} from './json-dataset-options.ts';
import { nestingIssueMessage } from './nesting-depth.ts';
import { checkMaxDepth, resolveReadSettings } from './read-settings.ts';

/** Ends reading: the input is not JSON, or not shaped like a dataset. */
class FatalInputIssue extends Error {
  constructor(readonly issue: ValidationIssue) {
    super(issue.message);
  }
}

interface DatasetReaderSettings {
  batchSize: number;
  limits: Limits;
  maxDepth: number;
  file: string | undefined;
  /** Added to the parser's offsets to give input byte offsets; undefined when they differ (non-UTF-8 input). */
  byteBase: number | undefined;
}

// The tokenizer's own message; its "absolute position" is the only place the offset of the
// offending byte is given.
const unexpectedByte =
  /^Unexpected "([\s\S]*)" at chunk position "\d+" \(absolute position "(\d+)"\)/;

/**
 * Drives @streamparser/json over a dataset document. The parser's tokens tell where each
 * record starts and how deep it goes; its values are the records: the elements of `events`
 * (or of a top-level array), and the envelope's other members, kept for the metadata check.
 */
class DatasetReader {
  readonly builder: BatchBuilder;
  stopped = false;
  private readonly ready: Batch[] = [];
  private readonly tokenizer = new Tokenizer({ emitPartialTokens: true });
  // keepStack false drops each emitted value from its parent, so memory stays flat; `$.*`
  // gives the envelope members (or the elements of a top-level array), `$.events.*` the events.
  private readonly parser = new TokenParser({ paths: ['$.*', '$.events.*'], keepStack: false });
  private readonly encoder = new TextEncoder();
  private root: 'none' | 'object' | 'array' = 'none';
  private depth = 0;
  private expectKey = false;
  private memberKey: string | undefined;
  private inEvents = false;
  private eventsArrays = 0;
  private sawEvents = false;
  private index = 0;
  /** Parser offset of the record (element or envelope member) being read. */
  private recordStart: number | undefined;
  private tooDeep = false;
  private written = 0;
  private lastOffset = 0;
  // A Map, not an object: `members[key] = value` with the key "__proto__" would set the
  // prototype of the object instead of adding a member.
  private readonly members = new Map<string, unknown>();

  constructor(private readonly settings: DatasetReaderSettings) {
    this.builder = new BatchBuilder(settings.file);
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
      if (this.root === 'none') {
        throw this.fatal(
          'invalid-json',
          'the input is empty: a JSON dataset is an object with an "events" array, or an array of events',
          this.written,
        );
      }
    });
  }

  *takeReady(): Iterable<Batch> {
    yield* this.ready.splice(0);
  }

  /** The batches still held, the last one with the dataset metadata when it is valid. */
  *finish(): Iterable<Batch> {
    yield* this.takeReady();
    const metadata = !this.stopped && this.root === 'object' ? this.checkEnvelope() : undefined;
    if (metadata) this.builder.setMetadata(metadata);
    if (this.builder.hasContent || metadata) yield this.builder.take();
  }

  private guard(step: () => void): void {
    try {
      step();
    } catch (error) {
      // Anything else (LimitError, a bug) is not a problem of the input's syntax: let it out.
      if (!(error instanceof FatalInputIssue)) throw error;
      this.stopped = true;
      this.builder.issue(error.issue);
    }
  }

  private onToken(token: ParsedTokenInfo): void {
    this.lastOffset = token.offset;
    if (token.partial) {
      // A string or number still growing at the end of a chunk: only its length matters here.
      this.checkLength(this.recordStart ?? token.offset, this.written);
      return;
    }
    if (this.root === 'none') this.startRoot(token);
    const recordDepth = this.inEvents ? 2 : 1;
    switch (token.token) {
      case TokenType.LEFT_BRACE:
      case TokenType.LEFT_BRACKET:
        if (
          token.token === TokenType.LEFT_BRACKET &&
          this.root === 'object' &&
          this.depth === 1 &&
          !this.expectKey &&
          this.memberKey === 'events'
        ) {
          this.enterEvents(token.offset);
        } else if (this.depth === recordDepth) this.recordStart = token.offset;
        this.depth++;
        if (this.recordStart !== undefined && this.depth - recordDepth > this.settings.maxDepth) {
          this.tooDeep = true;
        }
        break;
      case TokenType.RIGHT_BRACE:
      case TokenType.RIGHT_BRACKET:
        this.depth--;
        if (this.inEvents && this.depth === 1) this.inEvents = false;
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

  private startRoot(token: ParsedTokenInfo): void {
    if (token.token === TokenType.LEFT_BRACE) {
      this.root = 'object';
      this.expectKey = true;
    } else if (token.token === TokenType.LEFT_BRACKET) this.root = 'array';
    else if (token.token === TokenType.RIGHT_BRACE || token.token === TokenType.RIGHT_BRACKET) {
      throw this.fatal('invalid-json', `not valid JSON: unexpected "${token.value}"`, token.offset);
    } else {
      const kind = token.value === null ? 'null' : typeof token.value;
      throw this.fatal(
        'type-error',
        `a JSON dataset is an object with an "events" array, or an array of events, not a ${kind}`,
        token.offset,
      );
    }
  }

  private enterEvents(offset: number): void {
    this.inEvents = true;
    this.index = 0;
    this.eventsArrays++;
    if (this.eventsArrays === 2) {
      this.builder.issue(
        this.positioned(
          {
            code: 'duplicate-key',
            severity: 'warning',
            message: 'the key "events" appears more than once; the events of each are read',
            pointer: '/events',
          },
          offset,
        ),
      );
    }
  }

  private onValue({ value, key, parent, stack }: ParsedElementInfo): void {
    if (stack.length === 1) {
      if (this.root === 'array') this.addRecord(value, `/${this.index}`);
      else if (key === 'events') this.checkEventsMember(value);
      else if (typeof key === 'string') this.addMember(key, value);
    } else if (stack.length === 2 && stack[1]?.key === 'events' && Array.isArray(parent)) {
      this.addRecord(value, `/events/${this.index}`);
      // The parser keeps the members of `events` (its path is emitted too); the events are
      // handed on one by one, so the parser's copy is emptied to keep memory flat.
      parent.length = 0;
    }
    this.recordStart = undefined;
    this.tooDeep = false;
  }

  private addRecord(value: unknown, pointer: string): void {
    const position: RecordPosition = { pointer };
    const byteOffset = this.byteOffset(this.recordStart);
    if (byteOffset !== undefined) position.byteOffset = byteOffset;
    if (this.tooDeep) {
      // Re-serialising the element would overflow the stack, so its raw text is `null`.
      this.builder.reject('null', position, [
        {
          code: 'nesting-too-deep',
          severity: 'error',
          message: nestingIssueMessage(this.settings.maxDepth),
        },
      ]);
    } else this.builder.accept(value, position, JSON.stringify(value));
    this.index++;
    if (this.builder.size >= this.settings.batchSize) this.ready.push(this.builder.take());
  }

  private addMember(key: string, value: unknown): void {
    if (this.tooDeep) {
      const issue: ValidationIssue = {
        code: 'nesting-too-deep',
        severity: 'error',
        message: nestingIssueMessage(this.settings.maxDepth),
        pointer: toJsonPointer([key]),
      };
      this.builder.issue(this.positioned(issue, this.recordStart));
    } else this.members.set(key, value);
  }

  private checkEventsMember(value: unknown): void {
    this.sawEvents = true;
    if (!Array.isArray(value)) {
      this.builder.issue({
        code: 'type-error',
        severity: 'error',
        message: 'events must be an array',
        pointer: '/events',
      });
    }
  }

  private checkEnvelope(): DatasetMetadata | undefined {
    if (!this.sawEvents) {
      this.builder.issue({
        code: 'missing-field',
        severity: 'error',
        message: 'events is required',
        pointer: '/events',
      });
    }
    // fromEntries defines each member as an own property, "__proto__" included, so the
    // schema sees (and refuses) it as an unknown key.
    const parsed = safeParseDataset(Object.fromEntries([...this.members, ['events', []]]));
    if (!parsed.success) {
      for (const issue of parsed.issues) this.builder.issue(issue);
      return undefined;
    }
    const { events: _events, ...metadata } = parsed.data;
    return metadata;
  }

  private checkLength(start: number, at: number): void {
    const { maxRecordLength } = this.settings.limits;
    if (at - start <= maxRecordLength) return;
    const what = this.currentPointer() || 'a JSON value';
    const byteOffset = this.byteOffset(start);
    throw new LimitError(
      `${what} is longer than ${maxRecordLength} bytes (limit maxRecordLength)`,
      'maxRecordLength',
      byteOffset === undefined ? {} : { byteOffset },
    );
  }

  /** JSON pointer of the record being read, for errors. */
  private currentPointer(): string {
    if (this.root === 'array' && this.depth > 0) return `/${this.index}`;
    if (this.inEvents) return `/events/${this.index}`;
    if (this.root === 'object' && this.recordStart !== undefined && this.memberKey !== undefined) {
      return toJsonPointer([this.memberKey]);
    }
    return '';
  }

  private syntaxIssue(error: Error): FatalInputIssue {
    const unexpected = unexpectedByte.exec(error.message);
    if (unexpected) {
      const offset = Number(unexpected[2]);
      const where = this.byteOffset(offset);
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
    const byteOffset = this.byteOffset(offset);
    return byteOffset === undefined ? issue : { ...issue, byteOffset };
  }

  private byteOffset(offset: number | undefined): number | undefined {
    if (offset === undefined || this.settings.byteBase === undefined) return undefined;
    return this.settings.byteBase + offset;
  }
}

/**
 * Reads a JSON dataset (the envelope of `schemas/dataset.schema.json`) or a top-level array
 * of events as a stream: each event is handed on as soon as it is complete, so the document
 * is never held whole. The envelope's metadata, which may come after the events, is checked
 * at the end and set on the last batch.
 */
export async function* readJsonDataset(
  bytes: AsyncIterable<Uint8Array>,
  options: Partial<JsonDatasetReadOptions> & CommonReadOptions = {},
): AsyncIterable<Batch> {
  const { batchSize, limits, decode } = resolveReadSettings(
    options,
    options.encoding ?? defaultJsonDatasetReadOptions.encoding,
  );
  const maxDepth = checkMaxDepth(options.maxDepth ?? defaultJsonDatasetReadOptions.maxDepth);
  const text = await decodeText(bytes, decode);
  const reader = new DatasetReader({
    batchSize,
    limits,
    maxDepth,
    file: options.file,
    // The parser counts UTF-8 bytes of the decoded text, which are the input's bytes only
    // when the input is UTF-8.
    byteBase: text.encoding === 'utf-8' ? text.bomBytes : undefined,
  });
  let encodingIssuesMoved = 0;
  const moveEncodingIssues = () => {
    while (encodingIssuesMoved < text.issues.length) {
      const issue = text.issues[encodingIssuesMoved++];
      if (issue) reader.builder.issue(issue);
    }
  };

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
