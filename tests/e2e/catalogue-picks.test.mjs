// The price catalogue's fixes of issue 25 in a real browser: switching the
// token price unit converts every price (no figure moves, no "changed"
// mark); a fine-tuned model without a training price says so instead of
// keeping the old one as if it were the catalogue's; the pickers show the
// model's name and provider; the catalogue dialog fits 1280 px and picks in
// direct mode too (switching to tokens, in words); capacity units priced
// from a GPU-hour entry × GPUs per unit.
import { test } from 'node:test';
import { assert, metric, open, type, waitForParam } from './harness.mjs';

const text = async (page, name) => (await metric(page, name))?.text;
const value = (page, name) => page.inputValue(`input[name="${name}"]`);
const catalogueMark = (page, name) =>
  page.locator(`.field:has(input[name="${name}"])`).getAttribute('data-catalogue');
const note = (page, name) => page.locator(`[data-catalogue-note="${name}"]`).innerText();
const status = (page, name) => page.locator(`[data-picker-status="${name}"]`).innerText();

const BASE = 'openai/gpt-4.1-2025-04-14';
const FT = 'openai/ft:gpt-4.1-mini-2025-04-14';
const PRICES = ['base_input_price', 'base_output_price', 'base_cache_price', 'ft_input_price', 'ft_output_price', 'ft_cache_price'];

test('switching token prices from per 1M to per 1K and back converts every price; no figure moves', async () => {
  // The support team: 2M requests a month, gpt-4.1 against a fine-tuned gpt-4.1-mini.
  const t = await open('?v=1&cost_mode=tokens&requests=2000000');
  await t.page.fill('input[name="base_model"]', BASE);
  await t.page.fill('input[name="ft_model"]', FT);
  const before = await text(t.page, 'net_benefit');
  const cost = await text(t.page, 'finetuned_request_cost');
  const per1m = [];
  for (const name of PRICES) per1m.push(await value(t.page, name));
  assert.deepEqual(per1m, ['2', '8', '0.5', '0.8', '3.2', '0.2']);

  await t.page.check('input[name="price_unit"][value="1k"]');
  const per1k = [];
  for (const name of PRICES) per1k.push(await value(t.page, name));
  assert.deepEqual(per1k, ['0.002', '0.008', '0.0005', '0.0008', '0.0032', '0.0002']);
  assert.equal(await text(t.page, 'net_benefit'), before);
  assert.equal(await text(t.page, 'finetuned_request_cost'), cost);
  // Still the catalogue's prices: filled, not changed.
  assert.equal(await t.page.locator('.field[data-catalogue="changed"]').count(), 0);
  assert.equal(await t.page.locator('.changed-mark').count(), 0);
  assert.equal(await catalogueMark(t.page, 'ft_output_price'), 'filled');
  assert.match(await t.page.locator('.field:has(input[name="ft_output_price"]) .unit').innerText(), /1K tokens/);

  // A link made per 1K means what it says.
  await waitForParam(t.page, 'base_input_price', '0.002');
  await waitForParam(t.page, 'price_unit', '1k');
  const fresh = await open(new URL(t.page.url()).search);
  assert.equal(await text(fresh.page, 'net_benefit'), before);
  assert.equal(await catalogueMark(fresh.page, 'base_input_price'), 'filled');
  await fresh.check();

  // And back: the prices as they were.
  await t.page.check('input[name="price_unit"][value="1m"]');
  const back = [];
  for (const name of PRICES) back.push(await value(t.page, name));
  assert.deepEqual(back, per1m);
  assert.equal(await text(t.page, 'net_benefit'), before);
  assert.equal(await t.page.locator('.changed-mark').count(), 0);
  await t.check();
});

test('typed prices convert too, written in the scenario number format', async () => {
  const t = await open('?v=1&cost_mode=tokens&locale=de-DE');
  const before = await text(t.page, 'net_benefit');
  await type(t.page, 'base_input_price', '2,5');
  const typed = await text(t.page, 'net_benefit');
  assert.notEqual(typed, before);
  await t.page.check('input[name="price_unit"][value="1k"]');
  assert.equal(await value(t.page, 'base_input_price'), '0,0025');
  assert.equal(await value(t.page, 'ft_input_price'), '0,006');
  assert.equal(await text(t.page, 'net_benefit'), typed);
  await t.check();
});

