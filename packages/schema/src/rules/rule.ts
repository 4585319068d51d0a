import type { ConflictEvent } from '../event.ts';
import type { Severity } from '../taxonomy/vocabularies.ts';

/** What a rule found wrong with one event. */
export interface RuleFinding {
  /** Path inside the event, turned into a JSON pointer in the issue. */
  path: readonly PropertyKey[];
  message: string;
  value?: unknown;
}

export interface RuleContext {
  /** Today as YYYY-MM-DD (UTC), for `date-in-future`. */
  today: string;
}

/** A check the shape alone cannot make; `check` runs on events that passed the shape. */
export interface Rule {
  code: string;
  severity: Severity;
  description: string;
  check(event: ConflictEvent, context: RuleContext): RuleFinding[] | undefined;
}
