// The Parquet layout of an event: one typed column per canonical CSV column (in the same
// order, with the same names), then the GeoParquet `geometry` column and its `bbox`
// covering. This table is the documentation of the file layout; the README mirrors it.
import { type CsvColumn, csvColumns } from '@conflict-events/io';
import type { SchemaElement } from 'hyparquet';

/** How a canonical column's value is stored. */
export type ParquetValueKind =
  /** UTF-8 text: text, enums, `scheme:code` precision codes, date-times, JSON. */
  | 'string'
  /** Parquet DATE (days since 1970-01-01). */
  | 'date'
  | 'int32'
  | 'int64'
  | 'double'
  | 'boolean'
  /** A Parquet LIST of UTF-8 strings. */
  | 'string-list';

export interface ParquetColumn {
  name: string;
  kind: ParquetValueKind;
  canonical: CsvColumn;
}

// Codes the schema bounds to a few values; every other integer is a count without an upper
// bound in the model, so it needs 64 bits to be stored without loss.
const int32Columns = new Set(['ucdp_type_of_violence', 'ucdp_event_clarity', 'cameo_quad_class']);

// Lists of plain strings are real Parquet lists, so engines can query them (DuckDB
// `list_contains(tags, 'x')`); lists of records stay JSON text.
const stringListColumns = new Set(['disorder', 'plover_modes', 'plover_contexts', 'tags']);

function kindOf(column: CsvColumn): ParquetValueKind {
  switch (column.type) {
    case 'date':
      return 'date';
    case 'integer':
      return int32Columns.has(column.name) ? 'int32' : 'int64';
    case 'number':
      return 'double';
    case 'boolean':
      return 'boolean';
    case 'json':
      return stringListColumns.has(column.name) ? 'string-list' : 'string';
    // Date-times keep their offset and every fractional digit as text: a TIMESTAMP would
    // normalise both away and the round trip would not give the event back.
    default:
      return 'string';
  }
}

export const parquetColumns: readonly ParquetColumn[] = csvColumns.map((canonical) => ({
  name: canonical.name,
  kind: kindOf(canonical),
  canonical,
}));

export const geometryColumn = 'geometry';
export const bboxColumn = 'bbox';
export const bboxFields = ['xmin', 'ymin', 'xmax', 'ymax'] as const;

function schemaElements(column: ParquetColumn): SchemaElement[] {
  const name = column.name;
  const repetition_type = 'OPTIONAL';
  switch (column.kind) {
    case 'string':
      return [
        {
          name,
          type: 'BYTE_ARRAY',
          converted_type: 'UTF8',
          logical_type: { type: 'STRING' },
          repetition_type,
        },
      ];
    case 'date':
      return [
        {
          name,
          type: 'INT32',
          converted_type: 'DATE',
          logical_type: { type: 'DATE' },
          repetition_type,
        },
      ];
    case 'int32':
      return [{ name, type: 'INT32', repetition_type }];
    case 'int64':
      return [{ name, type: 'INT64', repetition_type }];
    case 'double':
      return [{ name, type: 'DOUBLE', repetition_type }];
    case 'boolean':
      return [{ name, type: 'BOOLEAN', repetition_type }];
    case 'string-list':
      // The three-level list of the Parquet format spec (LogicalTypes.md, "Lists").
      return [
        {
          name,
          converted_type: 'LIST',
          logical_type: { type: 'LIST' },
          repetition_type,
          num_children: 1,
        },
        { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
        {
          name: 'element',
          type: 'BYTE_ARRAY',
          converted_type: 'UTF8',
          logical_type: { type: 'STRING' },
          repetition_type: 'REQUIRED',
        },
      ];
  }
}

/** The flattened Parquet schema of a file holding `columns` (partition columns left out). */
export function parquetSchema(columns: readonly ParquetColumn[]): SchemaElement[] {
  return [
    { name: 'schema', num_children: columns.length + 2 },
    ...columns.flatMap(schemaElements),
    { name: geometryColumn, type: 'BYTE_ARRAY', repetition_type: 'OPTIONAL' },
    // GeoParquet 1.1 bbox covering: a struct of four doubles, null where the geometry is.
    { name: bboxColumn, repetition_type: 'OPTIONAL', num_children: 4 },
    ...bboxFields.map(
      (field): SchemaElement => ({ name: field, type: 'DOUBLE', repetition_type: 'REQUIRED' }),
    ),
  ];
}
