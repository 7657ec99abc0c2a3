// Embedded calculators in host pages, as on real docs sites (issue #18):
// frames that shrink as well as grow and go quiet when idle; a frame below
// the fold on another origin that sizes itself without animation frames or
// resize observations; theme=host following the host page's look; and the
// message protocol's checks.
import { test } from 'node:test';
import { assert, ctx } from './harness.mjs';
import {
  calculator, fits, frameMetrics, frameOf, frameTheme, hostSite, looks, waitForFit, waitForTheme,
} from './embed-fit.mjs';

/** A context whose pages report page errors and console errors, the frames' included. */
async function browse(options = {}) {
  const context = await ctx.browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  const problems = [];
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  return { context, page, problems };
}

/** Counts, in the host page, the ft-roi messages it receives from now on. */
async function countMessages(page) {
  await page.evaluate(() => {
    window.__ftRoiMessages = 0;
    if (window.__ftRoiCounting) return;
    window.__ftRoiCounting = true;
    addEventListener('message', (e) => { if (String(e.data?.type).startsWith('ft-roi:')) window.__ftRoiMessages++; });
  });
  return () => page.evaluate(() => window.__ftRoiMessages);
}

test('an embedded calculator shrinks as well as grows: window narrowed and widened, content taken away and back; quiet when idle', async () => {
  const { context, page, problems } = await browse({ viewport: { width: 1280, height: 900 } });
  await page.goto(ctx.base + 'examples/embed.html');
  const support = page.frameLocator('#support');
  await support.locator('[data-metric="net_benefit"]').waitFor();
  await page.frameLocator('#classify').locator('[data-chart="tornado"] .bar').first().waitFor();
  const wide = await waitForFit(page, 'support');
  await waitForFit(page, 'classify');

  // Narrow: the frames grow (one column, charts stacked) …
  await page.setViewportSize({ width: 360, height: 900 });
  const narrow = await waitForFit(page, 'support', (m) => m.outer > wide.outer + 1000);
  // … and widened again they come back down to their content.
  await page.setViewportSize({ width: 1280, height: 900 });
  const back = await waitForFit(page, 'support', (m) => m.outer < narrow.outer - 1000);
  assert.ok(Math.abs(back.outer - wide.outer) <= 3, `${wide.outer} → ${narrow.outer} → ${back.outer}`);
  await waitForFit(page, 'classify', (m) => m.outer < narrow.outer);

  // Content taken away (a bad value hides the figures and charts) and back.
  // (The frame is narrower than 900 px: after an edit, the results bar shows.)
  await support.locator('input[name="months"]').fill('18');
  const edited = await waitForFit(page, 'support', (m) => m.outer >= wide.outer);
  await support.locator('input[name="requests"]').fill('abc');
  await support.locator('[data-testid="fix-fields"]').waitFor();
  const bad = await waitForFit(page, 'support', (m) => m.outer < edited.outer - 200);
  await support.locator('input[name="requests"]').fill('400000');
  await support.locator('[data-metric="net_benefit"]').waitFor();
  const fixed = await waitForFit(page, 'support', (m) => m.outer > bad.outer + 200);
  assert.ok(Math.abs(fixed.outer - edited.outer) <= 3, `${edited.outer} → ${bad.outer} → ${fixed.outer}`);

  // Idle: no message, no change of height (no resize loop).
  await page.waitForTimeout(500);
  const count = await countMessages(page);
  const before = [await frameMetrics(page, 'support'), await frameMetrics(page, 'classify')];
  await page.waitForTimeout(2000);
  assert.equal(await count(), 0, 'messages while idle');
  const after = [await frameMetrics(page, 'support'), await frameMetrics(page, 'classify')];
  assert.deepEqual(after.map((m) => m.outer), before.map((m) => m.outer));
  // The same at phone width, where the results bar is sticky.
  await page.setViewportSize({ width: 390, height: 844 });
  await waitForFit(page, 'support', (m) => m.outer > wide.outer + 800);
  await support.locator('input[name="training"]').fill('7000');
  await page.waitForTimeout(1000);
  const quiet = await countMessages(page);
  await page.waitForTimeout(2000);
  assert.equal(await quiet(), 0, 'messages while idle at phone width');
  assert.ok(fits(await frameMetrics(page, 'support')));
  assert.deepEqual(problems, []);
  await context.close();
});

