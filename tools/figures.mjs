// The figures-first module (issue 32): a Trunk post_build hook step (see
// Trunk.toml), run after tools/split.mjs and before tools/csp.mjs.
//
// Builds `src/bin/figures.rs` for wasm32 without the `app` feature (the
// core alone: no Leptos, no view), runs wasm-bindgen (--target web),
// wasm-opt -Oz and terser (release), names both files by their content and
// puts the names and the wasm's subresource integrity in index.html, in
// place of the placeholders of its figures script (`./figures.js`,
// `./figures_bg.wasm`, `sha384-figures-js`, `sha384-figures-wasm`).
// tools/csp.mjs then adds the glue's integrity to the import map
// (`data-import-integrity`) and the script's hash to the policy.
//
// The page loads the module only for an address whose figures differ from
// the build-time copy's (a shared link): index.html's first script decides.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { integrity, run } from './split.mjs';

const NAME = 'figures';

/** `html` with every placeholder of the figures script replaced; throws when one is missing. */
export function placeFigures(html, { glue, wasm, glueIntegrity, wasmIntegrity }) {
  const swaps = [
    ['./figures.js', `./${glue}`],
    ['./figures_bg.wasm', `./${wasm}`],
    ['sha384-figures-js', glueIntegrity],
    ['sha384-figures-wasm', wasmIntegrity],
  ];
  for (const [from, to] of swaps) {
    if (!html.includes(from)) throw new Error(`index.html has no ${from} placeholder for the figures-first module`);
    html = html.replaceAll(from, to);
  }
  return html;
}

/**
 * `wasm` without its custom sections (id 0): the `linking` and `reloc.*`
 * sections that `--emit-relocs` (.cargo/config.toml, for wasm-split-cli)
 * leaves in a module wasm-split-cli does not cut (142 KB of 302 KB raw),
 * and names. No code or data is touched; throws on a malformed module.
 */
export function stripCustomSections(wasm) {
  if (wasm.readUInt32LE(0) !== 0x6d736100) throw new Error('not a wasm module');
  const kept = [wasm.subarray(0, 8)];
  let at = 8;
  while (at < wasm.length) {
    const start = at;
    const id = wasm[at++];
    let size = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = wasm[at++];
      size += (byte & 0x7f) * 2 ** shift;
      if (!(byte & 0x80)) break;
    }
    at += size;
    if (at > wasm.length) throw new Error('a wasm section runs past the end');
    if (id !== 0) kept.push(wasm.subarray(start, at));
  }
  return Buffer.concat(kept);
}

export async function figures({ staging, profile, root }) {
  const release = profile === 'release';
  const target = process.env.CARGO_TARGET_DIR ?? join(root, 'target');
  run('cargo', ['build', '--target', 'wasm32-unknown-unknown', '--bin', NAME, '--no-default-features',
    ...(release ? ['--release'] : [])], { cwd: root });
  const work = join(target, 'figures', profile);
  await rm(work, { recursive: true, force: true });
  await mkdir(work, { recursive: true });
  run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-name', NAME, '--out-dir', work,
    join(target, 'wasm32-unknown-unknown', profile, `${NAME}.wasm`)]);
  const bin = join(root, 'tools', 'node_modules', '.bin');
  const wasmPath = join(work, `${NAME}_bg.wasm`);
  const gluePath = join(work, `${NAME}.js`);
  if (release) {
    // Binaryen 132 from npm, as for the app's modules (tools/split.mjs).
    run(join(bin, 'wasm-opt'), ['-Oz', wasmPath, '-o', wasmPath]);
    run(join(bin, 'terser'), [gluePath, '--module', '--compress', '--mangle', '--output', gluePath]);
  }
  const wasm = stripCustomSections(await readFile(wasmPath));
  const glue = await readFile(gluePath);
  const hash = createHash('sha256').update(wasm).update(glue).digest('hex').slice(0, 16);
  const files = { glue: `${NAME}-${hash}.js`, wasm: `${NAME}-${hash}_bg.wasm` };
  await writeFile(join(staging, files.glue), glue);
  await writeFile(join(staging, files.wasm), wasm);
  const htmlPath = join(staging, 'index.html');
  const html = placeFigures(await readFile(htmlPath, 'utf8'), {
    ...files, glueIntegrity: integrity(glue), wasmIntegrity: integrity(wasm),
  });
  await writeFile(htmlPath, html);
  return { files, bytes: wasm.length + glue.length };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = process.env.TRUNK_SOURCE_DIR ?? join(import.meta.dirname, '..');
  const staging = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
  const profile = process.env.TRUNK_PROFILE ?? 'release';
  if (!staging) {
    console.error('[figures] run by Trunk (TRUNK_STAGING_DIR), or: node tools/figures.mjs <staging dir>');
    process.exit(2);
  }
  figures({ staging, profile, root }).then(({ files, bytes }) => {
    console.log(`[figures] ${profile}: ${files.glue}, ${files.wasm} (${bytes} bytes)`);
  }, (e) => {
    console.error(`[figures] ${e.message}`);
    process.exit(1);
  });
}
