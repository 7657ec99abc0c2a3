// Issue 30, point 4: with the estimate (4 characters per token, for models whose tokenizer is
// not public), the page says where the other stated ratio (5 bytes per token) puts the tokens,
// and "Use these numbers, with ranges" fills the training builder and sets the training cost's
// range from that spread, scaled by the share of the training cost the tokens price; the
// simulation then runs. Exact encodings offer no such range.
import { test } from 'node:test';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assert, metric, open, waitForParam } from './harness.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixture = async (name) => ({ name, mimeType: 'application/jsonl', buffer: await readFile(join(root, 'tests/fixtures/data', name)) });

/** Opens the page (with `query`) and the data section, and drops `name` read with `encoding`. */
async function dropWith(query, name, encoding) {
  const t = await open(query);
  const { page } = t;
  await page.locator('[data-testid="data-section"] > summary').click();
  await page.waitForSelector('[data-testid="data-file"]', { state: 'attached' });
  await page.selectOption('select[name="data_encoding"]', encoding);
  await page.setInputFiles('[data-testid="data-file"]', await fixture(name));
  await page.waitForSelector('[data-metric="data_examples"]');
  return t;
}

const params = (page) => page.evaluate(() => Object.fromEntries(new URLSearchParams(location.search)));

async function simulated(page) {
  await page.locator('[data-testid="uncertainty"][data-state="done"] [data-metric="prob_positive"]').waitFor({ timeout: 60_000 });
}

test('the estimate on ASCII text: 80% to 100% of the tokens; with the whole training cost priced by tokens, its range is -20% to 0', async () => {
  // Labeling, curation, setup and other costs at 0: the training cost is all compute.
  const t = await dropWith('?label_cost=0&curation_hours=0&setup_hours=0&other_one_time=0', 'bedrock-claude.jsonl', 'estimate');
  const { page } = t;
  assert.equal((await metric(page, 'data_examples')).value, '2');
  // The file is ASCII: 5 bytes per token counts 4/5 of 4 characters per token.
  assert.match(await page.locator('[data-testid="data-spread"]').innerText(), /5 bytes per token \(tau#191\).*80\.00%.*100\.00%/);
  await page.locator('[data-testid="data-use-ranges"]').click();
  await waitForParam(page, 'training_low', '-20');
  const p = await params(page);
  assert.equal(p.training_high, '0');
  assert.equal(p.training_mode, 'itemized');
  assert.equal(p.compute_mode, 'tokens');
  assert.equal(p.label_examples, '2');
  assert.match(await page.locator('[data-testid="data-ranged"]').innerText(), /Ranges set/);
  assert.equal(await page.locator('input[name="training_low"]').inputValue(), '-20');
  await simulated(page);
  await t.check();
});

test('with labeling three times the compute, the range is a quarter of the spread; the simulation runs', async () => {
  const t = await dropWith('?curation_hours=0&setup_hours=0&other_one_time=0', 'bedrock-claude.jsonl', 'estimate');
  const { page } = t;
  // What Use these numbers will write: 2 examples, ⌈tokens ÷ 2⌉ each, the epochs shown, $30 per 1M.
  const tokens = Number((await metric(page, 'data_tokens')).value);
  const epochs = Number((await metric(page, 'data_epochs')).value);
  const compute = 2 * Math.ceil(tokens / 2) * epochs * 30 / 1e6;
  // Labeling 2 × cost per example = 3 × compute.
  const labelCost = (3 * compute) / 2;
  const url = new URL(page.url());
  url.searchParams.set('label_cost', String(labelCost));
  await page.goto(url.toString());
  await page.waitForSelector('html[data-ready]', { state: 'attached' });
  await page.locator('[data-testid="data-section"] > summary').click();
  await page.waitForSelector('[data-testid="data-file"]', { state: 'attached' });
  await page.selectOption('select[name="data_encoding"]', 'estimate');
  await page.setInputFiles('[data-testid="data-file"]', await fixture('bedrock-claude.jsonl'));
  await page.locator('[data-testid="data-use-ranges"]').click();
  await waitForParam(page, 'training_low', '-5');
  assert.equal((await params(page)).training_high, '0');
  await simulated(page);
  await t.check();
});

test('an exact encoding offers no estimate range', async () => {
  const t = await dropWith('', 'chat-valid.jsonl', 'cl100k_base');
  const { page } = t;
  assert.equal(await page.locator('[data-testid="data-use-ranges"]').count(), 0);
  assert.equal(await page.locator('[data-testid="data-spread"]').count(), 0);
  await t.check();
});
