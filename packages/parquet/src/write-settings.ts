// The writer settings shared by the single-file and the partitioned writer, checked so that a
// bad option fails before any byte is written.
import type { CommonWriteOptions } from '@conflict-events/io';
import { SCHEMA_VERSION } from '@conflict-events/schema';
import type { KeyValue } from 'hyparquet';
import { type Codec, loadCodec } from './compression-codecs.ts';
import {
  checkCompression,
  checkPositiveInteger,
  defaultGeoParquetWriteOptions,
  type GeoParquetWriteOptions,
} from './geoparquet-options.ts';

/** The footer key holding the dataset metadata, as the JSON dataset envelope has it. */
export const datasetMetadataKey = 'conflict-events';

export interface WriteSettings {
  codec: Codec;
  rowGroupSize: number;
  keyValues: KeyValue[];
}

export async function resolveWriteSettings(
  options: Partial<GeoParquetWriteOptions> & CommonWriteOptions,
): Promise<WriteSettings> {
  const rowGroupSize = checkPositiveInteger(
    'rowGroupSize',
    options.rowGroupSize ?? defaultGeoParquetWriteOptions.rowGroupSize,
  );
  const compression = checkCompression(
    options.compression ?? defaultGeoParquetWriteOptions.compression,
  );
  const keyValues: KeyValue[] = [];
  if (options.metadata) {
    // The events written are in this package's model, whatever version the metadata came with.
    const value = JSON.stringify({ ...options.metadata, schemaVersion: SCHEMA_VERSION });
    keyValues.push({ key: datasetMetadataKey, value });
  }
  return { codec: await loadCodec(compression), rowGroupSize, keyValues };
}
