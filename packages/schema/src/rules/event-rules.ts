import {
  acledInterCodeOf,
  expectedAcledInteraction,
  parseAcledInter,
  parseAcledInteraction,
} from '../crosswalks/acled-inter-codes.ts';
import { cameoRootOf } from '../crosswalks/cameo.ts';
import type { Actor, FatalityFigure } from '../event.ts';
import { getSubType } from '../taxonomy/event-categories.ts';
import { countriesAt, isPointInCountry } from './point-in-country.ts';
import type { Rule, RuleFinding } from './rule.ts';

function findings(list: RuleFinding[]): RuleFinding[] | undefined {
  return list.length > 0 ? list : undefined;
}

function checkFigureOrder(
  figure: FatalityFigure,
  path: readonly PropertyKey[],
  into: RuleFinding[],
): void {
  const { low, best, high } = figure;
  if (low !== undefined && low > best) {
    into.push({
      path: [...path, 'low'],
      message: `low (${low}) is greater than best (${best})`,
      value: low,
    });
  }
  if (high !== undefined && high < best) {
    into.push({
      path: [...path, 'high'],
      message: `high (${high}) is less than best (${best})`,
      value: high,
    });
  }
}

const dateOrder: Rule = {
  code: 'date-order',
  severity: 'error',
  description: 'date.end must not be before date.start.',
  check(event) {
    const { start, end } = event.date;
    return end < start
      ? [{ path: ['date', 'end'], message: `end ${end} is before start ${start}`, value: end }]
      : undefined;
  },
};

const dateInFuture: Rule = {
  code: 'date-in-future',
  severity: 'error',
  description: 'An event cannot start after today.',
  check(event, context) {
    const { start } = event.date;
    return start > context.today
      ? [
          {
            path: ['date', 'start'],
            message: `start ${start} is after today (${context.today})`,
            value: start,
          },
        ]
      : undefined;
  },
};

const fatalitiesOrder: Rule = {
  code: 'fatalities-order',
  // A warning: published datasets (UCDP GED among them) have rows with low > best, and an
  // import keeps their figures as published rather than dropping the event.
  severity: 'warning',
  description: 'Every toll, the event’s and each source’s, must have low <= best <= high.',
  check(event) {
    const list: RuleFinding[] = [];
    if (event.fatalities.known) checkFigureOrder(event.fatalities, ['fatalities'], list);
    event.sources.forEach((source, index) => {
      const claimed = source.claim?.fatalities;
      if (claimed) checkFigureOrder(claimed, ['sources', index, 'claim', 'fatalities'], list);
    });
    return findings(list);
  },
};

const fatalitiesBreakdown: Rule = {
  code: 'fatalities-breakdown-exceeds-total',
  severity: 'warning',
  description:
    'The deaths broken down by side cannot add up to more than the total (high, else best).',
  check(event) {
    const fatalities = event.fatalities;
    if (!fatalities.known || !fatalities.breakdown) return undefined;
    const { sideA = 0, sideB = 0, civilians = 0, unknown = 0 } = fatalities.breakdown;
    const sum = sideA + sideB + civilians + unknown;
    const total = fatalities.high ?? fatalities.best;
    return sum > total
      ? [
          {
            path: ['fatalities', 'breakdown'],
            message: `the breakdown adds up to ${sum}, more than the total ${total}`,
            value: sum,
          },
        ]
      : undefined;
  },
};

const fatalitiesClaims: Rule = {
  code: 'fatalities-claims-not-summarised',
  severity: 'warning',
  description:
    'The event’s low–high range must cover every toll its sources claim; a claimed toll means the toll is known.',
  check(event) {
    const list: RuleFinding[] = [];
    const fatalities = event.fatalities;
    event.sources.forEach((source, index) => {
      const claimed = source.claim?.fatalities;
      if (!claimed) return;
      const path = ['sources', index, 'claim', 'fatalities', 'best'];
      if (!fatalities.known) {
        list.push({
          path,
          message: `${source.name} claims ${claimed.best} dead but the event's toll is unknown`,
          value: claimed.best,
        });
        return;
      }
      const low = fatalities.low ?? fatalities.best;
      const high = fatalities.high ?? fatalities.best;
      if (claimed.best < low || claimed.best > high) {
        list.push({
          path,
          message: `${source.name} claims ${claimed.best} dead, outside the event's range ${low}–${high}`,
          value: claimed.best,
        });
      }
    });
    return findings(list);
  },
};

