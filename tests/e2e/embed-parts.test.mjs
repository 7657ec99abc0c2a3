// Embeds that show the parts that matter (`parts=`), measured as a new user
// meets them: the Embed dialog's snippet pasted into an 800 px host page on
// another origin, the frame's height and where the figures are; the
// dialog's parts and its preview of the height; unknown names ignored.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { assert, ctx, open, waitForParam } from './harness.mjs';
import { calculator, hostSite } from './embed-fit.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const axeSource = await readFile(createRequire(join(root, 'tools', 'package.json')).resolve('axe-core/axe.min.js'), 'utf8');

/** A host page on another site with one snippet (or a frame for `query`). */
function hostPage(snippet) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title><link rel="icon" href="data:,">
<style>body { font: 16px/1.5 sans-serif; margin: 8px; }</style></head>
<body>${snippet}</body></html>`;
}

const frameFor = (query) => `<iframe data-ft-roi id="calc" src="${calculator(query).replace(/&/g, '&amp;')}" title="FT-ROI" style="width:100%;height:720px;border:0"></iframe>
<script src="${ctx.base}embed.js" async></script>`;

/**
 * Opens `html` as a host page 800 px wide and waits until the calculator
 * has rendered every card and its frame fits it; returns the frame's height,
 * what shows inside, and where (in the host's first screen) the inputs and
 * the headline figures are.
 */
async function measure(html, width = 800) {
  const site = await hostSite({ 'index.html': html });
  const context = await ctx.browser.newContext({ viewport: { width, height: 800 } });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  try {
    await page.goto(site.url);
    const frame = await (await page.$('iframe[data-ft-roi]')).contentFrame();
    await frame.waitForSelector('html[data-ready]', { state: 'attached' });
    let last;
    const end = Date.now() + 10_000;
    for (;;) {
      const outer = await page.evaluate(() => document.querySelector('iframe[data-ft-roi]').getBoundingClientRect().height);
      const inside = await frame.evaluate(() => {
        const top = (sel) => { const e = document.querySelector(sel); return e ? Math.round(e.getBoundingClientRect().top) : null; };
        return {
          content: Math.ceil(document.documentElement.getBoundingClientRect().height),
          inputs: top('input[name="requests"]'),
          figures: top('[data-metric="net_benefit"]'),
          charts: [...document.querySelectorAll('[data-chart]')].map((c) => c.dataset.chart),
          uncertainty: !!document.querySelector('[data-testid="uncertainty"]'),
          scrolls: document.documentElement.scrollHeight > document.documentElement.clientHeight + 1,
        };
      });
      const m = { outer: Math.round(outer), ...inside, problems };
      if (last && Math.abs(m.outer - m.content) <= 3 && m.outer === last.outer && !m.scrolls) return m;
      if (Date.now() > end) assert.fail(`the frame does not fit: ${JSON.stringify(m)}`);
      last = m;
      await page.waitForTimeout(250);
    }
  } finally {
    await context.close();
    await site.close();
  }
}

/** The Embed dialog's snippet for `query`, with `untick` parts unticked, and the height its preview gives. */
async function dialog(query, untick = []) {
  const t = await open(query);
  await t.page.click('[data-testid="embed-open"]');
  for (const name of untick) await t.page.uncheck(`input[data-part="${name}"]`);
  // The preview shows the snippet's address (once the one before it has loaded) and reports.
  await t.page.waitForFunction(() => {
    // The dialog's body comes from its chunk.
    const snippet = document.querySelector('[data-testid="embed-snippet"]')?.value ?? '';
    const src = /src="([^"]*)"/.exec(snippet)?.[1].replaceAll('&amp;', '&');
    return !!src && document.querySelector('[data-testid="embed-preview"]')?.src === src;
  }, null, { timeout: 20_000 });
  await t.page.locator('[data-testid="embed-height"]', { hasText: 'px tall' }).waitFor({ timeout: 20_000 });
  // The preview settles (its cards after the first paint): the last report.
  let said = '';
  for (let k = 0; k < 20; k++) {
    await t.page.waitForTimeout(250);
    const now = await t.page.locator('[data-testid="embed-height"]').innerText();
    if (now === said) break;
    said = now;
  }
  const snippet = await t.page.inputValue('[data-testid="embed-snippet"]');
  await t.check();
  return { snippet, preview: Number(/(\d+) px tall/.exec(said)[1]) };
}

test('the default snippet in an 800 px host shows the inputs and the headline figures on the first screen', async () => {
  const { snippet } = await dialog('?v=1&cost_mode=tokens');
  assert.doesNotMatch(snippet, /parts=/, 'every part unless some are unticked');
  const m = await measure(hostPage(snippet));
  console.log(`default embed at 800 px: ${JSON.stringify(m)}`);
  assert.ok(m.figures !== null && m.figures + 8 < 800, `net benefit at ${m.figures}`);
  assert.ok(m.inputs !== null && m.inputs + 8 < 800, `inputs at ${m.inputs}`);
  assert.deepEqual(m.charts, ['timeline', 'volume', 'tornado']);
  assert.deepEqual(m.problems, []);
});

test('parts=summary: the results card alone, a short frame', async () => {
  const m = await measure(hostPage(frameFor('embed=1&parts=summary')));
  console.log(`parts=summary at 800 px: ${JSON.stringify(m)}`);
  assert.equal(m.inputs, null);
  assert.ok(m.figures !== null && m.figures < 400);
  assert.deepEqual(m.charts, []);
  assert.equal(m.uncertainty, false);
  assert.ok(m.outer < 1200, `${m.outer} px`);
  assert.deepEqual(m.problems, []);
});

test('parts=inputs,summary,timeline: those three, the figures on the first screen', async () => {
  const m = await measure(hostPage(frameFor('embed=1&parts=inputs,summary,timeline')));
  console.log(`parts=inputs,summary,timeline at 800 px: ${JSON.stringify(m)}`);
  assert.ok(m.inputs !== null && m.inputs < 800);
  assert.ok(m.figures !== null && m.figures < 800);
  assert.deepEqual(m.charts, ['timeline']);
  assert.equal(m.uncertainty, false);
  const all = await measure(hostPage(frameFor('embed=1')));
  assert.ok(m.outer < all.outer, `${m.outer} px against ${all.outer} px with every part`);
  assert.deepEqual(m.problems, []);
});

test('unknown part names are ignored; none known shows every part', async () => {
  const some = await measure(hostPage(frameFor('embed=1&parts=summary,bogus,,Timeline')));
  assert.equal(some.inputs, null);
  assert.deepEqual(some.charts, []);
  const none = await measure(hostPage(frameFor('embed=1&parts=bogus')));
  assert.ok(none.inputs !== null);
  assert.deepEqual(none.charts, ['timeline', 'volume', 'tornado']);
  assert.deepEqual([...some.problems, ...none.problems], []);
});

test('the Embed dialog picks the parts, previews the height, and the address bar keeps them', async () => {
  const { snippet, preview } = await dialog('?months=24', ['volume', 'tornado', 'uncertainty']);
  assert.match(snippet, /\?v=1&amp;months=24&amp;embed=1&amp;parts=inputs,summary,timeline"/);
  // The preview's height is the frame's in an 800 px column.
  const m = await measure(hostPage(snippet), 816);
  assert.ok(Math.abs(m.outer - preview) <= 3, `preview ${preview} px, pasted ${m.outer} px`);
  assert.deepEqual(m.charts, ['timeline']);
  // An embed keeps its parts in the address bar as the scenario changes.
  const t = await open('?embed=1&parts=inputs,summary');
  await t.page.fill('input[name="months"]', '18');
  await waitForParam(t.page, 'months', '18');
  await waitForParam(t.page, 'parts', 'inputs,summary');
  assert.match(t.page.url(), /parts=inputs,summary/);
  await t.check();
});

test('axe finds no violation in the Embed dialog with its parts and preview, light and dark', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const t = await open('', { colorScheme });
    await t.page.click('[data-testid="embed-open"]');
    await t.page.uncheck('input[data-part="tornado"]');
    await t.page.locator('[data-testid="embed-height"]', { hasText: 'px tall' }).waitFor({ timeout: 20_000 });
    await t.page.evaluate(axeSource);
    const found = await t.page.evaluate(async () => {
      const result = await window.axe.run(document.querySelector('.embed-dialog'), { resultTypes: ['violations'] });
      return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
    });
    assert.deepEqual(found, [], colorScheme);
    await t.check();
  }
});
