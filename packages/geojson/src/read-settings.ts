// The settings both readers share, checked so that a bad option fails before any reading.
import { type CommonReadOptions, type Limits, resolveLimits } from '@conflict-events/io';
import type { FeatureReadOptions } from './feature-options.ts';

const defaultBatchSize = 1000;

export interface ReadSettings {
  batchSize: number;
  limits: Limits;
  maxDepth: number;
  decode: { encoding: string; file?: string };
}

export function resolveReadSettings(
  options: Partial<FeatureReadOptions> & CommonReadOptions,
  defaults: Readonly<FeatureReadOptions>,
): ReadSettings {
  const batchSize = options.batchSize ?? defaultBatchSize;
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new RangeError(`batchSize must be a positive integer, not ${batchSize}`);
  }
  const maxDepth = options.maxDepth ?? defaults.maxDepth;
  if (!Number.isInteger(maxDepth) || maxDepth < 1) {
    throw new RangeError(`maxDepth must be a positive integer, not ${maxDepth}`);
  }
  const decode: ReadSettings['decode'] = { encoding: options.encoding ?? defaults.encoding };
  if (options.file !== undefined) decode.file = options.file;
  return { batchSize, limits: resolveLimits(options.limits), maxDepth, decode };
}

export function nestingIssue(maxDepth: number): {
  code: string;
  severity: 'error';
  message: string;
} {
  return {
    code: 'nesting-too-deep',
    severity: 'error',
    message: `arrays and objects are nested deeper than ${maxDepth} levels (option maxDepth)`,
  };
}
