import { FormatDetectionError, InputError, LimitError } from '@conflict-events/io';
import { RuleConfigError } from '@conflict-events/schema';

/** Exit codes shared by every command (DESIGN.md §6). */
export const exitCodes = {
  ok: 0,
  invalid: 1,
  usage: 2,
  interrupted: 130,
  terminated: 143,
} as const;

/** A mistake the user can fix (a missing file, a bad option): one line, exit 2, no stack. */
export class CliError extends Error {
  override name = 'CliError';
}

const fileErrorWords: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EISDIR: 'is a directory',
  ENOTDIR: 'a parent is not a directory',
  EEXIST: 'already exists',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
};

/** Why a file operation failed, in words; the error's message when its code is not known. */
export function fileErrorReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const words = code === undefined ? undefined : fileErrorWords[code];
  return words ?? (error instanceof Error ? error.message : String(error));
}

/** Node's file errors carry a code and a path; turn them into a sentence about the path. */
function describeFileError(error: NodeJS.ErrnoException): string | undefined {
  if (!error.code) return undefined;
  const words = fileErrorWords[error.code];
  if (!words) return undefined;
  return error.path ? `${error.path}: ${words}` : words;
}

/** The one line shown for an error: known errors in plain words, anything else by message. */
export function describeError(error: unknown): string {
  if (error instanceof CliError || error instanceof FormatDetectionError) return error.message;
  if (error instanceof LimitError) return `input too large: ${error.message}`;
  if (error instanceof InputError) return `unreadable input: ${error.message}`;
  if (error instanceof RuleConfigError) return `bad rule config: ${error.message}`;
  if (error instanceof Error) {
    return describeFileError(error as NodeJS.ErrnoException) ?? error.message;
  }
  return String(error);
}
