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
