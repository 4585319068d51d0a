import { type CommonReadOptions, type Limits, resolveLimits } from '@conflict-events/io';

const defaultBatchSize = 1000;

export interface ReadSettings {
  batchSize: number;
  limits: Limits;
  decode: { encoding: string; file?: string };
}

/** The settings every reader here shares, checked so a bad option fails before any reading. */
export function resolveReadSettings(options: CommonReadOptions, encoding: string): ReadSettings {
  const batchSize = options.batchSize ?? defaultBatchSize;
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new RangeError(`batchSize must be a positive integer, not ${batchSize}`);
  }
  const decode: ReadSettings['decode'] = { encoding };
  if (options.file !== undefined) decode.file = options.file;
  return { batchSize, limits: resolveLimits(options.limits), decode };
}

export function checkMaxDepth(maxDepth: number): number {
  if (!Number.isInteger(maxDepth) || maxDepth < 1) {
    throw new RangeError(`maxDepth must be a positive integer, not ${maxDepth}`);
  }
  return maxDepth;
}
