// The public entry: the model, its vocabularies, crosswalks and validation.

export * from './crosswalks/acled-event-types.ts';
export * from './crosswalks/acled-inter-codes.ts';
export * from './crosswalks/cameo.ts';
export type { CategoryCrosswalkRow } from './crosswalks/category-crosswalk.ts';
export * from './crosswalks/gleditsch-ward.ts';
export * from './crosswalks/plover.ts';
export * from './crosswalks/precision.ts';
export * from './crosswalks/ucdp-violence-types.ts';
export * from './dataset.ts';
export * from './event.ts';
export { toJsonPointer } from './json-pointer.ts';
export {
  type PublishedSchema,
  publishedSchemas,
  schemaBaseUri,
  toPublishedJsonSchema,
} from './json-schema.ts';
export { eventRules } from './rules/event-rules.ts';
export type { Rule, RuleContext, RuleFinding } from './rules/rule.ts';
export { type ShapeIssueCode, shapeIssueCodes } from './shape-issues.ts';
export * from './taxonomy/citations.ts';
export * from './taxonomy/event-categories.ts';
export * from './taxonomy/vocabularies.ts';
export * from './taxonomy/vocabulary-labels.ts';
export {
  checkRuleConfig,
  createEventValidator,
  type EventCheck,
  EventValidationError,
  type EventValidator,
  parseDataset,
  parseEvent,
  type RuleConfig,
  RuleConfigError,
  type RuleDescription,
  type RuleSetting,
  ruleCatalog,
  type SafeParseResult,
  safeParseDataset,
  safeParseEvent,
  type ValidateOptions,
  type ValidationResult,
  validateDataset,
  validateEvents,
} from './validate.ts';
export * from './validation-report.ts';
