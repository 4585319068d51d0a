import { z } from 'zod';
import { ConflictEventSchema } from './event.ts';

/** The version of the model this package defines; datasets carry it. */
export const SCHEMA_VERSION = '1.0.0';

export const DatasetSourceSchema = z
  .strictObject({
    name: z.string().min(1),
    url: z.url().optional(),
    version: z.string().min(1).optional(),
    retrieved: z.iso.datetime({ offset: true }).optional(),
    licence: z.string().min(1).optional(),
    citation: z.string().min(1).optional(),
  })
  .meta({ id: 'DatasetSource', description: 'A dataset or document the events were built from.' });

export const DatasetSchema = z
  .strictObject({
    schemaVersion: z
      .string()
      .regex(/^1\.\d+\.\d+$/)
      .describe('Semantic version of the event model, major 1.'),
    title: z.string().min(1),
    description: z.string().optional(),
    licence: z.string().min(1).optional(),
    attribution: z.string().min(1).optional(),
    generatedAt: z.iso.datetime({ offset: true }),
    sources: z.array(DatasetSourceSchema).optional(),
    events: z.array(ConflictEventSchema),
  })
  .meta({
    id: 'Dataset',
    description: 'Conflict events with the metadata to cite and reuse them.',
  });

export type DatasetSource = z.infer<typeof DatasetSourceSchema>;
export type Dataset = z.infer<typeof DatasetSchema>;
