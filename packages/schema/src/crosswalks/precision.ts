import type { Citation } from '../taxonomy/citations.ts';
import type {
  DatePrecision,
  DatePrecisionScheme,
  LocationPrecision,
  LocationPrecisionScheme,
} from '../taxonomy/vocabularies.ts';

export interface PrecisionRow<Precision> {
  code: number;
  /** The codebook's meaning of the code, in short. */
  meaning: string;
  precision: Precision;
  cite: Citation;
}

const acledGeo: Citation = { codebook: 'acled2023', section: 'Geo-precision (geo_precision)' };
const ucdpWhere: Citation = { codebook: 'ucdpGed', section: 'where_prec' };
const gdeltGeo: Citation = { codebook: 'gdelt2', section: 'Actor1Geo_Type / ActionGeo_Type' };
const acledTime: Citation = { codebook: 'acled2023', section: 'Time precision (time_precision)' };
const ucdpDate: Citation = { codebook: 'ucdpGed', section: 'date_prec' };

/** Within each scheme the codes map to distinct core precisions, except GDELT's US/world pairs. */
export const locationPrecisionTables: Record<
  LocationPrecisionScheme,
  readonly PrecisionRow<LocationPrecision>[]
> = {
  'acled-geo-precision': [
    {
      code: 1,
      meaning: 'a particular town is named; its coordinates are used',
      precision: 'place',
      cite: acledGeo,
    },
    {
      code: 2,
      meaning: 'a small part of a region, a general area, or near a town; a nearby town is coded',
      precision: 'near',
      cite: acledGeo,
    },
    {
      code: 3,
      meaning:
        'only a larger region is mentioned; a natural location or the provincial capital is coded',
      precision: 'region',
      cite: acledGeo,
    },
  ],
  'ucdp-where-prec': [
    { code: 1, meaning: 'the exact location is known', precision: 'place', cite: ucdpWhere },
    {
      code: 2,
      meaning: 'within a limited area (about 25 km) around a known location',
      precision: 'near',
      cite: ucdpWhere,
    },
    {
      code: 3,
      meaning: 'only the second-order administrative division (ADM2) is known',
      precision: 'admin2',
      cite: ucdpWhere,
    },
    {
      code: 4,
      meaning: 'only the first-order administrative division (ADM1) is known',
      precision: 'admin1',
      cite: ucdpWhere,
    },
    {
      code: 5,
      meaning: 'a part of the country, a linear feature, two places, or an ill-defined area',
      precision: 'area',
      cite: ucdpWhere,
    },
    { code: 6, meaning: 'only the country is known', precision: 'country', cite: ucdpWhere },
    {
      code: 7,
      meaning: 'international waters or airspace',
      precision: 'international',
      cite: ucdpWhere,
    },
  ],
  'gdelt-geo-type': [
    {
      code: 0,
      meaning: 'no geographic match (fields blank or 0)',
      precision: 'unknown',
      cite: gdeltGeo,
    },
    { code: 1, meaning: 'COUNTRY: country-level match', precision: 'country', cite: gdeltGeo },
    { code: 2, meaning: 'USSTATE: a US state', precision: 'admin1', cite: gdeltGeo },
    { code: 3, meaning: 'USCITY: a US city or landmark', precision: 'place', cite: gdeltGeo },
    {
      code: 4,
      meaning: 'WORLDCITY: a city or landmark outside the US',
      precision: 'place',
      cite: gdeltGeo,
    },
    { code: 5, meaning: 'WORLDSTATE: an ADM1 outside the US', precision: 'admin1', cite: gdeltGeo },
  ],
};

export const datePrecisionTables: Record<
  DatePrecisionScheme,
  readonly PrecisionRow<DatePrecision>[]
> = {
  'acled-time-precision': [
    { code: 1, meaning: 'the source gives the actual date', precision: 'day', cite: acledTime },
    {
      code: 2,
      meaning: 'some time during a week or similar period; the middle day is coded',
      precision: 'week',
      cite: acledTime,
    },
    {
      code: 3,
      meaning: 'some time during a month; the middle of the month is coded',
      precision: 'month',
      cite: acledTime,
    },
  ],
  'ucdp-date-prec': [
    { code: 1, meaning: 'the exact date is known', precision: 'day', cite: ucdpDate },
    { code: 2, meaning: 'a span of two to six days', precision: 'range', cite: ucdpDate },
    { code: 3, meaning: 'only the week is known', precision: 'week', cite: ucdpDate },
    {
      code: 4,
      meaning: 'only the month is known (a span of 8–30 days)',
      precision: 'month',
      cite: ucdpDate,
    },
    {
      code: 5,
      meaning: 'only the year is known (a span of more than a month)',
      precision: 'year',
      cite: ucdpDate,
    },
  ],
};

function lookup<Precision>(
  rows: readonly PrecisionRow<Precision>[],
  code: number,
): Precision | undefined {
  return rows.find((row) => row.code === code)?.precision;
}

/** The core location precision of a source code; undefined for a code the scheme lacks. */
export function mapLocationPrecision(
  scheme: LocationPrecisionScheme,
  code: number,
): LocationPrecision | undefined {
  return lookup(locationPrecisionTables[scheme], code);
}

/** The core date precision of a source code; undefined for a code the scheme lacks. */
export function mapDatePrecision(
  scheme: DatePrecisionScheme,
  code: number,
): DatePrecision | undefined {
  return lookup(datePrecisionTables[scheme], code);
}
