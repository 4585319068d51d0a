export interface AcledReadOptions {
  /**
   * What a `fatalities` of 0 means. ACLED prints 0 both when a report says nobody died and
   * when no report gives a figure, so by default 0 reads as unknown (`{ known: false }`);
   * `none` reads it as a reported zero (`{ known: true, best: 0 }`). Default `unknown`.
   */
  zeroFatalities: 'unknown' | 'none';
  /** The ACLED release or download date, kept as provenance.datasetVersion. Default: none. */
  version?: string;
  /** Text encoding of CSV input (a WHATWG label); a BOM overrides it. Default `utf-8`. */
  encoding: string;
  /** Field delimiter of CSV input. Default `,`, as ACLED publishes it. */
  delimiter: string;
  /**
   * Removes the `'` our writer puts before a text cell that starts with `= + - @`, tab or CR,
   * so that neutralised output reads back as it was written. Default true.
   */
  restoreFormulas: boolean;
}

export interface AcledWriteOptions {
  /**
   * Prefixes text cells that start with `= + - @`, tab or CR with `'` (OWASP CSV injection),
   * so spreadsheets do not run them; numeric cells are never changed. Default true.
   */
  neutraliseFormulas: boolean;
  /** Writes a UTF-8 byte-order mark first (some spreadsheets need it). Default false. */
  bom: boolean;
}

export const defaultAcledReadOptions: Readonly<AcledReadOptions> = Object.freeze({
  zeroFatalities: 'unknown',
  encoding: 'utf-8',
  delimiter: ',',
  restoreFormulas: true,
});

export const defaultAcledWriteOptions: Readonly<AcledWriteOptions> = Object.freeze({
  neutraliseFormulas: true,
  bom: false,
});
