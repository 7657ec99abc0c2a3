// The example docs site (examples/mkdocs/, MkDocs with the Material theme,
// issue #18): built with `mkdocs build`, served on one origin with the
// calculator on another, as on a real docs site. Both embeds (one below the
// fold) fit their content and follow its changes both ways, theme=host
// follows Material's palette toggle, the page sets the reader's volume
// through the host API, and nothing is requested from a third origin. Screenshots in tests/e2e/artifacts/mkdocs-{light,dark}.png.
import { test, before, after } from 'node:test';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { assert, ctx } from './harness.mjs';
import { frameOf, frameTheme, serveHost, waitForFit, waitForTheme } from './embed-fit.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const MKDOCS = process.env.MKDOCS ?? join(root, 'tools', 'venv', 'bin', 'mkdocs');
const site = { dir: '', url: '', close: async () => {} };

before(async () => {
  site.dir = await mkdtemp(join(tmpdir(), 'ft-roi-mkdocs-'));
  // The calculator's address (the harness serves dist/ on 127.0.0.1) is the build setting.
  await promisify(execFile)(MKDOCS, ['build', '--strict', '-f', join(root, 'examples', 'mkdocs', 'mkdocs.yml'), '-d', site.dir], {
    env: { ...process.env, FT_ROI_PUBLIC_URL: ctx.base, NO_MKDOCS_2_WARNING: '1' },
  });
  // The docs on http://localhost:…: another site than the calculator's http://127.0.0.1:….
  Object.assign(site, await serveHost(site.dir));
}, { timeout: 120_000 });

after(async () => {
  await site.close();
  await rm(site.dir, { recursive: true, force: true });
});

