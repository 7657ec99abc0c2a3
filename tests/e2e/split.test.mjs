// Code splitting in a real browser: the cards below the results and the
// builders come from wasm chunks loaded after the first paint. A chunk that
// cannot be loaded (offline, blocked, tampered with) leaves a message and a
// button where its cards would be, and the rest of the page keeps working.
import { test } from 'node:test';
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assert, ctx, metric, reachAll, type } from './harness.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = process.env.FT_ROI_DIST ?? join(root, 'dist');
const { serve } = await import(join(root, 'tools', 'serve.mjs'));

/** Opens `base` + `query` with the requests matching `blocked` failing; scrolls through it and waits until every card has come or failed. */
async function openBlocked(blocked, query = '', base = ctx.base) {
  const context = await ctx.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const pageErrors = [];
  const consoleErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  const state = { blocking: true };
  if (blocked) {
    await context.route(blocked, (route) => (state.blocking ? route.abort('failed') : route.continue()));
  }
  await page.goto(base + query);
  await reachAll(page);
  return { context, page, pageErrors, consoleErrors, state };
}

test('the first view needs no chunk: the chunks come after the figures', async () => {
  const context = await ctx.browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__chunksBeforeFigure = null;
    new MutationObserver((_, mo) => {
      if (document.querySelector('[data-metric="net_benefit"]')?.getAttribute('data-value')) {
        window.__chunksBeforeFigure = performance.getEntriesByType('resource')
          .filter((e) => e.name.endsWith('.wasm') && !e.name.endsWith('_bg.wasm')).map((e) => e.name);
        mo.disconnect();
      }
    }).observe(document, { childList: true, subtree: true, attributes: true });
  });
  const chunks = [];
  page.on('request', (r) => { if (r.url().endsWith('.wasm') && !r.url().endsWith('_bg.wasm')) chunks.push(r.url()); });
  await page.goto(ctx.base);
  await page.waitForSelector('html[data-ready]', { state: 'attached' });
  assert.deepEqual(await page.evaluate(() => window.__chunksBeforeFigure), []);
  // After it, the page fetched its chunks, each once.
  assert.ok(chunks.length >= 3, chunks.join('\n'));
  assert.equal(new Set(chunks).size, chunks.length, chunks.join('\n'));
  await context.close();
});

test('a chunk that fails to load leaves a message where its cards would be; figures and inputs keep working; trying again brings the card', async () => {
  const t = await openBlocked('**/split_below-*.wasm');
  const { page } = t;
  // The cards of that chunk: one message each, in their places, below the charts.
  const failed = page.locator('[data-testid="split-failed"]');
  assert.equal(await failed.count(), 6);
  assert.match(await failed.first().innerText(), /Could not load the calculation basis\. Everything else on the page works\./);
  assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll('main > *')].map((e) => e.className)),
    ['hero', 'notices', 'layout', 'card charts', ...Array(6).fill('card split-failed')]);
  for (const card of ['.card.basis', '.card.formulas', '.card.compare', '.card.explainer']) {
    assert.equal(await page.locator(card).count(), 0, card);
  }
  // The figures, the inputs and the charts still work.
  assert.equal((await metric(page, 'net_benefit')).text, '$5,900.00');
  await type(page, 'requests', '200000');
  assert.equal((await metric(page, 'net_benefit')).text, '$15,500.00');
  await page.locator('[data-chart="timeline"] [data-marker="break-even"]').waitFor({ state: 'attached' });
  assert.deepEqual(t.pageErrors, []);
  // Once the chunk can be fetched, Try again brings the card, with today's figures.
  t.state.blocking = false;
  await failed.first().getByRole('button', { name: 'Try again' }).click();
  await page.locator('.card.basis').waitFor();
  assert.equal(await failed.count(), 5);
  assert.equal((await metric(page, 'baseline_horizon_cost')).text, '$48,000.00');
  assert.deepEqual(t.pageErrors, []);
  await t.context.close();
});

