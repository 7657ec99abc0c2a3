// The model's end of life (issue 27) in a real browser: a picked
// fine-tuned model shutting down within the horizon is said in words, with
// the month (`ft_shutdown_month`); with a start month and a migration cost
// the lump moves break-even and the net benefit; without a start month the
// page warns against a horizon starting this month (the expectation is
// computed here from the same date) and says the figures leave it out;
// `start` and `ft_migration_cost` round-trip in a link; bad input per
// field; the picker and the catalogue dialog mark a model that has shut
// down or closed to new fine-tuning jobs, in words.
import { test } from 'node:test';
import { assert, metric, open, type, waitForParam } from './harness.mjs';

// gpt-3.5-turbo's fine-tune: shut down 2026-10-23 (OpenAI's deprecations page).
const GPT35 = 'openai/ft:gpt-3.5-turbo';
// gpt-4.1's fine-tune: no new jobs from 2027-01-06, shut down 2027-01-14 (third-party report).
const GPT41 = 'openai/ft:gpt-4.1-2025-04-14';

const note = (page) => page.locator('[data-testid="end-of-life"]');
const error = (page, name) => page.locator(`[data-error="${name}"]`).innerText();

/** Today's month index (year × 12 + month − 1) and date, as the page reads them (UTC). */
function today() {
  const now = new Date();
  return { month: now.getUTCFullYear() * 12 + now.getUTCMonth(), date: now.toISOString().slice(0, 10) };
}

/** The month index of a `YYYY-MM-DD` date. */
const monthOf = (date) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;

test('a model shutting down mid-horizon: the month in words and as a figure, the lump moves break-even and the net benefit', async () => {
  // The reference example (T = $2,500, $700 a month net, 12 months).
  const plain = await open('?v=1');
  const net = await metric(plain.page, 'net_benefit');
  const breakEven = await metric(plain.page, 'break_even_months');
  assert.equal(net.text, '$5,900.00');
  await plain.check();

  // Starting 2026-09, the shutdown on 2026-10-23 falls in month 2.
  const t = await open(`?v=1&ft_model=${encodeURIComponent(GPT35)}&start=2026-09`);
  await t.page.waitForSelector('[data-testid="end-of-life"]');
  assert.equal(await note(t.page).getAttribute('data-counted'), 'true');
  assert.match(await note(t.page).innerText(), /GPT-3\.5 Turbo, fine-tuned shuts down on 2026-10-23: month 2 of the horizon/);
  assert.match(await note(t.page).innerText(), /successor model at the same prices/);
  assert.deepEqual(await metric(t.page, 'ft_shutdown_month'), { text: 'month 2 of the horizon', value: '2' });
  // Without a migration cost no figure moves.
  assert.deepEqual(await metric(t.page, 'net_benefit'), net);
  assert.deepEqual(await metric(t.page, 'break_even_months'), breakEven);

  // A $1,000 migration at the end of month 2: −2,500 + 1,400 − 1,000, then
  // $700 a month: break-even at 5 months, net benefit $4,900.
  await type(t.page, 'ft_migration_cost', '1000');
  await t.page.waitForFunction(() => document.querySelector('[data-metric="net_benefit"]')?.innerText.trim() === '$4,900.00');
  assert.equal((await metric(t.page, 'break_even_months')).value, '5');
  assert.notEqual((await metric(t.page, 'break_even_months')).text, breakEven.text);

  // A start month after the horizon has passed it: no lump, the page says so.
  await type(t.page, 'start', '2025-10');
  await t.page.waitForFunction(() => document.querySelector('[data-metric="net_benefit"]')?.innerText.trim() === '$5,900.00');
  assert.equal(await metric(t.page, 'ft_shutdown_month'), null);
  assert.match(await note(t.page).innerText(), /month 13, after the horizon; no migration is counted/);
  // Already shut down when the horizon starts.
  await type(t.page, 'start', '2027-01');
  await t.page.waitForFunction(() => /before the horizon starts/.test(document.querySelector('[data-testid="end-of-life"]')?.innerText ?? ''));
  assert.equal(await metric(t.page, 'ft_shutdown_month'), null);
  await t.check();
});

test('without a start month the page warns against a horizon starting this month, and the figures leave it out', async () => {
  const now = today();
  for (const [id, shutdown] of [[GPT41, '2027-01-14'], [GPT35, '2026-10-23']]) {
    const t = await open(`?v=1&ft_model=${encodeURIComponent(id)}&ft_migration_cost=1000`);
    await t.page.waitForSelector('[data-testid="end-of-life-fields"]');
    const k = monthOf(shutdown) - now.month + 1;
    if (k >= 1 && k <= 12) {
      assert.equal(await note(t.page).getAttribute('data-counted'), 'false');
      const words = await note(t.page).innerText();
      assert.ok(words.includes(`shuts down on ${shutdown}`), words);
      assert.ok(words.includes(`(month ${k})`), words);
      assert.match(words, /The figures do not include it until you set the month the horizon starts\./);
    } else if (k < 1) {
      assert.match(await note(t.page).innerText(), new RegExp(`was shut down on ${shutdown}`));
    } else {
      assert.equal(await note(t.page).count(), 0);
    }
    // No figure depends on today's date: no month, no lump.
    assert.equal(await metric(t.page, 'ft_shutdown_month'), null);
    assert.equal((await metric(t.page, 'net_benefit')).text, '$5,900.00');
    await t.check();
  }
});

