// Several tabs of one browser share one library of saved scenarios: every
// change goes to the library as stored at that moment, every tab's list
// follows the others' changes without a reload, a change to a scenario
// another tab deleted offers to save it as new, and the working scenario
// stays per tab (issue #14).
import { test } from 'node:test';
import { assert, ctx, metric, openTabs, type, waitForParam, reachAll } from './harness.mjs';

const KEY = 'ft-roi:scenarios';

/** The stored library, parsed (null when absent). */
const stored = (page) => page.evaluate((key) => JSON.parse(localStorage.getItem(key)), KEY);

/** A tab's list as `[id, name]` pairs, in order. */
const list = (page) => page.$$eval('[data-testid="saved-list"] li', (items) =>
  items.map((li) => [Number(li.dataset.scenario), li.querySelector('[data-testid="scenario-name"]')?.textContent ?? null]));

/** Waits until a tab's list shows `expected` (`[id, name]` pairs). */
async function listShows(page, expected, what) {
  try {
    await page.waitForFunction((want) => {
      const got = [...document.querySelectorAll('[data-testid="saved-list"] li')].map((li) =>
        [Number(li.dataset.scenario), li.querySelector('[data-testid="scenario-name"]')?.textContent ?? null]);
      return JSON.stringify(got) === JSON.stringify(want);
    }, expected, { timeout: 5000 });
  } catch {
    assert.deepEqual(await list(page), expected, `${what}: the list follows the stored library`);
  }
}

const item = (page, id) => page.locator(`[data-testid="saved-list"] li[data-scenario="${id}"]`);

async function saveNamed(page, name) {
  await page.fill('input[name="scenario_name"]', name);
  await page.press('input[name="scenario_name"]', 'Enter');
}

async function rename(page, id, name) {
  await item(page, id).locator('[data-action="rename"]').click();
  await page.fill('[data-testid="rename-input"]', name);
  await page.press('[data-testid="rename-input"]', 'Enter');
}

test('the steps of issue 14: two tabs keep each other\'s saved scenarios', async () => {
  const t = await openTabs(2);
  const [tab1, tab2] = t.pages;
  await tab1.evaluate(() => localStorage.clear());
  for (const tab of t.pages) await tab.waitForSelector('[data-testid="saved-list"]', { state: 'attached' });
  // Tab 1 saves the reference scenario as A.
  await saveNamed(tab1, 'A');
  await listShows(tab1, [[1, 'A']], 'tab 1');
  // Tab 2, opened before and not reloaded, sees it at once.
  await listShows(tab2, [[1, 'A']], 'tab 2');
  // Tab 2 types 10000 into training and saves B.
  await type(tab2, 'training', '10000');
  await saveNamed(tab2, 'B');
  await listShows(tab2, [[1, 'A'], [2, 'B']], 'tab 2');
  await listShows(tab1, [[1, 'A'], [2, 'B']], 'tab 1');
  // Tab 1 renames A to A2.
  await rename(tab1, 1, 'A2');
  await listShows(tab1, [[1, 'A2'], [2, 'B']], 'tab 1');
  await listShows(tab2, [[1, 'A2'], [2, 'B']], 'tab 2');
  // Reload both.
  for (const tab of t.pages) {
    await tab.reload();
    await reachAll(tab);
    await tab.waitForSelector('[data-testid="saved-list"] li');
    assert.deepEqual(await list(tab), [[1, 'A2'], [2, 'B']]);
  }
  const library = await stored(tab1);
  assert.equal(library.next_id, 3);
  assert.deepEqual(library.scenarios.map((s) => [s.id, s.name]), [[1, 'A2'], [2, 'B']]);
  await item(tab1, 1).locator('[data-action="load"]').click();
  assert.equal((await metric(tab1, 'net_benefit')).text, '$5,900.00');
  await item(tab1, 2).locator('[data-action="load"]').click();
  assert.equal((await metric(tab1, 'net_benefit')).text, '−$1,600.00');
  await t.check();
});

/** A small seeded generator (mulberry32): the same operations every run. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The library as the page's rules change it, applied to one copy in order:
 * what the stored library must equal after every step.
 */
