// Draws the results of the search page on a Leaflet map; the list above is complete without it.
(function () {
  "use strict";
  var element = document.getElementById("search-map");
  var data = document.getElementById("search-map-data");
  if (!element || !data || !window.L) return;
  var points = JSON.parse(data.textContent);
  if (!points.length) return;
  element.classList.add("search-map-ready");
  var map = L.map(element, { scrollWheelZoom: false });
  L.tileLayer(element.dataset.tileUrl, {
    maxZoom: 19,
    attribution: element.dataset.attribution,
  }).addTo(map);
  var bounds = [];
  points.forEach(function (point) {
    var marker = L.marker([point.lat, point.lon]).addTo(map);
    var link = document.createElement("a");
    link.href = point.url;
    link.textContent = point.title;
    marker.bindPopup(link);
    bounds.push([point.lat, point.lon]);
  });
  map.fitBounds(bounds, { padding: [24, 24], maxZoom: 15 });
})();
