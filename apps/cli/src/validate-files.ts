import { convert } from '@conflict-events/io';
import type {
  RuleConfig,
  ValidationFileSummary,
  ValidationIssue,
  ValidationReport,
} from '@conflict-events/schema';
import { discardSink, eventTap } from './event-tap.ts';
import { checkInputs, expandFolders, inputBytes, standardStream } from './files.ts';
import type { Progress } from './progress.ts';
import { registry } from './registry.ts';

export interface ValidateJob {
  files: readonly string[];
  from?: string;
  rules: RuleConfig;
  maxErrors: number;
  progress?: Progress;
}

const tap = eventTap(() => undefined);

/**
 * Reads every file with `convert` into a writer that keeps nothing, so any readable format
 * can be validated, and gathers one report: issues up to `maxErrors` across all files,
 * counts over every issue found.
 */
export async function validateFiles(job: ValidateJob): Promise<ValidationReport> {
  const expanded = await expandFolders(job.files);
  await checkInputs(expanded.inputs);
  const counts: Record<string, number> = {};
  const issues: ValidationIssue[] = [];
  const files: ValidationFileSummary[] = [];
  let partial = false;
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const file of expanded.inputs) {
    const stats = await convert({
      input: inputBytes(file),
      fileName: file === standardStream ? 'stdin' : file,
      registry,
      to: tap,
      output: discardSink,
      rules: { rules: job.rules },
      maxIssues: job.maxErrors - issues.length,
      onIssue(issue) {
        counts[issue.code] = (counts[issue.code] ?? 0) + 1;
      },
      readOptions: expanded.readOptions.get(file) ?? {},
      ...(job.from !== undefined ? { from: job.from } : {}),
      ...(job.progress !== undefined ? { onProgress: job.progress.nextInput() } : {}),
    });
    issues.push(...stats.issues);
    partial ||= stats.issuesTruncated;
    errors += stats.errors;
    warnings += stats.warnings;
    infos += stats.infos;
    files.push({
      file,
      valid: stats.errors === 0,
      records: stats.records,
      events: stats.events,
      rejected: stats.rejected,
      errors: stats.errors,
      warnings: stats.warnings,
    });
  }
  return {
    valid: errors === 0,
    partial,
    maxErrors: job.maxErrors,
    errors,
    warnings,
    infos,
    counts,
    files,
    issues,
  };
}
