/* Muster map page: precinct choropleth and address points with Leaflet; data from /maps/*.json. */
(function () {
  'use strict';
  var el = document.getElementById('map');
  var form = document.getElementById('map-controls');
  var status = document.getElementById('map-status');
  var legend = document.getElementById('map-legend');
  // No tile server by default: shapes and points on a plain background, so the map works with no network.
  var map = L.map(el, { zoomSnap: 0.25 }).setView([35.5, -79.4], 7);
  if (el.dataset.tiles) L.tileLayer(el.dataset.tiles, { maxZoom: 19 }).addTo(map);
  // Points get a pane above the precinct shapes, so a filled precinct never hides them; the pane lets the mouse
  // through, so hovering still reaches the precinct underneath.
  var pointPane = map.createPane('points');
  pointPane.style.zIndex = 450;
  pointPane.style.pointerEvents = 'none';
  var renderer = L.canvas({ padding: 0.5, pane: 'points' });
  var shapes = null;
  var points = null;
  var fitted = false;
  var SEQUENTIAL = ['#f1eef6', '#bdc9e1', '#74a9cf', '#2b8cbe', '#045a8d'];
  // Support runs 1 (strong support) .. 5 (strong opposition): blue for support, red for opposition.
  var DIVERGING = ['#2166ac', '#92c5de', '#f7f7f7', '#f4a582', '#b2182b'];

  function query() {
    return new URLSearchParams(new FormData(form)).toString();
  }

  function format(measure, v) {
    return measure === 'support' ? v.toFixed(2) : (v * 100).toFixed(1) + '%';
  }

  function classes(measure, values) {
    if (measure === 'support') return { colours: DIVERGING, breaks: [1.8, 2.6, 3.4, 4.2], min: 1, max: 5 };
    var min = Math.min.apply(null, values);
    var max = Math.max.apply(null, values);
    var breaks = [];
    for (var i = 1; i < 5; i++) breaks.push(min + (max - min) * i / 5);
    return { colours: SEQUENTIAL, breaks: breaks, min: min, max: max };
  }

  function colour(scale, v) {
    if (v === null || v === undefined) return '#d0d4db';
    var i = 0;
    while (i < scale.breaks.length && v >= scale.breaks[i]) i++;
    return scale.colours[i];
  }

  function drawLegend(data, scale) {
    legend.textContent = '';
    var title = document.createElement('strong');
    title.textContent = data.label;
    legend.appendChild(title);
    var bounds = [scale.min].concat(scale.breaks).concat([scale.max]);
    // One value everywhere is one class, not five identical ones.
    var first = scale.max > scale.min ? 0 : scale.colours.length - 1;
    if (first > 0) bounds[first] = scale.min;
    for (var i = first; i < scale.colours.length; i++) {
      var row = document.createElement('div');
      var swatch = document.createElement('span');
      swatch.className = 'swatch';
      swatch.style.background = scale.colours[i];
      row.appendChild(swatch);
      row.appendChild(document.createTextNode(format(data.measure, bounds[i]) + ' – ' + format(data.measure, bounds[i + 1])));
      legend.appendChild(row);
    }
    var none = document.createElement('div');
    var grey = document.createElement('span');
    grey.className = 'swatch';
    grey.style.background = '#d0d4db';
    none.appendChild(grey);
    none.appendChild(document.createTextNode('no one'));
    legend.appendChild(none);
  }

  // A DOM node, never an HTML string: precinct names come from imported files.
  function tooltip(data, p) {
    var text = (p.name || p.precinct) + (p.county ? ', ' + p.county : '') + ' (' + p.precinct + ')\n';
    text += p.value === null ? 'no one' : format(data.measure, p.value) + (data.measure === 'support'
      ? ' over ' + p.denominator.toLocaleString() + ' people with a support level'
      : ' = ' + p.numerator.toLocaleString() + ' of ' + p.denominator.toLocaleString());
    var node = document.createElement('div');
    node.textContent = text;
    return node;
  }

  function fail(response) {
    return response.text().then(function (body) {
      var message = body;
      var doc = new DOMParser().parseFromString(body, 'text/html');
      var main = doc.querySelector('main p');
      if (main) message = main.textContent;
      throw new Error(message);
    });
  }

  function drawShapes() {
    return fetch('/maps/precincts.json?' + query(), { credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.json() : fail(r); })
      .then(function (data) {
        var values = data.features.map(function (f) { return f.properties.value; })
          .filter(function (v) { return v !== null; });
        var scale = classes(data.measure, values.length ? values : [0, 1]);
        if (shapes) map.removeLayer(shapes);
        // SVG for shapes (a few thousand paths, each hoverable); canvas for the many points.
        shapes = L.geoJSON(data, {
          style: function (f) {
            return { fillColor: colour(scale, f.properties.value), fillOpacity: 0.8, color: '#4a5366', weight: 0.6 };
          },
          onEachFeature: function (f, layer) {
            layer.bindTooltip(tooltip(data, f.properties), { sticky: true, className: 'map-tip' });
          }
        }).addTo(map);
        el.dataset.shapes = String(data.features.length);
        if (!fitted && data.features.length) {
          map.fitBounds(shapes.getBounds());
          fitted = true;
        }
        drawLegend(data, scale);
        return data.features.length + ' precincts';
      });
  }

  function drawPoints() {
    if (points) map.removeLayer(points);
    points = null;
    el.dataset.points = '0';
    if (!document.getElementById('map-points').checked) return Promise.resolve('');
    return fetch('/maps/points.json?' + query(), { credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.json() : fail(r); })
      .then(function (data) {
        points = L.layerGroup(data.points.map(function (p) {
          return L.circleMarker(p, { renderer: renderer, interactive: false, radius: 2.5, weight: 0, fillColor: '#b3261e', fillOpacity: 0.7 });
        })).addTo(map);
        el.dataset.points = String(data.points.length);
        return data.sample
          ? data.points.length.toLocaleString() + ' addresses shown, an even sample of ' + data.people.toLocaleString() + ' people'
          : data.points.length.toLocaleString() + ' addresses';
      });
  }

  function draw(event) {
    if (event) event.preventDefault();
    status.textContent = 'Drawing…';
    Promise.all([drawShapes(), drawPoints()])
      .then(function (parts) { status.textContent = parts.filter(Boolean).join('; '); })
      .catch(function (e) { status.textContent = e.message; });
  }

  form.addEventListener('submit', draw);
  draw();
})();
