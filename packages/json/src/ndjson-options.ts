/** Options of the NDJSON reader, next to `CommonReadOptions`. */
export interface NdjsonReadOptions {
  /** Text encoding of the input; a byte-order mark overrides it. Default `utf-8`. */
  encoding: string;
  /** Deepest nesting of arrays and objects a line may have; deeper lines are rejected. Default 256. */
  maxDepth: number;
}

/** The NDJSON writer has no options of its own: one event, one line. */
export type NdjsonWriteOptions = Record<never, never>;

export const defaultNdjsonReadOptions: Readonly<NdjsonReadOptions> = Object.freeze({
  encoding: 'utf-8',
  maxDepth: 256,
});

export const defaultNdjsonWriteOptions: Readonly<NdjsonWriteOptions> = Object.freeze({});
