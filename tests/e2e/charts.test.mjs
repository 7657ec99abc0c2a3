// Charts, growth and discounting in a real browser: each chart renders for
// each status, the break-even marker follows the inputs, readouts and the
// table alternatives give the same numbers, and the schedule exports.
import { test } from 'node:test';
import { mkdir, readFile } from 'node:fs/promises';
import { assert, metric, open, type, waitForParam } from './harness.mjs';

const charts = ['timeline', 'volume', 'tornado'];

async function checkCharts(page) {
  for (const name of charts) {
    const fig = page.locator(`[data-chart="${name}"]`);
    assert.equal(await fig.count(), 1, name);
    const svg = fig.locator('svg[role="img"]');
    assert.ok((await svg.getAttribute('aria-label')).length > 40, `${name} summary`);
    assert.ok((await fig.locator('.tick').count()) >= 3, `${name} ticks`);
    assert.ok((await fig.locator('.legend li').count()) >= 1, `${name} legend`);
    assert.match(await fig.locator('h3').innerText(), /\w/);
  }
}

test('the charts render for each status', async () => {
  const positive = await open();
  await checkCharts(positive.page);
  const timeline = positive.page.locator('[data-chart="timeline"]');
  assert.equal(await timeline.locator('[data-marker="break-even"]').count(), 1);
  assert.match(await timeline.locator('[data-marker="break-even"]').textContent(), /Break-even 3\.57 months/);
  assert.equal(await positive.page.locator('[data-chart="volume"] [data-marker="break-even"]').count(), 1);
  await positive.check();

  const later = await open('?months=3');
  await checkCharts(later.page);
  const t = later.page.locator('[data-chart="timeline"]');
  assert.equal(await t.locator('[data-marker="horizon"]').count(), 1, 'the axis extends past the horizon');
  assert.equal(await t.locator('[data-marker="break-even"]').count(), 1);
  assert.match(await t.locator('svg').getAttribute('aria-label'), /crosses zero later, at 3\.57 months/);
  await later.check();

  const never = await open('?maintenance=900');
  await checkCharts(never.page);
  assert.equal(await never.page.locator('[data-chart="timeline"] [data-marker="break-even"]').count(), 0);
  assert.match(await never.page.locator('[data-chart="timeline"] svg').getAttribute('aria-label'), /never crosses zero/);
  await never.check();
});

test('the break-even marker moves when an input changes', async () => {
  const t = await open();
  const marker = t.page.locator('[data-chart="timeline"] [data-marker="break-even"]');
  const before = Number(await marker.getAttribute('data-x'));
  await type(t.page, 'training', '5000');
  const after = Number(await marker.getAttribute('data-x'));
  assert.ok(after > before + 10, `${before} → ${after}`);
  assert.match(await marker.textContent(), /7\.14 months/);
  await t.check();
});