class Model {
  constructor() { this.next_id = 0; this.scenarios = []; }
  get(id) { return this.scenarios.find((s) => s.id === id); }
  fresh() {
    const id = Math.max(this.next_id, 1, ...this.scenarios.map((s) => s.id + 1));
    this.next_id = id + 1;
    return id;
  }
  unique(name, alternative) {
    let candidate = name;
    for (let n = 2; this.scenarios.some((s) => s.name === candidate); n += 1) candidate = alternative(n);
    return candidate;
  }
  save(name, training) {
    const same = this.scenarios.find((s) => s.name === name);
    if (same) { same.training = training; return same.id; }
    const id = this.fresh();
    this.scenarios.push({ id, name, training });
    return id;
  }
  saveNew(name, training) {
    const id = this.fresh();
    this.scenarios.push({ id, name: this.unique(name, (n) => `${name} (${n})`), training });
    return id;
  }
  duplicate(id) {
    const at = this.scenarios.findIndex((s) => s.id === id);
    const source = this.scenarios[at];
    const name = this.unique(`${source.name} (copy)`, (n) => `${source.name} (copy ${n})`);
    const copy = { id: this.fresh(), name, training: source.training };
    this.scenarios.splice(at + 1, 0, copy);
  }
  remove(id) {
    const at = this.scenarios.findIndex((s) => s.id === id);
    return { at, saved: this.scenarios.splice(at, 1)[0] };
  }
  restore(at, saved) {
    if (this.get(saved.id)) return;
    this.next_id = Math.max(this.next_id, saved.id + 1);
    this.scenarios.splice(Math.min(at, this.scenarios.length), 0, saved);
  }
}

test('three tabs, 72 random interleaved changes: every list follows the stored library, which follows every change in order', async () => {
  const t = await openTabs(3);
  const tabs = t.pages;
  await tabs[0].evaluate(() => localStorage.clear());
  for (const tab of tabs) await tab.waitForSelector('[data-testid="saved-list"]', { state: 'attached' });
  const rand = random(14);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const model = new Model();
  // Per tab: the scenario it is linked to (id and last known name), the
  // training text in its form, the deletion its Undo would take back.
  const state = tabs.map(() => ({ linked: null, training: '2500', deleted: null }));
  const counts = {};
  let k = 0;
  const STEPS = 72;
  for (let step = 0; step < STEPS; step += 1) {
    const p = Math.floor(rand() * tabs.length);
    const tab = tabs[p];
    const s = state[p];
    const ids = model.scenarios.map((x) => x.id);
    const linkedThere = s.linked && model.get(s.linked.id);
    const choices = ['save', 'save', 'edit'];
    if (ids.length) choices.push('rename', 'duplicate', 'delete', 'delete', 'load', 'load');
    if (s.linked) choices.push('save-linked', 'save-linked', 'save-as-new');
    if (s.deleted) choices.push('undo', 'undo');
    const op = pick(choices);
    counts[op] = (counts[op] ?? 0) + 1;
    const what = `step ${step}: tab ${p} ${op}`;
    k += 1;
    switch (op) {
      case 'edit': {
        s.training = pick(['1000', '2500', '4000', '10000', '777']);
        await tab.fill('input[name="training"]', s.training);
        break;
      }
      case 'save': {
        // A new scenario under a new name.
        if (s.linked) await tab.click('[data-testid="new-scenario"]');
        s.linked = null;
        const name = `S${k}`;
        await saveNamed(tab, name);
        s.linked = { id: model.save(name, s.training), name };
        break;
      }
      case 'save-as-new': {
        const name = `N${k}`;
        await saveNamed(tab, name);
        s.linked = { id: model.saveNew(name, s.training), name };
        break;
      }
      case 'save-linked': {
        await tab.click('[data-testid="save-scenario"]');
        if (linkedThere) {
          linkedThere.training = s.training;
        } else {
          // Another tab deleted it: nothing is written back; a notice
          // offers to save the work as a new scenario, which it does.
          const notice = tab.locator('[data-notice="deleted"]');
          await notice.waitFor({ timeout: 5000 });
          assert.match(await notice.innerText(), new RegExp(`“${s.linked.name}” was deleted in another tab`), what);
          assert.deepEqual((await stored(tab)).scenarios.map((x) => x.id), model.scenarios.map((x) => x.id), what);
          await notice.locator('[data-testid="notice-save-as-new"]').click();
          s.linked = { id: model.saveNew(s.linked.name, s.training), name: s.linked.name };
          s.linked.name = model.get(s.linked.id).name;
        }
        break;
      }
      case 'rename': {
        const id = pick(ids);
        const name = `R${k}`;
        await rename(tab, id, name);
        model.get(id).name = name;
        break;
      }
      case 'duplicate': {
        const id = pick(ids);
        await item(tab, id).locator('[data-action="duplicate"]').click();
        model.duplicate(id);
        break;
      }
      case 'delete': {
        const id = pick(ids);
        await item(tab, id).locator('[data-action="delete"]').click();
        const linked = s.linked?.id === id;
        s.deleted = { ...model.remove(id), linked };
        if (linked) s.linked = null;
        break;
      }
      case 'undo': {
        await tab.click('[data-testid="undo-delete"]');
        const d = s.deleted;
        model.restore(d.at, d.saved);
        if (d.linked && !s.linked) s.linked = { id: d.saved.id, name: d.saved.name };
        s.deleted = null;
        break;
      }
      case 'load': {
        const id = pick(ids);
        await item(tab, id).locator('[data-action="load"]').click();
        const x = model.get(id);
        s.linked = { id, name: x.name };
        s.training = x.training;
        assert.equal(await tab.inputValue('input[name="training"]'), x.training, what);
        break;
      }
    }
    // Every tab remembers the linked scenario's name as it last saw it.
    for (const other of state) {
      const x = other.linked && model.get(other.linked.id);
      if (x) other.linked.name = x.name;
    }
    // The stored library is the model's; every tab's list shows it.
    const library = await stored(tab);
    const expected = model.scenarios.map((x) => [x.id, x.name]);
    assert.deepEqual(library.scenarios.map((x) => [x.id, x.name]), expected, `${what}: stored library`);
    assert.deepEqual(library.scenarios.map((x) => x.fields.training), model.scenarios.map((x) => x.training), `${what}: stored fields`);
    assert.equal(library.next_id, model.next_id, `${what}: next_id`);
    const unique = new Set(library.scenarios.map((x) => x.id));
    assert.equal(unique.size, library.scenarios.length, `${what}: no two scenarios share an id`);
    for (const [q, other] of tabs.entries()) await listShows(other, expected, `${what}, tab ${q}`);
  }
  // Every kind of change took part.
  for (const op of ['save', 'save-as-new', 'save-linked', 'edit', 'rename', 'duplicate', 'delete', 'undo', 'load']) {
    assert.ok(counts[op] > 0, `${op} happened (${JSON.stringify(counts)})`);
  }
  assert.ok(STEPS >= 60);
  const library = await stored(tabs[0]);
  assert.deepEqual(library.scenarios.map((x) => [x.id, x.name, x.fields.training]),
    model.scenarios.map((x) => [x.id, x.name, x.training]));
  await t.check();
});

