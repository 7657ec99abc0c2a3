// Issue 32: the page arrives with its figures (the build-time copy of the
// first view, tools/prerender.mjs), never shows a figure and then changes
// it, and the app takes over the copy without losing what was typed.
import { test } from 'node:test';
import { assert, ctx, metric } from './harness.mjs';

const LINK = '?v=1&training=4000&requests=150000&baseline=0.025';

/** Records every net benefit shown (visible), in order, from the first parse. */
function recordShown() {
  window.__shown = [];
  const look = () => {
    for (const el of document.querySelectorAll('[data-metric="net_benefit"]')) {
      if (!el.checkVisibility()) continue;
      const value = el.getAttribute('data-value');
      if (window.__shown.at(-1) !== value) window.__shown.push(value);
    }
  };
  new MutationObserver(look).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
}

/** A fresh context and page with the recorder; `route` may hold or fail the wasm. */
async function page({ route, init } = {}) {
  const context = await ctx.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const p = await context.newPage();
  const problems = [];
  p.on('pageerror', (e) => problems.push(e.message));
  await p.addInitScript(recordShown);
  if (init) await p.addInitScript(init);
  if (route) await p.route('**/*.wasm', route);
  return { context, page: p, problems };
}

const ready = (p) => p.waitForSelector('html[data-ready]', { state: 'attached' });
const shown = (p) => p.evaluate(() => window.__shown);
const status = (p) => p.locator('[data-testid="prerender-status"]').innerText();

