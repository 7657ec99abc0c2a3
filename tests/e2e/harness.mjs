// Shared set-up of the end-to-end tests: serves dist/ (the release build) on
// loopback and drives the system Chromium through playwright-core.
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(join(root, 'tools', 'package.json'));
const { chromium } = require('playwright-core');
const { serve } = await import(join(root, 'tools', 'serve.mjs'));
/** Brings every card held below the answer (issue 32), as a reader scrolling to the end would. */
export const { reachAll } = await import(join(root, 'tools', 'approach.mjs'));

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic',
  '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** The server and browser of a test file, started before its tests. */
export const ctx = { base: '', browser: null, server: null };

// The hooks have timeouts too (tools/test.sh gives each test one): a
// browser that hangs fails the file instead of stalling the run.
before(async () => {
  const { server, url } = await serve(process.env.FT_ROI_DIST ?? join(root, 'dist'));
  ctx.server = server;
  ctx.base = url;
  ctx.browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}, { timeout: 120_000 });

after(async () => {
  await ctx.browser?.close();
  ctx.server?.close();
  ctx.server?.closeAllConnections();
}, { timeout: 60_000 });

/**
 * Opens the calculator (with an optional query string) in a fresh context
 * and waits until it has rendered every card on screen, the ones from wasm
 * chunks included (the root element's `data-ready`); then, as a reader
 * scrolling to the end, until every card held below the answer has come
 * (`reachAll`; `{ near: false }` leaves them held, the rest of `options`
 * is the browser context's). Page errors and console errors fail the test
 * when `check()` is called.
 */
export async function open(query = '', options = {}) {
  const t = await openTabs(1, query, options);
  return { ...t, page: t.pages[0] };
}

/**
 * Opens the calculator in `n` tabs of one fresh context: like tabs of one
 * browser profile, they share localStorage and receive each other's
 * `storage` events. `check()` checks every tab, then closes the context.
 */
export async function openTabs(n, query = '', options = {}) {
  const { near = true, ...contextOptions } = options;
  const context = await ctx.browser.newContext({ viewport: { width: 1280, height: 900 }, ...contextOptions });
  const problems = [];
  const pages = [];
  // Requests that failed, with their frames: a frame removed while it loads
  // (the Embed dialog's preview, replaced for each address or closed with the
  // dialog) has its chunk fetches cancelled, and Chromium reports each as a
  // console error of the page. Not a fault of the page: ignored when the
  // request's frame is gone by the check.
  const torn = [];
  const teardown = (p) => p.startsWith('console: Fetch API cannot load ')
    && torn.some((r) => p.includes(r.url) && r.frame.isDetached());
  for (let k = 0; k < n; k += 1) {
    const page = await context.newPage();
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
    page.on('requestfailed', (r) => { try { torn.push({ url: r.url(), frame: r.frame() }); } catch { /* no frame: a worker's */ } });
    await page.goto(ctx.base + query);
    await page.waitForSelector('input[name="requests"]');
    await page.waitForSelector('html[data-ready]', { state: 'attached' });
    if (near) await reachAll(page);
    pages.push(page);
  }
  return {
    pages,
    context,
    problems,
    async check() {
      for (const page of pages) {
        if (page.isClosed()) continue;
        const text = await page.evaluate(() => document.body.innerText + document.body.innerHTML);
        for (const word of ['NaN', 'Infinity', 'undefined']) assert.ok(!text.includes(word), `page shows ${word}`);
      }
      assert.deepEqual(problems.filter((p) => !teardown(p)), []);
      await context.close();
    },
  };
}

/**
 * The text and data-value of `[data-metric=name]`, or null when absent. Content whose wasm chunk
 * is on its way (a builder just picked: the root has `data-loading` meanwhile) comes first.
 */
export async function metric(page, name) {
  await page.waitForSelector('html:not([data-loading])', { state: 'attached' });
  const el = page.locator(`[data-metric="${name}"]`);
  if ((await el.count()) === 0) return null;
  return { text: (await el.innerText()).trim(), value: await el.getAttribute('data-value') };
}

/** Replaces the text of input `name` as a user would, keystroke by keystroke. */
export async function type(page, name, text) {
  const input = page.locator(`input[name="${name}"]`);
  await input.fill('');
  if (text) await input.pressSequentially(text);
}

/**
 * Waits until the address bar's query has `key` = `value` (`null`: absent).
 * The page writes the address bar once typing pauses, not per keystroke.
 */
export async function waitForParam(page, key, value) {
  await page.waitForFunction(
    ([k, v]) => new URLSearchParams(location.search).get(k) === v,
    [key, value],
  );
}

export { assert };
