// Typed numbers and the number format, in the real page: with a decimal
// comma (de-DE) a single comma is the decimal mark, `1.000` is refused as
// ambiguous instead of read as one, the arrow keys write a comma, and a
// link carries the format with the text; switching back to a point format
// re-validates what was typed, losing nothing.
import { test } from 'node:test';
import { assert, metric, open, type, waitForParam } from './harness.mjs';

const AMBIGUOUS = 'Write 1000 if the point groups thousands, or 1,000 if it marks decimals.';

/** The message under field `name` ('' when none). */
async function message(page, name) {
  return (await page.locator(`[data-error="${name}"]`).innerText()).trim();
}

/** Every input's name and text, and every select's value, except `skip`. */
async function everyValue(page, skip) {
  return page.evaluate((skip) => [...document.querySelectorAll('input[name], select[name]')]
    .filter((e) => e.name !== skip && (e.type !== 'radio' || e.checked))
    .map((e) => `${e.name}=${e.value}`), skip);
}

test('a comma is the decimal mark in de-DE; 1.000 is refused there; en-US points to the point', async () => {
  const t = await open();
  const { page } = t;
  // Under en-US, with a point.
  await type(page, 'baseline', '0.025');
  const pointed = (await metric(page, 'net_benefit')).value;
  assert.equal(Math.round(Number(pointed)), 11900);

  await page.selectOption('select[name="currency"]', 'EUR');
  await page.selectOption('select[name="locale"]', 'de-DE');
  assert.equal((await metric(page, 'net_benefit')).text, '11.900,00\u00a0€');
  await type(page, 'baseline', '0,025');
  assert.equal(await message(page, 'baseline'), '');
  assert.equal(await page.getAttribute('input[name="baseline"]', 'aria-invalid'), 'false');
  assert.equal((await metric(page, 'net_benefit')).value, pointed, 'the same figure as 0.025 under en-US');
  await type(page, 'baseline', '0,02');
  assert.equal((await metric(page, 'net_benefit')).value, '5900');
  assert.equal((await metric(page, 'net_benefit')).text, '5.900,00\u00a0€');

  // The arrow keys step in the format's decimal mark.
  await page.focus('input[name="baseline"]');
  await page.keyboard.press('ArrowUp');
  assert.equal(await page.inputValue('input[name="baseline"]'), '0,021');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.inputValue('input[name="baseline"]'), '0,02');

  // A grouped-looking thousand is refused on its field; nothing else is lost.
  const before = await everyValue(page, 'training');
  await type(page, 'training', '1.000');
  assert.equal(await page.inputValue('input[name="training"]'), '1.000');
  assert.equal(await message(page, 'training'), AMBIGUOUS);
  assert.equal(await page.getAttribute('input[name="training"]', 'aria-invalid'), 'true');
  assert.equal(await page.locator('[data-metric="net_benefit"]').count(), 0, 'no stale figure');
  assert.ok((await page.locator('[data-testid="fix-fields"]').innerText()).includes(AMBIGUOUS));
  assert.deepEqual(await everyValue(page, 'training'), before, 'every other field keeps its text');
  assert.equal(await page.locator('[aria-invalid="true"]').count(), 1, 'only training is flagged');
  await type(page, 'training', '1000');
  assert.equal((await metric(page, 'net_benefit')).value, '7400');
  await type(page, 'training', '1.000');

  // The link carries the typed text and its format: it opens with the same
  // reading (and the same flag) for anyone.
  await waitForParam(page, 'baseline', '0,02');
  await waitForParam(page, 'locale', 'de-DE');
  await waitForParam(page, 'training', '1.000');
  const link = await open(new URL(page.url()).search);
  assert.equal(await link.page.inputValue('input[name="baseline"]'), '0,02');
  assert.equal(await message(link.page, 'baseline'), '');
  assert.equal(await message(link.page, 'training'), AMBIGUOUS);
  await type(link.page, 'training', '2500');
  assert.equal((await metric(link.page, 'net_benefit')).value, '5900');
  await link.check();

  // Back to en-US: the texts stay; 0,02 now points to the point, and 1.000
  // is one.
  await page.selectOption('select[name="locale"]', 'en-US');
  assert.equal(await page.inputValue('input[name="baseline"]'), '0,02');
  assert.equal(await page.inputValue('input[name="training"]'), '1.000');
  assert.equal(await message(page, 'baseline'), 'Write decimals with a point: 0.02.');
  assert.equal(await message(page, 'training'), '');
  await type(page, 'baseline', '0.02');
  // n = 700 a month for 12 months, less a training cost of 1.
  assert.equal((await metric(page, 'net_benefit')).value, '8399');
  await t.check();
});
