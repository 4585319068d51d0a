// The map view: MapLibre with the offline basemap and the event layers. It turns a filter
// mask into the clustered source's data, reports when the new data is on screen, and turns
// clicks into "select this event" or "choose among these events".
import type { FeatureCollection } from 'geojson';
import {
  type GeoJSONSource,
  importScriptInWorkers,
  LngLatBounds,
  type MapGeoJSONFeature,
  Map as MapLibreMap,
  type MapMouseEvent,
  NavigationControl,
  ScaleControl,
  setWorkerUrl,
} from 'maplibre-gl';
import maplibreWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { EventTable } from '../data/event-table.ts';
import type { MapView } from '../state/filter-state.ts';
import { basemapStyle, loadCountries } from './basemap.ts';
import blobProtocolUrl from './blob-protocol-worker.mjs?url';
import {
  clusterCountLayer,
  clusterLayers,
  provideClusterCountIcons,
} from './cluster-count-icons.ts';
import {
  clusterMaxZoom,
  eventLayers,
  eventSource,
  eventSourceId,
  maxZoom,
  pointLayerId,
  selectedSourceId,
} from './event-layers.ts';

export interface EventMapCallbacks {
  /** One event was clicked. */
  select(index: number): void;
  /** Several events share the clicked spot (or a cluster that cannot split further). */
  choose(indexes: number[]): void;
  /** The view moved (after the movement ends). */
  moved(view: MapView): void;
  /** The data last given is drawn and the map is idle. */
  rendered(): void;
}

/** Makes the source's GeoJSON for a filter mask (in the loading worker). */
export type FeatureSource = (passes: Uint8Array) => Promise<Blob>;

const clickTolerancePixels = 5;
const maxChoices = 200;
// Close enough to see the region, wide enough to keep the coarse basemap readable; the
// selection ring is drawn on its own layer, so a clustered event still shows.
const flyZoom = 5;

function emptyCollection(): FeatureCollection {
  return { type: 'FeatureCollection', features: [] };
}

function indexOf(feature: MapGeoJSONFeature): number | undefined {
  const index = feature.properties.i;
  return typeof index === 'number' ? index : undefined;
}

export class EventMap {
  private table: EventTable | undefined;
  private featureSource: FeatureSource | undefined;
  private pending: Uint8Array | undefined;
  private updating = false;

  private constructor(
    private readonly map: MapLibreMap,
    private readonly callbacks: EventMapCallbacks,
  ) {
    map.on('click', (event) => this.click(event));
    for (const layer of [...clusterLayers, pointLayerId]) {
      map.on('mouseenter', layer, () => {
        map.getCanvas().style.cursor = 'pointer';
      });
      map.on('mouseleave', layer, () => {
        map.getCanvas().style.cursor = '';
      });
    }
    map.on('moveend', () => {
      const center = map.getCenter();
      callbacks.moved({ zoom: map.getZoom(), lat: center.lat, lon: center.lng });
    });
  }

  /** Creates the map in `container` once the basemap has loaded. */
  static async create(
    container: HTMLElement,
    callbacks: EventMapCallbacks,
    view: MapView | undefined,
  ): Promise<EventMap> {
    setWorkerUrl(maplibreWorkerUrl);
    const countries = await loadCountries();
    const map = new MapLibreMap({
      container,
      style: basemapStyle(countries),
      center: view ? [view.lon, view.lat] : [20, 20],
      zoom: view?.zoom ?? 1.2,
      maxZoom,
      dragRotate: false,
      pitchWithRotate: false,
      touchPitch: false,
      attributionControl: { compact: false },
      // Cluster counts appear at once rather than fading in: a filter change is drawn in
      // one frame and the map is idle sooner.
      fadeDuration: 0,
    });
    map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
    map
      .getCanvas()
      .setAttribute(
        'aria-label',
        'Map of the events shown; the event list offers the same events by keyboard',
      );
    provideClusterCountIcons(map);
    await new Promise<void>((resolve) => map.once('load', () => resolve()));
    await importScriptInWorkers(new URL(blobProtocolUrl, window.location.href).href);
    map.addSource(eventSourceId, eventSource());
    map.addSource(selectedSourceId, { type: 'geojson', data: emptyCollection() });
    for (const layer of eventLayers) map.addLayer(layer);
    map.addLayer(clusterCountLayer);
    return new EventMap(map, callbacks);
  }

  /** A newly loaded file, and where the map gets its features for a filter. */
  showTable(table: EventTable, featureSource: FeatureSource): void {
    this.table = table;
    this.featureSource = featureSource;
  }

  /**
   * Draws the events where `passes` is 1. Calls in quick succession (a brush being dragged)
   * coalesce: one update runs at a time and only the latest mask waiting is drawn next.
   */
  showFiltered(passes: Uint8Array): void {
    this.pending = passes;
    if (!this.updating) void this.update();
  }

