// Writes tests/fixtures/intl-en-us.tsv: what Chromium's Intl.NumberFormat
// (en-US, US dollars) writes for a few hundred awkward numbers under every
// kind of option the app uses. tests/format.rs holds the core's built-in
// writer, which the page uses for the default display instead of paying
// for ICU's start-up, to this table character for character.
//
//   node tools/intl-fixture.mjs        # needs Chromium (tools/test.sh installs it)
//
// The e2e suite checks that the committed table is still what the
// installed Chromium writes.
//
// Columns: the value as JavaScript writes it (shortest round trip), then
// one column per spec in the header: `<style> <min> <max>` (style currency,
// decimal or percent; percent gets value / 100, as the app passes it) or
// `compact <currency|decimal>` (maximumFractionDigits 1).
import { writeFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const root = join(import.meta.dirname, '..');
const SPECS = [
  'currency 2 2', 'currency 0 0', 'currency 2 3', 'currency 2 6', 'currency 2 12',
  'decimal 2 2', 'decimal 0 0', 'decimal 0 1', 'decimal 0 4', 'decimal 0 12',
  'percent 2 2', 'compact currency', 'compact decimal',
];

function values() {
  const out = new Set([0, 5e-324, 1e-12, 1e-9, 5e-7, 0.000045, 0.0049999, 0.005, 0.05, 0.125, 0.5, 0.95, 0.96, 0.9999,
    1, 1.005, 1.015, 1.45, 2.675, 9.995, 99.95, 999.95, 999.995, 999.9995, 1000, 1234.5, 9999.5, 99999.95,
    123456.789, 999949.99, 999950, 999999.5, 1e6, 1.25e6, 12345678.9, 999950000, 1e9, 1e12, 999.95e12, 1e15,
    1.25e18, 1e21, 123456789012345680000, 1e23, 159.45945945945945, 1.59455, 5900.000000000002, 312499.99999999994,
    Number.MAX_SAFE_INTEGER, 2 ** 53 + 2, 1e300]);
  // Ties at every place: n + 0.5 units of the last kept decimal.
  for (let d = 0; d <= 12; d++) {
    for (const n of [0, 1, 2, 9, 12, 99, 1234, 99999]) out.add((n + 0.5) / 10 ** d);
  }
  // Around each compact suffix.
  for (let e = 3; e <= 18; e += 3) {
    for (const f of [0.99949, 0.9995, 0.99995, 1, 1.04999, 1.05, 1.25, 9.95, 99.95, 999.95]) out.add(f * 10 ** e);
  }
  // Pseudo-random mantissas of 1 to 17 digits at every magnitude from
  // 1e-10 to 1e22 (a fixed linear congruential sequence: the same each run).
  let seed = 20261127;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let e = -10; e <= 22; e++) {
    for (let k = 0; k < 8; k++) {
      const digits = 1 + Math.floor(next() * 17);
      out.add(Number((next() * 10).toPrecision(digits)) * 10 ** e);
    }
  }
  return [...out].filter((x) => Number.isFinite(x) && x >= 0);
}

/** The table's text as `browser`'s Intl writes it. */
export async function intlTable(browser) {
  const page = await browser.newPage();
  const rows = await page.evaluate(({ specs, xs }) => {
    const formats = specs.map((spec) => {
      const [a, b, c] = spec.split(' ');
      const o = a === 'compact'
        ? { style: b, notation: 'compact', maximumFractionDigits: 1 }
        : { style: a, minimumFractionDigits: Number(b), maximumFractionDigits: Number(c) };
      if (o.style === 'currency') o.currency = 'USD';
      const f = new Intl.NumberFormat('en-US', o);
      return (x) => f.format(a === 'percent' ? x / 100 : x);
    });
    return xs.map((x) => [String(x), ...formats.map((f) => f(x))].join('\t'));
  }, { specs: SPECS, xs: values() });
  await page.close();
  return { header: ['value', ...SPECS].join('\t'), rows };
}

export const FIXTURE = join(root, 'tests', 'fixtures', 'intl-en-us.tsv');

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const { chromium } = createRequire(join(root, 'tools', 'package.json'))('playwright-core');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  const { header, rows } = await intlTable(browser);
  const version = browser.version();
  await browser.close();
  await mkdir(dirname(FIXTURE), { recursive: true });
  await writeFile(FIXTURE, [`# Intl.NumberFormat en-US, Chromium ${version}, by tools/intl-fixture.mjs`, header, ...rows, ''].join('\n'));
  console.log(`${FIXTURE}: ${rows.length} values × ${SPECS.length} specs (Chromium ${version})`);
}
