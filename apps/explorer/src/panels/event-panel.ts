// Everything the file says about one event: dates and location with their precision,
// actors with sides and kinds, the toll with its bounds and each source's own claim,
// sources (linked only when http or https), notes and provenance. All of it as text.
import type {
  Actor,
  ConflictEvent,
  Fatalities,
  FatalityFigure,
  Source,
} from '@conflict-events/schema';
import { append, element, replaceChildren } from '../ui/dom.ts';
import { formatCount } from '../ui/format-numbers.ts';
import {
  actorKindLabels,
  categoryLabel,
  datePrecisionLabels,
  locationPrecisionLabels,
  sourceKindLabels,
  subTypeLabel,
} from '../ui/labels.ts';
import { safeLinkTarget } from '../ui/safe-link.ts';

type Row = [term: string, value: Node | string | undefined];

/** A description list of the rows that have a value. */
function details(rows: Row[]): HTMLDListElement {
  const list = element('dl', { class: 'details-list' });
  for (const [term, value] of rows) {
    if (value === undefined || value === '') continue;
    append(list, element('dt', {}, term), element('dd', {}, value));
  }
  return list;
}

function section(title: string, ...content: (Node | undefined)[]): HTMLElement {
  return element('section', { class: 'event-section' }, element('h4', {}, title), ...content);
}

function figureText(figure: FatalityFigure): string {
  const parts = [`best ${formatCount(figure.best)}`];
  if (figure.low !== undefined) parts.push(`low ${formatCount(figure.low)}`);
  if (figure.high !== undefined) parts.push(`high ${formatCount(figure.high)}`);
  return parts.join(', ');
}

function dateSection(event: ConflictEvent): HTMLElement {
  const { start, end, precision, sourcePrecision } = event.date;
  return section(
    'When',
    details([
      ['Date', start === end ? start : `${start} to ${end}`],
      ['Precision', `${precision}: ${datePrecisionLabels[precision]}`],
      [
        'Source code',
        sourcePrecision ? `${sourcePrecision.scheme} ${sourcePrecision.code}` : undefined,
      ],
    ]),
  );
}

function locationSection(event: ConflictEvent): HTMLElement {
  const location = event.location;
  const country =
    location.country === 'none'
      ? 'none (international waters or airspace)'
      : [location.countryName, location.country && `(${location.country})`]
          .filter(Boolean)
          .join(' ');
  const admin = [location.admin3, location.admin2, location.admin1]
    .map((name, level) => {
      const code = [location.admin3Code, location.admin2Code, location.admin1Code][level];
      return name === undefined ? undefined : code === undefined ? name : `${name} (${code})`;
    })
    .filter((name): name is string => name !== undefined)
    .join(', ');
  const point = location.point;
  return section(
    'Where',
    details([
      ['Place', location.place],
      ['Described as', location.description],
      ['Admin areas', admin],
      ['Country', country === '' ? 'not given' : country],
      ['Region', location.region],
      [
        'Point',
        point
          ? `${point.lat}, ${point.lon} (latitude, longitude)`
          : 'none given: the event is not on the map',
      ],
      ['Precision', `${location.precision}: ${locationPrecisionLabels[location.precision]}`],
      [
        'Source code',
        location.sourcePrecision
          ? `${location.sourcePrecision.scheme} ${location.sourcePrecision.code}`
          : undefined,
      ],
    ]),
  );
}

function codingText(coding: object | undefined): string | undefined {
  if (coding === undefined) return undefined;
  return Object.entries(coding)
    .map(([key, value]) => `${key}: ${Array.isArray(value) ? value.join(', ') : String(value)}`)
    .join('; ');
}

function typeSection(event: ConflictEvent): HTMLElement {
  const type = event.type;
  return section(
    'What',
    details([
      ['Category', categoryLabel(type.category)],
      ['Sub-type', type.subType === undefined ? undefined : subTypeLabel(type.subType)],
      ['Disorder', type.disorder?.join(', ')],
      ['ACLED coding', codingText(type.acled)],
      ['UCDP coding', codingText(type.ucdp)],
      ['CAMEO coding', codingText(type.cameo)],
      ['PLOVER coding', codingText(type.plover)],
      [
        'Civilians targeted',
        event.civilianTargeting === undefined ? undefined : event.civilianTargeting ? 'yes' : 'no',
      ],
      ['Tags', event.tags?.join(', ')],
    ]),
  );
}

function actorItem(actor: Actor): HTMLLIElement {
  const facts = [
    `side ${actor.side}`,
    actor.role,
    actorKindLabels[actor.kind],
    actor.unidentified ? 'not identified by the source' : undefined,
    actor.country,
    actor.ids?.ucdp === undefined ? undefined : `UCDP actor ${actor.ids.ucdp}`,
    actor.ids?.cameo === undefined ? undefined : `CAMEO ${actor.ids.cameo}`,
    actor.ids?.wikidata === undefined ? undefined : `Wikidata ${actor.ids.wikidata}`,
  ].filter((fact): fact is string => fact !== undefined);
  return element(
    'li',
    {},
    element('span', { class: 'actor-name' }, actor.name),
    ` — ${facts.join(', ')}`,
  );
}

