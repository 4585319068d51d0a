// The list of events that pass the filters, in date order: the keyboard's way to every
// event (map symbols cannot take focus), and the place a click on a crowded spot lists
// the events there.
import { datePrecisions, eventCategories } from '@conflict-events/schema';
import { isoFromDay } from '../data/days.ts';
import { type EventTable, unknownFatalities } from '../data/event-table.ts';
import { colourOfCategoryIndex } from '../map/category-colours.ts';
import { element, replaceChildren } from '../ui/dom.ts';
import { formatCount, plural } from '../ui/format-numbers.ts';
import { categoryLabel } from '../ui/labels.ts';

/** Rows drawn at most; the list says how many more pass the filters. */
export const maxListRows = 200;

/** Event indexes ordered by first day, then input order: computed once per file. */
export function chronologicalOrder(table: EventTable): Uint32Array {
  const order = new Uint32Array(table.count);
  for (let index = 0; index < table.count; index++) order[index] = index;
  const start = table.startDay;
  return order.sort((a, b) => (start[a] ?? 0) - (start[b] ?? 0) || a - b);
}

/** When an event happened, as a list shows it: one day, or the span and its precision. */
export function dateText(table: EventTable, index: number): string {
  const start = isoFromDay(table.startDay[index] ?? 0);
  const end = isoFromDay(table.endDay[index] ?? 0);
  const precision = datePrecisions[table.datePrecision[index] ?? 0] ?? 'day';
  if (start === end) return start;
  return `${start} – ${end} (${precision})`;
}

export function tollText(fatalities: number): string {
  if (fatalities === unknownFatalities) return 'toll unknown';
  return `${formatCount(fatalities)} killed`;
}

export interface EventListCallbacks {
  select(index: number): void;
  /** Back from a list of choices to the filtered events. */
  restore(): void;
}

export class EventList {
  constructor(
    private readonly list: HTMLOListElement,
    private readonly caption: HTMLElement,
    private readonly callbacks: EventListCallbacks,
  ) {}

  clear(): void {
    replaceChildren(this.list);
    this.caption.textContent = 'No file is open.';
  }

  /** The first rows of `order` that pass. */
  showFiltered(table: EventTable, order: Uint32Array, passes: Uint8Array, count: number): void {
    const rows: HTMLLIElement[] = [];
    for (const index of order) {
      if (passes[index] !== 1) continue;
      rows.push(this.row(table, index));
      if (rows.length >= maxListRows) break;
    }
    replaceChildren(this.list, ...rows);
    this.caption.textContent =
      count > rows.length
        ? `The first ${formatCount(rows.length)} of ${plural(count, 'event')} shown, by date.`
        : `${plural(count, 'event')}, by date.`;
  }

  /** Several events to choose from (a crowded spot on the map). */
  showChoices(table: EventTable, indexes: readonly number[]): void {
    replaceChildren(this.list, ...indexes.map((index) => this.row(table, index)));
    const back = element(
      'button',
      { type: 'button', class: 'link-button' },
      'Back to all events shown',
    );
    back.addEventListener('click', () => this.callbacks.restore());
    replaceChildren(
      this.caption,
      `${plural(indexes.length, 'event')} at the spot clicked on the map. `,
      back,
    );
  }

  private row(table: EventTable, index: number): HTMLLIElement {
    const category = eventCategories[table.category[index] ?? 255];
    const place = table.places[index] ?? '';
    const button = element(
      'button',
      { type: 'button', class: 'event-row', 'data-index': index },
      element('span', {
        class: 'swatch',
        style: `background:${colourOfCategoryIndex(table.category[index] ?? 255)}`,
        'aria-hidden': 'true',
      }),
      element('span', { class: 'event-row-date' }, dateText(table, index)),
      element('span', { class: 'event-row-what' }, categoryLabel(category)),
      element('span', { class: 'event-row-place' }, place === '' ? 'place not given' : place),
      element('span', { class: 'event-row-toll' }, tollText(table.fatalities[index] ?? -1)),
    );
    button.addEventListener('click', () => this.callbacks.select(index));
    return element('li', {}, button);
  }
}
