// "Use my position": adds vicino=lat,lon to the search; hidden when the browser cannot locate.
(function () {
  "use strict";
  var button = document.getElementById("use-position");
  if (!button || !navigator.geolocation) return;
  button.classList.remove("d-none");
  button.addEventListener("click", function () {
    button.disabled = true;
    navigator.geolocation.getCurrentPosition(
      function (position) {
        var params = new URLSearchParams(window.location.search);
        params.set("vicino", position.coords.latitude.toFixed(5) + "," + position.coords.longitude.toFixed(5));
        params.delete("pagina");
        if (!params.get("ordine")) params.set("ordine", "distanza");
        window.location.search = params.toString();
      },
      function () { button.disabled = false; },
      { timeout: 10000, maximumAge: 600000 }
    );
  });
})();