test('the served HTML holds the default scenario\'s figures and the status line', async () => {
  const html = await (await fetch(ctx.base)).text();
  assert.match(html, /data-metric="net_benefit"[^>]*data-value="5900"/);
  assert.match(html, /data-metric="roi_percent"[^>]*data-value="159\.4/);
  assert.match(html, /data-testid="prerender-status"/);
  // Every node of the copy is marked, and no inline style attribute breaks the CSP.
  assert.doesNotMatch(html, /<[^>]+ style="/);
});

test('the default page shows its figures before the wasm, and the app takes over without a change', async () => {
  const { context, page: p, problems } = await page();
  await p.goto(ctx.base);
  await ready(p);
  assert.deepEqual(await shown(p), ['5900'], 'one net benefit, never changed');
  assert.equal(await p.locator('[data-prerender]').count(), 0, 'the copy left');
  assert.equal(await p.locator('[data-metric="net_benefit"]').count(), 1);
  assert.equal(await p.locator('input[name="requests"]').count(), 1);
  assert.equal(await p.evaluate(() => document.documentElement.className), '');
  assert.deepEqual(problems, []);
  await context.close();
});

test('with the wasm held back the copy reads as the default scenario and says the page is loading', async () => {
  for (const width of [390, 1280]) {
    const { context, page: p } = await page({ route: () => {} });
    await p.setViewportSize({ width, height: 900 });
    await p.goto(ctx.base);
    await p.waitForSelector('[data-testid="prerender-status"]');
    assert.equal(await status(p), 'Loading the calculator…');
    const net = await metric(p, 'net_benefit');
    assert.deepEqual(net, { text: '$5,900.00', value: '5900' });
    assert.ok(await p.locator('[data-metric="net_benefit"]').isVisible());
    assert.equal(await p.locator('input[name="requests"]').inputValue(), '100000');
    await context.close();
  }
});

test('a shared link never shows the default figures: its own come first', async () => {
  const { context, page: p, problems } = await page();
  await p.goto(ctx.base + LINK);
  await ready(p);
  assert.deepEqual(await shown(p), [(await metric(p, 'net_benefit')).value], 'only the link\'s net benefit was shown');
  assert.notEqual((await metric(p, 'net_benefit')).value, '5900');
  assert.deepEqual(problems, []);
  await context.close();
  // Held back, the copy is hidden and the status says the scenario is loading.
  const held = await page({ route: () => {} });
  await held.page.goto(ctx.base + LINK);
  await held.page.waitForSelector('[data-testid="prerender-status"]');
  assert.equal(await status(held.page), 'Loading your scenario…');
  assert.equal(await held.page.locator('[data-metric="net_benefit"]').isVisible(), false);
  assert.deepEqual(await shown(held.page), []);
  await held.context.close();
});

test('a saved working scenario hides the copy (it would be the wrong scenario)', async () => {
  const { context, page: p } = await page({ route: () => {} });
  await p.goto(ctx.base);
  await p.evaluate(() => localStorage.setItem('ft-roi:working', '{"v":1,"fields":{}}'));
  await p.reload();
  await p.waitForSelector('[data-testid="prerender-status"]');
  assert.equal(await status(p), 'Loading your scenario…');
  assert.deepEqual(await shown(p), []);
  await context.close();
});

test('a first module that fails to start leaves a clear message', async () => {
  for (const [query, words] of [['', 'The figures below are the example scenario’s.'], [LINK, null]]) {
    const { context, page: p } = await page({ route: (route) => route.abort() });
    await p.goto(ctx.base + query);
    await p.waitForFunction(() => document.documentElement.classList.contains('prerender-failed'));
    const text = await status(p);
    assert.match(text, /could not start in this browser/);
    assert.match(text, /Reload the page to try again/);
    if (words) assert.ok(text.includes(words), text);
    else assert.ok(!text.includes('example scenario'), text);
    await context.close();
  }
});

test('what is typed into the copy before the app starts is kept, with the focus and the sections opened', async () => {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  const { context, page: p, problems } = await page({
    route: async (route) => {
      if (/ft-roi-[0-9a-f]+_bg\.wasm$/.test(route.request().url())) await held;
      await route.continue();
    },
  });
  await p.goto(ctx.base);
  const input = p.locator('input[name="requests"]');
  await input.fill('');
  await input.pressSequentially('20000');
  await p.locator('summary', { hasText: 'Growth and discounting' }).click();
  await input.click();
  await input.press('End');
  await input.press('0');
  release();
  await ready(p);
  assert.equal(await p.locator('[data-prerender]').count(), 0);
  assert.equal(await p.locator('input[name="requests"]').inputValue(), '200000');
  assert.equal(await p.evaluate(() => document.activeElement?.getAttribute('name')), 'requests');
  // The section opened in the copy is open in the app; the others stay as they were.
  assert.equal(await p.locator('details', { hasText: 'Growth and discounting' }).evaluate((d) => d.open), true);
  assert.equal(await p.locator('details.ranges').evaluate((d) => d.open), false);
  // The app computed from it: 200,000 requests × $0.008 less $100 upkeep = $1,500 a month, × 12 less $2,500.
  assert.equal((await metric(p, 'net_benefit')).value, '15500');
  assert.deepEqual(problems, []);
  await context.close();
});

// Issue 32, lever 2: the figures-first module (src/bin/figures.rs) fills the copy's results card
// with a link's own figures before the app's first module has arrived.

/** Every word and figure of the results card (the copy's or the app's), in order. */
const card = (p) => p.evaluate(() => {
  const box = [...document.querySelectorAll('[data-testid="results"]')].find((b) => b.checkVisibility());
  if (!box) return null;
  return [...box.querySelectorAll('[data-metric], dt, dd.note, .status-head, .status-text, .status-icon, .fine')]
    .map((e) => [e.tagName, e.dataset.metric ?? '', e.dataset.value ?? '', e.textContent.trim()].join('|'));
});

/** A page whose app (the first module's wasm) is held until `release()`; the figures-first module loads. */
async function heldApp({ figures = (route) => route.continue(), init } = {}) {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  const opened = await page({
    init,
    route: async (route) => {
      const url = route.request().url();
      if (/\/figures-[0-9a-f]+_bg\.wasm$/.test(url)) return figures(route);
      if (/ft-roi-[0-9a-f]+_bg\.wasm$/.test(url)) await held;
      return route.continue();
    },
  });
  return { ...opened, release };
}
const figuresDone = (p) => p.waitForSelector('html[data-figures-done]', { state: 'attached' });

// Links whose cards differ from the default's in every way the card can: figures, the status (never
// pays back, pays back after the horizon), serving (the per-request saving with serving, the closing
// sentence), growth (the monthly note), token costs with a catalogue model, itemized training,
// options 3 to 6 (which change nothing in the card), an embed.
const LINKS = [
  LINK,
  '?v=1&requests=1000&months=24',
  '?v=1&requests=30000&months=6',
  '?v=1&base_serving=capacity&base_unit_rps=5&base_min_units=4&ft_serving=capacity&ft_unit_rate=2.5',
  '?v=1&cost_mode=tokens&requests=2000000',
  '?v=1&cost_mode=tokens&base_model=acme%2Fgpt-9&base_input_price=7',
  '?v=1&training_mode=itemized&compute_mode=gpu&label_examples=10000&train_epochs=2',
  '?v=1&o3_kind=model&o3_name=Smaller%20model&o3_request_cost=0.01&o3_one_time=1200',
  '?embed=1&v=1&training=9000&growth=5',
];

test('a shared link shows its own figures before the app, and the app changes none of them', async () => {
  const statuses = new Set();
  for (const link of LINKS) {
    const { context, page: p, problems, release } = await heldApp();
    await p.goto(ctx.base + link);
    await p.waitForSelector('html.prerender-figures', { state: 'attached' });
    const first = await card(p);
    assert.ok(first, `${link}: the copy's card shows`);
    statuses.add(first.find((row) => row.startsWith('DIV|status')).split('|')[2]);
    // (An embed shows no status line: its hero is hidden.)
    if (!link.includes('embed=1')) assert.equal(await status(p), 'Loading the calculator…', link);
    // The copy's inputs (the example's) keep their place, unseen.
    assert.equal(await p.locator('[data-prerender] .card.inputs').evaluate((el) => el.checkVisibility({ visibilityProperty: true })), false);
    release();
    await ready(p);
    assert.equal(await p.locator('[data-prerender]').count(), 0);
    assert.deepEqual(await card(p), first, `${link}: the app's card is the copy's`);
    assert.equal((await shown(p)).length, 1, `${link}: one net benefit shown, never changed`);
    assert.deepEqual(problems, []);
    await context.close();
  }
  assert.equal(statuses.size, 3, 'the links cover the three statuses');
});

test('on a phone a shared link\'s headline figures come first in the results bar', async () => {
  const { context, page: p, release } = await heldApp();
  await p.setViewportSize({ width: 390, height: 844 });
  await p.goto(ctx.base + LINK);
  await p.waitForSelector('html.prerender-figures', { state: 'attached' });
  const bar = p.locator('[data-prerender] .peek');
  assert.ok(await bar.isVisible());
  assert.deepEqual(await bar.locator('.peek-value').allInnerTexts(), ['$18,200.00', '350.00%', '2.16 months']);
  const box = await bar.boundingBox();
  assert.ok(box.y + box.height <= 844, 'on the first screen');
  await p.screenshot({ path: new URL('./artifacts/prerender-link-390.png', import.meta.url).pathname });
  release();
  await ready(p);
  assert.equal((await metric(p, 'net_benefit')).text, '$18,200.00');
  await context.close();
});

test('where the address alone cannot tell the figures, the copy stays hidden until the app', async () => {
  const working = () => localStorage.setItem('ft-roi:working', '{"v":1,"fields":{"requests":"7000"}}');
  // [link, init script, net benefits the app shows]
  for (const [link, init, figures] of [
    ['?v=1&cost_mode=tokens&currency=EUR', null, 1], // written by the browser's Intl, left to the app
    ['?v=1&training=abc&months=24', null, 0], // a bad value: the card lists the fields to fix
    ['?v=9&training=4000', null, 1], // a newer format: its notice comes above the figures
    ['?theme=dark', working, 1], // no field in the link: the stored working scenario is the start
  ]) {
    const { context, page: p, release } = await heldApp({ init });
    await p.goto(ctx.base + link);
    await figuresDone(p);
    assert.ok(!(await p.evaluate(() => document.documentElement.classList.contains('prerender-figures'))), link);
    assert.equal(await status(p), 'Loading your scenario…', link);
    assert.deepEqual(await shown(p), [], link);
    release();
    await ready(p);
    assert.equal((await shown(p)).length, figures, link);
    await context.close();
  }
});

test('a figures-first module that fails to load changes nothing: the link waits for the app', async () => {
  const { context, page: p, problems, release } = await heldApp({ figures: (route) => route.abort() });
  await p.goto(ctx.base + LINK);
  await figuresDone(p);
  assert.equal(await status(p), 'Loading your scenario…');
  assert.ok(!(await p.evaluate(() => document.documentElement.className.includes('prerender-failed'))));
  release();
  await ready(p);
  assert.equal((await metric(p, 'net_benefit')).text, '$18,200.00');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a figures-first module that never arrives holds the app back at most 3 s', async () => {
  const { context, page: p, problems } = await page({
    route: (route) => (/\/figures-[0-9a-f]+_bg\.wasm$/.test(route.request().url()) ? undefined : route.continue()),
  });
  const started = Date.now();
  await p.goto(ctx.base + LINK);
  await ready(p);
  assert.ok(Date.now() - started < 15_000);
  assert.equal((await metric(p, 'net_benefit')).text, '$18,200.00');
  assert.deepEqual(await shown(p), [(await metric(p, 'net_benefit')).value]);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a reload starts from what the tab last wrote, and so do the figures shown first', async () => {
  const { context, page: p } = await page();
  await p.goto(ctx.base + LINK);
  await ready(p);
  const input = p.locator('input[name="requests"]');
  await input.fill('90000');
  await p.waitForFunction(() => (sessionStorage.getItem('ft-roi:tab-query') ?? '').includes('requests=90000'));
  // Reloaded with the app held: the figures-first module reads the tab's copy, not the address.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await p.route('**/*.wasm', async (route) => {
    if (/ft-roi-[0-9a-f]+_bg\.wasm$/.test(route.request().url())) await held;
    await route.continue();
  });
  await p.reload();
  await p.waitForSelector('html.prerender-figures', { state: 'attached' });
  const first = await card(p);
  // 90,000 × $0.013 − $100 = $1,070 a month; × 12 − $4,000 = $8,840.
  assert.ok(first.includes('DD|net_benefit|8840|$8,840.00'), first.join('\n'));
  release();
  await ready(p);
  assert.deepEqual(await card(p), first);
  await context.close();
});
