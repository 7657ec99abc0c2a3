// Code splitting of the wasm: a Trunk post_build hook (see Trunk.toml), run
// before tools/csp.mjs. Trunk has no splitting of its own, so this redoes the
// tail of its pipeline on cargo's raw output:
//
//   wasm-split-cli   cuts the module at the `wasm_split` points (src/app/split.rs)
//                    into the first module, one chunk per split point and the
//                    chunks they share, plus __wasm_split.js (the chunk loader);
//   wasm-bindgen     --keep-lld-exports: the chunks import the first module's
//                    functions, memory and table;
//   wasm-opt -Oz     on every .wasm (release);
//   terser           on the JS glue and the loader (release; Trunk's own
//                    minifier fails on this glue and keeps it as it is);
//
// then replaces Trunk's JS glue and wasm in the staging directory with the
// split ones under new content-hashed names, binds every chunk by its
// subresource integrity (the loader fetches each with `integrity`), and
// rewrites index.html: the new names, their integrity, and a modulepreload
// (with integrity) for the chunk loader. tools/csp.mjs then moves every
// modulepreload's integrity into the import map and completes the CSP.
//
// Needs `wasm-split-cli` (cargo install wasm_split_cli_support --version
// 0.2.4 --features build-binary; tools/env.sh installs it), wasm-bindgen,
// and tools/node_modules (binaryen 132, terser). Trunk gives the hook
// TRUNK_STAGING_DIR and TRUNK_PROFILE; `--emit-relocs` (.cargo/config.toml)
// must be on for the wasm32 target. FT_ROI_KEEP_NAMES=1 keeps the function
// names in every module (for the CPU profiler and twiggy; never shipped).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const NAME = 'ft-roi';
const LOADER = '__wasm_split.js';

/** The sha384 subresource integrity of `bytes`. */
export const integrity = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
/** A 16-hex-digit content hash of `parts`, for file names. */
const nameHash = (...parts) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest('hex').slice(0, 16);
};

