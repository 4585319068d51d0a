import { z } from 'zod';
import { safeRecord } from './event.ts';
import { severities } from './taxonomy/vocabularies.ts';

export const ValidationIssueSchema = z
  .strictObject({
    code: z
      .string()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
      .describe('Stable code: a Frictionless error type where one fits, else a rule code.'),
    severity: z.enum(severities),
    message: z.string().min(1).describe('What is wrong, in words a person understands.'),
    file: z.string().optional(),
    row: z
      .number()
      .int()
      .min(1)
      .optional()
      .describe('Row number counting the header as row 1, as Frictionless does.'),
    line: z.number().int().min(1).optional().describe('Physical line the record starts on.'),
    column: z.number().int().min(1).optional(),
    field: z.string().optional().describe('Field (column) name.'),
    fieldNumber: z.number().int().min(1).optional(),
    pointer: z
      .string()
      .optional()
      .describe('JSON pointer (RFC 6901) into the event or input document.'),
    byteOffset: z.number().int().min(0).optional(),
    eventId: z.string().optional(),
    value: z.string().optional().describe('The offending value as text, possibly truncated.'),
  })
  .meta({ id: 'ValidationIssue', description: 'One problem found in the input.' });

export const ValidationFileSummarySchema = z
  .strictObject({
    file: z.string(),
    valid: z.boolean(),
    records: z.number().int().min(0),
    events: z.number().int().min(0),
    rejected: z.number().int().min(0),
    errors: z.number().int().min(0),
    warnings: z.number().int().min(0),
  })
  .meta({ id: 'ValidationFileSummary' });

export const ValidationReportSchema = z
  .strictObject({
    valid: z.boolean().describe('True when no issue has severity error.'),
    partial: z
      .boolean()
      .describe('True when the error limit was reached and issues were left out.'),
    maxErrors: z.number().int().min(1),
    errors: z.number().int().min(0).describe('Errors found, including those left out of `issues`.'),
    warnings: z.number().int().min(0),
    infos: z.number().int().min(0),
    counts: safeRecord(z.number().int().min(0)).describe('Issues per code.'),
    files: z.array(ValidationFileSummarySchema),
    issues: z.array(ValidationIssueSchema),
  })
  .meta({
    id: 'ValidationReport',
    description: 'The result of validating one or more event files.',
  });

export type ValidationIssue = z.infer<typeof ValidationIssueSchema>;
export type ValidationFileSummary = z.infer<typeof ValidationFileSummarySchema>;
export type ValidationReport = z.infer<typeof ValidationReportSchema>;
