/*
 * Muster canvassing app: service worker. Keeps the app's shell (page, script, styles, icon, manifest, and Leaflet
 * for the map of a list's doors, whose path the server writes in for __LEAFLET__) so the app opens with no network. Lists and results live in IndexedDB (app.js), never in this cache; API calls are not
 * intercepted, so the page sees real network failures and keeps results queued.
 */
'use strict';
const CACHE = 'muster-canvass-v2';
const SHELL = ['/canvass/app', '/static/canvass/app.js', '/static/canvass/app.css', '/static/canvass/icon.svg',
  '/canvass/manifest.webmanifest', '__LEAFLET__leaflet.js', '__LEAFLET__leaflet.css'];

self.addEventListener('install', event => {
  event.waitUntil(caches.open(CACHE).then(cache => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', event => {
  event.waitUntil(caches.keys()
    .then(keys => Promise.all(keys.filter(k => k !== CACHE).map(k => caches.delete(k))))
    .then(() => self.clients.claim()));
});

// Network first, so a new version or a new CSRF token arrives whenever online; the cache when not.
self.addEventListener('fetch', event => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin || !SHELL.includes(url.pathname)) return;
  event.respondWith(fetch(event.request).then(response => {
    if (response.ok && !response.redirected) {
      const copy = response.clone();
      caches.open(CACHE).then(cache => cache.put(url.pathname, copy));
    }
    return response;
  }).catch(() => caches.match(url.pathname).then(hit => hit || Response.error())));
});
