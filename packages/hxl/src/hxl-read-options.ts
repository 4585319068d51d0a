export interface HxlReadOptions {
  /**
   * Field delimiter: one character, or `auto` to take the one (comma, semicolon, tab) that
   * makes a hashtag row appear in the first 64 KiB. Default `auto`.
   */
  delimiter: string;
  /** Text encoding (a WHATWG label); a BOM overrides it. Default `utf-8`. */
  encoding: string;
  /**
   * The dataset the file was extracted from, kept as provenance.dataset (`acled` for an HDX
   * ACLED extract, `ucdp-ged` for a UCDP one): lower-case letters, digits and hyphens.
   * Default `hxl`.
   */
  dataset: string;
}

/** The format is read only; it has no write options. */
export type HxlWriteOptions = Record<string, never>;

export const defaultHxlReadOptions: Readonly<HxlReadOptions> = Object.freeze({
  delimiter: 'auto',
  encoding: 'utf-8',
  dataset: 'hxl',
});

export const defaultHxlWriteOptions: Readonly<HxlWriteOptions> = Object.freeze({});
