// Encoding problems collect on the decoded text while its chunks are read. A reader moves
// each into the batch it is building when found, so that the issue sits among the records
// read around it rather than all at the end.
import type { ValidationIssue } from '@conflict-events/schema';
import type { TextInput } from './text-decode.ts';

/** A function that hands `report` the encoding issues found since it was last called. */
export function encodingIssueMover(
  text: Pick<TextInput, 'issues'>,
  report: (issue: ValidationIssue) => void,
): () => void {
  let moved = 0;
  return () => {
    while (moved < text.issues.length) {
      const issue = text.issues[moved++];
      if (issue) report(issue);
    }
  };
}
