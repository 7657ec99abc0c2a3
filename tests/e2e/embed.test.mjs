// Embedding and presentation in a real browser: currency and locale through
// Intl, the compact embed layout, theme and accent, the example host page
// with auto-height iframes, the Embed dialog's snippet, sub-path hosting and
// print.
import { test } from 'node:test';
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assert, ctx, metric, open, waitForParam, reachAll } from './harness.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { serve } = await import(join(root, 'tools', 'serve.mjs'));
const dist = process.env.FT_ROI_DIST ?? join(root, 'dist');

test('currency and locale go through Intl.NumberFormat and into the URL', async () => {
  const t = await open('?currency=EUR&locale=de-DE');
  assert.equal((await metric(t.page, 'net_benefit')).text, '5.900,00\u00a0€');
  assert.equal((await metric(t.page, 'net_benefit')).value, '5900');
  assert.equal((await metric(t.page, 'roi_percent')).text, '159,46\u00a0%');
  assert.equal((await metric(t.page, 'request_savings')).text, '0,008\u00a0€');
  assert.match(await t.page.locator('[data-formula="monthly_net_savings"]').innerText(), /0,008\u00a0€ × 100\.000 − 100\u00a0€ = 700,00\u00a0€/);
  await t.page.selectOption('select[name="currency"]', 'JPY');
  await t.page.selectOption('select[name="locale"]', 'en-US');
  assert.equal((await metric(t.page, 'net_benefit')).text, '¥5,900');
  assert.equal((await metric(t.page, 'request_savings')).text, '¥0.008');
  await waitForParam(t.page, 'currency', 'JPY');
  assert.match(await t.page.locator('label[for="field-baseline"] + .control .unit').innerText(), /¥ \/ request/);
  // Unknown values are flagged, not crashed on.
  const bad = await open('?currency=XXX');
  assert.equal(await bad.page.getAttribute('select[name="currency"]', 'name'), 'currency');
  await bad.page.context().close();
  await t.check();
});

test('the default display writes figures without Intl, exactly as Intl would; the table that proves it is what this Chromium writes', async () => {
  // The built-in writer is held to tests/fixtures/intl-en-us.tsv by a
  // native test; the table must still be what the installed Chromium writes.
  const { intlTable, FIXTURE } = await import(join(root, 'tools', 'intl-fixture.mjs'));
  const { header, rows } = await intlTable(ctx.browser);
  const committed = (await readFile(FIXTURE, 'utf8')).split('\n').filter((l) => l && !l.startsWith('#'));
  assert.deepEqual(committed, [header, ...rows], 'run node tools/intl-fixture.mjs');
  // Count the formatters the page builds: none for US dollars in en-US
  // (ICU's start-up is the largest single cost of a cold load), one per
  // kind of figure once another display is chosen.
  const count = () => {
    window.__intl = 0;
    const Native = Intl.NumberFormat;
    Intl.NumberFormat = function NumberFormat(...args) { window.__intl++; return new Native(...args); };
  };
  const context = await ctx.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(count);
  await page.goto(ctx.base);
  await reachAll(page);
  await page.waitForSelector('[data-chart="tornado"] .bar');
  assert.equal((await metric(page, 'net_benefit')).text, '$5,900.00');
  assert.equal((await metric(page, 'request_savings')).text, '$0.008');
  assert.equal(await page.evaluate(() => window.__intl), 0);
  await page.selectOption('select[name="locale"]', 'en-GB');
  await page.waitForFunction(() => document.querySelector('[data-metric="net_benefit"]').textContent.trim() === 'US$5,900.00');
  assert.ok(await page.evaluate(() => window.__intl) > 0);
  await context.close();
});

