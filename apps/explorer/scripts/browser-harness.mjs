// What the browser tests, the benchmark and the screenshot script share: build the app with
// Vite, serve the folder over HTTP on a free local port, and start Debian's Chromium with
// software WebGL (SwiftShader). No browser is ever downloaded.
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build } from 'vite';

export const appRoot = fileURLToPath(new URL('..', import.meta.url));
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Chromium flags: headless, quiet, and WebGL in software since there is no GPU. */
export const chromiumArguments = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

const mediaTypes = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.map': 'application/json',
  '.csv': 'text/csv; charset=utf-8',
  '.ndjson': 'application/x-ndjson',
  '.gz': 'application/gzip',
};

/**
 * Builds the explorer into `outDir` (a static folder with relative URLs).
 * @param {string} outDir
 * @returns {Promise<void>}
 */
export async function buildExplorer(outDir) {
  await build({
    configFile: join(appRoot, 'vite.config.ts'),
    root: appRoot,
    logLevel: 'silent',
    build: { outDir, emptyOutDir: true, reportCompressedSize: false },
  });
}

/**
 * Serves a folder read-only (GET and HEAD) on 127.0.0.1 at a free port.
 * @param {string} root
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function serveDirectory(root) {
  const base = resolve(root);
  const server = createServer(async (request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405).end();
      return;
    }
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const file = normalize(join(base, path.endsWith('/') ? `${path}index.html` : path));
    if (file !== base && !file.startsWith(base + sep)) {
      response.writeHead(403).end();
      return;
    }
    try {
      const info = await stat(file);
      if (!info.isFile()) throw new Error('not a file');
      const body = await readFile(file);
      response.writeHead(200, {
        'content-type':
          mediaTypes[/** @type {keyof typeof mediaTypes} */ (extname(file))] ??
          'application/octet-stream',
        'content-length': body.byteLength,
        'cache-control': 'no-store',
      });
      response.end(request.method === 'HEAD' ? undefined : body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', () => done(undefined)));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the server has no port');
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: () => new Promise((done) => server.close(() => done(undefined))),
  };
}

/**
 * Starts Chromium with a fresh profile in a temporary folder.
 * @param {{ width?: number, height?: number }} [viewport]
 * @returns {Promise<{ context: import('playwright-core').BrowserContext, close: () => Promise<void> }>}
 */
export async function launchChromium(viewport = {}) {
  const profile = await mkdtemp(join(tmpdir(), 'explorer-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArguments,
    viewport: { width: viewport.width ?? 1400, height: viewport.height ?? 900 },
    acceptDownloads: true,
  });
  return {
    context,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Fails every request that leaves the local server, and records it: the app must work
 * with no network. Returns the list of refused addresses.
 * @param {import('playwright-core').BrowserContext} context
 * @param {string} allowedOrigin
 * @returns {Promise<string[]>}
 */
export async function refuseOtherOrigins(context, allowedOrigin) {
  /** @type {string[]} */
  const refused = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(allowedOrigin) || url.startsWith('blob:') || url.startsWith('data:')) {
      return route.continue();
    }
    refused.push(url);
    return route.abort('blockedbyclient');
  });
  return refused;
}

/**
 * Waits until the app has drawn the current data on the map.
 * @param {import('playwright-core').Page} page
 * @param {number} [timeout]
 */
export async function waitForMapRendered(page, timeout = 30_000) {
  await page.waitForFunction(
    () => document.body.dataset.state === 'ready' && document.body.dataset.map === 'rendered',
    undefined,
    { timeout },
  );
}
