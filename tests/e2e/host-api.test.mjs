// The host API of embed.js across two origins (host page on localhost, the
// calculator on 127.0.0.1): FtRoi.connect before and after the frame has
// loaded, get, set (an invalid one reported field by field, nothing
// changed), results and error events, malformed and foreign messages
// ignored on both sides; and the example page whose own slider drives two
// calculators.
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { assert, ctx } from './harness.mjs';
import { calculator, frameOf, hostSite } from './embed-fit.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

async function browse() {
  const context = await ctx.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  return { context, page, problems };
}

const host = () => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title><link rel="icon" href="data:,"></head>
<body><h1>Host</h1>
<iframe id="early" src="${calculator('embed=1&parts=inputs,summary').replace(/&/g, '&amp;')}" title="early" style="width:100%;border:0"></iframe>
<iframe data-ft-roi id="late" src="${calculator('embed=1&parts=summary&months=24').replace(/&/g, '&amp;')}" title="late" style="width:100%;border:0"></iframe>
<iframe id="stranger" srcdoc="<p>another site's frame</p>" style="height:40px"></iframe>
<script src="${ctx.base}embed.js"></script>
<script>
  // Connected before the frame has loaded: the requests wait for it.
  window.early = FtRoi.connect(document.getElementById('early'));
  window.events = { results: [], error: [] };
  early.on('results', (r) => events.results.push(r));
  early.on('error', (e) => events.error.push(e));
  window.firstGet = early.get();
