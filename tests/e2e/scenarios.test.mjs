// Scenarios in a real browser: the address bar follows edits, links open in
// a fresh profile, autosave, named scenarios, corrupted storage, comparison,
// export/import and copying.
import { test } from 'node:test';
import { readFile } from 'node:fs/promises';
import { assert, ctx, metric, open, type, waitForParam, reachAll } from './harness.mjs';

const figures = async (page) => {
  const out = {};
  for (const name of ['net_benefit', 'roi_percent', 'break_even_months', 'monthly_net_savings', 'status']) {
    out[name] = (await metric(page, name))?.text;
  }
  return out;
};

const fieldValues = (page) =>
  page.$$eval('form.fields input', (inputs) => Object.fromEntries(inputs.map((i) => [i.name, i.value])));

test('edits update the address bar; the link opens the same scenario in a fresh profile', async () => {
  const t = await open();
  const historyBefore = await t.page.evaluate(() => history.length);
  await type(t.page, 'months', '24');
  await type(t.page, 'baseline', '0.000045');
  await type(t.page, 'finetuned', '0.00001');
  await type(t.page, 'requests', '1e12');
  await waitForParam(t.page, 'requests', '1e12');
  const url = new URL(t.page.url());
  assert.equal(url.searchParams.get('v'), '1');
  assert.equal(url.searchParams.get('months'), '24');
  assert.equal(url.searchParams.get('requests'), '1e12');
  assert.equal(url.searchParams.get('training'), null, 'defaults are omitted');
  assert.equal(await t.page.evaluate(() => history.length), historyBefore, 'no history entry per keystroke');
  const expected = await figures(t.page);
  const fresh = await open(url.search);
  assert.deepEqual(await figures(fresh.page), expected);
  assert.deepEqual(await fieldValues(fresh.page), await fieldValues(t.page));
  await fresh.check();
  await t.check();
});

test('the working scenario autosaves and comes back; a URL scenario wins', async () => {
  const t = await open();
  await type(t.page, 'training', '4000');
  await type(t.page, 'months', '18');
  await t.page.goto(ctx.base);
  await reachAll(t.page);
  await t.page.waitForSelector('input[name="training"]');
  assert.equal(await t.page.inputValue('input[name="training"]'), '4000');
  assert.equal(await t.page.inputValue('input[name="months"]'), '18');
  await t.page.reload();
  await reachAll(t.page);
  await t.page.waitForSelector('input[name="training"]');
  await t.page.waitForSelector('html[data-ready]', { state: 'attached' });
  assert.equal(await t.page.inputValue('input[name="months"]'), '18');
  await t.page.goto(ctx.base + '?months=6');
  await reachAll(t.page);
  await t.page.waitForSelector('input[name="training"]');
  assert.equal(await t.page.inputValue('input[name="months"]'), '6');
  assert.equal(await t.page.inputValue('input[name="training"]'), '2500');
  await t.check();
});

test('a reload right after a keystroke keeps it (the address bar is written when typing pauses)', async () => {
  // Opened from a link: its scenario is in the address bar.
  const t = await open('?months=18');
  // Typed, then reloaded at once, before the address bar has it.
  await t.page.fill('input[name="requests"]', '123456');
  assert.ok(!t.page.url().includes('123456'));
  await t.page.reload();
  await reachAll(t.page);
  await t.page.waitForSelector('html[data-ready]', { state: 'attached' });
  assert.equal(await t.page.inputValue('input[name="requests"]'), '123456');
  assert.equal(await t.page.inputValue('input[name="months"]'), '18');
  await t.page.waitForFunction(() => location.search.includes('requests=123456'));
  // A link opened in the same tab still wins over what the tab last wrote.
  await t.page.goto(ctx.base + '?requests=2000');
  await reachAll(t.page);
  await t.page.waitForSelector('html[data-ready]', { state: 'attached' });
  assert.equal(await t.page.inputValue('input[name="requests"]'), '2000');
  await t.page.reload();
  await reachAll(t.page);
  await t.page.waitForSelector('html[data-ready]', { state: 'attached' });
  assert.equal(await t.page.inputValue('input[name="requests"]'), '2000');
  await t.check();
});

// Saves the current scenario under a typed name: Enter in the name box
// (Save when the page is not linked to a saved scenario, Save as new when
// it is).
async function save(page, name) {
  await page.fill('input[name="scenario_name"]', name);
  await page.press('input[name="scenario_name"]', 'Enter');
}

