// Ranges on the estimates and the Monte Carlo simulation (issue #17) in a
// real browser: nothing without a range, exactly the native figures for a
// pinned seed, the card following edits, bad ranges hiding only the
// simulation, the distribution chart's readout and table, the exports, and
// phone widths.
import { test } from 'node:test';
import { readFile } from 'node:fs/promises';
import { assert, metric, open, type, waitForParam, reachAll } from './harness.mjs';

const SIM_METRICS = ['prob_positive', 'prob_payback_in_horizon', 'net_benefit_p10', 'net_benefit_p50', 'net_benefit_p90',
  'net_benefit_mean', 'roi_percent_p10', 'roi_percent_p50', 'roi_percent_p90', 'break_even_months_p50'];

// The scenario and figures pinned natively in tests/montecarlo.rs
// (`PINNED`, `PINNED_VALUES`, `PINNED_SENTENCE`): the page must show the same.
const PINNED = '?requests_low=-60&requests_high=50&finetuned_low=-10&finetuned_high=40&growth=1&growth_low=-2&growth_high=3&mc_seed=7';
const PINNED_VALUES = {
  prob_positive: '97.82',
  prob_payback_in_horizon: '97.82',
  net_benefit_p10: '1266.0181040948464',
  net_benefit_p50: '4359.380715671892',
  net_benefit_p90: '7977.831363765837',
  net_benefit_mean: '4505.1094278556575',
  roi_percent_p10: '34.216705516076935',
  roi_percent_p50: '117.82110042356464',
  roi_percent_p90: '215.61706388556314',
  break_even_months_p50: '4.4946724555322675',
};
const PINNED_SENTENCE = 'In 98% of 10,000 simulated cases fine-tuning pays back within 12 months; 1 case in 10 ends below $1,266.02.';

const card = (page) => page.locator('[data-testid="uncertainty"]');

/** Waits until the simulation card shows the current scenario's figures. */
async function simulated(page) {
  await page.locator('[data-testid="uncertainty"][data-state="done"] [data-metric="prob_positive"]').waitFor();
}

async function openRanges(page) {
  const details = page.locator('details.ranges');
  if (!(await details.evaluate((d) => d.open))) await details.locator('summary').click();
}

const values = async (page) => Object.fromEntries(await Promise.all(SIM_METRICS.map(async (n) => [n, (await metric(page, n))?.value])));

test('without a range nothing of the simulation appears', async () => {
  const t = await open();
  await t.page.locator('[data-chart="tornado"] .bar').first().waitFor();
  await t.page.locator('[data-testid="schedule-table"], [data-testid="compare-table"], .compare').first().waitFor();
  assert.equal(await card(t.page).count(), 0);
  for (const name of SIM_METRICS) assert.equal(await metric(t.page, name), null, name);
  assert.equal(await t.page.locator('[data-chart="distribution"]').count(), 0);
  // The section is there, collapsed, and says no input carries a range.
  assert.equal(await t.page.locator('details.ranges').evaluate((d) => d.open), false);
  assert.match(await t.page.locator('[data-testid="ranges-summary"]').innerText(), /none yet/);
  // Ends of zero width are no range either.
  await openRanges(t.page);
  await type(t.page, 'requests_low', '0');
  await type(t.page, 'requests_high', '0');
  await t.page.waitForTimeout(300);
  assert.equal(await card(t.page).count(), 0);
  assert.equal((await metric(t.page, 'net_benefit')).text, '$5,900.00');
  await t.check();
});

