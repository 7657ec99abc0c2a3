// The price catalogue (issue #16) in a real browser: model pickers fill the
// token prices and the training price, each with its date and source; an
// edited price is marked and can be put back; links carry the prices and the
// model labels; an unknown label gets a notice; another currency waits for
// an exchange rate; old prices get a quiet warning; the catalogue view lists
// and exports every entry.
import { test } from 'node:test';
import { readFile } from 'node:fs/promises';
import { assert, ctx, metric, open, type, waitForParam } from './harness.mjs';

const text = async (page, name) => (await metric(page, name))?.text;
const value = (page, name) => page.inputValue(`input[name="${name}"]`);
const catalogueMark = (page, name) =>
  page.locator(`.field:has(input[name="${name}"])`).getAttribute('data-catalogue');
const note = (page, name) => page.locator(`[data-catalogue-note="${name}"]`).innerText();

const BASE = 'openai/gpt-4o-mini-2024-07-18';
const FT = 'openai/ft:gpt-4o-mini-2024-07-18';
const LITELLM = 'https://github.com/BerriAI/litellm/blob/00035b69f416be24e2e323c13198d9b7d2d1bdf9/model_prices_and_context_window.json';

/** Opens the page in a context whose clock reads `date` (Date only; timers run). */
async function openAt(date, query) {
  const context = await ctx.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.clock.setFixedTime(new Date(date));
  await page.goto(ctx.base + query);
  await page.waitForSelector('input[name="requests"]');
  return { page, context };
}

test('choosing gpt-4o-mini on both sides fills token and training prices, with dates and sources', async () => {
  const t = await open('?v=1&cost_mode=tokens&training_mode=itemized&compute_mode=tokens');
  // Choosing nothing changes nothing.
  assert.equal(await value(t.page, 'base_model'), '');
  assert.equal(await catalogueMark(t.page, 'base_input_price'), null);
  assert.equal(await text(t.page, 'baseline_request_cost'), '$0.02');

  await t.page.fill('input[name="base_model"]', BASE);
  await t.page.fill('input[name="ft_model"]', FT);
  assert.equal(await value(t.page, 'base_input_price'), '0.15');
  assert.equal(await value(t.page, 'base_output_price'), '0.6');
  assert.equal(await value(t.page, 'base_cache_price'), '0.075');
  assert.equal(await value(t.page, 'ft_input_price'), '0.3');
  assert.equal(await value(t.page, 'ft_output_price'), '1.2');
  assert.equal(await value(t.page, 'ft_cache_price'), '0.15');
  assert.equal(await value(t.page, 'train_price'), '3');

  // The figures follow: 1,000 input and 1,000 output tokens a request.
  assert.equal(await text(t.page, 'baseline_request_cost'), '$0.00075');
  assert.equal(await text(t.page, 'finetuned_request_cost'), '$0.0015');
  assert.equal(await text(t.page, 'monthly_baseline_cost'), '$75.00');
  assert.equal(await text(t.page, 'monthly_finetuned_cost'), '$150.00');
  // 1,000 examples × 500 tokens × 3 epochs = 1.5M training tokens at $3 per 1M.
  assert.equal(await text(t.page, 'investment_compute'), '$4.50');

  // Each filled price says where it comes from and when.
  assert.equal(await catalogueMark(t.page, 'base_input_price'), 'filled');
  assert.match(await note(t.page, 'base_input_price'), /^as of 2026-11-29 · github\.com\/BerriAI\/litellm$/);
  assert.equal(await t.page.locator('[data-catalogue-note="base_input_price"] a').getAttribute('href'), LITELLM);
  assert.match(await note(t.page, 'train_price'), /^as of 2025-02-27 · platform\.openai\.com$/);
  assert.match(await t.page.locator('[data-picker-status="ft_model"]').innerText(), /Training price \$3\.00 per 1M training tokens/);
  // The labels travel with the prices.
  await waitForParam(t.page, 'ft_model', FT);
  const url = new URL(t.page.url());
  assert.equal(url.searchParams.get('base_model'), BASE);
  assert.equal(url.searchParams.get('ft_input_price'), '0.3');
  await t.check();
});

