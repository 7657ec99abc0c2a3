// Every term of a real bill in the request-cost builder, in a real browser:
// reasoning tokens, cache writes and batch each move the right figures, the
// calculation basis and the formulas show them, a link carries them, and
// bad input gets its field's message.
import { test } from 'node:test';
import { assert, metric, open, type, waitForParam } from './harness.mjs';

const text = async (page, name) => (await metric(page, name))?.text;
const value = async (page, name) => Number((await metric(page, name))?.value);
const near = (a, b) => assert.ok(Math.abs(a - b) <= 1e-12, `${a} vs ${b}`);

// The reference example built from tokens: 1,000 tokens each way, $10 / $10
// per 1M on the baseline ($0.02 a request), $6 / $6 fine-tuned ($0.012).
const TOKENS = '?cost_mode=tokens';

test('each term typed moves its part, the side\'s cost and the figures, and nothing else', async () => {
  const t = await open(TOKENS);
  const p = t.page;
  for (const name of ['baseline_reasoning_cost', 'baseline_cache_write_cost', 'baseline_batch_saving',
    'finetuned_reasoning_cost', 'finetuned_cache_write_cost', 'finetuned_batch_saving']) {
    assert.equal(await value(p, name), 0, name);
  }
  assert.equal(await text(p, 'net_benefit'), '$5,900.00');

  // Reasoning: 1,000 tokens at the $10 output price.
  await type(p, 'base_reasoning_tokens', '1000');
  assert.equal(await text(p, 'baseline_reasoning_cost'), '$0.01');
  near(await value(p, 'baseline_reasoning_cost'), 0.01);
  assert.equal(await text(p, 'baseline_request_cost'), '$0.03');
  assert.equal(await text(p, 'monthly_baseline_cost'), '$3,000.00');
  assert.equal(await text(p, 'finetuned_request_cost'), '$0.012');
  assert.equal(await value(p, 'finetuned_reasoning_cost'), 0);

  // Cache writes: half the input read at $0.60, a fifth written at $7.50.
  await type(p, 'ft_cache_share', '50');
  await type(p, 'ft_cache_price', '0.6');
  await type(p, 'ft_cache_write_share', '20');
  assert.equal(await value(p, 'finetuned_cache_write_cost'), 0, 'no price, no cost');
  await type(p, 'ft_cache_write_price', '7.5');
  assert.equal(await text(p, 'finetuned_cache_write_cost'), '$0.0015');
  assert.equal(await text(p, 'finetuned_input_cost'), '$0.0018');
  assert.equal(await text(p, 'finetuned_request_cost'), '$0.0096');
  assert.equal(await value(p, 'baseline_cache_write_cost'), 0);

  // Batch: half the requests at 50% off save a quarter; shown as a
  // deduction, its value positive.
  await type(p, 'ft_batch_share', '50');
  assert.equal(await text(p, 'finetuned_batch_saving'), '−$0.0024');
  near(await value(p, 'finetuned_batch_saving'), 0.0024);
  assert.equal(await text(p, 'finetuned_request_cost'), '$0.0072');
  assert.equal(await text(p, 'monthly_finetuned_cost'), '$720.00');
  await type(p, 'ft_batch_discount', '40');
  assert.equal(await text(p, 'finetuned_batch_saving'), '−$0.00192');
  assert.equal(await value(p, 'baseline_batch_saving'), 0);
  // $0.03 − $0.00768 = $0.02232 a request, 100,000 a month, 12 months, less
  // $2,500 and $100 a month.
  assert.equal(await text(p, 'monthly_gross_savings'), '$2,232.00');
  assert.equal(await text(p, 'net_benefit'), '$23,084.00');

  // The calculation basis lists each side's cost by part.
  const parts = p.locator('[data-testid="request-parts"]');
  assert.match(await parts.locator('tr', { hasText: 'Reasoning' }).innerText(), /\$0\.01\s+\$0\.00/);
  assert.match(await parts.locator('tr', { hasText: 'Batch saving' }).innerText(), /\$0\.00\s+−\$0\.00192/);
  assert.match(await parts.locator('tr', { hasText: 'Cache writes' }).innerText(), /\$0\.0015/);
  // The formulas write each new line with the numbers.
  const formula = (name) => p.locator(`[data-formula="${name}"] .formula-worked`).innerText();
  assert.match(await formula('baseline_reasoning_cost'), /1,000 × \$10\.00 ÷ 1,000,000 = \$0\.01/);
  assert.match(await formula('finetuned_cache_write_cost'), /1,000 × 20% × \$7\.50 ÷ 1,000,000 = \$0\.0015/);
  assert.match(await formula('finetuned_batch_saving'), /\$0\.0096 × 50% × 40% = \$0\.00192/);
  assert.match(await formula('finetuned_request_cost'), /\$0\.0096 − \$0\.00192 = \$0\.00768/);
  assert.equal(await p.locator('[data-formula="baseline_batch_saving"]').count(), 0, 'a term not used has no line');
  await t.check();
});

