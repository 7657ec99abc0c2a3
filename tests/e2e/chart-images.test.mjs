// Charts as images (issue 31): every chart's SVG and PNG downloads, captured
// and checked: the SVG parses and states the chart's title, the scenario's
// name, the date and the catalogue's price dates; the PNG decodes at twice
// the chart's CSS size; dark as shown; no request leaves the page; inside an
// embed on another origin too.
import { readFile } from 'node:fs/promises';
import { inflateSync } from 'node:zlib';
import { test } from 'node:test';
import { assert, ctx, open } from './harness.mjs';
import { calculator, hostSite } from './embed-fit.mjs';

/** Clicks control `format` of chart `chart` in `frame` and returns the download's name and bytes. */
async function download(page, frame, chart, format) {
  const [dl] = await Promise.all([
    page.waitForEvent('download'),
    frame.click(`[data-chart="${chart}"] [data-export="${format}"]`),
  ]);
  return { name: dl.suggestedFilename(), bytes: await readFile(await dl.path()) };
}

/** A PNG's width, height and first pixel (RGBA), read from its bytes. */
function png(bytes) {
  assert.deepEqual([...bytes.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10], 'PNG signature');
  assert.equal(bytes.toString('latin1', 12, 16), 'IHDR');
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  const [depth, colour] = [bytes[24], bytes[25]];
  const idat = [];
  for (let at = 8; at < bytes.length;) {
    const length = bytes.readUInt32BE(at);
    if (bytes.toString('latin1', at + 4, at + 8) === 'IDAT') idat.push(bytes.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  // Whatever the first row's filter, its first pixel is stored as it is.
  const channels = colour === 6 ? 4 : colour === 2 ? 3 : 1;
  assert.equal(depth, 8);
  return { width, height, pixel: [...raw.subarray(1, 1 + channels)] };
}

/** What the page makes of an SVG document: parse errors, root size, text, background. */
function readSvg(frame, text) {
  return frame.evaluate((xml) => {
    const doc = new DOMParser().parseFromString(xml, 'image/svg+xml');
    const root = doc.documentElement;
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      root: root.localName,
      width: Number(root.getAttribute('width')),
      height: Number(root.getAttribute('height')),
      text: [...doc.querySelectorAll('text')].map((t) => t.textContent).join(' | '),
      background: doc.querySelector('rect[data-background]')?.getAttribute('fill') ?? null,
      // Nothing it would fetch: no external href or url().
      external: /(?:href|src)="(?!#)[^"]+"|url\((?!#)/.test(xml),
      styled: doc.querySelectorAll('[fill][stroke][font-family]').length,
    };
  }, text);
}

const today = () => new Date().toISOString().slice(0, 10);
const luminance = ([r, g, b]) => 0.2126 * r + 0.7152 * g + 0.0722 * b;

