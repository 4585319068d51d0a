/** Bounds that turn hostile or broken input into a clear error instead of exhausting memory. */
export interface Limits {
  /** Longest field, in characters. Default 64 Mi. */
  maxFieldLength: number;
  /** Longest record (a CSV row with its quoted line breaks, an NDJSON line), in characters. Default 128 Mi. */
  maxRecordLength: number;
  /** Most bytes decompression may produce from one input. Default 16 GiB. */
  maxDecompressedBytes: number;
  /** Highest ratio of decompressed to compressed bytes, checked past the first MiB. Default 1000. */
  maxCompressionRatio: number;
}

export const defaultLimits: Limits = {
  maxFieldLength: 64 * 2 ** 20,
  maxRecordLength: 128 * 2 ** 20,
  maxDecompressedBytes: 16 * 2 ** 30,
  maxCompressionRatio: 1000,
};

/** Input broke a limit; reading stops with this error, positioned where it happened. */
export class LimitError extends Error {
  override name = 'LimitError';
  constructor(
    message: string,
    readonly limit: keyof Limits,
    readonly position: { line?: number; byteOffset?: number } = {},
  ) {
    super(message);
  }
}

/** Input that cannot be read at all (not a gzip stream, a zip without entries, …). */
export class InputError extends Error {
  override name = 'InputError';
}

export function resolveLimits(limits: Partial<Limits> | undefined): Limits {
  return limits ? { ...defaultLimits, ...limits } : defaultLimits;
}