</script></body></html>`;

test('host API across origins: get, set, events; an invalid set reported field by field; bad messages ignored', async () => {
  const site = await hostSite({ 'index.html': host() });
  const { context, page, problems } = await browse();
  try {
    await page.goto(site.url);
    assert.equal(await page.evaluate(() => FtRoi.version), 1);
    // get, asked before the frame loaded.
    const first = await page.evaluate(() => window.firstGet);
    assert.equal(first.inputs.months, '12');
    assert.equal(first.inputs.requests, '100000');
    assert.equal(first.figures.net_benefit, 5900);
    assert.equal(first.figures.status, 'positive');
    // The same names as the JSON export's fields and results.
    assert.ok('base_model' in first.inputs && 'roi_percent' in first.figures);
    // The results event came on subscribing.
    await page.waitForFunction(() => events.results.length > 0);

    // set: the frame shows it, and a results event says so.
    const before = await page.evaluate(() => events.results.length);
    const done = await page.evaluate(() => early.set({ months: 24, training: '2500' }));
    assert.deepEqual(done, { ok: true, errors: {} });
    const early = await frameOf(page, 'early');
    await early.waitForFunction(() => document.querySelector('[data-metric="net_benefit"]').innerText === '$14,300.00');
    await page.waitForFunction((n) => events.results.slice(n).some((r) => r.figures?.net_benefit === 14300 && r.inputs.months === '24'), before);

    // An invalid set: each bad value with its message, nothing changed.
    const bad = await page.evaluate(() => early.set({ requests: 'lots', months: 12, colour: 'red', training: null }));
    assert.equal(bad.ok, false);
    assert.deepEqual(bad.errors, {
      colour: 'Not an input of this calculator.',
      training: 'Give the value as text or a number.',
      requests: 'Enter a plain number, like 2500 or 0.012.',
    });
    const after = await page.evaluate(() => early.get());
    assert.equal(after.inputs.months, '24');
    assert.equal(after.inputs.requests, '100000');
    assert.equal(after.figures.net_benefit, 14300);

    // The error event: a value typed wrong in the calculator itself.
    await early.fill('input[name="requests"]', '');
    await page.waitForFunction(() => events.error.some((e) => e.requests === 'Enter a value.'));
    const blank = await page.evaluate(() => early.get());
    assert.equal(blank.figures, null);
    assert.equal(blank.inputs.requests, '');
    assert.deepEqual(await page.evaluate(() => early.set({ requests: '100000' })), { ok: true, errors: {} });

    // Connected after loading (a data-ft-roi frame embed.js already sized).
    const late = await page.evaluate(async () => {
      const calc = FtRoi.connect(document.getElementById('late'));
      return { same: calc === FtRoi.connect(document.getElementById('late')), state: await calc.get() };
    });
    assert.equal(late.same, true);
    assert.equal(late.state.inputs.months, '24');

    // Malformed messages to the calculator are ignored, and never throw.
    const origin = new URL(ctx.base).origin;
    await page.evaluate((o) => {
      const w = document.getElementById('early').contentWindow;
      for (const m of [null, 42, 'ft-roi:get', [], { type: 'ft-roi:set', id: 'x', inputs: { months: '1' } },
        { type: 'ft-roi:set', id: 1, inputs: [['months', '1']] }, { type: 'ft-roi:set', id: 1.5, inputs: { months: '1' } },
        { type: 'ft-roi:set', id: -1, inputs: { months: '1' } }, { type: 'ft-roi:set', inputs: { months: '1' } },
        { type: 'FT-ROI:SET', id: 1, inputs: { months: '1' } }, { type: ['ft-roi:set'], id: 1, inputs: { months: '1' } }]) w.postMessage(m, o);
    }, origin);
    // … as are requests from another frame than the calculator's parent.
    await page.evaluate(() => document.getElementById('stranger').contentWindow.eval(
      "parent.frames[0].postMessage({ type: 'ft-roi:set', id: 9, inputs: { months: '1' } }, '*')"));
    // Answers and events that do not come from a connected frame at its origin are ignored by embed.js.
    const counted = await page.evaluate(() => events.results.length);
    await page.evaluate(() => {
      window.postMessage({ type: 'ft-roi:results', inputs: { months: '1' }, figures: {} }, '*');
      document.getElementById('stranger').contentWindow.eval("parent.postMessage({ type: 'ft-roi:results', inputs: {}, figures: {} }, '*')");
      document.getElementById('stranger').contentWindow.eval("parent.postMessage({ type: 'ft-roi:state', id: 1, inputs: {} }, '*')");
    });
    // A malformed answer from the calculator's own window is ignored too.
    await early.evaluate(() => {
      parent.postMessage({ type: 'ft-roi:results', inputs: 'months' }, '*');
      parent.postMessage({ type: 'ft-roi:error', errors: null }, '*');
      parent.postMessage({ type: 'ft-roi:set-result', id: 999, ok: 'yes' }, '*');
    });
    const check = await page.evaluate(() => early.get());
    assert.equal(check.inputs.months, '24', 'nothing changed the months');
    await page.waitForTimeout(200);
    assert.equal(await page.evaluate(() => events.results.filter((r) => r.inputs.months === '1' || typeof r.inputs !== 'object').length), 0);
    assert.ok(await page.evaluate((n) => events.results.length - n, counted) <= 1, 'only the calculator\'s own events count');
    assert.equal(await early.evaluate(() => document.querySelector('[data-metric="net_benefit"]').innerText), '$14,300.00');
    // Bad calls by the host page are errors of their own, not of the calculator.
    const thrown = await page.evaluate(async () => {
      const out = [];
      try { FtRoi.connect(document.body); } catch (e) { out.push(e.name); }
      try { early.on('nothing', () => {}); } catch (e) { out.push(e.name); }
      await early.set('months=3').catch((e) => out.push(e.name));
      return out;
    });
    assert.deepEqual(thrown, ['TypeError', 'TypeError', 'TypeError']);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
    await site.close();
  }
});

test('the example page drives two calculators from one slider of its own', async () => {
  const html = (await readFile(join(root, 'examples', 'host-api.html'), 'utf8'))
    .replaceAll('../index.html', `${ctx.base}index.html`).replaceAll('../embed.js', `${ctx.base}embed.js`);
  const site = await hostSite({ 'index.html': html });
  const { context, page, problems } = await browse();
  try {
    await page.goto(site.url);
    await page.waitForFunction(() => /\$/.test(document.getElementById('net-api').textContent) && /\$/.test(document.getElementById('net-self').textContent));
    const net = () => page.evaluate(() => [document.getElementById('net-api').textContent, document.getElementById('net-self').textContent]);
    const start = await net();
    await page.locator('#volume').fill('1500000');
    await page.waitForFunction((s) => document.getElementById('net-api').textContent !== s[0] && document.getElementById('net-self').textContent !== s[1], start);
    for (const id of ['api', 'self']) {
      const frame = await frameOf(page, id);
      await frame.waitForFunction(() => document.querySelector('[data-metric="net_benefit"]'));
      assert.equal(await page.evaluate((i) => FtRoi.connect(document.getElementById(i)).get().then((s) => s.inputs.requests), id), '1500000');
    }
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
    await site.close();
  }
});
