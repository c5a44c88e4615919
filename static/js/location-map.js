// Drag a pin to set a location's coordinates. Without JavaScript the latitude and longitude
// inputs work on their own; this only adds the map next to them.
(function () {
  "use strict";
  var box = document.getElementById("location-map");
  var lat = document.getElementById("id_latitude");
  var lon = document.getElementById("id_longitude");
  if (!box || !lat || !lon || typeof L === "undefined") {
    return;
  }
  box.hidden = false;
  box.setAttribute("role", "application");
  box.setAttribute("aria-describedby", "map-help");
  var start = [parseFloat(lat.value) || 45.4642, parseFloat(lon.value) || 9.19];
  var map = L.map(box).setView(start, lat.value ? 16 : 10);
  L.tileLayer(box.dataset.tileUrl, { attribution: box.dataset.attribution, maxZoom: 19 }).addTo(map);
  var pin = L.marker(start, { draggable: true, keyboard: true, title: box.dataset.pinLabel || "" })
    .addTo(map);
  function write(latlng) {
    lat.value = latlng.lat.toFixed(6);
    lon.value = latlng.lng.toFixed(6);
  }
  pin.on("dragend", function () {
    write(pin.getLatLng());
  });
  map.on("click", function (event) {
    pin.setLatLng(event.latlng);
    write(event.latlng);
  });
  function read() {
    var a = parseFloat(lat.value);
    var b = parseFloat(lon.value);
    if (!isNaN(a) && !isNaN(b)) {
      pin.setLatLng([a, b]);
      map.panTo([a, b]);
    }
  }
  lat.addEventListener("change", read);
  lon.addEventListener("change", read);
})();
