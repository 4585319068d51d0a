// The offline basemap: Natural Earth country shapes (world-atlas, 1:110m) shipped with the
// app as a file, drawn as a fill and a border line. No tile server, fonts or sprites: the
// map works with the network off.
import type { FeatureCollection } from 'geojson';
import type { StyleSpecification } from 'maplibre-gl';
import { feature } from 'topojson-client';
import countriesUrl from 'world-atlas/countries-110m.json?url';
import { unwrapAntimeridian } from './unwrap-antimeridian.ts';

type Topology = Parameters<typeof feature>[0];

export const basemapColours = {
  sea: '#d4e3ec',
  land: '#f5f2ea',
  border: '#8e8e8e',
};

/** The country shapes as GeoJSON. */
export async function loadCountries(): Promise<FeatureCollection> {
  const response = await fetch(countriesUrl);
  if (!response.ok) throw new Error(`the country shapes did not load (HTTP ${response.status})`);
  const topology = (await response.json()) as Topology;
  const countries = topology.objects.countries;
  if (topology.type !== 'Topology' || countries === undefined) {
    throw new Error('the country shapes file is not the expected TopoJSON');
  }
  const shapes = feature(topology, countries);
  return unwrapAntimeridian(
    shapes.type === 'FeatureCollection'
      ? shapes
      : { type: 'FeatureCollection', features: [shapes] },
  );
}

/** A style with the sea and the countries; event layers are added on top. */
export function basemapStyle(countries: FeatureCollection): StyleSpecification {
  return {
    version: 8,
    sources: {
      countries: {
        type: 'geojson',
        data: countries,
        attribution: 'Country shapes: Natural Earth (public domain) via world-atlas',
      },
    },
    layers: [
      { id: 'sea', type: 'background', paint: { 'background-color': basemapColours.sea } },
      {
        id: 'countries-fill',
        type: 'fill',
        source: 'countries',
        paint: { 'fill-color': basemapColours.land },
      },
      {
        id: 'countries-border',
        type: 'line',
        source: 'countries',
        paint: { 'line-color': basemapColours.border, 'line-width': 0.6 },
      },
    ],
  };
}
