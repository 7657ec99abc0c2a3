// A catalogue of bad and edge inputs through the real page. For each: a bad
// value gets its own field's message (and aria-invalid), results give way to
// the list of fields to fix, what was typed stays in the field, the page
// never shows NaN, Infinity or undefined, and it keeps working (reset brings
// back the example's figures). Accepted edge values compute.
import { test } from 'node:test';
import { assert, metric, open, type } from './harness.mjs';

// The messages of src/core/parse.rs (InputError's Display).
const EMPTY = 'Enter a value.';
const NOT_A_NUMBER = 'Enter a plain number, like 2500 or 0.012.';
const grouped = (plain, typed) => `Leave out thousands separators: write ${plain}, not ${typed}.`;
const GROUPED = grouped('1000', '1,000');
const decimalComma = (pointed) => `Write decimals with a point: ${pointed}.`;
const NOT_FINITE = 'Enter a finite number.';
const NEGATIVE = 'Enter 0 or a positive number.';
const TOO_LARGE = 'Enter at most 1,000,000,000,000,000 (1e15).';
const TOO_SMALL = 'Enter 0 or at least 0.000000001 (1e-9).';
const NOT_WHOLE = 'Enter a whole number of months.';
const MONTHS = 'Enter 1 to 600 months.';
const above = (max) => `Enter a number from 0 to ${max}.`;
const OK = null;

const long = (s, n = 10_000) => s.repeat(Math.ceil(n / s.length)).slice(0, n);

/** [field, text typed, expected message (OK: accepted), expected net benefit when accepted]. */
const CASES = [
  ['training', '', EMPTY],
  ['maintenance', '   ', EMPTY],
  ['requests', '-', NOT_A_NUMBER],
  ['requests', 'abc', NOT_A_NUMBER],
  ['training', '1e999', NOT_FINITE],
  ['baseline', 'NaN', NOT_FINITE],
  ['baseline', 'nan', NOT_FINITE],
  ['finetuned', 'Infinity', NOT_FINITE],
  ['finetuned', '-Infinity', NOT_FINITE],
  ['maintenance', 'inf', NOT_FINITE],
  ['requests', '1,000', GROUPED],
  ['training', '2,500.50', grouped('2500.50', '2,500.50')],
  ['months', ' 12 ', OK, '$5,900.00'],
  ['requests', ' 100000', OK, '$5,900.00'],
  ['requests', '0x10', NOT_A_NUMBER],
  ['training', '\u22125', NEGATIVE], // −5, Unicode minus
  ['training', '\u20135', NEGATIVE], // –5, en dash
  ['training', '-5', NEGATIVE],
  ['maintenance', '\u22120', OK],
  ['maintenance', '-0', OK],
  ['training', '+2500', OK, '$5,900.00'],
  ['requests', long('9'), NOT_FINITE], // 10,000 digits overflow to infinity
  ['requests', long('a'), NOT_A_NUMBER],
  ['training', `2500.${long('0', 9_995)}`, OK, '$5,900.00'], // a valid 10,000-character number
  ['requests', long('🚀', 4_000), NOT_A_NUMBER],
  ['requests', '🚀', NOT_A_NUMBER],
  ['training', '💯100', NOT_A_NUMBER],
  ['training', '1e15', OK],
  ['training', '1.1e15', TOO_LARGE],
  ['requests', '1000000000000000', OK],
  ['requests', '1000000000000001', TOO_LARGE],
  ['baseline', '1e15', OK],
  ['baseline', '1e-9', OK],
  ['baseline', '9e-10', TOO_SMALL],
  ['finetuned', '0.0000000001', TOO_SMALL],
  ['baseline', '0', OK],
  ['months', '1', OK],
  ['months', '600', OK],
  ['months', '0', MONTHS],
  ['months', '601', MONTHS],
  ['months', '12.5', NOT_WHOLE],
  ['months', '-12', MONTHS],
  ['months', '1e3', MONTHS],
  ['months', '12.0', OK, '$5,900.00'],
  ['months', 'Infinity', NOT_FINITE],
  ['ft_fallback_share', '100', OK],
  ['ft_fallback_share', '100.5', above(100)],
  ['base_cache_share', '101', above(100)],
  ['base_retry_rate', '1000', OK],
  ['base_retry_rate', '1001', above(1000)],
  ['base_input_price', '1e16', TOO_LARGE],
  ['ft_output_tokens', '−1', NEGATIVE],
  ['label_qa', '1000.1', above(1000)],
  ['label_examples', '1e15', OK],
  ['train_epochs', 'abc', NOT_A_NUMBER],
  ['retrain_per_year', '52', OK],
  ['retrain_per_year', '53', above(52)],
  ['support_hours', 'NaN', NOT_FINITE],
  ['monitoring', 'abc', NOT_A_NUMBER],
  ['curation_rate', '1e15', OK],
  ['setup_hours', '1,5', decimalComma('1.5')],
  ['other_one_time', '1.1e15', TOO_LARGE],
  ['compute_flat', '-1', NEGATIVE],
  ['accuracy_gain', '100', OK],
  ['accuracy_gain', '100.01', above(100)],
  ['error_value', 'undefined', NOT_A_NUMBER],
  ['requests', '<script>alert(1)</script>', NOT_A_NUMBER],
  ['training', '"><img src=x onerror=alert(1)>', NOT_A_NUMBER],
  ['requests', '１２', NOT_A_NUMBER], // full-width digits
  ['requests', '١٢٣', NOT_A_NUMBER], // Arabic-Indic digits
  ['requests', '1 000', grouped('1000', '1 000')],
  ['training', '$100', NOT_A_NUMBER],
  ['training', '.', NOT_A_NUMBER],
  ['training', '1e', NOT_A_NUMBER],
  ['requests', 'null', NOT_A_NUMBER],
];

