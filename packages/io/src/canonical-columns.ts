/**
 * The canonical CSV columns: one flat column per field of the model, in a stable order.
 * Lists and nested records (actors, sources, tags, …) are JSON in one cell, so the layout is
 * lossless: event → row → event gives the event back. This table is the documentation: the
 * README's column table is checked against it. Every flat format shares it (the CSV format,
 * flat GeoJSON properties, spreadsheet and Parquet columns), so it lives in the I/O core.
 */
export type CellType =
  | 'text'
  | 'integer'
  | 'number'
  | 'boolean'
  | 'date'
  | 'date-time'
  | 'enum'
  | 'json'
  | 'precision-code';

export interface CsvColumn {
  name: string;
  type: CellType;
  /** Where the value lives in the event. */
  path: readonly string[];
  description: string;
  example: string;
  /** The HXL hashtag written under the header on request (HDX's tags where they fit). */
  hxl: string;
}

// HXL hashtags (hxlstandard.org): the tags HDX puts on ACLED and UCDP extracts where one
// exists, else a core hashtag with attributes naming our column; `+json` marks JSON cells.
const hxlTags: Record<string, string> = {
  id: '#event+code',
  date_start: '#date+start',
  date_end: '#date+end',
  date_precision: '#date+precision',
  date_source_precision: '#date+precision+source',
  country: '#country+code',
  country_name: '#country+name',
  region: '#region+name',
  admin1: '#adm1+name',
  admin1_code: '#adm1+code',
  admin2: '#adm2+name',
  admin2_code: '#adm2+code',
  admin3: '#adm3+name',
  admin3_code: '#adm3+code',
  place: '#loc+name',
  location_description: '#loc+description',
  latitude: '#geo+lat',
  longitude: '#geo+lon',
  location_precision: '#geo+precision',
  location_source_precision: '#geo+precision+source',
  category: '#event+type+code',
  sub_type: '#event+type+sub+code',
  disorder: '#event+type+disorder+json',
  acled_event_type: '#event+type',
  acled_sub_event_type: '#event+type+sub',
  acled_disorder_type: '#event+type+disorder',
  acled_inter1: '#group+type+first+acled',
  acled_inter2: '#group+type+second+acled',
  acled_interaction: '#group+type+interaction+acled',
  acled_source_scale: '#meta+source+scale',
  ucdp_type_of_violence: '#event+type+ucdp',
  ucdp_conflict_id: '#crisis+code+ucdp',
  ucdp_conflict_name: '#crisis+name+ucdp',
  ucdp_dyad_id: '#group+code+dyad+ucdp',
  ucdp_dyad_name: '#group+name+dyad+ucdp',
  ucdp_event_clarity: '#meta+clarity+ucdp',
  cameo_event_code: '#event+code+cameo',
  cameo_base_code: '#event+code+base+cameo',
  cameo_root_code: '#event+code+root+cameo',
  cameo_quad_class: '#event+type+quad+cameo',
  cameo_goldstein: '#indicator+goldstein+num',
  cameo_num_mentions: '#indicator+mentions+num',
  cameo_num_sources: '#indicator+sources+num',
  cameo_num_articles: '#indicator+articles+num',
  cameo_avg_tone: '#indicator+tone+num',
  plover_category: '#event+type+plover',
  plover_modes: '#event+type+mode+plover+json',
  plover_contexts: '#event+type+context+plover+json',
  actors: '#group+list+json',
  fatalities_best: '#affected+killed',
  fatalities_low: '#affected+killed+min',
  fatalities_high: '#affected+killed+max',
  fatalities_breakdown: '#affected+killed+breakdown+json',
  sources: '#meta+source+list+json',
  civilian_targeting: '#indicator+civilian_targeting',
  notes: '#description',
  tags: '#meta+tags+json',
  provenance_dataset: '#meta+dataset',
  provenance_dataset_version: '#meta+dataset+version',
  provenance_layout: '#meta+layout',
  provenance_record_id: '#meta+record+code',
  provenance_modified: '#date+modified',
  provenance_retrieved: '#date+retrieved',
  provenance_coded_by: '#meta+coder',
  provenance_licence: '#meta+licence',
  provenance_attribution: '#meta+attribution',
  provenance_unmapped: '#meta+unmapped+json',
  extensions: '#meta+extensions+json',
};

function column(
  name: string,
  type: CellType,
  path: string,
  description: string,
  example: string,
): CsvColumn {
  const hxl = hxlTags[name];
  if (!hxl) throw new Error(`column ${name} has no HXL tag`);
  return { name, type, path: path.split('.'), description, example, hxl };
}

