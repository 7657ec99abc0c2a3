// The decision table for the user's options and the four-option preset
// (issue 28) in a real browser: the preset's hand-checked figures, the
// table's bands following the crossovers as you type, phone width, axe.
import { test } from 'node:test';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assert, metric, open, type } from './harness.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const axeSource = await readFile(createRequire(join(root, 'tools', 'package.json')).resolve('axe-core/axe.min.js'), 'utf8');

const near = (a, b) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));

const VIEW = '[data-testid="options-view"]';
const TABLE = `${VIEW} [data-testid="decision-table"]`;

/** The decision table's rows: from, to, cheapest, cost alone, marked, text. */
const bands = (page, table = TABLE) => page.locator(`${table} tbody tr`).evaluateAll((rows) => rows.map((r) => ({
  from: Number(r.dataset.from),
  to: r.dataset.to === '' ? null : Number(r.dataset.to),
  cheapest: r.dataset.cheapest,
  costOnly: r.dataset.costOnly,
  current: r.getAttribute('aria-current') === 'true',
  text: r.innerText.replace(/\s+/g, ' ').trim(),
})));

/** Opens the page and loads the support-options preset. */
async function preset(options = {}) {
  const t = await open('', options);
  await t.page.click('[data-preset="support-options"]');
  await t.page.waitForSelector(`${VIEW} [data-option="4"]`);
  await t.page.waitForSelector(TABLE);
  return t;
}

// Worked by hand in tests/presets.rs (support_options_by_hand): options
// 1 to 4 cost $252, $4,084, $164.70 and $2,469.60 over 12 months of 1,000
// requests; option 3 is the cheapest; option 4 from 2,448 ÷ 0.1431 =
// 17,106.92 requests (51.3M tokens) a month.
const CROSSING = 2448 / 0.1431;

test('the support-options preset loads four options with their hand-checked figures and the decision table', async () => {
  const t = await preset();
  const titles = await t.page.locator(`${VIEW} [data-option] h3`).allInnerTexts();
  assert.deepEqual(titles, ['Baseline (option 1)', 'Fine-tuned (option 2)', 'Prompting, cached and batched', 'Distilled small model']);
  for (const [k, cost] of [[1, 252], [2, 4084], [3, 164.7], [4, 2469.6]]) {
    const cell = t.page.locator(`${VIEW} [data-option="${k}"] [data-metric="option_cost"]`);
    assert.ok(near(Number(await cell.getAttribute('data-value')), cost), `option ${k}`);
    const pv = t.page.locator(`${VIEW} [data-option="${k}"] [data-metric="option_pv_cost"]`);
    assert.ok(near(Number(await pv.getAttribute('data-value')), cost), `option ${k} PV`);
  }
  assert.equal(await t.page.locator(`${VIEW} [data-option="3"] [data-metric="option_cost"]`).innerText(), '$164.70');
  assert.equal(await t.page.locator(`${VIEW} [data-option="4"] [data-metric="option_cost"]`).innerText(), '$2,469.60');
  assert.equal((await metric(t.page, 'cheapest_option')).value, '3');
  const volumes = await metric(t.page, 'crossover_volumes');
  assert.ok(near(Number(volumes.value), CROSSING), volumes.value);
  const rows = await bands(t.page);
  assert.equal(rows.length, 2);
  assert.deepEqual(rows.map((r) => [r.cheapest, r.costOnly, r.current]), [['3', '3', true], ['4', '4', false]]);
  assert.equal(rows[0].from, 0);
  assert.equal(rows[0].to, Number(volumes.value));
  assert.equal(rows[1].from, Number(volumes.value));
  assert.equal(rows[1].to, null);
  assert.equal(rows[0].text, '0 to 17,107 0 to 51.3M Prompting, cached and batched (option 3)');
  assert.equal(rows[1].text, '17,107 and more 51.3M and more Distilled small model (option 4)');
  await t.check();
});

