/* global self, caches, fetch, URL, Request, Response, AbortController, setTimeout, clearTimeout */
/**
 * Stockroom's service worker: keeps the app shell so that a reload with the
 * server (or the network) down still opens the room; the items themselves come
 * from IndexedDB, and the WebSocket provider sends offline edits on reconnect.
 *
 * This file is a template: the build (client/vite-sw-plugin.ts) fills in the
 * files of the build and a version, and emits it as dist/sw.js.
 */
const PRECACHE = self.__PRECACHE__;
const CACHE = `stockroom-shell-${self.__VERSION__}`;
// How long a navigation waits for the network before the cached shell is served.
const NAVIGATION_TIMEOUT_MS = 4000;
// Live traffic that must never be cached or answered from a cache: the server's
// path prefixes (shared/protocol.ts Paths) and the worker itself.
const BYPASS = self.__BYPASS__;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      // `reload` skips the HTTP cache so that the shell matches this build.
      .then((cache) => cache.addAll(PRECACHE.map((url) => new Request(url, { cache: 'reload' }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys.filter((k) => k.startsWith('stockroom-') && k !== CACHE).map((k) => caches.delete(k)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (BYPASS.some((prefix) => url.pathname === prefix || url.pathname.startsWith(`${prefix}/`))) return;
  if (request.mode === 'navigate') {
    event.respondWith(navigate(request));
  } else {
    event.respondWith(cacheFirst(request));
  }
});

/** Network first, so a deploy shows at once; the cached shell when the server is unreachable. */
async function navigate(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetchWithTimeout(request, NAVIGATION_TIMEOUT_MS);
    if (response.ok) {
      await cache.put('/', response.clone());
      return response;
    }
    if (response.status < 500) return response;
  } catch {
    // unreachable: fall through to the cached shell
  }
  const shell = await cache.match('/');
  return shell ?? new Response('Stockroom is offline and has no cached copy yet.', { status: 503 });
}

/** Built assets have content hashes in their names, so a cached copy never goes stale. */
async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request, { ignoreSearch: true });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok && new URL(request.url).pathname.startsWith('/assets/')) {
    await cache.put(request, response.clone());
  }
  return response;
}

// A navigate-mode Request cannot be re-issued with an init (for the signal), so fetch its URL.
function fetchWithTimeout(request, ms) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), ms);
  return fetch(request.url, { signal: controller.signal, credentials: 'same-origin' }).finally(() =>
    clearTimeout(timer),
  );
}
