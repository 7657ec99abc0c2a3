// Accessibility: axe-core (from npm) finds no violation in the release page,
// in light and dark mode and in embed mode, with the default scenario, with
// a builder open and with an invalid field.
import { test } from 'node:test';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assert, open, type } from './harness.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const axePath = createRequire(join(root, 'tools', 'package.json')).resolve('axe-core/axe.min.js');
const axeSource = await readFile(axePath, 'utf8');

/**
 * Runs axe on the page as it is and returns its violations, one line per
 * node. axe is evaluated through the DevTools protocol, which the page's
 * CSP does not govern, so the page runs under its real policy.
 */
async function axe(page) {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    // axe's default rule set: WCAG 2.0-2.2 A and AA, and best practices.
    // target-size (on in Lighthouse) explicitly: the phone's results bar lies over fields.
    const result = await window.axe.run(document, { resultTypes: ['violations'], rules: { 'target-size': { enabled: true } } });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })),
    }));
  });
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${v.help}\n    at ${n.target}\n    ${n.summary.replace(/\n/g, '\n    ')}`));
}

for (const [name, query, options] of [
  ['light mode', '', { colorScheme: 'light' }],
  ['dark mode', '', { colorScheme: 'dark' }],
  ['embed mode', '?embed=1', { colorScheme: 'light' }],
  ['embed mode, dark', '?embed=1', { colorScheme: 'dark' }],
]) {
  test(`axe finds no violation: ${name}`, async () => {
    const t = await open(query, options);
    await t.page.waitForSelector('[data-metric="net_benefit"]');
    const found = await axe(t.page);
    assert.deepEqual(found, [], `\n${found.join('\n')}`);
    await t.check();
  });
}

test('axe finds no violation with six options side by side (issue 28), light and dark', async () => {
  const six = '?v=1&o3_kind=model&o4_kind=rag&o5_kind=finetune&o5_serving=capacity&o6_kind=distill&o6_name=Small';
  for (const colorScheme of ['light', 'dark']) {
    const t = await open(six, { colorScheme });
    await t.page.waitForSelector('[data-testid="options-view"] [data-option="6"]');
    const found = await axe(t.page);
    assert.deepEqual(found, [], `\n${found.join('\n')}`);
    await t.check();
  }
});

test('axe finds no violation with the builders open and a field invalid', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const t = await open('', { colorScheme });
    await t.page.click('[data-preset="classification"]');
    await t.page.check('input[name="training_mode"][value="itemized"]');
    await t.page.check('input[name="maintenance_mode"][value="itemized"]');
    await t.page.evaluate(() => { for (const d of document.querySelectorAll('details')) d.open = true; });
    const found = await axe(t.page);
    await type(t.page, 'requests', 'abc');
    await t.page.waitForSelector('[data-testid="fix-fields"]');
    found.push(...await axe(t.page));
    assert.deepEqual(found, [], `${colorScheme}:\n${found.join('\n')}`);
    await type(t.page, 'requests', '100000');
    await t.check();
  }
});

test('axe finds no violation on a phone with the results bar shown, light and dark', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const t = await open('', { colorScheme, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await type(t.page, 'requests', '120000');
    await t.page.locator('[data-testid="results-peek"]').waitFor();
    const found = await axe(t.page);
    // Halfway down the form too, where the bar lies over other fields.
    await t.page.evaluate(() => scrollTo(0, 900));
    found.push(...await axe(t.page));
    assert.deepEqual(found, [], `${colorScheme}:\n${found.join('\n')}`);
    await t.check();
  }
});

// Issue #16: the price catalogue's pickers, notes, changed mark, warning and dialog.
test('axe finds no violation with catalogue prices filled, one changed, and the catalogue open', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const t = await open('?v=1&cost_mode=tokens&training_mode=itemized&compute_mode=tokens&currency=EUR&fx_rate=0.9', { colorScheme });
    await t.page.fill('input[name="base_model"]', 'openai/gpt-4o-mini-2024-07-18');
    await t.page.fill('input[name="ft_model"]', 'openai/ft:gpt-4o-mini-2024-07-18');
    await type(t.page, 'ft_output_price', '7');
    await t.page.waitForSelector('[data-testid="catalogue-stale"]');
    await t.page.evaluate(() => { for (const d of document.querySelectorAll('details')) d.open = true; });
    let found = await axe(t.page);
    assert.deepEqual(found, [], `\n${found.join('\n')}`);
    await t.page.click('[data-testid="catalogue-open"]');
    await t.page.waitForSelector('[data-testid="catalogue-table"]');
    found = await axe(t.page);
    assert.deepEqual(found, [], `\n${found.join('\n')}`);
    await t.check();
  }
});

// Issue 25: a price the chosen model does not list, what a dialog pick did, and the capacity
// units' unit type picker with GPUs per unit.
test('axe finds no violation with an unlisted training price, a dialog pick and unit type pickers', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const t = await open('?v=1&training_mode=itemized&compute_mode=tokens&base_serving=capacity&ft_serving=capacity', { colorScheme });
    await t.page.click('[data-testid="catalogue-open"]');
    await t.page.click('tr[data-entry="azure/ft:gpt-4.1-mini"] button[data-pick="ft_model"]');
    await t.page.waitForSelector('[data-testid="catalogue-said"]');
    await t.page.fill('input[name="base_unit_type"]', 'gpu/h100-sxm');
    await type(t.page, 'base_unit_gpus', '4');
    await t.page.waitForSelector('.field[data-catalogue="unlisted"]');
    const found = await axe(t.page);
    assert.deepEqual(found, [], `${colorScheme}:\n${found.join('\n')}`);
    await t.check();
  }
});