export function run(command, args, options = {}) {
  const r = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'], ...options });
  if (r.error?.code === 'ENOENT') throw new Error(`${command} not found (run tools/env.sh, which installs it)`);
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${r.status})`);
}

/** Runs `jobs` (functions returning promises of a child's exit) two at a time. */
async function pool(jobs, width = 2) {
  const queue = [...jobs];
  await Promise.all(Array.from({ length: width }, async () => {
    while (queue.length) await queue.shift()();
  }));
}

/** `command args` as a promise (for running wasm-opt on several files at once). */
async function spawnAsync(command, args) {
  const { spawn } = await import('node:child_process');
  await new Promise((ok, fail) => {
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', fail);
    child.on('exit', (code) => (code === 0 ? ok() : fail(new Error(`${command} ${args.join(' ')} failed (exit ${code})`))));
  });
}

/**
 * The loader's chunk fetches, bound by integrity and pointed at hashed
 * names: `fetch(new URL("./split_x.wasm", import.meta.url))` becomes
 * `fetch(new URL("./split_x-<hash>.wasm", import.meta.url), { integrity: "sha384-…" })`.
 * `chunks` maps each chunk's file name to its bytes; returns the new source
 * and the new names.
 */
export function bindChunks(source, chunks) {
  const names = new Map();
  const out = source.replace(/fetch\(new URL\("\.\/([\w.-]+\.wasm)", import\.meta\.url\)\)/g, (call, file) => {
    const bytes = chunks.get(file);
    if (!bytes) throw new Error(`${LOADER} fetches ${file}, which wasm-split-cli did not write`);
    const hashed = file.replace(/\.wasm$/, `-${nameHash(bytes)}.wasm`);
    names.set(file, hashed);
    return `fetch(new URL("./${hashed}", import.meta.url), { integrity: "${integrity(bytes)}" })`;
  });
  const unbound = [...chunks.keys()].filter((f) => !names.has(f));
  if (unbound.length) throw new Error(`${LOADER} does not fetch ${unbound.join(', ')}; update tools/split.mjs for this wasm-split-cli`);
  return { source: out, names };
}

export async function split({ staging, profile, root }) {
  const release = profile === 'release';
  const target = process.env.CARGO_TARGET_DIR ?? join(root, 'target');
  const input = join(target, 'wasm32-unknown-unknown', profile, `${NAME}.wasm`);
  const work = join(target, 'split', profile);
  await rm(work, { recursive: true, force: true });
  await mkdir(join(work, 'split'), { recursive: true });
  const bin = join(root, 'tools', 'node_modules', '.bin');

  run('wasm-split-cli', [input, join(work, 'split'), '--target', 'web', '--out-name', NAME]);
  const keepNames = Boolean(process.env.FT_ROI_KEEP_NAMES);
  run('wasm-bindgen', ['--target', 'web', '--keep-lld-exports', ...(keepNames ? ['--keep-debug'] : ['--no-demangle']), '--no-typescript',
    '--out-name', NAME, '--out-dir', join(work, 'bindgen'), join(work, 'split', `${NAME}.wasm`)]);
  if (existsSync(join(work, 'bindgen', 'snippets'))) {
    await cp(join(work, 'bindgen', 'snippets'), join(staging, 'snippets'), { recursive: true });
  }

  const chunkFiles = (await readdir(join(work, 'split'))).filter((f) => f.endsWith('.wasm') && f !== `${NAME}.wasm`);
  const mainWasm = join(work, 'bindgen', `${NAME}_bg.wasm`);
  if (release) {
    // Never Debian's wasm-opt (108): its output crashes in the browser.
    const wasmOpt = join(bin, 'wasm-opt');
    await pool([mainWasm, ...chunkFiles.map((f) => join(work, 'split', f))]
      .map((file) => () => spawnAsync(wasmOpt, ['-Oz', ...(keepNames ? ['--debuginfo'] : []), file, '-o', file])));
  }

  // Chunks: content-hashed names, bound by integrity in the loader.
  const chunks = new Map();
  for (const f of chunkFiles) chunks.set(f, await readFile(join(work, 'split', f)));
  const bound = bindChunks(await readFile(join(work, 'split', LOADER), 'utf8'), chunks);
  for (const [file, hashed] of bound.names) await writeFile(join(staging, hashed), chunks.get(file));

  // The glue and the loader import each other, so they share one hash, taken
  // over both and the first module.
  const wasm = await readFile(mainWasm);
  let glue = await readFile(join(work, 'bindgen', `${NAME}.js`), 'utf8');
  let loader = bound.source;
  const hash = nameHash(wasm, glue, loader);
  const files = { glue: `${NAME}-${hash}.js`, wasm: `${NAME}-${hash}_bg.wasm`, loader: `${LOADER.replace(/\.js$/, '')}-${hash}.js` };
  const imports = (source, from, to) => {
    const pattern = new RegExp(`(from\\s*["'])\\./${from.replace(/[.]/g, '\\.')}(["'])`, 'g');
    if (!pattern.test(source)) throw new Error(`no import of ./${from}; update tools/split.mjs for this wasm-bindgen or wasm-split-cli`);
    return source.replace(pattern, `$1./${to}$2`);
  };
  glue = imports(glue, LOADER, files.loader);
  loader = imports(loader, `${NAME}.js`, files.glue);
  if (release) {
    const terse = async (source, file) => {
      const path = join(work, file);
      await writeFile(path, source);
      run(join(bin, 'terser'), [path, '--module', '--compress', '--mangle', '--output', path]);
      return readFile(path, 'utf8');
    };
    glue = await terse(glue, files.glue);
    loader = await terse(loader, files.loader);
  }
  await writeFile(join(staging, files.glue), glue);
  await writeFile(join(staging, files.loader), loader);
  await writeFile(join(staging, files.wasm), wasm);

  // index.html: Trunk's names and digests out, ours in.
  const htmlPath = join(staging, 'index.html');
  let html = await readFile(htmlPath, 'utf8');
  const old = html.match(new RegExp(`\\./(${NAME}-[0-9a-f]+)\\.js`));
  if (!old) throw new Error(`index.html names no ./${NAME}-<hash>.js; is this Trunk's output?`);
  const oldStem = old[1];
  for (const f of [`${oldStem}.js`, `${oldStem}_bg.wasm`]) await rm(join(staging, f), { force: true });
  html = html.replace(/<link\b[^>]*>/g, (tag) => {
    if (tag.includes(`./${oldStem}.js"`)) {
      const glueTag = tag.replace(`./${oldStem}.js`, `./${files.glue}`).replace(/integrity="[^"]*"/, `integrity="${integrity(glue)}"`);
      const loaderTag = glueTag.replace(`./${files.glue}`, `./${files.loader}`).replace(/integrity="[^"]*"/, `integrity="${integrity(loader)}"`);
      return glueTag + loaderTag;
    }
    if (tag.includes(`./${oldStem}_bg.wasm"`)) {
      return tag.replace(`./${oldStem}_bg.wasm`, `./${files.wasm}`).replace(/integrity="[^"]*"/, `integrity="${integrity(wasm)}"`);
    }
    return tag;
  });
  html = html.replaceAll(`./${oldStem}.js`, `./${files.glue}`).replaceAll(`./${oldStem}_bg.wasm`, `./${files.wasm}`);
  if (html.includes(oldStem)) throw new Error(`index.html still names ${oldStem}`);
  await writeFile(htmlPath, html);
  return { files, chunks: [...bound.names.values()] };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = process.env.TRUNK_SOURCE_DIR ?? join(import.meta.dirname, '..');
  const staging = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
  const profile = process.env.TRUNK_PROFILE ?? 'release';
  if (!staging) {
    console.error('[split] run by Trunk (TRUNK_STAGING_DIR), or: node tools/split.mjs <staging dir>');
    process.exit(2);
  }
  split({ staging, profile, root }).then(({ files, chunks }) => {
    console.log(`[split] ${profile}: ${files.glue}, ${files.wasm}, ${files.loader}, ${chunks.length} chunk(s)`);
  }, (e) => {
    console.error(`[split] ${e.message}`);
    process.exit(1);
  });
}
