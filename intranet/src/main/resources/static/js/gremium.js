// Small enhancements only; every page works without this file (docs/adr/0006-intranet.md).
(function () {
  "use strict";
  function focusFirst(root) {
    var target = root.querySelector("#fehlerliste") || root.querySelector("[data-fokus]") || root.querySelector("h1, h2");
    if (target) {
      if (!target.hasAttribute("tabindex")) { target.setAttribute("tabindex", "-1"); }
      target.focus();
    }
  }
  document.addEventListener("DOMContentLoaded", function () {
    var summary = document.getElementById("fehlerliste");
    if (summary) { summary.focus(); }
  });
  // after htmx replaced a region: focus its error summary or heading, announce what it says it holds
  document.addEventListener("htmx:afterSwap", function (event) {
    var region = event.detail.target;
    focusFirst(region);
    var said = region.querySelector("[data-ansage]");
    var live = document.getElementById("ansage");
    if (said && live) { live.textContent = said.getAttribute("data-ansage"); }
  });
  // htmx swaps 4xx answers too: a refused form comes back with its errors beside the fields
  document.addEventListener("htmx:beforeSwap", function (event) {
    var status = event.detail.xhr.status;
    if (status === 400 || status === 409 || status === 422) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });
})();