export const csvColumns: readonly CsvColumn[] = [
  column(
    'id',
    'text',
    'id',
    'Stable event id; imported events keep the source id, namespaced.',
    'acled:SYR1234',
  ),
  column(
    'date_start',
    'date',
    'date.start',
    'First day the event may have happened on.',
    '2016-08-01',
  ),
  column(
    'date_end',
    'date',
    'date.end',
    'Last day; equal to date_start for one day.',
    '2016-08-01',
  ),
  column('date_precision', 'enum', 'date.precision', 'day, range, week, month or year.', 'day'),
  column(
    'date_source_precision',
    'precision-code',
    'date.sourcePrecision',
    "The source's own date precision code, `scheme:code`.",
    'acled-time-precision:1',
  ),
  column(
    'country',
    'text',
    'location.country',
    'ISO 3166-1 alpha-3, or `none` for international waters.',
    'SYR',
  ),
  column(
    'country_name',
    'text',
    'location.countryName',
    'The country as the source names it.',
    'Syria',
  ),
  column('region', 'text', 'location.region', "The source's world region.", 'Middle East'),
  column('admin1', 'text', 'location.admin1', 'First-order administrative unit.', 'Aleppo'),
  column('admin1_code', 'text', 'location.admin1Code', 'Its p-code or other code.', 'SY02'),
  column('admin2', 'text', 'location.admin2', 'Second-order administrative unit.', 'Jebel Saman'),
  column('admin2_code', 'text', 'location.admin2Code', 'Its code.', 'SY0200'),
  column('admin3', 'text', 'location.admin3', 'Third-order administrative unit.', 'Aleppo'),
  column('admin3_code', 'text', 'location.admin3Code', 'Its code.', 'SY020000'),
  column('place', 'text', 'location.place', 'The named place the coordinates stand for.', 'Aleppo'),
  column(
    'location_description',
    'text',
    'location.description',
    'Where, in the words of the report.',
    'Outskirts of Aleppo city',
  ),
  column('latitude', 'number', 'location.point.lat', 'WGS84 latitude, decimal degrees.', '36.2021'),
  column(
    'longitude',
    'number',
    'location.point.lon',
    'WGS84 longitude, decimal degrees.',
    '37.1343',
  ),
  column(
    'location_precision',
    'enum',
    'location.precision',
    'place, near, admin2, admin1, region, area, country, international or unknown.',
    'near',
  ),
  column(
    'location_source_precision',
    'precision-code',
    'location.sourcePrecision',
    "The source's own location precision code, `scheme:code`.",
    'ucdp-where-prec:5',
  ),
  column('category', 'enum', 'type.category', 'Core category slug.', 'battles'),
  column('sub_type', 'enum', 'type.subType', 'Core sub-type slug.', 'armed-clash'),
  column(
    'disorder',
    'json',
    'type.disorder',
    'Disorder types, a JSON array.',
    '["political-violence"]',
  ),
  column(
    'acled_event_type',
    'text',
    'type.acled.eventType',
    'ACLED event_type, verbatim.',
    'Battles',
  ),
  column(
    'acled_sub_event_type',
    'text',
    'type.acled.subEventType',
    'ACLED sub_event_type, verbatim.',
    'Armed clash',
  ),
  column(
    'acled_disorder_type',
    'text',
    'type.acled.disorderType',
    'ACLED disorder_type, verbatim.',
    'Political violence',
  ),
  column(
    'acled_inter1',
    'text',
    'type.acled.inter1',
    'ACLED inter1, verbatim (code or label).',
    '1',
  ),
  column('acled_inter2', 'text', 'type.acled.inter2', 'ACLED inter2, verbatim.', '2'),
  column(
    'acled_interaction',
    'text',
    'type.acled.interaction',
    'ACLED interaction, verbatim.',
    '12',
  ),
  column(
    'acled_source_scale',
    'text',
    'type.acled.sourceScale',
    'ACLED source_scale, verbatim.',
    'National-International',
  ),
  column(
    'ucdp_type_of_violence',
    'integer',
    'type.ucdp.typeOfViolence',
    'UCDP type_of_violence, 1–3.',
    '1',
  ),
  column('ucdp_conflict_id', 'integer', 'type.ucdp.conflictId', 'UCDP conflict_new_id.', '299'),
  column(
    'ucdp_conflict_name',
    'text',
    'type.ucdp.conflictName',
    'UCDP conflict_name.',
    'Syria: Government',
  ),
  column('ucdp_dyad_id', 'integer', 'type.ucdp.dyadId', 'UCDP dyad_new_id.', '11111'),
  column(
    'ucdp_dyad_name',
    'text',
    'type.ucdp.dyadName',
    'UCDP dyad_name.',
    'Government of Syria - Syrian insurgents',
  ),
  column(
    'ucdp_event_clarity',
    'integer',
    'type.ucdp.eventClarity',
    'UCDP event_clarity, 1–2.',
    '1',
  ),
  column(
    'cameo_event_code',
    'text',
    'type.cameo.eventCode',
    'CAMEO event code, leading zeros kept.',
    '193',
  ),
  column('cameo_base_code', 'text', 'type.cameo.baseCode', 'CAMEO base code.', '193'),
  column('cameo_root_code', 'text', 'type.cameo.rootCode', 'CAMEO root code, 01–20.', '19'),
  column('cameo_quad_class', 'integer', 'type.cameo.quadClass', 'QuadClass, 1–4.', '4'),
  column('cameo_goldstein', 'number', 'type.cameo.goldstein', 'Goldstein scale, −10 to 10.', '-10'),
  column('cameo_num_mentions', 'integer', 'type.cameo.numMentions', 'GDELT NumMentions.', '12'),
  column('cameo_num_sources', 'integer', 'type.cameo.numSources', 'GDELT NumSources.', '2'),
  column('cameo_num_articles', 'integer', 'type.cameo.numArticles', 'GDELT NumArticles.', '12'),
  column('cameo_avg_tone', 'number', 'type.cameo.avgTone', 'GDELT AvgTone, −100 to 100.', '-5.2'),
  column('plover_category', 'enum', 'type.plover.category', 'PLOVER category.', 'ASSAULT'),
  column(
    'plover_modes',
    'json',
    'type.plover.modes',
    'PLOVER modes, a JSON array.',
    '["firearms"]',
  ),
  column(
    'plover_contexts',
    'json',
    'type.plover.contexts',
    'PLOVER contexts, a JSON array.',
    '["military"]',
  ),
  column(
    'actors',
    'json',
    'actors',
    'The actors, a JSON array of actor objects; empty cell = no actors.',
    '[{"name":"Military Forces of Syria","side":"a","role":"primary","kind":"state-forces"}]',
  ),
  column(
    'fatalities_best',
    'integer',
    'fatalities.best',
    'Best estimate of deaths; empty (with low, high, breakdown) = unknown, 0 = reported none.',
    '4',
  ),
  column('fatalities_low', 'integer', 'fatalities.low', 'Lowest estimate.', '4'),
  column('fatalities_high', 'integer', 'fatalities.high', 'Highest estimate.', '6'),
  column(
    'fatalities_breakdown',
    'json',
    'fatalities.breakdown',
    'Deaths by side, a JSON object (sideA, sideB, civilians, unknown).',
    '{"civilians":3}',
  ),
  column(
    'sources',
    'json',
    'sources',
    "The reports, a JSON array of source objects with each one's claim; empty cell = none.",
    '[{"name":"SANA","kind":"news-agency","claim":{"fatalities":{"best":4}}}]',
  ),
  column('civilian_targeting', 'boolean', 'civilianTargeting', 'true or false.', 'true'),
  column('notes', 'text', 'notes', 'Free text.', 'Rocket and sniper fire near Ramussa.'),
  column('tags', 'json', 'tags', 'Tags, a JSON array.', '["toll-disputed"]'),
  column(
    'provenance_dataset',
    'text',
    'provenance.dataset',
    'Source dataset: acled, ucdp-ged, gdelt, manual, …',
    'manual',
  ),
  column(
    'provenance_dataset_version',
    'text',
    'provenance.datasetVersion',
    'Version of the source dataset.',
    '23.1',
  ),
  column(
    'provenance_layout',
    'text',
    'provenance.layout',
    'Source layout the record was read from.',
    'acled-2023',
  ),
  column(
    'provenance_record_id',
    'text',
    'provenance.recordId',
    'Id in the source dataset.',
    'SYR1234',
  ),
  column(
    'provenance_modified',
    'date-time',
    'provenance.modified',
    'When the source last changed the record.',
    '2023-03-20T00:00:00Z',
  ),
  column(
    'provenance_retrieved',
    'date-time',
    'provenance.retrieved',
    'When the record was retrieved.',
    '2024-01-05T10:00:00Z',
  ),
  column(
    'provenance_coded_by',
    'text',
    'provenance.codedBy',
    'Who coded the event.',
    'conflict-events project',
  ),
  column('provenance_licence', 'text', 'provenance.licence', 'Licence of the record.', 'CC-BY-4.0'),
  column('provenance_attribution', 'text', 'provenance.attribution', 'Attribution owed.', 'UCDP'),
  column(
    'provenance_unmapped',
    'json',
    'provenance.unmapped',
    "The source record's fields the model has no place for, a JSON object.",
    '{"gwno":652}',
  ),
  column(
    'extensions',
    'json',
    'extensions',
    'Data for other tools, a JSON object.',
    '{"myTool":{"reviewed":true}}',
  ),
];

/** Columns a canonical CSV header must have; every other column may be left out. */
export const requiredColumns: readonly string[] = [
  'id',
  'date_start',
  'date_end',
  'date_precision',
  'location_precision',
  'provenance_dataset',
];

/** List columns whose empty cell means an empty list rather than an absent field. */
export const emptyMeansEmptyList: ReadonlySet<string> = new Set(['actors', 'sources']);
