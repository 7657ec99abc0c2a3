// Issue 30, from your own data: training files dropped on the page are read there (the reader
// and the tokenizer's vocabulary fetched only then, from the page's own origin), their figures,
// line-numbered errors and warnings shown, Use these numbers filling the training builder with
// numbers only; a blocked reader chunk leaves a message; Cancel stops a large file; nothing of a
// file is sent, stored or put in the link.
import { test } from 'node:test';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assert, ctx, metric, open, waitForParam } from './harness.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixture = async (name) => ({ name, mimeType: 'application/jsonl', buffer: await readFile(join(root, 'tests/fixtures/data', name)) });

/** Opens the page with the data section open and its view loaded. */
async function openData(query = '') {
  const t = await open(query);
  await t.page.locator('[data-testid="data-section"] > summary').click();
  await t.page.waitForSelector('[data-testid="data-file"]', { state: 'attached' });
  return t;
}

async function drop(page, ...files) {
  await page.setInputFiles('[data-testid="data-file"]', files);
}

test('a valid chat file: exact o200k_base figures; the reader and vocabulary come only with the file, from the own origin; nothing stored or linked', async () => {
  const t = await openData();
  const { page } = t;
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  // Nothing of the reader before a file: no vocabulary, no reader chunk.
  await page.waitForTimeout(300);
  assert.ok(!requests.some((u) => u.includes('.tiktoken') || u.includes('datacount')), requests.join('\n'));
  assert.equal(await page.locator('select[name="data_encoding"]').inputValue(), 'o200k_base');
  await drop(page, await fixture('chat-valid.jsonl'));
  await page.waitForSelector('[data-metric="data_examples"]');
  // Counts printed by OpenAI's tiktoken for this file (tests/fixtures/data/reference.py).
  assert.equal((await metric(page, 'data_examples')).value, '12');
  assert.equal((await metric(page, 'data_invalid')).value, '0');
  assert.equal((await metric(page, 'data_tokens')).value, '576');
  // 12 examples: 3 × 12 < 100, so ⌊100 / 12⌋ = 8 epochs.
  assert.equal((await metric(page, 'data_epochs')).value, '8');
  assert.equal((await metric(page, 'data_trained_tokens')).value, '4608');
  // At the builder's training price, $30 per 1M tokens.
  assert.equal(Number((await metric(page, 'data_training_cost')).value), (4608 * 30) / 1e6);
  assert.equal((await metric(page, 'data_example_tokens_max')).value, '62');
  assert.equal(await page.locator('[data-chart="data_tokens_histogram"] li').count() > 0, true);
  assert.match(await page.locator('[data-testid="data-counted-with"]').innerText(), /exactly with o200k_base/);
  assert.ok(requests.some((u) => u.endsWith('/o200k_base.tiktoken')), requests.join('\n'));
  assert.ok(requests.some((u) => /split_datacount[^/]*\.wasm$/.test(u)) || requests.some((u) => u.includes('datacount')), requests.join('\n'));
  for (const u of requests) assert.ok(u.startsWith(ctx.base), `request left the origin: ${u}`);
  // Warnings apart from errors: one example has no system message.
  assert.match(await page.locator('[data-warning="no_system"]').innerText(), /2 examples without a system message \(lines 8, 9\)/);
  // A typed epochs count replaces the rule.
  await page.locator('input[name="data_epochs"]').fill('2');
  await page.waitForFunction(() => document.querySelector('[data-metric="data_trained_tokens"]')?.getAttribute('data-value') === '1152');
  await page.locator('input[name="data_epochs"]').fill('');
  // Nothing of the file in storage, the link or the page's exports.
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + location.href);
  for (const word of ['Marv', 'sarcastic', 'chat-valid']) assert.ok(!stored.includes(word), `${word} stored or linked`);
  await t.check();
});

test('Use these numbers fills the training builder, and the link carries the numbers only', async () => {
  const t = await openData();
  const { page } = t;
  await drop(page, await fixture('chat-valid.jsonl'));
  await page.waitForSelector('[data-metric="data_examples"]');
  await page.locator('[data-testid="data-use"]').click();
  await waitForParam(page, 'train_tokens', '48');
  const params = await page.evaluate(() => Object.fromEntries(new URLSearchParams(location.search)));
  assert.equal(params.training_mode, 'itemized');
  assert.equal(params.compute_mode, 'tokens');
  assert.equal(params.label_examples, '12');
  assert.equal(params.train_epochs, '8');
  assert.equal(await page.locator('input[name="train_tokens"]').inputValue(), '48');
  assert.ok(!decodeURIComponent(page.url()).includes('Marv'));
  await t.check();
});

test('bad lines are reported by reason with their line numbers; the rest is counted', async () => {
  const t = await openData();
  const { page } = t;
  await drop(page, await fixture('chat-bad.jsonl'));
  await page.waitForSelector('[data-metric="data_examples"]');
  assert.equal((await metric(page, 'data_examples')).value, '3');
  assert.equal((await metric(page, 'data_invalid')).value, '15');
  assert.equal((await metric(page, 'data_tokens')).value, String(45 + 42 + 29));
  const reason = (key) => page.locator(`[data-reason="${key}"]`).innerText();
  assert.match(await reason('not_json'), /3 lines \(2, 14, 17\)/);
  assert.match(await reason('no_messages'), /1 line \(16\)/);
  assert.match(await reason('other_format'), /1 line \(4\)/);
  assert.match(await reason('unknown_role'), /1 line \(9\)/);
  assert.match(await reason('missing_content'), /2 lines \(10, 11\)/);
  assert.match(await reason('no_assistant'), /1 line \(13\)/);
  assert.match(await page.locator('[data-warning="few_examples"]').innerText(), /at least 10/);
  await t.check();
});

