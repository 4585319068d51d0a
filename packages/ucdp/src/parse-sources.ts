import type { Source, SourceKind } from '@conflict-events/schema';
import { datePart } from './parse-values.ts';

// UCDP GED Codebook 23.1, "source_office", "source_date", "source_headline": one entry per
// report, separated by semicolons, in the same order in the three columns. Headlines may
// themselves hold semicolons, so the entries are paired only when the counts agree.

// A short, deliberate list: wire services by name, and monitors by the words their names
// use. Everything else is counted as news media, which is what most GED sources are.
const agency =
  /\b(news agency|press agency|agence|afp|reuters|associated press|xinhua|anadolu|interfax|tass|efe|ansa|dpa|kyodo|irna|press trust of india|bernama|antara|pajhwok)\b/i;
const monitor =
  /\b(human rights|amnesty|observatory|documentation cent(er|re)|watch|united nations|unama|ocha|unhcr|icrc|red cross|ngo|sohr|vdc)\b/i;

/** The source kind of a publisher's name: news agency, NGO or monitor, else news media. */
export function sourceKindOf(name: string): SourceKind {
  if (agency.test(name)) return 'news-agency';
  if (monitor.test(name)) return 'ngo-monitor';
  return 'news-media';
}

function splitList(text: string): string[] {
  return text.split(';').map((part) => part.trim());
}

function makeSource(name: string, date: string | undefined, title: string | undefined): Source {
  const source: Source = { name, kind: sourceKindOf(name) };
  if (title) source.title = title;
  const published = date === undefined ? undefined : datePart(date);
  if (published) source.published = published;
  return source;
}

/**
 * The reports of a GED record. Entries are paired by position when the three lists have
 * the same length (an empty list pairs with anything); otherwise one source carries the
 * whole strings. An empty office gives no source: the raw strings stay in
 * provenance.unmapped either way.
 */
export function parseSources(office: string, date: string, headline: string): Source[] {
  if (office.trim() === '') return [];
  const offices = splitList(office);
  const dates = date.trim() === '' ? [] : splitList(date);
  const headlines = headline.trim() === '' ? [] : splitList(headline);
  const aligned =
    (dates.length === 0 || dates.length === offices.length) &&
    (headlines.length === 0 || headlines.length === offices.length);
  if (!aligned) {
    return [makeSource(office.trim(), date.trim() || undefined, headline.trim() || undefined)];
  }
  const sources: Source[] = [];
  offices.forEach((name, index) => {
    if (name === '') return;
    sources.push(makeSource(name, dates[index], headlines[index] || undefined));
  });
  return sources;
}
