// Progressive enhancement of the desk list: a map of the desks shown, when Leaflet is there.
(function () {
  "use strict";
  var container = document.getElementById("desk-map");
  if (!container || typeof window.L === "undefined") {
    return;
  }
  var cards = document.querySelectorAll(".desk-card[data-lat]");
  if (!cards.length) {
    return;
  }
  container.hidden = false;
  var map = window.L.map(container, { scrollWheelZoom: false });
  window.L.tileLayer(container.dataset.tiles, {
    maxZoom: 18,
    attribution: container.dataset.attribution || "",
  }).addTo(map);
  var bounds = [];
  cards.forEach(function (card) {
    var point = [parseFloat(card.dataset.lat), parseFloat(card.dataset.lng)];
    bounds.push(point);
    var link = document.createElement("a");
    link.href = card.dataset.url;
    link.textContent = card.dataset.name;
    window.L.marker(point, { alt: card.dataset.name }).addTo(map).bindPopup(link);
  });
  map.fitBounds(bounds, { padding: [24, 24], maxZoom: 14 });
})();
