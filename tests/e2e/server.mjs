// A small static server for the end-to-end tests, on 127.0.0.1 with a free port.
// It serves the release build (dist/) at the root and under a sub-path, as a city's site would,
// plus broken copies (missing worker, missing wasm) and the guard's control pages.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
};

export const SUB_PATH = '/ville/outils/reflet/';

// prefix -> [folder, files that answer 404]
function mounts(dist, control) {
  return [
    ['/control/', control, []],
    [SUB_PATH, dist, []],
    ['/no-wasm/', dist, ['reflet_bg.wasm']],
    ['/', dist, []],
  ];
}

// Headers as README "Hosting" asks: every file revalidated (no-cache), except sw.js, which the
// browser's HTTP cache may answer for a day (boot.js registers it with updateViaCache 'all'), so
// that the browser's own check of it after each visit reaches no server. `swCache` stands for a
// host that sends sw.js otherwise.
export const SW_CACHE = 'max-age=86400';

export async function startServer({ dist, control, swCache = SW_CACHE }) {
  const table = mounts(dist, control);
  const log = [];
  // `failing` stands for a host that is down (every answer a 503), for as long as it is set.
  const host = { failing: false };
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    log.push(url.pathname + url.search);
    if (host.failing) { res.writeHead(503, { 'content-type': 'text/plain' }).end('Service unavailable'); return; }
    const mount = table.find(([prefix]) => url.pathname.startsWith(prefix));
    if (!mount) { res.writeHead(404).end(); return; }
    const [prefix, folder, missing] = mount;
    let rel = decodeURIComponent(url.pathname.slice(prefix.length)) || 'index.html';
    if (rel.endsWith('/')) rel += 'index.html';
    const path = normalize(join(folder, rel));
    if (!path.startsWith(folder + sep) || missing.includes(rel)) { res.writeHead(404).end(); return; }
    try {
      const body = await readFile(path);
      const cache = rel === 'sw.js' ? swCache : 'no-cache';
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', 'cache-control': cache });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, log, host, close: () => new Promise((ok) => server.close(ok)) };
}
