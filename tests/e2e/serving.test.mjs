// Serving costs (issue #15) in a real browser: an hourly hosting fee and
// capacity units on either side, through the form, the figures, the
// schedule, the formula panel, the charts, the address bar, the exports,
// the comparison, and a bad value in every new field.
import { test } from 'node:test';
import { readFile } from 'node:fs/promises';
import { assert, metric, open, type, waitForParam } from './harness.mjs';

const text = async (page, name) => (await metric(page, name))?.text;
const formula = (page, name) => page.locator(`[data-formula="${name}"] .formula-worked`).innerText();

const SERVING_METRICS = ['baseline_serving_monthly', 'finetuned_serving_monthly', 'baseline_units', 'finetuned_units',
  'baseline_utilization', 'finetuned_utilization', 'baseline_effective_cost', 'finetuned_effective_cost',
  'finetuned_idle_cost', 'break_even_volume_max'];

async function download(page, testid) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(`[data-testid="${testid}"]`)]);
  return readFile(await dl.path(), 'utf8');
}

test('paid per request on both sides: the page is as before, with the serving choices offered', async () => {
  const t = await open();
  for (const side of ['base', 'ft']) {
    assert.equal(await t.page.isChecked(`input[name="${side}_serving"][value="per_token"]`), true, side);
    assert.equal(await t.page.locator(`input[name="${side}_host_rate"], input[name="${side}_unit_rate"]`).count(), 0, side);
  }
  for (const name of SERVING_METRICS) assert.equal(await metric(t.page, name), null, name);
  assert.equal(await t.page.locator('[data-formula="finetuned_serving_monthly"]').count(), 0);
  assert.equal(await text(t.page, 'net_benefit'), '$5,900.00');
  assert.equal(await text(t.page, 'break_even_volume'), '38,542 requests/month');
  // Offered in the token cost mode too.
  await t.page.check('input[name="cost_mode"][value="tokens"]');
  await t.page.check('input[name="ft_serving"][value="hourly"]');
  assert.equal(await t.page.locator('input[name="ft_host_rate"]').isVisible(), true);
  await t.check();
});

test('an hourly hosting fee (Azure-like) decides break-even', async () => {
  const t = await open();
  await t.page.check('input[name="ft_serving"][value="hourly"]');
  await type(t.page, 'ft_host_rate', '1.7');
  assert.equal(await text(t.page, 'finetuned_serving_monthly'), '$1,241.00');
  assert.equal(await text(t.page, 'baseline_serving_monthly'), '$0.00');
  assert.equal(await text(t.page, 'monthly_net_savings'), '−$541.00');
  assert.equal((await metric(t.page, 'status')).value, 'never');
  assert.match(await t.page.locator('[data-metric="status"]').innerText(), /maintenance and serving costs/);
  assert.equal(await text(t.page, 'break_even_volume'), '193,667 requests/month');
  assert.equal(await text(t.page, 'finetuned_effective_cost'), '$0.02441');
  assert.equal(await text(t.page, 'break_even_volume_max'), 'n/a');
  // Units are for capacity mode only.
  assert.equal(await metric(t.page, 'finetuned_units'), null);
  assert.equal(await formula(t.page, 'finetuned_serving_monthly'), '= 1 deployment × $1.70/deployment-hour × 730 h = $1,241.00');
  assert.match(await formula(t.page, 'monthly_net_savings'), /− \$100 − \$1,241\.00 = −\$541\.00/);
  await type(t.page, 'requests', '300000');
  assert.equal(await text(t.page, 'net_benefit'), '$10,208.00');
  assert.equal(await text(t.page, 'break_even_months'), '2.36 months');
  // Two deployments for half the hours cost the same.
  await type(t.page, 'ft_host_deployments', '2');
  await type(t.page, 'ft_host_hours', '365');
  assert.equal(await text(t.page, 'finetuned_serving_monthly'), '$1,241.00');
  await waitForParam(t.page, 'ft_host_hours', '365');
  const url = new URL(t.page.url());
  assert.equal(url.searchParams.get('ft_serving'), 'hourly');
  assert.equal(url.searchParams.get('ft_host_rate'), '1.7');
  // Back to per request only: the figures are the plain model's again.
  await t.page.check('input[name="ft_serving"][value="per_token"]');
  assert.equal(await text(t.page, 'net_benefit'), '$25,100.00');
  assert.equal(await metric(t.page, 'finetuned_serving_monthly'), null);
  await t.check();
});

