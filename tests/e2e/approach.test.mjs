// The cards below the answer come as they near the viewport (issue 32: what the page fetches
// without a user action). The charts and the cards after them (basis, schedule, formulas, saved
// scenarios, comparison, explanations) are held in placeholders of about their height until they
// come within a screen of the viewport; then their chunks are fetched and they take their places
// before they are scrolled into view. Print (the page's button) brings them all first; Print memo
// brings the memo alone.
import { test } from 'node:test';
import { assert, ctx, metric, open, reachAll } from './harness.mjs';

/** Whether `urls` hold a request of the chunk `name`. */
const fetched = (urls, name) => urls.some((u) => new RegExp(`/${name}-[^/]*\\.wasm$`).test(u));

/** The held cards' names, in page order. */
const held = (page) => page.$$eval('#calculator [data-approach]', (els) => els.map((e) => e.dataset.approach));

/** Opens `query` at `width` × `height` with the cards below held, recording every request and every layout shift. */
async function openHeld(query = '', width = 1280, height = 900) {
  const t = await open(query, { near: false, viewport: { width, height } });
  const urls = [];
  t.page.on('request', (r) => urls.push(r.url()));
  // Everything the page fetched so far.
  urls.push(...await t.page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name)));
  await t.page.evaluate(() => {
    window.__shift = 0;
    new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value; })
      .observe({ type: 'layout-shift' });
  });
  return { ...t, urls };
}

const ALL = ['charts', 'basis', 'schedule', 'formulas', 'library', 'compare', 'explainer'];

for (const [width, height] of [[1280, 900], [390, 844]]) {
  test(`at ${width} px the cards below the answer are not fetched with the page; a reader scrolling down gets each before it is on screen, and nothing shifts`, async () => {
    const t = await openHeld('', width, height);
    const { page, urls } = t;
    await page.waitForLoadState('networkidle');
    assert.deepEqual(await held(page), ALL);
    assert.ok(!fetched(urls, 'split_charts') && !fetched(urls, 'split_below'), urls.join('\n'));
    // The figures are all there.
    assert.equal((await metric(page, 'net_benefit')).text, '$5,900.00');
    // The placeholders keep the page about as long as it will be.
    const before = await page.evaluate(() => document.documentElement.scrollHeight);
    // A reader scrolls down half a screen at a time; each card has come before it reaches the viewport.
    for (let y = 0; ; y += height / 2) {
      await page.evaluate((top) => window.scrollTo(0, top), y);
      await page.waitForTimeout(60);
      await page.waitForSelector('html:not([data-loading])', { state: 'attached' });
      const onScreen = await page.evaluate(() => [...document.querySelectorAll('#calculator [data-approach]')]
        .filter((e) => { const r = e.getBoundingClientRect(); return r.top < innerHeight && r.bottom > 0; }).map((e) => e.dataset.approach));
      assert.deepEqual(onScreen, [], `placeholders on screen at ${y}`);
      const end = await page.evaluate(() => innerHeight + scrollY >= document.documentElement.scrollHeight - 2);
      if (end && (await held(page)).length === 0) break;
      assert.ok(y < 40_000, 'the page ends');
    }
    assert.ok(fetched(urls, 'split_charts') && fetched(urls, 'split_below'));
    for (const card of ['.card.charts', '.card.basis', '.card.schedule', '.card.formulas', '.card.scenarios', '.card.compare', '.card.explainer']) {
      assert.equal(await page.locator(card).count(), 1, card);
    }
    const after = await page.evaluate(() => document.documentElement.scrollHeight);
    assert.ok(Math.abs(after - before) / after < 0.15, `page length ${before} held, ${after} loaded`);
    // No shift seen by the reader (what came, came below the viewport).
    assert.ok(await page.evaluate(() => window.__shift) < 0.01, `layout shift ${await page.evaluate(() => window.__shift)}`);
    await t.check();
  });
}

