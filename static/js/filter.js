/* Instant filtering of a listing with checkboxes; the state lives in the URL query.
 * Without JavaScript the facet links (static pages) do the same job.
 * Within a facet any checked value matches (OR); across facets all must match (AND).
 * A listing that fits one page filters its own cards. A longer one is split into pages
 * and names the JSON file of all its cards (form[data-cards]): that file is fetched
 * once a filter is chosen, and the matching cards are shown a page at a time. */
(function () {
  "use strict";
  var form = document.querySelector("form[data-filter]");
  if (!form) { return; }
  var list = document.querySelector("[data-results]");
  var cards = list ? Array.prototype.slice.call(list.children) : [];
  var status = document.querySelector("[data-result-count]");
  var boxes = Array.prototype.slice.call(form.querySelectorAll("input[type=checkbox]"));
  var clear = form.querySelector("[data-clear]");
  var show = form.querySelector("[data-show-results]");
  var dataUrl = form.getAttribute("data-cards");
  var pager = document.querySelector("[data-pager]");
  var more = document.querySelector("[data-more]");
  var pageStatus = status.textContent;
  var pageShow = show.querySelector("a").textContent;
  var pageSize = more ? Number(more.getAttribute("data-page-size")) : 0;
  var all = null;  /* every card of the listing once fetched: [{tokens: [...], html: "<li>…"}] */
  var loading = null;
  var matched = [];
  var shownCount = 0;

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

  function matches(tokens, chosen) {
    return Object.keys(chosen).every(function (facet) {
      return chosen[facet].some(function (token) { return tokens.indexOf(token) !== -1; });
    });
  }

  /* A count as the build writes it: 6,450. */
  function number(value) { return Number(value).toLocaleString("en-US"); }

  function report(shown, filtered) {
    var noun = status.getAttribute(shown === 1 ? "data-singular" : "data-plural");
    status.textContent = number(shown) + " " + noun + (filtered ? " of " + number(status.getAttribute("data-total")) : "");
    show.querySelector("a").textContent = "Show " + number(shown) + " " + noun;
  }

  /* A listing of one page: hide the cards that do not match. */
  function applyInPage(chosen, filtered) {
    var shown = 0;
    cards.forEach(function (card) {
      var match = matches((card.getAttribute("data-facets") || "").split(" "), chosen);
      card.hidden = !match;
      if (match) { shown += 1; }
    });
    report(shown, filtered);
  }

  function load() {
    if (!loading) {
      loading = window.fetch(dataUrl, { credentials: "same-origin" }).then(function (response) {
        if (!response.ok) { throw new Error(response.status + " " + response.statusText); }
        return response.json();
      }).then(function (rows) {
        all = rows.map(function (row) { return { tokens: row[0].split(" "), html: row[1] }; });
      });
      loading.catch(function () { loading = null; });  /* the next change tries again */
    }
    return loading;
  }

  /* The next page of matching cards below those shown; the keyboard focus moves to the first new one when asked. */
  function showMore(moveFocus) {
    var start = shownCount;
    shownCount = Math.min(matched.length, start + pageSize);
    list.insertAdjacentHTML("beforeend", matched.slice(start, shownCount).map(function (card) { return card.html; }).join(""));
    more.hidden = shownCount >= matched.length;
    more.textContent = "Show " + number(Math.min(pageSize, matched.length - shownCount)) + " more (" + number(matched.length - shownCount) + " left)";
    document.dispatchEvent(new CustomEvent("cards-added"));
    if (moveFocus && list.children[start]) { list.children[start].querySelector("a").focus(); }
  }

  /* A listing of many pages: with no filter, this page's own cards; with one, every matching card of the listing. */
  function applyAcrossPages(chosen, filtered) {
    if (!filtered) {
      list.replaceChildren.apply(list, cards);
      pager.hidden = false;
      more.hidden = true;
      status.textContent = pageStatus;
      show.querySelector("a").textContent = pageShow;
      return;
    }
    if (!all) {
      status.textContent = "Loading…";
      load().then(apply, function () {
        status.textContent = "The filters could not be loaded. Try again, or use the links that each filter lists without JavaScript.";
      });
      return;
    }
    matched = all.filter(function (card) { return matches(card.tokens, chosen); });
    pager.hidden = true;
    list.replaceChildren();
    shownCount = 0;
    showMore(false);
    report(matched.length, true);
  }

  function apply() {
    var chosen = selection();
    var filtered = Object.keys(chosen).length > 0;
    clear.hidden = !filtered;
    if (dataUrl && list && pager && more) { applyAcrossPages(chosen, filtered); } else { applyInPage(chosen, filtered); }
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
  if (more) { more.addEventListener("click", function () { showMore(true); }); }
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
