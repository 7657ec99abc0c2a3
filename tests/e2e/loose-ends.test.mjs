// Loose ends seen in use: a fine-tuned model from the catalogue puts its
// training price to use (training compute priced by tokens, or the switch
// offered) and says so; a theme=host embed shows the host page's own
// background, with text contrast AA in both host themes; no chart label
// overlaps another at phone and desktop widths.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { assert, ctx, metric, open, waitForParam } from './harness.mjs';
import { calculator, frameOf, hostSite, waitForTheme } from './embed-fit.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const axeSource = await readFile(createRequire(join(root, 'tools', 'package.json')).resolve('axe-core/axe.min.js'), 'utf8');

const FT = 'openai/ft:gpt-4o-mini-2024-07-18';
const said = (page) => page.locator('[data-testid="catalogue-said"]').innerText();

test('a fine-tuned model from the catalogue prices training compute by tokens when the builder is at its defaults, and says so', async () => {
  const t = await open('');
  await t.page.click('[data-testid="catalogue-open"]');
  await t.page.click(`tr[data-entry="${FT}"] button[data-pick="ft_model"]`);
  assert.match(await said(t.page), /Training compute in the itemized investment is now priced by training tokens \(it was a flat amount\), at the training price of GPT-4o mini \(2024-07-18\), fine-tuned: \$3\.00 per 1M tokens\./);
  await waitForParam(t.page, 'compute_mode', 'tokens');
  // The builder shows it: 1,000 examples × 500 tokens × 3 epochs at $3 per 1M.
  await t.page.check('input[name="training_mode"][value="itemized"]');
  assert.equal(await t.page.isChecked('input[name="compute_mode"][value="tokens"]'), true);
  assert.equal(await t.page.inputValue('input[name="train_price"]'), '3');
  assert.equal((await metric(t.page, 'investment_compute')).text, '$4.50');
  await t.check();
});

test('with the builder edited, the switch is offered in the notice, and made only on request', async () => {
  const t = await open('?v=1&cost_mode=tokens&training_mode=itemized&compute_flat=800');
  const before = (await metric(t.page, 'investment_compute')).text;
  assert.equal(before, '$800.00');
  await t.page.fill('input[name="ft_model"]', FT);
  assert.match(await said(t.page), /Training compute in the itemized investment stays a flat amount, as you set it; price it by training tokens to use the training price of GPT-4o mini \(2024-07-18\), fine-tuned: \$3\.00 per 1M tokens\./);
  assert.equal(await t.page.isChecked('input[name="compute_mode"][value="flat"]'), true);
  assert.equal((await metric(t.page, 'investment_compute')).text, before);
  await t.page.click('[data-testid="catalogue-compute-switch"]');
  assert.equal(await t.page.isChecked('input[name="compute_mode"][value="tokens"]'), true);
  assert.match(await said(t.page), /is now priced by training tokens/);
  assert.equal((await metric(t.page, 'investment_compute')).text, '$4.50');
  assert.equal(await t.page.locator('[data-testid="catalogue-compute-switch"]').count(), 0);
  // The flat amount typed is kept for a switch back.
  await t.page.check('input[name="compute_mode"][value="flat"]');
  assert.equal(await t.page.inputValue('input[name="compute_flat"]'), '800');
  await t.check();
});

/** The colour of the pixel at (x, y) of the host page, from a screenshot decoded by the browser. */
async function pixel(page, x, y) {
  const png = await page.screenshot({ clip: { x, y, width: 1, height: 1 } });
  return page.evaluate(async (src) => {
    const img = new Image();
    img.src = src;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = 1; c.height = 1;
    const g = c.getContext('2d');
    g.drawImage(img, 0, 0);
    return [...g.getImageData(0, 0, 1, 1).data.slice(0, 3)];
  }, `data:image/png;base64,${png.toString('base64')}`);
}

// Material for MkDocs' two schemes: default (white) and slate.
const HOSTS = [['light', '#ffffff', [255, 255, 255]], ['dark', 'hsl(232 15% 14%)', [30, 32, 41]]];

