// Copies the tokenizer vocabularies into the bundle (issue 30): tiktoken-rs 0.12.1's own
// `assets/o200k_base.tiktoken` and `assets/cl100k_base.tiktoken`, from cargo's copy of the
// crate (found with `cargo metadata --offline`; nothing is downloaded). The page fetches one
// only when a training file is dropped, with the subresource integrity written in
// src/core/data/tokens.rs; this script refuses to copy a file whose sha256 differs from it.
// Run by Trunk's post_build hook (TRUNK_STAGING_DIR), or: node tools/vocab.mjs <dir>.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const root = process.env.TRUNK_SOURCE_DIR ?? join(import.meta.dirname, '..');
const staging = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!staging) {
  console.error('[vocab] run by Trunk (TRUNK_STAGING_DIR), or: node tools/vocab.mjs <dir>');
  process.exit(2);
}
const meta = JSON.parse(
  execFileSync('cargo', ['metadata', '--format-version', '1', '--offline'], {
    cwd: root,
    maxBuffer: 64 << 20,
  }),
);
const crate = meta.packages.find((p) => p.name === 'tiktoken-rs');
if (!crate) {
  console.error('[vocab] tiktoken-rs is not a dependency');
  process.exit(1);
}
const assets = join(dirname(crate.manifest_path), 'assets');
const source = readFileSync(join(root, 'src/core/data/tokens.rs'), 'utf8');
const known = new Set([...source.matchAll(/"(sha256-[A-Za-z0-9+/=]+)"/g)].map((m) => m[1]));
for (const name of ['o200k_base.tiktoken', 'cl100k_base.tiktoken']) {
  const bytes = readFileSync(join(assets, name));
  const integrity = `sha256-${createHash('sha256').update(bytes).digest('base64')}`;
  if (!known.has(integrity)) {
    console.error(`[vocab] ${name} from tiktoken-rs ${crate.version} has ${integrity}, not the integrity in src/core/data/tokens.rs`);
    process.exit(1);
  }
  writeFileSync(join(staging, name), bytes);
  console.log(`[vocab] ${name} (${bytes.length} bytes, ${integrity})`);
}
