// The performance report of the release bundle (a benchmark, not a test: it
// never fails on timing). Run through tools/perf.sh, which builds first.
//
//   node tools/perf.mjs            # dist/ (or $FT_ROI_DIST)
//   PERF_LOADS=40 PERF_EDITS=2000 node tools/perf.mjs
//
// Prints, and writes to target/perf-report.json:
//   (a) the transfer size of every file the page loads, raw, gzip and brotli;
//   (b) cold load to first rendered results in headless Chromium (fresh
//       context, cache disabled), median and p95;
//   (c) edit-to-update latency, measured in the page: from dispatching an
//       input event to the net benefit, the monthly net savings formula and
//       all three charts showing the new value; median and p95;
//   (d) the native full-recompute benchmark (cargo bench --bench recompute),
//       when benches/recompute.rs exists;
//   (e) the size floor: the pure core alone as wasm (tools/core_size.rs:
//       every core entry point the page uses, no view), built like the page;
//   (f) the Monte Carlo simulation (issue #17), measured in the page at
//       10,000 draws of the reference scenario with growth over 60 months,
//       retraining, discounting and every estimate ranged: from an edit to
//       the distribution showing the new run, and the longest the main
//       thread was blocked meanwhile (the gap between two messages posted
//       to itself: what an input event would wait); and the native
//       benchmark (cargo bench --bench montecarlo).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { kb, measureDir, table, total } from './sizes.mjs';
import { serve } from './serve.mjs';

const root = join(import.meta.dirname, '..');
const dist = process.env.FT_ROI_DIST ?? join(root, 'dist');
const LOADS = Number(process.env.PERF_LOADS ?? 25);
const EDITS = Number(process.env.PERF_EDITS ?? 600);
const SIM_EDITS = Number(process.env.PERF_SIM_EDITS ?? 40);
/** The simulation's scenario: the native benchmark's (benches/montecarlo.rs). */
const SIM_QUERY = '?months=60&growth=1.5&growth_low=-1&growth_high=4&discount=8&maintenance_mode=itemized&retrain_cost=1500&retrain_per_year=2'
  + '&training_low=-20&training_high=50&maintenance_low=-20&maintenance_high=50&baseline_low=-10&baseline_high=10'
  + '&finetuned_low=-10&finetuned_high=40&requests_low=-50&requests_high=50';
const TARGETS = { pageBrotliBytes: 120_000, editP95Ms: 4, coldLoadMs: 150, simulationMs: 100, blockMs: 16 };
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const { chromium } = createRequire(join(root, 'tools', 'package.json'))('playwright-core');

function stats(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
  const r = (x) => Math.round(x * 1000) / 1000;
  return { n: s.length, min: r(s[0]), median: r(q(0.5)), p95: r(q(0.95)), max: r(s.at(-1)), mean: r(s.reduce((a, b) => a + b, 0) / s.length) };
}
const ms = (x) => `${x.toFixed(2)} ms`;
const mark = (ok) => (ok ? 'PASS' : 'FAIL');

// Records, in the page, when the results first render: an init script runs
// before any page script, so the observer sees the first insertion.
const RESULTS_PROBE = () => {
  window.__perf = { resultsAt: null };
  const seen = () => {
    if (window.__perf.resultsAt === null && document.querySelector('[data-metric="net_benefit"]')) {
      window.__perf.resultsAt = performance.now();
      return true;
    }
    return false;
  };
  new MutationObserver((_, mo) => { if (seen()) mo.disconnect(); })
    .observe(document, { childList: true, subtree: true });
};

async function coldLoads(browser, base) {
  const runs = [];
  const requested = new Set();
  // One warm-up load (not counted): the first context pays for process start-up.
  for (let i = -1; i < LOADS; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await page.addInitScript(RESULTS_PROBE);
    page.on('request', (r) => requested.add(r.url()));
    await page.goto(base, { waitUntil: 'load' });
    await page.waitForFunction(() => window.__perf.resultsAt !== null, null, { timeout: 30_000 });
    const t = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const wasm = performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm'));
      return {
        results: window.__perf.resultsAt,
        responseEnd: nav.responseEnd,
        domContentLoaded: nav.domContentLoadedEventEnd,
        load: nav.loadEventEnd,
        wasmFetched: wasm?.responseEnd ?? null,
        text: document.querySelector('[data-metric="net_benefit"]').textContent.trim(),
      };
    });
    if (i >= 0) runs.push(t);
    await context.close();
  }
  return { runs, requested: [...requested] };
}

