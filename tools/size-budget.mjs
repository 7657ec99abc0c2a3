// The size budget of the release bundle, deterministic and fit for CI:
// the brotli (quality 11) sizes of the HTML, JS, wasm and CSS the page
// loads (index.html and the files it names) in dist/ (or $FT_ROI_DIST, or
// the first argument) must add up to at most BUDGET.
// Exit status 1 when over budget, 2 when dist/ has no bundle.
//
//   node tools/size-budget.mjs [dist]
//
// Lower BUDGET whenever the bundle shrinks, so it cannot grow back unnoticed.
// The target for the whole page is 120 KB brotli.

/**
 * Bytes, brotli, of html + js + wasm + css, the split chunks included (issue 19).
 * History, each increase added exactly as measured: 222,800 measured 2026-11-27 for one unsplit wasm (budget 231,000).
 * Issue #14 (documents through serde and serde_json, tabs sharing one library, the linked scenario, formula-safe CSV) measured against main a85398c 225,681 → 254,583: +28,902, added exactly.
 * Issue #15 (serving costs, 2026-11-30): 223,917 → 238,441 bytes measured against the same build of main (+14,524: the break-even volume search over unit steps, the serving fields, figures, formulas, schedule columns, chart steps and exports), added exactly.
 * Issue #16 (the price catalogue: 63 dated entries compiled in, pickers, notes, dialog) measured against main 0ef11aa 254,583 → 279,777: +25,194, added exactly.
 * Issue #19 (code splitting) merged onto main 128ed8c (294,149 unsplit, budget 299,620): 325,383 split, +31,234 added exactly: the price of
 * the first figure after 200 KB instead of 294 KB (the chunks compress apart, share no code with the first module, and the
 * functions they reach through the table stay in the first module).
 * Issue #17 (ranges, the Monte Carlo simulation in its own chunk, its card and distribution chart; +27,538 unsplit against main 120f3fc)
 * merged onto main 76b0710 (325,356 split): 364,330, +38,974 added exactly; the first module +10.2 KB (the ranges' fields and form).
 * Issue #25, cards (the saving per request with serving and training recovery counting it, month 1's note, the break-even volume
 * in words with the lower envelope that shows every volume pays, the simulation's chance and median in the results card and the
 * phone bar, ranges on zero said in words) measured against main 956facf 365,395 → 371,374: +5,979 added exactly (first module +5.0 KB).
 * Issue 25, layout, comparison and exports (one font size per row of figures, chart labels kept inside, the scroll cue, the
 * comparison's words and models rows, the builders' fields in the CSV and Markdown) measured against main 956facf 365,395 → 370,041: +4,646, added exactly.
 * Issue 25, catalogue items (price unit conversion, unlisted prices, the dialog picking in either cost mode, capacity units from
 * GPU-hour prices with GPUs per unit, the pickers' names) measured against main 956facf 365,395 → 375,186: +9,791, added exactly.
 * The three issue-25 branches and the saved scenarios' question merged (main bbda475): 387,083 measured, the budget set to it.
 * The house by concept (folders, one list of split cards, the catalogue's choices below its views): 387,130 measured, +47.
 * The formatter as a value (Fmt passed to figures, formulas, charts, comparison and exports; no thread-local display) measured
 * against 6face79 387,083 → 388,117: +1,034, added exactly (the Fmt argument at every call that writes a figure).
 * Start-up policy in the core (codec::start, Calc::start only reads the browser): +327.
 * The formatter value and the start-up policy merged onto the house (each measured on its own branch above): 389,280 measured
 * for the merged build, +789 over the sum of the two (they compress together differently); the budget set to the measurement.
 * No standard float formatting in the first module (the stored documents' whole-number message and the histogram's size
 * written by float::display): 389,280 → 387,940 measured, the first module 205,957 → 199,089; the budget lowered to it.
 * The house's second step merged (validation by section with one error map, figures as an enum with one export document,
 * one model basis with sides as values, one chart readout and table component): 389,051 measured on main, +1,111 over the
 * float fix (each branch measured at most +1,171 alone; they compress together differently); the budget set to it.
 * The stored documents' optional id read by a visitor of its own instead of serde_json::Value: the first module
 * 200,196 → 197,836 (−2.4 KB; Value's reader moves to the chunk of the JSON import), the whole page +369 → 389,420.
 * Issue 31 (loose ends, parts=, the host API) merged with the host API in its own chunk (split_host_api, 3,948, fetched when a
 * host first asks) and the Embed dialog in its own (split_embed, 11,442, fetched when the dialog opens), and issue 27's bill
 * terms (reasoning tokens, cache writes, batch: fields, bill, parts table, worked formulas; +4,552 measured alone): 418,493
 * measured on main; the first module 197,836 → 199,330. Most of the growth is in chunks fetched on demand.
 * The exports' bill fields read from the field table's lists: +110 measured (418,603).
 * Issue 29 (training priced by GPU time: the job's fields in the builders chunk, GPU specs and open models), issue 31's
 * chart images (split_image, 5.0 KB, fetched on the first download) and the memo (in the below chunk), issue 27's
 * ranges on the bill terms and the Titan link: 445,807 measured on main; the first module 199,330 → 202,539.
 * `TokenCosts` moved from inputs::parse to inputs::builders (an import circle with model::uncertainty gone): 445,782.
 * The simulation's shared state (`Sim`) in app::results::sim (no import circle through the memo): 445,685. Most of the growth is in chunks after the first paint or fetched on demand.
 * Issue 32, figures in the HTML: the default scenario's first view prerendered into index.html (15.8 KB of markup, closed
 * sections as their summaries) and the first script's hand-over: index.html 10,831 → 14,914 bytes, 449,768 measured (+4,083).
 * Issues 27 (the catalogue's bill terms, Claude, GPT-5 and o3 entries; the model's end of life), 28 (options 3 to 6: their
 * fields and parser in the first module, the options view in its own chunk, split_options 17.6 KB, fetched when a third
 * option is added or a link holds one) and 30 (training files: the section's chunk split_data 21 KB after the first paint,
 * and the reader with tiktoken-rs, split_datacount 250 KB, fetched only when a file is dropped) merged onto main 908eba3:
 * 791,406 measured; the first module 202,539 → 217,493 (terms +5.0 KB, options +6.4 KB, end of life +1.6 KB, data +1.7 KB).
 * The tokenizer vocabularies (1.87 MB, fetched with the reader) are under ON_DEMAND_BUDGET, not here.
 * No import circles (the options' field rows in their own macro module, and three smaller moves): 791,306.
 * Issue 28's rest (the options charts, the options under uncertainty with ranges on options' own inputs, the decision table
 * and the support-options preset; split_options 17.6 → 40.0 KB, fetched only with a third option; the simulation chunk
 * +2.9 KB) and issue 30's usage logs (split_datacount 250 → 278.6 KB, fetched only on a drop; split_data +8.3 KB) and the
 * crossover search's early end merged onto main: 875,646 measured; the first module 217,493 → 219.3 KB (the 24 range
 * fields of options 3 to 6 and the preset's rows, read from links).
 * The line charts' axes and markers written by one function each (the options charts shared them): 875,270.
 * Issue 28, the first module does not grow: the options' reader leaves it (the first module reads the sides with
 * parse_sides until the options' chunk hands over parse_scenario) and the option fields' units, hints, steps, kinds and
 * defaults are stored once per term instead of once per option: the first module 219,469 → 217,495 (the size it had
 * when issue 28 merged), 877,797 measured (+2,527: the reader in a shared chunk after the first paint compresses apart).
 * Issue 32's fetching on demand (the builders, the data section's view and the simulation fetched when the user acts or
 * shows intent; the catalogue bar in split_catalogue; the first module +1.9 KB: the intent handlers and the count of
 * chunks on their way) and issue 30's rest (the tokenizer built in steps without CoreBPE: split_datacount 278.4 →
 * 261.5 KB; the estimate's ranges: split_data +2.3 KB) merged: 870,130 measured; the first module 219.4 KB.
 * Issue 32, lever 2: the figures-first module, fetched only for a shared link (figures-…_bg.wasm 55.8 KB and its glue
 * 1.3 KB: the core without the app, its `linking` and `reloc.*` sections stripped, 87.6 KB with them), and index.html's
 * figures script (+0.4 KB): 930,203 measured; the first module 219.9 KB (the results card's words in core::present).
 * The figures script also fills the copy's results bar (a phone's first screen): 930,341.
 * Issue 32, the cards below the answer held until they near the viewport (split::on_approach, an IntersectionObserver,
 * their placeholders' heights in the stylesheet) and Print memo moved from the `below` chunk to the first module (it is
 * on the first screen; the memo stays in `below`), each held card built in a task of its own, its placeholder kept
 * until it comes: 931,336 measured; the first module 222.6 KB. The catalogue's bar stands in (its hint and a disabled
 * button, in the first module) until its chunk comes, so that the price fields below it do not move: 931,125. Review
 * mends (a held card near when placed loads at once; the first to come, the first Tab key and the browser's print bring
 * the rest; Print memo fetched on intent): 931,123; the first module 223.5 KB. The memo's card handed to Print memo
 * as a prop (no import circle through app::cards): 931,532 (shared chunks cut anew, +409). The two print waits share
 * one helper: 931,308.
 */