test('capacity units: units, utilization, idle cost, the step month in the schedule, the formulas', async () => {
  const t = await open('?requests=2000000&ft_serving=capacity&ft_unit_rate=2.5');
  assert.equal(await text(t.page, 'finetuned_units'), '2 units');
  assert.equal(await text(t.page, 'finetuned_serving_monthly'), '$3,650.00');
  assert.equal(await formula(t.page, 'finetuned_serving_monthly'), '= 2 units × $2.50/unit-hour × 730 h = $3,650.00');
  assert.equal(await t.page.locator('[data-formula="finetuned_serving_monthly"] strong').innerText(), 'Fine-tuned serving');
  assert.equal(await text(t.page, 'finetuned_utilization'), '38.05%');
  assert.equal(await text(t.page, 'finetuned_idle_cost'), '$2,261.11');
  // 2,000,000 × 2 ÷ (1 × 730 × 3,600) = 1.52 units of peak load.
  assert.match(await formula(t.page, 'finetuned_units'), /= 1\.52207 units of peak load → 2 units/);
  assert.equal(await metric(t.page, 'baseline_units'), null);

  // Growing 5% a month from a million, the second unit comes in month 7.
  await type(t.page, 'requests', '1000000');
  await t.page.click('summary:has-text("Growth and discounting")');
  await type(t.page, 'growth', '5');
  assert.equal(await text(t.page, 'finetuned_units'), '1 unit');
  await t.page.locator('.schedule details summary').click();
  const units = t.page.locator('[data-testid="schedule-table"] td[data-col="finetuned_units"]');
  await units.nth(11).waitFor();
  assert.deepEqual(await units.allInnerTexts(), ['1', '1', '1', '1', '1', '1', '2', '2', '2', '2', '2', '2']);
  const headers = await t.page.locator('[data-testid="schedule-table"] thead th').allInnerTexts();
  assert.deepEqual(headers.slice(6), ['Fine-tuned serving', 'Fine-tuned units', 'Net', 'Cumulative', 'Discounted cumulative']);
  const csv = (await download(t.page, 'export-schedule-csv')).trim().split('\r\n');
  assert.equal(csv[0], 'month,requests,baseline_cost,finetuned_cost,maintenance,retraining,quality_value,finetuned_serving,finetuned_units,net,cumulative,discounted_cumulative');
  assert.deepEqual(csv[7].split(',').slice(7, 9), ['3650', '2']);
  // Rates, throughput and peak factor are estimates in the tornado.
  const bars = await t.page.locator('[data-chart="tornado"] .bar').evaluateAll((b) => b.map((x) => x.dataset.input));
  for (const name of ['ft_unit_rate', 'ft_unit_rps', 'ft_peak_factor']) assert.ok(bars.includes(name), `${name} in ${bars}`);
  assert.ok(!bars.includes('ft_host_rate') && !bars.includes('base_unit_rate'), bars.join());
  await t.check();
});

test('four baseline units replaced by one fine-tuned unit', async () => {
  const t = await open('?baseline=0&finetuned=0&requests=5000000&base_serving=capacity&base_unit_rate=10'
    + '&ft_serving=capacity&ft_unit_rate=2.5&ft_unit_rps=5');
  assert.equal(await text(t.page, 'baseline_units'), '4 units');
  assert.equal(await text(t.page, 'finetuned_units'), '1 unit');
  assert.equal(await text(t.page, 'baseline_serving_monthly'), '$29,200.00');
  assert.equal(await text(t.page, 'monthly_net_savings'), '$27,275.00');
  assert.equal(await text(t.page, 'net_benefit'), '$324,800.00');
  // Issue #25: a break-even volume of 0 is no volume to reach: in words.
  assert.equal(await text(t.page, 'break_even_volume'), 'Pays at every volume');
  assert.equal((await metric(t.page, 'break_even_volume')).value, '0');
  const bars = await t.page.locator('[data-chart="tornado"] .bar').evaluateAll((b) => b.map((x) => x.dataset.input));
  assert.ok(bars.includes('base_unit_rate') && bars.includes('base_peak_factor'), bars.join());
  await t.check();
});