test('readouts and table alternatives show the same numbers as the figures', async () => {
  const t = await open();
  const plot = t.page.locator('[data-chart="timeline"] .plot');
  await plot.focus();
  await t.page.keyboard.press('End');
  const readout = await t.page.locator('[data-readout="timeline"]').innerText();
  assert.match(readout, /Month 12: Net position \$5,900\.00 · Baseline cost \$24,000\.00 · Fine-tuned cost \$18,100\.00/);
  await t.page.keyboard.press('Home');
  await t.page.keyboard.press('ArrowRight');
  assert.match(await t.page.locator('[data-readout="timeline"]').innerText(), /Month 1: Net position −\$1,800\.00/);
  // Hovering reads the nearest month.
  const box = await t.page.locator('[data-chart="timeline"] svg').boundingBox();
  await t.page.mouse.move(box.x + box.width - 20, box.y + box.height / 2);
  assert.match(await t.page.locator('[data-readout="timeline"]').innerText(), /Month 12/);
  // Timeline table.
  await t.page.locator('[data-chart="timeline"] details summary').click();
  const rows = t.page.locator('table[data-table="timeline"] tbody tr');
  await rows.nth(12).waitFor();
  assert.equal(await rows.count(), 13);
  const last = await rows.nth(12).locator('td').allInnerTexts();
  assert.deepEqual(last, ['$5,900.00', '$24,000.00', '$18,100.00']);
  assert.equal(last[0], (await metric(t.page, 'net_benefit')).text);
  // Volume table: the current volume's row equals the net benefit.
  await t.page.locator('[data-chart="volume"] details summary').click();
  await t.page.locator('table[data-table="volume"]').waitFor();
  const current = t.page.locator('table[data-table="volume"] tbody tr').filter({ has: t.page.locator('th', { hasText: /^100,000$/ }) });
  assert.equal(await current.locator('td').innerText(), '$5,900.00');
  // Tornado: largest impact first, ±20% by default, adjustable.
  await t.page.locator('[data-chart="tornado"] details summary').click();
  await t.page.locator('table[data-table="tornado"]').waitFor();
  const first = t.page.locator('table[data-table="tornado"] tbody tr').first();
  assert.equal(await first.getAttribute('data-input'), 'baseline');
  assert.deepEqual(await first.locator('td').allInnerTexts(), ['−$4,800.00', '+$4,800.00']);
  await type(t.page, 'sensitivity', '10');
  assert.deepEqual(await t.page.locator('table[data-table="tornado"] tbody tr').first().locator('td').allInnerTexts(), ['−$2,400.00', '+$2,400.00']);
  const order = await t.page.locator('[data-chart="tornado"] .bar').evaluateAll((bars) => bars.map((b) => b.dataset.input));
  assert.deepEqual(order, ['baseline', 'finetuned', 'requests', 'training', 'maintenance']);
  // Tornado readout: hover a bar, or focus one and move with the arrow keys.
  const tornadoReadout = t.page.locator('[data-readout="tornado"]');
  assert.match(await tornadoReadout.innerText(), /Hover over a bar/);
  await t.page.locator('[data-chart="tornado"] .bar[data-input="requests"] rect.high').hover();
  assert.equal(await tornadoReadout.innerText(), 'Monthly requests: lowered 10% → −$960.00, raised 10% → +$960.00');
  await t.page.locator('[data-chart="tornado"] .bar[data-input="baseline"]').focus();
  assert.match(await tornadoReadout.innerText(), /^Baseline cost per request: lowered 10% → −\$2,400\.00, raised 10% → \+\$2,400\.00$/);
  await t.page.keyboard.press('ArrowDown');
  assert.equal(await t.page.evaluate(() => document.activeElement.dataset.input), 'finetuned');
  assert.match(await tornadoReadout.innerText(), /^Fine-tuned cost per request:/);
  await t.page.keyboard.press('ArrowUp');
  await t.page.keyboard.press('ArrowUp');
  assert.equal(await t.page.evaluate(() => document.activeElement.dataset.input), 'baseline', 'stays on the first bar');
  await t.check();
});

test('a bad sensitivity range is that field\'s message and no sensitivity chart, never fewer figures', async () => {
  const t = await open();
  await t.page.locator('[data-chart="tornado"] .bar').first().waitFor();
  for (const text of ['abc', '', '1e15']) {
    await type(t.page, 'sensitivity', text);
    await t.page.locator('[data-error="sensitivity"]').filter({ hasText: /Enter/ }).waitFor();
    assert.equal(await t.page.getAttribute('input[name="sensitivity"]', 'aria-invalid'), 'true');
    assert.equal((await metric(t.page, 'net_benefit')).text, '$5,900.00', text);
    assert.equal(await t.page.locator('[data-chart="timeline"] svg').count(), 1, text);
    assert.equal(await t.page.locator('[data-chart="tornado"] .bar').count(), 0, text);
  }
  await type(t.page, 'sensitivity', '20');
  await t.page.locator('[data-chart="tornado"] .bar').first().waitFor();
  assert.equal(await t.page.getAttribute('input[name="sensitivity"]', 'aria-invalid'), 'false');
  await t.check();
});

