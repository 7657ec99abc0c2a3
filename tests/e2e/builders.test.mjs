// Presets and cost builders in a real browser: each preset's published
// figures (with the article's arithmetic corrected), mode switches that
// keep both sets of values, builder validation, retraining and accuracy.
import { test } from 'node:test';
import { assert, metric, open, type, waitForParam } from './harness.mjs';

const text = async (page, name) => (await metric(page, name))?.text;

test('each preset fills the builders and shows its published figures', async () => {
  const t = await open();
  await t.page.click('[data-preset="support"]');
  assert.equal(await text(t.page, 'monthly_baseline_cost'), '$21.00');
  assert.equal(await text(t.page, 'monthly_finetuned_cost'), '$7.00');
  assert.equal(await text(t.page, 'monthly_gross_savings'), '$14.00');
  assert.equal(await text(t.page, 'monthly_net_savings'), '−$186.00');
  assert.equal(await text(t.page, 'break_even_months'), 'Never');
  assert.equal((await metric(t.page, 'status')).value, 'never');
  assert.equal(await text(t.page, 'one_time_cost'), '$1,600.00');
  assert.equal(await text(t.page, 'baseline_request_cost'), '$0.021');
  assert.equal(await text(t.page, 'monthly_tokens'), '3,000,000');
  assert.equal((await metric(t.page, 'token_tier')).value, 'under-5m');
  assert.equal(await t.page.getAttribute('tr[data-tier="under-5m"]', 'aria-current'), 'true');
  assert.equal(await t.page.inputValue('input[name="base_output_price"]'), '15');

  await t.page.click('[data-preset="classification"]');
  assert.equal(await text(t.page, 'monthly_baseline_cost'), '$45,000.00');
  assert.equal(await text(t.page, 'monthly_finetuned_cost'), '$15,000.00');
  assert.equal(await text(t.page, 'monthly_gross_savings'), '$30,000.00');
  assert.equal(await text(t.page, 'monthly_net_savings'), '$29,700.00');
  assert.equal(await text(t.page, 'break_even_months'), '0.12 months');
  assert.equal(await text(t.page, 'annual_roi_one_time'), '9,532.43%');
  assert.equal(await text(t.page, 'one_time_cost'), '$3,700.00');
  assert.equal(await text(t.page, 'investment_curation'), '$300.00');
  assert.equal((await metric(t.page, 'token_tier')).value, '100m-plus');

  await t.page.click('[data-preset="article-code"]');
  assert.equal(await text(t.page, 'monthly_baseline_cost'), '$150.00');
  assert.equal(await text(t.page, 'monthly_net_savings'), '−$100.00');
  assert.equal(await text(t.page, 'annual_benefit'), '−$2,800.00');
  assert.equal(await text(t.page, 'annual_roi_one_time'), '−175.00%');
  assert.match(await t.page.locator('.unit').filter({ hasText: '1K tokens' }).first().innerText(), /1K tokens/);
  assert.equal((await metric(t.page, 'token_tier')).value, '20m-100m');
  // The formula panel shows the article's convention next to ours.
  assert.match(await t.page.locator('[data-formula="annual_roi_one_time"]').innerText(), /−\$2,800\.00\) ÷ \$1,600 × 100 = −175\.00%/);

  await t.page.click('[data-preset="reference"]');
  assert.equal(await text(t.page, 'net_benefit'), '$5,900.00');
  assert.equal(await text(t.page, 'roi_percent'), '159.46%');
  assert.equal(await t.page.isChecked('input[name="cost_mode"][value="direct"]'), true);
  await t.check();
});

test('a preset scenario survives its link', async () => {
  const t = await open();
  await t.page.click('[data-preset="classification"]');
  await waitForParam(t.page, 'cost_mode', 'tokens');
  const url = new URL(t.page.url());
  assert.equal(url.searchParams.get('cost_mode'), 'tokens');
  const fresh = await open(url.search);
  assert.equal(await text(fresh.page, 'annual_roi_one_time'), '9,532.43%');
  assert.equal(await text(fresh.page, 'net_benefit'), await text(t.page, 'net_benefit'));
  await fresh.check();
  await t.check();
});

