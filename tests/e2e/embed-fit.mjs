// Helpers of the embedding tests: host pages on an origin of their own, and
// whether an embedded calculator's frame fits its content, read from both
// sides (the frame element in the host page, the document inside the frame,
// cross-origin included, through Playwright's frame handles).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assert, ctx } from './harness.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { serve } = await import(join(root, 'tools', 'serve.mjs'));

/**
 * Serves `files` ({ name: html }) from a temporary directory on another
 * site than the calculator: `localhost` instead of 127.0.0.1 (both are
 * loopback), so the frames are cross-origin and cross-site, as on a real
 * docs site. Returns { url, close }.
 */
export async function hostSite(files) {
  const dir = await mkdtemp(join(tmpdir(), 'ft-roi-host-'));
  for (const [name, html] of Object.entries(files)) await writeFile(join(dir, name), html);
  return serveHost(dir, async () => rm(dir, { recursive: true, force: true }));
}

/** Serves `dir` as a host site (see `hostSite`); `cleanup` runs on close. */
export async function serveHost(dir, cleanup = async () => {}) {
  const { server, url } = await serve(dir);
  return {
    url: url.replace('://127.0.0.1:', '://localhost:'),
    async close() {
      server.close();
      server.closeAllConnections();
      await cleanup();
    },
  };
}

/** The calculator's address with `query` (the test server's, on 127.0.0.1). */
export function calculator(query) {
  return `${ctx.base}?${query}`;
}

/**
 * How frame `id` of `page` sits: `outer`, the frame's height in the host;
 * `content`, the bottom of the calculator's last element plus its margin
 * (measured inside, independently of what the calculator reports); `inner`
 * and `client`, the scroll and client heights inside (an inner scrollbar
 * when inner > client); `top`, the frame's top in the host's viewport.
 */
export async function frameMetrics(page, id) {
  const handle = await page.$(`#${id}`);
  const frame = await handle.contentFrame();
  const [outside, inside] = await Promise.all([
    handle.evaluate((f) => ({ outer: f.getBoundingClientRect().height, top: f.getBoundingClientRect().top, viewport: innerHeight })),
    frame.evaluate(() => {
      const last = document.querySelector('.open-full');
      const bottom = last ? last.getBoundingClientRect().bottom + parseFloat(getComputedStyle(last).marginBottom) : 0;
      return {
        content: bottom + scrollY,
        body: document.body.scrollHeight,
        inner: document.documentElement.scrollHeight,
        client: document.documentElement.clientHeight,
      };
    }).catch(() => ({ content: 0, body: 0, inner: 0, client: 0 })),
  ]);
  return { ...outside, ...inside };
}

/**
 * Whether a frame fits: no blank space under the content, the document no
 * taller than the frame, and no inner scrollbar. The last is read inside,
 * where a cross-origin frame out of view may not have its new size yet
 * (Chromium sends it when the frame is painted): it counts once in view.
 */
export function fits(m) {
  const inView = m.top < m.viewport && m.top + m.outer > 0;
  return m.content > 0 && Math.abs(m.outer - m.content) <= 3 && m.body <= m.outer + 1
    && (!inView || m.inner <= m.client + 1);
}

/**
 * Waits until frame `id` has rendered every card (the charts drawn), fits
 * its content, `accept(metrics)` holds, and all three still hold, at the
 * same height, 250 ms later (a page still rendering can fit for a moment);
 * fails with the last metrics after `timeout` ms.
 */
export async function waitForFit(page, id, accept = () => true, timeout = 10_000) {
  const end = Date.now() + timeout;
  const frame = await frameOf(page, id);
  const ok = async () => {
    const m = await frameMetrics(page, id);
    const drawn = await frame.evaluate(() => !!document.querySelector('.open-full')
      && (!!document.querySelector('[data-chart="tornado"] .bar') || !!document.querySelector('[data-testid="fix-fields"]')))
      .catch(() => false);
    return { m, good: drawn && fits(m) && accept(m) };
  };
  let last;
  for (;;) {
    last = await ok();
    if (last.good) {
      await page.waitForTimeout(250);
      const again = await ok();
      if (again.good && again.m.outer === last.m.outer) return again.m;
      last = again;
    }
    if (Date.now() > end) assert.fail(`frame #${id} does not fit: ${JSON.stringify(last.m)}`);
    await page.waitForTimeout(100);
  }
}

/** The frame (Playwright `Frame`) of iframe `id`. */
export async function frameOf(page, id) {
  return (await page.$(`#${id}`)).contentFrame();
}

/**
 * The theme the calculator in frame `id` shows: its data-theme, page
 * background, and the background of its cards (`surface`). A theme=host
 * calculator (`host`) paints no page background: the host's shows through.
 */
export async function frameTheme(page, id) {
  return (await frameOf(page, id)).evaluate(() => ({
    theme: document.documentElement.dataset.theme ?? '',
    background: getComputedStyle(document.documentElement).backgroundColor,
    surface: getComputedStyle(document.querySelector('.card') ?? document.body).backgroundColor,
    host: document.documentElement.hasAttribute('data-theme-host'),
    waiting: document.documentElement.hasAttribute('data-theme-wait'),
  }));
}

/** The calculator's page background in light and dark mode. */
export const LIGHT_BG = 'rgb(244, 245, 249)';
export const DARK_BG = 'rgb(15, 17, 23)';
/** Its cards' background in light and dark mode. */
export const LIGHT_CARD = 'rgb(255, 255, 255)';
export const DARK_CARD = 'rgb(24, 27, 36)';
/** A theme=host calculator's page background: none, the host's shows. */
export const TRANSPARENT = 'rgba(0, 0, 0, 0)';

/** Whether `t` (from `frameTheme`) is the calculator's look in `theme`. */
export function looks(t, theme) {
  const dark = theme === 'dark';
  return t.host
    ? t.background === TRANSPARENT && t.surface === (dark ? DARK_CARD : LIGHT_CARD)
    : t.background === (dark ? DARK_BG : LIGHT_BG);
}

/** Waits until frame `id` shows `theme` (light or dark). */
export async function waitForTheme(page, id, theme, timeout = 5_000) {
  const end = Date.now() + timeout;
  let t;
  for (;;) {
    t = await frameTheme(page, id);
    if (t.theme === theme && looks(t, theme)) return t;
    if (Date.now() > end) assert.fail(`frame #${id} is not ${theme}: ${JSON.stringify(t)}`);
    await page.waitForTimeout(50);
  }
}