const TOKENS = /^(base|ft)_/;
const ITEMIZED_TRAINING = /^(label_|compute_|curation_|setup_|other_one_time|train_)/;
const ITEMIZED_OPERATIONS = /^(monitoring|support_|retrain_)/;

/** Switches on the section that shows `field`. */
async function reveal(page, field) {
  if (TOKENS.test(field)) await page.check('input[name="cost_mode"][value="tokens"]');
  if (ITEMIZED_TRAINING.test(field)) await page.check('input[name="training_mode"][value="itemized"]');
  if (/^train_/.test(field)) await page.check('input[name="compute_mode"][value="tokens"]');
  if (ITEMIZED_OPERATIONS.test(field)) await page.check('input[name="maintenance_mode"][value="itemized"]');
  if (/^(accuracy_gain|error_value)$/.test(field)) {
    await page.evaluate(() => { for (const d of document.querySelectorAll('details')) d.open = true; });
  }
}

/** The page's text and markup, less every form of the typed text itself. */
async function pageText(page, typed) {
  let text = await page.evaluate(() => `${document.body.innerText}\n${document.body.innerHTML}`);
  if (typed.trim()) {
    const forms = [typed, encodeURIComponent(typed), new URLSearchParams({ k: typed }).toString().slice(2)];
    for (const form of forms) text = text.split(form).join('');
  }
  return text;
}

