// A small static file server for dist/: the right MIME types (wasm as
// application/wasm), loopback only, optional sub-path prefix, and
// compressed responses (brotli, else gzip) as any production host sends
// them. Used by tools/serve.sh, the end-to-end tests and the benchmarks.
import { createServer } from 'node:http';
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

// `.tiktoken`: the tokenizer vocabularies (issue 30), base64 text that brotli shrinks to a third.
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.svg', '.json', '.tiktoken']);
// `best`: the smallest output (brotli 11, gzip 9), as a host's precompressed
// files are; about 1.5 s for the wasm, once. Otherwise fast settings (brotli
// 5, gzip 6), for the tests, which serve many short-lived copies.
const ENCODERS = {
  br: (body, best) => promisify(brotliCompress)(body, {
    params: { [constants.BROTLI_PARAM_QUALITY]: best ? 11 : 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
  }),
  gzip: (body, best) => promisify(gzip)(body, { level: best ? 9 : 6 }),
};
// Compressed bodies by encoding, level, path and modification time: each
// file is compressed once per build.
const compressed = new Map();

async function encoded(file, encoding, body, best) {
  const { mtimeMs } = await stat(file);
  const key = `${encoding}:${best}:${file}:${mtimeMs}`;
  if (!compressed.has(key)) compressed.set(key, ENCODERS[encoding](body, best));
  return compressed.get(key);
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.tiktoken': 'text/plain; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

/** Fills the cache with the best brotli and gzip bodies of every file in `root`. */
async function precompress(root) {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  await Promise.all(entries
    .filter((e) => e.isFile() && COMPRESSIBLE.has(extname(e.name)))
    .map(async (e) => {
      const file = join(e.parentPath ?? e.path, e.name);
      const body = await readFile(file);
      await Promise.all(['br', 'gzip'].map((encoding) => encoded(file, encoding, body, true)));
    }));
}

/**
 * Serves `dir` under `prefix` (default `/`) on 127.0.0.1:`port` (0 = any free
 * port), compressed with the smallest settings when `best` (what users and
 * the benchmarks get), else with fast ones (the tests). `mounts` serves more
 * directories under their own prefixes (`{ '/reference/': dir }`, the
 * benchmark's plain-JavaScript reference page), matched before `prefix`.
 */
export async function serve(dir, port = 0, prefix = '/', { best = false, mounts = {} } = {}) {
  const routes = [...Object.entries(mounts), [prefix, dir]].map(([at, d]) => [at, resolve(d)]);
  // The smallest settings take about 1.5 s for the wasm: compress everything
  // before listening, so that the first visitor does not wait for it.
  if (best) await Promise.all(routes.map(([, d]) => precompress(d)));
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      const route = routes.find(([at]) => path.startsWith(at));
      if (!route) {
        res.writeHead(404).end('not found');
        return;
      }
      const [at, root] = route;
      let file = normalize(join(root, path.slice(at.length)));
      if (!file.startsWith(root)) {
        res.writeHead(403).end('forbidden');
        return;
      }
      if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
      let body = await readFile(file);
      const headers = {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      };
      if (COMPRESSIBLE.has(extname(file))) {
        headers.vary = 'accept-encoding';
        const accepted = req.headers['accept-encoding'] ?? '';
        const encoding = ['br', 'gzip'].find((e) => new RegExp(`\\b${e}\\b`).test(accepted));
        if (encoding) {
          body = await encoded(file, encoding, body, best);
          headers['content-encoding'] = encoding;
        }
      }
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(port, '127.0.0.1', ok));
  return { server, url: `http://127.0.0.1:${server.address().port}${prefix}` };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dir = 'dist', port = '8080', prefix = '/'] = process.argv.slice(2);
  const { url } = await serve(dir, Number(port), prefix, { best: true });
  console.log(`Serving ${dir} at ${url} (Ctrl-C to stop)`);
}