test('embed mode: compact layout, open-full link, theme and accent', async () => {
  const t = await open('?embed=1&theme=dark&accent=%230f766e&months=24', { colorScheme: 'light' });
  for (const sel of ['.site-header', '.site-footer', '.explainer', '.formulas', '.scenarios', '.compare']) {
    assert.equal(await t.page.locator(sel).count(), 0, sel);
  }
  assert.equal(await t.page.locator('input[name="requests"]').count(), 1);
  assert.equal((await metric(t.page, 'net_benefit')).text, '$14,300.00');
  const href = await t.page.getAttribute('[data-testid="open-full"]', 'href');
  assert.match(href, /months=24/);
  assert.doesNotMatch(href, /embed=1/);
  assert.equal(await t.page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  const bg = await t.page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  assert.equal(bg, 'rgb(15, 17, 23)');
  assert.equal(await t.page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--accent').trim()), '#0f766e');
  // The address bar keeps the page options as the scenario changes.
  await t.page.fill('input[name="months"]', '12');
  await waitForParam(t.page, 'months', null);
  const url = new URL(t.page.url());
  assert.equal(url.searchParams.get('embed'), '1');
  assert.equal(url.searchParams.get('theme'), 'dark');
  await t.check();
  // Invalid theme and accent are ignored.
  const plain = await open('?embed=1&theme=purple&accent=red;background:url(x)');
  assert.equal(await plain.page.evaluate(() => document.documentElement.dataset.theme ?? ''), '');
  assert.equal(await plain.page.evaluate(() => document.documentElement.style.getPropertyValue('--accent')), '');
  await plain.check();
});

async function frameHeights(page, id) {
  return page.evaluate((id) => {
    const f = document.getElementById(id);
    return { outer: f.getBoundingClientRect().height, inner: f.contentDocument.documentElement.scrollHeight };
  }, id);
}

test('the example host page embeds two calculators that size themselves', async () => {
  const t = await open();
  await t.page.goto(ctx.base + 'examples/embed.html');
  const support = t.page.frameLocator('#support');
  const classify = t.page.frameLocator('#classify');
  await support.locator('[data-metric="net_benefit"]').waitFor();
  await classify.locator('[data-metric="net_benefit"]').waitFor();
  assert.equal(await support.locator('[data-metric="net_benefit"]').innerText(), '$75,000.00');
  assert.equal(await classify.locator('[data-metric="net_benefit"]').innerText(), '$352,700.00');
  const fit = async (id) => {
    await t.page.waitForFunction((id) => {
      const f = document.getElementById(id);
      return Math.abs(f.getBoundingClientRect().height - f.contentDocument.documentElement.scrollHeight) <= 2;
    }, id);
    return frameHeights(t.page, id);
  };
  const before = await fit('support');
  await fit('classify');
  // A change that adds content: the token builder's fields.
  await support.locator('input[name="cost_mode"][value="tokens"]').check();
  await t.page.waitForFunction((h) => document.getElementById('support').getBoundingClientRect().height > h + 200, before.outer);
  const after = await fit('support');
  assert.ok(after.outer > before.outer + 200, `${before.outer} → ${after.outer}`);
  assert.ok(after.inner <= after.outer + 2, 'no inner scrollbar');
  // The dark embed is dark.
  assert.equal(await classify.locator('html').getAttribute('data-theme'), 'dark');
  await t.check();
});

test('the Embed dialog snippet works when pasted into a blank page', async () => {
  const t = await open('?training=4000&months=24');
  await t.page.click('[data-testid="embed-open"]');
  const snippet = await t.page.inputValue('[data-testid="embed-snippet"]');
  assert.match(snippet, /<iframe data-ft-roi src="http:\/\/127\.0\.0\.1:\d+\/\?v=1&amp;training=4000&amp;months=24&amp;embed=1"/);
  assert.match(snippet, /<script src="http:\/\/127\.0\.0\.1:\d+\/embed\.js" async><\/script>/);
  await t.page.click('[data-testid="embed-close"]');
  const host = await t.context.newPage();
  await host.setContent(`<!doctype html><html><body><h1>Host</h1>${snippet}</body></html>`);
  const frame = host.frameLocator('iframe[data-ft-roi]');
  await frame.locator('[data-metric="net_benefit"]').waitFor();
  assert.equal(await frame.locator('[data-metric="net_benefit"]').innerText(), '$12,800.00');
  await host.waitForFunction(() => Math.abs(document.querySelector('iframe').getBoundingClientRect().height - 720) > 50);
  await t.check();
});

test('the build works from a sub-path', async () => {
  const { server, url } = await serve(dist, 0, '/tools/roi/');
  try {
    const context = await ctx.browser.newContext();
    const page = await context.newPage();
    const failed = [];
    page.on('response', (r) => { if (r.status() >= 400) failed.push(r.url()); });
    page.on('pageerror', (e) => failed.push(e.message));
    await page.goto(url + '?months=24');
    await page.waitForSelector('[data-metric="net_benefit"]');
    assert.equal(await page.locator('[data-metric="net_benefit"]').innerText(), '$14,300.00');
    assert.ok(page.url().startsWith(url), page.url());
    await page.goto(url + 'examples/embed.html');
    await page.frameLocator('#support').locator('[data-metric="net_benefit"]').waitFor();
    assert.deepEqual(failed, []);
    await context.close();
  } finally {
    server.close();
  }
});

test('print: inputs, results, formulas and charts without controls', async () => {
  const t = await open('?months=24');
  await t.page.emulateMedia({ media: 'print' });
  for (const sel of ['.presets', '[data-testid="copy-link"]', '.compare', '.hero-actions']) {
    assert.equal(await t.page.locator(sel).first().isVisible(), false, sel);
  }
  for (const sel of ['[data-chart="timeline"] svg', '.formulas', '[data-metric="net_benefit"]', 'input[name="requests"]']) {
    assert.equal(await t.page.locator(sel).first().isVisible(), true, sel);
  }
  const dir = new URL('./artifacts/', import.meta.url);
  await mkdir(dir, { recursive: true });
  await t.page.screenshot({ path: new URL('print.png', dir).pathname, fullPage: true });
  await t.check();
});

test('a page that gets no animation frames (background tab, embed out of view) still renders every card', async () => {
  for (const query of ['', '?embed=1']) {
    const context = await ctx.browser.newContext({ viewport: { width: 1000, height: 800 } });
    // Frames and resize observations never come, as in a page that is not painting.
    await context.addInitScript(() => {
      window.requestAnimationFrame = () => 0;
      window.ResizeObserver = class { observe() {} unobserve() {} disconnect() {} };
    });
    const page = await context.newPage();
    await page.goto(ctx.base + query);
    // The full page holds its charts and the cards below until they near the viewport: scrolled to.
    if (!query) await reachAll(page);
    await page.locator('[data-chart="timeline"] [data-marker="break-even"]').waitFor({ state: 'attached' });
    assert.ok(Number(await page.locator('[data-chart="timeline"] svg').getAttribute('width')) > 600, 'drawn at the measured width');
    if (!query) await page.locator('[data-formula="monthly_net_savings"]').waitFor({ state: 'attached' });
    assert.equal(await page.locator('[data-metric="net_benefit"]').innerText(), '$5,900.00');
    await context.close();
  }
});

test('the inputs and results come first; the cards below follow (as they near the viewport), one per task', async () => {
  const cards = ['.card.charts', '.card.basis', '.card.schedule', '.card.formulas', '.pair', '.card.compare', '.card.explainer'];
  const context = await ctx.browser.newContext({ viewport: { width: 1280, height: 900 } });
  // Each observer callback sees what one task (and its microtasks) added;
  // the app's own nodes, not the build-time copy the HTML arrives with (issue 32).
  await context.addInitScript((cards) => {
    window.__batches = [];
    const seen = new Set();
    new MutationObserver(() => {
      const batch = ['[data-metric="net_benefit"]', '.card.inputs', ...cards]
        .filter((s) => !seen.has(s) && document.querySelector(`${s}:not([data-prerender], [data-prerender] *)`));
      batch.forEach((s) => seen.add(s));
      if (batch.length) window.__batches.push(batch);
    }).observe(document, { childList: true, subtree: true });
  }, cards);
  const page = await context.newPage();
  await page.goto(ctx.base);
  await reachAll(page);
  await page.locator('.card.explainer').waitFor({ state: 'attached' });
  const batches = await page.evaluate(() => window.__batches);
  assert.deepEqual(batches[0], ['[data-metric="net_benefit"]', '.card.inputs']);
  // Each card in a task of its own (those of one chunk that come near together too).
  assert.deepEqual(batches.slice(1).map((b) => b.length), cards.map(() => 1), JSON.stringify(batches));
  assert.deepEqual(batches.slice(1).flat().sort(), [...cards].sort());
  await context.close();
});
