// Issue 27's loose ends in a real browser: ranges on the terms of a token
// bill (batch share, cached share, reasoning tokens of each side, in token
// cost mode only), and a customised model without token prices named in a
// link opens as itself instead of "not in this price catalogue".
import { test } from 'node:test';
import { assert, metric, open, type, waitForParam } from './harness.mjs';

const card = (page) => page.locator('[data-testid="uncertainty"]');
const simulated = (page) => page.locator('[data-testid="uncertainty"][data-state="done"] [data-metric="prob_positive"]').waitFor();
const rowsShown = (page) => page.$$eval('details.ranges [data-range]', (rows) => rows.filter((r) => !r.hidden).map((r) => r.dataset.range));
const CORE_ROWS = ['training', 'maintenance', 'baseline', 'finetuned', 'requests', 'growth'];
const BILL_ROWS = ['base_batch_share', 'base_cache_share', 'base_reasoning_tokens', 'ft_batch_share', 'ft_cache_share', 'ft_reasoning_tokens'];

async function openRanges(page) {
  const details = page.locator('details.ranges');
  if (!(await details.evaluate((d) => d.open))) await details.locator('summary').click();
}

// A reasoning baseline against a fine-tune that batches: 1,000 reasoning
// tokens per request at $10 per 1M, 40% of the fine-tuned requests batched.
const TOKENS = '?cost_mode=tokens&base_reasoning_tokens=1000&ft_batch_share=40&base_cache_share=20&base_cache_price=1';

test('the terms of a bill carry ranges in token cost mode only; the simulation follows them', async () => {
  const t = await open();
  await openRanges(t.page);
  assert.deepEqual(await rowsShown(t.page), CORE_ROWS, 'direct entry: no row of a bill');
  await t.page.check('input[name="cost_mode"][value="tokens"]');
  await t.page.locator('[data-range="base_reasoning_tokens"]').waitFor();
  assert.deepEqual(await rowsShown(t.page), [...CORE_ROWS, ...BILL_ROWS]);
  // At the defaults (0) a range does nothing: the row says so.
  assert.match(await t.page.locator('[data-range="base_reasoning_tokens"] .range-values').innerText(), /stays zero/);
  await t.check();
});

test('a range on the baseline\'s reasoning tokens moves the simulated net benefit; its link round-trips', async () => {
  const t = await open(TOKENS);
  const before = await metric(t.page, 'net_benefit');
  await openRanges(t.page);
  await type(t.page, 'base_reasoning_tokens_low', '-50');
  await type(t.page, 'base_reasoning_tokens_high', '100');
  await simulated(t.page);
  // The deterministic figures are the scenario's own.
  assert.deepEqual(await metric(t.page, 'net_benefit'), before);
  assert.equal(await t.page.locator('[data-testid="ranges-summary"]').innerText(), 'baseline reasoning tokens');
  assert.match(await t.page.locator('[data-range="base_reasoning_tokens"] .range-values').innerText(), /^500 to 2,000, now 1,000/);
  const p10 = Number((await metric(t.page, 'net_benefit_p10')).value);
  const p90 = Number((await metric(t.page, 'net_benefit_p90')).value);
  // More reasoning makes the baseline dearer: every case between the ends'
  // net benefits (reasoning 500 and 2,000 tokens, $0.005 to $0.02 a request
  // on 100,000 requests for 12 months: ±$6,000 and +$12,000 around it).
  const net = Number(before.value);
  assert.ok(p10 < p90, `${p10} < ${p90}`);
  assert.ok(p10 > net - 6000 - 1e-6 && p90 < net + 12000 + 1e-6, `${p10}..${p90} around ${net}`);
  await waitForParam(t.page, 'base_reasoning_tokens_high', '100');
  const values = async (page) => [(await metric(page, 'net_benefit_p10')).value, (await metric(page, 'net_benefit_p50')).value, (await metric(page, 'net_benefit_p90')).value];
  const first = await values(t.page);
  const fresh = await open(new URL(t.page.url()).search);
  await simulated(fresh.page);
  assert.equal(await fresh.page.inputValue('input[name="base_reasoning_tokens_low"]'), '-50');
  assert.deepEqual(await values(fresh.page), first);
  await fresh.check();
  // Back to direct entry: the range is ignored (and kept), the card goes.
  await t.page.check('input[name="cost_mode"][value="direct"]');
  await card(t.page).waitFor({ state: 'detached' });
  assert.match(await t.page.locator('[data-testid="ranges-summary"]').innerText(), /none yet/);
  await t.check();
});

test('a drawn batch share and a bad end: the ends are flagged, the figures stay', async () => {
  const t = await open(`${TOKENS}&ft_batch_share_low=-50&ft_batch_share_high=150&base_cache_share_low=-120`);
  await t.page.locator('[data-error="base_cache_share_low"]', { hasText: 'Enter a number from −100 to 0.' }).waitFor();
  assert.equal(await card(t.page).count(), 0);
  assert.ok((await metric(t.page, 'net_benefit')).value);
  await type(t.page, 'base_cache_share_low', '-50');
  await simulated(t.page);
  assert.equal(await t.page.locator('[data-testid="ranges-summary"]').innerText(), 'baseline cached input, fine-tuned batched requests');
  await t.check();
});

test('a link naming a customised model without token prices opens that model', async () => {
  const id = 'bedrock/ft:amazon.titan-text-express-v1';
  const t = await open(`?cost_mode=tokens&ft_model=${encodeURIComponent(id)}`);
  const status = await t.page.locator('[data-picker-status="ft_model"]').innerText();
  assert.doesNotMatch(status, /not in this price catalogue/);
  assert.match(status, /^Training price \$8\.00 per 1M training tokens/);
  assert.match(status, /No token prices listed for it/);
  assert.match(await t.page.locator('[data-picker-chosen="ft_model"]').innerText(), /Amazon Titan Text Express, customised/);
  const notice = t.page.locator('[data-notice="catalogue"]');
  if (await notice.count()) assert.doesNotMatch(await notice.innerText(), /titan/);
  await t.check();
  // Picked by name in the form: the training price and the hosting fee fill.
  const u = await open('?cost_mode=tokens');
  await u.page.fill('input[name="ft_model"]', id);
  await waitForParam(u.page, 'ft_model', id);
  assert.equal(await u.page.inputValue('input[name="ft_host_rate"]'), '20.5');
  assert.equal(await u.page.inputValue('input[name="ft_input_price"]'), '6');
  await u.check();
});