async function editLatency(browser, base) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(base);
  await page.waitForSelector('[data-metric="net_benefit"]');
  const result = await page.evaluate(async (edits) => {
    const input = document.querySelector('input[name="requests"]');
    const net = () => document.querySelector('[data-metric="net_benefit"]')?.textContent;
    const formula = () => document.querySelector('[data-formula="monthly_net_savings"]')?.textContent;
    // Each chart redraws its markup on an update: a drawn element that is a
    // new node shows the chart has caught up.
    const charts = () => ['[data-chart="timeline"] [data-marker]', '[data-chart="volume"] [data-marker]', '[data-chart="tornado"] .bar']
      .map((selector) => document.querySelector(selector));
    // The next task: every microtask queued by the update (Leptos effects,
    // address bar, autosave) has run by then.
    const channel = new MessageChannel();
    const nextTask = () => new Promise((ok) => { channel.port1.onmessage = () => ok(performance.now()); channel.port2.postMessage(0); });
    const visible = [];
    const settled = [];
    let synchronous = 0;
    let unchanged = 0;
    const warmup = 30;
    for (let i = 0; i < edits + warmup; i++) {
      // Alternate values, never the same twice in a row.
      const value = String(100000 + ((i % 2) ? 1000 : 0) + (i % 97) * 10);
      const beforeNet = net();
      const beforeFormula = formula();
      const beforeCharts = charts();
      const changed = () => net() !== beforeNet && formula() !== beforeFormula && formula()?.includes(Number(value).toLocaleString('en-US'))
        && charts().every((node, k) => node && node !== beforeCharts[k]);
      let doneAt = null;
      const observer = new MutationObserver(() => { if (doneAt === null && changed()) doneAt = performance.now(); });
      observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
      const t0 = performance.now();
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      if (changed()) doneAt = performance.now();
      const sync = doneAt !== null;
      const t1 = await nextTask();
      observer.disconnect();
      if (doneAt === null && changed()) doneAt = t1;
      if (i < warmup) continue;
      if (doneAt === null) { unchanged++; continue; }
      if (sync) synchronous++;
      visible.push(doneAt - t0);
      settled.push(t1 - t0);
    }
    input.value = '100000';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await nextTask();
    return { visible, settled, synchronous, unchanged, final: net() };
  }, EDITS);
  await context.close();
  return { ...result, errors };
}

async function simulationLatency(browser, base) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(base + SIM_QUERY);
  await page.waitForSelector('[data-testid="uncertainty"][data-state="done"] [data-metric="net_benefit_p50"]');
  const result = await page.evaluate(async (edits) => {
    const input = document.querySelector('input[name="requests"]');
    const card = () => document.querySelector('[data-testid="uncertainty"]');
    const p50 = () => document.querySelector('[data-metric="net_benefit_p50"]')?.dataset.value;
    const updated = [];
    const blocked = [];
    const sync = [];
    let timedOut = 0;
    for (let i = 0; i < edits + 3; i++) {
      const before = p50();
      // Never the value already there: an edit that changes nothing runs nothing.
      const value = String(101000 + (i % 2 ? 1000 : 0) + (i % 89) * 10);
      let doneAt = null;
      const finished = () => card()?.dataset.state === 'done' && p50() !== before;
      const observer = new MutationObserver(() => { if (doneAt === null && finished()) doneAt = performance.now(); });
      observer.observe(document.body, { subtree: true, attributes: true, childList: true, characterData: true });
      // Messages posted to itself: the gap between two is how long the main
      // thread was busy, which is what an input event would wait.
      const channel = new MessageChannel();
      let last = 0, gap = 0, running = true;
      channel.port1.onmessage = () => {
        const now = performance.now();
        gap = Math.max(gap, now - last);
        last = now;
        if (running) channel.port2.postMessage(0);
      };
      const t0 = performance.now();
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      // The deterministic update (the input event and the microtasks it
      // queues) is (c)'s; the simulation's slices come in later tasks.
      const t1 = await new Promise((ok) => {
        const first = new MessageChannel();
        first.port1.onmessage = () => { first.port1.close(); ok(performance.now()); };
        first.port2.postMessage(0);
      });
      last = t1;
      channel.port2.postMessage(0);
      const deadline = performance.now() + 10_000;
      while (doneAt === null && performance.now() < deadline) await new Promise((ok) => setTimeout(ok, 5));
      running = false;
      observer.disconnect();
      channel.port1.close();
      if (i < 3) continue;
      if (doneAt === null) { timedOut++; continue; }
      updated.push(doneAt - t0);
      blocked.push(gap);
      sync.push(t1 - t0);
    }
    return { updated, blocked, sync, timedOut };
  }, SIM_EDITS);
  await context.close();
  return { ...result, errors };
}

