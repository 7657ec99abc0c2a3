// Accessibility and quality audit of the release bundle (not a test: it
// reports, it does not fail). Build first (trunk build --release), then:
//
//   node tools/audit.mjs            # dist/ (or $FT_ROI_DIST)
//
// (a) axe-core in headless Chromium: light mode, dark mode, and ?embed=1
//     (light and dark); prints every violation with its selector.
// (b) Lighthouse against the bundle served on 127.0.0.1, mobile (the
//     default, simulated slow 4G and a 4x slower CPU) and desktop presets;
//     prints the four category scores and every audit that lowers them.
// Writes target/audit-report.json.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { reachAll } from './approach.mjs';
import { serve } from './serve.mjs';

const root = join(import.meta.dirname, '..');
const dist = process.env.FT_ROI_DIST ?? join(root, 'dist');
const chromePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
process.env.CHROME_PATH ??= chromePath;
const require = createRequire(join(root, 'tools', 'package.json'));
const { chromium } = require('playwright-core');
const axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

async function axeRuns(base) {
  const browser = await chromium.launch({ executablePath: chromePath, args: ARGS });
  const out = [];
  try {
    for (const [name, query, colorScheme] of [
      ['light', '', 'light'], ['dark', '', 'dark'], ['embed', '?embed=1', 'light'], ['embed dark', '?embed=1', 'dark'],
    ]) {
      const context = await browser.newContext({ colorScheme, viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(base + query);
      await page.waitForSelector('[data-metric="net_benefit"]');
      // Every card, the ones held below the answer until they near the viewport included.
      if (!query.includes('embed')) await reachAll(page);
      // Evaluated over the DevTools protocol: the page keeps its real CSP.
      await page.evaluate(axeSource);
      const violations = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] }))
        .violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
          nodes: v.nodes.map((n) => ({ target: n.target.join(' '), html: n.html.slice(0, 160), summary: n.failureSummary })) })));
      out.push({ mode: name, url: base + query, violations });
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return out;
}

async function lighthouseRun(url, preset) {
  const chrome = await chromeLauncher.launch({
    chromePath,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
    }, preset === 'desktop' ? desktopConfig : undefined);
    const lhr = result.lhr;
    const categories = Object.fromEntries(Object.entries(lhr.categories).map(([id, c]) => [id, Math.round(c.score * 100)]));
    // What lowers each score: weighted audits below full marks, and opportunities.
    const lowering = {};
    for (const [id, c] of Object.entries(lhr.categories)) {
      lowering[id] = c.auditRefs
        .map((ref) => ({ ref, audit: lhr.audits[ref.id] }))
        .filter(({ ref, audit }) => audit && audit.score !== null && audit.score < 1
          && (ref.weight > 0 || audit.details?.type === 'opportunity' || audit.scoreDisplayMode === 'metricSavings'))
        .map(({ ref, audit }) => ({ id: ref.id, weight: ref.weight, score: audit.score, title: audit.title, displayValue: audit.displayValue ?? '' }));
    }
    const metrics = Object.fromEntries(['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index', 'interactive']
      .map((id) => [id, lhr.audits[id]?.displayValue ?? null]));
    return { preset, url, lighthouseVersion: lhr.lighthouseVersion, categories, metrics, lowering, runWarnings: lhr.runWarnings };
  } finally {
    await chrome.kill();
  }
}

/** The shared link the benchmark measures too (tools/perf.mjs). */
const LINK = '?v=1&training=4000&requests=150000&baseline=0.025';

const { server, url } = await serve(dist, 0, '/', { best: true });
let axe;
const lighthouses = [];
try {
  axe = await axeRuns(url);
  // The default page on both presets, and a shared link (its figures from the figures-first module, issue 32) on mobile.
  for (const [page, query, preset] of [['default page', '', 'mobile'], ['default page', '', 'desktop'], ['shared link', LINK, 'mobile']]) {
    lighthouses.push({ page, ...await lighthouseRun(url + query, preset) });
  }
} finally {
  server.close();
}

const line = (s = '') => console.log(s);
line(`FT-ROI audit of ${dist}`);
line();
line('(a) axe-core violations');
for (const run of axe) {
  const count = run.violations.reduce((n, v) => n + v.nodes.length, 0);
  line(`  ${run.mode}: ${run.violations.length} rule(s), ${count} node(s)`);
  for (const v of run.violations) {
    line(`    ${v.id} (${v.impact}): ${v.help}`);
    for (const n of v.nodes) line(`      at ${n.target}: ${n.summary.split('\n').slice(1).join(' ').trim()}`);
  }
}
line();
line('(b) Lighthouse');
for (const r of lighthouses) {
  line(`  ${r.page}, ${r.preset} (Lighthouse ${r.lighthouseVersion}): ${Object.entries(r.categories).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  line(`    ${Object.entries(r.metrics).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  for (const [category, audits] of Object.entries(r.lowering)) {
    for (const a of audits) line(`    - ${category}: ${a.id} (score ${a.score}, weight ${a.weight}) ${a.title} ${a.displayValue}`);
  }
  for (const w of r.runWarnings ?? []) line(`    warning: ${w}`);
}
await mkdir(join(root, 'target'), { recursive: true });
await writeFile(join(root, 'target', 'audit-report.json'), `${JSON.stringify({ date: new Date().toISOString(), dist, axe, lighthouse: lighthouses }, null, 2)}\n`);
line();
line('written: target/audit-report.json');
