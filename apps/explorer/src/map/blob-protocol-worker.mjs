// Loaded into MapLibre's own workers (importScriptInWorkers) to spare the page a copy of
// every feature. Two MapLibre behaviours would otherwise make the page clone the whole
// collection (seconds for 100 000 features): it fetches `blob:` URLs on the page's thread,
// and it sends data it loaded from a URL back to the page (for `getData`, which the
// explorer never calls). Under the `explorer-blob://` scheme this worker fetches and
// parses the GeoJSON text itself, and the features are made non-enumerable: the structured
// clone that carries the result to the page copies enumerable properties only, while the
// worker's index reads `features` as usual. The page keeps an empty collection.

const scheme = 'explorer-blob';
const prefix = `${scheme}://`;

/**
 * MapLibre sets `addProtocol` on the worker's global scope for scripts like this one.
 * @type {{ addProtocol(name: string, load: (request: { url: string }) => Promise<{ data: unknown }>): void }}
 */
const worker = /** @type {never} */ (self);

worker.addProtocol(scheme, async (request) => {
  const response = await fetch(request.url.slice(prefix.length));
  if (!response.ok) throw new Error(`could not read the map data (HTTP ${response.status})`);
  const collection = await response.json();
  Object.defineProperty(collection, 'features', {
    value: collection.features,
    enumerable: false,
    writable: true,
    configurable: true,
  });
  return { data: collection };
});