const names = (page) => page.locator('[data-testid="scenario-name"]').allInnerTexts();

test('save, load, rename, duplicate, delete and undo named scenarios', async () => {
  const t = await open();
  await save(t.page, 'Baseline plan');
  await type(t.page, 'requests', '300000');
  await save(t.page, 'High volume');
  assert.deepEqual(await names(t.page), ['Baseline plan', 'High volume']);
  // Saving asks for a name when the page is not linked to a saved scenario;
  // an empty one is refused with a message.
  await t.page.click('[data-testid="new-scenario"]');
  await save(t.page, '   ');
  assert.equal(await t.page.getAttribute('input[name="scenario_name"]', 'aria-invalid'), 'true');
  // Load.
  const first = t.page.locator('[data-testid="saved-list"] li').first();
  await first.locator('[data-action="load"]').click();
  assert.equal(await t.page.inputValue('input[name="requests"]'), '100000');
  assert.equal((await metric(t.page, 'net_benefit')).text, '$5,900.00');
  // Rename.
  await first.locator('[data-action="rename"]').click();
  // The box takes focus with the old name selected: typing replaces it.
  await t.page.waitForFunction(() => document.activeElement?.dataset.testid === 'rename-input');
  await t.page.keyboard.type('Reference case');
  await t.page.keyboard.press('Enter');
  assert.deepEqual(await names(t.page), ['Reference case', 'High volume']);
  // Duplicate.
  await t.page.locator('[data-testid="saved-list"] li').nth(1).locator('[data-action="duplicate"]').click();
  assert.deepEqual(await names(t.page), ['Reference case', 'High volume', 'High volume (copy)']);
  // Delete, undo, delete again.
  await t.page.locator('[data-testid="saved-list"] li').nth(0).locator('[data-action="delete"]').click();
  assert.deepEqual(await names(t.page), ['High volume', 'High volume (copy)']);
  await t.page.click('[data-testid="undo-delete"]');
  assert.deepEqual(await names(t.page), ['Reference case', 'High volume', 'High volume (copy)']);
  await t.page.locator('[data-testid="saved-list"] li').nth(2).locator('[data-action="delete"]').click();
  // The library survives a reload.
  await t.page.reload();
  await reachAll(t.page);
  await t.page.waitForSelector('input[name="training"]');
  await t.page.waitForSelector('html[data-ready]', { state: 'attached' });
  assert.deepEqual(await names(t.page), ['Reference case', 'High volume']);
  await t.check();
});

test('while renaming, one click on another scenario\'s action both keeps the new name and acts', async () => {
  for (const width of [1280, 390]) {
    const t = await open('', { viewport: { width, height: 900 } });
    for (const name of ['First', 'Second', 'Third']) await save(t.page, name);
    const row = (k) => t.page.locator('[data-testid="saved-list"] li').nth(k);
    // Where the third row's Delete is on the page (not in the viewport).
    const top = () => row(2).locator('[data-action="delete"]').evaluate((b) => b.getBoundingClientRect().top + scrollY);
    const before = await top();
    await row(1).locator('[data-action="rename"]').click();
    await t.page.fill('[data-testid="rename-input"]', 'Second, renamed');
    // The rename box takes the name's place without moving the rows below.
    assert.ok(Math.abs((await top()) - before) < 1, `${width}px: the rows below a rename stay put`);
    // The click blurs the rename box (which commits) and lands on Delete.
    await row(2).locator('[data-action="delete"]').click();
    assert.deepEqual(await names(t.page), ['First', 'Second, renamed'], `${width}px`);
    await t.check();
  }
});

test('a scenario name with markup renders as text', async () => {
  const t = await open();
  let dialogs = 0;
  t.page.on('dialog', async (d) => { dialogs += 1; await d.dismiss(); });
  const evil = '<img src=x onerror=alert(1)>';
  await save(t.page, evil);
  assert.deepEqual(await names(t.page), [evil]);
  assert.equal(await t.page.locator('[data-testid="saved-list"] img').count(), 0);
  await t.page.locator(`[data-compare]`).nth(1).check();
  assert.equal(await t.page.locator('.compare img').count(), 0);
  await t.page.reload();
  await reachAll(t.page);
  await t.page.waitForSelector('[data-testid="scenario-name"]');
  assert.deepEqual(await names(t.page), [evil]);
  assert.equal(await t.page.locator('img').count(), 0);
  assert.equal(dialogs, 0);
  await t.check();
});

