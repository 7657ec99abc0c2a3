// Chunks fetched on demand (issue 32): what waits behind a user action (the builders, the
// "From your data" section, the uncertainty simulation) is not fetched with the page; it is
// fetched when the user acts (a builder picked, the section opened, a range set) or shows intent
// (the pointer over, or the focus on, the control that would show it; a file dragged over the
// page). A link or a stored scenario that shows one of them at once still fetches it at once,
// and `data-ready` waits for it.
import { test } from 'node:test';
import { assert, ctx, metric, type } from './harness.mjs';

/** The chunks fetched only on demand, by name. */
const DEFERRED = ['split_builders', 'split_data', 'split_simulation'];

/** Whether `urls` hold a request of the chunk `name`. */
const fetched = (urls, name) => urls.some((u) => new RegExp(`/${name}-[^/]*\\.wasm$`).test(u));

/** Opens `query` at 1280×900, records every request, and waits for `data-ready` and a quiet network. */
async function openRecorded(query = '') {
  const context = await ctx.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  const urls = [];
  page.on('request', (r) => urls.push(r.url()));
  await page.goto(ctx.base + query);
  await page.waitForSelector('html[data-ready]', { state: 'attached' });
  await page.waitForLoadState('networkidle');
  return { context, page, problems, urls };
}

/** Waits until the chunk `name` has been requested. */
async function requested(t, name) {
  const start = Date.now();
  while (!fetched(t.urls, name)) {
    assert.ok(Date.now() - start < 30_000, `${name} not requested:\n${t.urls.join('\n')}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

for (const [what, query] of [['the default page', ''], ['a shared link', '?v=1&training=4000&requests=150000&baseline=0.025']]) {
  test(`${what} fetches none of the deferred chunks; opening each fetches and shows it`, async () => {
    const t = await openRecorded(query);
    const { page, urls } = t;
    for (const name of DEFERRED) assert.ok(!fetched(urls, name), `${name} fetched without a user action`);
    // The cards below the answer are held until they near the viewport (tests/e2e/approach.test.mjs).
    assert.ok(!fetched(urls, 'split_below') && !fetched(urls, 'split_charts'), urls.join('\n'));
    const net = (await metric(page, 'net_benefit')).text;

    // A builder: picked, its chunk comes and it shows.
    await page.check('input[name="cost_mode"][value="tokens"]');
    await page.locator('input[name="base_input_tokens"]').waitFor();
    assert.ok(fetched(urls, 'split_builders'));

    // The data section: opened, its view comes with the drop zone.
    await page.locator('[data-testid="data-section"] > summary').click();
    await page.waitForSelector('[data-testid="data-file"]', { state: 'attached' });
    assert.ok(fetched(urls, 'split_data'));

    // The simulation: a range set, its card comes with the chance of paying back.
    await page.locator('details.ranges > summary').click();
    await type(page, 'requests_low', '-30');
    await type(page, 'requests_high', '50');
    await page.locator('[data-metric="prob_positive"][data-value]').waitFor();
    assert.ok(fetched(urls, 'split_simulation'));
    assert.equal(await page.locator('[data-testid="split-failed"]').count(), 0);
    if (!query) assert.equal(net, '$5,900.00');
    assert.deepEqual(t.problems, []);
    await t.context.close();
  });
}

test('intent fetches a chunk before the user acts: the pointer on a mode choice or a summary, the focus, a file dragged over the page', async () => {
  const t = await openRecorded();
  const { page } = t;
  // The pointer over the training section's choice: the builders.
  await page.locator('input[name="training_mode"]').first().locator('xpath=ancestor::fieldset[1]').hover();
  await requested(t, 'split_builders');
  // The pointer leaves the form (a scroll could otherwise bring a summary under it).
  await page.mouse.move(0, 0);
  // The focus on the ranges' summary (keyboard): the simulation; the section stays closed.
  await page.locator('details.ranges > summary').focus();
  await requested(t, 'split_simulation');
  assert.equal(await page.locator('details.ranges').evaluate((d) => d.open), false);
  assert.equal(await page.locator('[data-metric="prob_positive"]').count(), 0);
  // Text dragged over the page fetches nothing; a file dragged over it, the data section's view
  // (the section stays closed).
  const drag = (file) => page.evaluate((f) => {
    const dataTransfer = new DataTransfer();
    if (f) dataTransfer.items.add(new File(['{}'], 'train.jsonl')); else dataTransfer.setData('text/plain', 'words');
    document.body.dispatchEvent(new DragEvent('dragenter', { bubbles: true, dataTransfer }));
  }, file);
  await drag(false);
  await page.waitForTimeout(300);
  assert.ok(!fetched(t.urls, 'split_data'), 'a text drag fetched the data section');
  await drag(true);
  await requested(t, 'split_data');
  assert.equal(await page.locator('[data-testid="data-section"]').evaluate((d) => d.open), false);
  // Opening it now shows its content from the chunk already here.
  await page.locator('[data-testid="data-section"] > summary').click();
  await page.waitForSelector('[data-testid="data-file"]', { state: 'attached' });
  assert.deepEqual(t.problems, []);
  await t.context.close();
});

test('the pointer over the data section\'s summary fetches its view; each chunk is fetched once', async () => {
  const t = await openRecorded();
  const { page } = t;
  await page.locator('[data-testid="data-section"] > summary').hover();
  await requested(t, 'split_data');
  await page.locator('[data-testid="data-section"] > summary').click();
  await page.waitForSelector('[data-testid="data-file"]', { state: 'attached' });
  await page.check('input[name="maintenance_mode"][value="itemized"]');
  await page.check('input[name="training_mode"][value="itemized"]');
  await page.waitForLoadState('networkidle');
  for (const name of ['split_data', 'split_builders']) {
    assert.equal(t.urls.filter((u) => new RegExp(`/${name}-[^/]*\\.wasm$`).test(u)).length, 1, name);
  }
  assert.deepEqual(t.problems, []);
  await t.context.close();
});

test('a link that shows a builder and a range fetches their chunks at once, and data-ready waits for them', async () => {
  const context = await ctx.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${ctx.base}?cost_mode=tokens&training_mode=itemized&requests_low=-30&requests_high=50`);
  await page.waitForSelector('html[data-ready]', { state: 'attached' });
  // At data-ready, what is on screen has come: no waiting here.
  assert.equal(await page.locator('input[name="base_input_tokens"]').count(), 1);
  assert.equal(await page.locator('[data-testid="uncertainty"]').count(), 1);
  await context.close();
});