const subTypeCategory: Rule = {
  code: 'subtype-category-mismatch',
  severity: 'error',
  description: 'type.subType must belong to type.category.',
  check(event) {
    const { category, subType } = event.type;
    if (!subType) return undefined;
    const expected = getSubType(subType).category;
    if (category === expected) return undefined;
    const message = category
      ? `sub-type ${subType} belongs to ${expected}, not ${category}`
      : `sub-type ${subType} is given without its category ${expected}`;
    return [{ path: ['type', 'subType'], message, value: subType }];
  },
};

function hasKind(actors: readonly Actor[], kind: Actor['kind'], side?: Actor['side']): boolean {
  return actors.some((actor) => actor.kind === kind && (side === undefined || actor.side === side));
}

const unarmedKinds = new Set<Actor['kind']>(['civilians', 'protesters']);

const actorKinds: Rule = {
  code: 'actor-kind-mismatch',
  severity: 'warning',
  description:
    'Actor kinds must fit the category: protests need protesters, riots rioters, violence against civilians civilians on side b, battles armed actors on both sides.',
  check(event) {
    const { category } = event.type;
    const actors = event.actors;
    if (!category || actors.length === 0) return undefined;
    const fail = (message: string): RuleFinding[] => [{ path: ['actors'], message }];
    switch (category) {
      case 'protests':
        return hasKind(actors, 'protesters')
          ? undefined
          : fail('a protest has no actor of kind protesters');
      case 'riots':
        return hasKind(actors, 'rioters') ? undefined : fail('a riot has no actor of kind rioters');
      case 'violence-against-civilians':
        return hasKind(actors, 'civilians', 'b')
          ? undefined
          : fail('violence against civilians has no civilians on side b');
      case 'battles': {
        const primaries = actors.filter((actor) => actor.role === 'primary');
        const sides = new Set(primaries.map((actor) => actor.side));
        if (sides.size < 2) return fail('a battle needs a primary actor on each side');
        const unarmed = primaries.find((actor) => unarmedKinds.has(actor.kind));
        return unarmed
          ? fail(`a battle cannot have ${unarmed.kind} (${unarmed.name}) as a primary actor`)
          : undefined;
      }
      default:
        return undefined;
    }
  },
};

const acledInteraction: Rule = {
  code: 'acled-interaction-mismatch',
  severity: 'warning',
  description:
    'ACLED interaction must combine inter1 and inter2, and the primary actors’ kinds must match them.',
  check(event) {
    const acled = event.type.acled;
    if (!acled) return undefined;
    const list: RuleFinding[] = [];
    const inter1 = acled.inter1 ? parseAcledInter(acled.inter1) : undefined;
    const inter2 = acled.inter2 ? parseAcledInter(acled.inter2) : undefined;
    if (acled.interaction !== undefined && inter1) {
      const expected = expectedAcledInteraction(inter1.code, inter2?.code ?? 0);
      if (parseAcledInteraction(acled.interaction) !== expected) {
        list.push({
          path: ['type', 'acled', 'interaction'],
          message: `interaction "${acled.interaction}" does not combine inter1 and inter2 (expected ${expected})`,
          value: acled.interaction,
        });
      }
    }
    for (const [inter, side, field] of [
      [inter1, 'a', 'inter1'],
      [inter2, 'b', 'inter2'],
    ] as const) {
      if (!inter || inter.code === 0) continue;
      const index = event.actors.findIndex(
        (actor) => actor.side === side && actor.role === 'primary',
      );
      const actor = event.actors[index];
      if (actor && actor.kind !== 'unidentified' && acledInterCodeOf(actor.kind) !== inter.code) {
        list.push({
          path: ['actors', index, 'kind'],
          message: `${field} is ${inter.label} but the primary side-${side} actor is ${actor.kind}`,
          value: actor.kind,
        });
      }
    }
    return findings(list);
  },
};

