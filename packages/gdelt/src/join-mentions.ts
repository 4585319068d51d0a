import {
  type Batch,
  type CommonReadOptions,
  defaultBatchSize,
  readDelimited,
  resolveLimits,
} from '@conflict-events/io';
import type { Source, ValidationIssue } from '@conflict-events/schema';

// The GDELT 2.0 mentions table (gdelt2, "Mentions table"): one row per article that mentions
// an event, 16 tab-separated fields, no header.
export const mentionFields = Object.freeze([
  'GLOBALEVENTID',
  'EventTimeDate',
  'MentionTimeDate',
  'MentionType',
  'MentionSourceName',
  'MentionIdentifier',
  'SentenceID',
  'Actor1CharOffset',
  'Actor2CharOffset',
  'ActionCharOffset',
  'InRawText',
  'Confidence',
  'MentionDocLen',
  'MentionDocTone',
  'MentionDocTranslationInfo',
  'Extras',
] as const);

const at = (field: (typeof mentionFields)[number]) => mentionFields.indexOf(field);

// MentionType 1 (WEB) has a URL as MentionIdentifier; the other types (citation only, CORE,
// DTIC, JSTOR, non-textual) have an opaque identifier, so they become sources without a URL.
function mentionSource(cells: readonly string[]): Source | undefined {
  const name = cells[at('MentionSourceName')] ?? '';
  const identifier = cells[at('MentionIdentifier')] ?? '';
  const isWeb = cells[at('MentionType')] === '1';
  const url =
    isWeb && /^https?:\/\//i.test(identifier) && URL.canParse(identifier) ? identifier : undefined;
  const sourceName = name !== '' ? name : url ? new URL(url).hostname : identifier;
  if (sourceName === '') return undefined;
  return { name: sourceName, kind: 'news-media', ...(url ? { url } : {}) };
}

function sameSource(a: Source, b: Source): boolean {
  return a.url !== undefined ? a.url === b.url : a.url === b.url && a.name === b.name;
}

/**
 * Adds each mention in a GDELT 2.0 mentions file as a source of its event, to the batches
 * of an event reader. The mentions file is read whole first (GDELT ships one per 15 minutes,
 * a few megabytes); events and rejects pass through unchanged otherwise, so the accounting
 * of the event input is untouched. Mention rows that cannot be read are reported as warnings
 * in the first batch.
 */
export async function* joinMentions(
  batches: AsyncIterable<Batch>,
  mentions: AsyncIterable<Uint8Array>,
  options: CommonReadOptions = {},
): AsyncIterable<Batch> {
  const byEvent = new Map<string, Source[]>();
  const problems: ValidationIssue[] = [];
  const input = await readDelimited(mentions, {
    delimiter: '\t',
    quote: null,
    encoding: 'utf-8',
    limits: resolveLimits(options.limits),
    batchSize: options.batchSize ?? defaultBatchSize,
    ...(options.file !== undefined ? { file: options.file } : {}),
  });
  let row = 0;
  for await (const batch of input.batches) {
    problems.push(...batch.issues);
    for (const record of batch.records) {
      row += 1;
      if (record.fields.length <= 1 && record.raw.trim() === '') continue;
      const id = record.fields[0] ?? '';
      const source = mentionSource(record.fields);
      if (record.fields.length !== mentionFields.length || !/^\d+$/.test(id) || !source) {
        problems.push({
          code: 'source-error',
          severity: 'warning',
          message: `mention row ${row} is not a GDELT 2.0 mention (${record.fields.length} fields; 16 expected, starting with an event id) and was skipped`,
          row,
          line: record.line,
          byteOffset: record.byteOffset,
          ...(options.file !== undefined ? { file: options.file } : {}),
        });
        continue;
      }
      const list = byEvent.get(id) ?? [];
      if (!list.some((known) => sameSource(known, source))) list.push(source);
      byEvent.set(id, list);
    }
  }
  let first = true;
  for await (const batch of batches) {
    const events = batch.events.map((event) => {
      const extra = byEvent.get(event.provenance.recordId ?? '');
      if (!extra) return event;
      const added = extra.filter(
        (source) => !event.sources.some((known) => sameSource(known, source)),
      );
      return added.length > 0 ? { ...event, sources: [...event.sources, ...added] } : event;
    });
    yield {
      ...batch,
      events,
      issues: first ? [...problems, ...batch.issues] : batch.issues,
    };
    first = false;
  }
}
