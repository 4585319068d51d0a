// The file's validation issues, as the command line reports them: severity, code, where
// (row, line or JSON pointer), field and message. An issue about a loaded event offers a
// button that selects it and flies the map to it; a rejected record has no event to show.
import type { ValidationIssue } from '@conflict-events/schema';
import { element, replaceChildren } from '../ui/dom.ts';
import { formatCount, plural } from '../ui/format-numbers.ts';
import type { IssueRow, LoadSummary } from '../worker/protocol.ts';

/** Rows drawn at most; the panel says how many more there are. */
const maxRows = 1000;

export interface ValidationPanelCallbacks {
  show(eventIndex: number): void;
}

/** Where an issue is, in the words of the file's own layout. */
export function issuePlace(issue: ValidationIssue): string {
  const parts: string[] = [];
  if (issue.row !== undefined) parts.push(`row ${issue.row}`);
  else if (issue.line !== undefined) parts.push(`line ${issue.line}`);
  if (issue.pointer !== undefined && issue.row === undefined) parts.push(issue.pointer);
  return parts.join(' ') || 'whole file';
}

export class ValidationPanel {
  constructor(
    private readonly summary: HTMLElement,
    private readonly body: HTMLTableSectionElement,
    private readonly callbacks: ValidationPanelCallbacks,
  ) {}

  show(rows: readonly IssueRow[], loaded: LoadSummary): void {
    const counts = `${plural(loaded.errors, 'error')}, ${plural(loaded.warnings, 'warning')}, ${formatCount(loaded.infos)} info`;
    const accounting = `${plural(loaded.records, 'record')}: ${plural(loaded.events, 'event')} loaded, ${formatCount(loaded.rejected)} rejected.`;
    const shown =
      rows.length > maxRows || loaded.issuesTruncated
        ? ` The first ${formatCount(Math.min(rows.length, maxRows))} issues are listed.`
        : '';
    this.summary.textContent = `${counts}. ${accounting}${shown}`;
    replaceChildren(this.body, ...rows.slice(0, maxRows).map((row) => this.row(row)));
  }

  clear(): void {
    this.summary.textContent = 'No file is open.';
    replaceChildren(this.body);
  }

  private row({ issue, eventIndex }: IssueRow): HTMLTableRowElement {
    let action: Node | string;
    if (eventIndex === undefined) {
      action = issue.severity === 'error' ? 'not loaded' : '—';
    } else {
      const button = element(
        'button',
        { type: 'button', class: 'link-button', 'data-event-index': eventIndex },
        'Show',
      );
      button.addEventListener('click', () => this.callbacks.show(eventIndex));
      action = button;
    }
    return element(
      'tr',
      { class: `issue issue-${issue.severity}` },
      element(
        'td',
        {},
        element('span', { class: `severity severity-${issue.severity}` }, issue.severity),
      ),
      element('td', {}, element('code', {}, issue.code)),
      element('td', {}, issuePlace(issue)),
      element('td', {}, issue.field ?? ''),
      element('td', {}, issue.message, issue.value === undefined ? '' : ` (value: ${issue.value})`),
      element('td', {}, action),
    );
  }
}