/** A host page on another site with `frames` ({ id, query, style? }) after `gap` px of text. */
function hostPage(frames, { gap = 0, css = '', body = '' } = {}) {
  const iframes = frames.map(({ id, query, style = 'width:100%;border:0', before = '', after = '' }) =>
    `${before}<iframe data-ft-roi id="${id}" src="${calculator(query).replace(/&/g, '&amp;')}" title="FT-ROI ${id}" style="${style}"></iframe>${after}`);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title><link rel="icon" href="data:,">
<style>body { font: 16px/1.5 sans-serif; max-width: 900px; margin: 1rem auto; } ${css}</style></head>
<body><h1>Host page</h1>${body}
${iframes[0] ?? ''}
<div style="height:${gap}px" id="gap">Long text.</div>
${iframes.slice(1).join('\n')}
<script src="${ctx.base}embed.js" async></script></body></html>`;
}

// In Chromium a cross-origin frame out of view gets no animation frames
// and no resize observations. Both variants are tested: the real browser,
// and one where the calculator never gets either (as a more aggressive
// browser may do), so that nothing depends on them.
for (const starved of [false, true]) {
  test(`a cross-origin embed below the fold sizes itself without being scrolled into view${starved ? ' (no animation frames or resize observations at all)' : ''}`, async () => {
    const site = await hostSite({ 'index.html': hostPage([
      { id: 'top', query: 'embed=1' },
      { id: 'below', query: 'embed=1&months=24', style: 'width:100%;border:0' },
    ], { gap: 2400 }) });
    const { context, page, problems } = await browse();
    if (starved) {
      await context.addInitScript((origin) => {
        if (location.origin !== origin) return;
        window.requestAnimationFrame = () => 0;
        window.ResizeObserver = class { observe() {} unobserve() {} disconnect() {} };
      }, new URL(ctx.base).origin);
    }
    // What the calculators hear from their host.
    await context.addInitScript((origin) => {
      if (location.origin !== origin || window === top) return;
      window.__heard = [];
      addEventListener('message', (e) => window.__heard.push(e.data?.type));
    }, new URL(ctx.base).origin);
    try {
      await page.goto(site.url);
      const started = Date.now();
      const below = await waitForFit(page, 'below', (m) => m.outer > 1000, 8000);
      assert.ok(below.top > below.viewport, `still below the fold: ${JSON.stringify(below)}`);
      assert.ok(Date.now() - started < 8000);
      await waitForFit(page, 'top', (m) => m.outer > 1000);
      // A narrower window changes its height; it follows, still out of view.
      await page.setViewportSize({ width: 420, height: 800 });
      const narrow = await waitForFit(page, 'below', (m) => Math.abs(m.outer - below.outer) > 100, 8000);
      assert.ok(narrow.top > narrow.viewport);
      // Scrolled into view, it is asked again (and still fits).
      const asked = await (await frameOf(page, 'below')).evaluate(() => window.__heard.filter((t) => t === 'ft-roi:measure').length);
      assert.ok(asked >= 1, `asked on resize: ${asked}`);
      await page.locator('#below').scrollIntoViewIfNeeded();
      await (await frameOf(page, 'below')).waitForFunction((n) => window.__heard.filter((t) => t === 'ft-roi:measure').length > n, asked);
      await waitForFit(page, 'below');
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
      await site.close();
    }
  });
}

test('theme=host: each calculator takes light or dark from the page around it and follows its changes, without reloading', async () => {
  const css = `
    html { background: #ffffff; color: #111; }
    html[data-theme="dark"] { background: #1b1d23; color: #eee; }
    @media (prefers-color-scheme: dark) { html:not([data-theme]) { background: #202124; color: #eee; } }
    .panel { background: #0f172a; padding: 1rem; }
    body.sepia { background: #f4ecd8; }`;
  const site = await hostSite({ 'index.html': hostPage([
    { id: 'host', query: 'embed=1&theme=host' },
    { id: 'pinned', query: 'embed=1&theme=light' },
    { id: 'panel', query: 'embed=1&theme=host&accent=%230f766e', before: '<div class="panel">', after: '</div>' },
  ], { gap: 100, css }) });
  const { context, page, problems } = await browse({ colorScheme: 'light' });
  try {
    await page.goto(site.url);
    await waitForTheme(page, 'host', 'light');
    await waitForTheme(page, 'pinned', 'light');
    // Inside a dark panel of a light page: dark.
    await waitForTheme(page, 'panel', 'dark');
    const host = await frameOf(page, 'host');
    await host.evaluate(() => { window.__sameDocument = true; });

    // The host's own switch: an attribute on <html>.
    await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'));
    await waitForTheme(page, 'host', 'dark');
    assert.equal((await frameTheme(page, 'pinned')).theme, 'light', 'theme=light stays light');
    await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'light'));
    await waitForTheme(page, 'host', 'light');
    // A class on <body> (sepia is light).
    await page.evaluate(() => document.body.classList.add('sepia'));
    await page.waitForTimeout(300);
    assert.equal((await frameTheme(page, 'host')).theme, 'light');
    // The system's scheme, for a host that follows it.
    await page.evaluate(() => { document.documentElement.removeAttribute('data-theme'); document.body.classList.remove('sepia'); });
    await page.emulateMedia({ colorScheme: 'dark' });
    await waitForTheme(page, 'host', 'dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await waitForTheme(page, 'host', 'light');
    assert.equal(await host.evaluate(() => window.__sameDocument), true, 'not reloaded');
    assert.equal((await frameTheme(page, 'host')).waiting, false);

    // Only the parent, only the documented shapes, only with theme=host.
    const hostWindow = 'document.getElementById("host").contentWindow';
    await page.evaluate(`(() => {
      const w = ${hostWindow}, o = ${JSON.stringify(new URL(ctx.base).origin)};
      for (const m of ['ft-roi:theme', { type: 'ft-roi:theme' }, { type: 'ft-roi:theme', theme: 'Dark' },
        { type: 'ft-roi:theme', theme: ['dark'] }, { type: 'ft-roi:theme', theme: 'auto' },
        { type: ['ft-roi:theme'], theme: 'dark' }, { type: 'FT-ROI:THEME', theme: 'dark' }, null, 42]) w.postMessage(m, o);
      document.getElementById('pinned').contentWindow.postMessage({ type: 'ft-roi:theme', theme: 'dark' }, o);
    })()`);
    // From the calculator's own window and from a sibling frame: not its parent.
    await host.evaluate(() => window.postMessage({ type: 'ft-roi:theme', theme: 'dark' }, '*'));
    await (await frameOf(page, 'pinned')).evaluate(() => parent.frames[0].postMessage({ type: 'ft-roi:theme', theme: 'dark' }, '*'));
    // A valid question after them: once answered, they have been handled.
    await page.evaluate(() => {
      window.__answers = 0;
      addEventListener('message', (e) => { if (e.data?.type === 'ft-roi:height') window.__answers++; });
    });
    await page.evaluate(`${hostWindow}.postMessage({ type: 'ft-roi:measure' }, '*')`);
    await page.waitForFunction(() => window.__answers > 0);
    await page.waitForTimeout(200);
    assert.equal((await frameTheme(page, 'host')).theme, 'light', 'malformed or foreign theme messages are ignored');
    assert.equal((await frameTheme(page, 'pinned')).theme, 'light', 'theme=light ignores theme messages');
    // The documented message itself works without embed.js too.
    await page.evaluate(`${hostWindow}.postMessage({ type: 'ft-roi:theme', theme: 'dark', extra: 1 }, '*')`);
    await waitForTheme(page, 'host', 'dark');
    assert.ok(looks(await frameTheme(page, 'host'), 'dark'));
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
    await site.close();
  }
});

test('theme=host in a dark host page shows dark from the first visible frame; with no host answering, the system decides', async () => {
  const site = await hostSite({
    'dark.html': hostPage([{ id: 'calc', query: 'embed=1&theme=host' }], { css: 'html { background: #121317; color-scheme: dark; }' }),
    // No embed.js: nobody answers.
    'plain.html': `<!doctype html><title>Plain</title><link rel="icon" href="data:,"><iframe id="calc" src="${calculator('embed=1&theme=host')}" style="width:100%;height:900px;border:0"></iframe>`,
  });
  const { context, page, problems } = await browse({ colorScheme: 'light' });
  try {
    // Record the theme at every change of the calculator's visibility.
    await context.addInitScript((origin) => {
      if (location.origin !== origin || window === top) return;
      window.__shown = [];
      const seen = () => {
        const root = document.documentElement;
        if (!root.hasAttribute('data-theme-wait') && document.getElementById('calculator')) window.__shown.push(root.dataset.theme ?? 'system');
      };
      new MutationObserver(seen).observe(document, { attributes: true, childList: true, subtree: true });
    }, new URL(ctx.base).origin);
    await page.goto(site.url + 'dark.html');
    await waitForTheme(page, 'calc', 'dark');
    const shown = await (await frameOf(page, 'calc')).evaluate(() => [...new Set(window.__shown)]);
    assert.deepEqual(shown, ['dark'], 'never visible in the light theme');
    // Every chunk in before leaving: a fetch cut short by the navigation is not the page's fault.
    await (await frameOf(page, 'calc')).waitForSelector('html[data-ready]', { state: 'attached' });
    await page.goto(site.url + 'plain.html');
    await page.frameLocator('#calc').locator('[data-metric="net_benefit"]').waitFor();
    const plain = await frameOf(page, 'calc');
    await plain.waitForFunction(() => !document.documentElement.hasAttribute('data-theme-wait'), null, { timeout: 2000 });
    assert.ok(looks(await frameTheme(page, 'calc'), 'light'));
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
    await site.close();
  }
});

test('embed.js takes heights only from its frames at their own origin', async () => {
  const site = await hostSite({
    'index.html': hostPage([{ id: 'calc', query: 'embed=1' }], {
      body: '<iframe id="other" srcdoc="<p>other</p>" style="height:50px"></iframe>',
    }),
  });
  const { context, page, problems } = await browse();
  try {
    await page.goto(site.url);
    const fit = await waitForFit(page, 'calc', (m) => m.outer > 1000);
    // Another frame (not data-ft-roi) claiming a height changes nothing …
    await page.evaluate(() => document.getElementById('other').contentWindow.eval(
      'parent.postMessage({ type: "ft-roi:height", height: 321 }, "*")'));
    // … nor does the host page itself, or a height out of range.
    await page.evaluate(() => window.postMessage({ type: 'ft-roi:height', height: 321 }, '*'));
    await (await frameOf(page, 'calc')).evaluate(() => {
      parent.postMessage({ type: 'ft-roi:height', height: -5 }, '*');
      parent.postMessage({ type: 'ft-roi:height', height: 1e9 }, '*');
    });
    await page.waitForTimeout(300);
    assert.equal((await frameMetrics(page, 'calc')).outer, fit.outer);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
    await site.close();
  }
});
