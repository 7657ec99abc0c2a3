// Issue 30, usage logs: a usage log dropped on the page (JSONL, JSON or CSV from OpenAI,
// Anthropic, Gemini, Bedrock, LiteLLM or OpenTelemetry) is told from training data and read
// there; its figures log_*, failed calls and line-numbered errors are shown; Use these numbers
// fills the baseline's token builder and the monthly requests with numbers only, and ranges
// come from the percentiles; Cancel stops a large log; nothing of a log is sent, stored, linked
// or logged.
import { test } from 'node:test';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assert, ctx, metric, open, waitForParam } from './harness.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixture = async (name) => ({ name, mimeType: 'application/octet-stream', buffer: await readFile(join(root, 'tests/fixtures/data/usage', name)) });

async function openData(query = '') {
  const t = await open(query);
  await t.page.locator('[data-testid="data-section"] > summary').click();
  await t.page.waitForSelector('[data-testid="data-file"]', { state: 'attached' });
  return t;
}

async function drop(page, ...files) {
  await page.setInputFiles('[data-testid="data-file"]', files);
}

const near = (a, b) => Math.abs(Number(a) - b) < 1e-6 * Math.max(1, Math.abs(b));

async function value(page, name) {
  const m = await metric(page, name);
  return m === null ? null : m.value;
}

test('each format: recognised, its figures computed as by hand, failed calls and bad lines numbered', async () => {
  const t = await openData();
  const { page } = t;
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  // (file, requests, mean input, mean cached, mean output, mean reasoning, days or null, failed lines, a reason and its lines)
  const cases = [
    ['openai-chat.jsonl', 3, 200, 40, 220 / 3, 400 / 3, 2, 'openai_chat_completions', '(line 3)', 'bad_count', '(7)'],
    ['openai-responses.json', 2, 1500, 400, 75, 100, 0.5, 'openai_responses', '(line 32)', null, null],
    ['openai-batch.jsonl', 2, 50, 15, 20, 0, 3, 'openai_batch', '(line 3)', null, null],
    ['anthropic-crlf-bom.jsonl', 3, 1300 / 3, 1000 / 3, 250 / 3, 100 / 3, null, 'anthropic_messages', '(lines 3, 5)', null, null],
    ['gemini.jsonl', 3, 300, 100 / 3, 80 / 3, 20, null, null, null, 'bad_count', '(4)'],
    ['bedrock-converse.json', 2, 325, 150, 30, 0, null, null, null, null, null],
    ['litellm.csv', 2, 100, 0, 25, 0, 3, 'litellm', '(line 4)', 'bad_csv', '(5)'],
    ['otel-genai.json', 2, 500, 50, 130, 20, 1, 'otel_genai', '(line 3)', null, null],
  ];
  for (const [file, n, input, cached, output, reasoning, days, failed, failedLines, reason, lines] of cases) {
    await drop(page, await fixture(file));
    await page.waitForSelector('[data-testid="log-file-report"]');
    await page.waitForFunction((f) => document.querySelector('[data-testid="log-file-report"] h4')?.innerText === f, file);
    assert.equal(await value(page, 'log_requests'), String(n), file);
    assert.ok(near(await value(page, 'log_input_tokens'), input), `${file} input`);
    assert.ok(near(await value(page, 'log_cached_tokens'), cached), `${file} cached`);
    assert.ok(near(await value(page, 'log_output_tokens'), output), `${file} output`);
    assert.ok(near(await value(page, 'log_reasoning_tokens'), reasoning), `${file} reasoning`);
    if (days === null) {
      assert.equal(await value(page, 'log_days'), '', `${file} has no timestamps`);
      assert.equal(await page.locator('input[name="log_period_days"]').count(), 1, file);
    } else {
      assert.ok(near(await value(page, 'log_days'), days), `${file} days`);
      assert.ok(near(await value(page, 'log_requests_per_month'), (n * 30.4375) / Math.max(1, days)), `${file} per month`);
    }
    if (failed) assert.ok((await page.locator(`[data-testid="log-failed"] [data-log-format="${failed}"]`).innerText()).includes(failedLines), file);
    if (reason) assert.ok((await page.locator(`[data-testid="log-errors"] [data-reason="${reason}"]`).innerText()).includes(lines), file);
  }
  // The percentiles (linear between the closest ranks): input 100, 300, 200.
  await drop(page, await fixture('openai-chat.jsonl'));
  await page.waitForFunction(() => document.querySelector('[data-metric="log_input_tokens_p90"]')?.getAttribute('data-value') === '280');
  assert.equal(await value(page, 'log_input_tokens_p10'), '120');
  assert.equal(await value(page, 'log_input_tokens_p50'), '200');
  assert.equal(await value(page, 'log_cached_share'), '20');
  assert.match(await page.locator('[data-testid="log-errors"]').innerText(), /Not JSON: 1 line \(5\)/);
  assert.match(await page.locator('[data-testid="log-models"]').innerText(), /gpt-4o-2024-08-06\s+2/);
  assert.ok(await page.locator('[data-chart="log_tokens_histogram"] li').count() > 0);
  // A usage log needs no tokenizer: no vocabulary was fetched; every request stayed on the origin.
  assert.ok(!requests.some((u) => u.includes('.tiktoken')), requests.join('\n'));
  for (const u of requests) assert.ok(u.startsWith(ctx.base), `request left the origin: ${u}`);
  await t.check();
});

