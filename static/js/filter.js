/* Instant filtering of a listing with checkboxes; the state lives in the URL query.
 * Without JavaScript the facet links (static pages) do the same job.
 * Within a facet any checked value matches (OR); across facets all must match (AND). */
(function () {
  "use strict";
  var form = document.querySelector("form[data-filter]");
  if (!form) { return; }
  var cards = Array.prototype.slice.call(document.querySelectorAll("[data-results] > li"));
  var status = document.querySelector("[data-result-count]");
  var boxes = Array.prototype.slice.call(form.querySelectorAll("input[type=checkbox]"));
  var clear = form.querySelector("[data-clear]");
  var show = form.querySelector("[data-show-results]");

  function each(selector, action) {
    Array.prototype.forEach.call(form.querySelectorAll(selector), action);
  }

  function selection() {
    var chosen = {};
    boxes.forEach(function (box) {
      if (box.checked) { (chosen[box.name] = chosen[box.name] || []).push(box.name + ":" + box.value); }
    });
    return chosen;
  }

  function matches(card, chosen) {
    var tokens = (card.getAttribute("data-facets") || "").split(" ");
    return Object.keys(chosen).every(function (facet) {
      return chosen[facet].some(function (token) { return tokens.indexOf(token) !== -1; });
    });
  }

  function apply() {
    var chosen = selection();
    var shown = 0;
    cards.forEach(function (card) {
      var match = matches(card, chosen);
      card.hidden = !match;
      if (match) { shown += 1; }
    });
    var noun = status.getAttribute(shown === 1 ? "data-singular" : "data-plural");
    var filtered = Object.keys(chosen).length > 0;
    status.textContent = shown + " " + noun + (filtered ? " of " + status.getAttribute("data-total") : "");
    show.querySelector("a").textContent = "Show " + shown + " " + noun;
    clear.hidden = !filtered;
  }

  function lowerCase(value) { return value.toLowerCase(); }

  /* Values in the URL match in either case: ?country=RW as ?country=rw (the search page's spelling). */
  function readUrl() {
    var params = new URLSearchParams(window.location.search);
    boxes.forEach(function (box) {
      box.checked = params.getAll(box.name).map(lowerCase).indexOf(box.value.toLowerCase()) !== -1;
      if (box.checked) { box.closest("details").open = true; }
    });
    apply();
  }

  function writeUrl() {
    var params = new URLSearchParams();
    boxes.forEach(function (box) { if (box.checked) { params.append(box.name, box.value); } });
    var query = params.toString();
    window.history.pushState(null, "", window.location.pathname + (query ? "?" + query : ""));
  }

  each(".facet-checks", function (fieldset) { fieldset.hidden = false; });
  show.hidden = false;
  each(".facet-links", function (list) { list.hidden = true; });
  form.addEventListener("change", function () { writeUrl(); apply(); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  /* The button hides itself once nothing is checked: its focus moves to the filters' heading
   * (not back to the start of the page), from which Tab leads to the first facet again. */
  function focusFiltersHeading() {
    var heading = document.getElementById(form.getAttribute("aria-labelledby"));
    heading.setAttribute("tabindex", "-1");
    heading.focus();
  }

  clear.addEventListener("click", function () {
    boxes.forEach(function (box) { box.checked = false; });
    writeUrl();
    apply();
    focusFiltersHeading();
  });
  window.addEventListener("popstate", readUrl);
  readUrl();
}());
