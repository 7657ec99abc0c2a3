// Training priced by GPU time (issue 29): the GPU mode of training compute
// in the investment builder, a GPU and an open model picked from the
// catalogue, a model that does not fit, a link round trip, bad input on
// each field (typed, and in a link), and the phone width.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { assert, metric, open, type, waitForParam } from './harness.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const axeSource = await readFile(createRequire(join(root, 'tools', 'package.json')).resolve('axe-core/axe.min.js'), 'utf8');

// 10,000 examples × 500 tokens × 2 epochs = 10M trained tokens: an 8B model
// with LoRA on one H100 at 35% takes 0.2568 h and $0.90 at $3.495 an hour.
const JOB = '?v=1&training_mode=itemized&compute_mode=gpu&label_examples=10000&train_epochs=2';

const value = (page, name) => page.inputValue(`input[name="${name}"]`);
const error = (page, name) => page.locator(`[data-error="${name}"]`).innerText();

test('the GPU mode shows its own fields and figures, and prices the compute item', async () => {
  const t = await open('?v=1&training_mode=itemized&label_examples=10000&train_epochs=2');
  assert.equal(await t.page.locator('[data-testid="gpu-job"]').count(), 0);
  assert.equal(await t.page.locator('input[name="gpu_params"]').count(), 0);
  await t.page.check('input[name="compute_mode"][value="gpu"]');
  await waitForParam(t.page, 'compute_mode', 'gpu');
  // Its fields only: no flat amount, no token price.
  for (const name of ['gpu_params', 'gpu_count', 'gpu_price', 'gpu_flops', 'gpu_mfu', 'gpu_memory', 'train_tokens', 'train_epochs']) {
    assert.equal(await t.page.locator(`input[name="${name}"]`).count(), 1, name);
  }
  assert.equal(await t.page.isChecked('input[name="gpu_method"][value="lora"]'), true);
  assert.equal(await t.page.locator('input[name="compute_flat"]').count(), 0);
  assert.equal(await t.page.locator('input[name="train_price"]').count(), 0);
  assert.equal((await metric(t.page, 'gpu_train_wall_hours')).text, '0.26');
  assert.equal((await metric(t.page, 'gpu_train_hours')).text, '0.26');
  assert.equal((await metric(t.page, 'gpu_train_cost')).text, '$0.90');
  assert.equal((await metric(t.page, 'investment_compute')).text, '$0.90');
  assert.equal(await t.page.locator('[data-testid="gpu-memory-warning"]').count(), 0);
  // Full fine-tuning costs 6/4 as much; 8 GPUs finish 8 times sooner.
  await t.page.check('input[name="gpu_method"][value="full"]');
  await type(t.page, 'gpu_count', '8');
  await waitForParam(t.page, 'gpu_count', '8');
  assert.equal((await metric(t.page, 'gpu_train_cost')).text, '$1.35');
  assert.equal((await metric(t.page, 'gpu_train_hours')).text, '0.39');
  assert.equal((await metric(t.page, 'gpu_train_wall_hours')).text, '0.05');
  // Back to a flat amount: its value is as before, the GPU fields hidden and kept.
  await t.page.check('input[name="compute_mode"][value="flat"]');
  assert.equal((await metric(t.page, 'investment_compute')).text, '$500.00');
  await t.page.check('input[name="compute_mode"][value="gpu"]');
  assert.equal(await value(t.page, 'gpu_count'), '8');
  await t.check();
});

test('a GPU and an open model picked from the catalogue fill the peak, memory, price and parameters', async () => {
  const t = await open(JOB);
  await t.page.selectOption('[data-testid="gpu-pick"]', 'gpu/h200');
  await waitForParam(t.page, 'gpu_type', 'gpu/h200');
  assert.equal(await value(t.page, 'gpu_flops'), '989');
  assert.equal(await value(t.page, 'gpu_memory'), '141');
  // $2.50–7.00 a GPU-hour: the middle, the range as the price's ends.
  assert.equal(await value(t.page, 'gpu_price'), '4.75');
  assert.equal(await value(t.page, 'gpu_price_low'), '-47.3684');
  assert.equal(await value(t.page, 'gpu_price_high'), '47.3684');
  const status = await t.page.locator('[data-testid="gpu-pick-status"]').innerText();
  assert.match(status, /NVIDIA H200 141GB: peak and memory from https:\/\/itkb\.uw\.cz\/.* \(a third party's copy of NVIDIA's figures, 2026-06-22\)\./);
  assert.match(status, /the middle of its range/);
  // 10M tokens at $4.75: 0.2568 h × 4.75 = $1.22.
  assert.equal((await metric(t.page, 'gpu_train_cost')).text, '$1.22');
  // The simulation's ranges show the price's range in the GPU mode.
  assert.equal(await t.page.locator('[data-range="gpu_price"]').getAttribute('hidden'), null);
  await t.page.selectOption('[data-testid="gpu-model-pick"]', 'open/llama-3.1-70b');
  await waitForParam(t.page, 'gpu_params', '70');
  assert.match(await t.page.locator('[data-testid="gpu-pick-status"]').innerText(), /Llama 3\.1 70B: 70 billion parameters/);
  assert.equal(await t.page.inputValue('[data-testid="gpu-model-pick"]'), 'open/llama-3.1-70b');
  await t.check();
});