function actorsSection(event: ConflictEvent): HTMLElement {
  const actors = event.actors;
  return section(
    'Actors',
    actors.length === 0
      ? element('p', {}, 'No actors coded.')
      : element('ul', { class: 'actor-list' }, ...actors.map(actorItem)),
  );
}

function fatalitiesSection(event: ConflictEvent): HTMLElement {
  const fatalities: Fatalities = event.fatalities;
  const claims = event.sources
    .filter((source) => source.claim?.fatalities !== undefined)
    .map((source) =>
      element(
        'li',
        {},
        element('span', { class: 'source-name' }, source.name),
        `: ${figureText(source.claim?.fatalities ?? { best: 0 })}`,
      ),
    );
  if (!fatalities.known) {
    return section(
      'Fatalities',
      element(
        'p',
        { class: 'toll toll-unknown' },
        'Unknown: no toll was reported. Unknown is not zero.',
      ),
      claims.length > 0 ? element('ul', {}, ...claims) : undefined,
    );
  }
  const breakdown = fatalities.breakdown;
  return section(
    'Fatalities',
    details([
      ['Best estimate', formatCount(fatalities.best)],
      ['Low', fatalities.low === undefined ? undefined : formatCount(fatalities.low)],
      ['High', fatalities.high === undefined ? undefined : formatCount(fatalities.high)],
      [
        'Breakdown',
        breakdown === undefined
          ? undefined
          : [
              breakdown.sideA === undefined ? undefined : `side a ${breakdown.sideA}`,
              breakdown.sideB === undefined ? undefined : `side b ${breakdown.sideB}`,
              breakdown.civilians === undefined ? undefined : `civilians ${breakdown.civilians}`,
              breakdown.unknown === undefined ? undefined : `unknown ${breakdown.unknown}`,
            ]
              .filter(Boolean)
              .join(', '),
      ],
    ]),
    claims.length > 0
      ? element(
          'div',
          {},
          element('p', {}, 'What each source claimed:'),
          element('ul', {}, ...claims),
        )
      : undefined,
  );
}

function sourceItem(source: Source): HTMLLIElement {
  const target = source.url === undefined ? undefined : safeLinkTarget(source.url);
  const name =
    target === undefined
      ? element('span', { class: 'source-name' }, source.name)
      : element(
          'a',
          { class: 'source-name', href: target, rel: 'noopener noreferrer', target: '_blank' },
          source.name,
        );
  const claim = source.claim;
  return element(
    'li',
    {},
    name,
    ` — ${sourceKindLabels[source.kind]}`,
    details([
      ['Title', source.title],
      ['Published', source.published],
      ['Via', source.via],
      // A URL that is not http(s) is shown, never linked.
      ['Address', source.url !== undefined && target === undefined ? source.url : undefined],
      ['Claimed toll', claim?.fatalities ? figureText(claim.fatalities) : undefined],
      ['Claimed attribution', claim?.attribution],
      ['Statement', claim?.statement],
    ]),
  );
}

function sourcesSection(event: ConflictEvent): HTMLElement {
  return section(
    'Sources',
    event.sources.length === 0
      ? element('p', {}, 'No sources coded.')
      : element('ul', { class: 'source-list' }, ...event.sources.map(sourceItem)),
  );
}

function notesSection(event: ConflictEvent): HTMLElement | undefined {
  if (event.notes === undefined) return undefined;
  return section('Notes', element('p', { class: 'notes' }, event.notes));
}

function provenanceSection(event: ConflictEvent): HTMLElement {
  const provenance = event.provenance;
  const unmapped = provenance.unmapped ? Object.entries(provenance.unmapped) : [];
  return section(
    'Provenance',
    details([
      ['Dataset', provenance.dataset],
      ['Version', provenance.datasetVersion],
      ['Layout', provenance.layout],
      ['Record id', provenance.recordId],
      ['Modified', provenance.modified],
      ['Retrieved', provenance.retrieved],
      ['Coded by', provenance.codedBy],
      ['Licence', provenance.licence],
      ['Attribution', provenance.attribution],
    ]),
    unmapped.length === 0
      ? undefined
      : element(
          'div',
          {},
          element('p', {}, 'Source fields the model has no place for:'),
          details(unmapped.map(([key, value]) => [key, value === null ? 'null' : String(value)])),
        ),
    event.extensions === undefined
      ? undefined
      : element(
          'div',
          {},
          element('p', {}, 'Extensions:'),
          element('pre', { class: 'extensions' }, JSON.stringify(event.extensions, null, 2)),
        ),
  );
}

export class EventPanel {
  constructor(private readonly container: HTMLElement) {}

  clear(message: string): void {
    replaceChildren(this.container, element('p', { class: 'placeholder' }, message));
  }

  show(event: ConflictEvent): void {
    replaceChildren(
      this.container,
      element(
        'h3',
        { class: 'event-title' },
        categoryLabel(event.type.category),
        event.type.subType === undefined ? '' : ` — ${subTypeLabel(event.type.subType)}`,
      ),
      element('p', { class: 'event-id' }, 'Id ', element('code', {}, event.id)),
      dateSection(event),
      locationSection(event),
      typeSection(event),
      actorsSection(event),
      fatalitiesSection(event),
      sourcesSection(event),
      notesSection(event),
      provenanceSection(event),
    );
  }
}
