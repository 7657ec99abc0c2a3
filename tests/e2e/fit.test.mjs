// Issue 25, layout as seen in screenshots: figures of one row in one size,
// the simulation's labels short, the tornado's labels inside the chart and
// clear of its lines, the token builder's totals on one line, the phone's
// results bar never over a dialog, a cue on tables wider than their card;
// and the comparison and exports in the words of the form.
import { test } from 'node:test';
import { readFile } from 'node:fs/promises';
import { assert, open, type } from './harness.mjs';

const PHONE = { isMobile: true, hasTouch: true };
// The example with ranges (its training recovery "312,500 requests" beside
// "$0.008" and "$700.00"; the simulation's ten figures).
const RANGES = '?training_low=-30&training_high=50&requests_low=-30&requests_high=50';
// A self-hosted 70B on four $10 units replaced by an 8B on one $2.50 unit:
// the tornado's swings reach about $140K.
const HOSTED = '?training=25000&requests=2000000&months=24&baseline=0&finetuned=0'
  + '&base_serving=capacity&base_unit_rate=10&base_min_units=4&ft_serving=capacity&ft_unit_rate=2.5&ft_min_units=1'
  + '&training_low=-30&training_high=50&requests_low=-30&requests_high=50';
const TOKENS = '?cost_mode=tokens&base_input_price=0.4&base_output_price=1.6&ft_input_price=0.8&ft_output_price=3.2'
  + '&base_input_tokens=1500&ft_input_tokens=600&requests=2000000&training=40000';

async function simulated(page) {
  await page.locator('[data-testid="uncertainty"][data-state="done"] [data-metric="net_benefit_p10"]').waitFor();
}

/** Per row of tiles (`dl.metrics`): each figure's computed font size. */
function rowFontSizes(page) {
  return page.evaluate(() => [...document.querySelectorAll('dl.metrics')]
    .filter((dl) => dl.getClientRects().length > 0)
    .map((dl) => ({
      row: dl.className,
      sizes: [...dl.querySelectorAll('dd[data-metric]')].map((dd) => `${dd.dataset.metric} ${getComputedStyle(dd).fontSize}`),
    })));
}

test('each row of figure tiles shows its figures in one size, and the simulation’s labels take at most three lines', async () => {
  for (const width of [390, 1280]) {
    const t = await open(RANGES, { viewport: { width, height: 900 } });
    await simulated(t.page);
    const rows = await rowFontSizes(t.page);
    for (const row of ['metrics hero-metrics', 'metrics', 'metrics sim-metrics']) {
      const found = rows.find((r) => r.row === row);
      assert.ok(found && found.sizes.length >= 3, `${width}px: ${row}`);
      // The same size, but for the tiles' fractions of a pixel.
      const sizes = found.sizes.map((s) => parseFloat(s.split(' ')[1]));
      assert.ok(Math.max(...sizes) - Math.min(...sizes) < 0.1, `${width}px, ${row}: ${found.sizes.join(', ')}`);
    }
    const labels = await t.page.locator('.sim-metrics dt').evaluateAll((dts) => dts.map((dt) => {
      const lines = dt.getBoundingClientRect().height / parseFloat(getComputedStyle(dt).lineHeight);
      return { text: dt.textContent, lines: Math.round(lines * 10) / 10 };
    }));
    assert.equal(labels.length, 10);
    for (const l of labels) assert.ok(l.lines <= 3, `${width}px: "${l.text}" takes ${l.lines} lines`);
    await t.check();
  }
});