test('a link carrying the terms round-trips', async () => {
  const t = await open(TOKENS);
  await type(t.page, 'base_reasoning_tokens', '2500');
  await type(t.page, 'base_cache_write_share', '10');
  await type(t.page, 'base_cache_write_price', '12.5');
  await type(t.page, 'ft_batch_share', '30');
  await type(t.page, 'ft_batch_discount', '45');
  await waitForParam(t.page, 'ft_batch_discount', '45');
  const url = new URL(t.page.url());
  assert.equal(url.searchParams.get('base_reasoning_tokens'), '2500');
  assert.equal(url.searchParams.get('base_cache_write_share'), '10');
  const names = ['baseline_reasoning_cost', 'baseline_cache_write_cost', 'baseline_request_cost',
    'finetuned_batch_saving', 'finetuned_request_cost', 'net_benefit'];
  const before = [];
  for (const name of names) before.push(await metric(t.page, name));
  const fresh = await open(url.search);
  for (const [k, name] of names.entries()) assert.deepEqual(await metric(fresh.page, name), before[k], name);
  assert.equal(await fresh.page.inputValue('input[name="base_cache_write_price"]'), '12.5');
  assert.equal(await fresh.page.inputValue('input[name="ft_batch_discount"]'), '45');
  await fresh.check();
  await t.check();
});

test('bad input on each new field gets its message and loses nothing', async () => {
  const t = await open(TOKENS);
  const p = t.page;
  for (const [name, bad, message, good] of [
    ['base_reasoning_tokens', '-1', 'Enter 0 or a positive number.', '0'],
    ['ft_reasoning_tokens', 'many', 'Enter a plain number', '0'],
    ['base_cache_write_share', '101', 'Enter a number from 0 to 100.', '0'],
    ['ft_cache_write_share', '-5', 'Enter a number from 0 to 100.', '0'],
    ['base_cache_write_price', '-3.75', 'Enter 0 or a positive number.', '0'],
    ['ft_cache_write_price', '1,5', 'Write decimals with a point', '0'],
    ['base_batch_share', '150', 'Enter a number from 0 to 100.', '0'],
    ['ft_batch_share', '-1', 'Enter a number from 0 to 100.', '0'],
    ['base_batch_discount', '100.5', 'Enter a number from 0 to 100.', '50'],
    ['ft_batch_discount', 'half', 'Enter a plain number', '50'],
  ]) {
    await type(p, name, bad);
    assert.equal(await p.getAttribute(`input[name="${name}"]`, 'aria-invalid'), 'true', name);
    assert.match(await p.locator(`[data-error="${name}"]`).innerText(), new RegExp(message.replace(/[.()]/g, '\\$&')), name);
    assert.equal(await p.locator('[data-metric="net_benefit"]').count(), 0, name);
    assert.equal(await p.inputValue(`input[name="${name}"]`), bad, name);
    // The other fields keep working: fixing this one brings the figures back.
    await type(p, name, good);
    assert.equal(await text(p, 'net_benefit'), '$5,900.00', name);
  }
  // Read and written shares over 100 together: the message sits on the
  // written share, saying the most it can be.
  await type(p, 'base_cache_share', '70');
  await type(p, 'base_cache_write_share', '40');
  assert.match(await p.locator('[data-error="base_cache_write_share"]').innerText(), /Enter at most 30%: cached and written input together/);
  assert.equal((await p.locator('[data-error="base_cache_share"]').innerText()).trim(), '');
  assert.equal(await p.getAttribute('input[name="base_cache_share"]', 'aria-invalid'), 'false');
  assert.equal(await p.locator('[data-metric="net_benefit"]').count(), 0);
  await type(p, 'base_cache_write_share', '30');
  assert.equal((await p.locator('[data-error="base_cache_write_share"]').innerText()).trim(), '');
  assert.ok(await metric(p, 'net_benefit'));
  await t.check();

  // A link with such a value opens with the field flagged.
  const link = await open(`${TOKENS}&ft_cache_share=80&ft_cache_write_share=30&ft_batch_share=120`);
  assert.match(await link.page.locator('[data-error="ft_cache_write_share"]').innerText(), /Enter at most 20%/);
  assert.match(await link.page.locator('[data-error="ft_batch_share"]').innerText(), /Enter a number from 0 to 100/);
  assert.equal(await link.page.inputValue('input[name="ft_batch_share"]'), '120');
  await link.page.context().close();
});