test('a model that does not fit is a warning with the GPUs it takes, and the figures stay', async () => {
  const t = await open(`${JOB}&gpu_method=full&gpu_params=70&gpu_count=8`);
  const warning = t.page.locator('[data-testid="gpu-memory-warning"]');
  assert.match(
    await warning.innerText(),
    /The model does not fit: it needs about 1,120 GB \(16 bytes per parameter.*\), and these GPUs hold 640 GB\. It would take at least 14 of them\./,
  );
  assert.notEqual(await metric(t.page, 'gpu_train_cost'), null);
  assert.notEqual(await metric(t.page, 'net_benefit'), null);
  // Enough GPUs: the warning goes.
  await type(t.page, 'gpu_count', '14');
  await waitForParam(t.page, 'gpu_count', '14');
  assert.equal(await warning.count(), 0);
  await t.check();
});

test('a GPU job goes through a link and back unchanged', async () => {
  const query = `${JOB}&gpu_method=qlora&gpu_params=27&gpu_count=2&gpu_price=2.2&gpu_flops=312&gpu_mfu=42&gpu_memory=80&gpu_mfu_low=-20`;
  const t = await open(query);
  const cost = (await metric(t.page, 'gpu_train_cost')).text;
  await type(t.page, 'gpu_memory', '40');
  await waitForParam(t.page, 'gpu_memory', '40');
  const link = await t.page.evaluate(() => location.search);
  await t.check();
  const u = await open(link);
  assert.equal(await u.page.isChecked('input[name="gpu_method"][value="qlora"]'), true);
  for (const [name, text] of [['gpu_params', '27'], ['gpu_count', '2'], ['gpu_price', '2.2'], ['gpu_flops', '312'], ['gpu_mfu', '42'], ['gpu_memory', '40'], ['gpu_mfu_low', '-20']]) {
    assert.equal(await value(u.page, name), text, name);
  }
  assert.equal((await metric(u.page, 'gpu_train_cost')).text, cost);
  await u.check();
});

test('each GPU field says what is wrong with it and keeps what was typed', async () => {
  const t = await open(JOB);
  const cases = [
    ['gpu_params', '0', 'Enter a number above 0 (at least 0.000000001).'],
    ['gpu_count', '1.5', 'Enter a whole number from 1 to 100,000.'],
    ['gpu_count', '100001', 'Enter a whole number from 1 to 100,000.'],
    ['gpu_price', '0', 'Enter a number above 0 (at least 0.000000001).'],
    ['gpu_flops', '-989', 'Enter a number above 0 (at least 0.000000001).'],
    ['gpu_mfu', '0', 'Enter a number from 1 to 100.'],
    ['gpu_mfu', '101', 'Enter a number from 1 to 100.'],
    ['gpu_memory', '0', 'Enter a number above 0 (at least 0.000000001).'],
  ];
  for (const [name, text, message] of cases) {
    const before = await value(t.page, name);
    await type(t.page, name, text);
    assert.equal(await error(t.page, name), message, `${name}=${text}`);
    assert.equal(await value(t.page, name), text, `${name}=${text}`);
    // No figures while a field they read is invalid.
    assert.equal(await metric(t.page, 'gpu_train_cost'), null, `${name}=${text}`);
    await type(t.page, name, before);
    assert.equal(await error(t.page, name), '', `${name} restored`);
  }
  await t.check();
  // A link with such a value opens with the field flagged and the text kept.
  const u = await open(`${JOB}&gpu_mfu=0`);
  assert.equal(await error(u.page, 'gpu_mfu'), 'Enter a number from 1 to 100.');
  assert.equal(await value(u.page, 'gpu_mfu'), '0');
  await u.check();
});

test('the GPU mode is readable at phone width', async () => {
  const t = await open(`${JOB}&gpu_method=full&gpu_params=70&gpu_count=8`, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const job = t.page.locator('[data-testid="gpu-job"]');
  await job.scrollIntoViewIfNeeded();
  // Nothing wider than the screen: the page does not scroll sideways.
  assert.equal(await t.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true);
  const box = await job.boundingBox();
  assert.ok(box.x >= 0 && box.x + box.width <= 390, JSON.stringify(box));
  for (const name of ['gpu-pick', 'gpu-model-pick']) {
    const b = await t.page.locator(`[data-testid="${name}"]`).boundingBox();
    assert.ok(b.x >= 0 && b.x + b.width <= 390, `${name} ${JSON.stringify(b)}`);
  }
  const w = await t.page.locator('[data-testid="gpu-memory-warning"]').boundingBox();
  assert.ok(w.x >= 0 && w.x + w.width <= 390, JSON.stringify(w));
  await t.check();
});

for (const colorScheme of ['light', 'dark']) {
  test(`axe finds no violation in the GPU mode with the memory warning (${colorScheme})`, async () => {
    const t = await open(`${JOB}&gpu_method=full&gpu_params=70&gpu_count=8`, { colorScheme });
    await t.page.locator('[data-testid="gpu-memory-warning"]').waitFor();
    await t.page.evaluate(axeSource);
    const violations = await t.page.evaluate(async () => {
      const result = await window.axe.run(document, { resultTypes: ['violations'], rules: { 'target-size': { enabled: true } } });
      return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${v.help} at ${n.target.join(' ')}`));
    });
    assert.deepEqual(violations, []);
    await t.check();
  });
}
