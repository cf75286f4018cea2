// Reflet's service worker: it keeps the app's own files on this device, so that a device that
// opened Reflet once can open it again without a network. boot.js registers it, only in a secure
// context (https, or localhost), with the scope of the folder it is served from: Reflet works at
// the root of an origin or under any sub-path, and this worker never sees the rest of the site.
// No build step: this file is copied as it is (index.html, Trunk's copy-file).
//
// - Install: fetch the app's files (FILES) and keep them. The page says Reflet opens offline only
//   once this is done, and the app counts as loaded only then: these are load-time requests.
// - Fetch: GET requests under the scope only (blob: and data: URLs, other origins, other paths
//   of the site are left to the browser). Network first, so an online visit behaves as without
//   this worker and picks up a new version of Reflet; each good response is kept, replacing the
//   old copy. When the network fails, or the host answers with an error (5xx, 404), the kept
//   copy answers. The guide pages (guides/) are kept as they are visited.
// - Nothing is sent anywhere and nothing of a person is kept: only Reflet's own files.
// The browser also checks whether this file changed, a moment after each visit (the service
// worker specification's "soft update"). boot.js registers it with updateViaCache 'all' and the
// host sends it with `Cache-Control: max-age=86400` (README "Hosting"), so the browser's HTTP
// cache answers that check; the server is asked at most once a day, by boot.js during load.
// Such a check carries nothing. A device thus picks up a new sw.js on its first visit a day or
// more after its last check; Reflet's other files, fetched network first, at once.

// The files at the top of dist/, relative to this file ('./' is index.html). Every one must be
// listed, and only those: tests/integration/offline.rs checks this list against index.html, and
// tests/e2e/app.test.mjs ("offline use") against dist/.
const FILES = [
  './',
  'boot.js',
  'vault.js',
  'reflet.js',
  'reflet_bg.wasm',
  'tokens.css',
  'base.css',
  'layout.css',
  'drop-zone.css',
  'file-list.css',
  'letters.css',
  'boot.css',
  'reuse.css',
  'share.css',
  'offline.css',
  'vault.css',
];

// One cache per installation of Reflet (two sub-paths of one site keep their own files).
const SCOPE = self.registration.scope;
const CACHE = `reflet ${SCOPE}`;

self.addEventListener('install', (event) => {
  // The first installation fetches every file, while Reflet loads: all or nothing (if one fails,
  // the installation fails and is tried again on the next visit). It goes through the HTTP cache:
  // the page has just loaded these files, so a host that revalidates (README "Hosting") answers
  // "not modified" instead of sending them twice. A new sw.js, found while a later visit loads
  // (boot.js), finds the files already kept and fetches only those it lists and the kept ones
  // lack (a new file), also during load.
  event.waitUntil(caches.open(CACHE)
    .then(async (cache) => {
      const kept = await Promise.all(FILES.map((file) => cache.match(file)));
      const missing = FILES.filter((_, i) => !kept[i]);
      if (missing.length) await cache.addAll(missing);
    })
    .then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  // Take over the page that registered this worker, and forget files an older Reflet had and
  // this one no longer has (guide pages stay).
  const keep = new Set(FILES.map((file) => new URL(file, SCOPE).href));
  event.waitUntil(caches.open(CACHE)
    .then((cache) => cache.keys().then((requests) => Promise.all(requests
      .filter((r) => !keep.has(r.url) && !r.url.startsWith(`${SCOPE}guides/`))
      .map((r) => cache.delete(r)))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || !request.url.startsWith(SCOPE)) return;
  // Reflet's files have no query: a request with one (the self-test's, #selftest) is left to the
  // browser; a page asked with one is answered (offline, by the kept page) but not kept.
  const plain = !new URL(request.url).search;
  if (!plain && request.mode !== 'navigate') return;
  event.respondWith(networkFirst(event, request, plain));
});

async function networkFirst(event, request, keep) {
  const cache = await caches.open(CACHE);
  let response;
  try {
    response = await fetch(request);
  } catch (offline) {
    // No network: the kept copy.
    const kept = await keptCopy(cache, request);
    if (kept) return kept;
    throw offline;
  }
  if (response.ok) {
    if (keep && response.type === 'basic') {
      const copy = response.clone();
      event.waitUntil(cache.put(request, copy).catch(() => {}));
    }
    return response;
  }
  // The host answered with an error (down for maintenance, a file missing mid-update): the kept
  // copy, where there is one, rather than a broken Reflet; the error otherwise.
  return (await keptCopy(cache, request)) ?? response;
}

// The kept copy of a request: a page whatever its query; index.html is kept as './'.
async function keptCopy(cache, request) {
  const page = request.mode === 'navigate';
  return (await cache.match(request, { ignoreSearch: page }))
    ?? (page && request.url.split('?')[0] === `${SCOPE}index.html` ? cache.match(SCOPE) : undefined);
}
