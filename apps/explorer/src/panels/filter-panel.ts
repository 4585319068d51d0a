// The filter form: categories and sub-types (those present in the file, with counts),
// country, actor search, date range and fatalities. It reports changes as a new filter and
// shows a filter it is given (from the URL or the timeline's brush).
import { eventCategories, eventSubTypes, getSubType } from '@conflict-events/schema';
import { type EventTable, noCode } from '../data/event-table.ts';
import { categoryColours, noCategoryColour } from '../map/category-colours.ts';
import { type FilterState, noCategoryToken, noCountryToken } from '../state/filter-state.ts';
import { element, replaceChildren, required } from '../ui/dom.ts';
import { formatCount } from '../ui/format-numbers.ts';
import { categoryLabel, subTypeLabel } from '../ui/labels.ts';

export interface FilterPanelCallbacks {
  /** The user changed a filter; `typing` is true for keystrokes in the actor search. */
  change(filter: FilterState, typing: boolean): void;
}

const actorSearchDelayMilliseconds = 200;

function tokenOfCode(code: number, vocabulary: readonly string[]): string {
  return code === noCode ? noCategoryToken : (vocabulary[code] ?? noCategoryToken);
}

function countCodes(codes: Uint8Array): Map<number, number> {
  const counts = new Map<number, number>();
  for (const code of codes) counts.set(code, (counts.get(code) ?? 0) + 1);
  return counts;
}

function parseBound(input: HTMLInputElement): number | undefined {
  const text = input.value.trim();
  if (text === '') return undefined;
  const value = Number(text);
  return Number.isInteger(value) && value >= 0 ? value : undefined;
}

