// The place search's suggestions: while a place is typed, a <datalist> offers up to ten
// names (zones first, or municipalities alone where the data URL says so) from the server. Without this script the typed name is searched as is.
(function () {
  "use strict";
  document.querySelectorAll("input[data-place-suggest]").forEach(function (input) {
    var list = document.createElement("datalist");
    list.id = input.id + "-suggestions";
    input.after(list);
    input.setAttribute("list", list.id);
    var timer = null;
    var asked = "";
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var typed = input.value.trim();
        if (typed.length < 2 || typed === asked) {
          return;
        }
        asked = typed;
        var url = new URL(input.dataset.placeSuggest, window.location.href);
        url.searchParams.set("dove", typed);
        fetch(url, { headers: { Accept: "application/json" } })
          .then(function (response) { return response.ok ? response.json() : { names: [] }; })
          .then(function (data) {
            list.replaceChildren.apply(list, data.names.map(function (name) {
              var option = document.createElement("option");
              option.value = name;
              return option;
            }));
          })
          .catch(function () {});
      }, 200);
    });
  });
})();
