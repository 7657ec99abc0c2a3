// Completes the Content Security Policy of the built page. Run by Trunk as a
// post_build hook (see Trunk.toml), so every `trunk build` and `trunk serve`
// gets it; it can also be run by hand: `node tools/csp.mjs dist/index.html`.
//
// index.html carries the policy as a <meta http-equiv="Content-Security-Policy">
// whose script-src holds the placeholder 'inline-script-hashes'. Trunk emits
// one inline <script type="module"> that imports the hashed JS glue and
// starts the wasm; its text changes with every build (the file names carry
// content hashes), so no fixed hash can allow it. This step replaces the
// placeholder with the sha256 of every inline script in the built HTML, and
// fails the build if the policy is missing, loosened ('unsafe-inline',
// 'unsafe-eval'), or placed after a script.
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PLACEHOLDER = "'inline-script-hashes'";

/** The sha256 CSP sources of the inline scripts (no src) of `html`, in order. */
export function inlineScriptHashes(html) {
  const hashes = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    if (/\bsrc\s*=/i.test(m[1])) continue;
    hashes.push(`'sha256-${createHash('sha256').update(m[2], 'utf8').digest('base64')}'`);
  }
  return hashes;
}

const META = /<meta\s+http-equiv=["']?Content-Security-Policy["']?\s+content=(["'])([\s\S]*?)\1\s*\/?>/i;

/** `html` with the placeholder of its CSP meta replaced by the inline scripts' hashes. */
export function completePolicy(html) {
  const meta = html.match(META);
  if (!meta) throw new Error('no <meta http-equiv="Content-Security-Policy"> in the built HTML');
  const firstScript = html.search(/<script\b/i);
  if (firstScript !== -1 && firstScript < meta.index) {
    throw new Error('the CSP <meta> must come before the first <script>');
  }
  const hashes = [...new Set(inlineScriptHashes(html))];
  let policy = meta[2];
  if (/'unsafe-(inline|eval)'/.test(policy)) throw new Error(`policy must not allow unsafe-inline or unsafe-eval: ${policy}`);
  if (policy.includes(PLACEHOLDER)) {
    policy = policy.replace(PLACEHOLDER, hashes.join(' ')).replace(/ {2,}/g, ' ').replace(/ ;/g, ';');
  } else {
    // Already completed (the hook ran twice): every inline script must be allowed.
    const missing = hashes.filter((h) => !policy.includes(h));
    if (missing.length) throw new Error(`policy lacks ${missing.join(' ')} and has no ${PLACEHOLDER} placeholder`);
  }
  const quote = meta[1];
  const tag = `<meta http-equiv="Content-Security-Policy" content=${quote}${policy}${quote}>`;
  return { html: html.slice(0, meta.index) + tag + html.slice(meta.index + meta[0].length), policy, hashes };
}

async function main() {
  const file = process.argv[2]
    ?? join(process.env.TRUNK_STAGING_DIR ?? process.env.TRUNK_DIST_DIR ?? 'dist', 'index.html');
  const { html, policy, hashes } = completePolicy(await readFile(file, 'utf8'));
  await writeFile(file, html);
  console.log(`[csp] ${file}: ${hashes.length} inline script hash(es); policy: ${policy}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(`[csp] ${e.message}`);
    process.exit(1);
  });
}