test('a deferred chunk that fails to load leaves its message when shown, and trying again brings it', async () => {
  const context = await ctx.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  let blocking = true;
  await context.route('**/split_data-*.wasm', (route) => (blocking ? route.abort('failed') : route.continue()));
  await page.goto(ctx.base);
  await page.waitForSelector('html[data-ready]', { state: 'attached' });
  await page.locator('[data-testid="data-section"] > summary').click();
  const failed = page.locator('[data-testid="data-section"] [data-testid="split-failed"]');
  await failed.waitFor();
  assert.match(await failed.innerText(), /Could not load the file reader/);
  assert.equal((await metric(page, 'net_benefit')).text, '$5,900.00');
  blocking = false;
  await failed.getByRole('button', { name: 'Try again' }).click();
  await page.waitForSelector('[data-testid="data-file"]', { state: 'attached' });
  assert.equal(await failed.count(), 0);
  await context.close();
});

test('while the chunk of something just shown is on its way the root has data-loading; metric() waits for it', async () => {
  const context = await ctx.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  let release;
  const held = new Promise((r) => { release = r; });
  await context.route('**/split_builders-*.wasm', async (route) => { await held; await route.continue(); });
  await page.goto(ctx.base);
  await page.waitForSelector('html[data-ready]', { state: 'attached' });
  assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-loading')), false);
  await page.check('input[name="training_mode"][value="itemized"]');
  assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-loading')), true);
  assert.equal(await page.locator('[data-metric="one_time_cost"]').count(), 0);
  setTimeout(release, 300);
  // Read at once: the harness waits for the builder, whose defaults are the example's $2,500.
  assert.equal((await metric(page, 'one_time_cost')).text, '$2,500.00');
  assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-loading')), false);
  await context.close();
});

test("the catalogue's bar stands in its place until its chunk comes: the price fields below it do not move", async () => {
  for (const [width, query] of [[1350, ''], [390, ''], [1280, '?cost_mode=tokens']]) {
    const context = await ctx.browser.newContext({ viewport: { width, height: 940 } });
    let release;
    const held = new Promise((r) => { release = r; });
    await context.route('**/split_catalogue-*.wasm', async (route) => { await held; await route.continue(); });
    const page = await context.newPage();
    await page.addInitScript(() => {
      window.__shift = 0;
      new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__shift += e.value; }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(ctx.base + query);
    // The app's own stand-in (the build-time copy has left; data-ready waits for the chunk), its button waiting for it.
    await page.waitForFunction(() => !document.querySelector('[data-prerender]') && document.querySelector('.catalogue-bar[data-stand-in]'));
    await page.waitForTimeout(200);
    const standIn = page.locator('#calculator .catalogue-bar[data-stand-in]');
    assert.equal(await standIn.count(), 1);
    assert.equal(await standIn.locator('button').isDisabled(), true);
    const below = page.locator(query ? 'input[name="base_input_tokens"]' : 'input[name="baseline"]');
    const before = await below.evaluate((e) => e.getBoundingClientRect().top + scrollY);
    const shifted = await page.evaluate(() => window.__shift);
    release();
    await page.locator('[data-testid="catalogue-open"]').waitFor();
    await page.waitForSelector('html[data-ready]:not([data-loading])', { state: 'attached' });
    assert.equal(await standIn.count(), 0);
    assert.equal(await below.evaluate((e) => e.getBoundingClientRect().top + scrollY), before, `${width}${query}`);
    await page.waitForTimeout(100);
    assert.equal(await page.evaluate(() => window.__shift), shifted, `${width}${query}: a layout shift when the bar came`);
    await context.close();
  }
});
