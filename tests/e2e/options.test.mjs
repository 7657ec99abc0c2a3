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

const SIX = '?v=1&o3_kind=model&o3_name=Smaller%20model&o3_request_cost=0.01&o3_one_time=1200'
  + '&o4_kind=rag&o4_request_cost=0.01&o4_embed_tokens=500&o4_embed_price=0.02'
  + '&o5_kind=finetune&o5_request_cost=0.005&o5_fallback_share=10&o5_one_time=3000'
  + '&o6_kind=distill&o6_request_cost=0.004&o6_one_time=500&o6_teacher_examples=10000'
  + '&o6_teacher_input_tokens=1000&o6_teacher_input_price=3&o6_teacher_output_tokens=500&o6_teacher_output_price=15';

const columns = (page) => page.locator('[data-testid="options-view"] [data-option]').evaluateAll(
  (els) => els.map((e) => `${e.dataset.option}:${e.querySelector('h3').textContent}`));
const optionCost = (page, k) => page.locator(`[data-testid="options-view"] [data-option="${k}"] [data-metric="option_cost"]`).getAttribute('data-value');

test('a link with six options opens the options view and round-trips through the address bar', async () => {
  const t = await open(SIX);
  await t.page.waitForSelector('[data-testid="options-view"]');
  assert.deepEqual(await columns(t.page), ['1:Baseline (option 1)', '2:Fine-tuned (option 2)', '3:Smaller model', '4:Option 4', '5:Option 5', '6:Option 6']);
  assert.equal(await optionCost(t.page, 3), '13200');
  assert.equal(await optionCost(t.page, 6), '5405');
  assert.equal((await metric(t.page, 'cheapest_option')).value, '6');
  assert.equal(await t.page.locator('[data-metric="cheapest_option"]').count(), 1);
  // Every key comes back in the address bar, as typed.
  await type(t.page, 'o3_one_time', '1300');
  await t.page.waitForFunction(() => new URLSearchParams(location.search).get('o3_one_time') === '1300');
  const params = new URLSearchParams(new URL(t.page.url()).search);
  for (const [k, v] of new URLSearchParams(SIX)) if (k !== 'o3_one_time') assert.equal(params.get(k), v, k);
  assert.equal(await t.page.locator('[data-testid="add-option"]').isDisabled(), true);
  await t.check();
});

test('add, rename, reorder, duplicate and remove options; the cheapest and crossovers follow; bad input stays on its option', async () => {
  const t = await open();
  await t.page.click('[data-testid="add-option-basis"]');
  await t.page.waitForSelector('[data-testid="options-view"] [data-option="3"]');
  await t.page.fill('input[name="o3_name"]', 'Cheap model');
  await type(t.page, 'o3_request_cost', '0.001');
  await t.page.waitForFunction(() => document.querySelector('[data-metric="cheapest_option"]')?.dataset.value === '3');
  assert.equal(await optionCost(t.page, 3), '1200');
  assert.match((await metric(t.page, 'cheapest_option')).text, /Cheap model/);
  // A second option, a copy of the first: ties go to the lower number.
  await t.page.click('[data-option="3"] [data-testid="option-duplicate"]');
  await t.page.waitForSelector('[data-option="4"]');
  assert.deepEqual((await columns(t.page)).slice(2), ['3:Cheap model', '4:Cheap model (copy)']);
  assert.equal((await metric(t.page, 'cheapest_option')).value, '3');
  await type(t.page, 'o4_request_cost', '0.0005');
  await t.page.waitForFunction(() => document.querySelector('[data-metric="cheapest_option"]')?.dataset.value === '4');
  // Move it left: it becomes option 3, still the cheapest.
  await t.page.focus('[data-option="4"] [data-testid="option-left"]');
  await t.page.keyboard.press('Enter');
  await t.page.waitForFunction(() => document.querySelector('[data-option="3"] h3')?.textContent === 'Cheap model (copy)');
  assert.equal((await metric(t.page, 'cheapest_option')).value, '3');
  // Bad input on one option: its message, the other options stand.
  await type(t.page, 'o3_request_cost', 'abc');
  await t.page.waitForSelector('[data-error="o3_request_cost"]:not(:empty)');
  assert.equal(await optionCost(t.page, 4), '1200');
  assert.equal((await metric(t.page, 'cheapest_option')).value, '4');
  assert.equal((await metric(t.page, 'net_benefit')).text, '$5,900.00');
  assert.equal(await t.page.inputValue('input[name="o3_request_cost"]'), 'abc');
  // Remove it: option 4 moves down to 3.
  await t.page.click('[data-option="3"] [data-testid="option-remove"]');
  await t.page.waitForFunction(() => !document.querySelector('[data-option="4"]'));
  assert.deepEqual((await columns(t.page)).slice(2), ['3:Cheap model']);
  await t.check();
});

test('options at phone width stack and stay readable', async () => {
  const t = await open(SIX, { viewport: { width: 390, height: 900 } });
  await t.page.waitForSelector('[data-testid="options-view"]');
  const boxes = await t.page.locator('[data-testid="options-view"] [data-option]').evaluateAll(
    (els) => els.map((e) => e.getBoundingClientRect()).map((r) => [r.left, r.width]));
  for (const [left, width] of boxes) {
    assert.ok(left >= 0 && left + width <= 390, `${left} ${width}`);
  }
  assert.equal(new Set(boxes.map(([l]) => Math.round(l))).size, 1, 'one column');
  const scroll = await t.page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(scroll <= 390, `page ${scroll} px wide`);
  await t.check();
});

test('a link with an option outside 3 to 6 loads what it can and says what it skipped', async () => {
  const t = await open('?v=1&o3_kind=rag&o7_kind=model&o4_kind=lora&o3_name=' + 'x'.repeat(61));
  const notice = await t.page.locator('[data-notice="url-options"]').innerText();
  assert.match(notice, /o7_kind/);
  await t.page.waitForSelector('[data-testid="options-view"]');
  assert.match(await t.page.locator('[data-error="o3_name"]').innerText(), /at most 60 characters/);
  // The first module leaves the options' values to their chunk, which names
  // the link's bad ones in the link's notice, once.
  const bad = t.page.locator('[data-notice="url"]');
  await bad.waitFor();
  assert.equal(await bad.count(), 1);
  const text = await bad.innerText();
  assert.match(text, /Option 3 name/);
  assert.match(text, /Option 4 kind \(\u201clora\u201d\)/);
  assert.equal((await metric(t.page, 'net_benefit')).text, '$5,900.00');
  await t.check();
});