test('a pinned seed shows exactly the figures computed natively', async () => {
  const t = await open(PINNED);
  await simulated(t.page);
  assert.deepEqual(await values(t.page), PINNED_VALUES);
  assert.equal(await t.page.locator('[data-testid="mc-sentence"]').innerText(), PINNED_SENTENCE);
  assert.equal((await metric(t.page, 'prob_payback_in_horizon')).text, '97.82%');
  assert.equal((await metric(t.page, 'break_even_months_p50')).text, '4.49 months');
  // The section is open (it is used) and names the ranged inputs.
  assert.equal(await t.page.locator('details.ranges').evaluate((d) => d.open), true);
  assert.equal(await t.page.locator('[data-testid="ranges-summary"]').innerText(),
    'fine-tuned cost per request, monthly requests, monthly volume growth');
  assert.match(await t.page.locator('[data-testid="uncertainty"]').innerText(), /independent/);
  // The deterministic figures are the scenario's own.
  assert.equal((await metric(t.page, 'status')).value, 'positive');
  await t.check();
});

test('typing a range runs the simulation; the deterministic figures stay; the link keeps it', async () => {
  const t = await open();
  const before = await metric(t.page, 'net_benefit');
  await openRanges(t.page);
  await type(t.page, 'requests_low', '-80');
  await type(t.page, 'requests_high', '50');
  await simulated(t.page);
  assert.deepEqual(await metric(t.page, 'net_benefit'), before);
  const p = Number((await metric(t.page, 'prob_positive')).value);
  // Exact: 1 − F(38,541.67) for a triangle from 20,000 through 100,000 to 150,000.
  const exact = 100 * (1 - (38541.666666 - 20000) ** 2 / (130000 * 80000));
  assert.ok(Math.abs(p - exact) <= 0.2, `${p} vs ${exact}`);
  assert.match(await t.page.locator('[data-testid="mc-sentence"]').innerText(), /^In 97% of 10,000 simulated cases fine-tuning pays back within 12 months; 1 case in 10 ends below \$/);
  await waitForParam(t.page, 'requests_low', '-80');
  // Another edit: the card follows (it is stale until the new run ends).
  const p50 = (await metric(t.page, 'net_benefit_p50')).value;
  await type(t.page, 'training', '4000');
  await t.page.waitForFunction((old) => {
    const el = document.querySelector('[data-testid="uncertainty"][data-state="done"] [data-metric="net_benefit_p50"]');
    return el && el.dataset.value !== old;
  }, p50);
  // Net benefit falls by exactly the $1,500 more training in every case.
  assert.ok(Math.abs(Number((await metric(t.page, 'net_benefit_p50')).value) - (Number(p50) - 1500)) < 1e-6);
  // Fewer cases, another seed.
  await type(t.page, 'mc_draws', '2000');
  await t.page.locator('[data-testid="mc-sentence"]', { hasText: 'of 2,000 simulated cases' }).waitFor();
  await t.check();
});

test('bad ranges get their field\'s message and hide only the simulation', async () => {
  const t = await open('?requests_low=-30&requests_high=50&growth=2');
  await simulated(t.page);
  const figures = await metric(t.page, 'net_benefit');
  const table = [
    ['requests_low', '10', 'Enter a number from −100 to 0.'],
    ['requests_high', '-5', 'Enter a number from 0 to 1,000.'],
    ['training_high', '1001', 'Enter a number from 0 to 1,000.'],
    ['growth_low', '3', 'Enter at most the monthly growth, 2.'],
    ['growth_high', '1', 'Enter at least the monthly growth, 2.'],
    ['mc_draws', '500', 'Enter a whole number from 1,000 to 100,000.'],
    ['mc_seed', '1.5', 'Enter a whole number from 0 to 9,007,199,254,740,992.'],
    ['finetuned_low', 'abc', 'Enter a plain number, like 2500 or 0.012.'],
  ];
  for (const [name, text, message] of table) {
    const old = await t.page.inputValue(`input[name="${name}"]`);
    await type(t.page, name, text);
    await t.page.locator(`[data-error="${name}"]`, { hasText: message }).waitFor();
    assert.equal(await t.page.getAttribute(`input[name="${name}"]`, 'aria-invalid'), 'true');
    assert.equal(await card(t.page).count(), 0, `${name}: the simulation is hidden`);
    assert.deepEqual(await metric(t.page, 'net_benefit'), figures, `${name}: the figures stay`);
    assert.equal(await t.page.inputValue(`input[name="${name}"]`), text, 'what was typed stays');
    await type(t.page, name, old);
    await simulated(t.page);
  }
  // A bad range beside a bad figure field is listed with it.
  await type(t.page, 'requests_low', '10');
  await type(t.page, 'training', 'x');
  const fix = t.page.locator('[data-testid="fix-fields"]');
  await fix.waitFor();
  assert.match(await fix.innerText(), /Monthly requests, low end: Enter a number from −100 to 0\./);
  await t.check();
});