test('switching between direct entry and the builder keeps both sets of values', async () => {
  const t = await open();
  await type(t.page, 'baseline', '0.03');
  await t.page.check('input[name="cost_mode"][value="tokens"]');
  assert.equal(await t.page.locator('input[name="baseline"]').count(), 0);
  await type(t.page, 'base_input_price', '12');
  // 1,000 × $12 + 1,000 × $10 per 1M = $0.022.
  assert.equal(await text(t.page, 'baseline_request_cost'), '$0.022');
  assert.equal(await text(t.page, 'request_savings'), '$0.01');
  await t.page.check('input[name="cost_mode"][value="direct"]');
  assert.equal(await t.page.inputValue('input[name="baseline"]'), '0.03');
  assert.equal(await text(t.page, 'request_savings'), '$0.018');
  await t.page.check('input[name="cost_mode"][value="tokens"]');
  assert.equal(await t.page.inputValue('input[name="base_input_price"]'), '12');
  // Per-1K prices.
  await t.page.check('input[name="price_unit"][value="1k"]');
  await type(t.page, 'base_input_price', '0.012');
  await type(t.page, 'base_output_price', '0.01');
  assert.equal(await text(t.page, 'baseline_request_cost'), '$0.022');
  await t.check();
});

test('builder fields validate inline and block stale figures', async () => {
  const t = await open('?cost_mode=tokens&training_mode=itemized');
  for (const [name, value, message] of [
    ['ft_fallback_share', '150', 'Enter a number from 0 to 100.'],
    ['base_input_tokens', 'lots', 'Enter a plain number'],
    ['label_cost', '-2', 'Enter 0 or a positive number.'],
  ]) {
    await type(t.page, name, value);
    assert.equal(await t.page.getAttribute(`input[name="${name}"]`, 'aria-invalid'), 'true');
    assert.match(await t.page.locator(`[data-error="${name}"]`).innerText(), new RegExp(message.replace(/[.()]/g, '\\$&')));
    assert.equal(await t.page.locator('[data-metric="net_benefit"]').count(), 0);
    assert.equal(await t.page.inputValue(`input[name="${name}"]`), value);
    await t.page.click('[data-preset="reference"]');
    await t.page.check('input[name="cost_mode"][value="tokens"]');
    await t.page.check('input[name="training_mode"][value="itemized"]');
  }
  // A bad mode value from a link is flagged on its switch.
  const bad = await open('?cost_mode=magic');
  assert.match(await bad.page.locator('[data-error="cost_mode"]').innerText(), /Choose one of the options/);
  await bad.page.check('input[name="cost_mode"][value="direct"]');
  assert.equal(await text(bad.page, 'net_benefit'), '$5,900.00');
  await bad.page.context().close();
  await t.page.context().close();
});

test('itemized investment, operations with retraining lumps, and the value of accuracy', async () => {
  const t = await open();
  await t.page.check('input[name="training_mode"][value="itemized"]');
  // The builder's defaults are the example's $2,500.
  assert.equal(await text(t.page, 'one_time_cost'), '$2,500.00');
  await type(t.page, 'label_qa', '10');
  await t.page.check('input[name="compute_mode"][value="tokens"]');
  // 1,000 × $2 + 10% + 1,000 × 500 × 3 × $30 / 1M = 2,000 + 200 + 45.
  assert.equal(await text(t.page, 'one_time_cost'), '$2,245.00');
  assert.match((await metric(t.page, 'investment_compute')).text, /\$45\.00/);
  await t.page.click('[data-preset="reference"]');
  await t.page.check('input[name="maintenance_mode"][value="itemized"]');
  await type(t.page, 'retrain_cost', '1000');
  await type(t.page, 'retrain_per_year', '4');
  assert.equal(await text(t.page, 'retrainings_in_horizon'), '4');
  assert.match(await t.page.locator('[data-metric="retrainings_in_horizon"]').locator('..').innerText(), /months 3, 6, 9, 12/);
  assert.equal(await text(t.page, 'net_benefit'), '$1,900.00');
  assert.equal(await text(t.page, 'break_even_months'), '6.43 months');
  assert.equal(await text(t.page, 'retraining_monthly_average'), '$333.33');
  await type(t.page, 'support_hours', '3');
  assert.equal(await text(t.page, 'operations_support'), '$1,300.00');
  await t.page.click('[data-preset="reference"]');
  await t.page.click('summary:has-text("Value of accuracy")');
  await type(t.page, 'accuracy_gain', '2');
  await type(t.page, 'error_value', '0.5');
  assert.equal(await text(t.page, 'monthly_quality_value'), '$1,000.00');
  assert.equal(await text(t.page, 'monthly_gross_savings'), '$800.00');
  assert.equal(await text(t.page, 'monthly_net_savings'), '$1,700.00');
  await t.check();
});
