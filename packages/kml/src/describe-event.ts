// What a person reads about an event in Google Earth: a short name for the Places list and
// the map label, and a description (HTML, shown in the balloon) that says everything the
// model knows in words, uncertainty included. Every datum goes through `escapeHtml`: the
// only markup in a description is this file's own.
import {
  type Actor,
  actorKindLabels,
  actorRoleLabels,
  type ConflictEvent,
  datePrecisionLabels,
  type FatalityFigure,
  getCategory,
  getSubType,
  type Location,
  locationPrecisionLabels,
  type Source,
  sourceKindLabels,
} from '@conflict-events/schema';
import { escapeHtml, escapeHtmlLines, htmlLink } from './html-text.ts';
import { decimalText } from './number-text.ts';

function typeLabel(event: ConflictEvent): string | undefined {
  const { subType, category } = event.type;
  if (subType) return getSubType(subType).label;
  if (category) return getCategory(category).label;
  return event.type.acled?.subEventType ?? event.type.acled?.eventType;
}

function placeLabel(event: ConflictEvent): string | undefined {
  const { place, admin3, admin2, admin1, countryName, country } = event.location;
  return (
    place ?? admin3 ?? admin2 ?? admin1 ?? countryName ?? (country === 'none' ? undefined : country)
  );
}

function dateRange(event: ConflictEvent): string {
  const { start, end } = event.date;
  return escapeHtml(start === end ? start : `${start} to ${end}`);
}

/** `Armed clash, Aleppo, 2016-08-01`: what happened, where and when, as plain text. */
export function eventName(event: ConflictEvent): string {
  return [typeLabel(event) ?? 'Event', placeLabel(event), event.date.start]
    .filter((part) => part !== undefined)
    .join(', ');
}

function figureText(figure: FatalityFigure): string {
  const bounds = [
    figure.low === undefined ? undefined : `low ${figure.low}`,
    figure.high === undefined ? undefined : `high ${figure.high}`,
  ].filter((part) => part !== undefined);
  return bounds.length === 0 ? String(figure.best) : `${figure.best} (${bounds.join(', ')})`;
}

function fatalitiesText(event: ConflictEvent): string {
  const { fatalities } = event;
  if (!fatalities.known) return 'unknown (no toll reported; not the same as none)';
  const parts = [`best ${figureText(fatalities)}`];
  const breakdown = fatalities.breakdown;
  if (breakdown) {
    const shares = [
      breakdown.sideA === undefined ? undefined : `side a ${breakdown.sideA}`,
      breakdown.sideB === undefined ? undefined : `side b ${breakdown.sideB}`,
      breakdown.civilians === undefined ? undefined : `civilians ${breakdown.civilians}`,
      breakdown.unknown === undefined ? undefined : `unknown ${breakdown.unknown}`,
    ].filter((part) => part !== undefined);
    if (shares.length > 0) parts.push(`of whom ${shares.join(', ')}`);
  }
  return parts.join('; ');
}

function countryText(location: Location): string | undefined {
  if (location.country === 'none') return 'no country (international waters or airspace)';
  if (location.countryName && location.country) {
    return `${location.countryName} (${location.country})`;
  }
  return location.countryName ?? location.country;
}

function placeHtml(event: ConflictEvent): string {
  const location = event.location;
  const names = [
    location.place,
    location.admin3,
    location.admin2,
    location.admin1,
    countryText(location),
  ]
    .filter((part) => part !== undefined)
    .map(escapeHtml);
  const point = location.point
    ? `point ${decimalText(location.point.lat)}, ${decimalText(location.point.lon)} (latitude, longitude)`
    : 'no point';
  const lines = [
    `${names.length > 0 ? names.join(', ') : 'place not named'}; ${escapeHtml(locationPrecisionLabels[location.precision])}; ${point}`,
  ];
  if (location.description) lines.push(`“${escapeHtml(location.description)}”`);
  return lines.join('<br>');
}

function actorHtml(actor: Actor): string {
  const details = [
    `side ${actor.side}`,
    actorRoleLabels[actor.role],
    actorKindLabels[actor.kind],
    actor.unidentified ? 'identity not reported' : undefined,
    actor.country,
  ].filter((part) => part !== undefined);
  return `<li>${escapeHtml(actor.name)} (${escapeHtml(details.join(', '))})</li>`;
}

function sourceHtml(source: Source): string {
  const details = [
    sourceKindLabels[source.kind],
    source.published === undefined ? undefined : `published ${source.published}`,
    source.via === undefined ? undefined : `via ${source.via}`,
  ].filter((part) => part !== undefined);
  const name = source.url ? htmlLink(source.url, source.name) : escapeHtml(source.name);
  const claims: string[] = [];
  if (source.title) claims.push(`title “${escapeHtml(source.title)}”`);
  const claim = source.claim;
  if (claim?.fatalities) claims.push(`fatalities ${escapeHtml(figureText(claim.fatalities))}`);
  if (claim?.attribution) claims.push(`attributes it to ${escapeHtml(claim.attribution)}`);
  if (claim?.statement) claims.push(`“${escapeHtml(claim.statement)}”`);
  const said = claims.length > 0 ? `: ${claims.join('; ')}` : '';
  return `<li>${name} (${escapeHtml(details.join(', '))})${said}</li>`;
}

function listHtml(heading: string, items: string[], none: string): string {
  if (items.length === 0) return `<p><b>${heading}:</b> ${none}</p>`;
  return `<p><b>${heading}:</b></p><ul>${items.join('')}</ul>`;
}

/** The balloon's HTML: a heading, then date, place, type, actors, toll, sources, notes. */
export function eventDescription(event: ConflictEvent): string {
  const type = [
    event.type.category ? getCategory(event.type.category).label : 'no category',
    event.type.subType ? getSubType(event.type.subType).label : undefined,
  ].filter((part) => part !== undefined);
  const facts = [
    `<b>Date:</b> ${dateRange(event)} (${datePrecisionLabels[event.date.precision]})`,
    `<b>Place:</b> ${placeHtml(event)}`,
    `<b>Type:</b> ${escapeHtml(type.join(' / '))}`,
  ];
  if (event.civilianTargeting !== undefined) {
    facts.push(`<b>Civilians targeted:</b> ${event.civilianTargeting ? 'yes' : 'no'}`);
  }
  facts.push(`<b>Fatalities:</b> ${escapeHtml(fatalitiesText(event))}`);
  const parts = [
    `<h3>${escapeHtml(eventName(event))}</h3>`,
    `<p>${facts.join('<br>')}</p>`,
    listHtml('Actors', event.actors.map(actorHtml), 'none coded'),
    listHtml('Sources', event.sources.map(sourceHtml), 'none listed'),
  ];
  if (event.notes) parts.push(`<p><b>Notes:</b> ${escapeHtmlLines(event.notes)}</p>`);
  if (event.tags && event.tags.length > 0) {
    parts.push(`<p><b>Tags:</b> ${event.tags.map(escapeHtml).join(', ')}</p>`);
  }
  parts.push(
    `<p><b>Id:</b> ${escapeHtml(event.id)}; dataset ${escapeHtml(event.provenance.dataset)}</p>`,
  );
  return parts.join('');
}
