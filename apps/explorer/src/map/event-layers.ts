// The event layers: clusters sized by how many events they hold, points coloured by
// category and sized by fatalities, and precision rings. The styling lives here as data
// (MapLibre expressions) so the map view only wires sources and events.
import { eventCategories } from '@conflict-events/schema';
import type {
  CircleLayerSpecification,
  ExpressionSpecification,
  GeoJSONSourceSpecification,
} from 'maplibre-gl';
import { unknownFatalities } from '../data/event-table.ts';
import { categoryColours, noCategoryColour } from './category-colours.ts';

export const eventSourceId = 'events';
export const selectedSourceId = 'selected-event';
export const clusterLayerId = 'event-clusters';
export const pointLayerId = 'event-points';
export const ringLayerId = 'event-precision-rings';
export const selectedLayerId = 'selected-event';
const selectedHaloLayerId = 'selected-event-halo';

/** Largest ring drawn, in pixels: past it a ring no longer fits a tile and would be clipped. */
const maxRingPixels = 480;
/** Deepest zoom of the map, and the last zoom at which points are still clustered. */
export const maxZoom = 16;
export const clusterMaxZoom = 10;

/** Feature properties: i index, c category index, f best fatalities, p precise (1/0), r ring. */
export interface EventPointProperties {
  i: number;
  c: number;
  f: number;
  p: number;
  r: number;
}

export function eventSource(): GeoJSONSourceSpecification {
  return {
    type: 'geojson',
    data: { type: 'FeatureCollection', features: [] },
    cluster: true,
    clusterRadius: 40,
    clusterMaxZoom,
    // The largest buffer keeps big rings whole across tile edges.
    buffer: 512,
    clusterProperties: {
      fatalities: ['+', ['max', ['get', 'f'], 0]],
      unknown: ['+', ['case', ['==', ['get', 'f'], unknownFatalities], 1, 0]],
    },
  };
}

const categoryColour: ExpressionSpecification = [
  'match',
  ['get', 'c'],
  ...eventCategories.flatMap((slug, index) => [index, categoryColours[slug]]),
  noCategoryColour,
] as unknown as ExpressionSpecification;

const notCluster: ExpressionSpecification = ['!', ['has', 'point_count']];

/** Radius grows with the square root of the toll, so area is roughly proportional to it. */
const fatalityRadius: ExpressionSpecification = [
  'interpolate',
  ['linear'],
  ['sqrt', ['max', ['get', 'f'], 0]],
  0,
  4,
  10,
  14,
  40,
  26,
];

/**
 * The ring radius at each zoom: `r` pixels at zoom 0, doubling per level, and hidden once
 * it is larger than a tile can hold (the point's translucent fill still says "imprecise").
 */
function ringRadius(): ExpressionSpecification {
  const stops: unknown[] = [];
  for (let zoom = 0; zoom <= maxZoom; zoom++) {
    const radius: ExpressionSpecification = ['*', ['get', 'r'], 2 ** zoom];
    stops.push(zoom, ['case', ['>', radius, maxRingPixels], 0, radius]);
  }
  return [
    'interpolate',
    ['exponential', 2],
    ['zoom'],
    ...stops,
  ] as unknown as ExpressionSpecification;
}

export const eventLayers: CircleLayerSpecification[] = [
  {
    id: ringLayerId,
    type: 'circle',
    source: eventSourceId,
    filter: ['all', notCluster, ['>', ['get', 'r'], 0]],
    paint: {
      'circle-radius': ringRadius(),
      'circle-color': categoryColour,
      'circle-opacity': 0.06,
      'circle-stroke-color': categoryColour,
      'circle-stroke-width': 1.5,
      'circle-stroke-opacity': 0.75,
      'circle-pitch-alignment': 'map',
    },
  },
  {
    id: clusterLayerId,
    type: 'circle',
    source: eventSourceId,
    filter: ['has', 'point_count'],
    paint: {
      'circle-color': '#33414f',
      'circle-opacity': 0.85,
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 1.5,
      'circle-radius': ['step', ['get', 'point_count'], 13, 10, 16, 100, 20, 1000, 25, 10000, 31],
    },
  },
  {
    id: pointLayerId,
    type: 'circle',
    source: eventSourceId,
    filter: notCluster,
    paint: {
      'circle-color': categoryColour,
      'circle-opacity': ['case', ['==', ['get', 'p'], 1], 0.95, 0.4],
      'circle-radius': fatalityRadius,
      'circle-stroke-color': [
        'case',
        ['==', ['get', 'f'], unknownFatalities],
        '#222222',
        ['==', ['get', 'p'], 1],
        '#ffffff',
        categoryColour,
      ],
      'circle-stroke-width': ['case', ['==', ['get', 'f'], unknownFatalities], 1.5, 1.25],
    },
  },
  // The selection: an amber ring on a dark halo, visible on land, sea and clusters alike.
  {
    id: selectedHaloLayerId,
    type: 'circle',
    source: selectedSourceId,
    paint: {
      'circle-radius': 24,
      'circle-color': 'rgba(0,0,0,0)',
      'circle-stroke-color': '#111111',
      'circle-stroke-width': 7,
    },
  },
  {
    id: selectedLayerId,
    type: 'circle',
    source: selectedSourceId,
    paint: {
      'circle-radius': 24,
      'circle-color': 'rgba(0,0,0,0)',
      'circle-stroke-color': '#f0a500',
      'circle-stroke-width': 3.5,
    },
  },
];