test('growth, discounting and the month-by-month schedule', async () => {
  const t = await open();
  await t.page.click('summary:has-text("Growth and discounting")');
  await type(t.page, 'discount', '12');
  assert.equal((await metric(t.page, 'npv')).text, '$5,404.06');
  assert.equal((await metric(t.page, 'discounted_break_even_months')).text, '3.65 months');
  assert.equal((await metric(t.page, 'net_benefit')).text, '$5,900.00');
  await type(t.page, 'discount', '0');
  await type(t.page, 'growth', '5');
  assert.equal((await metric(t.page, 'net_benefit')).text, '$9,033.70');
  assert.equal((await metric(t.page, 'break_even_months')).text, '3.34 months');
  await waitForParam(t.page, 'growth', '5');
  await t.page.locator('.schedule details summary').click();
  const rows = t.page.locator('[data-testid="schedule-table"] tbody tr');
  await rows.nth(11).waitFor();
  assert.equal(await rows.count(), 12);
  assert.equal((await rows.nth(11).locator('td').allInnerTexts())[6], '$9,033.70');
  const [dl] = await Promise.all([t.page.waitForEvent('download'), t.page.click('[data-testid="export-schedule-csv"]')]);
  const csv = (await readFile(await dl.path(), 'utf8')).trim().split('\r\n');
  assert.equal(csv.length, 13);
  assert.equal(csv[0], 'month,requests,baseline_cost,finetuned_cost,maintenance,retraining,quality_value,net,cumulative,discounted_cumulative');
  assert.equal(Number(csv[12].split(',')[8]).toFixed(2), '9033.70');
  // Negative growth is allowed; out-of-range is flagged.
  await type(t.page, 'growth', '−3');
  assert.equal(await t.page.getAttribute('input[name="growth"]', 'aria-invalid'), 'false');
  await type(t.page, 'growth', '150');
  assert.match(await t.page.locator('[data-error="growth"]').innerText(), /−99 to 99/);
  await t.check();
});

test('each schedule row adds up on screen, the value of accuracy included', async () => {
  const dollars = (text) => Number(text.replace(/[$,]/g, '').replace('\u2212', '-'));
  for (const [query, columns] of [['?growth=5', 9], ['?growth=5&accuracy_gain=1&error_value=0.2&maintenance_mode=itemized&retrain_cost=300&retrain_per_year=3', 10]]) {
    const t = await open(query);
    await t.page.locator('.schedule details summary').click();
    const table = t.page.locator('[data-testid="schedule-table"]');
    await table.locator('tbody tr').nth(11).waitFor();
    const head = await table.locator('thead th').allInnerTexts();
    assert.equal(head.length, columns, query);
    const col = (name) => head.indexOf(name) - 1; // the month is a <th>
    for (const row of await table.locator('tbody tr').all()) {
      const cells = (await row.locator('td').allInnerTexts()).map(dollars);
      const quality = col('Value of accuracy') >= 0 ? cells[col('Value of accuracy')] : 0;
      const net = cells[col('Baseline cost')] - cells[col('Fine-tuned cost')] + quality - cells[col('Maintenance')] - cells[col('Retraining')];
      assert.ok(Math.abs(net - cells[col('Net')]) <= 0.011, `${query}: ${net} vs ${cells[col('Net')]}`);
    }
    await t.check();
  }
});

test('screenshots at 360 px and 1280 px', async () => {
  const dir = new URL('./artifacts/', import.meta.url);
  await mkdir(dir, { recursive: true });
  for (const [width, scheme] of [[360, 'light'], [1280, 'light'], [360, 'dark']]) {
    const t = await open('?months=3', { viewport: { width, height: 900 }, colorScheme: scheme });
    const section = t.page.locator('.charts');
    await section.screenshot({ path: new URL(`charts-${width}-${scheme}.png`, dir).pathname });
    const scroll = await t.page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(scroll <= width, `${width}px: page is ${scroll}px wide`);
    await t.check();
  }
});
