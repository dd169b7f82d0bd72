// Refresh each deadline's state ("Closes in 12 days", "Closed on 1 March 2026")
// from the visitor's clock, so an old build does not mislead. The build writes the
// same text (site_gen/humanize.py); elements carry the date in data-deadline.
(function () {
  "use strict";
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December"];
  var DAY = 86400000;
  // Beyond this a count of days says less than the date (site_gen/humanize.py's COUNTED_DAYS).
  var COUNTED_DAYS = 90;

  function parse(iso) {
    var match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
    return match ? { y: +match[1], m: +match[2] - 1, d: +match[3] } : null;
  }

  function text(deadline, days) {
    if (days < 0) return "Closed on " + deadline.d + " " + MONTHS[deadline.m] + " " + deadline.y;
    if (days === 0) return "Closes today";
    if (days === 1) return "Closes tomorrow";
    if (days > COUNTED_DAYS) return "Closes on " + deadline.d + " " + MONTHS[deadline.m] + " " + deadline.y;
    return "Closes in " + days + " days";
  }

  function refresh(element, now) {
    var deadline = parse(element.getAttribute("data-deadline"));
    if (!deadline) return;
    var today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
    var days = Math.round((Date.UTC(deadline.y, deadline.m, deadline.d) - today) / DAY);
    var state = days < 0 ? "closed" : "open";
    element.textContent = text(deadline, days);
    element.classList.remove("deadline-open", "deadline-closed");
    element.classList.add("deadline-" + state);
    // The page's apply link says whether this round is open, and is the main button only while it is (templates/elective.html).
    var section = element.closest(".call-to-action");
    var link = section && section.querySelector("a.apply[data-closed-text]");
    if (!link) return;
    link.textContent = link.getAttribute(state === "closed" ? "data-closed-text" : "data-open-text");
    link.classList.toggle("apply-closed", state === "closed");
  }

  function refreshAll() {
    var now = new Date();
    var elements = document.querySelectorAll("[data-deadline]");
    for (var i = 0; i < elements.length; i += 1) refresh(elements[i], now);
  }

  refreshAll();
  // Cards a filter adds to the page (static/js/filter.js) carry the build's text too.
  document.addEventListener("cards-added", refreshAll);
  // A page left open past midnight moves on too.
  window.setInterval(refreshAll, 60000);
}());