test('theme=host shows the host page\'s background, text contrast AA in both host themes', async () => {
  for (const [theme, css, rgb] of HOSTS) {
    const site = await hostSite({
      'index.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title><link rel="icon" href="data:,">
<style>html { background: ${css}; color-scheme: ${theme}; } body { margin: 0; padding: 1rem; }</style></head>
<body><iframe data-ft-roi id="calc" src="${calculator('embed=1&theme=host').replace(/&/g, '&amp;')}" title="FT-ROI" style="width:100%;border:0"></iframe>
<script src="${ctx.base}embed.js" async></script></body></html>`,
    });
    const context = await ctx.browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: theme === 'dark' ? 'light' : 'dark' });
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(e.message));
    try {
      await page.goto(site.url);
      const frame = await frameOf(page, 'calc');
      await frame.waitForSelector('[data-metric="net_benefit"]');
      await frame.waitForFunction((t) => document.documentElement.dataset.theme === t, theme);
      // The calculator paints no page background of its own …
      assert.equal(await frame.evaluate(() => getComputedStyle(document.documentElement).backgroundColor), 'rgba(0, 0, 0, 0)');
      // … so beside its cards the host's shows: the frame's top-left corner, inside the frame.
      const box = await page.locator('#calc').boundingBox();
      const seen = await pixel(page, box.x + 2, box.y + 2);
      assert.ok(seen.every((c, k) => Math.abs(c - rgb[k]) <= 2), `${theme}: ${seen} instead of ${rgb}`);
      // Text contrast, measured against what is behind the transparent page:
      // axe cannot see through the frame, so it is told the host's colour.
      await frame.evaluate((c) => document.documentElement.style.setProperty('background-color', c), `rgb(${rgb.join(', ')})`);
      await frame.evaluate(axeSource);
      const violations = await frame.evaluate(async () => {
        const result = await window.axe.run(document, { resultTypes: ['violations'], runOnly: ['wcag2a', 'wcag2aa'] });
        return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} ${n.failureSummary}`));
      });
      assert.deepEqual(violations, [], theme);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
      await site.close();
    }
  }
});

test('theme=host without embed.js: the documented theme message switches it, and its page stays transparent', async () => {
  // The documented message alone, without embed.js: the calculator switches and stays transparent.
  const site = await hostSite({
    'plain.html': `<!doctype html><title>Plain</title><link rel="icon" href="data:,"><iframe id="calc" src="${calculator('embed=1&theme=host')}" style="width:100%;height:900px;border:0"></iframe>`,
  });
  const context = await ctx.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  try {
    await page.goto(site.url + 'plain.html');
    const frame = await frameOf(page, 'calc');
    await frame.waitForSelector('[data-metric="net_benefit"]');
    await page.evaluate((o) => document.getElementById('calc').contentWindow.postMessage({ type: 'ft-roi:theme', theme: 'dark' }, o), new URL(ctx.base).origin);
    await frame.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    assert.equal(await frame.evaluate(() => getComputedStyle(document.documentElement).backgroundColor), 'rgba(0, 0, 0, 0)');
  } finally {
    await context.close();
    await site.close();
  }
});

/** Every pair of labels (SVG text) of the line charts that overlap, with their boxes. */
async function overlaps(page) {
  return page.evaluate(() => {
    const out = [];
    for (const chart of document.querySelectorAll('[data-chart="volume"], [data-chart="timeline"]')) {
      const boxes = [...chart.querySelectorAll('svg text')]
        .filter((t) => t.textContent.trim())
        .map((t) => ({ text: t.textContent, r: t.getBoundingClientRect() }));
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const [a, b] = [boxes[i].r, boxes[j].r];
          const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
          const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
          if (w > 0.5 && h > 0.5) out.push(`${chart.dataset.chart}: "${boxes[i].text}" × "${boxes[j].text}"`);
        }
      }
    }
    return out;
  });
}

for (const width of [320, 390, 1280]) {
  test(`no chart label overlaps another at ${width} px`, async () => {
    for (const query of ['', '?v=1&requests=2000000&training=1000000', '?v=1&base_serving=capacity&base_unit_rps=5&base_min_units=4&ft_serving=capacity&ft_unit_rate=2.5']) {
      const t = await open(query, { viewport: { width, height: 900 } });
      await t.page.waitForSelector('[data-chart="volume"] svg text');
      assert.deepEqual(await overlaps(t.page), [], `${width} px ${query}`);
      await t.check();
    }
  });
}
