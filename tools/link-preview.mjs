// Link previews: the Open Graph and Twitter card image of the built page.
// index.html carries the tags that need no address (title, description,
// type, a `summary` card); most unfurlers (chat apps, issue trackers,
// social sites) only fetch an image given by an absolute URL, which a
// build cannot know by itself. So the post_build hook (tools/csp.mjs) calls
// `linkPreview` with FT_ROI_PUBLIC_URL, the address the site is served from
// (e.g. https://example.com/tools/roi/): with it, the page gets og:url, the
// image tags (pointing at preview.png, shipped with the site, with a digest
// of the image in its query so unfurlers refetch it when it changes) and a
// `summary_large_image` card; without it, no image tag at all.
//
// Run by hand: FT_ROI_PUBLIC_URL=https://… node tools/link-preview.mjs dist/index.html
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The preview image's file name next to index.html, and its size. */
export const IMAGE = { file: 'preview.png', width: 1200, height: 630, type: 'image/png' };
export const IMAGE_ALT = 'The FT-ROI calculator: inputs, net benefit, ROI and break-even of fine-tuning an LLM.';
const MARK = 'data-link-preview';

/**
 * The site's public address from FT_ROI_PUBLIC_URL, as a directory URL
 * (trailing slash), or null when unset or empty. Anything but an absolute
 * http(s) URL without query or fragment is an error: a typo must not ship
 * previews that point nowhere.
 */
export function publicUrl(value) {
  if (value === undefined || value.trim() === '') return null;
  let url;
  try {
    url = new URL(value.trim());
  } catch {
    throw new Error(`FT_ROI_PUBLIC_URL is not an absolute URL: ${JSON.stringify(value)}`);
  }
  if (!['http:', 'https:'].includes(url.protocol) || url.search || url.hash || url.username || url.password) {
    throw new Error(`FT_ROI_PUBLIC_URL must be an http(s) address without query, fragment or credentials: ${JSON.stringify(value)}`);
  }
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.href;
}

const escape = (text) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The content of `<meta property|name="key">` in `html`, or null. */
export function metaContent(html, key) {
  for (const m of html.matchAll(/<meta\b[^>]*>/gi)) {
    const tag = m[0];
    const named = tag.match(/\b(?:property|name)="([^"]*)"/i);
    if (named?.[1] === key) return tag.match(/\bcontent="([^"]*)"/i)?.[1] ?? '';
  }
  return null;
}

/**
 * `html` with the image tags for the site at `base` (from `publicUrl`), or
 * without any when `base` is null. `digest` versions the image URL. Running
 * it again replaces what an earlier run wrote.
 */
export function linkPreview(html, base, digest = '') {
  for (const key of ['og:title', 'og:description', 'og:type', 'twitter:card']) {
    if (metaContent(html, key) === null) throw new Error(`index.html lacks <meta ${key}>`);
  }
  // What an earlier run added goes first.
  html = html.replace(new RegExp(`[ \\t]*<meta ${MARK}\\b[^>]*>\\n?`, 'g'), '');
  const card = base ? 'summary_large_image' : 'summary';
  html = html.replace(/(<meta\s+name="twitter:card"\s+content=")[^"]*(")/i, `$1${card}$2`);
  if (!base) return html;
  const image = new URL(IMAGE.file, base).href + (digest ? `?v=${digest}` : '');
  const tags = [
    ['property', 'og:url', base],
    ['property', 'og:image', image],
    ['property', 'og:image:type', IMAGE.type],
    ['property', 'og:image:width', String(IMAGE.width)],
    ['property', 'og:image:height', String(IMAGE.height)],
    ['property', 'og:image:alt', IMAGE_ALT],
    ['name', 'twitter:image', image],
    ['name', 'twitter:image:alt', IMAGE_ALT],
  ].map(([attr, key, value]) => `<meta ${MARK} ${attr}="${key}" content="${escape(value)}">`);
  const anchor = html.match(/[ \t]*<meta\s+name="twitter:card"[^>]*>\n?/i);
  const indent = anchor[0].match(/^[ \t]*/)[0];
  const at = anchor.index + anchor[0].length;
  return html.slice(0, at) + tags.map((t) => `${indent}${t}\n`).join('') + html.slice(at);
}

/** The first 12 hex digits of the sha256 of `bytes`. */
export function shortDigest(bytes) {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 12);
}

/** The width and height of a PNG, read from its IHDR chunk. */
export function pngSize(bytes) {
  const signature = '89504e470d0a1a0a';
  if (bytes.subarray(0, 8).toString('hex') !== signature || bytes.subarray(12, 16).toString('latin1') !== 'IHDR') {
    throw new Error('not a PNG');
  }
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/**
 * Applies the link preview to the built `file` (index.html) with the
 * address in `env.FT_ROI_PUBLIC_URL`; checks the image beside it when the
 * tags point at it. Returns a line for the build log.
 */
export async function applyLinkPreview(file, env = process.env) {
  const base = publicUrl(env.FT_ROI_PUBLIC_URL);
  let digest = '';
  if (base) {
    const bytes = await readFile(join(dirname(file), IMAGE.file)).catch(() => {
      throw new Error(`${IMAGE.file} is missing beside ${file} (copy it with a data-trunk copy-file link)`);
    });
    const { width, height } = pngSize(bytes);
    if (width !== IMAGE.width || height !== IMAGE.height) {
      throw new Error(`${IMAGE.file} is ${width}×${height}, not ${IMAGE.width}×${IMAGE.height}`);
    }
    digest = shortDigest(bytes);
  }
  await writeFile(file, linkPreview(await readFile(file, 'utf8'), base, digest));
  return base ? `link preview image ${new URL(IMAGE.file, base).href}` : 'no link preview image (FT_ROI_PUBLIC_URL is not set)';
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const file = process.argv[2] ?? join(process.env.TRUNK_STAGING_DIR ?? 'dist', 'index.html');
  applyLinkPreview(file).then((line) => console.log(`[link-preview] ${file}: ${line}`), (e) => {
    console.error(`[link-preview] ${e.message}`);
    process.exit(1);
  });
}