test(`a catalogue of ${CASES.length} bad and edge inputs`, async () => {
  assert.ok(CASES.length >= 40);
  const t = await open();
  const { page } = t;
  const seen = new Set();
  for (const [field, text, message, net] of CASES) {
    const label = `${field} = ${JSON.stringify(text.length > 40 ? `${text.slice(0, 20)}…(${text.length} chars)` : text)}`;
    seen.add(field);
    await reveal(page, field);
    const input = page.locator(`input[name="${field}"]`);
    if (text.length > 50) await input.fill(text); // typing 10,000 keys would take minutes
    else await type(page, field, text);
    assert.equal(await input.inputValue(), text, `${label}: the field keeps what was typed`);
    const error = page.locator(`[data-error="${field}"]`);
    if (message === OK) {
      assert.equal(await input.getAttribute('aria-invalid'), 'false', `${label}: accepted`);
      assert.equal((await error.innerText()).trim(), '', `${label}: no message`);
      const figure = await metric(page, 'net_benefit');
      assert.ok(figure, `${label}: results are shown`);
      if (net) assert.equal(figure.text, net, `${label}: net benefit`);
      assert.match(figure.value, /^-?\d/, `${label}: a finite net benefit`);
    } else {
      assert.equal((await error.innerText()).trim(), message, `${label}: its message`);
      assert.equal(await input.getAttribute('aria-invalid'), 'true', `${label}: aria-invalid`);
      // No figure is shown (builder breakdowns may stay, reading "n/a" with an empty data-value).
      const stale = await page.evaluate(() => [...document.querySelectorAll('[data-metric]')]
        .filter((e) => e.dataset.value !== '').map((e) => `${e.dataset.metric}=${e.dataset.value}`));
      assert.deepEqual(stale, [], `${label}: no stale figure`);
      assert.equal(await page.locator('[data-metric="net_benefit"]').count(), 0, `${label}: no net benefit`);
      const fix = await page.locator('[data-testid="fix-fields"]').innerText();
      assert.ok(fix.includes(message), `${label}: listed in the fields to fix`);
    }
    const shown = await pageText(page, text);
    for (const word of ['NaN', 'Infinity', 'undefined']) assert.ok(!shown.includes(word), `${label}: page shows ${word}`);
    // (The page's own figures-first script, at the end of the body, is not typed markup.)
    assert.equal(await page.locator('img[src="x"], body script:not([data-import])').count(), 0, `${label}: markup is not interpreted`);
    assert.deepEqual(t.problems, [], `${label}: no page or console error`);
    // The page keeps working.
    await page.click('[data-testid="reset"]');
    assert.equal((await metric(page, 'net_benefit'))?.text, '$5,900.00', `${label}: reset restores the example`);
    assert.equal(await page.locator('[aria-invalid="true"]').count(), 0, `${label}: no field left invalid after reset`);
  }
  assert.ok(seen.size >= 20, `covers ${seen.size} fields`);
  await t.check();
});

test('bad values in a link reach their fields, and the page still computes after fixing them', async () => {
  const query = `?v=1&requests=NaN&months=601&training=1%2C000&cost_mode=bogus&baseline=${encodeURIComponent('−5')}`;
  const t = await open(query);
  const { page } = t;
  const expect = { requests: NOT_FINITE, months: MONTHS, training: GROUPED };
  for (const [field, message] of Object.entries(expect)) {
    assert.equal((await page.locator(`[data-error="${field}"]`).innerText()).trim(), message, field);
  }
  assert.match(await page.locator('[data-error="cost_mode"]').innerText(), /^Choose one of the options\./);
  assert.equal(await page.locator('[data-metric="net_benefit"]').count(), 0);
  assert.ok(await page.locator('[data-notice="url"]').count(), 'the damaged link is flagged');
  const shown = (await pageText(page, 'NaN')).replace(/bogus/g, '');
  for (const word of ['NaN', 'Infinity', 'undefined']) assert.ok(!shown.includes(word), `page shows ${word}`);
  await page.check('input[name="cost_mode"][value="direct"]');
  // Direct entry shows the baseline field, with the link's bad value and its message.
  assert.equal(await page.inputValue('input[name="baseline"]'), '−5');
  assert.equal((await page.locator('[data-error="baseline"]').innerText()).trim(), NEGATIVE);
  await type(page, 'requests', '100000');
  await type(page, 'months', '12');
  await type(page, 'training', '2500');
  await type(page, 'baseline', '0.02');
  assert.equal((await metric(page, 'net_benefit'))?.text, '$5,900.00');
  await page.click('[data-testid="dismiss"]');
  await t.check();
});