test('a builder whose chunk fails to load leaves a message in its section; the rest of the form keeps working', async () => {
  const t = await openBlocked('**/split_builders-*.wasm');
  const { page } = t;
  await page.check('input[name="cost_mode"][value="tokens"]');
  const failed = page.locator('.section [data-testid="split-failed"]');
  await failed.waitFor();
  assert.match(await failed.innerText(), /Could not load the request-cost builder/);
  // The figures stay (the builder's defaults are the example's), and other fields still edit them.
  assert.equal((await metric(page, 'net_benefit')).text, '$5,900.00');
  await type(page, 'months', '24');
  assert.equal((await metric(page, 'net_benefit')).text, '$14,300.00');
  t.state.blocking = false;
  await failed.getByRole('button', { name: 'Try again' }).click();
  await page.locator('input[name="base_input_tokens"]').waitFor();
  assert.equal(await page.locator('[data-testid="split-failed"]').count(), 0);
  assert.deepEqual(t.pageErrors, []);
  await t.context.close();
});

test('a tampered chunk is refused by its integrity, and the page keeps working', async () => {
  const copy = await mkdtemp(join(tmpdir(), 'ft-roi-tampered-chunk-'));
  await cp(dist, copy, { recursive: true });
  const name = (await readdir(copy)).find((f) => /^split_charts-.*\.wasm$/.test(f));
  const body = await readFile(join(copy, name));
  body[body.length - 2] ^= 0x01;
  await writeFile(join(copy, name), body);
  const { server, url } = await serve(copy);
  try {
    const t = await openBlocked(null, '', url);
    const { page } = t;
    await page.locator('[data-testid="split-failed"]').waitFor();
    assert.match(await page.locator('[data-testid="split-failed"]').innerText(), /Could not load the charts/);
    assert.equal(await page.locator('[data-chart="timeline"]').count(), 0);
    assert.ok(t.consoleErrors.some((e) => /integrity/i.test(e)), t.consoleErrors.join(' | '));
    assert.equal((await metric(page, 'net_benefit')).text, '$5,900.00');
    // The other cards came.
    await page.locator('.card.explainer').waitFor();
    assert.deepEqual(t.pageErrors, []);
    // The tampered file really differs from what the loader expects.
    const loader = (await readdir(copy)).find((f) => f.startsWith('__wasm_split-'));
    const expected = (await readFile(join(copy, loader), 'utf8')).match(new RegExp(`${name}",import\\.meta\\.url\\),\\{integrity:"sha384-([^"]+)"`))[1];
    assert.notEqual(createHash('sha384').update(body).digest('base64'), expected);
    await t.context.close();
  } finally {
    server.close();
    server.closeAllConnections();
    await rm(copy, { recursive: true });
  }
});

test('with a range, a simulation chunk that fails to load leaves its message; the deterministic figures stay; trying again runs the simulation', async () => {
  const t = await openBlocked('**/split_simulation-*.wasm', '?requests_low=-30&requests_high=50');
  const { page } = t;
  const failed = page.locator('[data-testid="split-failed"]');
  await failed.waitFor();
  assert.match(await failed.innerText(), /Could not load the uncertainty simulation/);
  assert.equal(await page.locator('[data-metric="prob_positive"]').count(), 0);
  assert.equal((await metric(page, 'net_benefit')).text, '$5,900.00');
  await type(page, 'months', '24');
  assert.equal((await metric(page, 'net_benefit')).text, '$14,300.00');
  assert.deepEqual(t.pageErrors, []);
  t.state.blocking = false;
  await failed.getByRole('button', { name: 'Try again' }).click();
  await page.locator('[data-metric="prob_positive"][data-value]').waitFor();
  assert.equal(await failed.count(), 0);
  assert.deepEqual(t.pageErrors, []);
  await t.context.close();
});
