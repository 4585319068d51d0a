// Reads a GeoJSON document as a stream: a FeatureCollection feature by feature, a single
// Feature, or a top-level array of features (the layout of this format's rejects file).
import {
  type Batch,
  type CommonReadOptions,
  type DatasetMetadata,
  decodeText,
  isJsonObject,
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
import { crsProblem } from './crs.ts';
import { FeatureBatchBuilder } from './feature-batch.ts';
import { metadataMember } from './feature-options.ts';
import { defaultGeoJsonReadOptions, type GeoJsonReadOptions } from './geojson-options.ts';
import { nestingIssue, resolveReadSettings } from './read-settings.ts';

/** Ends reading: the input is not JSON. */
class FatalInputIssue extends Error {
  constructor(readonly issue: ValidationIssue) {
    super(issue.message);
  }
}

interface ReaderSettings {
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

function describeType(type: unknown): string {
  return typeof type === 'string' ? `a GeoJSON ${type}` : 'an object without a "type"';
}

/**
 * Drives @streamparser/json over a GeoJSON document. Its tokens tell where each record
 * starts and how deep it goes; its values are the records: the elements of `features` (or
 * of a top-level array), and the document's other members (`type`, `crs`, the metadata
 * member, or the members of a single Feature).
 */
class GeoJsonReader {
  readonly builder: FeatureBatchBuilder;
  stopped = false;
  private readonly ready: Batch[] = [];
  private readonly tokenizer = new Tokenizer({ emitPartialTokens: true });
  // keepStack false drops each emitted value from its parent, so memory stays flat; `$.*`
  // gives the top-level members (or the elements of a top-level array), `$.features.*` the
  // features.
  private readonly parser = new TokenParser({ paths: ['$.*', '$.features.*'], keepStack: false });
  private readonly encoder = new TextEncoder();
  private root: 'none' | 'object' | 'array' = 'none';
  private rootStart = 0;
  private depth = 0;
  private expectKey = false;
  private memberKey: string | undefined;
  private inFeatures = false;
  private featuresArrays = 0;
  private sawFeatures = false;
  private featuresRead = 0;
  private index = 0;
  /** Parser offset of the record (feature or top-level member) being read. */
  private recordStart: number | undefined;
  private tooDeep = false;
  /** A member of the top-level object was too deep; fatal for a document that is one Feature. */
  private deepMember = false;
  private written = 0;
  private lastOffset = 0;
  private crsProblem: string | undefined;
  // A Map, not an object: `members[key] = value` with the key "__proto__" would set the
  // prototype of the object instead of adding a member.
  private readonly members = new Map<string, unknown>();

  constructor(private readonly settings: ReaderSettings) {
    this.builder = new FeatureBatchBuilder(settings.file);
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
          'the input is empty: a GeoJSON document is a FeatureCollection or a Feature',
          this.written,
        );
      }
    });
  }

  *takeReady(): Iterable<Batch> {
    yield* this.ready.splice(0);
  }

  /** The batches still held; the last one carries the dataset metadata when it is valid. */
  *finish(): Iterable<Batch> {
    yield* this.takeReady();
    if (!this.stopped && this.root === 'object') this.finishObject();
    if (this.builder.hasContent) yield this.builder.take();
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
    const recordDepth = this.inFeatures ? 2 : 1;
    switch (token.token) {
      case TokenType.LEFT_BRACE:
      case TokenType.LEFT_BRACKET:
        if (
          token.token === TokenType.LEFT_BRACKET &&
          this.root === 'object' &&
          this.depth === 1 &&
          !this.expectKey &&
          this.memberKey === 'features'
        ) {
          this.enterFeatures(token.offset);
        } else if (this.depth === recordDepth) this.recordStart = token.offset;
        this.depth++;
        if (this.recordStart !== undefined && this.depth - recordDepth > this.settings.maxDepth) {
          this.tooDeep = true;
        }
        break;
      case TokenType.RIGHT_BRACE:
      case TokenType.RIGHT_BRACKET:
        this.depth--;
        if (this.inFeatures && this.depth === 1) this.inFeatures = false;
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
    this.rootStart = token.offset;
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
        `a GeoJSON document is an object (a FeatureCollection or a Feature), not a ${kind}`,
        token.offset,
      );
    }
  }

  private enterFeatures(offset: number): void {
    this.inFeatures = true;
    this.sawFeatures = true;
    this.index = 0;
    this.featuresArrays++;
    if (this.featuresArrays === 2) {
      this.builder.issue(
        this.positioned(
          {
            code: 'duplicate-key',
            severity: 'warning',
            message: 'the key "features" appears more than once; the features of each are read',
            pointer: '/features',
          },
          offset,
        ),
      );
    }
  }

  private onValue({ value, key, parent, stack }: ParsedElementInfo): void {
    if (stack.length === 1) {
      if (this.root === 'array') this.addFeature(value, `/${this.index}`);
      else if (key === 'features') this.checkFeaturesMember(value);
      else if (typeof key === 'string') this.addMember(key, value);
    } else if (stack.length === 2 && stack[1]?.key === 'features' && Array.isArray(parent)) {
      this.addFeature(value, `/features/${this.index}`);
      this.featuresRead++;
      // The parser keeps the members of `features` (its path is emitted too); the features
      // are handed on one by one, so the parser's copy is emptied to keep memory flat.
      parent.length = 0;
    }
    this.recordStart = undefined;
    this.tooDeep = false;
  }

  private addFeature(value: unknown, pointer: string): void {
    const position: RecordPosition = { pointer };
    const byteOffset = this.byteOffset(this.recordStart);
    if (byteOffset !== undefined) position.byteOffset = byteOffset;
    // Re-serialising a too-deep feature would overflow the stack, so its raw text is `null`.
    if (this.tooDeep) this.builder.reject('null', position, [nestingIssue(this.settings.maxDepth)]);
    else {
      const context = this.crsProblem === undefined ? {} : { crsProblem: this.crsProblem };
      this.builder.addFeature(value, position, JSON.stringify(value), context);
    }
    this.index++;
    if (this.builder.size >= this.settings.batchSize) this.ready.push(this.builder.take());
  }

  private addMember(key: string, value: unknown): void {
    if (this.tooDeep) {
      this.deepMember = true;
      const issue = { ...nestingIssue(this.settings.maxDepth), pointer: toJsonPointer([key]) };
      this.builder.issue(this.positioned(issue, this.recordStart));
      return;
    }
    this.members.set(key, value);
    if (key !== 'crs') return;
    this.crsProblem = crsProblem(value);
    if (this.crsProblem !== undefined && this.featuresRead > 0) {
      this.builder.issue({
        code: 'crs-unsupported',
        severity: 'error',
        message: `${this.crsProblem}; it comes after ${this.featuresRead} features, which were read as WGS84 longitude/latitude`,
        pointer: '/crs',
      });
    }
  }

  private checkFeaturesMember(value: unknown): void {
    if (!Array.isArray(value)) {
      this.sawFeatures = true;
      this.builder.issue({
        code: 'type-error',
        severity: 'error',
        message: 'features must be an array',
        pointer: '/features',
      });
    }
  }

  /** The end of a top-level object: a collection's metadata, or the one Feature it is. */
  private finishObject(): void {
    const type = this.members.get('type');
    if (this.sawFeatures) {
      if (type !== 'FeatureCollection') {
        this.builder.issue({
          code: 'type-error',
          severity: 'error',
          message: `a document with "features" is a FeatureCollection, not ${describeType(type)}`,
          pointer: '/type',
        });
      }
      const metadata = this.checkMetadata();
      if (metadata) this.builder.setMetadata(metadata);
    } else if (type === 'Feature') this.addRootFeature();
    else if (type === 'FeatureCollection') {
      this.builder.issue({
        code: 'missing-field',
        severity: 'error',
        message:
          'features is required: a FeatureCollection holds its features in a "features" array',
        pointer: '/features',
      });
    } else {
      this.builder.issue({
        code: type === undefined ? 'missing-field' : 'type-error',
        severity: 'error',
        message: `${describeType(type)} is neither a FeatureCollection nor a Feature; only features become events`,
        pointer: '/type',
      });
    }
  }

  private addRootFeature(): void {
    const position: RecordPosition = { pointer: '' };
    const byteOffset = this.byteOffset(this.rootStart);
    if (byteOffset !== undefined) position.byteOffset = byteOffset;
    if (this.deepMember) {
      this.builder.reject('null', position, [nestingIssue(this.settings.maxDepth)]);
      return;
    }
    // fromEntries defines each member as an own property, "__proto__" included.
    const feature = Object.fromEntries(this.members);
    this.builder.addFeature(feature, position, JSON.stringify(feature), {});
  }

  private checkMetadata(): DatasetMetadata | undefined {
    if (!this.members.has(metadataMember)) return undefined;
    const member = this.members.get(metadataMember);
    const base = toJsonPointer([metadataMember]);
    if (!isJsonObject(member)) {
      this.builder.issue({
        code: 'type-error',
        severity: 'error',
        message: `${metadataMember} must be an object: the dataset metadata`,
        pointer: base,
      });
      return undefined;
    }
    // The spread defines each member as an own property, "__proto__" included, so the
    // schema sees (and refuses) it as an unknown key.
    const parsed = safeParseDataset({ ...member, events: [] });
    if (!parsed.success) {
      for (const issue of parsed.issues) {
        this.builder.issue({ ...issue, pointer: `${base}${issue.pointer ?? ''}` });
      }
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
    if (this.inFeatures) return `/features/${this.index}`;
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
 * Reads GeoJSON as a stream: each feature of a FeatureCollection is mapped and handed on
 * as soon as its closing brace is read, so the document is never held whole. The dataset
 * metadata of the `conflictEvents` member, which may come before or after the features, is
 * checked at the end and set on the last batch.
 */
export async function* readGeoJson(
  bytes: AsyncIterable<Uint8Array>,
  options: Partial<GeoJsonReadOptions> & CommonReadOptions = {},
): AsyncIterable<Batch> {
  const { batchSize, limits, maxDepth, decode } = resolveReadSettings(
    options,
    defaultGeoJsonReadOptions,
  );
  const text = await decodeText(bytes, decode);
  const reader = new GeoJsonReader({
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