/** Opens the docs page, recording every request and every error of the page and its frames. */
async function openDocs(options = {}) {
  const context = await ctx.browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  const requests = [];
  const problems = [];
  context.on('request', (r) => requests.push(r.url()));
  // Every ft-roi message any window receives, the calculators' and the docs page's.
  await context.addInitScript(() => {
    window.__ftRoiMessages = 0;
    addEventListener('message', (e) => { if (String(e.data?.type).startsWith('ft-roi:')) window.__ftRoiMessages++; });
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  await page.goto(site.url);
  for (const id of ['support', 'classify']) {
    await page.frameLocator(`#${id}`).locator('[data-metric="net_benefit"]').waitFor({ state: 'attached' });
  }
  return { context, page, requests, problems };
}

/** Every request went to the docs site or the calculator. */
function onlyTwoOrigins(requests) {
  const allowed = new Set([new URL(site.url).origin, new URL(ctx.base).origin]);
  const foreign = requests.filter((u) => !/^(data|blob|about):/.test(u) && !allowed.has(new URL(u).origin));
  assert.deepEqual(foreign, [], 'requests to a third origin');
  assert.ok(requests.some((u) => u.startsWith(ctx.base) && u.endsWith('.wasm')), 'the calculators loaded');
}

async function screenshot(page, name) {
  const dir = new URL('./artifacts/', import.meta.url);
  await mkdir(dir, { recursive: true });
  await page.screenshot({ path: new URL(name, dir).pathname });
}

test('MkDocs + Material: both embeds fit their content (the one below the fold too, before it is scrolled to) and follow it both ways', async () => {
  const { context, page, requests, problems } = await openDocs({ colorScheme: 'light' });
  assert.equal(await page.locator('#support').getAttribute('loading'), 'lazy', 'the snippet as the Embed dialog writes it');
  assert.equal(await page.frameLocator('#support').locator('[data-metric="net_benefit"]').innerText(), '$75,000.00');
  assert.equal(await page.frameLocator('#classify').locator('[data-metric="net_benefit"]').innerText(), '$352,700.00');
  const below = await waitForFit(page, 'classify', (m) => m.outer > 1000);
  assert.ok(below.top > below.viewport, `below the fold: ${JSON.stringify(below)}`);
  const first = await waitForFit(page, 'support', (m) => m.outer > 1000);

  // Content added and taken away again: the token builder's fields. (The
  // frame is narrower than 900 px: after a first edit, the results bar shows.)
  const frame = page.frameLocator('#support');
  await frame.locator('input[name="months"]').fill('18');
  const support = await waitForFit(page, 'support', (m) => m.outer > first.outer);
  await frame.locator('input[name="cost_mode"][value="tokens"]').check();
  const grown = await waitForFit(page, 'support', (m) => m.outer > support.outer + 200);
  await frame.locator('input[name="cost_mode"][value="direct"]').check();
  const shrunk = await waitForFit(page, 'support', (m) => m.outer < grown.outer - 200);
  assert.ok(Math.abs(shrunk.outer - support.outer) <= 3, `${support.outer} → ${grown.outer} → ${shrunk.outer}`);
  // A narrow window and back: the frame below the fold follows too.
  await page.setViewportSize({ width: 400, height: 800 });
  const narrow = await waitForFit(page, 'classify', (m) => m.outer > below.outer + 600);
  await page.setViewportSize({ width: 1280, height: 800 });
  const wide = await waitForFit(page, 'classify', (m) => m.outer < narrow.outer - 600);
  assert.ok(Math.abs(wide.outer - below.outer) <= 3, `${below.outer} → ${narrow.outer} → ${wide.outer}`);
  await waitForFit(page, 'support', (m) => Math.abs(m.outer - support.outer) <= 3);
  // Idle: no message either way.
  const messages = () => Promise.all(page.frames().map((f) => f.evaluate(() => window.__ftRoiMessages).catch(() => 0)));
  await page.waitForTimeout(500);
  const idle = await messages();
  await page.waitForTimeout(2000);
  assert.deepEqual(await messages(), idle, 'messages while idle');
  onlyTwoOrigins(requests);
  assert.deepEqual(problems, []);
  await context.close();
});

test('MkDocs + Material: theme=host follows the palette toggle (and the system scheme Material starts from), without reloading', async () => {
  const { context, page, requests, problems } = await openDocs({ colorScheme: 'light' });
  await waitForTheme(page, 'support', 'light');
  await waitForTheme(page, 'classify', 'light');
  await (await frameOf(page, 'classify')).evaluate(() => { window.__sameDocument = true; });
  await page.frameLocator('#support').locator('[data-chart="timeline"] svg').waitFor();
  await screenshot(page, 'mkdocs-light.png');
  // Material's toggle: the visible label of the palette switch.
  await page.locator('label[title="Switch to dark mode"]').click();
  assert.equal(await page.locator('body').getAttribute('data-md-color-scheme'), 'slate');
  await waitForTheme(page, 'support', 'dark');
  await waitForTheme(page, 'classify', 'dark');
  await waitForFit(page, 'support');
  await screenshot(page, 'mkdocs-dark.png');
  await page.locator('label[title="Switch to light mode"]').click();
  await waitForTheme(page, 'support', 'light');
  await waitForTheme(page, 'classify', 'light');
  assert.equal(await (await frameOf(page, 'classify')).evaluate(() => window.__sameDocument), true, 'not reloaded');
  // The accent of the second embed stays its own.
  const accent = await (await frameOf(page, 'classify')).evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--accent').trim());
  assert.equal(accent, '#0f766e');
  onlyTwoOrigins(requests);
  assert.deepEqual(problems, []);
  await context.close();

  // A reader whose system is dark: Material starts in its dark scheme, and so do the calculators.
  const dark = await openDocs({ colorScheme: 'dark' });
  assert.equal(await dark.page.locator('body').getAttribute('data-md-color-scheme'), 'slate');
  await waitForTheme(dark.page, 'support', 'dark');
  await waitForTheme(dark.page, 'classify', 'dark');
  assert.equal((await frameTheme(dark.page, 'support')).waiting, false);
  onlyTwoOrigins(dark.requests);
  assert.deepEqual(dark.problems, []);
  await dark.context.close();
});

test('MkDocs + Material: the page sets the reader\'s volume in the calculator through the host API', async () => {
  const { context, page, problems } = await openDocs();
  try {
    const frame = page.frameLocator('#support');
    await frame.locator('[data-metric="net_benefit"]').waitFor();
    // The figures are in the prerendered page at once: wait for the app and
    // for the host page's embed.js (loaded async) before the reader types.
    await (await frameOf(page, 'support')).waitForSelector('html[data-ready]');
    await page.waitForFunction(() => Boolean(window.FtRoi));
    await page.fill('#reader-volume', '1000000');
    await page.press('#reader-volume', 'Tab');
    // Polled by time: a frame scrolled out of view (typing in the field
    // scrolls the page to it) gets no animation frames, Playwright's default.
    await (await frameOf(page, 'support')).waitForFunction(() => document.querySelector('input[name="requests"]').value === '1000000', null, { polling: 100 });
    assert.equal(await page.locator('#reader-volume-said').innerText(), '');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
