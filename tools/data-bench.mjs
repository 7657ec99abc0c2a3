// Issue 30's benchmark in the page: MB/s of a training file read, validated and counted in
// headless Chromium against the release build (dist/ or $FT_ROI_DIST), with each encoding,
// beside the native speed of the same code (`cargo bench --bench data`, run after it unless
// DATA_BENCH_NATIVE=0), and the longest main-thread task while reading (PerformanceObserver
// `longtask`; the tokenizer's one-time build is reported apart). Then the same for a usage log
// (about 50 MB of JSONL made from the usage fixtures: OpenAI, Gemini, Anthropic rows) read into
// the figures log_*. Prints; asserts nothing.
//
//   node tools/data-bench.mjs            # about 20 MB of chat JSONL made from the test fixture
//   DATA_BENCH_MB=50 node tools/data-bench.mjs
//   DATA_BENCH_ONLY=logs node tools/data-bench.mjs   # the usage log only
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from './serve.mjs';

const root = join(import.meta.dirname, '..');
const require = createRequire(join(root, 'tools', 'package.json'));
const { chromium } = require('playwright-core');
const dist = process.env.FT_ROI_DIST ?? join(root, 'dist');
const mb = Number(process.env.DATA_BENCH_MB ?? 20);

const fixture = await readFile(join(root, 'tests/fixtures/data/chat-valid.jsonl'));
const copies = Math.ceil((mb * 1e6) / fixture.length);
const dir = await mkdtemp(join(tmpdir(), 'ft-roi-bench-'));
const path = join(dir, 'train.jsonl');
await writeFile(path, Buffer.concat(Array(copies).fill(fixture)));
const bytes = copies * fixture.length;
const warmPath = join(dir, 'warm.jsonl');
await writeFile(warmPath, fixture);

// The usage log: the JSONL usage fixtures one after the other (11 requests a copy), repeated.
const logMb = Number(process.env.DATA_BENCH_LOG_MB ?? 50);
const logCopy = Buffer.concat(await Promise.all(['openai-chat.jsonl', 'gemini.jsonl', 'openai-batch.jsonl', 'anthropic-crlf-bom.jsonl'].map(async (n) => {
  let b = await readFile(join(root, 'tests/fixtures/data/usage', n));
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) b = b.subarray(3);
  return Buffer.concat([b, Buffer.from('\n')]);
})));
const logCopies = Math.ceil((logMb * 1e6) / logCopy.length);
const logPath = join(dir, 'usage.jsonl');
await writeFile(logPath, Buffer.concat(Array(logCopies).fill(logCopy)));
const logBytes = logCopies * logCopy.length;
const only = process.env.DATA_BENCH_ONLY ?? '';

const { server, url } = await serve(dist);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
try {
  for (const encoding of only === 'logs' ? [] : ['o200k_base', 'cl100k_base', 'estimate']) {
    const page = await (await browser.newContext()).newPage();
    await page.addInitScript(() => {
      window.__long = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__long.push(e.duration);
      }).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(url);
    await page.waitForSelector('html[data-ready]', { state: 'attached' });
    await page.locator('[data-testid="data-section"] > summary').click();
    await page.waitForSelector('[data-testid="data-file"]', { state: 'attached' });
    await page.selectOption('select[name="data_encoding"]', encoding);
    // Warm: the reader chunk and the tokenizer are built by a first small file (from disk: a
    // buffer would be made into a File by a script in the page, a long task of the bench's).
    await page.evaluate(() => { window.__long = []; });
    await page.setInputFiles('[data-testid="data-file"]', warmPath);
    await page.waitForSelector('[data-metric="data_examples"]');
    const warm = await page.evaluate(() => Math.max(0, ...window.__long));
    // The first drop's phases, from the reader's performance marks.
    const phases = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('ft-roi:')).map((m) => [m.name.slice(7), m.startTime])));
    if (phases['vocabulary-read'] !== undefined) {
      console.log(`first drop, ${encoding}: vocabulary read in ${(phases['vocabulary-read'] - phases['vocabulary-fetched']).toFixed(0)} ms (in steps), pattern compiled ${(phases['tokenizer-built'] - phases['vocabulary-read']).toFixed(0)} ms after it (warm-up included)`);
    }
    await page.evaluate(() => { window.__long = []; });
    const start = Date.now();
    await page.setInputFiles('[data-testid="data-file"]', path);
    await page.waitForFunction((n) => document.querySelector('[data-metric="data_examples"]')?.getAttribute('data-value') === String(n), copies * 12, { timeout: 600_000 });
    const secs = (Date.now() - start) / 1000;
    const longest = await page.evaluate(() => Math.max(0, ...window.__long));
    console.log(`page, ${encoding.padEnd(11)}: ${(bytes / 1e6 / secs).toFixed(1)} MB/s (${(bytes / 1e6).toFixed(1)} MB in ${secs.toFixed(2)} s); longest task while reading ${longest.toFixed(0)} ms; first drop (chunk, vocabulary, tokenizer build) longest task ${warm.toFixed(0)} ms`);
    await page.context().close();
  }
  {
    const page = await (await browser.newContext()).newPage();
    await page.addInitScript(() => {
      window.__long = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__long.push(e.duration);
      }).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(url);
    await page.waitForSelector('html[data-ready]', { state: 'attached' });
    await page.locator('[data-testid="data-section"] > summary').click();
    await page.waitForSelector('[data-testid="data-file"]', { state: 'attached' });
    // Warm: the reader chunk comes with a first small log.
    await page.setInputFiles('[data-testid="data-file"]', { name: 'warm.jsonl', mimeType: 'application/jsonl', buffer: logCopy });
    await page.waitForSelector('[data-metric="log_requests"]');
    await page.evaluate(() => { window.__long = []; });
    const start = Date.now();
    await page.setInputFiles('[data-testid="data-file"]', logPath);
    await page.waitForFunction((n) => document.querySelector('[data-metric="log_requests"]')?.getAttribute('data-value') === String(n), logCopies * 11, { timeout: 600_000 });
    const secs = (Date.now() - start) / 1000;
    const longest = await page.evaluate(() => Math.max(0, ...window.__long));
    console.log(`page, usage log JSONL: ${(logBytes / 1e6 / secs).toFixed(1)} MB/s (${(logBytes / 1e6).toFixed(1)} MB in ${secs.toFixed(2)} s); longest task while reading ${longest.toFixed(0)} ms`);
    await page.context().close();
  }
} finally {
  await browser.close();
  server.close();
  server.closeAllConnections?.();
  await rm(dir, { recursive: true, force: true });
}
if (process.env.DATA_BENCH_NATIVE !== '0') {
  spawnSync('cargo', ['bench', '--bench', 'data'], { cwd: root, stdio: 'inherit', env: only === 'logs' ? { ...process.env, DATA_BENCH_LOGS_ONLY: '1' } : process.env });
}
