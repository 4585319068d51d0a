// The declarations json-schema-to-typescript writes from schemas/*.schema.json must say
// exactly what the zod-inferred types say: each is assignable to the other.
import { expectTypeOf, test } from 'vitest';
import type * as FromConflictEventSchema from '../../../schemas/conflict-event.d.ts';
import type * as FromDatasetSchema from '../../../schemas/dataset.d.ts';
import type * as FromReportSchema from '../../../schemas/validation-report.d.ts';
import type {
  Actor,
  ConflictEvent,
  Dataset,
  EventDate,
  Fatalities,
  Location,
  Provenance,
  Source,
  ValidationIssue,
  ValidationReport,
} from '../src/index.ts';

test('conflict-event.schema.json declares the zod ConflictEvent', () => {
  expectTypeOf<FromConflictEventSchema.ConflictEvent>().toEqualTypeOf<ConflictEvent>();
  expectTypeOf<FromConflictEventSchema.Actor>().toEqualTypeOf<Actor>();
  expectTypeOf<FromConflictEventSchema.EventDate>().toEqualTypeOf<EventDate>();
  expectTypeOf<FromConflictEventSchema.Location>().toEqualTypeOf<Location>();
  expectTypeOf<FromConflictEventSchema.Fatalities>().toEqualTypeOf<Fatalities>();
  expectTypeOf<FromConflictEventSchema.Source>().toEqualTypeOf<Source>();
  expectTypeOf<FromConflictEventSchema.Provenance>().toEqualTypeOf<Provenance>();
});

test('dataset.schema.json declares the zod Dataset', () => {
  expectTypeOf<FromDatasetSchema.Dataset>().toEqualTypeOf<Dataset>();
});

test('validation-report.schema.json declares the zod ValidationReport', () => {
  expectTypeOf<FromReportSchema.ValidationReport>().toEqualTypeOf<ValidationReport>();
  expectTypeOf<FromReportSchema.ValidationIssue>().toEqualTypeOf<ValidationIssue>();
});