test('the distribution chart has a summary, markers, a readout and a table', async () => {
  const t = await open(PINNED);
  await simulated(t.page);
  const fig = t.page.locator('[data-chart="distribution"]');
  assert.match(await fig.locator('svg[role="img"]').getAttribute('aria-label'),
    /^Net benefit over the 12-month horizon in 10,000 simulated cases: 1 in 10 below \$1,266\.02, half below \$4,359\.38, 9 in 10 below \$7,977\.83; 97\.82% above zero\.$/);
  for (const key of ['zero', 'p10', 'p50', 'p90']) assert.equal(await fig.locator(`[data-marker="${key}"]`).count(), 1, key);
  const x = async (key) => Number(await fig.locator(`[data-marker="${key}"]`).getAttribute('data-x'));
  assert.ok((await x('zero')) < (await x('p10')) && (await x('p10')) < (await x('p50')) && (await x('p50')) < (await x('p90')));
  assert.ok((await fig.locator('.bin').count()) >= 8);
  assert.ok((await fig.locator('.tick').count()) >= 4);
  // Keyboard readout.
  await fig.locator('.plot').focus();
  await t.page.keyboard.press('Home');
  assert.match(await t.page.locator('[data-readout="distribution"]').innerText(), /^From −\$[\d,.]+ to −?\$[\d,.]+: \d[\d,]* cases \([\d.]+%\)$/);
  await t.page.keyboard.press('ArrowRight');
  // The table: every case in one bar, the shares add up.
  await fig.locator('details summary').click();
  const rows = fig.locator('table[data-table="distribution"] tbody tr');
  await rows.first().waitFor();
  const cases = await rows.evaluateAll((trs) => trs.map((tr) => Number(tr.querySelectorAll('td')[1].dataset.value)));
  assert.equal(cases.reduce((a, b) => a + b, 0), 10000);
  await t.check();
});

async function download(page, testid) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(`[data-testid="${testid}"]`)]);
  return await readFile(await dl.path(), 'utf8');
}

