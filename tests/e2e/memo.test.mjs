// The one-page decision memo (issue 31): "Print memo" prints the memo's
// layout; headless Chromium's PDF of it, at A4 and at Letter, has the
// verdict on page 1 and the formulas' appendix from page 2 (pdftotext,
// pdfinfo); its text is selectable. The Markdown memo export reads as the
// same decision document. Plain printing is as before.
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { assert, open, type } from './harness.mjs';

const words = (s) => s.replace(/\s+/g, ' ').trim();

/** Clicks "Print memo" with the browser's print dialog replaced by a counter; the memo's verdict. */
async function printMemo(page) {
  await page.evaluate(() => {
    window.printed = 0;
    window.print = () => { window.printed += 1; };
  });
  assert.equal(await page.getAttribute('html', 'data-print'), null);
  await page.click('[data-testid="print-memo"]');
  await page.waitForFunction(() => window.printed === 1);
  assert.equal(await page.getAttribute('html', 'data-print'), 'memo');
  return words(await page.locator('[data-memo="verdict"]').textContent());
}

/** The PDF of `page` at `format`: its page count and each page's text. */
async function pdf(page, format, name) {
  const path = `/tmp/ft-roi-memo-${name}-${format}.pdf`;
  await page.pdf({ path, format, printBackground: true });
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  const pages = Number(info.match(/^Pages:\s+(\d+)/m)[1]);
  const text = (k) => execFileSync('pdftotext', ['-f', String(k), '-l', String(k), '-layout', path, '-'], { encoding: 'utf8' });
  return { pages, first: words(text(1)), second: pages > 1 ? words(text(2)) : '' };
}

async function checkMemo(t, name) {
  let verdict = '';
  for (const format of ['A4', 'Letter']) {
    // Chromium's PDF fires afterprint, which ends the memo's layout: one click per print.
    verdict = await printMemo(t.page);
    assert.match(verdict, /^(Fine-tune|Do not fine-tune)/);
    const doc = await pdf(t.page, format, name);
    assert.ok(doc.pages >= 2, `${name} ${format}: ${doc.pages} pages`);
    // pdftotext -layout may break the sentence over lines: compare words.
    assert.ok(doc.first.includes(verdict), `${name} ${format}: the verdict on page 1:\n${doc.first}`);
    for (const part of ['Break-even timeline', 'Assumptions', 'Price sources', 'Projected net benefit']) {
      assert.ok(doc.first.includes(part), `${name} ${format}: ${part} on page 1`);
    }
    assert.ok(!doc.first.includes('Appendix: formulas'), `${name} ${format}: the appendix is not on page 1`);
    assert.ok(doc.second.startsWith('Appendix: formulas'), `${name} ${format}: page 2 starts with the appendix: ${doc.second.slice(0, 80)}`);
    // Nothing of the page around the memo is printed.
    assert.ok(!doc.first.includes('Export and import') && !doc.first.includes('See the decision'), `${name} ${format}: memo only`);
  }
  return verdict;
}

test('Print memo: one A4 or Letter page before the appendix, the verdict found by pdftotext', async () => {
  const t = await open('?months=24');
  const verdict = await checkMemo(t, 'example');
  assert.equal(verdict, words(await t.page.locator('[data-memo="verdict"]').textContent()));
  // Printing over (Chromium's PDF fired afterprint), the page prints as before.
  assert.equal(await t.page.getAttribute('html', 'data-print'), null);
  await t.page.emulateMedia({ media: 'print' });
  assert.equal(await t.page.locator('[data-testid="memo"]').isVisible(), false);
  assert.equal(await t.page.locator('input[name="requests"]').isVisible(), true);
  await t.page.emulateMedia({ media: 'screen' });
  assert.equal(await t.page.locator('[data-testid="memo"]').isVisible(), false, 'the memo is for print only');
  await t.check();
});

test('a full scenario (token bill, picked models, ranges, serving) still fits one page before the appendix', async () => {
  const t = await open('?cost_mode=tokens&requests=2000000&training_mode=itemized&maintenance_mode=itemized&requests_low=-40&requests_high=30&finetuned_low=-10&finetuned_high=40&ft_serving=hourly&ft_host_rate=1.7&ft_host_hours=730&growth=1&discount=8');
  await t.page.fill('input[name="base_model"]', 'openai/gpt-4.1-2025-04-14');
  await t.page.fill('input[name="ft_model"]', 'openai/ft:gpt-4.1-mini-2025-04-14');
  await t.page.locator('[data-catalogue-note="base_input_price"]').waitFor();
  await t.page.locator('[data-testid="uncertainty"][data-state="done"]').waitFor();
  await checkMemo(t, 'full');
  await printMemo(t.page);
  const doc = await pdf(t.page, 'A4', 'full');
  assert.match(doc.first, /as of \d{4}-\d{2}-\d{2}/, 'the price sources with their dates');
  assert.match(doc.first, /range /, 'the assumptions with their ranges');
  await t.check();
});

test('the Markdown memo export reads as the decision document', async () => {
  const t = await open('?months=24');
  const [dl] = await Promise.all([t.page.waitForEvent('download'), t.page.click('[data-testid="export-memo"]')]);
  assert.equal(dl.suggestedFilename(), 'ft-roi-memo.md');
  const md = await readFile(await dl.path(), 'utf8');
  const verdict = await printMemo(t.page);
  let from = 0;
  for (const part of ['# Decision memo: Current scenario', `**${verdict}**`, '## Key figures', '## Break-even timeline',
    '## Assumptions', '## Price sources', '## Appendix: formulas']) {
    const at = md.indexOf(part, from);
    assert.ok(at >= 0, `${part} in order in:\n${md}`);
    from = at + part.length;
  }
  assert.equal(await t.page.locator('[data-testid="data-status"]').innerText(), 'Downloaded ft-roi-memo.md.');
  await t.check();
});

test('with a field to fix, Print memo prints what to do instead of a blank page', async () => {
  const t = await open('?months=24');
  await type(t.page, 'requests', 'abc');
  await t.page.evaluate(() => {
    window.printed = 0;
    window.print = () => { window.printed += 1; };
  });
  await t.page.click('[data-testid="print-memo"]');
  await t.page.waitForFunction(() => window.printed === 1);
  const doc = await pdf(t.page, 'A4', 'invalid');
  assert.equal(doc.pages, 1);
  assert.ok(doc.first.includes('Fix the highlighted fields of the calculator to print its memo.'), doc.first);
  await t.check();
});