test('a change to a scenario another tab deleted brings nothing back silently and offers to save it as new', async () => {
  const t = await openTabs(2);
  const [tab1, tab2] = t.pages;
  for (const tab of t.pages) await tab.waitForSelector('[data-testid="saved-list"]', { state: 'attached' });
  await saveNamed(tab1, 'Plan');
  await saveNamed(tab1, 'Other');
  await listShows(tab2, [[1, 'Plan'], [2, 'Other']], 'tab 2');
  // Tab 1 works on Plan; tab 2 deletes it.
  await item(tab1, 1).locator('[data-action="load"]').click();
  assert.equal(await tab1.locator('[data-testid="current-name"]').innerText(), 'Plan');
  await type(tab1, 'months', '24');
  await item(tab2, 1).locator('[data-action="delete"]').click();
  await listShows(tab1, [[2, 'Other']], 'tab 1');
  assert.match(await tab1.locator('[data-testid="current-scenario"]').innerText(), /Plan.*deleted in another tab/);
  // Save in tab 1 does not resurrect Plan: a notice offers to save it as new.
  await tab1.click('[data-testid="save-scenario"]');
  const notice = tab1.locator('[data-notice="deleted"]');
  assert.match(await notice.innerText(), /“Plan” was deleted in another tab, so your changes were not saved into it/);
  assert.deepEqual((await stored(tab1)).scenarios.map((s) => s.name), ['Other']);
  await notice.locator('[data-testid="notice-save-as-new"]').click();
  await listShows(tab1, [[2, 'Other'], [3, 'Plan']], 'tab 1');
  await listShows(tab2, [[2, 'Other'], [3, 'Plan']], 'tab 2');
  assert.equal((await stored(tab1)).scenarios[1].fields.months, '24');
  assert.equal(await tab1.locator('[data-notice="deleted"]').count(), 0);
  assert.equal(await tab1.locator('[data-testid="current-name"]').innerText(), 'Plan');
  // A rename under way when another tab deletes the scenario keeps what
  // was typed, in a notice that offers to save it.
  await item(tab1, 2).locator('[data-action="rename"]').click();
  await tab1.fill('[data-testid="rename-input"]', 'Other, renamed');
  // Another tab's unrelated change redraws the list: the box stays, with
  // what was typed, and keeps the focus.
  await saveNamed(tab2, 'Third');
  await listShows(tab1, [[2, null], [3, 'Plan'], [4, 'Third']], 'tab 1 while renaming');
  assert.equal(await tab1.inputValue('[data-testid="rename-input"]'), 'Other, renamed');
  assert.equal(await tab1.evaluate(() => document.activeElement?.dataset.testid), 'rename-input');
  await item(tab2, 2).locator('[data-action="delete"]').click();
  await listShows(tab1, [[3, 'Plan'], [4, 'Third']], 'tab 1');
  const renamed = tab1.locator('[data-notice="deleted"]');
  assert.match(await renamed.innerText(), /“Other” was deleted in another tab, so your new name “Other, renamed” was not saved/);
  await renamed.locator('[data-testid="notice-save-as-new"]').click();
  await listShows(tab2, [[3, 'Plan'], [4, 'Third'], [5, 'Other, renamed']], 'tab 2');
  // The page stays on Plan: the saved copy was the other scenario's.
  assert.equal(await tab1.locator('[data-testid="current-name"]').innerText(), 'Plan');
  await t.check();
});