test('corrupted storage shows a notice, starts from defaults and keeps a backup', async () => {
  const t = await open();
  await t.page.evaluate(() => {
    localStorage.setItem('ft-roi:working', 'this is {not json');
    localStorage.setItem('ft-roi:scenarios', '{"version":99,"next_id":1,"scenarios":[]}');
  });
  await t.page.goto(ctx.base);
  await reachAll(t.page);
  await t.page.waitForSelector('input[name="training"]');
  const notices = await t.page.locator('[data-testid="notice"]').allInnerTexts();
  assert.equal(notices.length, 2, notices.join('\n'));
  assert.match(notices.join('\n'), /working scenario could not be read: it is not valid JSON/);
  assert.match(notices.join('\n'), /newer version/);
  assert.equal((await metric(t.page, 'net_benefit')).text, '$5,900.00');
  const backups = await t.page.evaluate(() => [
    localStorage.getItem('ft-roi:working:backup'),
    localStorage.getItem('ft-roi:scenarios:backup'),
  ]);
  assert.deepEqual(backups, ['this is {not json', '{"version":99,"next_id":1,"scenarios":[]}']);
  // The page keeps working, and notices can be dismissed.
  await type(t.page, 'months', '24');
  assert.equal((await metric(t.page, 'net_benefit')).text, '$14,300.00');
  // Let the autosave land, so that it cannot overwrite the payloads below.
  await waitForParam(t.page, 'months', '24');
  await t.page.locator('[data-testid="dismiss"]').first().click();
  assert.equal(await t.page.locator('[data-testid="notice"]').count(), 1);
  // Wrong shape and foreign data too.
  for (const payload of ['[1,2,3]', '{"version":1,"fields":{"training":5}}', 'null', '']) {
    await t.page.evaluate((p) => localStorage.setItem('ft-roi:working', p), payload);
    await t.page.goto(ctx.base);
    await reachAll(t.page);
    await t.page.waitForSelector('input[name="training"]');
    assert.equal(await t.page.locator('[data-notice="storage-working"]').count(), 1, payload);
    assert.equal(await t.page.evaluate(() => localStorage.getItem('ft-roi:working:backup')), payload);
  }
  await t.check();
});