test('a reader who jumps further than the cards have come sees their placeholders, in their places, until they come', async () => {
  const context = await ctx.browser.newContext({ viewport: { width: 390, height: 844 } });
  let release;
  const held = new Promise((r) => { release = r; });
  await context.route('**/split_below-*.wasm', async (route) => { await held; await route.continue(); });
  const page = await context.newPage();
  await page.goto(ctx.base);
  await page.waitForSelector('html[data-ready]', { state: 'attached' });
  const length = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.evaluate(() => document.querySelector('[data-approach="formulas"]').scrollIntoView());
  // Near now, and its chunk on its way: the placeholder keeps its place and the page its length.
  await page.waitForSelector('html[data-loading]', { state: 'attached' });
  await page.waitForTimeout(300);
  const top = await page.evaluate(() => document.querySelector('[data-approach="formulas"]')?.getBoundingClientRect().top);
  assert.ok(Math.abs(top) < 2, `the formulas' placeholder at ${top}`);
  assert.ok(Math.abs(await page.evaluate(() => document.documentElement.scrollHeight) - length) / length < 0.15);
  release();
  await page.locator('[data-formula="monthly_net_savings"]').waitFor();
  await context.close();
});

test('a screen tall enough to bring the charts near gets them without scrolling, and data-ready waits for them', async () => {
  const t = await openHeld('', 1280, 1400);
  // At data-ready (open's wait), no waiting here.
  assert.equal(await t.page.locator('[data-chart="timeline"] [data-marker="break-even"]').count(), 1);
  assert.ok(!(await held(t.page)).includes('charts'));
  assert.equal(await t.page.evaluate(() => scrollY), 0);
  await t.check();
});

test('the first Tab key brings every held card: the keyboard reaches all of them', async () => {
  const t = await openHeld();
  assert.equal((await held(t.page)).length, 7);
  await t.page.keyboard.press('Tab');
  await t.page.waitForFunction(() => !document.querySelector('#calculator [data-approach]'), null, { polling: 50 });
  await t.page.waitForSelector('html:not([data-loading])', { state: 'attached' });
  // The last card's controls take the focus in turn.
  assert.equal(await t.page.locator('.card.explainer').count(), 1);
  assert.ok(await t.page.locator('[data-testid="save-scenario"]').count() > 0);
  await t.check();
});

test('the page keeps its length from the build-time copy to the app: a reader scrolled down stays where they are', async () => {
  const context = await ctx.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(() => {
    window.__lengths = [];
    let copy = false;
    const sample = () => {
      // From the copy's placeholders on (the moment the copy leaves included).
      copy ||= document.querySelector('[data-approach]') !== null;
      if (copy) window.__lengths.push(document.documentElement.scrollHeight);
      if (!document.documentElement?.hasAttribute('data-ready')) setTimeout(sample, 1);
    };
    sample();
  });
  const page = await context.newPage();
  await page.goto(ctx.base);
  await page.waitForSelector('html[data-ready]', { state: 'attached' });
  const lengths = await page.evaluate(() => window.__lengths);
  const final = await page.evaluate(() => document.documentElement.scrollHeight);
  assert.ok(lengths.length > 0);
  assert.ok(Math.min(...lengths) > 0.85 * final, `lengths ${Math.min(...lengths)}…${Math.max(...lengths)}, final ${final}`);
  // Nothing held back once the app's placeholders are in place.
  assert.equal(await page.evaluate(() => document.getElementById('calculator').style.minHeight), '');
  await context.close();
});

test("in print, a card not yet come says so in its place", async () => {
  const t = await openHeld();
  await t.page.emulateMedia({ media: 'print' });
  const said = await t.page.evaluate(() => getComputedStyle(document.querySelector('[data-approach="charts"]'), '::before').content);
  assert.match(said, /Not printed: the charts card had not loaded yet/);
  await t.page.emulateMedia({ media: 'screen' });
  await t.check();
});

