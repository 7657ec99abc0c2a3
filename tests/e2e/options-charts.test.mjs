// The options charts (issue 28) in a real browser: a link with four options
// shows the cumulative cost and the volume charts, their tables agree with
// the options' figures, the crossings and the cheapest envelope are drawn,
// the keyboard readout steps, the summaries follow the inputs, the page
// fits a phone and axe finds nothing.
import { test } from 'node:test';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assert, open, type } from './harness.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const axeSource = await readFile(createRequire(join(root, 'tools', 'package.json')).resolve('axe-core/axe.min.js'), 'utf8');

/** axe's violations on the page as it is, one line per node (as in a11y.test.mjs). */
async function axe(page) {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'], rules: { 'target-size': { enabled: true } } });
    return result.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary}`) }));
  });
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id} at ${n}`));
}

// Option 3 $13,200 (0.01 × 1.2M + 1,200), option 4 $12,012 ((0.01 + 500 × 0.02 / 1M) × 1.2M).
const FOUR = '?v=1&o3_kind=model&o3_name=Smaller%20model&o3_request_cost=0.01&o3_one_time=1200'
  + '&o4_kind=rag&o4_request_cost=0.01&o4_embed_tokens=500&o4_embed_price=0.02';

const chart = (name) => `[data-testid="options-view"] [data-chart="${name}"]`;
const figure = (page, k, name) => page.locator(`[data-testid="options-view"] [data-option="${k}"] [data-metric="${name}"]`).getAttribute('data-value');

/** The chart's table as data-values: one array per row, the heading first. */
async function table(page, name) {
  const details = page.locator(`${chart(name)} details.as-table`);
  if (!(await details.evaluate((d) => d.open))) await details.locator('summary').click();
  await page.waitForSelector(`${chart(name)} table[data-table="${name}"]`);
  return page.locator(`${chart(name)} table[data-table="${name}"] tbody tr`).evaluateAll(
    (rows) => rows.map((r) => [...r.children].map((c) => c.dataset.value)));
}

test('a link with four options draws both charts, their tables read the options\' figures', async () => {
  const t = await open(FOUR);
  await t.page.waitForSelector(`${chart('options-cumulative')} svg path[data-series="4"]`);
  await t.page.waitForSelector(`${chart('options-volume')} svg path[data-series="4"]`);
  // One line and one legend entry per option, in page order.
  for (const name of ['options-cumulative', 'options-volume']) {
    const lines = await t.page.locator(`${chart(name)} svg path[data-series]`).evaluateAll((ps) => ps.map((p) => p.dataset.series));
    assert.deepEqual(lines, ['1', '2', '3', '4'], name);
    const legend = await t.page.locator(`${chart(name)} .legend li[data-series]`).allInnerTexts();
    assert.deepEqual(legend.map((s) => s.trim()), ['Baseline', 'Fine-tuned', 'Smaller model', 'Option 4'], name);
  }
  // The cumulative chart's last row is each option's cost, and its region names the chart.
  const cumulative = await table(t.page, 'options-cumulative');
  assert.equal(cumulative.length, 13);
  const last = cumulative[cumulative.length - 1];
  assert.equal(last[0], '12');
  for (let k = 1; k <= 4; k += 1) assert.equal(last[k], await figure(t.page, k, 'option_cost'), `option ${k}`);
  assert.equal(last[3], '13200');
  assert.equal(last[4], '12012');
  assert.equal(await t.page.locator(`${chart('options-cumulative')} [role="region"]`).getAttribute('aria-label'), 'Cumulative cost of each option over the horizon as a table');
  // The volume chart at the current volume is each option's present-value cost.
  const volume = await table(t.page, 'options-volume');
  const now = volume.find((r) => r[0] === '100000');
  assert.ok(now, 'a row at the current volume');
  for (let k = 1; k <= 4; k += 1) assert.equal(now[k], await figure(t.page, k, 'option_pv_cost'), `option ${k}`);
  // The crossings, the envelope and the current volume are drawn.
  assert.ok(await t.page.locator(`${chart('options-cumulative')} circle.crossing`).count() > 0);
  assert.equal(await t.page.locator(`${chart('options-volume')} path[data-envelope]`).count(), 1);
  assert.equal(await t.page.locator(`${chart('options-volume')} [data-marker="current"]`).count(), 1);
  // Each change of the cheapest within the chart is a marked crossing and a row of the table.
  const changes = (await t.page.locator('[data-metric="crossover_volumes"]').getAttribute('data-value')).split(' ').filter(Boolean).map(Number);
  const hi = Number(volume[volume.length - 1][0]);
  const inRange = changes.filter((v) => v <= hi);
  assert.ok(inRange.length > 0, `${changes} within ${hi}`);
  assert.equal(await t.page.locator(`${chart('options-volume')} circle.crossing`).count(), inRange.length);
  for (const v of inRange) assert.ok(volume.some((r) => Number(r[0]) === v), `a row at ${v}`);
  await t.check();
});

