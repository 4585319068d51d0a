import type { GdeltLayoutInfo } from './gdelt-fields.ts';

// Where each part of an imported event came from, so that an issue found on the event (a
// Goldstein score out of range) names the GDELT field. Actors are listed Actor1 first; when
// Actor1 is empty, /actors/0 is Actor2, which only the reader (not this table) can tell.
const exact: Record<string, string> = {
  '/id': 'GLOBALEVENTID',
  '/provenance/recordId': 'GLOBALEVENTID',
  '/provenance/modified': 'DATEADDED',
  '/date': 'SQLDATE',
  '/location': 'ActionGeo_Type',
  '/location/precision': 'ActionGeo_Type',
  '/location/sourcePrecision': 'ActionGeo_Type',
  '/location/country': 'ActionGeo_CountryCode',
  '/location/place': 'ActionGeo_FullName',
  '/location/admin1Code': 'ActionGeo_ADM1Code',
  '/location/admin2Code': 'ActionGeo_ADM2Code',
  '/location/point/lat': 'ActionGeo_Lat',
  '/location/point/lon': 'ActionGeo_Long',
  '/type/category': 'EventCode',
  '/type/subType': 'EventCode',
  '/type/cameo/eventCode': 'EventCode',
  '/type/cameo/baseCode': 'EventBaseCode',
  '/type/cameo/rootCode': 'EventRootCode',
  '/type/cameo/quadClass': 'QuadClass',
  '/type/cameo/goldstein': 'GoldsteinScale',
  '/type/cameo/numMentions': 'NumMentions',
  '/type/cameo/numSources': 'NumSources',
  '/type/cameo/numArticles': 'NumArticles',
  '/type/cameo/avgTone': 'AvgTone',
  '/sources/0': 'SOURCEURL',
};

const actorParts: Record<string, string> = {
  name: 'Name',
  country: 'CountryCode',
  kind: 'Type1Code',
  ids: 'Code',
};

/** The GDELT field an event pointer came from, with its number when the layout is known. */
export function fieldOfPointer(
  pointer: string,
  layout?: GdeltLayoutInfo,
): { field: string; fieldNumber?: number } | undefined {
  let field: string | undefined;
  for (let prefix = pointer; prefix !== '' && field === undefined; ) {
    field = exact[prefix];
    prefix = prefix.slice(0, Math.max(0, prefix.lastIndexOf('/')));
  }
  const actor = /^\/actors\/([01])(?:\/([a-zA-Z]+))?/.exec(pointer);
  if (field === undefined && actor) {
    field = `Actor${actor[1] === '0' ? 1 : 2}${actorParts[actor[2] ?? ''] ?? 'Code'}`;
  }
  if (field === undefined) return undefined;
  const at = layout?.fields.indexOf(field) ?? -1;
  return at === -1 ? { field } : { field, fieldNumber: at + 1 };
}
