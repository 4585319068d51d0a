/** Options of the JSON dataset reader, next to `CommonReadOptions`. */
export interface JsonDatasetReadOptions {
  /** Text encoding of the input; a byte-order mark overrides it. Default `utf-8`. */
  encoding: string;
  /** Deepest nesting of arrays and objects one event may have; deeper events are rejected. Default 256. */
  maxDepth: number;
}

/** Options of the JSON dataset writer, next to `CommonWriteOptions`. */
export interface JsonDatasetWriteOptions {
  /** Lay the envelope out one key a line and indent each event by two spaces. Default false. */
  pretty: boolean;
  /** Title written when `metadata` has none. Default `conflict-events export`. */
  title: string;
  /** ISO 8601 time written when `metadata` has none. Default: the time writing starts. */
  generatedAt?: string;
}

export const defaultJsonDatasetReadOptions: Readonly<JsonDatasetReadOptions> = Object.freeze({
  encoding: 'utf-8',
  maxDepth: 256,
});

export const defaultJsonDatasetWriteOptions: Readonly<JsonDatasetWriteOptions> = Object.freeze({
  pretty: false,
  title: 'conflict-events export',
});