// Issue #25: the case, four baseline units at $10 an hour replaced
// by one fine-tuned unit at $2.50, no per-request costs.
const SELF_HOSTED = '?baseline=0&finetuned=0&requests=5000000&base_serving=capacity&base_unit_rate=10'
  + '&ft_serving=capacity&ft_unit_rate=2.5&ft_unit_rps=5';

test('savings from serving: the cards agree with each other and count serving per request', async () => {
  const t = await open(SELF_HOSTED);
  const results = t.page.locator('[data-testid="results"]');
  // Not "$0.00 a request" and "Never" beside a break-even of days.
  assert.equal(await text(t.page, 'effective_request_savings'), '$0.005475');
  assert.match(await results.textContent(), /Per-request savings with serving/);
  assert.equal(await results.locator('[data-metric="request_savings"]').count(), 0);
  assert.equal(await text(t.page, 'training_recovery_requests'), '456,621 requests');
  assert.equal(await text(t.page, 'monthly_net_savings'), '$27,275.00');
  assert.equal(await text(t.page, 'break_even_months'), '0.09 months');
  assert.match(await results.textContent(), /savings, serving included/);
  // The per-request costs' own difference is in the calculation basis.
  const before = t.page.locator('[data-testid="serving-figures"] [data-metric="request_savings"]');
  assert.equal(await before.innerText(), '$0.00');
  assert.match(await formula(t.page, 'effective_request_savings'), /= \$0\.005475$/);
  assert.match(await formula(t.page, 'training_recovery_requests'), /^= \$2,500 ÷ \$0\.005475 = 456,621 requests$/);
  // Months are all alike: no note; with growth, month 1's says so.
  const note = t.page.locator('.metric:has([data-metric="monthly_net_savings"]) .note');
  assert.equal(await note.count(), 0);
  await t.page.click('summary:has-text("Growth and discounting")');
  await type(t.page, 'growth', '5');
  await note.waitFor();
  assert.match(await note.innerText(), /Month 1's/);
  await t.check();
});

test('a fine-tune that pays at every volume says so, in the figures, the chart and the formulas', async () => {
  const t = await open(SELF_HOSTED);
  assert.equal(await text(t.page, 'break_even_volume'), 'Pays at every volume');
  assert.match(await t.page.locator('[data-testid="volume-range"]').innerText(),
    /^The fine-tune pays at every volume: the net benefit over the horizon is \$62,000\.00 with no requests at all/);
  const chart = t.page.locator('[data-chart="volume"]');
  const label = await chart.locator('svg[role="img"]').getAttribute('aria-label');
  assert.doesNotMatch(label, /reaches zero at 0/);
  assert.match(label, /at or above zero at every volume \(\$62,000\.00 with no requests\)/);
  assert.equal(await chart.locator('[data-marker="break-even"]').count(), 0);
  assert.match(await formula(t.page, 'break_even_volume'), /= \$62,000\.00 with no requests: at or above zero at every volume$/);
  // Pays at no volume: said in words under the figure.
  await type(t.page, 'base_unit_rate', '0');
  await t.page.locator('[data-testid="volume-range"]', { hasText: 'pays at no volume' }).waitFor();
  assert.match(await text(t.page, 'break_even_volume'), /n\/a/);
  await t.check();
});

test('net benefit that turns negative again: both break-even volumes, in words and on the volume chart', async () => {
  const t = await open('?training=25000&baseline=0.02&finetuned=0.01&base_serving=hourly&base_host_rate=5'
    + '&ft_serving=capacity&ft_unit_rate=2.5&ft_unit_rps=0.05');
  assert.equal(await text(t.page, 'break_even_volume'), '35,833 requests/month');
  assert.equal(await text(t.page, 'break_even_volume_max'), '65,700 requests/month');
  assert.match(await t.page.locator('[data-testid="volume-range"]').innerText(),
    /from 35,833 to 65,700 requests a month, and below zero above that for good/);
  const chart = t.page.locator('[data-chart="volume"]');
  assert.match(await chart.locator('[data-marker="break-even"]').textContent(), /Break-even 35,833\/month/);
  assert.match(await chart.locator('[data-marker="break-even-max"]').textContent(), /Below zero above 65,700\/month/);
  assert.match(await chart.locator('svg').getAttribute('aria-label'), /from 35,833 to 65,700 requests a month/);
  // Drawn as steps: the line goes straight down at each unit step.
  const d = await chart.locator('path.line.net').getAttribute('d');
  const points = d.split(/[ML]/).filter(Boolean).map((p) => p.trim().split(' ').map(Number));
  const vertical = points.filter((p, k) => k > 0 && p[0] === points[k - 1][0] && p[1] > points[k - 1][1]);
  assert.ok(vertical.length >= 10, `${vertical.length} steps in ${d.slice(0, 200)}`);
  const step = (x) => Number(x);
  const max = step(await chart.locator('[data-marker="break-even-max"]').getAttribute('data-x'));
  assert.ok(vertical.some((p) => Math.abs(p[0] - max) < 0.2), `a step at the marker ${max}`);
  assert.match(await formula(t.page, 'break_even_volume_max'), /above 65,700 requests\/month the horizon's net benefit is below zero for good/);
  assert.match(await formula(t.page, 'break_even_volume'), /= \$0\.00 at 35,833 requests\/month/);
  await t.check();
});

test('a serving scenario survives its link, its exports, an import and the comparison', async () => {
  const t = await open();
  await t.page.check('input[name="base_serving"][value="hourly"]');
  await type(t.page, 'base_host_rate', '0.5');
  await t.page.check('input[name="ft_serving"][value="capacity"]');
  await type(t.page, 'ft_unit_rate', '1.2');
  await type(t.page, 'ft_unit_rps', '0.5');
  await type(t.page, 'ft_peak_factor', '3');
  await type(t.page, 'ft_min_units', '0');
  await type(t.page, 'ft_unit_hours', '500');
  await waitForParam(t.page, 'ft_unit_hours', '500');
  const shown = {};
  for (const name of [...SERVING_METRICS, 'net_benefit', 'break_even_volume']) shown[name] = await metric(t.page, name);
  assert.equal(shown.finetuned_units.text, '1 unit');
  // A fresh page from the link shows the same.
  const link = await open(new URL(t.page.url()).search);
  for (const [name, value] of Object.entries(shown)) assert.deepEqual(await metric(link.page, name), value, name);
  assert.equal(await link.page.isChecked('input[name="ft_serving"][value="capacity"]'), true);
  assert.equal(await link.page.inputValue('input[name="ft_unit_hours"]'), '500');
  await link.check();

  const doc = JSON.parse(await download(t.page, 'export-json'));
  assert.equal(doc.fields.ft_serving, 'capacity');
  assert.equal(doc.fields.base_host_rate, '0.5');
  assert.equal(doc.results.finetuned_units, 1);
  assert.equal(doc.results.baseline_serving_monthly, Number(shown.baseline_serving_monthly.value));
  assert.equal(doc.results.net_benefit, Number(shown.net_benefit.value));
  const csv = await download(t.page, 'export-csv');
  assert.match(csv, /\r\ninput,ft_serving,Fine-tuned serving,2,capacity\r\n/);
  assert.match(csv, /\r\ninput,ft_unit_hours,Fine-tuned hours per unit,500,500 hours \/ month\r\n/);
  assert.match(csv, /\r\nresult,finetuned_units,Fine-tuned units,1,1 unit\r\n/);
  // Import after resetting: the serving scenario comes back.
  await t.page.click('[data-testid="reset"]');
  assert.equal(await metric(t.page, 'finetuned_units'), null);
  await t.page.setInputFiles('[data-testid="import-file"]', { name: 'x.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
  await t.page.locator('[data-testid="data-status"]', { hasText: 'Imported' }).waitFor();
  assert.deepEqual(await metric(t.page, 'net_benefit'), shown.net_benefit);
  assert.equal(await t.page.inputValue('input[name="ft_peak_factor"]'), '3');
  // Compared with the plain example: serving rows, "not used" where a
  // scenario does not pay that way.
  await t.page.fill('input[name="scenario_name"]', 'Self-hosted');
  await t.page.click('[data-testid="save-scenario"]');
  await t.page.click('[data-testid="reset"]');
  await t.page.locator('[data-compare="current"]').check();
  await t.page.locator('[data-compare]').nth(1).check();
  const table = t.page.locator('[data-testid="compare-table"]');
  const cells = async (row) => (await table.locator(`tr[data-row="${row}"] td`).allInnerTexts()).map((s) => s.split('\n')[0].trim());
  // Issue 25: the choices by the form's labels (this line read ['per_token', 'capacity'], the reported bug).
  assert.deepEqual(await cells('ft_serving'), ['Per request only', 'Capacity units']);
  assert.deepEqual(await cells('ft_unit_rate'), ['not used', '$1.20']);
  assert.deepEqual(await cells('finetuned_units'), ['n/a', '1 unit']);
  const cmp = await download(t.page, 'export-compare-csv');
  assert.match(cmp, /\r\nfinetuned_serving_monthly,Fine-tuned serving per month,0,/);
  await t.check();
});

test('a bad value in each serving field gets that field\'s message and keeps what was typed', async () => {
  const t = await open();
  const bad = {
    host_rate: ['-1', 'Enter 0 or a positive number.'],
    host_hours: ['745', 'Enter a number from 0 to 744.'],
    host_deployments: ['1.5', 'Enter a whole number from 0 to 10,000.'],
    unit_rate: ['abc', 'Enter a plain number, like 2500 or 0.012.'],
    unit_rps: ['0', 'Enter a number above 0 (at least 0.000000001).'],
    peak_factor: ['0.5', 'Enter a number from 1 to 100.'],
    min_units: ['10001', 'Enter a whole number from 0 to 10,000.'],
    unit_hours: ['800', 'Enter a number from 0 to 744.'],
  };
  for (const side of ['base', 'ft']) {
    for (const [field, [value, message]] of Object.entries(bad)) {
      const name = `${side}_${field}`;
      const mode = field.startsWith('host') ? 'hourly' : 'capacity';
      await t.page.check(`input[name="${side}_serving"][value="${mode}"]`);
      const good = await t.page.inputValue(`input[name="${name}"]`);
      await type(t.page, name, value);
      assert.equal((await t.page.locator(`[data-error="${name}"]`).innerText()).trim(), message, name);
      assert.equal(await t.page.getAttribute(`input[name="${name}"]`, 'aria-invalid'), 'true', name);
      assert.equal(await t.page.inputValue(`input[name="${name}"]`), value, name);
      assert.equal(await metric(t.page, 'net_benefit'), null, name);
      assert.match(await t.page.locator('[data-testid="fix-fields"]').innerText(), new RegExp(message.replace(/[.()]/g, '\\$&')), name);
      // Another mode does not use the field: the figures come back, the
      // text stays for when it is used again.
      await t.page.check(`input[name="${side}_serving"][value="per_token"]`);
      assert.equal(await text(t.page, 'net_benefit'), '$5,900.00', name);
      await t.page.check(`input[name="${side}_serving"][value="${mode}"]`);
      assert.equal(await t.page.inputValue(`input[name="${name}"]`), value, name);
      await type(t.page, name, good);
      assert.equal(await t.page.locator(`[data-error="${name}"]`).innerText(), '', name);
      await t.page.check(`input[name="${side}_serving"][value="per_token"]`);
    }
  }
  // A mode that is not an option, from a link.
  const link = await open('?ft_serving=gpu');
  assert.equal((await link.page.locator('[data-error="ft_serving"]').innerText()).trim(), 'Choose one of the options. (was “gpu”)');
  assert.equal(await link.page.locator('[data-notice="url"]').count(), 1);
  await link.check();
  await t.check();
});

test('serving fields at phone width', async () => {
  const t = await open('?base_serving=hourly&ft_serving=capacity&ft_unit_rate=2.5', { viewport: { width: 320, height: 800 } });
  assert.equal(await t.page.locator('input[name="ft_unit_rps"]').isVisible(), true);
  const overflow = await t.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.equal(overflow, 0);
  assert.equal(await text(t.page, 'finetuned_units'), '1 unit');
  await t.check();
});