test('a link to a place below (the simulation) brings the cards it passes; the address keeps its scenario', async () => {
  const t = await openHeld('?requests_low=-30&requests_high=50');
  await t.page.locator('[data-testid="uncertainty"]').waitFor();
  await t.page.locator('a[href="#uncertainty-title"]').click();
  await t.page.locator('.card.charts').waitFor();
  await t.page.waitForSelector('html:not([data-loading])', { state: 'attached' });
  // The simulation's heading stays in view as the charts above it come.
  const top = await t.page.evaluate(() => document.getElementById('uncertainty-title').getBoundingClientRect().top);
  assert.ok(top >= -5 && top < 300, `heading at ${top}`);
  await t.check();
});

test('Print brings every held card before printing; Print memo brings the memo alone', async () => {
  const t = await openHeld();
  const { page } = t;
  await page.evaluate(() => {
    window.__printed = [];
    // As the browser's print does: beforeprint first (the memo's print brings no held card).
    window.print = () => window.dispatchEvent(new Event('beforeprint')) && window.__printed.push({
      held: document.querySelectorAll('#calculator [data-approach]').length,
      cards: document.querySelectorAll('#calculator .card.explainer, #calculator .card.formulas, #calculator .card.charts').length,
      memo: document.querySelector('.memo [data-memo]') !== null,
      mode: document.documentElement.dataset.print ?? '',
    });
  });
  await page.click('[data-testid="print-memo"]');
  await page.waitForFunction(() => window.__printed.length === 1);
  const memo = (await page.evaluate(() => window.__printed))[0];
  assert.deepEqual(memo, { held: 7, cards: 0, memo: true, mode: 'memo' });
  await page.waitForTimeout(300);
  assert.equal((await held(page)).length, 7, 'the memo brought no held card');
  await page.evaluate(() => { document.documentElement.removeAttribute('data-print'); });
  await page.click('[data-testid="print"]');
  await page.waitForFunction(() => window.__printed.length === 2);
  assert.deepEqual((await page.evaluate(() => window.__printed))[1], { held: 0, cards: 3, memo: true, mode: '' });
  await t.check();
});

test('Print memo whose memo cannot come prints nothing rather than a blank page', async () => {
  const context = await ctx.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.route('**/split_below-*.wasm', (route) => route.abort('failed'));
  const page = await context.newPage();
  await page.goto(ctx.base);
  await page.waitForSelector('html[data-ready]', { state: 'attached' });
  await page.evaluate(() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; });
  await page.click('[data-testid="print-memo"]');
  assert.equal(await page.getAttribute('[data-testid="print-memo"]', 'aria-busy'), 'true');
  await page.waitForSelector('[data-testid="print-memo"]:not([aria-busy])', { timeout: 20_000 });
  assert.equal(await page.evaluate(() => window.__printed), 0);
  assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-print')), false);
  await context.close();
});

test("the browser's own Print command starts loading the held cards", async () => {
  const t = await openHeld();
  await t.page.emulateMedia({ media: 'print' });
  await t.page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await t.page.locator('.card.explainer').waitFor({ state: 'attached' });
  await reachAll(t.page);
  assert.deepEqual(await held(t.page), []);
  await t.page.emulateMedia({ media: 'screen' });
  await t.check();
});

test('a held card whose chunk fails leaves its message when it nears, and trying again brings it', async () => {
  const context = await ctx.browser.newContext({ viewport: { width: 1280, height: 900 } });
  let blocking = true;
  await context.route('**/split_charts-*.wasm', (route) => (blocking ? route.abort('failed') : route.continue()));
  const page = await context.newPage();
  await page.goto(ctx.base);
  await page.waitForSelector('html[data-ready]', { state: 'attached' });
  await page.evaluate(() => document.querySelector('[data-approach="charts"]').scrollIntoView());
  const failed = page.locator('[data-testid="split-failed"]');
  await failed.first().waitFor();
  assert.match(await failed.first().innerText(), /Could not load the charts/);
  blocking = false;
  await failed.first().getByRole('button', { name: 'Try again' }).click();
  await page.locator('[data-chart="timeline"]').waitFor();
  await context.close();
});
