// Issue 30, point 10: the page stays responsive while it counts. From the FIRST drop on (the
// reader chunk fetched and instantiated, the o200k_base vocabulary fetched and read into the
// tokenizer, then the file read in slices), no main-thread task runs over 50 ms: a
// PerformanceObserver for 'longtask' in the page, installed just before the drop, must see none.
import { test } from 'node:test';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assert, metric, open } from './harness.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Starts recording the page's long tasks (over 50 ms, as the browser defines them). */
async function watchLongTasks(page) {
  await page.evaluate(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push(Math.round(e.duration));
    }).observe({ type: 'longtask' });
  });
}

test('the first drop with o200k_base, the tokenizer build included, runs no main-thread task over 50 ms', async () => {
  const t = await open();
  const { page } = t;
  await page.locator('[data-testid="data-section"] > summary').click();
  await page.waitForSelector('[data-testid="data-file"]', { state: 'attached' });
  assert.equal(await page.locator('select[name="data_encoding"]').inputValue(), 'o200k_base');
  // About 1 MB: the fixture (12 examples, 576 tokens by OpenAI's tiktoken) 300 times.
  const fixture = await readFile(join(root, 'tests/fixtures/data/chat-valid.jsonl'));
  const copies = 300;
  // From a file on disk: a buffer would be turned into a File by a script in the page, a long
  // task of the test's own.
  const dir = await mkdtemp(join(tmpdir(), 'ft-roi-long-'));
  const path = join(dir, 'train.jsonl');
  await writeFile(path, Buffer.concat(Array(copies).fill(fixture)));
  await watchLongTasks(page);
  await page.setInputFiles('[data-testid="data-file"]', path);
  await page.waitForFunction((n) => document.querySelector('[data-metric="data_examples"]')?.getAttribute('data-value') === String(n), copies * 12, { timeout: 120_000 });
  assert.equal((await metric(page, 'data_tokens')).value, String(copies * 576));
  // Let a last task (the figures' rendering) end and be reported.
  await page.evaluate(() => new Promise((r) => setTimeout(r, 200)));
  const long = await page.evaluate(() => window.__longTasks);
  assert.deepEqual(long, [], `main-thread tasks over 50 ms (ms): ${long.join(', ')}`);
  await rm(dir, { recursive: true, force: true });
  await t.check();
});