function nativeBench() {
  if (!existsSync(join(root, 'benches', 'recompute.rs'))) {
    return { status: 'missing', output: 'benches/recompute.rs does not exist yet' };
  }
  const run = (bench) => spawnSync('cargo', ['bench', '--bench', bench], { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 });
  const r = run('recompute');
  const output = `${r.stdout ?? ''}${r.status === 0 ? '' : r.stderr ?? ''}`.trim();
  // Issue #17: the simulation's benchmark.
  const m = run('montecarlo');
  const simulation = `${m.stdout ?? ''}${m.status === 0 ? '' : m.stderr ?? ''}`.trim();
  return { status: r.status === 0 && m.status === 0 ? 'ok' : `failed (exit ${r.status}, ${m.status})`, output, simulation };
}

/** The brotli size of the core alone, built as the page is built. */
function coreFloor() {
  const run = (cmd, args) => spawnSync(cmd, args, { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 });
  const build = run('cargo', ['build', '--release', '--example', 'core_size', '--target', 'wasm32-unknown-unknown']);
  if (build.status !== 0) return { status: `build failed (exit ${build.status})` };
  const out = join(root, 'target', 'core-size');
  const bindgen = run('wasm-bindgen', ['--target', 'web', '--out-dir', out,
    join(root, 'target', 'wasm32-unknown-unknown', 'release', 'examples', 'core_size.wasm')]);
  if (bindgen.status !== 0) return { status: `wasm-bindgen failed (exit ${bindgen.status})` };
  const opt = run(join(root, 'tools', 'node_modules', '.bin', 'wasm-opt'), ['-Oz', '--enable-bulk-memory',
    '--enable-nontrapping-float-to-int', '--enable-sign-ext', '--enable-mutable-globals', '--enable-reference-types',
    join(out, 'core_size_bg.wasm'), '-o', join(out, 'core_size.opt.wasm')]);
  if (opt.status !== 0) return { status: `wasm-opt failed (exit ${opt.status})` };
  const bytes = readFileSync(join(out, 'core_size.opt.wasm'));
  const brotli = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  return { status: 'ok', raw: bytes.length, brotli };
}

const allFiles = await measureDir(dist);
const { server, url } = await serve(dist, 0, '/', { best: true });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ARGS });
const chromiumVersion = browser.version();
let loads;
let edits;
let sim;
try {
  loads = await coldLoads(browser, url);
  edits = await editLatency(browser, url);
  sim = await simulationLatency(browser, url);
} finally {
  await browser.close();
  server.close();
}

// (a) sizes of what the page requested.
const loadedNames = new Set(loads.requested.map((u) => basename(new URL(u).pathname) || 'index.html'));
const loaded = allFiles.filter((f) => loadedNames.has(basename(f.file)));
const pageTotal = total(loaded);
const notLoaded = allFiles.filter((f) => !loadedNames.has(basename(f.file))).map((f) => f.file);
// (b), (c)
const cold = stats(loads.runs.map((r) => r.results));
const coldPhases = {
  responseEnd: stats(loads.runs.map((r) => r.responseEnd)),
  domContentLoaded: stats(loads.runs.map((r) => r.domContentLoaded)),
  wasmFetched: stats(loads.runs.map((r) => r.wasmFetched ?? 0)),
  load: stats(loads.runs.map((r) => r.load)),
};
const visible = stats(edits.visible);
const settled = stats(edits.settled);
// (d), (e)
const bench = nativeBench();
const floor = coreFloor();

const checks = [
  { target: `whole page < ${kb(TARGETS.pageBrotliBytes)} brotli`, measured: kb(pageTotal.brotli), pass: pageTotal.brotli < TARGETS.pageBrotliBytes },
  { target: `edit-to-update p95 < ${TARGETS.editP95Ms} ms`, measured: ms(visible.p95), pass: visible.p95 < TARGETS.editP95Ms },
  { target: `cold load to results < ${TARGETS.coldLoadMs} ms (median)`, measured: ms(cold.median), pass: cold.median < TARGETS.coldLoadMs },
  { target: `cold load to results < ${TARGETS.coldLoadMs} ms (p95)`, measured: ms(cold.p95), pass: cold.p95 < TARGETS.coldLoadMs },
  // Issue #17.
  { target: `simulation: distribution up to date < ${TARGETS.simulationMs} ms after an edit (p95)`, measured: ms(stats(sim.updated).p95), pass: stats(sim.updated).p95 < TARGETS.simulationMs },
  { target: `simulation: no main-thread block > ${TARGETS.blockMs} ms (max)`, measured: ms(stats(sim.blocked).max), pass: stats(sim.blocked).max <= TARGETS.blockMs },
];

