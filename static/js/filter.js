/* Instant filtering of a listing with checkboxes; the state lives in the URL query.
 * Without JavaScript the facet links (static pages) do the same job.
 * Within a facet any checked value matches (OR); across facets all must match (AND).
 * A listing that fits one page filters its own cards. A longer one is split into pages
 * and names a JSON file of the facet values of all its cards (form[data-cards]), fetched
 * once a filter is chosen. The matching cards come from the static pages of one chosen
 * facet (the one with the fewest matches): a page of matches at a time, from as few pages
 * as the matches fill there, where the listing's own pages would scatter them over dozens.
 * Its matches are the whole listing's, whichever page it is on: on a later page
 * (form[data-first-page]) the address of a filter is the listing's first page with
 * the filter's query, and the title and description the listing's own; with no filter, the page's own.
 * How many matches are shown, and where the page was scrolled to, are kept in the
 * history entry: a browser that loads the page again on "Back" (no back/forward cache)
 * shows as many again, fetched afresh and checked like any others, and the same place. */
(function () {
  "use strict";
  var form = document.querySelector("form[data-filter]");
  if (!form) { return; }
  makeChecks();
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
  var rows = null;  /* the facet values of every card of the listing, once fetched: ["facet:value facet:value", …] */
  var facets = null;  /* the same, split: [["facet:value", …], …] */
  var refetched = false;  /* the files were fetched again, past the browser's cache, after they disagreed */
  var loading = null;
  var pages = {};  /* address of a static facet page -> promise of its cards (HTML) */
  var valuePages = valueAddresses();  /* "facet:value" -> the address of its static page */
  var matched = [];  /* positions in the listing of the cards that match */
  var sources = [];  /* for each match, where its card is: {token, rank} (the rank-th card of that value's pages) */
  var shownCount = 0;
  var busy = false;  /* "Show more" is fetching cards */
  var generation = 0;  /* counts filter changes: cards fetched for an earlier filter are not shown */
  var shownQuery = null;  /* the URL query of the filter shown */
  var RECORD = "filterCards";  /* history.state[RECORD]: {query, shown, top} of the filter shown in that entry */
  var pendingTop = null;  /* where to scroll once the cards recorded in the history entry are shown again */
  var asked = 0;  /* how many cards the last call of showMore was to add: "Try again" asks for as many */
  var ownPath = window.location.pathname;  /* this page's address and title, without a filter */
  var ownTitle = document.title;
  var firstPath = form.getAttribute("data-first-page") || ownPath;  /* the listing's, with one */
  var firstTitle = form.getAttribute("data-first-title") || ownTitle;
  var description = document.querySelector("meta[name=description]");
  var ownDescription = description ? description.content : "";
  var firstDescription = form.getAttribute("data-first-description") || ownDescription;

  /* A checkbox for each facet link, after its list (<collection>/by/<facet>/<value>/ gives its name and value):
   * the links work without JavaScript; the checkboxes, written here, are not sent twice with every page. */
  function makeChecks() {
    Array.prototype.forEach.call(form.querySelectorAll("details.facet"), function (details) {
      var links = details.querySelector(".facet-links");
      var fieldset = document.createElement("fieldset");
      var legend = document.createElement("legend");
      fieldset.className = "facet-checks";
      fieldset.hidden = true;
      legend.className = "visually-hidden";
      legend.textContent = details.querySelector("summary").textContent;
      fieldset.appendChild(legend);
      Array.prototype.forEach.call(links.querySelectorAll("a"), function (link) {
        var parts = /\/([^\/]+)\/([^\/]+)\/$/.exec(link.getAttribute("href"));
        var check = document.createElement("div");
        var box = document.createElement("input");
        var label = document.createElement("label");
        check.className = "check";
        box.type = "checkbox";
        box.id = "f-" + parts[1] + "-" + parts[2];
        box.name = parts[1];
        box.value = parts[2];
        label.htmlFor = box.id;
        Array.prototype.forEach.call(link.childNodes, function (node) { label.appendChild(node.cloneNode(true)); });
        check.appendChild(box);
        check.appendChild(label);
        fieldset.appendChild(check);
      });
      links.parentNode.insertBefore(fieldset, links.nextSibling);
    });
  }

  function each(selector, action) {
    Array.prototype.forEach.call(form.querySelectorAll(selector), action);
  }

  /* Each checkbox's value has a static page, linked from the facet's list for use without JavaScript. */
  function valueAddresses() {
    var found = {};
    boxes.forEach(function (box) {
      var ending = "/" + box.name + "/" + box.value + "/";
      var links = box.closest("details").querySelectorAll(".facet-links a");
      Array.prototype.forEach.call(links, function (link) {
        var href = link.getAttribute("href");
        if (href.slice(-ending.length) === ending) { found[box.name + ":" + box.value] = href; }
      });
    });
    return found;
  }

  /* The static page that holds card ``rank`` (from 0) of a value's: its first, then <address>page/<n>/. */
  function valuePage(token, rank) {
    var number = Math.floor(rank / pageSize) + 1;
    return valuePages[token] + (number === 1 ? "" : "page/" + number + "/");
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

  function noun(count) { return status.getAttribute(count === 1 ? "data-singular" : "data-plural"); }

  function countText(shown, filtered) {
    return number(shown) + " " + noun(shown) + (filtered ? " of " + number(status.getAttribute("data-total")) : "");
  }

  function report(shown, filtered) {
    status.textContent = countText(shown, filtered);
    show.querySelector("a").textContent = "Show " + number(shown) + " " + noun(shown);
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

  function fetchBody(url) {
    return window.fetch(url, { credentials: "same-origin", cache: refetched ? "no-cache" : "default" }).then(function (response) {
      if (!response.ok) { throw new Error(response.status + " " + response.statusText); }
      return response.text();
    });
  }

  function fetchJson(url) {
    return fetchBody(url).then(JSON.parse);
  }

  /* The cards of a static page, as HTML (parsing runs none of its scripts). */
  function fetchCards(url) {
    return fetchBody(url).then(function (text) {
      var page = new DOMParser().parseFromString(text, "text/html");
      return Array.prototype.map.call(page.querySelectorAll("[data-results] > li"), function (card) { return card.outerHTML; });
    });
  }

  function loadFacets() {
    if (!loading) {
      loading = fetchJson(dataUrl).then(function (fetched) {
        rows = fetched;
        facets = rows.map(function (row) { return row.split(" "); });
      });
      loading.catch(function () { loading = null; });  /* the next change tries again */
    }
    return loading;
  }

  function loadPage(url) {
    if (!pages[url]) {
      pages[url] = fetchCards(url);
      pages[url].catch(function () { delete pages[url]; });
    }
    return pages[url];
  }

  function failed() {
    status.textContent = "The filters could not be loaded. Try again, or use the links that each filter lists without JavaScript.";
    setBusy(false);
  }

  /* While it fetches, "Show more" says it is unavailable but stays focusable: a disabled button loses
   * the keyboard focus to the page, from which Tab starts again at the top. */
  function setBusy(value) {
    busy = value;
    if (value) { more.setAttribute("aria-disabled", "true"); } else { more.removeAttribute("aria-disabled"); }
  }

  /* The site may have been published again since cards.json was fetched (or cached by the browser):
   * the cards at each position are then others. Each card fetched must carry the facet values
   * that cards.json gives its position. */
  function agrees(positions, html) {
    return html.every(function (card, index) {
      var found = /\sdata-facets="([^"]*)"/.exec(card || "");
      return found !== null && found[1] === rows[positions[index]];
    });
  }

  /* Files of two builds: fetch both kinds again, past the browser's cache, and filter afresh (once a page view). */
  function refetch() {
    pages = {};
    if (refetched) {
      failed();
      more.hidden = false;
      more.textContent = "Try again";
      return;
    }
    refetched = true;
    rows = facets = loading = null;
    apply();
  }

  /* Keep the count of cards shown (and the scroll position) in the history entry, for a page loaded again on "Back". */
  function record() {
    if (!more || !shownCount) { return; }
    var state = Object.assign({}, window.history.state);
    state[RECORD] = { query: shownQuery, shown: shownCount, top: Math.round(window.scrollY) };
    try { window.history.replaceState(state, ""); } catch (error) { /* (a browser's limit on history calls: only a convenience is lost) */ }
  }

  /* What the history entry recorded of the filter its address names, if anything. */
  function recorded() {
    var saved = window.history.state && window.history.state[RECORD];
    return saved && saved.query === window.location.search && typeof saved.shown === "number" && saved.shown > 0 ? saved : null;
  }

  /* The next ``count`` matching cards below those shown, fetching the static pages they are on;
   * the keyboard focus moves to the first new one when asked. */
  function showMore(moveFocus, count) {
    var start = shownCount;
    var wanted = matched.slice(start, start + count);
    var from = sources.slice(start, start + count);
    asked = count;
    var urls = [];
    from.forEach(function (source) {
      var url = valuePage(source.token, source.rank);
      if (urls.indexOf(url) === -1) { urls.push(url); }
    });
    var current = generation;
    setBusy(true);
    Promise.all(urls.map(loadPage)).then(function (loaded) {
      if (current !== generation) { return; }
      var html = from.map(function (source) {
        return loaded[urls.indexOf(valuePage(source.token, source.rank))][source.rank % pageSize];
      });
      if (!agrees(wanted, html)) { refetch(); return; }
      list.insertAdjacentHTML("beforeend", html.join(""));
      shownCount = start + wanted.length;
      /* (again after a failed attempt only: the count is a live region, and text written again is read out again) */
      if (status.textContent !== countText(matched.length, true)) { report(matched.length, true); }
      setBusy(false);
      more.hidden = shownCount >= matched.length;
      more.textContent = "Show " + number(Math.min(pageSize, matched.length - shownCount)) + " more (" + number(matched.length - shownCount) + " left)";
      document.dispatchEvent(new CustomEvent("cards-added"));
      if (moveFocus && list.children[start]) { list.children[start].querySelector("a").focus(); }
      asked = 0;
      if (pendingTop !== null) { window.scrollTo(0, pendingTop); }
      pendingTop = null;
      record();
    }, function () {
      if (current !== generation) { return; }
      failed();
      more.hidden = false;  /* it fetches the same cards again */
      more.textContent = "Try again";
    });
  }

  /* The facet of the filter whose chosen values the fewest cards have. */
  function leadFacet(chosen) {
    var counts = {};
    var names = Object.keys(chosen);
    names.forEach(function (name) { counts[name] = 0; });
    facets.forEach(function (tokens) {
      names.forEach(function (name) {
        if (chosen[name].some(function (token) { return tokens.indexOf(token) !== -1; })) { counts[name] += 1; }
      });
    });
    return names.reduce(function (best, name) { return counts[name] < counts[best] ? name : best; });
  }

  /* The positions of the matches in the listing and, for each, its place among the cards of one
   * of its values of the lead facet (the static pages list a value's cards in the listing's order). */
  function locate(chosen) {
    var lead = chosen[leadFacet(chosen)];
    var seen = {};
    matched = [];
    sources = [];
    facets.forEach(function (tokens, position) {
      var source = null;
      lead.forEach(function (token) {
        if (tokens.indexOf(token) === -1) { return; }
        if (!source) { source = { token: token, rank: seen[token] || 0 }; }
        seen[token] = (seen[token] || 0) + 1;
      });
      if (matches(tokens, chosen)) { matched.push(position); sources.push(source); }
    });
  }

  /* A listing of many pages: with no filter, this page's own cards; with one, every matching card of the listing. */
  function applyAcrossPages(chosen, filtered) {
    generation += 1;
    if (!filtered) {
      shownCount = 0;
      list.replaceChildren.apply(list, cards);
      pager.hidden = false;
      more.hidden = true;
      status.textContent = pageStatus;
      show.querySelector("a").textContent = pageShow;
      return;
    }
    if (!facets) {
      status.textContent = "Loading…";
      var current = generation;
      loadFacets().then(function () { if (current === generation) { apply(); } }, function () { if (current === generation) { failed(); } });
      return;
    }
    locate(chosen);
    pager.hidden = true;
    more.hidden = true;
    list.replaceChildren();
    shownCount = 0;
    report(matched.length, true);
    var saved = recorded();
    showMore(false, saved ? Math.max(pageSize, saved.shown) : pageSize);
  }

  function apply() {
    var chosen = selection();
    var filtered = Object.keys(chosen).length > 0;
    clear.hidden = !filtered;
    document.title = filtered ? firstTitle : ownTitle;
    if (description) { description.content = filtered ? firstDescription : ownDescription; }
    if (dataUrl && list && pager && more) { applyAcrossPages(chosen, filtered); } else { applyInPage(chosen, filtered); }
  }

  function lowerCase(value) { return value.toLowerCase(); }

  /* Values in the URL match in either case: ?country=RW as ?country=rw (the search page's spelling). */
  function readUrl() {
    var params = new URLSearchParams(window.location.search);
    var filtered = false;
    boxes.forEach(function (box) {
      box.checked = params.getAll(box.name).map(lowerCase).indexOf(box.value.toLowerCase()) !== -1;
      if (box.checked) { box.closest("details").open = true; filtered = true; }
    });
    if (filtered && window.location.pathname !== firstPath) {  /* a later page's address with a query (a link from elsewhere) */
      window.history.replaceState(window.history.state, "", firstPath + window.location.search + window.location.hash);
    }
    shownQuery = window.location.search;
    var saved = recorded();
    pendingTop = saved && typeof saved.top === "number" ? saved.top : null;
    apply();
  }

  /* A new history entry: the listing's first page with the filter's query, or this page's own address without one. */
  function writeUrl() {
    var params = new URLSearchParams();
    boxes.forEach(function (box) { if (box.checked) { params.append(box.name, box.value); } });
    var query = params.toString();
    window.history.pushState(null, "", query ? firstPath + "?" + query : ownPath);
    shownQuery = window.location.search;
  }

  each(".facet-checks", function (fieldset) { fieldset.hidden = false; });
  show.hidden = false;
  each(".facet-links", function (list) { list.hidden = true; });
  form.addEventListener("change", function () { pendingTop = null; writeUrl(); apply(); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  if (more) { more.addEventListener("click", function () { if (!busy) { showMore(true, asked || pageSize); } }); }
  /* The position to restore is the one the visitor left: not once they have scrolled or typed since. */
  ["wheel", "touchstart", "keydown", "pointerdown"].forEach(function (type) {
    window.addEventListener(type, function () { pendingTop = null; }, { passive: true });
  });
  /* The last moment to record the scroll position; a link within the page makes a history entry that records nothing yet. */
  window.addEventListener("pagehide", record);
  window.addEventListener("hashchange", record);
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
  /* A link within the page ("Skip to content", "Show 12 electives") adds a history entry too:
   * only a change of the query changes the filter, so the cards shown with "Show more" stay. */
  window.addEventListener("popstate", function () { if (window.location.search !== shownQuery) { readUrl(); } });
  readUrl();
}());