test('start and ft_migration_cost round-trip in a link', async () => {
  const t = await open(`?v=1&ft_model=${encodeURIComponent(GPT35)}`);
  await t.page.waitForSelector('input[name="start"]');
  await type(t.page, 'start', '2026-09');
  await type(t.page, 'ft_migration_cost', '1500');
  await waitForParam(t.page, 'start', '2026-09');
  await waitForParam(t.page, 'ft_migration_cost', '1500');
  const net = await metric(t.page, 'net_benefit');
  assert.equal(net.text, '$4,400.00');
  const fresh = await open(new URL(t.page.url()).search);
  await fresh.page.waitForSelector('input[name="start"]');
  assert.equal(await fresh.page.inputValue('input[name="start"]'), '2026-09');
  assert.equal(await fresh.page.inputValue('input[name="ft_migration_cost"]'), '1500');
  assert.deepEqual(await metric(fresh.page, 'net_benefit'), net);
  assert.equal((await metric(fresh.page, 'ft_shutdown_month')).value, '2');
  await fresh.check();
  await t.check();
});

test('bad input: each field its message, nothing typed is lost, a link opens with the fields flagged', async () => {
  const t = await open(`?v=1&ft_model=${encodeURIComponent(GPT35)}`);
  await t.page.waitForSelector('input[name="start"]');
  for (const [name, text, message] of [
    ['start', '2027-13', /Enter a month as YYYY-MM, like 2027-03 \(month 01 to 12\), or leave it empty\./],
    ['start', 'March', /Enter a month as YYYY-MM/],
    ['ft_migration_cost', '-5', /Enter 0 or a positive number\./],
  ]) {
    await type(t.page, name, text);
    await t.page.waitForFunction((n) => document.querySelector(`input[name="${n}"]`)?.getAttribute('aria-invalid') === 'true', name);
    assert.match(await error(t.page, name), message, name);
    assert.equal(await t.page.inputValue(`input[name="${name}"]`), text);
    // Fixed, the message goes.
    await type(t.page, name, name === 'start' ? '2026-09' : '0');
    await t.page.waitForFunction((n) => document.querySelector(`input[name="${n}"]`)?.getAttribute('aria-invalid') === 'false', name);
  }
  await t.check();

  const link = await open('?v=1&start=2027-13&ft_migration_cost=-5');
  await link.page.waitForSelector('input[name="start"]');
  assert.equal(await link.page.getAttribute('input[name="start"]', 'aria-invalid'), 'true');
  assert.equal(await link.page.getAttribute('input[name="ft_migration_cost"]', 'aria-invalid'), 'true');
  assert.equal(await link.page.inputValue('input[name="start"]'), '2027-13');
  assert.match(await error(link.page, 'start'), /Enter a month as YYYY-MM/);
  assert.match(await error(link.page, 'ft_migration_cost'), /Enter 0 or a positive number/);
  await link.check();
});

test('the picker and the catalogue dialog mark a model that has shut down or closed to new jobs, in words', async () => {
  const now = today();
  const t = await open(`?v=1&cost_mode=tokens&ft_model=${encodeURIComponent(GPT35)}`);
  const chosen = t.page.locator('[data-picker-chosen="ft_model"]');
  await chosen.waitFor();
  if (now.date >= '2026-10-23') {
    assert.equal(await chosen.locator('[data-life]').getAttribute('data-life'), 'shut-down');
    assert.match(await chosen.innerText(), /Shut down on 2026-10-23/);
  }
  // gpt-4.1's fine-tune: closed to new jobs from 2027-01-06, shut down (third-party) on 2027-01-14.
  await t.page.fill('input[name="ft_model"]', GPT41);
  const expected41 =
    now.date >= '2027-01-14'
      ? ['shut-down', 'Shut down on 2027-01-14 (third-party report)']
      : now.date >= '2027-01-06'
        ? ['closed', 'Closed to new fine-tuning jobs since 2027-01-06']
        : null;
  if (expected41) {
    assert.equal(await chosen.locator('[data-life]').getAttribute('data-life'), expected41[0]);
    assert.ok((await chosen.innerText()).includes(expected41[1]));
  } else {
    assert.equal(await chosen.locator('[data-life]').count(), 0);
  }

  await t.page.click('[data-testid="catalogue-open"]');
  await t.page.waitForSelector('[data-testid="catalogue-table"] tbody tr');
  const row = (id) => t.page.locator(`[data-testid="catalogue-table"] tr[data-entry="${id}"] [data-life]`);
  if (now.date >= '2026-10-23') {
    assert.equal(await row(GPT35).getAttribute('data-life'), 'shut-down');
    assert.equal((await row(GPT35).innerText()).trim(), 'Shut down on 2026-10-23');
    assert.equal((await row('openai/gpt-4.1-nano-2025-04-14').innerText()).trim(), 'Shut down on 2026-10-23 (third-party report)');
  }
  const [life41, words41] = expected41 ?? ['shuts-down', 'Shuts down on 2027-01-14 (third-party report)'];
  assert.equal(await row(GPT41).getAttribute('data-life'), life41);
  assert.equal((await row(GPT41).innerText()).trim(), words41);
  // Azure's two phases, without dates the facts give.
  assert.match(await row('azure/ft:gpt-4.1').innerText(), /Retires in two phases: training, then deployments 1 year later/);
  // A model without an end of life says nothing.
  assert.equal(await row('google/gemini-2.5-pro').count(), 0);
  await t.check();
});
