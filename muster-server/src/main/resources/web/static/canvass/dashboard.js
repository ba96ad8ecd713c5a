// Live field dashboard: the server pushes the progress table (escaped by the server) whenever a result arrives.
'use strict';
(() => {
  const box = document.getElementById('dashboard');
  const feed = new EventSource(box.dataset.feed);
  feed.addEventListener('progress', event => { box.innerHTML = event.data; });
})();
