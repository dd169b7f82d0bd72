/*
 * The search page: loads the search manifest named in #search-app's data attributes,
 * fetches only the index shards and result documents a query needs, searches as you
 * type, filters, and keeps the query in the URL. Results are built with DOM APIs only
 * (textContent, <mark>), never HTML.
 */
(function () {
  'use strict';

  var DEBOUNCE_MS = 120;
  // A last word of one or two letters ("TB", "observership UK") is searched once typing pauses this long:
  // every longer word starts with one, and searching it at once flashed results for "me" on the way to "medical".
  var PAUSE_MS = 500;
  // A search that has not answered by then (fetching on a slow connection) says it is searching;
  // until then the old status stayed, "Type words to search" or the last query's count, for seconds.
  var SEARCHING_MS = 400;
  // The screen reader's status (#search-announce) speaks once typing has paused this long: written at
  // each search, it read out "21 results for “sur”", "18 … “surg”", … one per letter, over the letters
  // being echoed. What the screen shows (#search-status) follows every search at once.
  var SETTLE_MS = 1000;
  var PAGE_SIZE = 20;
  var COLLECTIONS = { partners: 'Partner', projects: 'Project', electives: 'Elective', pages: 'Page' };

  var app = document.getElementById('search-app');
  var lunr = window.lunr;
  var core = window.SearchCore;
  if (!app || !lunr || !core) {
    return;
  }
  var form = document.getElementById('search-form');
  var input = document.getElementById('search-page-q');
  var status = document.getElementById('search-status');
  var announcer = document.getElementById('search-announce');
  var announcing = null;
  var list = document.getElementById('search-results');
  var selects = {};
  // A filter the catalog has no value for (no electives: no category) has no select.
  core.FILTERS.forEach(function (name) { selects[name] = document.getElementById('search-' + name); });
  var filterNames = core.FILTERS.filter(function (name) { return selects[name]; });
  var more = document.getElementById('search-more');
  var index = null;
  var facetDocuments = null;  // each document's facet values, once fetched (loadFacets)
  var facetsLoading = null;
  var documentCount = 0;
  var countryNames = null;
  var countryTerms = {};
  var shown = [];
  var terms = new Set();
  var words = [];  // the query's words as searched (core.highlight marks no other word of the same stem)
  var searchedText = '';
  var today = '';
  var renders = 0;
  var timer = 0;

  document.getElementById('search-nojs').hidden = true;
  app.hidden = false;
  // The tips start closed (on a phone they would push the results out of the first screen); a wider screen has room.
  var tips = document.getElementById('search-tips');
  if (tips && window.matchMedia('(min-width: 40rem)').matches) {
    tips.open = true;
  }

  function readState() {
    var state = { q: input.value };
    core.FILTERS.forEach(function (name) { state[name] = selects[name] ? selects[name].value : ''; });
    return state;
  }

  function showState(state) {
    input.value = state.q;
    filterNames.forEach(function (name) {
      var select = selects[name];
      select.value = state[name];
      if (select.value !== state[name]) {
        select.value = '';
      }
    });
  }

  function saveState(push) {
    var url = location.pathname + core.searchFromState(readState());
    if (url !== location.pathname + location.search) {
      history[push ? 'pushState' : 'replaceState'](null, '', url);
    }
  }

  function appendHighlighted(parent, text, terms) {
    core.highlight(lunr, text, terms, index.equivalents, words).forEach(function (segment) {
      if (segment[1]) {
        var mark = document.createElement('mark');
        mark.textContent = segment[0];
        parent.appendChild(mark);
      } else {
        parent.appendChild(document.createTextNode(segment[0]));
      }
    });
  }

  function nameOfCountry(code) {
    return countryNames[code] || code;
  }

  function factsOf(doc, today) {
    var facts = [COLLECTIONS[doc.collection] || doc.collection].concat(doc.facts);
    // As cards do: a project in every country names the first five, its page all of them.
    var places = doc.countries.map(nameOfCountry);
    if (places.length > 6) {
      places = places.slice(0, 4).concat([places[4] + ' and ' + (places.length - 5) + ' more countries']);
    }
    facts = facts.concat(places);
    facts.push(core.deadlineText(doc, today));
    return facts.filter(function (fact, position) { return fact && facts.indexOf(fact) === position; });
  }

  /** A result, its matched words marked; where it matched when none shows (core.matchNote). */
  function resultItem(hit, doc, terms, today) {
    var item = document.createElement('li');
    item.className = 'search-result';
    var heading = document.createElement('h2');
    var link = document.createElement('a');
    link.href = doc.url;
    appendHighlighted(link, doc.title, terms);
    heading.appendChild(link);
    var facts = document.createElement('p');
    facts.className = 'facts';
    var factList = factsOf(doc, today);
    var factsText = factList.join(' · ');
    // A country found by its code or another name ("US": "usa") has its name marked, as a word found is.
    var countries = core.matchedCountries(hit, doc.countries, countryTerms).map(nameOfCountry);
    factList.forEach(function (fact, position) {
      if (position) {
        facts.appendChild(document.createTextNode(' · '));
      }
      if (countries.indexOf(fact) !== -1) {
        var mark = document.createElement('mark');
        mark.textContent = fact;
        facts.appendChild(mark);
      } else {
        appendHighlighted(facts, fact, terms);
      }
    });
    var summary = document.createElement('p');
    appendHighlighted(summary, doc.summary, terms);
    item.appendChild(heading);
    item.appendChild(facts);
    item.appendChild(summary);
    var note = countries.length ? '' : core.matchNote(lunr, hit, doc.collection, [doc.title, factsText, doc.summary], searchedText,
      index.equivalents);
    if (note) {
      var where = document.createElement('p');
      where.className = 'match-note';
      where.textContent = note;
      item.appendChild(where);
    }
    return item;
  }

  function updateFacetLabels(counts) {
    filterNames.forEach(function (name) {
      Array.prototype.forEach.call(selects[name].options, function (option) {
        if (option.value) {
          option.textContent = option.dataset.label + ' (' + (counts[name][option.value] || 0) + ')';
        }
      });
    });
  }

  /** Whether a query has something in it but no letter or digit to search ("🩺", "???", or a '"' that starts a phrase). */
  function isWordless(queryText) {
    return queryText.trim() !== '' && !core.hasWords(queryText);
  }

  /** The status without words: a prompt, or what the filters alone list. */
  function browsingText(state) {
    if (!documentCount) {
      return 'Nothing is listed yet, so there is nothing to search.';
    }
    if (!core.hasFilters(state)) {
      return 'Type words to search ' + documentCount + (documentCount === 1 ? ' entry.' : ' entries.');
    }
    if (!shown.length) {
      return 'No entries match these filters.';
    }
    return (shown.length === 1 ? '1 entry matches' : shown.length + ' entries match') + ' the filters. Type words to search among them.';
  }

  /**
   * What the status says of a query's phrases (outcome.phrases of them, their words together in
   * outcome.together): how many results have them, which come first. The others have every word of
   * the phrases, apart or together only where word numbers are not kept (an entry's body).
   */
  function phraseNote(outcome) {
    if (!outcome.phrases || !shown.length) {
      return '';
    }
    var together = shown.filter(function (hit) { return outcome.together.has(hit.ref); }).length;
    var phrase = outcome.phrases > 1 ? 'the phrases' : 'the phrase';
    if (together === shown.length) {
      return (shown.length === 1 ? ', with ' : ', all with ') + phrase;
    }
    if (together) {
      return ', the ' + (together === 1 ? 'one' : together) + ' with ' + phrase + ' first';
    }
    return ', none with ' + phrase + ' in a title, summary, topic, place or partner name; each has ' +
      (outcome.phrases > 1 ? 'their' : 'its') + ' words';
  }

  /**
   * What the status says of the results with every word, when some have only some of them (outcome.complete: the refs
   * of those with every word, which come first): "19 results for “united states”, the 6 with every word first.", or
   * of a word that others of its stem also found: "46 results for “medication”, the one with the word itself first.", as
   * phraseNote says of phrases (which, when there are any, it leaves to say); ", none with every word" when none has.
   */
  function wordsNote(outcome) {
    if (!outcome.complete || outcome.phrases) {
      return '';
    }
    var complete = shown.filter(function (hit) { return outcome.complete.has(hit.ref); }).length;
    if (complete === shown.length) {
      return '';
    }
    if (!complete) {
      // "peru surgery" listed an elective in Nepal first, with nothing to say that no entry is in Peru and about surgery.
      return outcome.oneWord ? '' : ', none with every word';
    }
    // (one word: the others have only other words of its stem, "medical" for "medication")
    return ', the ' + (complete === 1 ? 'one' : complete) + (outcome.oneWord ? ' with the word itself first' : ' with every word first');
  }

  // How a kind's listing orders its entries, which a query of the kind's name alone lists them in (core: inListingOrder):
  // after "the 20 electives first", and when every result is one of them.
  var LISTING_ORDER = {
    electives: [', open ones by nearest deadline', ', open ones by nearest deadline first'],
    projects: [', active ones before planned and completed', ', active ones first'],
    partners: ['', '']
  };

  /**
   * What the status says of a query that is only a kind's name ("electives"): how many of that kind come first and in
   * which order, "38 results for “electives”, the 20 electives first, open ones by nearest deadline.".
   */
  function listedNote(outcome) {
    var listed = outcome.listed ? shown.filter(function (hit) { return outcome.listedRefs.has(hit.ref); }).length : 0;
    if (!listed) {
      return '';
    }
    var order = LISTING_ORDER[outcome.listed] || ['', ''];
    if (listed === shown.length) {
      return order[1];
    }
    return ', the ' + (listed === 1 ? 'one' : listed) + ' ' + outcome.listed + ' first' + order[0];
  }

  /** Words in curly quotes, joined: “a” or “b”. */
  function quotedWords(words, joiner) {
    return words.map(function (word) { return '“' + word + '”'; }).join(joiner);
  }

  /**
   * The status of a search for ``searched`` (the box's words, or those before a word still being typed),
   * named as it was searched: phrases in quotes closed, empty quotes left out, a name before a phrase
   * that is not one of the index's fields shown as the word it is searched as (core.queryLabel).
   */
  function statusText(state, searched, outcome, results) {
    var count = shown.length + (shown.length === 1 ? ' result' : ' results');
    var label = core.queryLabel(searched, index.fields);
    if (results.browsing) {
      // "🩺", "!!!": not an empty box, though nothing is searched (typed, it waits for the pause: see the input listener)
      return (isWordless(state.q) ? 'Nothing to search: the query has no letters or digits. ' : '') + browsingText(state);
    }
    if (outcome.common) {
      return 'Words as common as ' + label + ' are not searched. Add a more specific word, such as a topic, a place or a name.';
    }
    var places = outcome.places ? ' No entry names the place' + (outcome.places.length > 1 ? 's ' : ' ') +
      quotedWords(outcome.places, ' or ') + '.' : '';
    if (!outcome.hits.length) {
      return 'No results for ' + label + '.' + places + ' ' + (core.hasQuotes(searched)
        ? 'Words in quotes are searched as they are spelt, not as similar words: check their spelling, or take the quotes away.'
        : 'Try fewer or other words, or browse the listings.');
    }
    var query = ' for ' + label;
    var filtered = (shown.length < outcome.hits.length ? ' (' + outcome.hits.length + ' without filters)' : '') +
      phraseNote(outcome) + wordsNote(outcome) + listedNote(outcome);
    if (outcome.excluding) {
      return (shown.length === 1 ? '1 entry' : shown.length + ' entries') + ' without ' + core.excludedLabel(searched, index.fields) +
        (shown.length < outcome.hits.length ? ' (' + outcome.hits.length + ' without filters)' : '') + '. Add words to search among them.';
    }
    if (outcome.unmatched) {
      return 'No exact matches for ' + quotedWords(outcome.unmatched, ', ') + query.replace(' for ', ' in ') +
        '. Showing results for similar words: ' + count + filtered + '.' + places;
    }
    if (outcome.similar) {
      return 'No exact matches' + query + '. Showing results for similar words: ' + count + filtered + '.' + places;
    }
    if (outcome.related) {
      // No result has a word looked for, only other words of its stem: said first, as for similar words.
      return 'No entry has ' + quotedWords(outcome.missing, ' or ') + '. Showing results for related words' +
        (outcome.related.length ? ' (' + quotedWords(outcome.related, ', ') + ')' : '') + ': ' + count + filtered + '.';
    }
    var missing = outcome.missing ? ' No entry has ' + missingWords(outcome) + '.' : '';
    return count + query + filtered + '.' + missing;
  }

  /**
   * The words no entry has, beside words that some entry has: “free” or “xyzzy”; a word some entry has a related word
   * of is followed by one of those words (all of them took four lines on a phone): “psychiatric”, only “psychiatry”
   * (it said “psychiatric” alone, though the entries with "psychiatry" came first); “free”, nor “psychiatric”, only …
   */
  function missingWords(outcome) {
    if (!outcome.relatedOf) {
      return quotedWords(outcome.missing, ' or ');
    }
    var named = new Map(outcome.relatedOf);
    return outcome.missing.map(function (word) {
      return quotedWords([word]) + (named.has(word) ? ', only ' + quotedWords([named.get(word)]) : '');
    }).join(', nor ');
  }

  /** Show the first (or next) page of results, fetching their documents; false if a newer search started. */
  async function showPage(ticket, isFirst) {
    var start = isFirst ? 0 : list.children.length;
    var page = shown.slice(start, start + PAGE_SIZE);
    var docs = await index.documents(page.map(function (hit) { return hit.ref; }));
    if (ticket !== renders) {
      return false;
    }
    var fragment = document.createDocumentFragment();
    docs.forEach(function (doc, position) { fragment.appendChild(resultItem(page[position], doc, terms, today)); });
    if (isFirst) {
      list.replaceChildren(fragment);
    } else {
      list.appendChild(fragment);
    }
    more.hidden = list.children.length >= shown.length;
    return true;
  }

  /**
   * Show the status, and say it (a live region: each change is read out) only when its text changes;
   * ``typed``: it answers the box being typed in, so it is said once typing pauses (SETTLE_MS), not at each letter.
   */
  function setStatus(text, typed) {
    if (status.textContent !== text) {
      status.textContent = text;
    }
    clearTimeout(announcing);
    if (typed) {
      announcing = setTimeout(function () { announce(text); }, SETTLE_MS);
    } else {
      announce(text);
    }
  }

  function announce(text) {
    if (announcer.textContent !== text) {
      announcer.textContent = text;
    }
  }

  /**
   * Search and show; ``typing``: the box is being typed in, so a last word too short to search yet is left out;
   * ``typed``: a letter typed in the box started it (its status is said once typing pauses).
   */
  async function render(typing, typed) {
    if (!index) {
      return;
    }
    var ticket = ++renders;
    var waiting = setTimeout(function () {
      if (ticket === renders) {
        setStatus('Searching…', typed);
        list.setAttribute('aria-busy', 'true');
      }
    }, SEARCHING_MS);
    try {
      await search(ticket, typing, typed);
    } finally {
      clearTimeout(waiting);
      if (ticket === renders) {
        list.removeAttribute('aria-busy');
      }
    }
  }

  /**
   * Fetch each document's facet values (once; again after a failure). Without a filter, results do not wait for them:
   * the first results came after 44 KB gzip more at 10,000 entries. With one, they do.
   */
  function loadFacets() {
    if (!facetsLoading) {
      facetsLoading = index.facetDocuments().then(function (documents) { facetDocuments = documents; });
      facetsLoading.catch(function () { facetsLoading = null; });
    }
    return facetsLoading;
  }

  /** Once the facet values are here, the filters' counts for the search shown (unless a newer one started). */
  function countWhenLoaded(ticket, hits, searched, state) {
    loadFacets().then(function () {
      if (ticket === renders) {
        updateFacetLabels(core.resultsFor(hits, searched, state, facetDocuments, today).counts);
      }
    }).catch(function () {});  // (a filter chosen fetches them again, and says so if that fails)
  }

  /**
   * Search for what the box and filters hold and show it, unless a newer search (ticket) started.
   * While the box is being typed in, a last word of one or two letters is not searched yet
   * (core.withoutUnfinishedWord): "me" on the way to "medical" said "too common" for a moment.
   * It is searched, with the words before it, once typing pauses (PAUSE_MS), as after Enter.
   */
  async function search(ticket, typing, typed) {
    var state = readState();
    var searched = typing ? core.withoutUnfinishedWord(state.q) : state.q;
    // (fetched alongside the query's shards, not after them: one round trip less on a slow link)
    var facetsReady = !facetDocuments && core.hasFilters(state) ? loadFacets() : null;
    var outcome = await core.search(lunr, index, searched);
    if (facetsReady) {
      await facetsReady;
    }
    if (ticket !== renders) {
      return;
    }
    today = core.isoDate(new Date());
    // A query of lunr's syntax alone ("*", "title:") is an empty box: filters alone list their entries.
    var query = outcome.empty ? '' : searched;
    var results = core.resultsFor(outcome.hits, query, state, facetDocuments, today);
    shown = results.shown;
    terms = core.matchedTerms(shown);
    words = outcome.words || [];
    searchedText = searched;
    if (results.counts) {
      updateFacetLabels(results.counts);
    }
    if (await showPage(ticket, true)) {
      setStatus(statusText(state, searched, outcome, results), typed);
      if (!results.counts) {
        countWhenLoaded(ticket, outcome.hits, query, state);
      }
    }
  }

  function showLoadError() {
    setStatus('Part of the search index could not be loaded. Check the connection and try again.');
  }

  function refresh(typing, typed) {
    render(Boolean(typing), Boolean(typed)).catch(showLoadError);
  }

  function resultLinks() {
    return Array.prototype.slice.call(list.querySelectorAll('h2 a'));
  }

  function onKeydown(event) {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') {
      return;
    }
    var links = resultLinks();
    var position = links.indexOf(document.activeElement);
    var next = null;
    if (event.target === input) {
      next = event.key === 'ArrowDown' ? links[0] : null;
    } else if (position !== -1) {
      next = event.key === 'ArrowDown' ? links[position + 1] : (links[position - 1] || input);
    }
    if (next) {
      event.preventDefault();
      next.focus();
    }
  }

  input.addEventListener('input', function () {
    clearTimeout(timer);
    clearTimeout(announcing);  // (still typing: what the last search found is not said now)
    // (a query without words yet, such as the '"', '-' or '+' a query may start with, waits for the pause too:
    // at once, it said there was nothing to search while the first word was on its way)
    var short = core.endsInShortWord(input.value) || isWordless(input.value);
    timer = setTimeout(function () { saveState(false); refresh(!short, true); }, short ? PAUSE_MS : DEBOUNCE_MS);
  });
  form.addEventListener('change', function (event) {
    if (event.target.dataset.filter) {
      saveState(true);
      refresh();
    }
  });
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    clearTimeout(timer);
    saveState(false);
    refresh();
  });
  app.addEventListener('keydown', onKeydown);
  more.addEventListener('click', function () {
    var focusAt = list.children.length;
    showPage(renders, false).then(function (isCurrent) {
      var link = isCurrent && list.children[focusAt] && list.children[focusAt].querySelector('a');
      if (link) {
        link.focus();
      }
    }).catch(showLoadError);
  });
  window.addEventListener('popstate', function () {
    showState(core.stateFromSearch(location.search));
    refresh();
  });

  function fetchJson(url) {
    return fetch(url).then(function (response) {
      if (!response.ok) {
        throw new Error(url + ': ' + response.status);
      }
      return response.json();
    });
  }

  showState(core.stateFromSearch(location.search));
  fetchJson(app.dataset.manifest).then(function (manifest) {
    index = new core.ShardedIndex(lunr, manifest, fetchJson);
    documentCount = manifest.documentCount;
    countryNames = index.countryNames();
    countryTerms = index.countryTerms();
    return render();
  }).catch(function () {
    setStatus('Search could not be loaded. Browse the listings instead.');
    document.getElementById('search-nojs').hidden = false;
  });
}());
