import { z } from 'zod';
import { compileShapeParser, markProtoKeyStep } from './compiled-check.ts';
import { disorderTypes, eventCategories, eventSubTypes } from './taxonomy/event-categories.ts';
import {
  actorKinds,
  actorRoles,
  actorSides,
  datePrecisionSchemes,
  datePrecisions,
  locationPrecisionSchemes,
  locationPrecisions,
  ploverCategories,
  sourceKinds,
} from './taxonomy/vocabularies.ts';

// Every object is strict: an unknown or misspelt key is an error, never silently dropped.
// Data the model has no field for goes to `provenance.unmapped` or `extensions`.

const text = z.string().min(1);
// zod skips a "__proto__" key of a record silently (so it cannot replace the prototype);
// report it instead, so nothing is dropped unseen and zod agrees with the JSON Schema.
const safeKey = z.string().regex(/^(?!__proto__$)/, 'the key "__proto__" is not allowed');

/** Refuses an own "__proto__" key with an issue; the value itself is not changed. */
const refuseProtoKey = markProtoKeyStep((input: unknown, context: z.RefinementCtx) => {
  if (input !== null && typeof input === 'object' && Object.hasOwn(input, '__proto__')) {
    context.issues.push({
      code: 'invalid_key',
      origin: 'record',
      issues: [],
      input: '__proto__',
      path: ['__proto__'],
      message: 'the key "__proto__" is not allowed',
    });
  }
  return input;
});

/** A string-keyed record that refuses the key "__proto__" with an issue. */
export function safeRecord<Value extends z.ZodType>(value: Value) {
  return z.preprocess(refuseProtoKey, z.record(safeKey, value));
}
const isoDate = z.iso.date().describe('A calendar date, YYYY-MM-DD.');
const isoDateTime = z.iso.datetime({ offset: true }).describe('An ISO 8601 date-time with offset.');
const count = z.number().int().min(0);
const iso3 = z
  .string()
  .regex(/^[A-Z]{3}$/)
  .describe('ISO 3166-1 alpha-3 country code.');

export const EventDateSchema = z
  .strictObject({
    start: isoDate.describe('First day the event may have happened on.'),
    end: isoDate.describe('Last day the event may have happened on; equal to start for one day.'),
    precision: z.enum(datePrecisions),
    sourcePrecision: z
      .strictObject({
        scheme: z.enum(datePrecisionSchemes),
        code: z.number().int().min(1).max(5),
      })
      .optional()
      .describe("The source dataset's own date precision code, kept verbatim."),
  })
  .meta({
    id: 'EventDate',
    description: 'When it happened. Rule `date-order` checks end >= start.',
  });

export const PointSchema = z
  .strictObject({
    lat: z.number().min(-90).max(90),
    lon: z.number().min(-180).max(180),
  })
  .meta({ id: 'Point', description: 'A WGS84 point, decimal degrees.' });

export const LocationSchema = z
  .strictObject({
    country: z
      .union([iso3, z.literal('none')])
      .optional()
      .describe(
        'ISO alpha-3 code; "none" for international waters or airspace; absent when unknown.',
      ),
    countryName: text.optional().describe('The country as the source names it.'),
    region: text.optional().describe("The source's world region, e.g. ACLED's `region`."),
    admin1: text.optional(),
    admin1Code: text.optional().describe('P-code or other code of admin1.'),
    admin2: text.optional(),
    admin2Code: text.optional(),
    admin3: text.optional(),
    admin3Code: text.optional(),
    place: text.optional().describe('The named place the coordinates stand for.'),
    description: text
      .optional()
      .describe('Where it happened in the words of the report, e.g. "along the border between…".'),
    point: PointSchema.optional(),
    precision: z.enum(locationPrecisions),
    sourcePrecision: z
      .strictObject({
        scheme: z.enum(locationPrecisionSchemes),
        code: z.number().int().min(0).max(7),
      })
      .optional()
      .describe("The source dataset's own location precision code, kept verbatim."),
  })
  .meta({ id: 'Location', description: 'Where it happened.' });

