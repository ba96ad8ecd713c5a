/* Muster turf page: each turf's walking route and doors on a plain background (Leaflet). */
(function () {
  'use strict';
  var el = document.getElementById('map');
  var map = L.map(el).setView([35.5, -79.4], 7);
  var COLOURS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#17becf', '#8c564b', '#e377c2'];
  fetch(el.dataset.routes, { credentials: 'same-origin' })
    .then(function (r) { return r.json(); })
    .then(function (data) {
      var layers = [];
      data.turfs.forEach(function (t, i) {
        var colour = COLOURS[i % COLOURS.length];
        var label = document.createElement('div');
        label.textContent = t.name + ': ' + t.doors + ' doors, ' + (t.routeMetres / 1000).toFixed(2) + ' km';
        var line = L.polyline(t.route, { color: colour, weight: 2 }).bindTooltip(label, { sticky: true });
        layers.push(line);
        t.route.forEach(function (p, k) {
          layers.push(L.circleMarker(p, { radius: k === 0 ? 5 : 3, color: colour, weight: 1, fillOpacity: k === 0 ? 1 : 0.6 }));
        });
      });
      var group = L.featureGroup(layers).addTo(map);
      if (layers.length) map.fitBounds(group.getBounds(), { padding: [20, 20] });
      el.dataset.turfs = String(data.turfs.length);
    });
})();
