import { type Dataset, DatasetSchema } from './dataset.ts';
import { type ConflictEvent, ConflictEventSchema, matchEventShape } from './event.ts';
import { toJsonPointer } from './json-pointer.ts';
import { eventRules } from './rules/event-rules.ts';
import { IdSet } from './rules/id-set.ts';
import type { Rule } from './rules/rule.ts';
import { describeValue, shapeIssueCodes, shapeIssuesFromZod } from './shape-issues.ts';
import type { Severity } from './taxonomy/vocabularies.ts';
import type { ValidationIssue } from './validation-report.ts';

export type RuleSetting = Severity | 'off';
/** Per rule code: a new severity, or `off`. */
export type RuleConfig = Readonly<Record<string, RuleSetting>>;

export interface ValidateOptions {
  /** Re-grade or switch off rules by code. Shape errors cannot be switched off. */
  rules?: RuleConfig;
  /** Check the shape only, no rules. Default false. */
  skipRules?: boolean;
  /** Today as YYYY-MM-DD for `date-in-future`. Default: the current UTC date. */
  today?: string;
}

export interface RuleDescription {
  code: string;
  severity: Severity;
  description: string;
  /** `shape` issues come from the schema and cannot be switched off. */
  layer: 'shape' | 'rule';
}

const duplicateIdRule = {
  code: 'duplicate-id',
  severity: 'error',
  description: 'Every event id must be unique across the whole input.',
} as const;

/** Every issue code the validator can report, with its default severity. */
export const ruleCatalog: readonly RuleDescription[] = [
  ...Object.entries(shapeIssueCodes).map(([code, description]) => ({
    code,
    severity: 'error' as const,
    description,
    layer: 'shape' as const,
  })),
  ...[...eventRules, duplicateIdRule].map(({ code, severity, description }) => ({
    code,
    severity,
    description,
    layer: 'rule' as const,
  })),
];

const ruleCodes = new Set([...eventRules.map((rule) => rule.code), duplicateIdRule.code]);
const settings = new Set<string>(['off', 'error', 'warning', 'info']);

export class RuleConfigError extends Error {
  override name = 'RuleConfigError';
}

/** Checks a rule config: unknown codes and settings are errors, so a typo is not ignored. */
export function checkRuleConfig(config: Readonly<Record<string, unknown>>): RuleConfig {
  for (const [code, setting] of Object.entries(config)) {
    if (!ruleCodes.has(code)) {
      const hint = Object.hasOwn(shapeIssueCodes, code)
        ? ' (shape errors cannot be configured)'
        : '';
      throw new RuleConfigError(
        `unknown rule "${code}"${hint}; rules are: ${[...ruleCodes].join(', ')}`,
      );
    }
    if (typeof setting !== 'string' || !settings.has(setting)) {
      throw new RuleConfigError(`rule "${code}": setting must be one of off, error, warning, info`);
    }
  }
  return config as RuleConfig;
}

function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

export interface EventCheck {
  /** The parsed event, when the shape is valid (even if rules found problems). */
  event?: ConflictEvent;
  issues: ValidationIssue[];
}

export interface EventValidator {
  /** Checks one value; `path` locates it in its document for JSON pointers (e.g. ["events", 3]). */
  check(value: unknown, path?: readonly PropertyKey[]): EventCheck;
  /** Applies the rules (and the duplicate-id check) to an event whose shape is already valid. */
  checkRules(event: ConflictEvent, path?: readonly PropertyKey[]): ValidationIssue[];
}

/**
 * A validator holds the state of cross-record rules (ids seen so far), so one validator
 * checks one input stream from start to end.
 */
export function createEventValidator(options: ValidateOptions = {}): EventValidator {
  const config = checkRuleConfig(options.rules ?? {});
  const context = { today: options.today ?? todayUtc() };
  const active: { rule: Rule; severity: Severity }[] = [];
  if (!options.skipRules) {
    for (const rule of eventRules) {
      const setting = config[rule.code] ?? rule.severity;
      if (setting !== 'off') active.push({ rule, severity: setting });
    }
  }
  const duplicateSetting = options.skipRules
    ? 'off'
    : (config[duplicateIdRule.code] ?? duplicateIdRule.severity);
  const seen = new IdSet();

  function checkRules(event: ConflictEvent, path: readonly PropertyKey[] = []): ValidationIssue[] {
    const issues: ValidationIssue[] = [];
    for (const { rule, severity } of active) {
      const found = rule.check(event, context);
      if (!found) continue;
      for (const finding of found) {
        const issue: ValidationIssue = {
          code: rule.code,
          severity,
          message: finding.message,
          pointer: toJsonPointer([...path, ...finding.path]),
          eventId: event.id,
        };
        const text = describeValue(finding.value);
        if (text !== undefined) issue.value = text;
        issues.push(issue);
      }
    }
    if (duplicateSetting !== 'off' && !seen.add(event.id)) {
      issues.push({
        code: duplicateIdRule.code,
        severity: duplicateSetting,
        message: `id "${event.id}" is already used by an earlier event in this input`,
        pointer: toJsonPointer([...path, 'id']),
        eventId: event.id,
        value: event.id,
      });
    }
    return issues;
  }

  return {
    check(value, path = []) {
      const event = matchEventShape(value);
      if (event !== undefined) return { event, issues: checkRules(event, path) };
      const parsed = ConflictEventSchema.safeParse(value);
      if (!parsed.success) return { issues: shapeIssuesFromZod(parsed.error.issues, value, path) };
      return { event: parsed.data, issues: checkRules(parsed.data, path) };
    },
    checkRules,
  };
}

