// A bound on how deep a JSON record nests, shared by every reader of JSON text: checked
// before anything recurses over a parsed value, and the issue that rejects a record past it.
import type { ValidationIssue } from '@conflict-events/schema';

/**
 * Whether JSON text nests arrays and objects deeper than `maxDepth`. Brackets inside strings
 * do not count. Checked before a parsed record reaches code that recurses over it (the
 * schema check, JSON.stringify), which would overflow the stack on hostile input.
 */
export function nestsDeeperThan(text: string, maxDepth: number): boolean {
  // Going deeper than maxDepth takes more than maxDepth opening brackets.
  if (text.length <= maxDepth) return false;
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === 0x5c) index++;
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) inString = true;
    else if (code === 0x7b || code === 0x5b) {
      depth++;
      if (depth > maxDepth) return true;
    } else if (code === 0x7d || code === 0x5d) depth--;
  }
  return false;
}

/** The issue of a record (or member) nested deeper than `maxDepth`; its position is added by the caller. */
export function nestingIssue(maxDepth: number): ValidationIssue {
  return {
    code: 'nesting-too-deep',
    severity: 'error',
    message: `arrays and objects are nested deeper than ${maxDepth} levels (option maxDepth)`,
  };
}
