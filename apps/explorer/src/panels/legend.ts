// The map's legend: what colour, size, outline and ring mean. It is drawn from the same
// constants as the layers, so the two cannot disagree.
import { eventCategories, locationPrecisions } from '@conflict-events/schema';
import { categoryColours, noCategoryColour } from '../map/category-colours.ts';
import { ringRadiusKilometres } from '../map/precision-rings.ts';
import { element, replaceChildren } from '../ui/dom.ts';
import { categoryLabel } from '../ui/labels.ts';

function swatch(style: string): HTMLSpanElement {
  return element('span', { class: 'legend-mark', style, 'aria-hidden': 'true' });
}

export function renderLegend(list: HTMLUListElement): void {
  const rings = locationPrecisions
    .filter((precision) => ringRadiusKilometres[precision] > 0)
    .map((precision) => `${precision} ${ringRadiusKilometres[precision]} km`)
    .join(', ');
  replaceChildren(
    list,
    ...eventCategories.map((slug) =>
      element('li', {}, swatch(`background:${categoryColours[slug]}`), categoryLabel(slug)),
    ),
    element('li', {}, swatch(`background:${noCategoryColour}`), 'No core category'),
    element(
      'li',
      {},
      swatch('background:#888;width:18px;height:18px'),
      'Size: fatalities (best estimate); the smallest dots are none or unknown.',
    ),
    element(
      'li',
      {},
      swatch('background:#fff;border:2px solid #222'),
      'Dark outline: the toll is unknown (not zero).',
    ),
    element(
      'li',
      {},
      swatch('background:rgba(213,94,0,0.4);border:1.5px solid #D55E00'),
      `Pale dot with a ring: the point stands for an area, not the spot. The ring's radius is nominal per precision level (${rings}), not a measured area; it hides when larger than the screen can draw.`,
    ),
    element(
      'li',
      {},
      swatch('background:#33414f;border:1.5px solid #fff'),
      'Dark circle with a number: a cluster of events; click to zoom in or list them.',
    ),
  );
}
