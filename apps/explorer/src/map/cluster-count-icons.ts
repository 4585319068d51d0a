// Cluster counts drawn as icons made on a canvas when MapLibre first asks for them. Text in
// a MapLibre layer needs glyph files from a server; an icon-only symbol layer does not, so
// the counts show with the network off.
import type { Map as MapLibreMap, SymbolLayerSpecification } from 'maplibre-gl';
import { clusterLayerId, eventSourceId } from './event-layers.ts';

export const clusterCountLayerId = 'event-cluster-counts';
const iconPrefix = 'cluster-count:';

export const clusterCountLayer: SymbolLayerSpecification = {
  id: clusterCountLayerId,
  type: 'symbol',
  source: eventSourceId,
  filter: ['has', 'point_count'],
  layout: {
    'icon-image': ['concat', iconPrefix, ['get', 'point_count_abbreviated']],
    'icon-allow-overlap': true,
    'icon-ignore-placement': true,
  },
};

function drawCount(text: string, pixelRatio: number): ImageData | undefined {
  const fontPixels = 12 * pixelRatio;
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d');
  if (!context) return undefined;
  const font = `600 ${fontPixels}px system-ui, sans-serif`;
  context.font = font;
  const width = Math.ceil(context.measureText(text).width + 4 * pixelRatio);
  const height = Math.ceil(fontPixels * 1.4);
  canvas.width = width;
  canvas.height = height;
  context.font = font;
  context.fillStyle = '#ffffff';
  context.textAlign = 'center';
  context.textBaseline = 'middle';
  context.fillText(text, width / 2, height / 2);
  return context.getImageData(0, 0, width, height);
}

/** Makes count icons on demand; call once after the map is created. */
export function provideClusterCountIcons(map: MapLibreMap): void {
  const pixelRatio = Math.max(1, Math.round(window.devicePixelRatio || 1));
  map.setMissingStyleImageResolver((id) => {
    if (!id.startsWith(iconPrefix) || map.hasImage(id)) return;
    const image = drawCount(id.slice(iconPrefix.length), pixelRatio);
    if (image) map.addImage(id, image, { pixelRatio });
  });
}

/** The layers a click on a cluster can land on. */
export const clusterLayers = [clusterLayerId, clusterCountLayerId];