test('the address bar and autosave catch up when typing pauses, and at once when the tab is hidden', async () => {
  const t = await open();
  await type(t.page, 'months', '30');
  // Written once typing pauses.
  await waitForParam(t.page, 'months', '30');
  assert.match(await t.page.evaluate(() => localStorage.getItem('ft-roi:working')), /"months":"30"/);
  // A write still pending when the tab is hidden is flushed right then.
  await t.page.evaluate(() => {
    const input = document.querySelector('input[name="months"]');
    input.value = '31';
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  const saved = await t.page.evaluate(async () => {
    await Promise.resolve();
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    document.dispatchEvent(new Event('visibilitychange'));
    return [new URLSearchParams(location.search).get('months'), localStorage.getItem('ft-roi:working')];
  });
  assert.equal(saved[0], '31');
  assert.match(saved[1], /"months":"31"/);
  await t.check();
});

test('a failed storage write shows a notice and the calculator keeps working', async () => {
  const t = await open();
  await t.context.addInitScript(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await t.page.goto(ctx.base + '?months=24');
  await reachAll(t.page);
  await t.page.waitForSelector('input[name="training"]');
  await t.page.locator('[data-notice="storage-write"]').waitFor();
  assert.match(await t.page.locator('[data-notice="storage-write"]').innerText(), /quota/i);
  await type(t.page, 'months', '12');
  assert.equal((await metric(t.page, 'net_benefit')).text, '$5,900.00');
  assert.equal(await t.page.locator('[data-notice="storage-write"]').count(), 1);
  await t.check();
});

test('a link with a bad value loads the rest and shows a dismissible notice', async () => {
  const t = await open('?v=1&training=abc&months=24');
  const notice = t.page.locator('[data-notice="url"]');
  assert.match(await notice.innerText(), /Training and setup cost \(“abc”\)/);
  assert.equal(await t.page.inputValue('input[name="months"]'), '24');
  assert.equal(await t.page.inputValue('input[name="training"]'), 'abc');
  assert.equal(await t.page.getAttribute('input[name="training"]', 'aria-invalid'), 'true');
  await notice.locator('[data-testid="dismiss"]').click();
  assert.equal(await t.page.locator('[data-notice="url"]').count(), 0);
  const future = await open('?v=7&months=6');
  assert.equal(await future.page.locator('[data-notice="url-version"]').count(), 1);
  assert.equal(await future.page.inputValue('input[name="months"]'), '6');
  await future.check();
  await t.page.context().close();
});

test('compare three scenarios side by side', async () => {
  const t = await open();
  await save(t.page, 'Example');
  await type(t.page, 'finetuned', '0.008');
  await save(t.page, 'Cheaper model');
  await type(t.page, 'maintenance', '900');
  await t.page.locator('[data-compare="current"]').check();
  await t.page.locator('[data-compare]').nth(1).check();
  await t.page.locator('[data-compare]').nth(2).check();
  const table = t.page.locator('[data-testid="compare-table"]');
  const headers = await table.locator('thead th').allInnerTexts();
  // The current scenario goes by the name of the saved one it came from.
  assert.deepEqual(headers.map((h) => h.trim()), ['Figure', 'Cheaper model (current)', 'Example', 'Cheaper model']);
  const row = table.locator('tr[data-row="net_benefit"] td');
  const texts = (await row.allInnerTexts()).map((s) => s.split('\n')[0].trim());
  // Current: s = 0.012, n = 1,200 − 900 = 300, 12 months: 3,600 − 2,500.
  assert.deepEqual(texts, ['$1,100.00', '$5,900.00', '$10,700.00']);
  assert.deepEqual(await row.evaluateAll((tds) => tds.map((td) => td.dataset.best)), ['false', 'false', 'true']);
  assert.match(await row.nth(2).innerText(), /\+\$9,600\.00/);
  assert.equal(await table.locator('tr[data-row="months"] td').count(), 3);
  // A fourth pick is allowed, a fifth is not.
  await save(t.page, 'Fourth');
  await t.page.locator('[data-compare]').nth(3).check();
  await save(t.page, 'Fifth');
  assert.equal(await t.page.locator('[data-compare]').nth(4).isDisabled(), true);
  await t.check();
});

async function download(page, testid) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(`[data-testid="${testid}"]`)]);
  return { name: dl.suggestedFilename(), text: await readFile(await dl.path(), 'utf8') };
}

function parseCsv(text) {
  const rows = [];
  for (const line of text.trim().split('\r\n')) {
    const cells = [];
    let cur = '', quoted = false;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (quoted && c === '"' && line[i + 1] === '"') { cur += '"'; i++; }
      else if (c === '"') quoted = !quoted;
      else if (c === ',' && !quoted) { cells.push(cur); cur = ''; }
      else cur += c;
    }
    cells.push(cur);
    rows.push(cells);
  }
  return rows;
}

