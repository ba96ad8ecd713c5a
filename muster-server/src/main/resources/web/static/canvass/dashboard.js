// Live field dashboard: the server pushes the tables (escaped by the server) whenever a result arrives, and once on
// connecting; data-live says whether the feed is connected.
'use strict';
(() => {
  const box = document.getElementById('dashboard');
  const feed = new EventSource(box.dataset.feed);
  feed.addEventListener('progress', event => { box.innerHTML = event.data; box.dataset.live = 'true'; });
  feed.addEventListener('error', () => { box.dataset.live = 'false'; });
})();
