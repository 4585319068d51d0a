// The explorer in a real browser: the built app served over HTTP, driven in Debian's
// Chromium with software WebGL. Every request that leaves the local server is refused and
// recorded, so these tests also prove the app needs no network. Screenshots go to
// test-artifacts/ (ignored by git) for a person to look at; nothing is compared to them.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { csvFormat } from '@conflict-events/csv';
import { geojsonFormat } from '@conflict-events/geojson';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appRoot,
  buildExplorer,
  launchChromium,
  refuseOtherOrigins,
  serveDirectory,
  waitForMapRendered,
} from '../scripts/browser-harness.mjs';
import {
  fixtureCsvWithReject,
  fixtureEvents,
  fixtureGeoParquet,
  markupText,
} from './fixtures/events.ts';

const artifacts = join(appRoot, 'test-artifacts');
const testTimeout = 45_000;

let outDir = '';
let server: Awaited<ReturnType<typeof serveDirectory>>;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let refused: string[] = [];
let csvText = '';

interface OpenedPage {
  page: Page;
  dialogs: string[];
  errors: string[];
}

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'explorer-e2e-'));
  await mkdir(artifacts, { recursive: true });
  await buildExplorer(outDir);
  csvText = await fixtureCsvWithReject();
  // Files next to the app, for the `?url=` parameter.
  await writeFile(join(outDir, 'fixture.csv'), csvText);
  await writeFile(join(outDir, 'fixture.csv.gz'), gzipSync(csvText));
  server = await serveDirectory(outDir);
  browser = await launchChromium({ width: 1280, height: 800 });
  refused = await refuseOtherOrigins(browser.context, server.url);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (outDir !== '') await rm(outDir, { recursive: true, force: true });
  expect(refused, 'requests that left the local server').toEqual([]);
});

async function openPage(path = ''): Promise<OpenedPage> {
  const page = await browser.context.newPage();
  const opened: OpenedPage = { page, dialogs: [], errors: [] };
  page.on('dialog', (dialog) => {
    opened.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => opened.errors.push(error.message));
  await page.goto(`${server.url}${path}`);
  return opened;
}

async function openCsv(page: Page, text = csvText, name = 'fixture.csv'): Promise<void> {
  await page.setInputFiles('#file-input', {
    name,
    mimeType: 'text/csv',
    buffer: Buffer.from(text),
  });
  await waitForMapRendered(page);
}

async function shownCount(page: Page): Promise<string> {
  return (await page.textContent('#count-shown')) ?? '';
}

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(artifacts, `${name}.png`) });
}

async function selectFromList(page: Page, id: string): Promise<void> {
  const index = fixtureEvents().findIndex((event) => event.id === id);
  await page.click(`#event-list button[data-index="${index}"]`);
  await page.waitForFunction(
    (expected) => document.querySelector('#event-panel .event-id code')?.textContent === expected,
    id,
  );
}

describe('the explorer in Chromium', () => {
  it(
    'opens the bundled example with one click and draws it on the map',
    async () => {
      const { page, dialogs, errors } = await openPage();
      await page.click('#open-example');
      await waitForMapRendered(page);
      expect(await shownCount(page)).toBe('9');
      expect(await page.textContent('#count-total')).toBe('9');
      // The Mi-8 downing has no point: it is listed, not drawn.
      expect(await page.textContent('#count-without-point')).toBe('1');
      expect(page.url()).toContain('?example=seed');
      expect(await page.textContent('#issues-summary')).toContain('0 rejected');
      const measures = await page.evaluate(() =>
        performance.getEntriesByName('explorer:open-to-render').map((entry) => entry.duration),
      );
      expect(measures).toHaveLength(1);

      // Eight events share one point near Aleppo: the cluster at the centre lists them.
      const box = await page.locator('#map').boundingBox();
      if (!box) throw new Error('the map has no box');
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      await page.waitForFunction(() =>
        document.querySelector('#event-list-caption')?.textContent?.includes('at the spot clicked'),
      );
      expect(await page.locator('#event-list li').count()).toBe(8);
      await screenshot(page, 'seed-example');
      expect(dialogs).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    },
    testTimeout,
  );

  it(
    'filters by category and date, and a reload of the link keeps the filters',
    async () => {
      const { page } = await openPage();
      await openCsv(page);
      for (const category of [
        'explosions-remote-violence',
        'violence-against-civilians',
        'protests',
        'strategic-developments',
      ]) {
        await page.uncheck(`#category-${category}`);
      }
      await waitForMapRendered(page);
      expect(await shownCount(page)).toBe('2');
      await page.fill('#date-from', '2016-08-01');
      await page.dispatchEvent('#date-from', 'change');
      await waitForMapRendered(page);
      expect(await shownCount(page)).toBe('1');
      expect(await page.locator('#event-list li').count()).toBe(1);
      await page.waitForFunction(() => window.location.hash.includes('from=2016-08-01'));
      expect(page.url()).toContain('cat=battles');
      const measured = await page.evaluate(
        () => performance.getEntriesByName('explorer:filter-to-render').length,
      );
      expect(measured).toBeGreaterThan(0);
      await screenshot(page, 'filtered');

      await page.reload();
      await openCsv(page);
      expect(await shownCount(page)).toBe('1');
      expect(await page.isChecked('#category-battles')).toBe(true);
      expect(await page.isChecked('#category-protests')).toBe(false);
      expect(await page.inputValue('#date-from')).toBe('2016-08-01');
      await page.close();
    },
    testTimeout,
  );

  it(
    'opens a gzip-compressed file by the url parameter, then a GeoParquet file',
    async () => {
      const { page, errors } = await openPage('?url=fixture.csv.gz');
      await waitForMapRendered(page);
      expect(await shownCount(page)).toBe('6');
      const status = (await page.textContent('#status')) ?? '';
      expect(status).toContain('fixture.csv.gz (Canonical CSV, gzip, 7 records, 1 rejected');
      expect(page.url()).toContain('?url=fixture.csv.gz');

      await page.setInputFiles('#file-input', {
        name: 'fixture.parquet',
        mimeType: 'application/vnd.apache.parquet',
        buffer: Buffer.from(await fixtureGeoParquet()),
      });
      await page.waitForFunction(() =>
        document.querySelector('#status')?.textContent?.includes('fixture.parquet'),
      );
      await waitForMapRendered(page);
      expect(await shownCount(page)).toBe('6');
      expect(await page.textContent('#status')).toContain('(GeoParquet, 6 records, 0 rejected');
      // A local file cannot be linked to: the address no longer names the old one.
      expect(page.url()).not.toContain('?url=');
      expect(errors).toEqual([]);
      await page.close();
    },
    testTimeout,
  );
});

