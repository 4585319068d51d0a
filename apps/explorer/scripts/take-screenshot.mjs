// Takes the README's screenshot (docs/screenshot.png): the built app in Chromium with
// 20 000 generated benchmark events open, a world view and one event selected, both given
// by the link's fragment as a shared view would give them.
//
//   node apps/explorer/scripts/take-screenshot.mjs
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateEvents } from '../bench/generate-bench-events.mjs';
import {
  appRoot,
  buildExplorer,
  launchChromium,
  refuseOtherOrigins,
  serveDirectory,
  waitForMapRendered,
} from './browser-harness.mjs';

const work = await mkdtemp(join(tmpdir(), 'explorer-screenshot-'));
const input = join(work, 'generated-events.ndjson');
await writeFile(
  input,
  [...generateEvents(20_000)].map((event) => JSON.stringify(event)).join('\n'),
);
const dist = join(work, 'dist');
await buildExplorer(dist);
const server = await serveDirectory(dist);
const browser = await launchChromium({ width: 1440, height: 900 });
try {
  const refused = await refuseOtherOrigins(browser.context, server.url);
  const page = await browser.context.newPage();
  await page.goto(`${server.url}#event=bench%3A2&map=1.6/18/40`);
  await page.waitForFunction(() => document.body.dataset.map === 'ready', undefined, {
    timeout: 60_000,
  });
  await page.setInputFiles('#file-input', input);
  await waitForMapRendered(page, 120_000);
  await page.waitForSelector('#event-panel .event-id');
  const path = join(appRoot, 'docs', 'screenshot.png');
  await page.screenshot({ path });
  console.log(`wrote ${path}`);
  if (refused.length > 0) throw new Error(`the app asked the network for ${refused.join(', ')}`);
} finally {
  await browser.close();
  await server.close();
  await rm(work, { recursive: true, force: true });
}
