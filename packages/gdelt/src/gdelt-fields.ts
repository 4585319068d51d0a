// The field layouts of GDELT event files, which have no header: a file is recognised by
// how many tab-separated fields its rows have. Names follow the codebooks (gdelt1 V1.03
// "Event table"; gdelt2 V2.0 "Event table"), with the date field called SQLDATE in both,
// as GDELT's BigQuery tables and 1.0 codebook name it (the 2.0 codebook says "Day").

export type GdeltLayout = 'gdelt-1.0-57' | 'gdelt-1.0-58' | 'gdelt-2.0-61';

const eventFields = ['GLOBALEVENTID', 'SQLDATE', 'MonthYear', 'Year', 'FractionDate'] as const;

function actorFields(prefix: 'Actor1' | 'Actor2') {
  return [
    `${prefix}Code`,
    `${prefix}Name`,
    `${prefix}CountryCode`,
    `${prefix}KnownGroupCode`,
    `${prefix}EthnicCode`,
    `${prefix}Religion1Code`,
    `${prefix}Religion2Code`,
    `${prefix}Type1Code`,
    `${prefix}Type2Code`,
    `${prefix}Type3Code`,
  ];
}

const actionFields = [
  'IsRootEvent',
  'EventCode',
  'EventBaseCode',
  'EventRootCode',
  'QuadClass',
  'GoldsteinScale',
  'NumMentions',
  'NumSources',
  'NumArticles',
  'AvgTone',
] as const;

// GDELT 2.0 adds an ADM2Code after each ADM1Code (gdelt2, "Event geography").
function geoFields(prefix: 'Actor1Geo' | 'Actor2Geo' | 'ActionGeo', withAdm2: boolean) {
  return [
    `${prefix}_Type`,
    `${prefix}_FullName`,
    `${prefix}_CountryCode`,
    `${prefix}_ADM1Code`,
    ...(withAdm2 ? [`${prefix}_ADM2Code`] : []),
    `${prefix}_Lat`,
    `${prefix}_Long`,
    `${prefix}_FeatureID`,
  ];
}

function layoutFields(withAdm2: boolean, withUrl: boolean): readonly string[] {
  return Object.freeze([
    ...eventFields,
    ...actorFields('Actor1'),
    ...actorFields('Actor2'),
    ...actionFields,
    ...geoFields('Actor1Geo', withAdm2),
    ...geoFields('Actor2Geo', withAdm2),
    ...geoFields('ActionGeo', withAdm2),
    'DATEADDED',
    ...(withUrl ? ['SOURCEURL'] : []),
  ]);
}

export interface GdeltLayoutInfo {
  layout: GdeltLayout;
  datasetVersion: '1.0' | '2.0';
  fields: readonly string[];
  /** DATEADDED is YYYYMMDD in 1.0 and YYYYMMDDHHMMSS (UTC) in 2.0. */
  dateAddedLength: 8 | 14;
}

/**
 * 1.0 historical backfiles (1979 to March 2013) have 57 fields; 1.0 daily files add SOURCEURL
 * (58); 2.0 files add the three ADM2Code fields and time DATEADDED to the second (61).
 */
export const gdeltLayouts: readonly GdeltLayoutInfo[] = Object.freeze([
  {
    layout: 'gdelt-1.0-57',
    datasetVersion: '1.0',
    fields: layoutFields(false, false),
    dateAddedLength: 8,
  },
  {
    layout: 'gdelt-1.0-58',
    datasetVersion: '1.0',
    fields: layoutFields(false, true),
    dateAddedLength: 8,
  },
  {
    layout: 'gdelt-2.0-61',
    datasetVersion: '2.0',
    fields: layoutFields(true, true),
    dateAddedLength: 14,
  },
]);

/** The layout whose rows have this many fields, if any. */
export function layoutOfWidth(width: number): GdeltLayoutInfo | undefined {
  return gdeltLayouts.find((info) => info.fields.length === width);
}

export const layoutWidths: readonly number[] = gdeltLayouts.map((info) => info.fields.length);
