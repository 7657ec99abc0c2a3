// The Monte Carlo simulation with options (issue 28) in a real browser:
// each option's chance of being the cheapest over the same draws, in its
// column (`data-option`, `option_p_cheapest`), summing to 1; following a
// range as it changes; a range on an option's own input set through the
// Ranges section and through a link; the two-option page's table in the
// simulation's card; axe clean.
import { test } from 'node:test';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assert, open, type, waitForParam } from './harness.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const axeSource = await readFile(createRequire(join(root, 'tools', 'package.json')).resolve('axe-core/axe.min.js'), 'utf8');

async function axe(page) {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'], rules: { 'target-size': { enabled: true } } });
    return result.violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  return violations;
}

/** Waits until the simulation's card shows the current scenario's figures. */
async function simulated(page) {
  await page.locator('[data-testid="uncertainty"][data-state="done"] [data-metric="prob_positive"]').waitFor();
}

/** Each option's chance of being the cheapest, by number, inside `scope`. */
const chances = (page, scope) => page.locator(`${scope} [data-option] [data-metric="option_p_cheapest"]`).evaluateAll(
  (els) => els.map((e) => [e.closest('[data-option]').dataset.option, Number(e.dataset.value)]));

const sum = (pairs) => pairs.reduce((s, [, p]) => s + p, 0);
const near = (a, b, within) => Math.abs(a - b) <= within;

// Option 3 ($0.01 a request, $1,200 once) against the two sides, with the
// monthly requests from 5% to 100% of 100,000: option 1 is cheapest below
// 10,000 a month, P = 5,000² ÷ 95,000² = 0.00277 (tests/options_montecarlo.rs).
const LINK = '?requests_low=-95&mc_draws=2000&o3_kind=model&o3_name=Small%20model&o3_request_cost=0.01&o3_one_time=1200';

test('a link with options and ranges shows each option\'s chance of being the cheapest, summing to 1, and follows the range', async () => {
  const t = await open(LINK);
  await t.page.waitForSelector('[data-testid="options-view"] [data-option="3"]');
  await simulated(t.page);
  const view = '[data-testid="options-view"]';
  await t.page.waitForSelector(`${view} [data-option="3"] [data-metric="option_p_cheapest"]`);
  const first = await chances(t.page, view);
  assert.deepEqual(first.map(([k]) => k), ['1', '2', '3']);
  assert.ok(near(sum(first), 1, 1e-9), JSON.stringify(first));
  assert.ok(near(first[0][1], 0.00277, 0.002), JSON.stringify(first));
  assert.equal(first[1][1], 0);
  assert.match(await t.page.locator(`${view} [data-option="3"] [data-metric="option_p_cheapest"]`).innerText(), /of 2,000 draws/);
  // The card says which is most often the cheapest; its table is the
  // options view's job here (one data-option per option).
  assert.match(await t.page.locator('[data-testid="mc-options"]').innerText(), /^Small model \(option 3\) is cheapest in (over )?99% of 2,000 draws\.$/);
  assert.equal(await t.page.locator('[data-testid="uncertainty"] [data-option]').count(), 0);
  // A wider range: option 1 wins more often (below 10,000 of 1,000 to 100,000:
  // 9,000² ÷ 99,000² = 0.00826).
  await type(t.page, 'requests_low', '-99');
  await t.page.waitForFunction(() => {
    const p = document.querySelector('[data-testid="options-view"] [data-option="1"] [data-metric="option_p_cheapest"]');
    return p && Math.abs(Number(p.dataset.value) - 0.00826) < 0.003;
  });
  await simulated(t.page);
  const wider = await chances(t.page, view);
  assert.ok(near(sum(wider), 1, 1e-9), JSON.stringify(wider));
  await t.check();
});

test('a range on an option\'s own input, set in the Ranges section like any range and carried by the link', async () => {
  const t = await open();
  const details = t.page.locator('details.ranges');
  if (!(await details.evaluate((d) => d.open))) await details.locator('summary').click();
  await t.page.locator('[data-range="requests"]').waitFor({ state: 'visible' });
  // No option 3 yet: no row for its ranges.
  const row = t.page.locator('[data-range="o3_request_cost"]');
  assert.equal(await row.isVisible(), false);
  await t.page.click('[data-testid="add-option-basis"]');
  await t.page.waitForSelector('[data-testid="options-view"] [data-option="3"]');
  await type(t.page, 'o3_request_cost', '0.02');
  await row.waitFor({ state: 'visible' });
  await type(t.page, 'o3_request_cost_low', '-50');
  await type(t.page, 'o3_request_cost_high', '50');
  await waitForParam(t.page, 'o3_request_cost_low', '-50');
  await waitForParam(t.page, 'o3_request_cost_high', '50');
  assert.match(await t.page.locator('[data-testid="ranges-summary"]').innerText(), /option 3 cost per request/);
  await simulated(t.page);
  const view = '[data-testid="options-view"]';
  await t.page.waitForSelector(`${view} [data-option="3"] [data-metric="option_p_cheapest"]`);
  // By hand: option 3 ($0.01 to $0.03 a request) beats option 2 ($18,100)
  // below $0.0150833: 0.0050833² ÷ (0.02 × 0.01) = 0.1292.
  const got = await chances(t.page, view);
  assert.ok(near(sum(got), 1, 1e-9), JSON.stringify(got));
  assert.equal(got[0][1], 0);
  assert.ok(near(got[2][1], 0.1292, 0.005), JSON.stringify(got));
  // The same link in a fresh page gives the same figures.
  const link = t.page.url();
  const again = await open(link.slice(link.indexOf('?')));
  await again.page.waitForSelector(`${view} [data-option="3"] [data-metric="option_p_cheapest"]`);
  await simulated(again.page);
  assert.deepEqual(await chances(again.page, view), got);
  // Removing the option takes its ranges with it.
  await again.page.click('[data-option="3"] [data-testid="option-remove"]');
  await waitForParam(again.page, 'o3_request_cost_low', null);
  await again.check();
  await t.check();
});

test('the two-option page lists each side\'s chance in the simulation\'s card', async () => {
  // Option 2 from 38,541.67 requests a month: P(V ≤ it) = 28,541.67² ÷ 90,000² = 0.1006.
  const t = await open('?requests_low=-90');
  await simulated(t.page);
  const card = '[data-testid="uncertainty"]';
  await t.page.waitForSelector(`${card} [data-option="2"] [data-metric="option_p_cheapest"]`);
  const got = await chances(t.page, card);
  assert.deepEqual(got.map(([k]) => k), ['1', '2']);
  assert.ok(near(sum(got), 1, 1e-9), JSON.stringify(got));
  assert.ok(near(got[0][1], 0.1006, 0.002), JSON.stringify(got));
  assert.match(await t.page.locator('[data-testid="mc-options"]').innerText(), /^Fine-tuned \(option 2\) is cheapest in 90% of 10,000 draws\.$/);
  assert.deepEqual(await axe(t.page), []);
  await t.check();
});

test('axe finds no violation in the options view with chances, at phone width too', async () => {
  for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 900 }]) {
    const t = await open(LINK, { viewport });
    await t.page.waitForSelector('[data-testid="options-view"] [data-option="3"] [data-metric="option_p_cheapest"]');
    await simulated(t.page);
    assert.deepEqual(await axe(t.page), []);
    await t.check();
  }
});