test('the decision table follows the crossovers as you type', async () => {
  const t = await preset();
  // Past the crossing the marked band and the cheapest move to option 4.
  await type(t.page, 'requests', '20000');
  await t.page.waitForFunction(() => document.querySelector('[data-metric="cheapest_option"]')?.dataset.value === '4');
  let rows = await bands(t.page);
  assert.deepEqual(rows.map((r) => r.current), [false, true]);
  // $400 a month for the distilled model: C3 = C4 at (48 + 4,800) ÷ 0.1431
  // = 33,878.41 requests a month; 20,000 falls back in option 3's band.
  await type(t.page, 'o4_monthly', '400');
  await t.page.waitForFunction(() => document.querySelector('[data-metric="cheapest_option"]')?.dataset.value === '3');
  rows = await bands(t.page);
  assert.ok(near(rows[1].from, 4848 / 0.1431), String(rows[1].from));
  assert.equal(rows[1].from, Number((await metric(t.page, 'crossover_volumes')).value));
  assert.deepEqual(rows.map((r) => r.current), [true, false]);
  assert.match(rows[0].text, /^0 to 33,878 /);
  // Accuracy valued: option 2 two points better, an avoided error worth
  // $0.50 (a request $0.01 less): C2 = 4,000 + 12 × (0.007 − 0.01)·V is
  // below C3 from 4,000 ÷ (0.1647 + 0.036) = 19,930.24 a month; on cost
  // alone option 3 stays cheaper there.
  await t.page.click('summary:has-text("Value of accuracy")');
  await type(t.page, 'accuracy_gain', '2');
  await type(t.page, 'error_value', '0.5');
  await t.page.waitForFunction(() => document.querySelector('[data-metric="cheapest_option"]')?.dataset.value === '2');
  rows = await bands(t.page);
  const critical = rows.find((r) => r.cheapest === '2' && r.costOnly !== '2');
  assert.ok(critical, JSON.stringify(rows));
  assert.match(critical.text, /on cost alone; Fine-tuned \(option 2\) if accuracy is critical/);
  assert.ok(near(rows.find((r) => r.cheapest === '2').from, 4000 / 0.2007), JSON.stringify(rows));
  await t.check();
});

test('the two-option page shows its decision table with the options\' figures', async () => {
  const t = await open();
  const table = '[data-testid="decision-table"]';
  await t.page.waitForSelector(table);
  const rows = await bands(t.page, table);
  const volumes = await metric(t.page, 'crossover_volumes');
  assert.deepEqual(rows.map((r) => [r.from, r.to, r.cheapest]), [[0, Number(volumes.value), '1'], [Number(volumes.value), null, '2']]);
  assert.deepEqual(rows.map((r) => r.current), [false, true]);
  await t.check();
});

test('the decision table at phone width stays readable', async () => {
  const t = await preset({ viewport: { width: 390, height: 900 } });
  const box = await t.page.locator(`${VIEW} .table-scroll:has([data-testid="decision-table"])`).boundingBox();
  assert.ok(box.x >= 0 && box.x + box.width <= 390, JSON.stringify(box));
  const cells = await t.page.locator(`${TABLE} td, ${TABLE} th`).evaluateAll((els) => els.map((e) => getComputedStyle(e).fontSize));
  for (const size of cells) assert.ok(parseFloat(size) >= 12, size);
  const scroll = await t.page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(scroll <= 390, `page ${scroll} px wide`);
  await t.check();
});

test('axe finds no violation with the four-option preset and its decision table, light and dark', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const t = await preset({ colorScheme });
    await t.page.evaluate(axeSource);
    const found = await t.page.evaluate(async () => {
      const result = await window.axe.run(document, { resultTypes: ['violations'], rules: { 'target-size': { enabled: true } } });
      return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${v.help} at ${n.target.join(' ')}`));
    });
    assert.deepEqual(found, [], `\n${found.join('\n')}`);
    await t.check();
  }
});