export const AcledCodingSchema = z
  .strictObject({
    eventType: text,
    subEventType: text.optional(),
    disorderType: text.optional(),
    inter1: text.optional().describe('Verbatim: a code 0–8 or a text label.'),
    inter2: text.optional(),
    interaction: text.optional().describe('Verbatim: a two-digit code or "A-B" labels.'),
    sourceScale: text.optional(),
  })
  .meta({ id: 'AcledCoding', description: 'ACLED codes as printed in the source record.' });

export const UcdpCodingSchema = z
  .strictObject({
    typeOfViolence: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    conflictId: count.optional(),
    conflictName: text.optional(),
    dyadId: count.optional(),
    dyadName: text.optional(),
    eventClarity: z.union([z.literal(1), z.literal(2)]).optional(),
  })
  .meta({ id: 'UcdpCoding', description: 'UCDP GED codes.' });

export const CameoCodingSchema = z
  .strictObject({
    eventCode: z
      .string()
      .regex(/^\d{2,4}$/)
      .describe('CAMEO event code with leading zeros, e.g. "0231".'),
    baseCode: z
      .string()
      .regex(/^\d{2,3}$/)
      .optional(),
    rootCode: z.string().regex(/^(0[1-9]|1\d|20)$/),
    quadClass: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
    goldstein: z.number().min(-10).max(10).optional(),
    numMentions: count.optional().describe('GDELT NumMentions.'),
    numSources: count.optional().describe('GDELT NumSources.'),
    numArticles: count.optional().describe('GDELT NumArticles.'),
    avgTone: z.number().min(-100).max(100).optional().describe('GDELT AvgTone, -100 to 100.'),
  })
  .meta({ id: 'CameoCoding', description: 'CAMEO coding, as GDELT records it.' });

export const PloverCodingSchema = z
  .strictObject({
    category: z.enum(ploverCategories),
    modes: z.array(text).optional(),
    contexts: z.array(text).optional(),
  })
  .meta({ id: 'PloverCoding', description: 'PLOVER coding.' });

export const EventTypeSchema = z
  .strictObject({
    category: z
      .enum(eventCategories)
      .optional()
      .describe('Core category; absent when no conflict category applies.'),
    subType: z.enum(eventSubTypes).optional(),
    disorder: z.array(z.enum(disorderTypes)).optional(),
    acled: AcledCodingSchema.optional(),
    ucdp: UcdpCodingSchema.optional(),
    cameo: CameoCodingSchema.optional(),
    plover: PloverCodingSchema.optional(),
  })
  .meta({
    id: 'EventType',
    description: 'What happened: the core taxonomy plus codings kept verbatim from other schemes.',
  });

export const ActorSchema = z
  .strictObject({
    name: text.describe(
      'The name as coded; for an unknown party, a description such as "Unidentified".',
    ),
    side: z
      .enum(actorSides)
      .describe('Side a acts; side b is acted on (the victims in one-sided violence).'),
    role: z.enum(actorRoles),
    kind: z.enum(actorKinds),
    unidentified: z
      .literal(true)
      .optional()
      .describe('Present when the source does not say who this actor is.'),
    country: iso3.optional(),
    ids: z
      .strictObject({
        ucdp: count.optional(),
        cameo: z
          .string()
          .regex(/^[A-Z0-9]{3,}$/)
          .optional(),
        wikidata: z
          .string()
          .regex(/^Q[1-9]\d*$/)
          .optional(),
      })
      .optional(),
  })
  .meta({ id: 'Actor', description: 'A party to the event.' });

export const FatalityFigureSchema = z
  .strictObject({
    best: count,
    low: count.optional(),
    high: count.optional(),
  })
  .meta({
    id: 'FatalityFigure',
    description:
      'A death toll: best estimate with optional bounds. Rule `fatalities-order` checks low <= best <= high.',
  });

export const FatalitiesSchema = z
  .discriminatedUnion('known', [
    z
      .strictObject({ known: z.literal(false) })
      .describe('No toll was reported. Not the same as zero.'),
    z
      .strictObject({
        known: z.literal(true),
        best: count,
        low: count.optional(),
        high: count.optional(),
        breakdown: z
          .strictObject({
            sideA: count.optional(),
            sideB: count.optional(),
            civilians: count.optional(),
            unknown: count.optional(),
          })
          .optional(),
      })
      .describe('A reported toll; best 0 means reported none.'),
  ])
  .meta({ id: 'Fatalities', description: 'How many died. Unknown is not zero.' });