test('no timestamps: the period typed gives the monthly requests; a bad period is said on its field', async () => {
  const t = await openData();
  const { page } = t;
  await drop(page, await fixture('anthropic-crlf-bom.jsonl'));
  await page.waitForSelector('input[name="log_period_days"]');
  assert.equal(await value(page, 'log_requests_per_month'), '');
  await page.locator('input[name="log_period_days"]').fill('-3');
  await page.waitForSelector('input[name="log_period_days"][aria-invalid="true"]');
  assert.equal(await value(page, 'log_requests_per_month'), '');
  await page.locator('input[name="log_period_days"]').fill('10');
  await page.waitForFunction(() => document.querySelector('[data-metric="log_requests_per_month"]')?.getAttribute('data-value') !== '');
  assert.ok(near(await value(page, 'log_requests_per_month'), (3 * 30.4375) / 10));
  await t.check();
});

test('Use these numbers fills the baseline token builder and the requests; ranges from the percentiles; the link carries numbers only; nothing stored', async () => {
  const t = await openData();
  const { page } = t;
  await drop(page, await fixture('openai-chat.jsonl'));
  await page.waitForSelector('[data-metric="log_requests"]');
  await page.locator('[data-testid="log-use"]').click();
  await waitForParam(page, 'base_input_tokens', '200');
  let params = await page.evaluate(() => Object.fromEntries(new URLSearchParams(location.search)));
  assert.equal(params.cost_mode, 'tokens');
  assert.equal(params.base_output_tokens, '73.33');
  assert.equal(params.base_reasoning_tokens, '133.33');
  assert.equal(params.base_cache_share, '20');
  // 3 requests over 2 days: 3 × 30.4375 ÷ 2 = 45.66 a month.
  assert.equal(params.requests, '46');
  assert.equal(await page.locator('input[name="base_input_tokens"]').inputValue(), '200');
  // Ranges: tokens per request 150, 370, 700 (mean 406.67, p10 194, p90 634); reasoning 0, 0, 400.
  await page.locator('[data-testid="log-ranges"]').click();
  await waitForParam(page, 'base_reasoning_tokens_high', '140');
  params = await page.evaluate(() => Object.fromEntries(new URLSearchParams(location.search)));
  assert.equal(params.baseline_low, '-52.3');
  assert.equal(params.baseline_high, '55.9');
  assert.equal(params.base_reasoning_tokens_low, '-100');
  // Every value in the link is a number or a choice, nothing of the file.
  const link = decodeURIComponent(page.url());
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
  for (const word of ['chatcmpl', 'gpt-4o-2024', 'o3-mini', 'openai-chat', 'not json']) {
    assert.ok(!link.includes(word), `${word} in the link`);
    assert.ok(!stored.includes(word), `${word} stored`);
  }
  await t.check();
});

test('a log and a training file dropped together: each read as what it is', async () => {
  const t = await openData();
  const { page } = t;
  await page.selectOption('select[name="data_encoding"]', 'estimate');
  const training = { name: 'chat-valid.jsonl', mimeType: 'application/jsonl', buffer: await readFile(join(root, 'tests/fixtures/data/chat-valid.jsonl')) };
  await drop(page, await fixture('gemini.jsonl'), training, await fixture('litellm.csv'));
  await page.waitForSelector('[data-metric="log_requests"]');
  await page.waitForSelector('[data-metric="data_examples"]');
  assert.equal(await value(page, 'data_examples'), '12');
  // The logs together: 3 Gemini and 2 LiteLLM requests.
  assert.equal(await value(page, 'log_requests'), '5');
  assert.equal(await page.locator('[data-testid="log-file-report"]').count(), 2);
  await t.check();
});

test('Cancel stops a large log', async () => {
  const t = await openData();
  const { page } = t;
  const line = JSON.stringify({ id: 'chatcmpl-x', object: 'chat.completion', created: 1733011200, model: 'gpt-4o', choices: [{ message: { role: 'assistant', content: 'hello '.repeat(40) } }], usage: { prompt_tokens: 100, completion_tokens: 50 } });
  const dir = await mkdtemp(join(tmpdir(), 'ft-roi-logs-'));
  const path = join(dir, 'big-log.jsonl');
  await writeFile(path, `${line}\n`.repeat(400_000));
  await page.setInputFiles('[data-testid="data-file"]', path);
  await page.waitForSelector('[data-testid="data-progress"]');
  await page.waitForFunction(() => /lines/.test(document.querySelector('[data-testid="data-progress"]')?.innerText ?? ''));
  await page.locator('[data-testid="data-cancel"]').click();
  await page.waitForSelector('[data-testid="data-message"]');
  assert.match(await page.locator('[data-testid="data-message"]').innerText(), /Cancelled/);
  assert.equal(await metric(page, 'log_requests'), null);
  await rm(dir, { recursive: true, force: true });
  await t.check();
});