test('the exports and the comparison carry the ranges and the figures', async () => {
  const t = await open(PINNED, { permissions: ['clipboard-read', 'clipboard-write'] });
  await simulated(t.page);
  await t.page.locator('[data-testid="export-json"]').waitFor();
  const doc = JSON.parse(await download(t.page, 'export-json'));
  assert.equal(doc.simulation.draws, 10000);
  assert.equal(doc.simulation.seed, 7);
  assert.deepEqual(doc.simulation.ranges.requests, { low: -60, high: 50, min: 40000, mode: 100000, max: 150000 });
  assert.equal(String(doc.simulation.results.net_benefit_p50), PINNED_VALUES.net_benefit_p50);
  assert.equal(doc.simulation.sentence, PINNED_SENTENCE);
  assert.equal(doc.fields.requests_low, '-60');
  const csv = await download(t.page, 'export-csv');
  assert.match(csv, /\r\ninput,requests_low,"Monthly requests, low end",-60,−60%\r\n/);
  assert.match(csv, /\r\nresult,prob_positive,Chance of a positive net benefit,97\.82,97\.82%\r\n/);
  await t.page.click('[data-testid="copy-markdown"]');
  await t.page.locator('[data-testid="data-status"]', { hasText: 'Markdown' }).waitFor();
  const md = await t.page.evaluate(() => navigator.clipboard.readText());
  assert.match(md, /\| Monthly requests, range \| −60% to 50% \(40,000 to 150,000\) \|/);
  assert.ok(md.includes(PINNED_SENTENCE), md);
  // The comparison: the current scenario beside a saved one without ranges.
  await t.page.fill('input[name="scenario_name"]', 'Ranged');
  await t.page.click('[data-testid="save-scenario"]');
  await type(t.page, 'requests_low', '');
  await type(t.page, 'requests_high', '');
  await type(t.page, 'finetuned_low', '');
  await type(t.page, 'finetuned_high', '');
  await type(t.page, 'growth_low', '');
  await type(t.page, 'growth_high', '');
  await t.page.locator('[data-compare="current"]').check();
  await t.page.locator('[data-compare]').nth(1).check();
  const row = t.page.locator('[data-testid="compare-table"] tr[data-row="net_benefit_p50"]');
  await row.waitFor();
  assert.equal(await row.locator('td[data-col="0"]').innerText(), 'no range');
  assert.equal(await row.locator('td[data-col="1"]').getAttribute('data-value'), PINNED_VALUES.net_benefit_p50);
  const cmp = await download(t.page, 'export-compare-csv');
  assert.match(cmp, /\r\nprob_positive,Chance of a positive net benefit,,97\.82\r\n/);
  await t.check();
});

test('the ranges and the card fit a phone', async () => {
  for (const width of [320, 390]) {
    const t = await open(PINNED, { viewport: { width, height: 800 }, isMobile: true, hasTouch: true });
    await simulated(t.page);
    await t.page.locator('[data-chart="distribution"] svg').waitFor();
    assert.ok(await t.page.evaluate(() => document.documentElement.scrollWidth) <= width, `${width}px: the page overflows`);
    // Each end's value is whole in its box.
    const cut = await t.page.$$eval('details.ranges input', (inputs) => inputs.filter((i) => {
      i.value = '-12.5'; return i.scrollWidth > i.clientWidth;
    }).map((i) => i.name));
    assert.deepEqual(cut, []);
    await t.check();
  }
});

// Ranges on serving rates and throughput: only in the serving mode that uses them.
const rowsShown = (page) => page.$$eval('details.ranges [data-range]', (rows) => rows.filter((r) => !r.hidden).map((r) => r.dataset.range));
const CORE_ROWS = ['training', 'maintenance', 'baseline', 'finetuned', 'requests', 'growth'];