export const SourceClaimSchema = z
  .strictObject({
    fatalities: FatalityFigureSchema.optional(),
    attribution: text.optional().describe('Who this source says was responsible.'),
    statement: text.optional().describe('What the source said, quoted or summarised.'),
  })
  .meta({ id: 'SourceClaim', description: 'What this source claimed about the event.' });

export const SourceSchema = z
  .strictObject({
    name: text,
    kind: z.enum(sourceKinds),
    url: z.url().optional(),
    title: text.optional(),
    published: isoDate.optional(),
    via: text
      .optional()
      .describe('The report through which this source is known, e.g. the agency quoting it.'),
    claim: SourceClaimSchema.optional(),
  })
  .meta({ id: 'Source', description: 'A report the event is based on.' });

export const ProvenanceSchema = z
  .strictObject({
    dataset: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/)
      .describe('acled, ucdp-ged, gdelt, plover, hxl, manual, …'),
    datasetVersion: text.optional(),
    layout: text
      .optional()
      .describe('The source layout the record was read from, e.g. "acled-2023".'),
    recordId: text.optional().describe('The id in the source dataset, verbatim.'),
    modified: isoDateTime.optional().describe('When the source last changed the record.'),
    retrieved: isoDateTime.optional(),
    codedBy: text.optional(),
    licence: text.optional(),
    attribution: text.optional(),
    unmapped: safeRecord(z.union([z.string(), z.number(), z.boolean(), z.null()]))
      .optional()
      .describe("The source record's fields the model has no place for, verbatim."),
  })
  .meta({ id: 'Provenance', description: 'Where the record came from.' });

export const ConflictEventSchema = z
  .strictObject({
    id: text.describe('Stable id; imported events keep the source id, namespaced ("ucdp:389823").'),
    date: EventDateSchema,
    location: LocationSchema,
    type: EventTypeSchema,
    actors: z.array(ActorSchema),
    fatalities: FatalitiesSchema,
    sources: z.array(SourceSchema),
    civilianTargeting: z.boolean().optional(),
    notes: text.optional(),
    tags: z.array(text).optional(),
    provenance: ProvenanceSchema,
    extensions: safeRecord(z.unknown()).optional().describe('Data for other tools, kept as is.'),
  })
  .meta({
    id: 'ConflictEvent',
    description: 'One thing that happened on one day (or a stated date range) at one place.',
  });

/**
 * The value as a ConflictEvent when zod would accept it, with every object's keys in the
 * schema's order (the same object when they already are), else undefined: the schema
 * compiled once into plain JavaScript, for hot paths (millions of events). A value it
 * refuses goes to zod for the issues; see `compiled-check.ts`.
 */
export const matchEventShape: (value: unknown) => ConflictEvent | undefined =
  compileShapeParser(ConflictEventSchema);

/** True exactly when zod would accept the value as a ConflictEvent (see matchEventShape). */
export function isConflictEventShape(value: unknown): value is ConflictEvent {
  return matchEventShape(value) !== undefined;
}

export type EventDate = z.infer<typeof EventDateSchema>;
export type Point = z.infer<typeof PointSchema>;
export type Location = z.infer<typeof LocationSchema>;
export type AcledCoding = z.infer<typeof AcledCodingSchema>;
export type UcdpCoding = z.infer<typeof UcdpCodingSchema>;
export type CameoCoding = z.infer<typeof CameoCodingSchema>;
export type PloverCoding = z.infer<typeof PloverCodingSchema>;
export type EventType = z.infer<typeof EventTypeSchema>;
export type Actor = z.infer<typeof ActorSchema>;
export type FatalityFigure = z.infer<typeof FatalityFigureSchema>;
export type Fatalities = z.infer<typeof FatalitiesSchema>;
export type SourceClaim = z.infer<typeof SourceClaimSchema>;
export type Source = z.infer<typeof SourceSchema>;
export type Provenance = z.infer<typeof ProvenanceSchema>;
export type ConflictEvent = z.infer<typeof ConflictEventSchema>;