test('the tornado’s axis labels stay inside the chart and its row labels clear of bars and over its lines', async () => {
  for (const width of [390, 1280]) {
    const t = await open(HOSTED, { viewport: { width, height: 900 } });
    const svg = t.page.locator('[data-chart="tornado"] svg');
    await svg.locator('.bar').first().waitFor();
    const report = await svg.evaluate((svg) => {
      const box = svg.getBoundingClientRect();
      const plot = svg.closest('.plot').getBoundingClientRect();
      const ticks = [...svg.querySelectorAll('text.tick:not(.label)')].map((el) => {
        const r = el.getBoundingClientRect();
        return { text: el.textContent, inside: r.left >= Math.max(box.left, plot.left) - 0.5 && r.right <= Math.min(box.right, plot.right) + 0.5 };
      });
      const overlaps = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
      const shapes = [...svg.querySelectorAll('rect, line')];
      const labels = [...svg.querySelectorAll('text.label')].map((label) => {
        const r = label.getBoundingClientRect();
        const crossing = shapes.filter((s) => overlaps(r, s.getBoundingClientRect()));
        return {
          text: label.textContent,
          bars: crossing.filter((s) => s.tagName === 'rect').length,
          // A line it crosses is drawn before it (under it).
          over: crossing.filter((s) => s.tagName === 'line' && (label.compareDocumentPosition(s) & Node.DOCUMENT_POSITION_FOLLOWING)).length,
          halo: getComputedStyle(label).paintOrder.startsWith('stroke') && getComputedStyle(label).stroke !== 'none',
        };
      });
      return { ticks, labels };
    });
    assert.ok(report.ticks.length >= 3, `${width}px: ticks`);
    for (const tick of report.ticks) assert.ok(tick.inside, `${width}px: "${tick.text}" cut at the chart's edge`);
    assert.ok(report.labels.length >= 5, `${width}px: labels`);
    for (const l of report.labels) {
      assert.equal(l.bars, 0, `${width}px: "${l.text}" runs over a bar`);
      assert.equal(l.over, 0, `${width}px: a line runs over "${l.text}"`);
      assert.ok(l.halo, `${width}px: "${l.text}" has no halo`);
    }
    // The simulation's histogram: its axis labels inside the chart too.
    await simulated(t.page);
    const cut = await t.page.locator('[data-chart="distribution"] svg').evaluate((svg) => {
      const box = svg.closest('.plot').getBoundingClientRect();
      return [...svg.querySelectorAll('text.tick')].map((el) => [el.textContent, el.getBoundingClientRect()])
        .filter(([, r]) => r.left < box.left - 0.5 || r.right > box.right + 0.5).map(([text]) => text);
    });
    assert.deepEqual(cut, [], `${width}px: histogram labels cut`);
    await t.check();
  }
});

test('the token builder’s totals stay on one line beside their labels', async () => {
  for (const width of [390, 1024, 1280]) {
    const t = await open(TOKENS, { viewport: { width, height: 900 } });
    const rows = await t.page.locator('.breakdown .metric.total').evaluateAll((els) => els.map((el) => {
      const [dt, dd] = [el.querySelector('dt'), el.querySelector('dd')].map((e) => e.getBoundingClientRect());
      return { name: el.querySelector('dd').dataset.metric, dt, dd };
    }));
    assert.deepEqual(rows.map((r) => r.name), ['baseline_request_cost', 'finetuned_request_cost']);
    for (const { name, dt, dd } of rows) {
      assert.ok(Math.abs(dt.top - dd.top) < 4, `${width}px: ${name} is not beside its label`);
      assert.ok(dt.height < dd.height * 1.5 && dd.height < 30, `${width}px: ${name} takes two lines`);
    }
    await t.check();
  }
});

test('on a phone the results bar is hidden while a dialog is open', async () => {
  const t = await open('', { viewport: { width: 390, height: 844 }, ...PHONE });
  const page = t.page;
  await type(page, 'requests', '200000');
  const peek = page.locator('[data-testid="results-peek"]');
  await peek.locator('.peek-figure').first().waitFor();
  assert.equal(await peek.isVisible(), true);
  await page.click('[data-testid="embed-open"]');
  await page.locator('.embed-dialog[open]').waitFor();
  const hit = await peek.evaluate((bar) => {
    const r = bar.getBoundingClientRect();
    return { visibility: getComputedStyle(bar).visibility, onScreen: r.bottom > 0 && r.top < innerHeight };
  });
  assert.ok(hit.onScreen, 'the bar is where it would show');
  assert.equal(hit.visibility, 'hidden', 'the results bar shows over the dialog’s backdrop');
  assert.equal(await peek.isVisible(), false);
  await page.click('[data-testid="embed-close"]');
  await page.locator('.embed-dialog[open]').waitFor({ state: 'detached' });
  assert.equal(await peek.isVisible(), true);
  await t.check();
});