export class FilterPanel {
  private readonly categories = required('category-filter', HTMLFieldSetElement);
  private readonly subTypes = required('subtype-filter', HTMLFieldSetElement);
  private readonly country = required('country-filter', HTMLSelectElement);
  private readonly actor = required('actor-filter', HTMLInputElement);
  private readonly from = required('date-from', HTMLInputElement);
  private readonly to = required('date-to', HTMLInputElement);
  private readonly fatalitiesMin = required('fatalities-min', HTMLInputElement);
  private readonly fatalitiesMax = required('fatalities-max', HTMLInputElement);
  private readonly includeUnknown = required('fatalities-unknown', HTMLInputElement);
  private categoryTokens: string[] = [];
  private subTypeTokens: string[] = [];
  private filter: FilterState;
  private actorTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    initial: FilterState,
    private readonly callbacks: FilterPanelCallbacks,
  ) {
    this.filter = initial;
    const form = required('filters', HTMLFormElement);
    form.addEventListener('submit', (event) => event.preventDefault());
    form.addEventListener('change', (event) => {
      if (event.target !== this.actor) this.emit(false);
    });
    this.actor.addEventListener('input', () => {
      clearTimeout(this.actorTimer);
      this.actorTimer = setTimeout(() => this.emit(true), actorSearchDelayMilliseconds);
    });
    this.show(initial);
  }

  /** Builds the choices from what the file holds. */
  setTable(table: EventTable): void {
    const categoryCounts = countCodes(table.category);
    this.categoryTokens = [...categoryCounts.keys()]
      .sort((a, b) => a - b)
      .map((code) => tokenOfCode(code, eventCategories));
    replaceChildren(
      this.categories,
      element('legend', {}, 'Category'),
      ...[...categoryCounts.entries()]
        .sort(([a], [b]) => a - b)
        .map(([code, count]) => {
          const token = tokenOfCode(code, eventCategories);
          const slug = eventCategories[code];
          const colour = slug === undefined ? noCategoryColour : categoryColours[slug];
          return this.checkbox('category', token, categoryLabel(slug), count, colour);
        }),
    );

    const subTypeCounts = countCodes(table.subType);
    const subTypeCodes = [...subTypeCounts.keys()].sort((a, b) => a - b);
    this.subTypeTokens = subTypeCodes.map((code) => tokenOfCode(code, eventSubTypes));
    replaceChildren(
      this.subTypes,
      element('legend', {}, 'Sub-type'),
      ...subTypeCodes.map((code) => {
        const slug = eventSubTypes[code];
        const colour =
          slug === undefined ? noCategoryColour : categoryColours[getSubType(slug).category];
        return this.checkbox(
          'subtype',
          tokenOfCode(code, eventSubTypes),
          subTypeLabel(slug),
          subTypeCounts.get(code) ?? 0,
          colour,
        );
      }),
    );

    const countryCounts = new Map<number, number>();
    for (const code of table.country) countryCounts.set(code, (countryCounts.get(code) ?? 0) + 1);
    const options = [...countryCounts.entries()]
      .map(([index, count]) => {
        const code = table.countries[index] ?? '';
        const name = table.countryNames[index] ?? '';
        const label =
          code === ''
            ? 'Not given'
            : code === 'none'
              ? 'None (international waters or airspace)'
              : name === ''
                ? code
                : `${name} (${code})`;
        return { token: code === '' ? noCountryToken : code, label, count };
      })
      .sort((a, b) => a.label.localeCompare(b.label));
    replaceChildren(
      this.country,
      element('option', { value: '' }, 'All countries'),
      ...options.map((option) =>
        element(
          'option',
          { value: option.token },
          `${option.label} — ${formatCount(option.count)}`,
        ),
      ),
    );
    this.show(this.filter);
  }

  /** Shows a filter in the controls without reporting a change. */
  show(filter: FilterState): void {
    this.filter = filter;
    for (const input of this.categories.querySelectorAll('input')) {
      input.checked = filter.categories === undefined || filter.categories.includes(input.value);
    }
    for (const input of this.subTypes.querySelectorAll('input')) {
      input.checked = filter.subTypes === undefined || filter.subTypes.includes(input.value);
    }
    this.country.value = filter.country ?? '';
    if (filter.country !== undefined && this.country.value !== filter.country) {
      // A country from a link that this file does not hold: keep it visible as a choice.
      this.country.append(element('option', { value: filter.country }, `${filter.country} — 0`));
      this.country.value = filter.country;
    }
    if (document.activeElement !== this.actor) this.actor.value = filter.actor;
    this.from.value = filter.from ?? '';
    this.to.value = filter.to ?? '';
    this.fatalitiesMin.value =
      filter.fatalitiesMin === undefined ? '' : String(filter.fatalitiesMin);
    this.fatalitiesMax.value =
      filter.fatalitiesMax === undefined ? '' : String(filter.fatalitiesMax);
    this.includeUnknown.checked = filter.includeUnknownFatalities;
  }

  private checkbox(
    group: string,
    value: string,
    label: string,
    count: number,
    colour: string,
  ): HTMLLabelElement {
    const id = `${group}-${value}`;
    return element(
      'label',
      { class: 'choice', for: id },
      element('input', { type: 'checkbox', id, name: group, value }),
      element('span', { class: 'swatch', style: `background:${colour}`, 'aria-hidden': 'true' }),
      // A break opportunity after each slash: "Explosions/Remote violence" wraps at it.
      element(
        'span',
        { class: 'choice-label' },
        ...label
          .split('/')
          .flatMap((part, index) => (index === 0 ? [part] : ['/', element('wbr'), part])),
      ),
      element('span', { class: 'choice-count' }, formatCount(count)),
    );
  }

  /** The checked values, or undefined when all are checked (no filter). */
  private checked(fieldset: HTMLFieldSetElement, all: readonly string[]): string[] | undefined {
    const values = [...fieldset.querySelectorAll('input')]
      .filter((input) => input.checked)
      .map((input) => input.value);
    return values.length === all.length ? undefined : values;
  }

  private emit(typing: boolean): void {
    const filter: FilterState = {
      actor: this.actor.value,
      includeUnknownFatalities: this.includeUnknown.checked,
    };
    const categories = this.checked(this.categories, this.categoryTokens);
    if (categories !== undefined) filter.categories = categories;
    const subTypes = this.checked(this.subTypes, this.subTypeTokens);
    if (subTypes !== undefined) filter.subTypes = subTypes;
    if (this.country.value !== '') filter.country = this.country.value;
    if (this.from.value !== '') filter.from = this.from.value;
    if (this.to.value !== '') filter.to = this.to.value;
    const minimum = parseBound(this.fatalitiesMin);
    if (minimum !== undefined) filter.fatalitiesMin = minimum;
    const maximum = parseBound(this.fatalitiesMax);
    if (maximum !== undefined) filter.fatalitiesMax = maximum;
    this.filter = filter;
    this.callbacks.change(filter, typing);
  }
}