const report = {
  date: new Date().toISOString(),
  dist,
  chromium: chromiumVersion,
  sizes: { files: allFiles.map((f) => ({ ...f, loaded: loadedNames.has(basename(f.file)) })), pageTotal, notLoaded },
  coldLoad: { loads: LOADS, cacheDisabled: true, freshContextEachLoad: true, resultsRenderedMs: cold, phasesMs: coldPhases, texts: [...new Set(loads.runs.map((r) => r.text))] },
  editLatency: {
    edits: edits.visible.length,
    field: 'requests',
    visibleMs: visible,
    settledMs: settled,
    updatedSynchronously: edits.synchronous,
    neverUpdated: edits.unchanged,
    finalNetBenefit: edits.final,
    pageErrors: edits.errors,
  },
  simulation: {
    edits: sim.updated.length,
    draws: 10000,
    query: SIM_QUERY,
    editToDistributionMs: stats(sim.updated),
    longestBlockMs: stats(sim.blocked),
    deterministicUpdateMs: stats(sim.sync),
    neverUpdated: sim.timedOut,
    pageErrors: sim.errors,
  },
  nativeBench: bench,
  coreAloneWasm: floor,
  targets: checks,
};

const line = (s = '') => console.log(s);
line('FT-ROI performance report');
line(`bundle: ${dist}; Chromium ${report.chromium}`);
line();
line('(a) Transfer size of every file the page loads (gzip -9, brotli q11)');
line(table(loaded));
line(`page total: ${kb(pageTotal.raw)} raw, ${kb(pageTotal.gzip)} gzip, ${kb(pageTotal.brotli)} brotli`);
if (notLoaded.length) line(`in dist/ but not requested: ${notLoaded.join(', ')}`);
line();
line(`(b) Cold load to first rendered results, ${LOADS} loads, fresh context, cache disabled`);
line(`results rendered: median ${ms(cold.median)}, p95 ${ms(cold.p95)} (min ${ms(cold.min)}, max ${ms(cold.max)})`);
line(`  html responseEnd median ${ms(coldPhases.responseEnd.median)}, DOMContentLoaded ${ms(coldPhases.domContentLoaded.median)}, wasm fetched ${ms(coldPhases.wasmFetched.median)}, load ${ms(coldPhases.load.median)}`);
line();
line(`(c) Edit-to-update latency, ${edits.visible.length} edits of input[name=requests], measured in the page`);
line(`to net benefit, formula and the three charts updated: median ${ms(visible.median)}, p95 ${ms(visible.p95)} (max ${ms(visible.max)})`);
line(`to every queued microtask done (next task):          median ${ms(settled.median)}, p95 ${ms(settled.p95)}`);
line(`updated synchronously inside dispatchEvent: ${edits.synchronous} of ${edits.visible.length}; never updated: ${edits.unchanged}; page errors: ${edits.errors.length}`);
line();
line(`(d) Native full-recompute benchmark: ${bench.status}`);
if (bench.output) line(bench.output.split('\n').map((l) => `  ${l}`).join('\n'));
line();
line(`(e) Size floor, the pure core alone as wasm (tools/core_size.rs, no view): ${floor.status === 'ok'
  ? `${kb(floor.raw)} raw, ${kb(floor.brotli)} brotli (what the page's wasm weighs before Leptos and any view)` : floor.status}`);
line();
line(`(f) Monte Carlo simulation, 10,000 draws, ${sim.updated.length} edits of input[name=requests] (issue #17)`);
const simUpdated = stats(sim.updated);
const simBlocked = stats(sim.blocked);
const simSync = stats(sim.sync);
line(`edit to the distribution showing the new run: median ${ms(simUpdated.median)}, p95 ${ms(simUpdated.p95)} (max ${ms(simUpdated.max)})`);
line(`longest main-thread block after it:            median ${ms(simBlocked.median)}, p95 ${ms(simBlocked.p95)} (max ${ms(simBlocked.max)})`);
line(`the deterministic update first (to the next task): median ${ms(simSync.median)}, p95 ${ms(simSync.p95)}; never updated: ${sim.timedOut}; page errors: ${sim.errors.length}`);
if (bench.simulation) line(bench.simulation.split('\n').map((l) => `  ${l}`).join('\n'));
line();
line('Targets (issues 7 and 17)');
for (const c of checks) line(`  [${mark(c.pass)}] ${c.target}: ${c.measured}`);

await mkdir(join(root, 'target'), { recursive: true });
await writeFile(join(root, 'target', 'perf-report.json'), `${JSON.stringify(report, null, 2)}\n`);
line();
line('written: target/perf-report.json');