test('exports download and parse back to the same numbers; import restores', async () => {
  const t = await open('?training=3000&requests=150000');
  const nb = Number((await metric(t.page, 'net_benefit')).value);
  const json = await download(t.page, 'export-json');
  assert.equal(json.name, 'ft-roi-scenario.json');
  const doc = JSON.parse(json.text);
  assert.equal(doc.inputs.training, 3000);
  assert.equal(doc.inputs.requests, 150000);
  assert.equal(doc.results.net_benefit, nb);
  assert.equal(doc.results.status, 'positive');
  const csv = parseCsv((await download(t.page, 'export-csv')).text);
  assert.deepEqual(csv[0], ['kind', 'name', 'label', 'value', 'text']);
  const nbRow = csv.find((r) => r[1] === 'net_benefit');
  assert.equal(Number(nbRow[3]), nb);
  assert.equal(nbRow[4], (await metric(t.page, 'net_benefit')).text);
  // Comparison CSV.
  await save(t.page, 'Saved, "quoted"');
  await t.page.locator('[data-compare="current"]').check();
  await t.page.locator('[data-compare]').nth(1).check();
  const cmp = parseCsv((await download(t.page, 'export-compare-csv')).text);
  assert.deepEqual(cmp[0], ['name', 'label', 'Saved, "quoted" (current)', 'Saved, "quoted"']);
  // No binary noise (0.0006000000000000001) in the data files.
  for (const row of [...csv, ...cmp]) {
    for (const cell of row) {
      if (/^-?[0-9.]+$/.test(cell)) assert.ok(cell.replace(/^-?0*\.?0*|\./g, '').length <= 15, cell);
    }
  }
  assert.equal(Number(cmp.find((r) => r[0] === 'net_benefit')[2]), nb);
  // Import the JSON after changing the fields: the scenario comes back.
  await type(t.page, 'training', '1');
  await t.page.setInputFiles('[data-testid="import-file"]', { name: 'x.json', mimeType: 'application/json', buffer: Buffer.from(json.text) });
  await t.page.locator('[data-testid="data-status"]', { hasText: 'Imported' }).waitFor();
  assert.equal(await t.page.inputValue('input[name="training"]'), '3000');
  assert.equal(Number((await metric(t.page, 'net_benefit')).value), nb);
  // An invalid file changes nothing and says why, field by field.
  const bad = { ...doc, inputs: { ...doc.inputs, training: -5, months: 'soon' } };
  await t.page.setInputFiles('[data-testid="import-file"]', { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
  const errors = t.page.locator('[data-testid="import-errors"]');
  await errors.waitFor();
  // The earlier "Imported …" no longer describes the page.
  assert.equal((await t.page.locator('[data-testid="data-status"]').innerText()).trim(), '');
  assert.match(await errors.innerText(), /Training and setup cost: Enter 0 or a positive number\./);
  assert.match(await errors.innerText(), /Horizon: Enter a plain number/);
  assert.equal(await t.page.inputValue('input[name="training"]'), '3000');
  await t.page.setInputFiles('[data-testid="import-file"]', { name: 'junk.json', mimeType: 'application/json', buffer: Buffer.from('<html>') });
  await t.page.locator('[data-testid="import-errors"]', { hasText: 'not valid JSON' }).waitFor();
  await t.check();
});

test('copy link and copy as Markdown use the clipboard, with a fallback', async () => {
  const t = await open('?months=24', { permissions: ['clipboard-read', 'clipboard-write'] });
  await t.page.click('[data-testid="copy-link"]');
  await t.page.locator('[data-testid="copy-status"]', { hasText: 'Link copied' }).waitFor();
  assert.equal(await t.page.evaluate(() => navigator.clipboard.readText()), t.page.url());
  await t.page.click('[data-testid="copy-markdown"]');
  await t.page.locator('[data-testid="data-status"]', { hasText: 'Markdown' }).waitFor();
  const md = await t.page.evaluate(() => navigator.clipboard.readText());
  assert.match(md, /\| Projected net benefit \| \$14,300\.00 \|/);
  await t.check();
  // A browser that refuses the clipboard gets a selectable link instead.
  const r = await open('?months=24');
  await r.context.addInitScript(() => {
    navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
  });
  await r.page.reload();
  await reachAll(r.page);
  await r.page.waitForSelector('input[name="training"]');
  await r.page.waitForSelector('html[data-ready]', { state: 'attached' });
  await r.page.click('[data-testid="copy-link"]');
  const field = r.page.locator('[data-testid="share-url"]');
  await field.waitFor();
  assert.equal(await field.inputValue(), r.page.url());
  await r.check();
});

test('a loaded or saved scenario keeps its name: shown, updated by Save, kept by Save as new, in every export', async () => {
  const t = await open('', { permissions: ['clipboard-read', 'clipboard-write'] });
  const current = t.page.locator('[data-testid="current-name"]');
  assert.equal(await current.count(), 0, 'a new scenario has no name');
  await save(t.page, 'Plan A');
  assert.equal(await current.innerText(), 'Plan A');
  // Edits show as unsaved until Save writes them into the same entry.
  await type(t.page, 'training', '3000');
  await t.page.locator('[data-testid="current-scenario"]', { hasText: 'unsaved changes' }).waitFor();
  await t.page.click('[data-testid="save-scenario"]');
  assert.doesNotMatch(await t.page.locator('[data-testid="current-scenario"]').innerText(), /unsaved/);
  assert.deepEqual(await names(t.page), ['Plan A']);
  const stored = () => t.page.evaluate(() => JSON.parse(localStorage.getItem('ft-roi:scenarios')));
  assert.equal((await stored()).scenarios[0].fields.training, '3000');
  // Save as new keeps both; the page then works on the new one.
  await type(t.page, 'training', '4000');
  await t.page.click('[data-testid="save-as-new"]');
  assert.deepEqual(await names(t.page), ['Plan A', 'Plan A (2)']);
  assert.equal(await current.innerText(), 'Plan A (2)');
  assert.deepEqual((await stored()).scenarios.map((s) => s.fields.training), ['3000', '4000']);
  // Loading links the page to the loaded scenario, across a reload too.
  await t.page.locator('[data-scenario="1"] [data-action="load"]').click();
  assert.equal(await current.innerText(), 'Plan A');
  // (Once the address bar has caught up: a reload loads the address as it was.)
  await waitForParam(t.page, 'training', '3000');
  await t.page.waitForFunction(() => JSON.parse(localStorage.getItem('ft-roi:working')).linked_id === 1);
  await t.page.reload();
  await reachAll(t.page);
  await t.page.waitForSelector('[data-testid="saved-list"] li');
  assert.equal(await current.innerText(), 'Plan A');
  assert.equal(await t.page.inputValue('input[name="training"]'), '3000');
  // Its name is in the JSON, CSV and Markdown exports and the comparison.
  const json = JSON.parse((await download(t.page, 'export-json')).text);
  assert.equal(json.name, 'Plan A');
  const csv = parseCsv((await download(t.page, 'export-csv')).text);
  assert.deepEqual(csv[1], ['scenario', 'name', 'Scenario', '', 'Plan A']);
  await t.page.click('[data-testid="copy-markdown"]');
  await t.page.locator('[data-testid="data-status"]', { hasText: 'Markdown' }).waitFor();
  assert.match(await t.page.evaluate(() => navigator.clipboard.readText()), /^\*\*Plan A\*\*/);
  await t.page.locator('[data-compare="current"]').check();
  await t.page.locator('[data-compare="2"]').check();
  const headers = await t.page.locator('[data-testid="compare-table"] thead th').allInnerTexts();
  assert.deepEqual(headers.map((h) => h.trim()), ['Figure', 'Plan A (current)', 'Plan A (2)']);
  const cmp = parseCsv((await download(t.page, 'export-compare-csv')).text);
  assert.deepEqual(cmp[0], ['name', 'label', 'Plan A (current)', 'Plan A (2)']);
  // A rename follows into the name shown and exported.
  await t.page.locator('[data-scenario="1"] [data-action="rename"]').click();
  await t.page.fill('[data-testid="rename-input"]', 'Plan B');
  await t.page.press('[data-testid="rename-input"]', 'Enter');
  assert.equal(await current.innerText(), 'Plan B');
  assert.equal(JSON.parse((await download(t.page, 'export-json')).text).name, 'Plan B');
  // New scenario: unlinked, the figures kept; Save asks for a name again.
  await t.page.click('[data-testid="new-scenario"]');
  assert.equal(await current.count(), 0);
  assert.equal(await t.page.inputValue('input[name="training"]'), '3000');
  assert.equal(JSON.parse((await download(t.page, 'export-json')).text).name, 'Current scenario');
  assert.equal(await t.page.locator('[data-testid="save-as-new"]').count(), 0);
  // A preset, Reset and an import start a new scenario too.
  await t.page.locator('[data-scenario="1"] [data-action="load"]').click();
  await t.page.click('[data-preset="support"]');
  assert.equal(await current.count(), 0);
  await t.page.locator('[data-scenario="1"] [data-action="load"]').click();
  await t.page.click('[data-testid="reset"]');
  assert.equal(await current.count(), 0);
  assert.deepEqual(await names(t.page), ['Plan B', 'Plan A (2)']);
  await t.check();
});

test('CSV exports write names that would run as formulas as text; numbers stay numbers; JSON keeps names', async () => {
  const t = await open();
  const evil = ['=1+1', '@SUM(1,1)', '+1+1', '-1+1', '=HYPERLINK("http://example.invalid/","x")'];
  await type(t.page, 'training', '10000');
  for (const name of evil) await save(t.page, name);
  assert.deepEqual(await names(t.page), evil);
  // The comparison of four of them: every header cell shows as text.
  for (const id of ['1', '2', '3', '4']) await t.page.locator(`[data-compare="${id}"]`).check();
  const cmp = (await download(t.page, 'export-compare-csv')).text;
  const lines = cmp.split('\r\n');
  assert.equal(lines[0], `name,label,"'=1+1","'@SUM(1,1)","'+1+1","'-1+1"`);
  // Numbers stay plain numbers: −1,600 is -1600, not text.
  assert.equal(lines.find((l) => l.startsWith('net_benefit,')), 'net_benefit,Projected net benefit,-1600,-1600,-1600,-1600');
  assert.deepEqual(parseCsv(cmp)[0].slice(2), evil.slice(0, 4).map((n) => `'${n}`));
  // The scenario CSV of the last one (the page works on it).
  const csv = (await download(t.page, 'export-csv')).text;
  assert.match(csv, /\r\nscenario,name,Scenario,,"'=HYPERLINK\(""http:\/\/example\.invalid\/"",""x""\)"\r\n/);
  assert.match(csv, /\r\nresult,net_benefit,Projected net benefit,-1600,"−\$1,600\.00"\r\n/);
  for (const row of parseCsv(csv)) {
    for (const cell of row) assert.ok(!/^[=+@\t\r]/.test(cell) && !/^-[^0-9]/.test(cell), `cell ${JSON.stringify(cell)} would run`);
  }
  // JSON keeps the name exactly as typed.
  assert.equal(JSON.parse((await download(t.page, 'export-json')).text).name, evil[4]);
  await t.check();
});

test('a name typed while linked is never dropped, and a saved scenario is replaced only when the user says so', async () => {
  const t = await open();
  const stored = () => t.page.evaluate(() => JSON.parse(localStorage.getItem('ft-roi:scenarios')));
  const current = t.page.locator('[data-testid="current-name"]');
  await save(t.page, 'Plan A');
  assert.equal(await current.innerText(), 'Plan A');
  // Linked to Plan A, the user edits, types a new name and clicks the big Save.
  await type(t.page, 'training', '3000');
  await t.page.fill('input[name="scenario_name"]', 'Plan B');
  const linkedSave = t.page.locator('[data-testid="save-scenario"]');
  assert.equal((await linkedSave.innerText()).trim(), 'Save as new', 'the big Save says what it will do');
  assert.match(await t.page.locator('[data-testid="linked"]').innerText(), /“Plan B” is typed below.*“Plan A” stays as it was/);
  await linkedSave.click();
  assert.deepEqual(await names(t.page), ['Plan A', 'Plan B']);
  const lib = await stored();
  assert.deepEqual(lib.scenarios.map((s) => [s.name, s.fields.training ?? '2500']), [['Plan A', '2500'], ['Plan B', '3000']],
    'Plan A is not overwritten; the typed name is kept');
  assert.equal(await current.innerText(), 'Plan B');
  assert.match(await t.page.locator('[data-testid="scenarios-status"]').innerText(), /“Plan B” as a new scenario; “Plan A” stays/);
  // With the box empty, or holding the linked name, Save updates the linked one.
  await type(t.page, 'training', '3500');
  await t.page.fill('input[name="scenario_name"]', 'Plan B');
  assert.equal((await linkedSave.innerText()).trim(), 'Save');
  await linkedSave.click();
  assert.deepEqual(await names(t.page), ['Plan A', 'Plan B']);
  assert.equal((await stored()).scenarios[1].fields.training, '3500');
  // Unlinked, a name that is taken asks first: Cancel, Keep both, Replace it.
  await t.page.click('[data-testid="new-scenario"]');
  await type(t.page, 'training', '4000');
  await save(t.page, 'Plan A');
  const ask = t.page.locator('[data-testid="ask-replace"]');
  await ask.waitFor();
  assert.match(await ask.innerText(), /already named “Plan A”/);
  assert.equal((await stored()).scenarios[0].fields.training ?? '2500', '2500', 'nothing is written before the answer');
  await t.page.click('[data-testid="cancel-replace"]');
  assert.equal(await ask.count(), 0);
  assert.equal(await t.page.inputValue('input[name="scenario_name"]'), 'Plan A', 'the typed name stays after Cancel');
  await save(t.page, 'Plan A');
  await t.page.click('[data-testid="confirm-save-new"]');
  assert.deepEqual(await names(t.page), ['Plan A', 'Plan B', 'Plan A (2)']);
  await t.page.click('[data-testid="new-scenario"]');
  await type(t.page, 'training', '5000');
  await save(t.page, 'Plan B');
  await t.page.click('[data-testid="confirm-replace"]');
  assert.deepEqual(await names(t.page), ['Plan A', 'Plan B', 'Plan A (2)']);
  assert.deepEqual((await stored()).scenarios.map((s) => s.fields.training ?? '2500'), ['2500', '5000', '4000']);
  assert.equal(await current.innerText(), 'Plan B');
  await t.check();
});