const cameoConsistency: Rule = {
  code: 'cameo-code-mismatch',
  severity: 'error',
  description:
    'A CAMEO event code must start with its base and root codes, and QuadClass must be the root’s.',
  check(event) {
    const cameo = event.type.cameo;
    if (!cameo) return undefined;
    const list: RuleFinding[] = [];
    if (!cameo.eventCode.startsWith(cameo.rootCode)) {
      list.push({
        path: ['type', 'cameo', 'rootCode'],
        message: `event code ${cameo.eventCode} is not under root ${cameo.rootCode}`,
        value: cameo.rootCode,
      });
    }
    if (cameo.baseCode !== undefined && !cameo.eventCode.startsWith(cameo.baseCode)) {
      list.push({
        path: ['type', 'cameo', 'baseCode'],
        message: `event code ${cameo.eventCode} is not under base code ${cameo.baseCode}`,
        value: cameo.baseCode,
      });
    }
    const root = cameoRootOf(cameo.rootCode);
    if (root && root.quadClass !== cameo.quadClass) {
      list.push({
        path: ['type', 'cameo', 'quadClass'],
        message: `root ${cameo.rootCode} (${root.label}) is QuadClass ${root.quadClass}, not ${cameo.quadClass}`,
        value: cameo.quadClass,
      });
    }
    return findings(list);
  },
};

const pointInCountry: Rule = {
  code: 'point-outside-country',
  severity: 'warning',
  description:
    'The point must lie in the stated country (offline border lookup, about 5 km tolerance); a point coded as in no country must lie outside every country.',
  check(event) {
    const { point, country } = event.location;
    if (!point || country === undefined) return undefined;
    const path = ['location', 'point'];
    if (country === 'none') {
      const inside = countriesAt(point.lat, point.lon);
      return inside.length > 0
        ? [
            {
              path,
              message: `the point lies in ${inside[0]} but the event is coded as in no country`,
              value: `${point.lat},${point.lon}`,
            },
          ]
        : undefined;
    }
    if (isPointInCountry(point.lat, point.lon, country)) return undefined;
    // A point whose swapped coordinates land in the stated country was most likely swapped.
    if (Math.abs(point.lon) <= 90 && isPointInCountry(point.lon, point.lat, country))
      return undefined;
    const value = `${point.lat},${point.lon}`;
    const found = countriesAt(point.lat, point.lon);
    const where = found.length > 0 ? `in ${found[0]}` : 'outside any country';
    return [{ path, message: `the point (${value}) lies ${where}, not in ${country}`, value }];
  },
};

const latLonSwapped: Rule = {
  code: 'point-lat-lon-swapped',
  severity: 'warning',
  description:
    'A point outside its country whose swapped coordinates fall inside it probably has latitude and longitude swapped.',
  check(event) {
    const { point, country } = event.location;
    if (!point || country === undefined || country === 'none') return undefined;
    if (Math.abs(point.lon) > 90 || isPointInCountry(point.lat, point.lon, country))
      return undefined;
    return isPointInCountry(point.lon, point.lat, country)
      ? [
          {
            path: ['location', 'point'],
            message: `the point (${point.lat},${point.lon}) lies outside ${country}; with latitude and longitude swapped it lies inside`,
            value: `${point.lat},${point.lon}`,
          },
        ]
      : undefined;
  },
};

const pointMissing: Rule = {
  code: 'location-point-missing',
  severity: 'info',
  description: 'A location coded to a place or near one usually has coordinates.',
  check(event) {
    const { point, precision } = event.location;
    return !point && (precision === 'place' || precision === 'near')
      ? [
          {
            path: ['location', 'point'],
            message: `precision is ${precision} but there is no point`,
          },
        ]
      : undefined;
  },
};

/** Every per-event rule, in the order they report. `duplicate-id` runs in the validator. */
export const eventRules: readonly Rule[] = [
  dateOrder,
  dateInFuture,
  fatalitiesOrder,
  fatalitiesBreakdown,
  fatalitiesClaims,
  subTypeCategory,
  actorKinds,
  acledInteraction,
  cameoConsistency,
  pointInCountry,
  latLonSwapped,
  pointMissing,
];