test('a fine-tuned model without a training price says so; the old price loses its mark and source', async () => {
  const t = await open('?v=1&cost_mode=tokens&training_mode=itemized&compute_mode=tokens');
  await t.page.fill('input[name="ft_model"]', FT);
  assert.equal(await value(t.page, 'train_price'), '5');
  assert.match(await note(t.page, 'train_price'), /^as of 2025-08-21 · openai\.com$/);
  assert.equal(await catalogueMark(t.page, 'train_price'), 'filled');

  await t.page.fill('input[name="ft_model"]', 'azure/ft:gpt-4.1-mini');
  // Every price Azure lists is refilled.
  assert.equal(await value(t.page, 'ft_input_price'), '0.4');
  assert.equal(await value(t.page, 'ft_output_price'), '1.6');
  assert.equal(await value(t.page, 'ft_host_rate'), '1.7');
  // The training price it does not list: kept, but said not to be the catalogue's.
  assert.equal(await value(t.page, 'train_price'), '5');
  assert.equal(await catalogueMark(t.page, 'train_price'), 'unlisted');
  const trainNote = await note(t.page, 'train_price');
  assert.match(trainNote, /^No training price listed for GPT-4\.1 mini \(Azure\), fine-tuned, Standard deployment \(Azure OpenAI\) in the catalogue: this value is not from it/);
  assert.doesNotMatch(trainNote, /as of|openai\.com/);
  assert.match(await status(t.page, 'ft_model'), /No training price listed/);

  // A model with one fills it again.
  await t.page.fill('input[name="ft_model"]', 'openai/ft:gpt-4o-mini-2024-07-18');
  assert.equal(await value(t.page, 'train_price'), '3');
  assert.equal(await catalogueMark(t.page, 'train_price'), 'filled');
  assert.doesNotMatch(await status(t.page, 'ft_model'), /No training price/);
  await t.check();
});

test('the pickers show the chosen model by name and provider; the box keeps the id', async () => {
  const t = await open('?v=1&cost_mode=tokens');
  await t.page.fill('input[name="base_model"]', BASE);
  assert.equal(await value(t.page, 'base_model'), BASE);
  assert.equal((await t.page.locator('[data-picker-chosen="base_model"]').innerText()).trim(), 'GPT-4.1 (2025-04-14) · OpenAI');
  // The whole id is visible in the box (nothing cut off) at 1280 px.
  const fits = await t.page.locator('input[name="base_model"]').evaluate((el) => el.scrollWidth <= el.clientWidth);
  assert.equal(fits, true);
  assert.equal((await t.page.locator('[data-picker-chosen="ft_model"]').innerText()).trim(), '');
  await t.check();
});

test('the catalogue dialog fits 1280 px: every column on screen', async () => {
  const t = await open('?v=1&cost_mode=tokens');
  await t.page.click('[data-testid="catalogue-open"]');
  await t.page.waitForSelector('[data-testid="catalogue-table"] tbody tr');
  const box = await t.page.evaluate(() => {
    const scroll = document.querySelector('.catalogue-scroll');
    const heads = [...document.querySelectorAll('[data-testid="catalogue-table"] thead th')];
    const last = heads.at(-1).getBoundingClientRect();
    const asOf = heads.at(-2).getBoundingClientRect();
    return { scrolls: scroll.scrollWidth > scroll.clientWidth + 1, right: last.right, asOfRight: asOf.right, width: window.innerWidth };
  });
  assert.equal(box.scrolls, false, 'the table scrolls sideways');
  assert.ok(box.right <= box.width, `Notes ends at ${box.right}`);
  await t.page.click('[data-testid="catalogue-close"]');
  await t.check();
});