test('serving rows appear only in the serving mode that uses them', async () => {
  const t = await open();
  await openRanges(t.page);
  assert.deepEqual(await rowsShown(t.page), CORE_ROWS, 'per token: no serving row');
  await t.page.check('input[name="ft_serving"][value="hourly"]');
  await t.page.locator('[data-range="ft_host_rate"]').waitFor();
  assert.deepEqual(await rowsShown(t.page), [...CORE_ROWS, 'ft_host_rate']);
  await t.page.check('input[name="ft_serving"][value="capacity"]');
  await t.page.locator('[data-range="ft_unit_rps"]').waitFor();
  assert.deepEqual(await rowsShown(t.page), [...CORE_ROWS, 'ft_unit_rate', 'ft_unit_rps']);
  await t.page.check('input[name="base_serving"][value="hourly"]');
  await t.page.locator('[data-range="base_host_rate"]').waitFor();
  assert.deepEqual(await rowsShown(t.page), [...CORE_ROWS, 'base_host_rate', 'ft_unit_rate', 'ft_unit_rps']);
  await t.page.check('input[name="base_serving"][value="capacity"]');
  await t.page.locator('[data-range="base_unit_rps"]').waitFor();
  assert.deepEqual(await rowsShown(t.page), [...CORE_ROWS, 'base_unit_rate', 'base_unit_rps', 'ft_unit_rate', 'ft_unit_rps']);
  // A range on the throughput runs the simulation and is named in the summary.
  await type(t.page, 'ft_unit_rps_low', '-50');
  await type(t.page, 'ft_unit_rps_high', '100');
  await simulated(t.page);
  assert.equal(await t.page.locator('[data-testid="ranges-summary"]').innerText(), 'fine-tuned throughput per unit');
  // A throughput of 0 serves nothing: the low end stops at −99.
  await type(t.page, 'ft_unit_rps_low', '-100');
  await t.page.locator('[data-error="ft_unit_rps_low"]', { hasText: 'Enter a number from −99 to 0: a throughput of 0 serves nothing.' }).waitFor();
  assert.equal(await card(t.page).count(), 0);
  await type(t.page, 'ft_unit_rps_low', '-50');
  await simulated(t.page);
  await waitForParam(t.page, 'ft_unit_rps_low', '-50');
  await waitForParam(t.page, 'ft_serving', 'capacity');
  // Per token again: the rows go, the range is ignored, nothing typed is lost.
  await t.page.check('input[name="ft_serving"][value="per_token"]');
  await t.page.locator('[data-range="ft_unit_rps"]').waitFor({ state: 'hidden' });
  await card(t.page).waitFor({ state: 'detached' });
  assert.match(await t.page.locator('[data-testid="ranges-summary"]').innerText(), /none yet/);
  await waitForParam(t.page, 'ft_serving', null);
  assert.equal(new URL(t.page.url()).searchParams.get('ft_unit_rps_low'), '-50');
  await t.page.check('input[name="ft_serving"][value="capacity"]');
  assert.equal(await t.page.inputValue('input[name="ft_unit_rps_low"]'), '-50');
  await simulated(t.page);
  await t.check();
});

test('a link with a range on the throughput round-trips', async () => {
  const link = '?requests=100000000&ft_serving=capacity&ft_unit_rate=2.5&ft_unit_rps_low=-50&ft_unit_rps_high=100';
  const t = await open(link);
  await simulated(t.page);
  const first = await values(t.page);
  // The range moves the figures: its 10th and 90th percentiles differ.
  assert.notEqual(first.net_benefit_p10, first.net_benefit_p90);
  assert.equal(await t.page.inputValue('input[name="ft_unit_rps_low"]'), '-50');
  assert.equal(await t.page.inputValue('input[name="ft_unit_rps_high"]'), '100');
  assert.equal(await t.page.locator('[data-testid="ranges-summary"]').innerText(), 'fine-tuned throughput per unit');
  // The address bar keeps it, and reloading gives the same fields and figures.
  const url = new URL(t.page.url());
  assert.equal(url.searchParams.get('ft_unit_rps_low'), '-50');
  assert.equal(url.searchParams.get('ft_unit_rps_high'), '100');
  await t.page.reload();
  await reachAll(t.page);
  await simulated(t.page);
  assert.equal(await t.page.inputValue('input[name="ft_unit_rps_low"]'), '-50');
  assert.equal(await t.page.inputValue('input[name="ft_unit_rps_high"]'), '100');
  assert.deepEqual(await values(t.page), first);
  // The JSON export carries the range.
  const doc = JSON.parse(await download(t.page, 'export-json'));
  assert.deepEqual(doc.simulation.ranges.ft_unit_rps, { low: -50, high: 100, min: 0.5, mode: 1, max: 2 });
  await t.check();
  // The same link in a fresh browser: the same figures.
  const u = await open(link);
  await simulated(u.page);
  assert.deepEqual(await values(u.page), first);
  await u.check();
});