test('the working scenario stays per tab; on reload the last tab to write wins', async () => {
  const t = await openTabs(2);
  const [tab1, tab2] = t.pages;
  const written = (tab, months) => tab.waitForFunction(
    (m) => JSON.parse(localStorage.getItem('ft-roi:working'))?.fields.months === m, months);
  await type(tab1, 'months', '24');
  await written(tab1, '24');
  // A reload keeps a tab's own scenario: its address bar carries it.
  await waitForParam(tab1, 'months', '24');
  await tab1.reload();
  await reachAll(tab1);
  await tab1.waitForSelector('input[name="months"]');
  await tab1.waitForSelector('html[data-ready]', { state: 'attached' });
  assert.equal(await tab1.inputValue('input[name="months"]'), '24');
  await type(tab2, 'months', '6');
  await written(tab2, '6');
  // Tab 1 keeps its own scenario while open.
  assert.equal(await tab1.inputValue('input[name="months"]'), '24');
  assert.equal((await metric(tab1, 'net_benefit')).text, '$14,300.00');
  // Tab 2 wrote last: opening the page again in tab 1 (without a scenario
  // in the link, which would win) brings back tab 2's scenario.
  await tab1.goto(ctx.base);
  await reachAll(tab1);
  await tab1.waitForSelector('input[name="months"]');
  assert.equal(await tab1.inputValue('input[name="months"]'), '6');
  await t.check();
});

test('an unreadable library written by another tab is kept under the backup key, never overwritten', async () => {
  const t = await openTabs(2);
  const [tab1, tab2] = t.pages;
  for (const tab of t.pages) await tab.waitForSelector('[data-testid="saved-list"]', { state: 'attached' });
  await saveNamed(tab1, 'Mine');
  await listShows(tab2, [[1, 'Mine']], 'tab 2');
  // Another version of the page writes a library this one cannot read.
  const newer = '{"version":2,"next_id":9,"scenarios":[]}';
  await tab2.evaluate(([key, text]) => localStorage.setItem(key, text), [KEY, newer]);
  await tab1.locator('[data-notice="storage-library"]').waitFor();
  assert.match(await tab1.locator('[data-notice="storage-library"]').innerText(), /newer version/);
  assert.equal(await tab1.evaluate((key) => localStorage.getItem(`${key}:backup`), KEY), newer);
  // The next change starts a fresh library; the payload stays backed up.
  await saveNamed(tab1, 'Fresh');
  assert.equal(await tab1.evaluate((key) => localStorage.getItem(`${key}:backup`), KEY), newer);
  await listShows(tab1, [[1, 'Fresh']], 'tab 1');
  await t.check();
});