test('in direct mode the catalogue is offered; picking a model switches to tokens and says so', async () => {
  const t = await open('');
  assert.equal(await t.page.isChecked('input[name="cost_mode"][value="direct"]'), true);
  await t.page.click('[data-testid="catalogue-open"]');
  await t.page.click('tr[data-entry="openai/gpt-4o-mini-2024-07-18"] button[data-pick="base_model"]');
  // The dialog closes; the page says what happened.
  assert.equal(await t.page.locator('.catalogue-dialog[open]').count(), 0);
  const said = await t.page.locator('[data-testid="catalogue-said"]').innerText();
  assert.match(said, /GPT-4o mini \(2024-07-18\) \(OpenAI\) is now the baseline model: its prices are filled\./);
  assert.match(said, /Request costs are now built from tokens \(they were entered directly/);
  assert.equal(await t.page.isChecked('input[name="cost_mode"][value="tokens"]'), true);
  await t.page.waitForSelector('input[name="base_input_price"]');
  assert.equal(await value(t.page, 'base_input_price'), '0.15');
  assert.equal(await value(t.page, 'base_model'), 'openai/gpt-4o-mini-2024-07-18');
  await waitForParam(t.page, 'cost_mode', 'tokens');
  // The fine-tuned side from the dialog too, now in token mode: no switch to mention.
  await t.page.click('[data-testid="catalogue-open"]');
  await t.page.click('tr[data-entry="openai/ft:gpt-4o-mini-2024-07-18"] button[data-pick="ft_model"]');
  assert.equal(await value(t.page, 'ft_input_price'), '0.3');
  assert.doesNotMatch(await t.page.locator('[data-testid="catalogue-said"]').innerText(), /Request costs are now/);
  await t.check();
});

test('capacity units priced from a GPU-hour entry × GPUs per unit; the GPUs refill a catalogue price', async () => {
  // The self-hosted case: a 70B on 4-GPU replicas.
  const t = await open('?v=1&base_serving=capacity&base_unit_rps=5&base_min_units=4&ft_serving=capacity&ft_unit_rate=2.5');
  await t.page.fill('input[name="base_unit_type"]', 'fireworks/gpu-h100');
  assert.equal(await value(t.page, 'base_unit_rate'), '5.8');
  assert.equal(await catalogueMark(t.page, 'base_unit_rate'), 'filled');
  assert.match(await note(t.page, 'base_unit_rate'), /^as of 2025-07-19 · fireworks\.ai · \$5\.80 per GPU-hour × 1 GPU per unit$/);
  assert.equal((await t.page.locator('[data-picker-chosen="base_unit_type"]').innerText()).trim(), 'Dedicated deployment, NVIDIA H100 80GB · Fireworks AI');

  await type(t.page, 'base_unit_gpus', '4');
  assert.equal(await value(t.page, 'base_unit_rate'), '23.2');
  assert.equal(await catalogueMark(t.page, 'base_unit_rate'), 'filled');
  assert.match(await note(t.page, 'base_unit_rate'), /\$5\.80 per GPU-hour × 4 GPUs per unit$/);
  assert.match(await status(t.page, 'base_unit_type'), /\$5\.80 per GPU-hour × 4 GPUs per unit = \$23\.20 per unit-hour/);
  // 4 units of 4 GPUs: 16 GPUs, and 4 × $23.20 × 730 hours.
  assert.equal(await text(t.page, 'baseline_units'), '4 units');
  assert.match(await t.page.locator('.metric:has([data-metric="baseline_units"]) .note').innerText(), /16 GPUs running: 4 units × 4 GPUs per unit/);
  assert.equal(await text(t.page, 'baseline_serving_monthly'), '$67,744.00');
  await waitForParam(t.page, 'base_unit_gpus', '4');
  assert.equal(new URL(t.page.url()).searchParams.get('base_unit_type'), 'fireworks/gpu-h100');

  // An edited unit price is the user's own: the GPUs leave it be.
  await type(t.page, 'base_unit_rate', '20');
  await type(t.page, 'base_unit_gpus', '8');
  assert.equal(await value(t.page, 'base_unit_rate'), '20');
  assert.equal(await catalogueMark(t.page, 'base_unit_rate'), 'changed');
  // GPUs per unit must be whole, 1 to 1,000.
  await type(t.page, 'base_unit_gpus', '0');
  assert.equal(await t.page.locator('[data-error="base_unit_gpus"]').innerText(), 'Enter a whole number from 1 to 1,000.');
  await t.check();
});

test('the GPU-hour entries pick from the catalogue dialog too, switching the side to capacity units', async () => {
  const t = await open('');
  await t.page.click('[data-testid="catalogue-open"]');
  await t.page.click('tr[data-entry="gpu/h100-sxm"] button[data-pick="ft_unit_type"]');
  assert.equal(await t.page.isChecked('input[name="ft_serving"][value="capacity"]'), true);
  await t.page.waitForSelector('input[name="ft_unit_rate"]');
  // The middle of $1.99–$5.00 per H100-hour.
  assert.equal(await value(t.page, 'ft_unit_rate'), '3.495');
  assert.match(await t.page.locator('[data-testid="catalogue-said"]').innerText(), /now prices the fine-tuned side's capacity units\. The fine-tuned side is now served by capacity units\./);
  assert.match(await note(t.page, 'ft_unit_rate'), /\$3\.495 per GPU-hour \(the middle of \$1\.99–\$5\.00\) × 1 GPU per unit/);
  // Request costs stay as entered: a unit price is not a token price.
  assert.equal(await t.page.isChecked('input[name="cost_mode"][value="direct"]'), true);
  await t.check();
});

test('at phone width the pickers and the dialog fit, and nothing scrolls sideways', async () => {
  const t = await open('?v=1&cost_mode=tokens', { viewport: { width: 390, height: 844 } });
  await t.page.fill('input[name="base_model"]', BASE);
  await t.page.click('[data-testid="catalogue-open"]');
  await t.page.waitForSelector('[data-testid="catalogue-table"] tbody tr');
  const wide = await t.page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  assert.equal(wide, false);
  await t.page.click('[data-testid="catalogue-close"]');
  await t.check();
});