export const BUDGET = 931_308;

/**
 * Bytes, brotli, of the files fetched only on demand and not by the page itself: the tokenizer
 * vocabularies (issue 30), fetched when a training file is read with that encoding. Not part of
 * BUDGET (no page load fetches them). 1,870,862 measured 2026-12-06: o200k_base.tiktoken
 * 1,258,599 + cl100k_base.tiktoken 612,263, tiktoken-rs 0.12.1's files unchanged.
 */
export const ON_DEMAND_BUDGET = 1_870_862;

import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFile } from 'node:fs/promises';
import { kb, pageFiles, sizesOf, table, total } from './sizes.mjs';

// Run as a script (tools/perf.mjs imports BUDGET only).
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? process.env.FT_ROI_DIST ?? join(import.meta.dirname, '..', 'dist');
  const files = (await pageFiles(dir).catch(() => [])).filter((f) => ['html', 'js', 'wasm', 'css'].includes(f.kind));
  if (!files.some((f) => f.kind === 'wasm') || !files.some((f) => f.kind === 'html')) {
    console.error(`size budget: no built bundle in ${dir} (run trunk build --release first)`);
    process.exit(2);
  }
  const sum = total(files);
  console.log(table(files));
  console.log(`total: ${kb(sum.raw)} raw, ${kb(sum.gzip)} gzip, ${kb(sum.brotli)} brotli (${sum.brotli} bytes)`);
  const onDemand = [];
  for (const file of ['o200k_base.tiktoken', 'cl100k_base.tiktoken']) {
    const buf = await readFile(join(dir, file)).catch(() => null);
    if (buf) onDemand.push({ file, kind: 'other', ...sizesOf(buf) });
  }
  const vocab = total(onDemand);
  console.log(table(onDemand));
  console.log(`on demand (tokenizer vocabularies): ${vocab.brotli} of ${ON_DEMAND_BUDGET} bytes brotli`);
  if (vocab.brotli > ON_DEMAND_BUDGET) {
    console.error(`on-demand budget exceeded: ${vocab.brotli} bytes brotli > ${ON_DEMAND_BUDGET}`);
    process.exitCode = 1;
  }
  if (sum.brotli > BUDGET) {
    console.error(`size budget exceeded: ${sum.brotli} bytes brotli > budget ${BUDGET} (${kb(sum.brotli - BUDGET)} over)`);
    process.exit(1);
  }
  console.log(`size budget ok: ${sum.brotli} of ${BUDGET} bytes brotli (${((100 * sum.brotli) / BUDGET).toFixed(1)}%)`);
}