/** Downloads and checks both images of every chart in `frame`. */
async function checkCharts(page, frame, charts, expect) {
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  for (const chart of charts) {
    const figure = frame.locator(`[data-chart="${chart}"]`);
    const title = (await figure.locator('h3').innerText()).trim();
    const box = await figure.locator('.plot svg').evaluate((s) => s.getBoundingClientRect().toJSON());

    const svg = await download(page, frame, chart, 'svg');
    assert.equal(svg.name, `ft-roi-${chart}.svg`);
    const read = await readSvg(frame, svg.bytes.toString('utf8'));
    assert.equal(read.error, null, `${chart}: the SVG parses`);
    assert.equal(read.root, 'svg');
    assert.equal(read.width, Math.round(box.width), `${chart}: SVG width`);
    assert.ok(read.height > Math.round(box.height), `${chart}: the caption above the chart`);
    // The title may wrap over lines in a narrow chart: compare its words.
    const words = read.text.replace(/ \| /g, ' ');
    assert.ok(words.includes(title), `${chart}: title in ${read.text}`);
    assert.ok(read.text.includes(expect.name), `${chart}: scenario name in ${read.text}`);
    assert.ok(read.text.includes(today()), `${chart}: date in ${read.text}`);
    for (const date of expect.prices ?? []) assert.ok(words.includes(date), `${chart}: price date ${date} in ${read.text}`);
    if (!expect.prices) assert.ok(!read.text.includes('catalogue prices'), read.text);
    assert.equal(read.external, false, `${chart}: self-contained`);
    assert.ok(read.styled > 3, `${chart}: computed styles written in`);

    const image = await download(page, frame, chart, 'png');
    assert.equal(image.name, `ft-roi-${chart}.png`);
    const decoded = png(image.bytes);
    assert.equal(decoded.width, 2 * Math.round(box.width), `${chart}: PNG width at 2x`);
    assert.equal(decoded.height, 2 * read.height, `${chart}: PNG height at 2x`);
    if (expect.dark) assert.ok(luminance(decoded.pixel) < 60, `${chart}: dark background ${decoded.pixel}`);
    else assert.ok(luminance(decoded.pixel) > 200, `${chart}: light background ${decoded.pixel}`);
    await frame.locator(`[data-chart="${chart}"] [role="status"]`).filter({ hasText: `Downloaded ft-roi-${chart}.png.` }).waitFor();
  }
  const away = requests.filter((u) => !u.startsWith(ctx.base) && !u.startsWith('blob:') && !u.startsWith('data:'));
  assert.deepEqual(away, [], 'no request leaves the page');
}

test('every chart downloads as SVG and as PNG at 2x, with its title, the scenario and the date', async () => {
  // A range on the volume: the simulation's distribution chart is there too.
  const t = await open('?months=24&requests_low=-30&requests_high=30');
  await t.page.locator('[data-chart="distribution"] .plot svg').waitFor();
  const charts = await t.page.locator('figure[data-chart]').evaluateAll((f) => f.map((e) => e.dataset.chart));
  assert.deepEqual(charts.sort(), ['distribution', 'timeline', 'tornado', 'volume']);
  for (const chart of charts) {
    assert.equal(await t.page.locator(`[data-chart="${chart}"] [data-export]`).count(), 2, chart);
  }
  await checkCharts(t.page, t.page.mainFrame(), charts, { name: 'Current scenario' });
  await t.check();
});

test('a dark page gives a dark image; a picked model puts its price dates in the image', async () => {
  const t = await open('?theme=dark&cost_mode=tokens&requests=2000000', { viewport: { width: 390, height: 900 } });
  await t.page.fill('input[name="base_model"]', 'openai/gpt-4.1-2025-04-14');
  await t.page.fill('input[name="ft_model"]', 'openai/ft:gpt-4.1-mini-2025-04-14');
  await t.page.locator('[data-catalogue-note="base_input_price"]').waitFor();
  const prices = await t.page.locator('[data-catalogue-note="base_input_price"]').innerText();
  const date = prices.match(/\d{4}-\d{2}-\d{2}/)[0];
  await checkCharts(t.page, t.page.mainFrame(), ['timeline'], { name: 'Current scenario', dark: true, prices: [date] });
  const svg = await download(t.page, t.page.mainFrame(), 'timeline', 'svg');
  const read = await readSvg(t.page.mainFrame(), svg.bytes.toString('utf8'));
  const rgb = read.background.match(/\d+/g).map(Number);
  assert.ok(luminance(rgb) < 60, `dark background ${read.background}`);
  await t.check();
});

test('inside an embed on another origin the downloads work too', async () => {
  const site = await hostSite({
    'index.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title><link rel="icon" href="data:,"></head>
<body><iframe id="calc" src="${calculator('embed=1&parts=summary,timeline').replace(/&/g, '&amp;')}" title="FT-ROI" style="width:100%;height:1400px;border:0"></iframe></body></html>`,
  });
  const context = await ctx.browser.newContext({ viewport: { width: 1000, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  try {
    await page.goto(site.url);
    const frame = page.frameLocator('#calc');
    await frame.locator('[data-chart="timeline"] [data-export="png"]').waitFor();
    const handle = await (await page.$('#calc')).contentFrame();
    await checkCharts(page, handle, ['timeline'], { name: 'Current scenario' });
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
    await site.close();
  }
});
