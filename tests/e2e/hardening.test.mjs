// Hardening in a real browser: the release page works under its strict
// Content Security Policy with no violation, the policy is enforced, every
// built asset carries subresource integrity, and no request leaves the
// page's origin.
import { test } from 'node:test';
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assert, ctx, metric, type, reachAll } from './harness.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = process.env.FT_ROI_DIST ?? join(root, 'dist');
const { serve } = await import(join(root, 'tools', 'serve.mjs'));

/** Records CSP violations from the first moment of the document. */
function recordViolations() {
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`);
  });
}

/** Opens the page with the violation recorder installed before any script. */
async function openRecorded(query = '') {
  const context = await ctx.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(recordViolations);
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`); });
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(ctx.base + query);
  await page.waitForSelector('[data-metric="net_benefit"]');
  // Every card, the ones held below the answer included: their chunks are checked too.
  await reachAll(page);
  return { context, page, problems, requests };
}

test('the page runs under a strict CSP with no violation', async () => {
  const { context, page, problems } = await openRecorded();
  const policy = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
  assert.ok(policy, 'the page sets a CSP meta tag');
  assert.match(policy, /default-src 'self'/);
  assert.match(policy, /script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/]+=*'/);
  assert.match(policy, /object-src 'none'/);
  assert.doesNotMatch(policy.replace("'wasm-unsafe-eval'", ''), /unsafe-inline|unsafe-eval|inline-script-hashes/);
  // Work the page a little: typing, presets, builders, copy link.
  await type(page, 'requests', '250000');
  await page.click('[data-preset="support"]');
  await page.click('[data-preset="classification"]');
  await page.click('[data-preset="reference"]');
  await page.click('[data-testid="copy-link"]');
  await page.waitForFunction(() => document.querySelector('[data-testid="copy-status"]').textContent.length > 0);
  assert.equal((await metric(page, 'net_benefit')).text, '$5,900.00');
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the policy is enforced: an injected inline script and style are blocked', async () => {
  const { context, page } = await openRecorded();
  const outcome = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__injected = true;';
    document.head.append(script);
    const style = document.createElement('style');
    style.textContent = 'body { --injected: 1; }';
    document.head.append(style);
    return {
      injected: window.__injected === true,
      styled: getComputedStyle(document.body).getPropertyValue('--injected').trim() === '1',
    };
  });
  assert.deepEqual(outcome, { injected: false, styled: false });
  // Violation events are dispatched asynchronously.
  await page.waitForFunction(() => window.__cspViolations.length >= 2);
  const violations = await page.evaluate(() => window.__cspViolations);
  assert.deepEqual(violations.map((v) => v.split(' ')[0]).sort(), ['script-src-elem', 'style-src-elem'], violations.join('\n'));
  // The page still works.
  await type(page, 'months', '24');
  assert.equal((await metric(page, 'horizon_months')).value, '24');
  await context.close();
});

