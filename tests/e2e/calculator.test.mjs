// The calculator in a real browser, against the release build: seed
// figures, live updates, URL scenarios, bad input, statuses, keyboard,
// phone width and dark mode.
import { test } from 'node:test';
import { assert, metric, open, type } from './harness.mjs';

const SEED = {
  request_savings: '$0.008',
  monthly_net_savings: '$700.00',
  break_even_months: '3.57 months',
  training_recovery_requests: '312,500 requests',
  net_benefit: '$5,900.00',
  roi_percent: '159.46%',
  net_operating_savings: '$8,400.00',
  baseline_horizon_cost: '$24,000.00',
  finetuned_horizon_cost: '$18,100.00',
  investment: '$3,700.00',
  break_even_requests: '357,143 requests',
  break_even_volume: '38,542 requests/month',
};

test('the seed example shows the reference page figures', async () => {
  const t = await open();
  for (const [name, text] of Object.entries(SEED)) {
    const m = await metric(t.page, name);
    assert.equal(m?.text, text, name);
    assert.ok(Number.isFinite(Number(m.value)) && m.value !== '', `${name} data-value ${m.value}`);
  }
  assert.deepEqual(await metric(t.page, 'status'), {
    text: await t.page.locator('[data-metric="status"]').innerText(),
    value: 'positive',
  });
  assert.match(await t.page.locator('[data-metric="status"]').innerText(), /Positive projected ROI/);
  assert.equal((await metric(t.page, 'horizon_months')).text, '12-month horizon');
  assert.equal(Number((await metric(t.page, 'net_benefit')).value).toFixed(2), '5900.00');
  assert.equal(Number((await metric(t.page, 'roi_percent')).value).toFixed(4), '159.4595');
  // The formula panel substitutes the numbers.
  const formulas = await t.page.locator('[data-formula="monthly_net_savings"]').innerText();
  assert.match(formulas, /\$0\.008 × 100,000 − \$100 = \$700\.00/);
  await t.check();
});

test('typing updates every output live', async () => {
  const t = await open();
  await type(t.page, 'requests', '200000');
  assert.equal((await metric(t.page, 'monthly_net_savings')).text, '$1,500.00');
  assert.equal((await metric(t.page, 'net_benefit')).text, '$15,500.00');
  assert.equal((await metric(t.page, 'break_even_months')).text, '1.67 months');
  assert.equal((await metric(t.page, 'baseline_horizon_cost')).text, '$48,000.00');
  assert.match(await t.page.locator('[data-formula="monthly_net_savings"]').innerText(), /200,000/);
  await type(t.page, 'months', '24');
  assert.equal((await metric(t.page, 'horizon_months')).text, '24-month horizon');
  assert.equal((await metric(t.page, 'net_benefit')).text, '$33,500.00');
  await t.check();
});

test('a URL query scenario loads, missing keys keep their defaults', async () => {
  const t = await open('?training=1000&baseline=0.03&requests=50000&unknown=1');
  assert.equal(await t.page.inputValue('input[name="training"]'), '1000');
  assert.equal(await t.page.inputValue('input[name="maintenance"]'), '100');
  // s = 0.018, n = 0.018 × 50,000 − 100 = 800, 12 months: 9,600 − 1,000.
  assert.equal((await metric(t.page, 'request_savings')).text, '$0.018');
  assert.equal((await metric(t.page, 'monthly_net_savings')).text, '$800.00');
  assert.equal((await metric(t.page, 'net_benefit')).text, '$8,600.00');
  assert.equal((await metric(t.page, 'break_even_months')).text, '1.25 months');
  await t.check();
});

