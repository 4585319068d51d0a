// Benchmark of the explorer in a browser (not a test): it writes 100 000 generated events as
// NDJSON, opens them in the built app in Chromium and prints how long the page takes from
// the file input to the first map frame with the data, how long typical filter changes take
// to reach the map, and the longest task that blocked the page meanwhile.
//
//   node apps/explorer/bench/explorer-bench.mjs [--events 100000] [--format ndjson|csv]
//                                               [--dist path/to/built/app] [--runs 3]
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  buildExplorer,
  launchChromium,
  refuseOtherOrigins,
  serveDirectory,
  waitForMapRendered,
} from '../scripts/browser-harness.mjs';
import { generateEvents } from './generate-bench-events.mjs';

/**
 * @param {string} name
 * @param {string} fallback
 */
function flag(name, fallback) {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : (process.argv[index + 1] ?? fallback);
}

const eventCount = Number(flag('events', '100000'));
const format = flag('format', 'ndjson');
const runs = Number(flag('runs', '3'));
const givenDist = flag('dist', '');
const dataDir = fileURLToPath(new URL('./.data/', import.meta.url));

/**
 * Writes the events as NDJSON or canonical CSV; the CSV writer is the real one.
 * @param {string} path
 */
async function writeInput(path) {
  const file = createWriteStream(path);
  /** @param {string | Uint8Array} chunk */
  const write = (chunk) =>
    file.write(chunk)
      ? undefined
      : new Promise((done) => file.once('drain', () => done(undefined)));
  if (format === 'csv') {
    const { csvFormat } = await import('@conflict-events/csv');
    async function* events() {
      yield* generateEvents(eventCount);
    }
    // The generator's literals are plain strings to TypeScript; the app validates them.
    const typed = /** @type {AsyncIterable<import('@conflict-events/schema').ConflictEvent>} */ (
      /** @type {unknown} */ (events())
    );
    for await (const chunk of csvFormat.write(typed)) await write(chunk);
  } else {
    for (const event of generateEvents(eventCount)) await write(`${JSON.stringify(event)}\n`);
  }
  await new Promise((done) => file.end(() => done(undefined)));
}

/**
 * Writes a line of the report (a script's output, not logging).
 * @param {string} line
 */
function print(line) {
  process.stdout.write(`${line}\n`);
}

/** @param {number[]} values */
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** @param {number} milliseconds */
const ms = (milliseconds) => `${milliseconds.toFixed(0)} ms`;

await mkdir(dataDir, { recursive: true });
const input = join(dataDir, `explorer-${eventCount}.${format}`);
let started = performance.now();
await writeInput(input);
const size = (await stat(input)).size;
print(
  `input: ${eventCount} events, ${format}, ${(size / 1e6).toFixed(1)} MB (written in ${ms(performance.now() - started)})`,
);

let dist = givenDist;
let builtDir = '';
if (dist === '') {
  builtDir = await mkdtemp(join(tmpdir(), 'explorer-bench-'));
  started = performance.now();
  await buildExplorer(builtDir);
  print(`build: ${ms(performance.now() - started)}`);
  dist = builtDir;
}
const server = await serveDirectory(dist);
// Other work on the machine slows a browser with software WebGL a lot: say how busy it was.
const loadBefore = loadavg()[0] ?? 0;
const browser = await launchChromium({ width: 1280, height: 800 });
const refused = await refuseOtherOrigins(browser.context, server.url);

/** @type {Record<string, number[]>} */
const results = {};
/**
 * @param {string} name
 * @param {number} value
 */
const record = (name, value) => {
  results[name] ??= [];
  results[name].push(value);
};

try {
  for (let run = 0; run < runs; run++) {
    const page = await browser.context.newPage();
    await page.goto(server.url);
    await page.waitForFunction(() => document.body.dataset.map === 'ready', undefined, {
      timeout: 60_000,
    });
    // Long tasks on the page's main thread while the file is read and drawn.
    await page.evaluate(() => {
      const store = /** @type {{ longTasks: number[] }} */ (/** @type {unknown} */ (window));
      store.longTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) store.longTasks.push(entry.duration);
      }).observe({ type: 'longtask', buffered: false });
    });
    await page.setInputFiles('#file-input', input);
    await waitForMapRendered(page, 300_000);
    const opened = await page.evaluate(() => {
      const store = /** @type {{ longTasks: number[] }} */ (/** @type {unknown} */ (window));
      const measure = (/** @type {string} */ name) =>
        performance.getEntriesByName(name).at(-1)?.duration ?? Number.NaN;
      return {
        loaded: measure('explorer:open-to-loaded'),
        rendered: measure('explorer:open-to-render'),
        longest: Math.max(0, ...store.longTasks),
        shown: document.getElementById('count-shown')?.textContent ?? '',
      };
    });
    record('file input → table in the page', opened.loaded);
    record('file input → first map frame', opened.rendered);
    record('longest page task while opening', opened.longest);

    /** One filter change and the time until the map shows it. */
    const filter = async (
      /** @type {string} */ name,
      /** @type {() => Promise<unknown>} */ act,
    ) => {
      await page.evaluate(() => {
        performance.clearMeasures('explorer:filter-to-render');
        performance.clearMeasures('explorer:filter-to-page');
      });
      await act();
      await waitForMapRendered(page, 60_000);
      await page.waitForFunction(
        () => performance.getEntriesByName('explorer:filter-to-render').length > 0,
      );
      const durations = await page.evaluate(() =>
        ['explorer:filter-to-page', 'explorer:filter-to-render'].map(
          (measure) => performance.getEntriesByName(measure).at(-1)?.duration ?? Number.NaN,
        ),
      );
      // Counts, list and timeline show the new filter at once; the map follows.
      record(`filter, page updated: ${name}`, durations[0] ?? Number.NaN);
      record(`filter, map drawn: ${name}`, durations[1] ?? Number.NaN);
    };
    await filter('uncheck a category', () => page.uncheck('#category-battles'));
    await filter('check it again', () => page.check('#category-battles'));
    await filter('one country', () => page.selectOption('#country-filter', 'UKR'));
    await filter('all countries', () => page.selectOption('#country-filter', ''));
    await filter('actor search (after the 200 ms typing pause)', () =>
      page.fill('#actor-filter', 'brigade 1'),
    );
    await filter('clear the actor search', () => page.fill('#actor-filter', ''));
    const box = await page.locator('#timeline').boundingBox();
    if (box) {
      await filter('brush a third of the timeline', async () => {
        const y = box.y + box.height / 2;
        await page.mouse.move(box.x + box.width * 0.3, y);
        await page.mouse.down();
        await page.mouse.move(box.x + box.width * 0.6, y, { steps: 6 });
        await page.mouse.up();
      });
      await filter('clear the date range', () => page.click('#clear-brush'));
    }
    print(`run ${run + 1}: ${opened.shown} events shown`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
  if (builtDir !== '') await rm(builtDir, { recursive: true, force: true });
}

print(
  `\nmedian of ${runs} runs (Chromium, software WebGL, 1280×800; ${cpus().length} CPUs, load average ${loadBefore.toFixed(1)} before, ${(loadavg()[0] ?? 0).toFixed(1)} after):`,
);
for (const [name, values] of Object.entries(results)) {
  print(`  ${name.padEnd(48)} ${ms(median(values)).padStart(9)}   (${values.map(ms).join(', ')})`);
}
if (refused.length > 0) print(`requests refused (the app should need none): ${refused.join(', ')}`);