test('every built asset is bound by a matching integrity hash', async () => {
  const html = await readFile(join(dist, 'index.html'), 'utf8');
  const attr = (tag, name) => tag.match(new RegExp(`\\b${name}="([^"]*)"`, 'i'))?.[1];
  const file = (url) => readFile(join(dist, url.replace(/^\.?\//, '')));
  const matches = async (url, integrity) => {
    assert.ok(integrity, `no integrity for ${url}`);
    const [algorithm, digest] = integrity.split(/-(.*)/s);
    assert.equal(createHash(algorithm).update(await file(url)).digest('base64'), digest, `integrity of ${url}`);
  };
  const tags = [...html.matchAll(/<(link|script)\b[^>]*>/gi)].map((m) => m[0]);
  // The JS glue's and the chunk loader's modulepreloads carry integrity= (the stylesheet is inline, bound by its hash below).
  const linked = tags.filter((t) => /\brel="(stylesheet|modulepreload)"/i.test(t) || (/^<script/i.test(t) && attr(t, 'src')));
  assert.deepEqual(linked.map((t) => (attr(t, 'href') ?? attr(t, 'src')).split('.').at(-1)).sort(), ['js', 'js']);
  for (const tag of linked) await matches(attr(tag, 'href') ?? attr(tag, 'src'), attr(tag, 'integrity'));
  // The imports of the glue and the loader are bound by the import map, the wasm by the loader's fetch.
  const importMap = JSON.parse(html.match(/<script type="importmap">([\s\S]*?)<\/script>/)[1]);
  for (const tag of linked) await matches(attr(tag, 'href'), importMap.integrity[attr(tag, 'href')]);
  // The first module's wasm (Trunk's loader) and the figures-first module's (issue 32, loaded only
  // for a shared link) are fetched with their integrity; the figures-first glue, imported only then,
  // is bound by the import map.
  const fetches = [...html.matchAll(/fetch\('([^']+\.wasm)', \{ integrity: '([^']+)' \}\)/g)];
  assert.deepEqual(fetches.map((f) => f[1].replace(/-[0-9a-f]+_bg\.wasm$/, '')).sort(), ['./figures', './ft-roi']);
  for (const [, url, integrity] of fetches) await matches(url, integrity);
  const figuresGlue = html.match(/<script type="module" data-import="([^"]+)"/)[1];
  assert.match(figuresGlue, /^\.\/figures-[0-9a-f]+\.js$/);
  await matches(figuresGlue, importMap.integrity[figuresGlue]);
  // Every chunk the loader fetches is bound by the integrity it fetches it with, and every chunk is fetched.
  const loader = attr(linked.find((t) => /__wasm_split/.test(t)), 'href');
  const chunks = [...(await file(loader)).toString().matchAll(/fetch\(new URL\("([^"]+\.wasm)",import\.meta\.url\),\{integrity:"([^"]+)"\}\)/g)];
  assert.ok(chunks.length >= 2, `${loader} fetches ${chunks.length} chunk(s)`);
  for (const [, chunk, integrity] of chunks) await matches(chunk, integrity);
  const built = (await readdir(dist)).filter((f) => f.endsWith('.wasm'));
  assert.deepEqual(built.sort(), [...fetches, ...chunks].map((c) => c[1].replace(/^\.\//, '')).sort());
  // Every inline script (the embed switch, the figures-first module's loader, the import map and
  // Trunk's loader) and the inline
  // stylesheet and the build-time copy's style rules (issue 32) are allowed by their hashes,
  // each in its own directive, and only those.
  const sha = (text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
  const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].filter((m) => !/\bsrc=/.test(m[1]));
  assert.equal(inline.length, 4);
  const styles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)];
  assert.equal(styles.length, 2);
  const policy = html.match(/http-equiv="Content-Security-Policy" content="([^"]*)"/)[1];
  const directive = (name) => policy.split(';').map((d) => d.trim()).find((d) => d.startsWith(`${name} `));
  assert.deepEqual(directive('script-src').match(/'sha256-[^']+'/g).sort(), inline.map((m) => sha(m[2])).sort());
  assert.deepEqual(directive('style-src').match(/'sha256-[^']+'/g), styles.map((m) => sha(m[1])));
});

/**
 * Serves a copy of the build with one byte of `name` changed (same length, in a
 * custom-section-free spot near the end) and runs `check(page, url)` in a fresh context.
 */
async function withTampered(name, check) {
  const copy = await mkdtemp(join(tmpdir(), 'ft-roi-tampered-'));
  await cp(dist, copy, { recursive: true });
  const body = await readFile(join(copy, name));
  body[body.length - 2] ^= 0x01;
  await writeFile(join(copy, name), body);
  const { server, url } = await serve(copy);
  const context = await ctx.browser.newContext();
  try {
    await check(await context.newPage(), url);
  } finally {
    await context.close();
    server.close();
    server.closeAllConnections();
    await rm(copy, { recursive: true });
  }
}

test('a tampered wasm or JS glue is refused', async () => {
  // The files the page loads: the glue named by its modulepreload, the wasm by the loader's fetch.
  const html = await readFile(join(dist, 'index.html'), 'utf8');
  const glue = html.match(/rel="modulepreload" href="\.?\/?([^"]+\.js)"/)[1];
  const wasm = html.match(/fetch\('\.?\/?(ft-roi-[^']+\.wasm)'/)[1];
  for (const name of [wasm, glue]) {
    await withTampered(name, async (page, url) => {
      const errors = [];
      page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(url);
      // The browser reports the mismatch once the file has arrived.
      for (let waited = 0; !errors.some((e) => /integrity/i.test(e)) && waited < 15_000; waited += 100) {
        await page.waitForTimeout(100);
      }
      assert.ok(errors.some((e) => /integrity/i.test(e)), `no integrity error for ${name}: ${errors.join(' | ')}`);
      // The app never started: the build-time copy of the first view is still there, and says so (issue 32).
      await page.waitForFunction(() => document.documentElement.classList.contains('prerender-failed'), null, { timeout: 5_000 })
        .catch(() => {});
      assert.ok(await page.locator('[data-prerender]').count() > 0, `page ran with a tampered ${name}`);
      assert.match(await page.locator('[data-testid="prerender-status"]').innerText(), /could not start in this browser/, name);
    });
  }
});

test('a tampered figures-first module is refused: the link waits for the app', async () => {
  const html = await readFile(join(dist, 'index.html'), 'utf8');
  for (const name of [html.match(/fetch\('\.?\/?(figures-[^']+\.wasm)'/)[1], html.match(/data-import="\.?\/?([^"]+)"/)[1]]) {
    await withTampered(name, async (page, url) => {
      // The app held back: only the figures-first module could show figures.
      await page.route(/ft-roi-[0-9a-f]+_bg\.wasm$/, () => {});
      await page.goto(`${url}?v=1&training=4000`);
      await page.waitForSelector('html[data-figures-done]', { state: 'attached' });
      assert.equal(await page.evaluate(() => document.documentElement.classList.contains('prerender-figures')), false, name);
      assert.equal(await page.locator('[data-metric="net_benefit"]').isVisible(), false, name);
    });
  }
});

test('no request leaves the page origin', async () => {
  const { context, page, problems, requests } = await openRecorded();
  const origin = new URL(ctx.base).origin;
  await type(page, 'training', '4000');
  await type(page, 'baseline', '0.03');
  for (const preset of ['support', 'classification', 'article-code', 'reference']) {
    await page.click(`[data-preset="${preset}"]`);
  }
  await page.check('input[name="cost_mode"][value="tokens"]');
  await type(page, 'base_input_tokens', '2000');
  await page.check('input[name="training_mode"][value="itemized"]');
  await page.check('input[name="maintenance_mode"][value="itemized"]');
  await page.click('[data-testid="copy-link"]');
  await page.waitForFunction(() => document.querySelector('[data-testid="copy-status"]').textContent.length > 0);
  await page.fill('#scenario-name', 'Hardening');
  await page.click('[data-testid="save-scenario"]');
  await page.click('[data-testid="reset"]');
  // A share link round trip: a fresh page from the address bar.
  await page.goto(page.url());
  await page.waitForSelector('[data-metric="net_benefit"]');
  await page.waitForTimeout(300);
  assert.ok(requests.length >= 4, `recorded ${requests.length} requests`);
  // Two page loads, each fetching the first wasm once (the preload is reused) and each chunk at most once;
  // the link's load also the figures-first module (issue 32).
  assert.equal(requests.filter((u) => /\/ft-roi-[0-9a-f]+_bg\.wasm$/.test(u)).length, 2, requests.join('\n'));
  assert.ok(requests.filter((u) => /\/figures-[0-9a-f]+_bg\.wasm$/.test(u)).length <= 1, requests.join('\n'));
  const chunks = requests.filter((u) => u.endsWith('.wasm') && !u.endsWith('_bg.wasm'));
  assert.ok(chunks.length >= 4, requests.join('\n'));
  for (const chunk of new Set(chunks)) assert.ok(chunks.filter((u) => u === chunk).length <= 2, `${chunk} fetched more than once a load`);
  const foreign = requests.filter((u) => !u.startsWith(`${origin}/`) && !/^(data|blob):/.test(u));
  assert.deepEqual(foreign, [], `requests outside ${origin}`);
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  assert.deepEqual(problems, []);
  await context.close();
});