test('the arrow keys read the options charts and the summaries follow the inputs', async () => {
  const t = await open(FOUR);
  await t.page.waitForSelector(`${chart('options-cumulative')} svg path[data-series="4"]`);
  const readout = t.page.locator('[data-readout="options-cumulative"]');
  await t.page.locator(`${chart('options-cumulative')} .plot`).focus();
  await t.page.keyboard.press('End');
  assert.match(await readout.innerText(), /Month 12: Baseline \$24,000\.00 · Fine-tuned \$18,100\.00 · Smaller model \$13,200\.00 · Option 4 \$12,012\.00/);
  await t.page.keyboard.press('Home');
  await t.page.keyboard.press('ArrowRight');
  assert.match(await readout.innerText(), /^Month 1: Baseline \$2,000\.00 · /);
  await t.page.keyboard.press('ArrowLeft');
  assert.match(await readout.innerText(), /^Month 0: Baseline \$0\.00 · Fine-tuned \$2,500\.00 · Smaller model \$1,200\.00 · Option 4 \$0\.00/);
  const volumeReadout = t.page.locator('[data-readout="options-volume"]');
  await t.page.locator(`${chart('options-volume')} .plot`).focus();
  await t.page.keyboard.press('Home');
  assert.match(await volumeReadout.innerText(), /^0 requests\/month: Baseline \$0\.00 · Fine-tuned \$3,700\.00 · Smaller model \$1,200\.00 · Option 4 \$0\.00/);
  // The summaries say which option is cheapest from when, and follow the inputs.
  const summary = (name) => t.page.locator(`[data-summary="${name}"]`).innerText();
  assert.match(await summary('options-cumulative'), /Option 4 has the lowest cumulative cost throughout the 12-month horizon, ending at \$12,012\.00/);
  assert.match(await summary('options-volume'), /above 10,000,000 requests a month Smaller model \(option 3\) is cheapest/);
  assert.match(await summary('options-volume'), /At the scenario's 100,000 requests a month, Option 4 is cheapest\./);
  await type(t.page, 'o3_one_time', '0');
  await type(t.page, 'o3_request_cost', '0.005');
  await t.page.waitForFunction(() => /Smaller model \(option 3\) has the lowest cumulative cost throughout/.test(document.querySelector('[data-summary="options-cumulative"]')?.textContent));
  await t.page.waitForFunction(() => /Smaller model \(option 3\) is cheapest\./.test(document.querySelector('[data-summary="options-volume"]')?.textContent));
  // A later catch-up is told with its month: option 4 up front, cheaper a request.
  await type(t.page, 'o4_one_time', '3000');
  await type(t.page, 'o4_request_cost', '0.001');
  await t.page.waitForFunction(() => /Option 4 is cheapest from month [\d.]+/.test(document.querySelector('[data-summary="options-cumulative"]')?.textContent));
  await t.check();
});

test('the options charts fit a phone and axe finds nothing, light and dark', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const t = await open(FOUR, { colorScheme, viewport: { width: 390, height: 900 } });
    await t.page.waitForSelector(`${chart('options-volume')} svg path[data-series="4"]`);
    for (const name of ['options-cumulative', 'options-volume']) {
      const box = await t.page.locator(`${chart(name)} svg`).boundingBox();
      assert.ok(box.x >= 0 && box.x + box.width <= 390, `${name}: ${JSON.stringify(box)}`);
    }
    assert.ok(await t.page.evaluate(() => document.scrollingElement.scrollWidth <= 390), 'no sideways scroll');
    await table(t.page, 'options-volume');
    const found = await axe(t.page);
    assert.deepEqual(found, [], `${colorScheme}:\n${found.join('\n')}`);
    await t.check();
  }
});
