// Builds synthetic GDELT rows by field name in each published layout, so tests say which
// fields they set instead of counting tabs.
import { type GdeltLayout, gdeltLayouts } from '../src/index.ts';

export function gdeltRow(layout: GdeltLayout, values: Readonly<Record<string, string>>): string {
  const info = gdeltLayouts.find((candidate) => candidate.layout === layout);
  if (!info) throw new Error(`unknown layout ${layout}`);
  for (const field of Object.keys(values)) {
    if (!info.fields.includes(field)) throw new Error(`${layout} has no field ${field}`);
  }
  return info.fields.map((field) => values[field] ?? '').join('\t');
}

/** A fight (CAMEO 193) between Syrian forces and rebels, fully coded, in any layout. */
export function fightValues(layout: GdeltLayout): Record<string, string> {
  const v2 = layout === 'gdelt-2.0-61';
  return {
    GLOBALEVENTID: '900000001',
    SQLDATE: '20160801',
    MonthYear: '201608',
    Year: '2016',
    FractionDate: '2016.5808',
    Actor1Code: 'SYRMIL',
    Actor1Name: 'SYRIA',
    Actor1CountryCode: 'SYR',
    Actor1Type1Code: 'MIL',
    Actor2Code: 'SYRREB',
    Actor2Name: 'REBEL GROUP',
    Actor2CountryCode: 'SYR',
    Actor2Type1Code: 'REB',
    IsRootEvent: '1',
    EventCode: '193',
    EventBaseCode: '193',
    EventRootCode: '19',
    QuadClass: '4',
    GoldsteinScale: '-10.0',
    NumMentions: '6',
    NumSources: '2',
    NumArticles: '6',
    AvgTone: '-7.25',
    Actor1Geo_Type: '1',
    Actor1Geo_FullName: 'Syria',
    Actor1Geo_CountryCode: 'SY',
    Actor1Geo_ADM1Code: 'SY',
    Actor1Geo_Lat: '35',
    Actor1Geo_Long: '38',
    Actor1Geo_FeatureID: 'SY',
    ActionGeo_Type: '4',
    ActionGeo_FullName: 'Aleppo, Halab, Syria',
    ActionGeo_CountryCode: 'SY',
    ActionGeo_ADM1Code: 'SY09',
    ...(v2 ? { ActionGeo_ADM2Code: '90001' } : {}),
    ActionGeo_Lat: '36.2028',
    ActionGeo_Long: '37.1586',
    ActionGeo_FeatureID: '-1234567',
    DATEADDED: v2 ? '20160801151500' : '20160801',
    ...(layout === 'gdelt-1.0-57'
      ? {}
      : { SOURCEURL: 'https://news.example.org/syria/aleppo-fighting' }),
  };
}