test('cl100k_base and the estimate: the select changes the count; BOM and CRLF read the same', async () => {
  const t = await openData();
  const { page } = t;
  await page.selectOption('select[name="data_encoding"]', 'cl100k_base');
  await drop(page, await fixture('chat-valid.jsonl'));
  await page.waitForFunction(() => document.querySelector('[data-metric="data_tokens"]')?.getAttribute('data-value') === '606');
  await page.selectOption('select[name="data_encoding"]', 'o200k_base');
  await drop(page, await fixture('chat-crlf-bom.jsonl'));
  await page.waitForFunction(() => document.querySelector('[data-metric="data_tokens"]')?.getAttribute('data-value') === String(45 + 51 + 55 + 62));
  await page.selectOption('select[name="data_encoding"]', 'estimate');
  await drop(page, await fixture('chat-valid.jsonl'));
  await page.waitForFunction(() => /estimate at 4 characters per token/.test(document.querySelector('[data-testid="data-counted-with"]')?.innerText ?? ''));
  await t.check();
});

test('every training format: recognised, counted, its bad lines numbered', async () => {
  const t = await openData();
  const { page } = t;
  await page.selectOption('select[name="data_encoding"]', 'estimate');
  // (file, format, valid examples, a reason and its lines); tokens as reference.py prints them.
  const cases = [
    ['dpo.jsonl', 'openai_preference', 2, 'no_assistant', '(3, 4)', null],
    ['bedrock-claude.jsonl', 'bedrock_claude', 2, 'not_alternating', '(3, 4)', 26],
    ['bedrock-nova.jsonl', 'bedrock_nova', 1, 'missing_content', '(2)', 29],
    ['vertex-gemini.jsonl', 'vertex_gemini', 2, 'unknown_role', '(4)', 41],
    ['together-prompt-completion.jsonl', 'together_prompt_completion', 1, 'no_assistant', '(2)', 9],
    ['together-text.jsonl', 'together_text', 2, 'missing_content', '(3)', 18],
  ];
  for (const [file, format, examples, reason, lines, tokens] of cases) {
    await drop(page, await fixture(file));
    await page.waitForSelector(`[data-testid="data-file-report"][data-format="${format}"]`);
    assert.equal((await metric(page, 'data_examples')).value, String(examples), file);
    assert.ok((await page.locator(`[data-reason="${reason}"]`).innerText()).includes(lines), file);
    if (tokens !== null) assert.equal((await metric(page, 'data_tokens')).value, String(tokens), file);
  }
  // An OpenAI encoding on another provider's file says its counts are an estimate.
  await page.selectOption('select[name="data_encoding"]', 'o200k_base');
  await drop(page, await fixture('vertex-gemini.jsonl'));
  await page.waitForFunction(() => document.querySelector('[data-metric="data_tokens"]')?.getAttribute('data-value') === '43');
  assert.match(await page.locator('[data-testid="data-file-report"]').innerText(), /an estimate: counted with an OpenAI encoding/);
  await t.check();
});

test('an empty, binary, non-UTF-8 or other-shaped file gets one clear message', async () => {
  const t = await openData();
  const { page } = t;
  await drop(page, await fixture('empty.jsonl'), await fixture('binary.jsonl'), await fixture('latin1.jsonl'), await fixture('other-format.jsonl'));
  await page.waitForSelector('[data-testid="data-file-report"]');
  const messages = await page.locator('[data-testid="data-file-message"]').allInnerTexts();
  assert.equal(messages.length, 4);
  assert.match(messages[0], /empty/);
  assert.match(messages[1], /not a text file/);
  assert.match(messages[2], /not UTF-8 text \(line 2/);
  assert.match(messages[3], /Accepted, as JSONL .*OpenAI chat/);
  assert.equal(await metric(page, 'data_examples'), null);
  await t.check();
});

test('a blocked reader chunk leaves a message and the rest of the page works', async () => {
  const t = await openData();
  const { page } = t;
  await t.context.route('**/*datacount*.wasm', (route) => route.abort('failed'));
  await drop(page, await fixture('chat-valid.jsonl'));
  await page.waitForSelector('[data-testid="data-message"]');
  assert.match(await page.locator('[data-testid="data-message"]').innerText(), /could not be loaded/);
  await page.locator('input[name="requests"]').fill('20000');
  await page.waitForFunction(() => document.querySelector('[data-metric="net_benefit"]')?.getAttribute('data-value'));
  // The browser reports the refused fetch itself; the page reported it in its own words.
  t.problems.length = 0;
  await t.check();
});

test('Cancel stops a large file', async () => {
  const t = await openData();
  const { page } = t;
  await page.selectOption('select[name="data_encoding"]', 'estimate');
  const line = JSON.stringify({ messages: [{ role: 'user', content: 'hello '.repeat(50) }, { role: 'assistant', content: 'world '.repeat(50) }] });
  // About 130 MB, written to a temporary file (too large to pass as a buffer).
  const dir = await mkdtemp(join(tmpdir(), 'ft-roi-data-'));
  const path = join(dir, 'big.jsonl');
  await writeFile(path, `${line}\n`.repeat(200_000));
  await page.setInputFiles('[data-testid="data-file"]', path);
  await page.waitForSelector('[data-testid="data-progress"]');
  await page.waitForFunction(() => /lines/.test(document.querySelector('[data-testid="data-progress"]')?.innerText ?? ''));
  await page.locator('[data-testid="data-cancel"]').click();
  await page.waitForSelector('[data-testid="data-message"]');
  assert.match(await page.locator('[data-testid="data-message"]').innerText(), /Cancelled/);
  assert.equal(await metric(page, 'data_examples'), null);
  await rm(dir, { recursive: true, force: true });
  await t.check();
});
