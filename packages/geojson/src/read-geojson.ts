// Reads a GeoJSON document as a stream: a FeatureCollection feature by feature, a single
// Feature, or a top-level array of features (the layout of this format's rejects file). The
// core's JSON document reader does the streaming; what is GeoJSON's own is here: features
// mapped to events, the `crs` member, the metadata member, and a document that is one Feature.
import {
  type Batch,
  type CommonReadOptions,
  type DatasetMetadata,
  decodeText,
  isJsonObject,
  type JsonDocumentLayout,
  type JsonDocumentObject,
  nestingIssue,
  type RecordPosition,
  readJsonDocument,
  resolveJsonReadSettings,
} from '@conflict-events/io';
import { safeParseDataset, toJsonPointer } from '@conflict-events/schema';
import { crsProblem } from './crs.ts';
import { FeatureBatchBuilder } from './feature-batch.ts';
import { metadataMember } from './feature-options.ts';
import { defaultGeoJsonReadOptions, type GeoJsonReadOptions } from './geojson-options.ts';

function describeType(type: unknown): string {
  return typeof type === 'string' ? `a GeoJSON ${type}` : 'an object without a "type"';
}

/**
 * What GeoJSON makes of the document's parts: each element of `features` (or of a top-level
 * array) is a feature to map; of the other top-level members, `crs` rules how the features
 * after it are read, and at the end `type` says whether the object was a FeatureCollection
 * (its metadata member is then checked) or is itself the one Feature to read.
 */
class GeoJsonLayout implements JsonDocumentLayout {
  readonly recordsKey = 'features';
  readonly emptyMessage =
    'the input is empty: a GeoJSON document is a FeatureCollection or a Feature';
  private crsProblem: string | undefined;

  constructor(
    private readonly builder: FeatureBatchBuilder,
    private readonly maxDepth: number,
  ) {}

  notAContainer(kind: string): string {
    return `a GeoJSON document is an object (a FeatureCollection or a Feature), not a ${kind}`;
  }

  record(value: unknown, position: RecordPosition, raw: string): void {
    const context = this.crsProblem === undefined ? {} : { crsProblem: this.crsProblem };
    this.builder.addFeature(value, position, raw, context);
  }

  member(key: string, value: unknown, document: JsonDocumentObject): void {
    if (key !== 'crs') return;
    this.crsProblem = crsProblem(value);
    // The features read so far are a collection's: a top-level array has no members.
    if (this.crsProblem !== undefined && document.recordsRead > 0) {
      this.builder.issue({
        code: 'crs-unsupported',
        severity: 'error',
        message: `${this.crsProblem}; it comes after ${document.recordsRead} features, which were read as WGS84 longitude/latitude`,
        pointer: '/crs',
      });
    }
  }

  /** The end of a top-level object: a collection's metadata, or the one Feature it is. */
  finishObject(document: JsonDocumentObject): DatasetMetadata | undefined {
    const type = document.members.get('type');
    if (document.hasRecordsMember) {
      if (type !== 'FeatureCollection') {
        this.builder.issue({
          code: 'type-error',
          severity: 'error',
          message: `a document with "features" is a FeatureCollection, not ${describeType(type)}`,
          pointer: '/type',
        });
      }
      return this.checkMetadata(document.members);
    }
    if (type === 'Feature') this.addRootFeature(document);
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
    return undefined;
  }

  private addRootFeature(document: JsonDocumentObject): void {
    const position: RecordPosition = { pointer: '' };
    if (document.byteOffset !== undefined) position.byteOffset = document.byteOffset;
    if (document.hasDeepMember) {
      this.builder.reject('null', position, [nestingIssue(this.maxDepth)]);
      return;
    }
    // fromEntries defines each member as an own property, "__proto__" included.
    const feature = Object.fromEntries(document.members);
    this.builder.addFeature(feature, position, JSON.stringify(feature), {});
  }

  private checkMetadata(members: ReadonlyMap<string, unknown>): DatasetMetadata | undefined {
    if (!members.has(metadataMember)) return undefined;
    const member = members.get(metadataMember);
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
  const { batchSize, limits, maxDepth, decode } = resolveJsonReadSettings(
    options,
    defaultGeoJsonReadOptions,
  );
  const text = await decodeText(bytes, decode);
  const builder = new FeatureBatchBuilder(options.file);
  yield* readJsonDocument(
    text,
    { batchSize, limits, maxDepth, batches: builder },
    new GeoJsonLayout(builder, maxDepth),
  );
}
