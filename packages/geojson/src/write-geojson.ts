// Writes events as one GeoJSON FeatureCollection, streamed feature by feature.
import {
  type Batch,
  type CommonWriteOptions,
  type DatasetMetadata,
  eventArrays,
  TextChunker,
} from '@conflict-events/io';
import { type ConflictEvent, SCHEMA_VERSION } from '@conflict-events/schema';
import { featureParts, positionOf, resolveFeatureWriteOptions } from './event-to-feature.ts';
import { metadataMember } from './feature-options.ts';
import { defaultGeoJsonWriteOptions, type GeoJsonWriteOptions } from './geojson-options.ts';

function metadataText(metadata: DatasetMetadata): string {
  // Metadata typed without events may still carry them at run time; they are not metadata.
  const { events: _events, ...rest } = metadata as DatasetMetadata & { events?: unknown };
  // The events written are in this package's model, whatever version the metadata came with.
  return JSON.stringify({ ...rest, schemaVersion: SCHEMA_VERSION });
}

/** The smallest box holding every point written: west, south, east, north. */
class Bounds {
  private west = Infinity;
  private south = Infinity;
  private east = -Infinity;
  private north = -Infinity;

  add([lon, lat]: [number, number]): void {
    this.west = Math.min(this.west, lon);
    this.south = Math.min(this.south, lat);
    this.east = Math.max(this.east, lon);
    this.north = Math.max(this.north, lat);
  }

  text(): string | undefined {
    if (this.west === Infinity) return undefined;
    return `[${this.west},${this.south},${this.east},${this.north}]`;
  }
}

/**
 * Writes a FeatureCollection as a stream: the head (with the dataset metadata as the
 * `conflictEvents` foreign member when given), then one feature a line, so the events are
 * never held together. Valid GeoJSON for any number of events, zero included. No `crs`
 * member: RFC 7946 coordinates are always WGS84 longitude, latitude. Without the option,
 * metadata carried by the input's batches (a JSON dataset or GeoJSON read by `convert`) is
 * known only at the end, so its member follows the features.
 */
export async function* writeGeoJson(
  events: AsyncIterable<ConflictEvent | Batch>,
  options: Partial<GeoJsonWriteOptions> & CommonWriteOptions = {},
): AsyncIterable<Uint8Array> {
  const settings = resolveFeatureWriteOptions(options, defaultGeoJsonWriteOptions);
  const chunker = new TextChunker();
  const member = (metadata: DatasetMetadata) =>
    `,${JSON.stringify(metadataMember)}:${metadataText(metadata)}`;
  chunker.add(
    `{"type":"FeatureCollection"${options.metadata ? member(options.metadata) : ''},"features":[`,
  );
  let carried: DatasetMetadata | undefined;
  const bounds = settings.bbox ? new Bounds() : undefined;
  let count = 0;
  for await (const group of eventArrays(events, 1000, (metadata) => {
    carried = metadata;
  })) {
    for (const event of group) {
      const position = positionOf(event, settings.coordinatePrecision);
      if (position) bounds?.add(position);
      const [head, properties, tail] = featureParts(event, position, settings);
      const bytes = chunker.addAll(count === 0 ? '\n' : ',\n', head, properties, tail);
      count++;
      if (bytes) yield bytes;
    }
  }
  const box = bounds?.text();
  const trailing = !options.metadata && carried ? member(carried) : '';
  chunker.add(`${count === 0 ? '' : '\n'}]${box ? `,"bbox":${box}` : ''}${trailing}}\n`);
  const rest = chunker.flush();
  if (rest) yield rest;
}