test('the three statuses each have a headline and a sentence', async () => {
  const cases = [
    ['?months=3', 'beyond_horizon', /Pays back after the horizon/, '3.57 months'],
    ['?maintenance=900', 'never', /Never breaks even/, 'Never'],
    ['', 'positive', /Positive projected ROI/, '3.57 months'],
    // Shrinking volume: paid back within the horizon, though the position
    // turns down again long after it (this once read "Never").
    ['?growth=-4&months=36', 'positive', /Positive projected ROI/, '3.81 months'],
    ['?growth=-4&months=3', 'beyond_horizon', /Pays back after the horizon/, '3.81 months'],
    // Too quick to show in hundredths: not "0.00", which reads as at once.
    ['?requests=123456789', 'positive', /Positive projected ROI/, 'under 0.01 months'],
  ];
  for (const [query, status, headline, breakEven] of cases) {
    const t = await open(query);
    const m = await metric(t.page, 'status');
    assert.equal(m.value, status, query);
    assert.match(m.text, headline);
    assert.ok(m.text.split('\n').filter((l) => l.trim()).length >= 2, 'headline and sentence');
    assert.equal((await metric(t.page, 'break_even_months')).text, breakEven);
    // The timeline tells the same story.
    const summary = await t.page.locator('[data-chart="timeline"] svg[role="img"]').getAttribute('aria-label');
    if (status === 'never') assert.match(summary, /never crosses zero/);
    else assert.match(summary, new RegExp(`crosses zero[^.]* at ${breakEven.replace(' months', '')} months`));
    await t.check();
  }
  const t = await open('?finetuned=0.03');
  assert.equal((await metric(t.page, 'training_recovery_requests')).text, 'Never');
  assert.equal((await metric(t.page, 'break_even_volume')).value, '');
  assert.match((await metric(t.page, 'break_even_volume')).text, /n\/a/);
  await t.check();
});

const BAD = [
  ['training', '', 'Enter a value.'],
  ['training', 'abc', 'Enter a plain number'],
  ['maintenance', '-5', 'Enter 0 or a positive number.'],
  ['maintenance', '\u22125', 'Enter 0 or a positive number.'],
  ['baseline', 'NaN', 'Enter a finite number.'],
  ['baseline', '1e999', 'Enter a finite number.'],
  ['finetuned', 'Infinity', 'Enter a finite number.'],
  ['requests', '1,000', 'thousands separators'],
  ['requests', '2e15', 'at most'],
  ['months', '12.5', 'whole number'],
  ['months', '0', '1 to 600'],
  ['months', '601', '1 to 600'],
];

test('bad input shows its message, keeps the text and shows no figure', async () => {
  const t = await open();
  for (const [name, text, message] of BAD) {
    await type(t.page, name, text);
    const input = t.page.locator(`input[name="${name}"]`);
    assert.equal(await input.inputValue(), text, 'the typed text stays');
    assert.equal(await input.getAttribute('aria-invalid'), 'true', `${name}=${text}`);
    assert.match(await t.page.locator(`[data-error="${name}"]`).innerText(), new RegExp(message.replace(/[.()]/g, '\\$&')));
    // The results say which field to fix, and no figure is shown.
    const fix = t.page.locator('[data-testid="fix-fields"]');
    assert.match(await fix.innerText(), /Check the highlighted fields/);
    assert.equal(await t.page.locator('[data-metric="net_benefit"]').count(), 0, `${name}=${text}`);
    assert.equal(await t.page.locator('[data-metric]').count(), 0, 'no stale figures');
    const body = await t.page.evaluate(() => document.body.innerText);
    assert.ok(!/NaN|Infinity|undefined/.test(body.replace(text, '')), `${name}=${text}`);
    // Restore and check that figures come back.
    await t.page.click('[data-testid="reset"]');
    assert.equal(await input.getAttribute('aria-invalid'), 'false');
    assert.equal((await metric(t.page, 'net_benefit')).text, '$5,900.00');
  }
  // Two bad fields are both listed.
  await type(t.page, 'training', 'x');
  await type(t.page, 'months', '0');
  const fix = await t.page.locator('[data-testid="fix-fields"]').innerText();
  assert.match(fix, /Training and setup cost/);
  assert.match(fix, /Horizon/);
  assert.deepEqual(t.problems, []);
  await t.page.context().close();
});

test('a malformed URL loads the good keys and flags the bad one', async () => {
  const t = await open('?training=%E0%A4%A&months=abc&baseline=0.05&&=&requests=' + '9'.repeat(5000));
  assert.equal(await t.page.inputValue('input[name="baseline"]'), '0.05');
  assert.equal(await t.page.getAttribute('input[name="months"]', 'aria-invalid'), 'true');
  assert.equal(await t.page.getAttribute('input[name="requests"]', 'aria-invalid'), 'true');
  assert.equal(await t.page.inputValue('input[name="months"]'), 'abc');
  assert.deepEqual(t.problems, []);
  await t.page.context().close();
});

