// Layout at every width: number inputs show their whole value, headline
// figures never break inside a number, tables scroll inside their card, the
// phone results bar never hides the field being edited, and accent-filled
// controls keep readable text whatever the accent.
import { test } from 'node:test';
import { assert, open } from './harness.mjs';

const PHONE = { isMobile: true, hasTouch: true };
// Every builder shown and every optional section open: all the inputs.
const ALL_INPUTS = '?cost_mode=tokens&training_mode=itemized&maintenance_mode=itemized&compute_mode=tokens&growth=1&accuracy_gain=1&requests=123456789';

/** Sets every number input to `value` (no input event: layout only) and returns those whose text is cut off. */
function cutOffInputs(page, value) {
  return page.evaluate((value) => [...document.querySelectorAll('input[inputmode]')]
    .filter((input) => input.getClientRects().length > 0)
    .map((input) => {
      input.value = value;
      const cut = input.scrollWidth > input.clientWidth;
      return { name: input.name, scroll: input.scrollWidth, client: input.clientWidth, cut };
    }));
}

test('number inputs show a 15-digit value whole at every width and in print', async () => {
  const widths = [320, 360, 390, 768, 900, 1024, 1280, 1440];
  for (const width of widths) {
    const t = await open(ALL_INPUTS, { viewport: { width, height: 1100 } });
    await t.page.locator('[data-chart="tornado"] input[name="sensitivity"]').waitFor();
    const inputs = await cutOffInputs(t.page, '123456789012345');
    assert.ok(inputs.length >= 30, `${width}px: ${inputs.length} inputs`);
    const cut = inputs.filter((i) => i.cut);
    assert.deepEqual(cut, [], `${width}px: cut off`);
    assert.ok(await t.page.evaluate(() => document.documentElement.scrollWidth) <= width, `${width}px: page overflows`);
    await t.check();
  }
  for (const width of [718, 1280]) {
    const t = await open(ALL_INPUTS, { viewport: { width, height: 1100 } });
    await t.page.locator('[data-chart="tornado"]').waitFor();
    await t.page.emulateMedia({ media: 'print' });
    const inputs = await cutOffInputs(t.page, '123456789012345');
    assert.ok(inputs.length >= 20, `print at ${width}px: ${inputs.length} inputs`);
    assert.deepEqual(inputs.filter((i) => i.cut), [], `print at ${width}px: cut off`);
    await t.check();
  }
});

/**
 * For each figure: whether its text sits on one line, and whether it stays
 * inside its tile (and the tile inside the page).
 */
function figureLines(page, selector) {
  return page.evaluate((selector) => [...document.querySelectorAll(selector)].map((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    const rects = [...range.getClientRects()].filter((r) => r.width > 0);
    const tops = rects.map((r) => r.top);
    const text = range.getBoundingClientRect();
    const box = (el.closest('.metric') ?? el.parentElement).getBoundingClientRect();
    const style = getComputedStyle(el.closest('.metric') ?? el.parentElement);
    const inner = {
      left: box.left + parseFloat(style.borderLeftWidth) + parseFloat(style.paddingLeft) - 0.5,
      right: box.right - parseFloat(style.borderRightWidth) - parseFloat(style.paddingRight) + 0.5,
    };
    return {
      name: el.dataset.metric ?? el.textContent,
      text: el.textContent,
      oneLine: rects.length > 0 && Math.max(...tops) - Math.min(...tops) < 1,
      inside: text.left >= inner.left && text.right <= inner.right && box.right <= document.documentElement.clientWidth,
    };
  }), selector);
}

test('headline figures never break inside a number and stay inside their tiles', async () => {
  const queries = [
    '?requests=123456789',
    '?requests=123456789&currency=INR&locale=en-IN',
    '?requests=123456789&currency=EUR&locale=fr-FR',
    '?requests=987654321&months=600',
    '?requests=1e12&months=600&training=1e12',
  ];
  for (const width of [320, 390, 900, 1024, 1280]) {
    for (const query of queries) {
      const t = await open(query, { viewport: { width, height: 900 }, ...(width < 900 ? PHONE : {}) });
      await t.page.locator('[data-testid="results"] [data-metric="net_benefit"]').waitFor();
      const figures = await figureLines(t.page, '[data-testid="results"] dd[data-metric]');
      assert.equal(figures.length, 6);
      for (const f of figures) {
        assert.ok(f.oneLine, `${width}px ${query}: ${f.name} "${f.text}" wraps`);
        assert.ok(f.inside, `${width}px ${query}: ${f.name} "${f.text}" overflows its tile`);
      }
      if (width < 900) {
        // The phone results bar: each figure's value on one line, inside the bar.
        const months = query.includes('months=600') ? 600 : 12;
        await t.page.fill('input[name="months"]', String(months - 1));
        await t.page.fill('input[name="months"]', String(months));
        const peek = t.page.locator('[data-testid="results-peek"]');
        await peek.locator('.peek-figure').first().waitFor();
        const bar = await peek.boundingBox();
        const values = await figureLines(t.page, '[data-testid="results-peek"] .peek-value');
        assert.equal(values.length, 3);
        for (const v of values) assert.ok(v.oneLine, `${width}px ${query}: bar value "${v.text}" wraps`);
        for (const box of await peek.locator('.peek-figure, .peek-go').evaluateAll((els) => els.map((e) => {
          const r = e.getBoundingClientRect();
          return { left: r.left, right: r.right, text: e.textContent };
        }))) {
          assert.ok(box.left >= bar.x - 0.5 && box.right <= bar.x + bar.width + 0.5, `${width}px ${query}: "${box.text}" outside the bar`);
        }
      }
      assert.ok(await t.page.evaluate(() => document.documentElement.scrollWidth) <= width, `${width}px ${query}: page overflows`);
      await t.check();
    }
  }
});


