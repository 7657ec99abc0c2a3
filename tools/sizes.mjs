// Transfer sizes of the built page: raw, gzip (level 9) and brotli (quality
// 11), the best a static host can serve. Shared by tools/perf.mjs and
// tools/size-budget.mjs. Deterministic for a given dist/ and Node version.
import { readdir, readFile } from 'node:fs/promises';
import { extname, join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** What a file is, by extension. */
export function kindOf(file) {
  const ext = extname(file).toLowerCase();
  return { '.wasm': 'wasm', '.js': 'js', '.mjs': 'js', '.css': 'css', '.html': 'html', '.svg': 'icon', '.ico': 'icon', '.png': 'image' }[ext] ?? 'other';
}

/** Sizes of one buffer. */
export function sizesOf(buf) {
  return {
    raw: buf.length,
    gzip: gzipSync(buf, { level: 9 }).length,
    brotli: brotliCompressSync(buf, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: buf.length,
      },
    }).length,
  };
}

/** Every file under `dir` with its kind and sizes, largest first. */
export async function measureDir(dir) {
  const out = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath ?? entry.path, entry.name);
    // The tokenizer vocabularies (issue 30) are fetched on demand, never by the page: measured
    // apart by tools/size-budget.mjs (compressing them here would only slow every run).
    if (path.endsWith('.tiktoken')) continue;
    out.push({ file: relative(dir, path), kind: kindOf(path), ...sizesOf(await readFile(path)) });
  }
  return out.sort((a, b) => b.raw - a.raw);
}

/**
 * The files the page itself loads: index.html and every local file it
 * names (links, scripts, the loader's imports and fetches), and every file
 * those JS modules name in turn (the split chunks' loader and its chunks,
 * see tools/split.mjs), not other files in dist/ such as an embed snippet
 * or examples.
 */
export async function pageFiles(dir) {
  const named = new Set(['index.html']);
  const queue = ['index.html'];
  while (queue.length) {
    // A name in a JS file that is not a file here (a default path the page never uses) names nothing.
    const text = await readFile(join(dir, queue.shift()), 'utf8').catch(() => '');
    for (const m of text.matchAll(/["'](?:\.\/|\/)?([\w.-]+\.(?:wasm|js|mjs|css|svg|ico|png|webmanifest|json))["']/g)) {
      if (named.has(m[1])) continue;
      named.add(m[1]);
      if (/\.m?js$/.test(m[1])) queue.push(m[1]);
    }
  }
  return (await measureDir(dir)).filter((f) => named.has(f.file));
}

/** Sums the sizes of `files`. */
export function total(files) {
  return files.reduce((t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip, brotli: t.brotli + f.brotli }), { raw: 0, gzip: 0, brotli: 0 });
}

/** 12345 → "12.3 KB" (1 KB = 1000 bytes). */
export const kb = (n) => `${(n / 1000).toFixed(1)} KB`;

/** A fixed-width table of files and their sizes. */
export function table(files, extra = () => '') {
  const rows = [['file', 'raw', 'gzip', 'brotli', ''], ...files.map((f) => [f.file, kb(f.raw), kb(f.gzip), kb(f.brotli), extra(f)])];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd()).join('\n');
}
