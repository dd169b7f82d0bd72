/*
 * Keyboard shortcut on every page: "/" focuses search (the search page's own box
 * when there is one, else the header's). Loads no search data.
 */
(function () {
  'use strict';

  function isEditable(element) {
    return element instanceof HTMLElement &&
      (element.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(element.tagName));
  }

  function searchBox() {
    var own = document.getElementById('search-page-q');
    return own && own.offsetParent !== null ? own : document.getElementById('site-search-q');
  }

  document.addEventListener('keydown', function (event) {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || isEditable(event.target)) {
      return;
    }
    var box = searchBox();
    if (box) {
      event.preventDefault();
      box.focus();
      box.select();
    }
  });
}());