  private async update(): Promise<void> {
    const source = this.map.getSource<GeoJSONSource>(eventSourceId);
    if (!source) return;
    this.updating = true;
    try {
      while (this.pending && this.featureSource) {
        const passes = this.pending;
        this.pending = undefined;
        try {
          await this.draw(source, this.featureSource, passes);
        } catch {
          // The worker went away because another file was opened: its mask, if it has come
          // already, is pending and drawn next.
          continue;
        }
        if (this.pending) continue;
        // The source reloads its tiles after taking the data: the next idle event is the
        // first frame that shows it.
        do {
          await new Promise<void>((resolve) => this.map.once('idle', () => resolve()));
        } while (!this.pending && !this.map.loaded());
        if (!this.pending) this.callbacks.rendered();
      }
    } finally {
      this.updating = false;
    }
  }

  private async draw(
    source: GeoJSONSource,
    featureSource: FeatureSource,
    passes: Uint8Array,
  ): Promise<void> {
    const blob = await featureSource(passes);
    // MapLibre's worker fetches and parses the text (blob-protocol-worker.mjs); the page
    // copies nothing.
    const url = URL.createObjectURL(blob);
    try {
      await source.setData(`explorer-blob://${url}`);
    } finally {
      URL.revokeObjectURL(url);
    }
  }

  /** No file: no events on the map. */
  showEmpty(): void {
    this.table = undefined;
    this.featureSource = undefined;
    this.pending = undefined;
    this.map.getSource<GeoJSONSource>(eventSourceId)?.setData(emptyCollection());
    this.map.getSource<GeoJSONSource>(selectedSourceId)?.setData(emptyCollection());
  }

  /** Moves the view, as a link asks. */
  setView(view: MapView): void {
    this.map.jumpTo({ center: [view.lon, view.lat], zoom: view.zoom });
  }

  /** Fits the view to the events where `passes` is 1 (all events when absent). */
  fitToEvents(passes?: Uint8Array): void {
    const table = this.table;
    if (!table) return;
    let west = Number.POSITIVE_INFINITY;
    let south = Number.POSITIVE_INFINITY;
    let east = Number.NEGATIVE_INFINITY;
    let north = Number.NEGATIVE_INFINITY;
    for (let index = 0; index < table.count; index++) {
      if (passes && passes[index] !== 1) continue;
      const lon = table.lon[index] ?? Number.NaN;
      const lat = table.lat[index] ?? Number.NaN;
      if (Number.isNaN(lon) || Number.isNaN(lat)) continue;
      west = Math.min(west, lon);
      east = Math.max(east, lon);
      south = Math.min(south, lat);
      north = Math.max(north, lat);
    }
    if (west > east) return;
    // The 1:110m basemap says little past zoom 6, so one spot is shown with its region.
    this.map.fitBounds(new LngLatBounds([west, south], [east, north]), {
      padding: 60,
      maxZoom: 6,
      duration: 0,
    });
  }

  /** Marks an event as selected; flies to it when asked and it has a point. */
  select(index: number | undefined, fly: boolean): void {
    const source = this.map.getSource<GeoJSONSource>(selectedSourceId);
    const table = this.table;
    const lon = index === undefined ? Number.NaN : (table?.lon[index] ?? Number.NaN);
    const lat = index === undefined ? Number.NaN : (table?.lat[index] ?? Number.NaN);
    if (Number.isNaN(lon) || Number.isNaN(lat)) {
      source?.setData(emptyCollection());
      return;
    }
    source?.setData({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', geometry: { type: 'Point', coordinates: [lon, lat] }, properties: {} },
      ],
    });
    if (fly) {
      this.map.flyTo({ center: [lon, lat], zoom: Math.max(this.map.getZoom(), flyZoom) });
    }
  }

  private async click(event: MapMouseEvent): Promise<void> {
    const { x, y } = event.point;
    const box: [[number, number], [number, number]] = [
      [x - clickTolerancePixels, y - clickTolerancePixels],
      [x + clickTolerancePixels, y + clickTolerancePixels],
    ];
    const clusters = this.map.queryRenderedFeatures(box, { layers: clusterLayers });
    const cluster = clusters[0];
    if (cluster) {
      await this.openCluster(cluster);
      return;
    }
    const points = this.map.queryRenderedFeatures(box, { layers: [pointLayerId] });
    const indexes = [...new Set(points.map(indexOf).filter((index) => index !== undefined))];
    const [only] = indexes;
    if (only !== undefined && indexes.length === 1) this.callbacks.select(only);
    else if (indexes.length > 1) this.callbacks.choose(indexes.slice(0, maxChoices));
  }

  private async openCluster(cluster: MapGeoJSONFeature): Promise<void> {
    const source = this.map.getSource<GeoJSONSource>(eventSourceId);
    const clusterId = cluster.properties.cluster_id;
    if (!source || typeof clusterId !== 'number' || cluster.geometry.type !== 'Point') return;
    const zoom = await source.getClusterExpansionZoom(clusterId);
    const [lon, lat] = cluster.geometry.coordinates;
    if (zoom <= clusterMaxZoom) {
      this.map.easeTo({ center: [lon ?? 0, lat ?? 0], zoom });
      return;
    }
    // Past the last clustered zoom the events lie within a few pixels, often at one spot
    // (a province centroid): they are listed rather than zoomed into.
    const leaves = await source.getClusterLeaves(clusterId, maxChoices, 0);
    const indexes = leaves
      .map((leaf) => leaf.properties?.i)
      .filter((index): index is number => typeof index === 'number');
    this.callbacks.choose(indexes);
  }
}
