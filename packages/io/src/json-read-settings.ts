// The settings every reader of JSON text shares (NDJSON, JSON datasets, GeoJSON and its
// sequences), checked so that a bad option fails before any reading.
import { type CommonReadOptions, defaultBatchSize } from './format.ts';
import { type Limits, resolveLimits } from './limits.ts';

/** The options of a JSON reader that have a format's own default. */
export interface JsonTextReadOptions {
  /** Text encoding of the input; a byte-order mark overrides it. */
  encoding: string;
  /** Deepest nesting of arrays and objects one record may have. */
  maxDepth: number;
}

export interface JsonReadSettings {
  batchSize: number;
  limits: Limits;
  maxDepth: number;
  /** What `decodeText` takes. */
  decode: { encoding: string; file?: string };
}

function positiveInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new RangeError(`${name} must be a positive integer, not ${value}`);
  }
  return value;
}

/** Fills the options in from the format's defaults and checks them; a RangeError names a bad one. */
export function resolveJsonReadSettings(
  options: Partial<JsonTextReadOptions> & CommonReadOptions,
  defaults: Readonly<JsonTextReadOptions>,
): JsonReadSettings {
  const batchSize = positiveInteger('batchSize', options.batchSize ?? defaultBatchSize);
  const maxDepth = positiveInteger('maxDepth', options.maxDepth ?? defaults.maxDepth);
  const decode: JsonReadSettings['decode'] = { encoding: options.encoding ?? defaults.encoding };
  if (options.file !== undefined) decode.file = options.file;
  return { batchSize, limits: resolveLimits(options.limits), maxDepth, decode };
}