test('arrow keys step a field and reset restores the example', async () => {
  const t = await open();
  const months = t.page.locator('input[name="months"]');
  await months.focus();
  await t.page.keyboard.press('ArrowUp');
  assert.equal(await months.inputValue(), '13');
  await t.page.keyboard.press('Shift+ArrowDown');
  assert.equal(await months.inputValue(), '3');
  assert.equal((await metric(t.page, 'status')).value, 'beyond_horizon');
  const baseline = t.page.locator('input[name="baseline"]');
  await baseline.focus();
  await t.page.keyboard.press('ArrowUp');
  assert.equal(await baseline.inputValue(), '0.021');
  await t.page.click('[data-testid="reset"]');
  assert.equal(await months.inputValue(), '12');
  assert.equal(await baseline.inputValue(), '0.02');
  assert.equal((await metric(t.page, 'net_benefit')).text, '$5,900.00');
  await t.check();
});

test('every input has a label and the results are announced', async () => {
  const t = await open();
  for (const name of ['training', 'maintenance', 'baseline', 'finetuned', 'requests', 'months']) {
    const id = await t.page.getAttribute(`input[name="${name}"]`, 'id');
    assert.equal(await t.page.locator(`label[for="${id}"]`).count(), 1, name);
  }
  assert.equal(await t.page.locator('[aria-live="polite"] [data-metric="net_benefit"]').count(), 1);
  await t.check();
});

test('usable at 360 px: no horizontal scrolling', async () => {
  const t = await open('', { viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true });
  const width = await t.page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `page is ${width}px wide`);
  assert.equal((await metric(t.page, 'net_benefit')).text, '$5,900.00');
  await t.check();
});

test('on a phone, once a field is edited, the headline figures follow the form in a bar that jumps to the results', async () => {
  const t = await open('', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const peek = t.page.locator('[data-testid="results-peek"]');
  const figures = async () => (await peek.locator('.peek-figure').allInnerTexts()).map((s) => s.trim());
  // Nothing covers the form until the user edits it.
  assert.equal(await peek.isVisible(), false);
  await type(t.page, 'months', '13');
  await type(t.page, 'months', '12');
  await peek.waitFor();
  assert.deepEqual(await figures(), ['Net benefit $5,900.00', 'ROI 159.46%', 'Break-even 3.57 months']);
  // Stuck to the bottom of the screen while the form is in view, above the
  // results card, which is below the fold.
  const box = await peek.boundingBox();
  assert.ok(Math.abs(box.y + box.height - (844 - 8)) <= 2, `peek bottom at ${box.y + box.height}`);
  const summary = await t.page.locator('#summary-title').boundingBox();
  assert.ok(summary.y > 844, `results at ${summary.y}`);
  // A field reached by keyboard is never hidden behind the bar.
  await t.page.focus('input[name="requests"]');
  for (let k = 0; k < 14; k++) {
    await t.page.keyboard.press('Tab');
    const [field, bar] = await t.page.evaluate(() => [document.activeElement, document.querySelector('[data-testid="results-peek"]')]
      .map((el) => { const r = el.getBoundingClientRect(); return { top: r.top, bottom: r.bottom, name: el.getAttribute('name') ?? el.textContent.slice(0, 20) }; }));
    if (field.name === bar.name) continue;
    assert.ok(field.bottom <= bar.top || field.top >= bar.bottom, `${field.name} at ${field.top}–${field.bottom} under the bar at ${bar.top}–${bar.bottom}`);
  }
  // It follows edits, says when a field is invalid, and jumps to the results.
  await type(t.page, 'months', '24');
  await t.page.waitForFunction(() => document.querySelector('[data-testid="results-peek"]').textContent.includes('$14,300.00'));
  await type(t.page, 'months', 'x');
  await peek.getByText('Check the highlighted fields').waitFor();
  await type(t.page, 'months', '12');
  await peek.locator('.peek-figure').first().waitFor();
  await peek.click();
  await t.page.waitForFunction(() => {
    const top = document.querySelector('#summary-title').getBoundingClientRect().top;
    return top >= 1 && top < innerHeight / 2;
  });
  assert.equal((await metric(t.page, 'net_benefit')).text, '$5,900.00');
  await t.check();
  // Beside the form on a wide screen, there is no bar.
  const wide = await open();
  assert.equal(await wide.page.locator('[data-testid="results-peek"]').isVisible(), false);
  await wide.check();
});

test('dark colour scheme follows the system setting', async () => {
  const light = await open('', { colorScheme: 'light' });
  const dark = await open('', { colorScheme: 'dark' });
  const bg = (p) => p.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  const [lb, db] = [await bg(light.page), await bg(dark.page)];
  assert.notEqual(lb, db);
  await light.check();
  await dark.check();
});
