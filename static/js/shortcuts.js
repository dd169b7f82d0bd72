/*
 * Keyboard shortcut on every page: "/" focuses search (the search page's own box
 * when there is one, else the header's). Loads no search data.
 *
 * A single-character shortcut can be set off by speech input or a stray key (WCAG 2.2,
 * 2.1.4 Character Key Shortcuts), so the search page has a box to turn it off, which
 * this browser remembers for the site (localStorage, keyed by the site's root path).
 */
(function () {
  'use strict';

  var home = document.querySelector('.site-title');
  var KEY = 'slash-shortcut:' + (home ? home.getAttribute('href') : '/');

  function isEditable(element) {
    return element instanceof HTMLElement &&
      (element.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(element.tagName));
  }

  function isOn() {
    try {
      return window.localStorage.getItem(KEY) !== 'off';
    } catch (error) {  // storage refused (private mode, policy): the shortcut stays on
      return true;
    }
  }

  function remember(on) {
    try {
      if (on) {
        window.localStorage.removeItem(KEY);
      } else {
        window.localStorage.setItem(KEY, 'off');
      }
    } catch (error) {
      // not remembered: it applies to this page only
    }
  }

  function searchBox() {
    var own = document.getElementById('search-page-q');
    return own && own.offsetParent !== null ? own : document.getElementById('site-search-q');
  }

  var setting = document.getElementById('search-shortcut');
  var on = isOn();
  if (setting) {
    setting.checked = on;
    setting.addEventListener('change', function () {
      on = setting.checked;
      remember(on);
    });
  }

  document.addEventListener('keydown', function (event) {
    if (!on || event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || isEditable(event.target)) {
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