// Issue #25: the simulation's headline where the results are read, and no
// range offered where it would do nothing.
test('once a simulation has run, the results card shows its chance of paying back and median', async () => {
  const plain = await open();
  await plain.page.locator('[data-chart="tornado"] .bar').first().waitFor();
  assert.equal(await plain.page.locator('[data-testid="summary-simulation"]').count(), 0);
  await plain.check();
  const t = await open(PINNED);
  await simulated(t.page);
  const headline = t.page.locator('[data-testid="summary-simulation"][data-state="done"]');
  await headline.waitFor();
  // Inside the results card, beside the deterministic figures.
  assert.equal(await t.page.locator('[data-testid="results"] [data-testid="summary-simulation"]').count(), 1);
  const chance = headline.locator('[data-sim="prob_payback_in_horizon"]');
  assert.equal(await chance.innerText(), '97.82%');
  assert.equal(await chance.getAttribute('data-value'), PINNED_VALUES.prob_payback_in_horizon);
  const median = headline.locator('[data-sim="net_benefit_p50"]');
  assert.equal(await median.innerText(), '$4,359.38');
  assert.equal(await median.getAttribute('data-value'), PINNED_VALUES.net_benefit_p50);
  assert.match(await headline.innerText(), /within 12 months, simulated/);
  assert.match(await headline.innerText(), /of 10,000 simulated cases/);
  assert.equal(await headline.locator('a').getAttribute('href'), '#uncertainty-title');
  // It follows an edit, and goes with the last range.
  await type(t.page, 'training', '4000');
  await t.page.waitForFunction((old) => {
    const el = document.querySelector('[data-testid="summary-simulation"][data-state="done"] [data-sim="net_benefit_p50"]');
    return el && el.dataset.value !== old;
  }, PINNED_VALUES.net_benefit_p50);
  assert.equal(await t.page.locator('[data-testid="summary-simulation"] [data-sim="net_benefit_p50"]').getAttribute('data-value'),
    (await metric(t.page, 'net_benefit_p50')).value);
  for (const name of ['requests_low', 'requests_high', 'finetuned_low', 'finetuned_high', 'growth_low', 'growth_high']) await type(t.page, name, '');
  await t.page.locator('[data-testid="summary-simulation"]').waitFor({ state: 'detached' });
  await t.check();
});

test('on a phone the results bar carries the simulation\'s chance and median', async () => {
  const t = await open(PINNED, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await simulated(t.page);
  const peek = t.page.locator('[data-testid="results-peek"]');
  await type(t.page, 'months', '13');
  await type(t.page, 'months', '12');
  await peek.waitFor();
  await simulated(t.page);
  await t.page.waitForFunction(() => document.querySelector('[data-testid="results-peek"]').textContent.includes('Median'));
  const figures = (await peek.locator('.peek-figure').allInnerTexts()).map((s) => s.trim());
  assert.deepEqual(figures.slice(3), ['Payback chance 97.82%', 'Median $4,359.38']);
  assert.ok(await t.page.evaluate(() => document.documentElement.scrollWidth) <= 390);
  await t.check();
});

test('a range on a value of 0 is not offered: the row says it does nothing', async () => {
  const t = await open('?finetuned=0&finetuned_low=-10&finetuned_high=40');
  await openRanges(t.page);
  const row = t.page.locator('[data-range="finetuned"]');
  assert.match(await row.locator('.range-values').innerText(), /range in % of zero stays zero, so it does nothing/);
  assert.equal(await row.locator('input[name="finetuned_high"]').isVisible(), false);
  // Nothing to simulate: no card, and the heading names no range.
  assert.match(await t.page.locator('[data-testid="ranges-summary"]').innerText(), /none yet/);
  assert.equal(await card(t.page).count(), 0);
  // Another row is offered as usual.
  assert.equal(await t.page.locator('input[name="baseline_low"]').isVisible(), true);
  // A value again: the ends come back with what was typed, and simulate.
  await type(t.page, 'finetuned', '0.012');
  await row.locator('input[name="finetuned_high"]').waitFor();
  assert.equal(await t.page.inputValue('input[name="finetuned_high"]'), '40');
  await simulated(t.page);
  await t.check();
});
