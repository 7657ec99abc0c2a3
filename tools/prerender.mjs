// Build-time prerender (issue 32): a Trunk post_build hook, run after
// tools/split.mjs and before tools/csp.mjs (see Trunk.toml). It opens the
// built page for the default scenario in headless Chromium, lets the first
// module render its first view (the wasm chunks held back, so the cards
// below show what they show at the first paint), and writes that view into
// index.html. The page then arrives with its figures in its HTML, before
// any wasm; the app's own first view replaces the copy in one task when the
// first module starts (index.html's first script: the typed values and the
// focus are carried over), so nothing visibly changes.
//
// Each node the app added is marked `data-prerender`. Inline style
// attributes (the figures' `--half-chars` sizing, set by the app through the
// CSSOM) would break the strict CSP as markup: each becomes a
// `data-prerender-style` class of rule in one inline <style>, which
// tools/csp.mjs then hashes. Input values, checked boxes, selected options
// and open <details> become attributes, so the copy reads as the app does
// (each <details> also records its place and state as built,
// `data-prerender-index` and `data-prerender-open`). A closed section keeps
// only its summary: its fields are most of the markup and hold no figure.
//
// Where the copy would be wrong (a link with values, a saved working
// scenario, a reload of an edited tab, an embed), index.html's first script
// hides it before the first paint and says the scenario is loading: a figure
// is never shown and then changed.
//
//   node tools/prerender.mjs [dir]     (default: $TRUNK_STAGING_DIR, else dist)
//
// Needs Chromium (/usr/bin/chromium, or $CHROMIUM) and playwright-core in
// tools/node_modules (tools/env.sh installs both). FT_ROI_PRERENDER=0 skips it.
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './serve.mjs';

/** The attribute that marks a node of the build-time copy. */
export const MARK = 'data-prerender';

/**
 * In the page: marks and serializes what the app added to the frame of
 * index.html (the hero's actions, `<main>` after the hero, the body after
 * the frame), with live state written as attributes.
 */
function snapshot(mark) {
  const styles = [];
  const sections = [...document.querySelectorAll('#calculator details')];
  const settle = (root) => {
    for (const el of [root, ...root.querySelectorAll('*')]) {
      if (el instanceof HTMLInputElement) {
        if (el.type === 'checkbox' || el.type === 'radio') el.toggleAttribute('checked', el.checked);
        else el.setAttribute('value', el.value);
      } else if (el instanceof HTMLTextAreaElement) {
        el.textContent = el.value;
      } else if (el instanceof HTMLOptionElement) {
        el.toggleAttribute('selected', el.selected);
      } else if (el instanceof HTMLDetailsElement) {
        // Its place and state as built: the takeover carries only a section the reader opened or closed.
        el.setAttribute(`${mark}-open`, el.open ? '1' : '0');
        el.setAttribute(`${mark}-index`, String(sections.indexOf(el)));
      }
      const style = el.getAttribute('style');
      if (style !== null) {
        let n = styles.indexOf(style);
        if (n === -1) n = styles.push(style) - 1;
        el.removeAttribute('style');
        el.setAttribute(`${mark}-style`, String(n));
      }
    }
  };
  // A closed section keeps its summary only (its fields are two thirds of
  // the markup and none of the figures); opened before the app starts, it
  // says it is loading.
  const empty = (root) => {
    for (const details of root.querySelectorAll('details:not([open])')) {
      for (const child of [...details.children]) if (child.tagName !== 'SUMMARY') child.remove();
      const note = document.createElement('p');
      note.className = 'prerender-pending';
      note.textContent = 'Loading…';
      details.append(note);
    }
  };
  const take = (nodes) => nodes
    .filter((n) => n.nodeType === Node.ELEMENT_NODE)
    .map((el) => {
      el.setAttribute(mark, '');
      settle(el);
      empty(el);
      return el.outerHTML;
    })
    .join('');
  const hero = document.querySelector('#calculator > .hero');
  const main = document.querySelector('#calculator');
  const afterHero = [...main.children].slice([...main.children].indexOf(hero) + 1);
  return {
    actions: take([...document.querySelector('#calculator .hero-actions').children]),
    main: take(afterHero),
    // The body's frame in index.html: the skip link, the header, <main>, <noscript>.
    body: take([...document.body.children].filter((el) => !el.matches('.skip, .site-header, #calculator, noscript, script, link, template'))),
    styles,
  };
}

/**
 * The copy's status line, shown only while the first module loads (the
 * classes index.html's first script sets): loading, the scenario of a
 * link loading, or a first module that failed to start.
 */
export const STATUS = `<p class="prerender-status" ${MARK} role="status" data-testid="prerender-status">`
  + '<span class="when-loading">Loading the calculator…</span>'
  + '<span class="when-stale">Loading your scenario…</span>'
  + '<span class="when-failed">The calculator could not start in this browser. '
  + '<span class="when-default">The figures below are the example scenario’s. </span>Reload the page to try again.</span></p>';

/** `html` (the built index.html) with `shot` written into its frame. */
export function inject(html, shot) {
  const steps = [
    ['<div class="hero-actions"></div>', `<div class="hero-actions">${STATUS}${shot.actions}</div>`],
    ['</main>', `${shot.main}</main>`],
    ['</body>', `${shot.body}</body>`],
    ['</head>', `<style>${shot.styles.map((s, n) => `[${MARK}-style="${n}"]{${s}}`).join('')}</style></head>`],
  ];
  for (const [from, to] of steps) {
    if (html.split(from).length !== 2) throw new Error(`index.html must hold exactly one ${from}`);
    html = html.replace(from, () => to);
  }
  return html;
}

async function main() {
  const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? 'dist';
  const file = join(dir, 'index.html');
  const html = await readFile(file, 'utf8');
  if (process.env.FT_ROI_PRERENDER === '0') {
    console.log('[prerender] skipped (FT_ROI_PRERENDER=0)');
    return;
  }
  if (html.includes(`${MARK}=`) || html.includes(`${MARK}>`)) {
    console.log(`[prerender] ${file} already holds a prerendered view`);
    return;
  }
  const first = html.match(/ft-roi-[0-9a-f]+_bg\.wasm/)?.[0];
  if (!first) throw new Error('no first module (ft-roi-*_bg.wasm) named in index.html');
  const require = createRequire(join(import.meta.dirname, 'package.json'));
  const { chromium } = require('playwright-core');
  const { server, url } = await serve(dir);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
  });
  try {
    // The CSP is completed by tools/csp.mjs after this step: bypass its placeholder.
    const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // The chunks are held (never answered): the cards below show their first-paint state.
    await page.route('**/*.wasm', (route) => {
      if (route.request().url().endsWith(`/${first}`)) route.continue();
    });
    await page.goto(url);
    await page.waitForSelector('[data-metric="net_benefit"][data-value]', { timeout: 60_000 });
    // Effects and the chunk loader's requests settle.
    await page.waitForTimeout(500);
    if (errors.length) throw new Error(`the page failed while rendering: ${errors.join('; ')}`);
    const shot = await page.evaluate(snapshot, MARK);
    if (!shot.main.includes('data-metric="net_benefit"')) throw new Error('the first view holds no net_benefit figure');
    await writeFile(file, inject(html, shot));
    const bytes = shot.actions.length + shot.main.length + shot.body.length;
    console.log(`[prerender] ${file}: the default scenario's first view, ${bytes} bytes of markup, ${shot.styles.length} style rule(s)`);
  } finally {
    await browser.close();
    server.close();
    server.closeAllConnections();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(`[prerender] ${e.message}`);
    process.exit(1);
  });
}
