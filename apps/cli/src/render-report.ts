import type { ValidationIssue, ValidationReport } from '@conflict-events/schema';

export const reportFormats = ['text', 'json', 'github'] as const;
export type ReportFormat = (typeof reportFormats)[number];

/** GitHub annotations are the default inside GitHub Actions, where they show on the diff. */
export function defaultReportFormat(env: NodeJS.ProcessEnv = process.env): ReportFormat {
  return env.GITHUB_ACTIONS === 'true' ? 'github' : 'text';
}

function where(issue: ValidationIssue): string {
  const parts = [issue.file ?? 'input'];
  if (issue.line !== undefined) parts.push(String(issue.line));
  else if (issue.row !== undefined) parts.push(`row ${issue.row}`);
  if (issue.line !== undefined && issue.column !== undefined) parts.push(String(issue.column));
  return parts.join(':');
}

function detail(issue: ValidationIssue): string {
  const bits: string[] = [];
  if (issue.field !== undefined) bits.push(`field ${issue.field}`);
  if (issue.pointer !== undefined) bits.push(`at ${issue.pointer}`);
  if (issue.eventId !== undefined) bits.push(`event ${issue.eventId}`);
  return bits.length > 0 ? ` (${bits.join(', ')})` : '';
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** What people read: one line per issue, then a summary per file and per code. */
export function renderText(report: ValidationReport): string {
  const lines = report.issues.map(
    (issue) => `${where(issue)}: ${issue.severity} ${issue.code}: ${issue.message}${detail(issue)}`,
  );
  if (lines.length > 0) lines.push('');
  for (const file of report.files) {
    lines.push(
      `${file.valid ? 'valid  ' : 'INVALID'} ${file.file}: ${plural(file.records, 'record')}, ${plural(file.events, 'event')}, ${file.rejected} rejected, ${plural(file.errors, 'error')}, ${plural(file.warnings, 'warning')}`,
    );
  }
  const codes = Object.entries(report.counts).sort(([a], [b]) => a.localeCompare(b));
  if (codes.length > 0) {
    lines.push('', 'issues by code:');
    for (const [code, count] of codes) lines.push(`  ${code}: ${count}`);
  }
  if (report.partial) {
    lines.push(
      '',
      `partial report: only the first ${report.maxErrors} issues are listed; the counts above cover them all (raise --max-errors to see more)`,
    );
  }
  lines.push(
    '',
    `${report.valid ? 'valid' : 'invalid'}: ${plural(report.errors, 'error')}, ${plural(report.warnings, 'warning')}, ${report.infos} info`,
  );
  return `${lines.join('\n')}\n`;
}

// GitHub's workflow-command escaping: data escapes % CR LF; property values also : and ,.
function escapeData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

const commandOf = { error: 'error', warning: 'warning', info: 'notice' } as const;

/** `::error file=…,line=…,col=…,title=CODE::message`, one per issue, then a notice summary. */
export function renderGithub(report: ValidationReport): string {
  const lines = report.issues.map((issue) => {
    const properties: string[] = [];
    if (issue.file !== undefined) properties.push(`file=${escapeProperty(issue.file)}`);
    const line = issue.line ?? issue.row;
    if (line !== undefined) properties.push(`line=${line}`);
    const column = issue.column ?? issue.fieldNumber;
    if (column !== undefined) properties.push(`col=${column}`);
    properties.push(`title=${escapeProperty(issue.code)}`);
    return `::${commandOf[issue.severity]} ${properties.join(',')}::${escapeData(issue.message + detail(issue))}`;
  });
  const summary = `${report.valid ? 'valid' : 'invalid'}: ${plural(report.errors, 'error')}, ${plural(report.warnings, 'warning')} in ${plural(report.files.length, 'file')}${report.partial ? ` (partial: only the first ${report.maxErrors} issues are annotated)` : ''}`;
  lines.push(`::notice title=conflict-events validate::${escapeData(summary)}`);
  return `${lines.join('\n')}\n`;
}

export function renderReport(report: ValidationReport, format: ReportFormat): string {
  if (format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  if (format === 'github') return renderGithub(report);
  return renderText(report);
}