export interface ValidationResult {
  /** True when no issue is an error. */
  valid: boolean;
  /** Values checked. */
  checked: number;
  /** Values whose shape was valid. */
  events: number;
  errors: number;
  warnings: number;
  infos: number;
  issues: ValidationIssue[];
}

function emptyResult(): ValidationResult {
  return { valid: true, checked: 0, events: 0, errors: 0, warnings: 0, infos: 0, issues: [] };
}

function addCheck(result: ValidationResult, check: EventCheck): void {
  result.checked += 1;
  if (check.event) result.events += 1;
  for (const issue of check.issues) {
    if (issue.severity === 'error') {
      result.errors += 1;
      result.valid = false;
    } else if (issue.severity === 'warning') result.warnings += 1;
    else result.infos += 1;
    result.issues.push(issue);
  }
}

function isAsyncIterable(value: object): value is AsyncIterable<unknown> {
  return Symbol.asyncIterator in value;
}

/**
 * Validates a sequence of values as events: shape, then rules, then duplicate ids across the
 * whole sequence. Pointers are `/<index>/…`. Sync for iterables, a promise for async ones.
 */
export function validateEvents(
  events: Iterable<unknown>,
  options?: ValidateOptions,
): ValidationResult;
export function validateEvents(
  events: AsyncIterable<unknown>,
  options?: ValidateOptions,
): Promise<ValidationResult>;
export function validateEvents(
  events: Iterable<unknown> | AsyncIterable<unknown>,
  options: ValidateOptions = {},
): ValidationResult | Promise<ValidationResult> {
  const validator = createEventValidator(options);
  const result = emptyResult();
  if (isAsyncIterable(events)) {
    return (async () => {
      let index = 0;
      for await (const value of events) addCheck(result, validator.check(value, [index++]));
      return result;
    })();
  }
  let index = 0;
  for (const value of events) addCheck(result, validator.check(value, [index++]));
  return result;
}

/**
 * Validates a dataset document: the envelope's shape, then every event (shape and rules)
 * with pointers `/events/<index>/…`.
 */
export function validateDataset(value: unknown, options: ValidateOptions = {}): ValidationResult {
  const result = emptyResult();
  const isObject = value !== null && typeof value === 'object' && !Array.isArray(value);
  const { events, ...envelope } = isObject
    ? (value as Record<string, unknown>)
    : { events: undefined };
  const checked = DatasetSchema.omit({ events: true }).safeParse(isObject ? envelope : value);
  if (!checked.success) {
    for (const issue of shapeIssuesFromZod(checked.error.issues, value)) addIssue(result, issue);
  }
  if (!Array.isArray(events)) {
    addIssue(result, {
      code: events === undefined ? 'missing-field' : 'type-error',
      severity: 'error',
      message: events === undefined ? 'events is required' : 'events must be an array',
      pointer: '/events',
    });
    return result;
  }
  const validator = createEventValidator(options);
  events.forEach((event, index) => {
    addCheck(result, validator.check(event, ['events', index]));
  });
  return result;
}

function addIssue(result: ValidationResult, issue: ValidationIssue): void {
  result.errors += 1;
  result.valid = false;
  result.issues.push(issue);
}

export class EventValidationError extends Error {
  override name = 'EventValidationError';
  constructor(readonly issues: readonly ValidationIssue[]) {
    const first = issues[0];
    super(
      first
        ? `${first.pointer ?? ''} ${first.message}`.trim() +
            (issues.length > 1 ? ` (and ${issues.length - 1} more)` : '')
        : 'invalid',
    );
  }
}

export type SafeParseResult<T> =
  | { success: true; data: T }
  | { success: false; issues: ValidationIssue[] };

/**
 * Parses one event's shape; the rules are not applied (use validateEvents for those). A valid
 * value is returned with its keys in the schema's order: as it is when they already are,
 * else copied as far as needed.
 */
export function safeParseEvent(value: unknown): SafeParseResult<ConflictEvent> {
  const event = matchEventShape(value);
  if (event !== undefined) return { success: true, data: event };
  const parsed = ConflictEventSchema.safeParse(value);
  return parsed.success
    ? { success: true, data: parsed.data }
    : { success: false, issues: shapeIssuesFromZod(parsed.error.issues, value) };
}

/** Parses one event's shape or throws an EventValidationError listing every issue. */
export function parseEvent(value: unknown): ConflictEvent {
  const result = safeParseEvent(value);
  if (!result.success) throw new EventValidationError(result.issues);
  return result.data;
}

export function safeParseDataset(value: unknown): SafeParseResult<Dataset> {
  const parsed = DatasetSchema.safeParse(value);
  return parsed.success
    ? { success: true, data: parsed.data }
    : { success: false, issues: shapeIssuesFromZod(parsed.error.issues, value) };
}

/** Parses a dataset's shape (envelope and events) or throws an EventValidationError. */
export function parseDataset(value: unknown): Dataset {
  const result = safeParseDataset(value);
  if (!result.success) throw new EventValidationError(result.issues);
  return result.data;
}
