export interface UcdpReadOptions {
  /** The GED release the input belongs to (`23.1`), kept as provenance.datasetVersion. Default: none. */
  version?: string;
  /** Text encoding of CSV input (a WHATWG label); a BOM overrides it. Default `utf-8`. */
  encoding: string;
  /** Field delimiter of CSV input. Default `,`, as UCDP and HDX publish it. */
  delimiter: string;
}

/** The GED is read only; the format has no write options. */
export type UcdpWriteOptions = Record<string, never>;

export const defaultUcdpReadOptions: Readonly<UcdpReadOptions> = Object.freeze({
  encoding: 'utf-8',
  delimiter: ',',
});

export const defaultUcdpWriteOptions: Readonly<UcdpWriteOptions> = Object.freeze({});