// One page with the fixture CSV open serves the checks below, each starting from the
// filters reset: opening the app and the file once saves seconds of software rendering.
describe('a CSV opened from the file picker', () => {
  let opened: OpenedPage;
  let page: Page;

  beforeAll(async () => {
    opened = await openPage();
    page = opened.page;
    await openCsv(page);
  }, testTimeout);

  afterAll(async () => {
    expect(opened.dialogs).toEqual([]);
    expect(opened.errors).toEqual([]);
    await page?.close();
  });

  async function resetFilters(): Promise<void> {
    await page.click('#reset-filters');
    await waitForMapRendered(page);
    expect(await shownCount(page)).toBe('6');
  }

  it(
    'counts the events and shows the validation issues',
    async () => {
      await resetFilters();
      expect(await page.textContent('#count-total')).toBe('6');
      const summary = (await page.textContent('#issues-summary')) ?? '';
      expect(summary).toContain('7 records: 6 events loaded, 1 rejected');
      expect(summary).toMatch(/1 warning/);

      // The rejected row has no event; the warning links to its event.
      const rejectedRow = page.locator('#issues-body tr', { hasText: 'row 8' }).first();
      expect(await rejectedRow.textContent()).toContain('not loaded');
      const warning = page.locator('#issues-body tr', { hasText: 'fatalities-order' });
      expect(await warning.locator('td').nth(0).textContent()).toBe('warning');
      expect(await warning.locator('td').nth(2).textContent()).toBe('row 7');
      await warning.getByRole('button', { name: 'Show' }).click();
      await page.waitForFunction(
        () =>
          document.querySelector('#event-panel .event-id code')?.textContent ===
          'fx:bounds-disagree',
      );
      expect(page.url()).not.toContain('?');
      await screenshot(page, 'csv-issue-selected');
    },
    testTimeout,
  );

  it(
    'shows everything about an event: precision, actors, tolls, claims, sources, provenance',
    async () => {
      await selectFromList(page, 'fx:aleppo-clash');
      const panel = page.locator('#event-panel');
      const text = (await panel.textContent()) ?? '';
      for (const expected of [
        'Battles — Armed clash',
        '2016-08-01',
        'day: known to the day',
        'Aleppo',
        'Syria (SYR)',
        '36.2021, 37.1343',
        'place: at the place: an exact spot or named town',
        'Test Army',
        'side a, primary, state forces, SYR',
        'Test Rebel Front',
        'side b, primary, rebel group',
        'Best estimate12',
        'Low10',
        'High15',
        'Test Monitor: best 15',
        'Fifteen were killed.',
        'Clashes on the southern edge of the city.',
        'FX-1',
        'desknorth',
      ]) {
        expect(text, expected).toContain(expected);
      }
      const link = panel.locator('a', { hasText: 'Test Wire' });
      expect(await link.getAttribute('href')).toBe('https://example.org/wire/1');
      expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
      // A javascript: URL is shown as text, never as a link.
      expect(await panel.locator('a', { hasText: 'Test Monitor' }).count()).toBe(0);
      expect(text).toContain('javascript:alert(1)');
      expect(await panel.locator('a[href^="javascript"]').count()).toBe(0);
      await screenshot(page, 'event-panel');

      await selectFromList(page, 'fx:kharkiv-shelling');
      const unknown = (await panel.textContent()) ?? '';
      expect(unknown).toContain('Unknown: no toll was reported. Unknown is not zero.');
      expect(unknown).toContain('near: near a known place');
      await selectFromList(page, 'fx:culiacan-protest');
      expect(await panel.textContent()).toContain('2020-11-01 to 2020-11-30');
      expect(await panel.textContent()).toContain('month: only the month is known');
    },
    testTimeout,
  );

  it(
    'renders markup from a file as text: no element, no script',
    async () => {
      await selectFromList(page, 'fx:maiduguri-attack');
      expect(await page.textContent('#event-panel .notes')).toBe(markupText);
      expect(await page.locator('#event-panel .actor-name').first().textContent()).toBe(markupText);
      expect(await page.locator('img').count()).toBe(0);
      // Give an onerror handler time to fire, were there an image.
      await page.waitForTimeout(300);
      expect(opened.dialogs).toEqual([]);
      expect(opened.errors).toEqual([]);
      await screenshot(page, 'markup-as-text');
    },
    testTimeout,
  );

  it(
    'has labelled controls, landmarks, and a keyboard path to the events',
    async () => {
      const unlabelled = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select')]
          .filter((control) => (control.labels?.length ?? 0) === 0 && !control.ariaLabel)
          .map((control) => control.id || control.outerHTML),
      );
      expect(unlabelled).toEqual([]);
      const landmarks = await page.evaluate(() =>
        ['header', 'main', 'aside', 'footer', 'search'].map(
          (tag) => document.querySelectorAll(tag).length,
        ),
      );
      expect(landmarks.every((count) => count > 0)).toBe(true);

      // The skip link comes first; after the title, Tab reaches the file picker, then the example.
      expect(
        await page.evaluate(
          () => document.querySelector('a[href], button, input, select, [tabindex]')?.className,
        ),
      ).toBe('skip-link');
      await page.click('h1');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('file-input');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('open-example');
      // An event in the list opens with the keyboard alone.
      const index = fixtureEvents().findIndex((event) => event.id === 'fx:culiacan-protest');
      expect(await page.textContent('#event-panel .event-id code')).not.toBe('fx:culiacan-protest');
      await page.focus(`#event-list button[data-index="${index}"]`);
      await page.keyboard.press('Enter');
      await page.waitForFunction(
        () =>
          document.querySelector('#event-panel .event-id code')?.textContent ===
          'fx:culiacan-protest',
      );
    },
    testTimeout,
  );

  it(
    'brushes a date range on the timeline',
    async () => {
      await resetFilters();
      const box = await page.locator('#timeline').boundingBox();
      if (!box) throw new Error('the timeline has no box');
      // From the left end of the plot to a fifth of the way: the 2016 events.
      const y = box.y + box.height / 2;
      await page.mouse.move(box.x + 52, y);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width * 0.1, y, { steps: 4 });
      await page.mouse.move(box.x + box.width * 0.2, y, { steps: 4 });
      await page.mouse.up();
      await waitForMapRendered(page);
      const from = await page.inputValue('#date-from');
      const to = await page.inputValue('#date-to');
      expect(from).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const expected = fixtureEvents().filter(
        (event) => event.date.end >= from && event.date.start <= to,
      );
      expect(expected.length).toBeGreaterThan(0);
      expect(expected.length).toBeLessThan(6);
      expect(await shownCount(page)).toBe(String(expected.length));
      expect(await page.getAttribute('#timeline', 'aria-label')).toContain(
        `range chosen ${from} to ${to}`,
      );
      await page.click('#clear-brush');
      await waitForMapRendered(page);
      expect(await shownCount(page)).toBe('6');
    },
    testTimeout,
  );

  it(
    'exports the filtered events as canonical CSV and as GeoJSON, and both read back',
    async () => {
      await resetFilters();
      await page.selectOption('#country-filter', 'SYR');
      await waitForMapRendered(page);
      expect(await shownCount(page)).toBe('3');
      const expected = ['fx:aleppo-clash', 'fx:no-point', 'fx:bounds-disagree'];
      for (const [id, format, fileName, label] of [
        ['csv', csvFormat, 'fixture-filtered.csv', 'Canonical CSV'],
        ['geojson', geojsonFormat, 'fixture-filtered.geojson', 'GeoJSON'],
      ] as const) {
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.click(`button[data-export="${id}"]`),
        ]);
        expect(download.suggestedFilename()).toBe(fileName);
        const bytes = await readFile(await download.path());
        await writeFile(join(artifacts, `export.${id}`), bytes);
        const ids: string[] = [];
        async function* input(): AsyncIterable<Uint8Array> {
          yield new Uint8Array(bytes);
        }
        for await (const batch of format.read(input())) {
          expect(batch.rejected).toEqual([]);
          ids.push(...batch.events.map((event) => event.id));
        }
        expect(ids, id).toEqual(expected);
        expect(await page.textContent('#export-status')).toBe(`Saved 3 events as ${label}.`);
      }
    },
    testTimeout,
  );
});
