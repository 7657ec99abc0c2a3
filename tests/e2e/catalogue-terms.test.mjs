// The catalogue's bill terms (issue 27) in a real browser: picking a Claude
// model fills its 5-minute cache-write price and its batch discount (with
// both cache lifetimes in the note); editing one shows the changed mark and
// moves the figures; a fine-tuned model without batch says "not offered"
// beside the field instead of filling a zero; a model billing reasoning
// tokens asks for them; a link naming a new entry opens it; the dialog shows
// the terms and a shut-down model.
import { test } from 'node:test';
import { assert, metric, open, type, waitForParam } from './harness.mjs';

const text = async (page, name) => (await metric(page, name))?.text;
const value = (page, name) => page.inputValue(`input[name="${name}"]`);
const catalogueMark = (page, name) =>
  page.locator(`.field:has(input[name="${name}"])`).getAttribute('data-catalogue');
const note = (page, name) => page.locator(`[data-catalogue-note="${name}"]`).innerText();
const status = (page, name) => page.locator(`[data-picker-status="${name}"]`).innerText();

const CLAUDE = 'anthropic/claude-sonnet-4-5';

test('picking a Claude model fills its cache-write price and batch discount; an edit is marked and counts', async () => {
  const t = await open('?v=1&cost_mode=tokens&base_batch_share=40&base_cache_write_share=20');
  await t.page.fill('input[name="base_model"]', CLAUDE);
  assert.equal(await value(t.page, 'base_input_price'), '3');
  assert.equal(await value(t.page, 'base_cache_write_price'), '3.75');
  assert.equal(await value(t.page, 'base_batch_discount'), '50');
  assert.equal(await catalogueMark(t.page, 'base_cache_write_price'), 'filled');
  assert.equal(await catalogueMark(t.page, 'base_batch_discount'), 'filled');
  // The 5-minute write is filled; the note names the 1-hour one too.
  assert.match(await note(t.page, 'base_cache_write_price'), /as of 2026-08-04 · platform\.claude\.com · the 5-minute cache write \(1 hour: \$6\.00 per 1M tokens\)/);
  assert.match(await note(t.page, 'base_batch_discount'), /as of 2026-08-04 · platform\.claude\.com · 1 − batch ÷ standard price/);
  assert.match(await status(t.page, 'base_model'), /The batch discount 50% and the 5-minute cache-write price \$3\.75 per 1M are filled\./);
  // Claude 4.x bills thinking: the form asks for the reasoning tokens.
  assert.equal(await catalogueMark(t.page, 'base_reasoning_tokens'), 'reasoning');
  assert.match(await note(t.page, 'base_reasoning_tokens'), /bills reasoning tokens as output tokens: type the reasoning tokens per request/);

  // Editing the discount: marked, and the batch saving moves.
  const saving = await text(t.page, 'baseline_batch_saving');
  const write = await text(t.page, 'baseline_cache_write_cost');
  await type(t.page, 'base_batch_discount', '30');
  assert.equal(await catalogueMark(t.page, 'base_batch_discount'), 'changed');
  assert.match(await note(t.page, 'base_batch_discount'), /Changed from the catalogue's 50\./);
  assert.notEqual(await text(t.page, 'baseline_batch_saving'), saving);
  // The 1-hour price typed instead: marked too, and the cache writes cost more.
  await type(t.page, 'base_cache_write_price', '6');
  assert.equal(await catalogueMark(t.page, 'base_cache_write_price'), 'changed');
  assert.notEqual(await text(t.page, 'baseline_cache_write_cost'), write);
  // One click each puts the catalogue's values back, and the figures.
  await t.page.locator('[data-catalogue-note="base_batch_discount"] [data-testid="catalogue-restore"]').click();
  await t.page.locator('[data-catalogue-note="base_cache_write_price"] [data-testid="catalogue-restore"]').click();
  assert.equal(await value(t.page, 'base_batch_discount'), '50');
  assert.equal(await value(t.page, 'base_cache_write_price'), '3.75');
  assert.equal(await catalogueMark(t.page, 'base_batch_discount'), 'filled');
  assert.equal(await text(t.page, 'baseline_batch_saving'), saving);
  assert.equal(await text(t.page, 'baseline_cache_write_cost'), write);
  await t.check();
});

test('a fine-tuned model without batch says "not offered" beside the field; nothing is filled', async () => {
  const t = await open('?v=1&cost_mode=tokens&ft_batch_discount=35');
  await t.page.fill('input[name="ft_model"]', 'fireworks/ft:lora-up-to-16b');
  assert.equal(await value(t.page, 'ft_input_price'), '0.2');
  // The typed discount stays: no zero is filled.
  assert.equal(await value(t.page, 'ft_batch_discount'), '35');
  assert.equal(await catalogueMark(t.page, 'ft_batch_discount'), 'not-offered');
  assert.match(await note(t.page, 'ft_batch_discount'), /^Not offered for this model \(LoRA fine-tune of a model up to 16B, served serverless \(Fireworks AI\): docs\.fireworks\.ai, 2026-12-06\)/);
  // Its cache writes are not in the catalogue, and the form says so.
  assert.equal(await catalogueMark(t.page, 'ft_cache_write_price'), 'not-in-catalogue');
  assert.match(await note(t.page, 'ft_cache_write_price'), /is not in the catalogue/);
  // OpenAI bills no cache writes: said, not filled.
  await t.page.fill('input[name="base_model"]', 'openai/gpt-4.1-2025-04-14');
  assert.equal(await value(t.page, 'base_cache_write_price'), '0');
  assert.equal(await catalogueMark(t.page, 'base_cache_write_price'), 'not-offered');
  assert.match(await note(t.page, 'base_cache_write_price'), /^Cache writes are not billed for this model/);
  await t.check();
});

test('a link naming a new entry opens it, its terms marked as the catalogue\'s', async () => {
  const t = await open('?v=1&cost_mode=tokens');
  await t.page.fill('input[name="base_model"]', 'openai/gpt-5');
  await t.page.fill('input[name="ft_model"]', 'openai/ft:gpt-4.1-mini-2025-04-14');
  await waitForParam(t.page, 'base_model', 'openai/gpt-5');
  await waitForParam(t.page, 'base_input_price', '1.25');
  const figure = await text(t.page, 'net_benefit');
  const fresh = await open(new URL(t.page.url()).search);
  assert.equal(await value(fresh.page, 'base_model'), 'openai/gpt-5');
  assert.match(await status(fresh.page, 'base_model'), /^Token prices from the catalogue\. The batch discount 50% is filled\./);
  assert.equal(await fresh.page.locator('text=not in this price catalogue').count(), 0);
  assert.equal(await catalogueMark(fresh.page, 'base_input_price'), 'filled');
  assert.equal(await catalogueMark(fresh.page, 'base_batch_discount'), 'filled');
  assert.equal(await catalogueMark(fresh.page, 'base_reasoning_tokens'), 'reasoning');
  assert.equal(await text(fresh.page, 'net_benefit'), figure);
  // A link to a Claude model with its cache-write price opens the same way.
  const claude = await open(`?v=1&cost_mode=tokens&base_model=${encodeURIComponent('anthropic/claude-opus-4-8')}&base_input_price=5&base_output_price=25&base_cache_price=0.5&base_cache_write_price=6.25`);
  assert.equal(await catalogueMark(claude.page, 'base_cache_write_price'), 'filled');
  assert.match(await note(claude.page, 'base_batch_discount'), /as of 2026-12-06 · dev\.to/);
  await claude.check();
  await fresh.check();
  await t.check();
});

test('the catalogue dialog shows both cache lifetimes, the batch discount, reasoning and a shut-down model', async () => {
  const t = await open('?v=1&cost_mode=tokens');
  await t.page.click('[data-testid="catalogue-open"]');
  await t.page.waitForSelector('[data-testid="catalogue-table"] tbody tr');
  const row = (id) => t.page.locator(`tr[data-entry="${id}"]`).innerText();
  const opus = await row('anthropic/claude-opus-4-8');
  assert.match(opus, /\$2\.50 \/ \$12\.50 \(50% off\)/);
  assert.match(opus, /\$6\.25 \/ \$10\.00/);
  assert.match(opus, /Billed as output/);
  assert.match(opus, /batch 2026-12-06 · dev\.to/);
  const old = await row('openai/gpt-3.5-turbo-0125');
  // Its end of life comes from data/lifecycle.toml (tests/e2e/lifecycle.test.mjs tests the marks).
  assert.match(old, /Shut down on 2026-10-23/);
  assert.match(await row('fireworks/ft:lora-up-to-16b'), /Not offered/);
  await t.page.click('[data-testid="catalogue-close"]');
  // The picker's list says so too.
  const option = await t.page.locator('#catalogue-base_model option[value="openai/gpt-3.5-turbo-0125"]').getAttribute('label');
  assert.match(option ?? '', /Shut down on 2026-10-23/);
  await t.check();
});