test('an edited price is marked as changed and one click puts the catalogue price back', async () => {
  const t = await open('?v=1&cost_mode=tokens');
  await t.page.fill('input[name="ft_model"]', FT);
  assert.equal(await catalogueMark(t.page, 'ft_output_price'), 'filled');
  await type(t.page, 'ft_output_price', '1.1');
  assert.equal(await catalogueMark(t.page, 'ft_output_price'), 'changed');
  assert.match(await note(t.page, 'ft_output_price'), /Changed from the catalogue's 1\.2\./);
  assert.equal(await text(t.page, 'finetuned_request_cost'), '$0.0014');
  // The other prices are still the catalogue's.
  assert.equal(await catalogueMark(t.page, 'ft_input_price'), 'filled');
  await t.page.click('[data-catalogue-note="ft_output_price"] [data-testid="catalogue-restore"]');
  assert.equal(await value(t.page, 'ft_output_price'), '1.2');
  assert.equal(await catalogueMark(t.page, 'ft_output_price'), 'filled');
  assert.equal(await text(t.page, 'finetuned_request_cost'), '$0.0015');
  await t.check();
});

test('a link with model ids and prices round-trips; the prices in it are the truth', async () => {
  const t = await open('?v=1&cost_mode=tokens');
  await t.page.fill('input[name="base_model"]', BASE);
  await t.page.fill('input[name="ft_model"]', FT);
  await type(t.page, 'base_output_price', '0.7');
  await waitForParam(t.page, 'base_output_price', '0.7');
  const query = new URL(t.page.url()).search;
  const before = await text(t.page, 'net_benefit');

  const fresh = await open(query);
  assert.equal(await value(fresh.page, 'base_model'), BASE);
  assert.equal(await value(fresh.page, 'ft_model'), FT);
  assert.equal(await value(fresh.page, 'base_input_price'), '0.15');
  assert.equal(await value(fresh.page, 'base_output_price'), '0.7');
  assert.equal(await catalogueMark(fresh.page, 'base_input_price'), 'filled');
  assert.equal(await catalogueMark(fresh.page, 'base_output_price'), 'changed');
  assert.equal(await text(fresh.page, 'net_benefit'), before);
  assert.equal(await fresh.page.locator('[data-notice="catalogue"]').count(), 0);
  await t.check();
  await fresh.check();
});

test('an unknown model id in a link is ignored with a notice; its prices still apply', async () => {
  const t = await open('?v=1&cost_mode=tokens&base_model=acme%2Fgpt-9&base_input_price=7');
  const notice = t.page.locator('[data-notice="catalogue"]');
  assert.match(await notice.innerText(), /“acme\/gpt-9” \(Baseline model\)\. It is ignored; the prices in the scenario still apply\./);
  assert.equal(await value(t.page, 'base_input_price'), '7');
  // 1,000 tokens at $7 and 1,000 at $10 per 1M.
  assert.equal(await text(t.page, 'baseline_request_cost'), '$0.017');
  assert.equal(await catalogueMark(t.page, 'base_input_price'), null);
  assert.match(await t.page.locator('[data-picker-status="base_model"]').innerText(), /not in this price catalogue/);
  await t.check();
});

test('in a EUR scenario a model fills nothing until the exchange rate is given, then converted prices', async () => {
  const t = await open('?v=1&cost_mode=tokens&currency=EUR');
  await t.page.fill('input[name="base_model"]', BASE);
  assert.equal(await value(t.page, 'base_input_price'), '10');
  assert.equal(await value(t.page, 'base_output_price'), '10');
  assert.match(await t.page.locator('[data-picker-status="base_model"]').innerText(), /prices are in US dollars.*nothing is filled until then/);
  assert.equal(new URL(t.page.url()).searchParams.get('base_model'), null);

  // Typed digit by digit: the prices follow the rate to its last digit.
  await type(t.page, 'fx_rate', '0.92');
  assert.equal(await value(t.page, 'base_input_price'), '0.138');
  assert.equal(await value(t.page, 'base_output_price'), '0.552');
  assert.equal(await value(t.page, 'base_cache_price'), '0.069');
  assert.match(await note(t.page, 'base_input_price'), /converted at 0\.92 EUR per US dollar/);
  assert.match(await t.page.locator('[data-picker-status="base_model"]').innerText(), /Converted at 0\.92 EUR per US dollar\./);
  assert.equal(await text(t.page, 'baseline_request_cost'), '€0.00069');
  await waitForParam(t.page, 'fx_rate', '0.92');
  assert.equal(new URL(t.page.url()).searchParams.get('base_model'), BASE);

  // A bad rate is that field's message; the figures stay.
  await type(t.page, 'fx_rate', '0');
  assert.equal(await t.page.locator('[data-error="fx_rate"]').innerText(), 'Enter a number above 0 (at least 0.000000001).');
  assert.equal(await text(t.page, 'baseline_request_cost'), '€0.00069');
  await t.check();
});

test('a quiet warning when a price in use is more than 180 days old by the browser clock', async () => {
  const query = `?v=1&cost_mode=tokens&base_model=${encodeURIComponent(BASE)}&base_input_price=0.15&base_output_price=0.6&base_cache_price=0.075`;
  const now = await openAt('2026-11-29T12:00:00Z', query);
  assert.equal(await catalogueMark(now.page, 'base_input_price'), 'filled');
  assert.equal(await now.page.locator('[data-testid="catalogue-stale"]').count(), 0);
  await now.context.close();

  const later = await openAt('2027-06-01T12:00:00Z', query);
  assert.match(
    await later.page.locator('[data-testid="catalogue-stale"]').innerText(),
    /prices in use are from 2026-11-29, more than 180 days ago: they may have changed since/,
  );
  // An edited price is the user's own: no warning for it.
  await type(later.page, 'base_input_price', '0.2');
  await type(later.page, 'base_output_price', '0.5');
  await type(later.page, 'base_cache_price', '0.1');
  assert.equal(await later.page.locator('[data-testid="catalogue-stale"]').count(), 0);
  await later.context.close();
});

test('the catalogue view lists every entry by provider, with dates and sources, and exports CSV', async () => {
  const t = await open('?v=1&cost_mode=tokens');
  await t.page.click('[data-testid="catalogue-open"]');
  const rows = t.page.locator('[data-testid="catalogue-table"] tbody tr');
  const all = await rows.count();
  assert.ok(all >= 60, `${all} entries`);
  const azure = t.page.locator('tr[data-entry="azure/ft:gpt-4.1"]');
  assert.match(await azure.innerText(), /\$1\.7/);
  assert.match(await azure.innerText(), /hosting 2026-02-11 · learn\.microsoft\.com/);
  await t.page.selectOption('[data-testid="catalogue-provider"]', 'Fireworks AI');
  const fireworks = await rows.count();
  assert.ok(fireworks > 0 && fireworks < all);
  for (const id of await rows.evaluateAll((r) => r.map((e) => e.dataset.entry))) assert.match(id, /^fireworks\//);
  const [download] = await Promise.all([
    t.page.waitForEvent('download'),
    t.page.click('[data-testid="catalogue-csv"]'),
  ]);
  const csv = await readFile(await download.path(), 'utf8');
  const lines = csv.trim().split('\r\n');
  assert.equal(lines.length, fireworks + 1);
  assert.match(lines[0], /^id,provider,name,base,input_per_1m,/);
  assert.match(csv, /fireworks\/ft:lora-up-to-16b,Fireworks AI,.*,0\.5,2025-07-19,https:\/\/fireworks\.ai\/pricing,/);
  await t.page.click('[data-testid="catalogue-close"]');
  await t.check();
});

test('the pickers work at phone width in an embedded calculator, and a search with Enter picks the one match', async () => {
  const t = await open('?embed=1&v=1&cost_mode=tokens', { viewport: { width: 360, height: 740 } });
  const picker = t.page.locator('input[name="base_model"]');
  await picker.fill('nova micro');
  await picker.press('Enter');
  assert.equal(await picker.inputValue(), 'bedrock/amazon.nova-micro-v1:0');
  assert.equal(await value(t.page, 'base_input_price'), '0.035');
  assert.equal(await value(t.page, 'base_output_price'), '0.14');
  await picker.fill('gpt');
  await picker.press('Enter');
  assert.match(await t.page.locator('[data-picker-status="base_model"]').innerText(), /models match “gpt”: pick one from the list/);
  assert.equal(await value(t.page, 'base_input_price'), '0.035');
  // Nothing scrolls sideways at phone width.
  const wide = await t.page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  assert.equal(wide, false);
  await t.check();
});

test('a fine-tuned model whose provider charges a hosting fee sets hourly serving at the catalogue rate', async () => {
  const t = await open('?v=1&cost_mode=tokens');
  await t.page.fill('input[name="ft_model"]', 'azure/ft:gpt-4.1');
  assert.equal(await t.page.isChecked('input[name="ft_serving"][value="hourly"]'), true);
  assert.equal(await value(t.page, 'ft_host_rate'), '1.7');
  assert.equal(await catalogueMark(t.page, 'ft_host_rate'), 'filled');
  assert.match(await note(t.page, 'ft_host_rate'), /^as of 2026-02-11 · learn\.microsoft\.com$/);
  assert.match(await t.page.locator('[data-picker-status="ft_model"]').innerText(), /Hosting fee \$1\.70 per deployment-hour in serving \(hourly\)\./);
  // 1 deployment × $1.70 × 730 hours a month.
  assert.equal(await text(t.page, 'finetuned_serving_monthly'), '$1,241.00');
  await waitForParam(t.page, 'ft_serving', 'hourly');
  assert.equal(new URL(t.page.url()).searchParams.get('ft_host_rate'), '1.7');
  // A model without a fee takes it away again.
  await t.page.fill('input[name="ft_model"]', FT);
  assert.equal(await t.page.isChecked('input[name="ft_serving"][value="per_token"]'), true);
  assert.equal(await metric(t.page, 'finetuned_serving_monthly'), null);
  await t.check();
});
