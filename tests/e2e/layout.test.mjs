// Layout at every width: number inputs show their whole value, headline
// figures never break inside a number, tables scroll inside their card, the
// phone results bar never hides the field being edited, and accent-filled
// controls keep readable text whatever the accent.
import { test } from 'node:test';
import { assert, open } from './harness.mjs';

const PHONE = { isMobile: true, hasTouch: true };
// Every builder shown and every optional section open: all the inputs.
const ALL_INPUTS = '?cost_mode=tokens&training_mode=itemized&maintenance_mode=itemized&compute_mode=tokens&growth=1&accuracy_gain=1&requests=123456789';

/** Sets every number input to `value` (no input event: layout only) and returns those whose text is cut off. */
function cutOffInputs(page, value) {
  return page.evaluate((value) => [...document.querySelectorAll('input[inputmode]')]
    .filter((input) => input.getClientRects().length > 0)
    .map((input) => {
      input.value = value;
      const cut = input.scrollWidth > input.clientWidth;
      return { name: input.name, scroll: input.scrollWidth, client: input.clientWidth, cut };
    }));
}

test('number inputs show a 15-digit value whole at every width and in print', async () => {
  const widths = [320, 360, 390, 768, 900, 1024, 1280, 1440];
  for (const width of widths) {
    const t = await open(ALL_INPUTS, { viewport: { width, height: 1100 } });
    await t.page.locator('[data-chart="tornado"] input[name="sensitivity"]').waitFor();
    const inputs = await cutOffInputs(t.page, '123456789012345');
    assert.ok(inputs.length >= 30, `${width}px: ${inputs.length} inputs`);
    const cut = inputs.filter((i) => i.cut);
    assert.deepEqual(cut, [], `${width}px: cut off`);
    assert.ok(await t.page.evaluate(() => document.documentElement.scrollWidth) <= width, `${width}px: page overflows`);
    await t.check();
  }
  for (const width of [718, 1280]) {
    const t = await open(ALL_INPUTS, { viewport: { width, height: 1100 } });
    await t.page.locator('[data-chart="tornado"]').waitFor();
    await t.page.emulateMedia({ media: 'print' });
    const inputs = await cutOffInputs(t.page, '123456789012345');
    assert.ok(inputs.length >= 20, `print at ${width}px: ${inputs.length} inputs`);
    assert.deepEqual(inputs.filter((i) => i.cut), [], `print at ${width}px: cut off`);
    await t.check();
  }
});

