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
// 'unsafe-eval'), or placed after a script. Before that it makes the
// subresource integrity of the wasm and the JS modules binding (bindIntegrity).
// Last, it writes the link preview's image tags when FT_ROI_PUBLIC_URL is
// set (tools/link-preview.mjs): one hook, so no two steps race on the file.
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyLinkPreview } from './link-preview.mjs';

export const PLACEHOLDER = "'inline-script-hashes'";
export const STYLE_PLACEHOLDER = "'inline-style-hashes'";

/** The sha256 CSP sources of the inline scripts (no src) of `html`, in order. */
export function inlineScriptHashes(html) {
  const hashes = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    if (/\bsrc\s*=/i.test(m[1])) continue;
    hashes.push(`'sha256-${createHash('sha256').update(m[2], 'utf8').digest('base64')}'`);
  }
  return hashes;
}

/** The sha256 CSP sources of the inline <style> elements of `html`, in order. */
export function inlineStyleHashes(html) {
  return [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi)]
    .map((m) => `'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`);
}

/** The attributes of an HTML start tag, as an object. */
function attributes(tag) {
  return Object.fromEntries([...tag.matchAll(/([\w-]+)(?:="([^"]*)")?/g)].slice(1).map((m) => [m[1].toLowerCase(), m[2] ?? '']));
}

/**
 * Makes the integrity hashes on the preload links binding. Chromium ignores
 * `integrity` on `<link rel="preload" as="fetch">` (the wasm), and
 * wasm-bindgen's loader fetches the wasm without one; the JS modules (the
 * glue and the split chunks' loader, see tools/split.mjs) are imported by
 * the loader, which may start before their modulepreloads. So the loader
 * fetches the wasm with its hash, an import map gives every preloaded module
 * its hash, and the ignored attribute goes.
 */
export function bindIntegrity(html) {
  if (html.includes('<script type="importmap">')) return html; // done already
  const links = [...html.matchAll(/<link\b[^>]*>/gi)].map((m) => ({ tag: m[0], ...attributes(m[0]) }));
  const wasm = links.find((l) => l.rel === 'preload' && l.href?.endsWith('.wasm'));
  const modules = links.filter((l) => l.rel === 'modulepreload' && l.href?.endsWith('.js'));
  if (!wasm?.integrity || !modules.length || modules.some((m) => !m.integrity)) {
    throw new Error('Trunk wrote no integrity hashes for the wasm and its JS modules');
  }
  const call = `module_or_path: '${wasm.href}'`;
  if (!html.includes(call)) throw new Error(`the loader does not contain ${call}; update tools/csp.mjs for this Trunk`);
  const loader = html.search(/<script type="module">/);
  const integrity = Object.fromEntries(modules.map((m) => [m.href, m.integrity]));
  // Modules imported only when needed (the figures-first module, tools/figures.mjs):
  // named by the script that imports them, never preloaded.
  for (const m of html.matchAll(/<script\b[^>]*\bdata-import="([^"]+)"[^>]*\bdata-import-integrity="([^"]+)"/g)) integrity[m[1]] = m[2];
  const importMap = `<script type="importmap">${JSON.stringify({ imports: {}, integrity })}</script>\n`;
  return (html.slice(0, loader) + importMap + html.slice(loader))
    // A shared link's page first lets the figures-first module run (window.ftRoiFigures, index.html); the bytes
    // keep coming meanwhile (the preload).
    .replace(call, `module_or_path: (window.ftRoiFigures ?? Promise.resolve()).then(() => fetch('${wasm.href}', { integrity: '${wasm.integrity}' }))`)
    .replace(wasm.tag, wasm.tag.replace(/\s+integrity="[^"]*"/, ''));
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
  const styleHashes = [...new Set(inlineStyleHashes(html))];
  let policy = meta[2];
  if (/'unsafe-(inline|eval)'/.test(policy)) throw new Error(`policy must not allow unsafe-inline or unsafe-eval: ${policy}`);
  for (const [placeholder, found] of [[PLACEHOLDER, hashes], [STYLE_PLACEHOLDER, styleHashes]]) {
    if (policy.includes(placeholder)) {
      policy = policy.replace(placeholder, found.join(' ')).replace(/ {2,}/g, ' ').replace(/ ;/g, ';');
    } else {
      // Already completed (the hook ran twice): every inline script and style must be allowed.
      const missing = found.filter((h) => !policy.includes(h));
      if (missing.length) throw new Error(`policy lacks ${missing.join(' ')} and has no ${placeholder} placeholder`);
    }
  }
  const quote = meta[1];
  const tag = `<meta http-equiv="Content-Security-Policy" content=${quote}${policy}${quote}>`;
  return { html: html.slice(0, meta.index) + tag + html.slice(meta.index + meta[0].length), policy, hashes };
}

async function main() {
  const file = process.argv[2]
    ?? join(process.env.TRUNK_STAGING_DIR ?? process.env.TRUNK_DIST_DIR ?? 'dist', 'index.html');
  const { html, policy, hashes } = completePolicy(bindIntegrity(await readFile(file, 'utf8')));
  await writeFile(file, html);
  console.log(`[csp] ${file}: ${hashes.length} inline script hash(es); policy: ${policy}`);
  console.log(`[link-preview] ${file}: ${await applyLinkPreview(file)}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(`[csp] ${e.message}`);
    process.exit(1);
  });
}
