// Link previews (issue #18): Open Graph and Twitter card metadata in the
// built page, the 1200×630 preview image shipped with it, and the image
// tags written by the post_build hook from FT_ROI_PUBLIC_URL (absent when
// it is not set).
import { test } from 'node:test';
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { assert, ctx } from './harness.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = process.env.FT_ROI_DIST ?? join(root, 'dist');
const { serve } = await import(join(root, 'tools', 'serve.mjs'));
const run = promisify(execFile);

/** The Open Graph and Twitter tags of the page open in `page`. */
function previewTags(page) {
  return page.evaluate(() => Object.fromEntries([...document.querySelectorAll('meta[property^="og:"], meta[name^="twitter:"]')]
    .map((m) => [m.getAttribute('property') ?? m.getAttribute('name'), m.content])));
}

/** Loads `url` as an image in `page`: its status, type and size. */
function loadImage(page, url) {
  return page.evaluate(async (url) => {
    const response = await fetch(url);
    const bitmap = await createImageBitmap(await response.blob());
    return { status: response.status, type: response.headers.get('content-type'), width: bitmap.width, height: bitmap.height };
  }, url);
}

const TITLE = 'Fine-Tuning ROI Calculator';

test('the page carries link-preview metadata, and its preview image is a 1200×630 PNG shipped with the site', async () => {
  const context = await ctx.browser.newContext();
  const page = await context.newPage();
  await page.goto(ctx.base + '?training=4000');
  const tags = await previewTags(page);
  assert.equal(tags['og:title'], TITLE);
  assert.equal(tags['og:type'], 'website');
  assert.equal(tags['og:site_name'], 'FT-ROI');
  assert.match(tags['og:description'], /^Does fine-tuning an LLM pay off\? Break-even time and volume, net benefit and ROI/);
  assert.ok(tags['og:description'].length <= 200, 'a description unfurlers show whole');
  assert.equal(tags['twitter:title'], TITLE);
  assert.equal(tags['twitter:description'], tags['og:description']);
  if (!process.env.FT_ROI_PUBLIC_URL) {
    // Built without an address: a small card, and no image tag an unfurler could not fetch.
    assert.equal(tags['twitter:card'], 'summary');
    for (const key of ['og:image', 'og:url', 'twitter:image']) assert.equal(tags[key], undefined, key);
  }
  const image = await loadImage(page, ctx.base + 'preview.png');
  assert.deepEqual(image, { status: 200, type: 'image/png', width: 1200, height: 630 });
  await context.close();
});

test('FT_ROI_PUBLIC_URL at build time gives absolute image tags that load, through the post_build hook', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'ft-roi-preview-'));
  await cp(dist, dir, { recursive: true });
  // Served under a sub-path, as a real deployment may be; the address is the build setting.
  const { server, url } = await serve(dir, 0, '/tools/roi/');
  const hook = (env) => run('node', [join(root, 'tools', 'csp.mjs'), join(dir, 'index.html')], {
    env: { ...process.env, FT_ROI_PUBLIC_URL: '', ...env },
  });
  try {
    // The address without its trailing slash: it is a directory all the same.
    await hook({ FT_ROI_PUBLIC_URL: url.replace(/\/$/, '') });
    // Run twice: the tags are replaced, not repeated.
    await hook({ FT_ROI_PUBLIC_URL: url });
    const html = await readFile(join(dir, 'index.html'), 'utf8');
    assert.equal(html.match(/property="og:image"/g).length, 1);

    const context = await ctx.browser.newContext();
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
    await page.goto(url + '?months=24');
    // The page still works under its strict policy.
    await page.waitForSelector('[data-metric="net_benefit"]');
    assert.equal(await page.locator('[data-metric="net_benefit"]').innerText(), '$14,300.00');
    const tags = await previewTags(page);
    assert.equal(tags['og:url'], url);
    assert.match(tags['og:image'], new RegExp(`^${url.replace(/[.?]/g, '\\$&')}preview\\.png\\?v=[0-9a-f]{12}$`));
    assert.equal(tags['twitter:image'], tags['og:image']);
    assert.equal(tags['twitter:card'], 'summary_large_image');
    assert.equal(tags['og:image:width'], '1200');
    assert.equal(tags['og:image:height'], '630');
    assert.equal(tags['og:image:type'], 'image/png');
    assert.ok(tags['og:image:alt'].length > 20);
    assert.equal(tags['twitter:image:alt'], tags['og:image:alt']);
    assert.deepEqual(await loadImage(page, tags['og:image']), { status: 200, type: 'image/png', width: 1200, height: 630 });
    assert.deepEqual(problems, []);
    await context.close();

    // Unset again: the image tags go.
    await hook({});
    const plain = await readFile(join(dir, 'index.html'), 'utf8');
    assert.doesNotMatch(plain, /<meta[^>]*"(og:image|og:url|twitter:image)/);
    assert.match(plain, /name="twitter:card" content="summary"/);
    // A value that is no absolute http(s) address fails the build with a message.
    for (const bad of ['example.com/roi', 'ftp://example.com/', 'https://example.com/?x=1']) {
      await assert.rejects(hook({ FT_ROI_PUBLIC_URL: bad }), (e) => /FT_ROI_PUBLIC_URL/.test(e.stderr), bad);
    }
  } finally {
    server.close();
    server.closeAllConnections();
    await rm(dir, { recursive: true, force: true });
  }
});
