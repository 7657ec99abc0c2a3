// Options side by side (issue 28) in a real browser: the cheapest option
// and the crossover volumes on today's two-option page, updating as you
// type.
import { test } from 'node:test';
import { assert, metric, open, type } from './harness.mjs';

const near = (a, b) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));

test('the two-option page names the cheapest option and where it changes, as you type', async () => {
  const t = await open();
  const cheapest = await metric(t.page, 'cheapest_option');
  assert.equal(cheapest.value, '2');
  assert.match(cheapest.text, /Fine-tuned \(option 2\)/);
  const volumes = await metric(t.page, 'crossover_volumes');
  assert.ok(near(Number(volumes.value), (2500 / 12 + 100) / 0.008), volumes.value);
  assert.match(volumes.text, /38,542 requests a month \(Fine-tuned\)/);
  const costs = t.page.locator('[data-option="1"] [data-metric="option_cost"]');
  assert.equal(await costs.getAttribute('data-value'), '24000');
  assert.equal(await t.page.locator('[data-option="2"] [data-metric="option_pv_cost"]').getAttribute('data-value'), '18100');
  // A fine-tune that saves nothing per request is never cheapest.
  await type(t.page, 'finetuned', '0.02');
  await t.page.waitForFunction(() => document.querySelector('[data-metric="cheapest_option"]')?.dataset.value === '1');
  assert.equal((await metric(t.page, 'crossover_volumes')).value, '');
  assert.match((await metric(t.page, 'crossover_volumes')).text, /none/);
  await t.check();
});
