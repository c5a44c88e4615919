// Turns each .linkrete-map (hidden until now) into a Leaflet map; without JS the address and
// the "Open in OpenStreetMap" link stand in for it.
(function () {
  "use strict";
  if (typeof L === "undefined") { return; }
  document.querySelectorAll(".linkrete-map").forEach(function (element) {
    var labels = (element.dataset.labels || "").split("|");
    var points = (element.dataset.points || "").split(";").map(function (pair) {
      var parts = pair.split(",");
      return [parseFloat(parts[0]), parseFloat(parts[1])];
    }).filter(function (p) { return !isNaN(p[0]) && !isNaN(p[1]); });
    if (!points.length) { return; }
    element.hidden = false;
    var map = L.map(element, { scrollWheelZoom: false });
    L.tileLayer(element.dataset.tileUrl, {
      maxZoom: 19, attribution: element.dataset.attribution
    }).addTo(map);
    var markers = points.map(function (point, index) {
      var marker = L.marker(point, { alt: labels[index] || "", keyboard: false }).addTo(map);
      if (labels[index]) {
        // Leaflet writes string content as HTML: pass an element so names stay plain text.
        var label = document.createElement("span");
        label.textContent = labels[index];
        marker.bindTooltip(label);
      }
      return marker;
    });
    if (points.length === 1) {
      map.setView(points[0], 16);
    } else {
      map.fitBounds(L.featureGroup(markers).getBounds(), { padding: [24, 24] });
    }
  });
})();