test('tables open on a phone scroll inside their card, never the page', async () => {
  for (const width of [320, 390]) {
    const t = await open('', { viewport: { width, height: 844 }, ...PHONE });
    const page = t.page;
    await page.locator('[data-chart="tornado"] svg').waitFor();
    const summaries = page.locator('details.as-table > summary');
    assert.ok((await summaries.count()) >= 4, 'three charts and the schedule');
    for (let k = 0; k < await summaries.count(); k++) await summaries.nth(k).click();
    for (const name of ['timeline', 'volume', 'tornado']) await page.locator(`table[data-table="${name}"]`).waitFor();
    await page.locator('[data-testid="schedule-table"]').waitFor();
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(scrollWidth <= width, `${width}px: page is ${scrollWidth}px wide`);
    await t.check();
  }
});

test('on a phone the results bar never hides the first field’s message', async () => {
  const t = await open('', { viewport: { width: 390, height: 844 }, ...PHONE });
  const page = t.page;
  await page.locator('input[name="requests"]').tap();
  await page.keyboard.type('x');
  const error = page.locator('[data-error="requests"]');
  await error.getByText('Enter a plain number').waitFor();
  const peek = page.locator('[data-testid="results-peek"]');
  await peek.getByText('Check the highlighted fields').waitFor();
  // The message comes into view above the bar (after a frame).
  const clear = () => page.evaluate(() => {
    const e = document.querySelector('[data-error="requests"]').getBoundingClientRect();
    const bar = document.querySelector('[data-testid="results-peek"]').getBoundingClientRect();
    return { ok: e.top >= 0 && e.bottom <= bar.top, error: [e.top, e.bottom], bar: bar.top };
  });
  await page.waitForFunction(() => {
    const e = document.querySelector('[data-error="requests"]').getBoundingClientRect();
    return e.top >= 0 && e.bottom <= document.querySelector('[data-testid="results-peek"]').getBoundingClientRect().top;
  }, null, { timeout: 3000 }).catch(() => {});
  const state = await clear();
  assert.ok(state.ok, `message at ${state.error} under the bar at ${state.bar}`);
  // Focus and caret stay where the user typed.
  assert.equal(await page.evaluate(() => document.activeElement.name), 'requests');
  assert.deepEqual(await page.evaluate(() => [document.activeElement.value, document.activeElement.selectionStart]), ['100000x', 7]);
  // The field itself is in view too.
  const input = await page.locator('input[name="requests"]').boundingBox();
  assert.ok(input.y >= 0 && input.y + input.height <= (await peek.boundingBox()).y, 'field under the bar');
  await t.check();
});

/** WCAG contrast of an element's text colour against its own (or the nearest opaque ancestor's) background. */
function contrastOf(page, selector) {
  return page.evaluate((selector) => {
    const rgb = (s) => s.match(/[\d.]+/g).slice(0, 4).map(Number);
    const lum = ([r, g, b]) => {
      const lin = (c) => { c /= 255; return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    const el = document.querySelector(selector);
    let bg = el;
    while (bg && (() => { const c = rgb(getComputedStyle(bg).backgroundColor); return c.length === 4 && c[3] === 0; })()) bg = bg.parentElement;
    const back = rgb(getComputedStyle(bg ?? document.documentElement).backgroundColor);
    const fore = rgb(getComputedStyle(el).color);
    const [a, b] = [lum(fore), lum(back)].sort((x, y) => y - x);
    return { ratio: (a + 0.05) / (b + 0.05), fore: getComputedStyle(el).color, back: getComputedStyle(bg).backgroundColor };
  }, selector);
}

test('accent-filled buttons and accent-coloured text stay readable with any accent', async () => {
  for (const accent of ['#abc', '#0f766e', '#4338ca', '#ffffff', '#000000', '#ff0', '#e11d48']) {
    for (const theme of ['light', 'dark']) {
      const t = await open(`?embed=1&theme=${theme}&accent=${encodeURIComponent(accent)}`);
      for (const selector of ['[data-testid="copy-link"]', '[data-testid="open-full"]', '[data-preset]', '[data-testid="reset"]']) {
        const c = await contrastOf(t.page, selector);
        assert.ok(c.ratio >= 4.5, `${accent} ${theme}: ${selector} ${c.fore} on ${c.back} is ${c.ratio.toFixed(2)}:1`);
      }
      // The fill itself is the accent as given.
      const fill = await t.page.evaluate(() => getComputedStyle(document.querySelector('[data-testid="copy-link"]')).backgroundColor);
      const expected = await t.page.evaluate((a) => { const d = document.createElement('i'); d.style.color = a; document.body.append(d); const c = getComputedStyle(d).color; d.remove(); return c; }, accent);
      assert.equal(fill, expected, `${accent} ${theme}: fill`);
      await t.check();
    }
  }
  // The example host page's dark calculator.
  const t = await open('?embed=1&theme=dark&accent=%230f766e');
  assert.ok((await contrastOf(t.page, '[data-testid="copy-link"]')).ratio >= 4.5);
  await t.check();
});