async function saveAs(page, name) {
  await page.fill('input[name="scenario_name"]', name);
  await page.press('input[name="scenario_name"]', 'Enter');
}

test('a table wider than its card on a phone says it scrolls; a table that fits does not', async () => {
  for (const width of [390, 1280]) {
    const t = await open(HOSTED + '&base_model=openai/gpt-4.1-2025-04-14', { viewport: { width, height: 900 }, ...(width < 900 ? PHONE : {}) });
    const page = t.page;
    await saveAs(page, 'Self-hosted');
    await type(page, 'months', '12');
    await saveAs(page, 'One year');
    await page.locator('[data-compare]').nth(1).check();
    await page.locator('[data-compare]').nth(2).check();
    const scroller = page.locator('.compare .table-scroll');
    await scroller.locator('[data-testid="compare-table"]').waitFor();
    const cue = scroller.locator('.scroll-cue');
    const wide = await scroller.evaluate((el) => el.scrollWidth > el.clientWidth + 1);
    assert.equal(wide, width < 900, `${width}px: the comparison overflows`);
    assert.equal(await cue.isVisible(), wide, `${width}px: cue`);
    if (wide) {
      // Scrolled to the end, nothing more to see: the cue goes.
      await scroller.evaluate((el) => { el.scrollLeft = el.scrollWidth; });
      await page.waitForFunction(() => getComputedStyle(document.querySelector('.compare .scroll-cue')).display === 'none');
      // The schedule's columns too.
      await page.locator('.schedule details.as-table > summary').click();
      const schedule = page.locator('.schedule .table-scroll');
      await schedule.locator('[data-testid="schedule-table"]').waitFor();
      assert.ok(await schedule.evaluate((el) => el.scrollWidth > el.clientWidth + 1));
      assert.equal(await schedule.locator('.scroll-cue').isVisible(), true, 'schedule cue');
    }
    // The comparison in the form's words, with the models named.
    const table = page.locator('[data-testid="compare-table"]');
    const cells = async (row) => (await table.locator(`tr[data-row="${row}"] td`).allInnerTexts()).map((s) => s.split('\n')[0].trim());
    assert.deepEqual(await cells('base_serving'), ['Capacity units', 'Capacity units']);
    assert.deepEqual(await cells('base_model'), ['GPT-4.1 (2025-04-14) (OpenAI)', 'GPT-4.1 (2025-04-14) (OpenAI)']);
    // No scenario names a fine-tuned model: no row for it.
    assert.equal(await table.locator('tr[data-row="ft_model"]').count(), 0);
    assert.deepEqual(await cells('months'), ['24 months', '12 months']);
    await t.check();
  }
});

test('the CSV and Markdown exports carry the assumptions the figures come from', async () => {
  const t = await open(TOKENS + '&training_mode=itemized');
  const [dl] = await Promise.all([t.page.waitForEvent('download'), t.page.click('[data-testid="export-csv"]')]);
  const csv = await readFile(await dl.path(), 'utf8');
  for (const line of [
    'input,cost_mode,Request costs,1,tokens',
    'input,base_input_tokens,Baseline input tokens,1500,"1,500"',
    'input,ft_output_price,Fine-tuned output price,3.2,$3.20',
    'input,label_examples,Labeled examples,1000,"1,000"',
  ]) assert.ok(csv.includes(`\r\n${line}\r\n`), `${line} in\n${csv}`);
  // The existing rows keep their place: the model's inputs first, results after.
  assert.ok(csv.indexOf('\r\ninput,months,') < csv.indexOf('\r\ninput,cost_mode,'));
  assert.ok(csv.indexOf('\r\ninput,label_examples,') < csv.indexOf('\r\nresult,'));
  await t.check();
});
