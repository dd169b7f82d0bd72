/*
 * What the search page shows of the hits, without the DOM (search-core.js): the words to highlight,
 * deadlines, the filters and their counts, and the query and filters in the page's URL.
 */
(function (root, factory) {
  'use strict';
  if (typeof module === 'object' && module.exports) {
    module.exports = factory(require('./search-folding.js'), require('./search-query.js'));
  } else {
    root.SearchResults = factory(root.SearchFolding, root.SearchQuery);
  }
}(typeof self !== 'undefined' ? self : this, function (Folding, Query) {
  'use strict';

  var WORD = Folding.WORD;
  // A word as highlight marks it: initials with their dots ("U.K.", searched and indexed as "uk") are one.
  var SHOWN_WORD = new RegExp(Folding.INITIALS.source + '|' + WORD.source, 'gu');
  var fold = Folding.fold;
  var hasWords = Folding.hasWords;
  var isStopWord = Query.isStopWord;

  var FILTERS = ['collection', 'category', 'country', 'deadline'];

  var sameWord = Query.sameWord;  // whether two words of one stem are one word ("nurse", "nursing"; not "internal", "international")

  /** The words of a query (folded) by their stem: Map stem -> [word]. */
  function wordsByStem(lunr, words) {
    var byStem = new Map();
    (words || []).forEach(function (word) {
      var stem = lunr.stemmer(new lunr.Token(word)).toString();
      byStem.set(stem, (byStem.get(stem) || []).concat([word]));
    });
    return byStem;
  }

  /**
   * Split text into [text, isMatch] segments: words whose folded stem is a matched term, and the names of the
   * equivalents whose terms matched (``equivalents``: the manifest's table; "Intensive Care Unit" for "icu_",
   * marked whole). Stop words are never indexed, so never matched: "and" is not marked when "Andes" (stem "and")
   * is, but it is inside a name ("Obstetrics and Gynecology"). ``words``, the query's words as searched (folded):
   * a word whose stem is a query word's but is another word is not marked (sameWord): the stemmer makes "internal" and
   * "international", "community" and "communication", "medical" and "medication" one stem, and "internal medicine"
   * marked "International". A stem no query word has (a prefix being typed, a similar word) marks as it matched.
   * (Form terms, "~intern~internal", are in ``terms`` too: no text's word is one.)
   */
  function highlight(lunr, text, terms, equivalents, words) {
    var marked = [];
    var shown = [];
    var byStem = wordsByStem(lunr, words);
    text.replace(SHOWN_WORD, function (word, offset) {
      var parts = fold(word).split(' ').filter(Boolean);
      var matches = parts.some(function (part) {
        if (isStopWord(lunr, part)) {
          return false;
        }
        if (terms.has(part)) {
          return true;
        }
        var stem = lunr.stemmer(new lunr.Token(part)).toString();
        var typed = byStem.get(stem);
        return terms.has(stem) && (!typed || typed.some(function (query) { return sameWord(query, part); }));
      });
      if (matches) {
        marked.push([offset, offset + word.length]);
      }
      parts.forEach(function (part) { shown.push({ folded: part, start: offset, end: offset + word.length }); });
      return word;
    });
    Query.equivalentSpans(lunr, shown.map(function (word) { return word.folded; }), equivalents).forEach(function (span) {
      if (terms.has(span.term)) {
        marked.push([shown[span.start].start, shown[span.end].end]);
      }
    });
    return segmentsOf(text, marked);
  }

  /** Text as [text, isMatch] segments, the ranges [start, end) in ``marked`` (in any order, overlapping ones merged) marked. */
  function segmentsOf(text, marked) {
    var merged = [];
    marked.sort(function (a, b) { return a[0] - b[0]; }).forEach(function (range) {
      var previous = merged[merged.length - 1];
      if (previous && range[0] < previous[1]) {
        previous[1] = Math.max(previous[1], range[1]);
      } else {
        merged.push(range.slice());
      }
    });
    var segments = [];
    var last = 0;
    merged.forEach(function (range) {
      if (range[0] > last) {
        segments.push([text.slice(last, range[0]), false]);
      }
      segments.push([text.slice(range[0], range[1]), true]);
      last = range[1];
    });
    if (last < text.length) {
      segments.push([text.slice(last), false]);
    }
    return segments;
  }

  // The fields a result does not show (of the places, it shows country names) as its note names them.
  var UNSHOWN = { topics: 'topics or languages', places: 'location', partners: 'partners', body: 'description', years: 'dates' };
  var PARTNERS = { electives: 'host', projects: 'partners, lead or funder' };

  /** Whether a query's word found one of ``terms``: as its stem or their start (while typed). */
  function isTypedFor(lunr, word, terms) {
    return fold(word).split(' ').some(function (part) {
      var stem = part && !isStopWord(lunr, part) && lunr.stemmer(new lunr.Token(part)).toString();
      return stem && terms.some(function (term) { return term === stem || term.indexOf(part) === 0; });
    });
  }

  /**
   * The countries of a result (``countries``: its codes) whose name it should mark: those whose code ("cn") or other
   * name (``countryTerms``: code -> index terms, the manifest's) the hit matched in its places. "US" matches "usa", which
   * no text of the result has, so nothing was marked; its facts name the country ("United States").
   */
  function matchedCountries(hit, countries, countryTerms) {
    var metadata = hit.matchData.metadata;
    return countries.filter(function (code) {
      return [code.toLowerCase()].concat(countryTerms[code] || []).some(function (term) { return metadata[term] && metadata[term].places; });
    });
  }

  /**
   * Where a hit matched, when nothing its result shows (``shown``) is marked: "Matches “east africa” in its location.";
   * a query's words that name an equivalent (``equivalents``) found by its term: "Matches “ICU” in its description."
   */
  function matchNote(lunr, hit, collection, shown, queryText, equivalents) {
    var metadata = hit.matchData.metadata;
    var terms = Object.keys(metadata);
    var own = new Set(terms);
    var elsewhere = [];
    var words = [];
    if (shown.some(function (text) { return highlight(lunr, text, own, equivalents).some(function (segment) { return segment[1]; }); })) {
      return '';
    }
    var names = Object.keys(UNSHOWN).filter(function (field) {
      var found = terms.filter(function (term) { return metadata[term][field]; });
      elsewhere = elsewhere.concat(found);
      return found.length;
    }).map(function (field) { return 'its ' + (field === 'partners' && PARTNERS[collection] || UNSHOWN[field]); });
    var typed = queryText.match(WORD) || [];
    var naming = new Set();
    var folded = typed.map(function (word) { return fold(word); });
    Query.equivalentSpans(lunr, folded.map(function (word) { return word.indexOf(' ') === -1 ? word : null; }), equivalents)
      .forEach(function (span) {
        for (var position = span.start; elsewhere.indexOf(span.term) !== -1 && position <= span.end; position++) {
          naming.add(position);
        }
      });
    typed.forEach(function (word, position) {
      if (words.indexOf(word) < 0 && (naming.has(position) || isTypedFor(lunr, word, elsewhere))) {
        words.push(word);
      }
    });
    return names.length ? 'Matches ' + (words.length ? '“' + words.join(' ') + '” ' : '') + 'in ' + names.join(' and ') + '.' : '';
  }

  /** "open" (deadline today or later), "closed", "rolling" (no deadline) or "" (not an elective). */
  function deadlineState(doc, todayIso) {
    if (doc.collection !== 'electives') {
      return '';
    }
    if (!doc.deadline) {
      return 'rolling';
    }
    return doc.deadline >= todayIso ? 'open' : 'closed';
  }

  // The state of an elective's deadline in its listing's order (site_gen/facets.py's DEADLINE_ORDER).
  var DEADLINE_ORDER = { open: 0, rolling: 1, closed: 2 };

  /**
   * The key (an array of numbers) that puts a collection's documents (facetDocuments') in the order its listing shows
   * them (site_gen/facets.py's sort_listing, on the visitor's ``todayIso``): open electives by nearest deadline, then
   * rolling, then closed (the latest first); then by ``listed``, the document's place in the order that does not change
   * with the day (a project's status, the title: facets.listing_key), or its number.
   */
  function listingOrder(collection, todayIso) {
    return function (doc, number) {
      var rest = doc.listed !== undefined ? doc.listed : number;
      if (collection !== 'electives') {
        return [rest];
      }
      var state = deadlineState(doc, todayIso);
      var date = doc.deadline ? Number(doc.deadline.replace(/-/g, '')) : 0;
      return [DEADLINE_ORDER[state], state === 'closed' ? -date : date, rest];
    };
  }

  /** A long date from YYYY-MM-DD: "30 November 2026". */
  function longDate(iso) {
    return new Date(iso + 'T00:00:00Z').toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  }

  /** What a result says about its deadline ("" when it is not an elective). */
  function deadlineText(doc, todayIso) {
    var state = deadlineState(doc, todayIso);
    if (state === 'rolling') {
      return 'Rolling admissions';
    }
    if (state === 'open') {
      return 'Open until ' + longDate(doc.deadline);
    }
    return state === 'closed' ? 'Closed on ' + longDate(doc.deadline) : '';
  }

  /** The facet values of one document, keyed by filter name. */
  function facetValues(doc, todayIso) {
    var state = deadlineState(doc, todayIso);
    return {
      collection: [doc.collection],
      category: doc.category ? [doc.category] : [],
      country: doc.countries,
      deadline: state === 'rolling' ? ['open'] : (state ? [state] : [])
    };
  }

  function matchesFilters(values, filters, except) {
    return FILTERS.every(function (name) {
      return name === except || !filters[name] || values[name].indexOf(filters[name]) !== -1;
    });
  }

  /** Keep the documents of hits that pass every filter, in rank order. */
  function applyFilters(hits, documents, filters, todayIso) {
    return hits.filter(function (hit) {
      return matchesFilters(facetValues(documents[hit.ref], todayIso), filters, null);
    });
  }

  /** Count each facet value among hits that pass the other filters. */
  function facetCounts(hits, documents, filters, todayIso) {
    var counts = {};
    FILTERS.forEach(function (name) { counts[name] = {}; });
    hits.forEach(function (hit) {
      var values = facetValues(documents[hit.ref], todayIso);
      FILTERS.forEach(function (name) {
        if (matchesFilters(values, filters, name)) {
          values[name].forEach(function (value) { counts[name][value] = (counts[name][value] || 0) + 1; });
        }
      });
    });
    return counts;
  }

  /** Whether any filter is chosen. */
  function hasFilters(filters) {
    return FILTERS.some(function (name) { return Boolean(filters[name]); });
  }

  /** Every document as an unscored hit, by ref (catalog order): what filters list without words. */
  function everyDocument(count) {
    var hits = [];
    for (var ref = 0; ref < count; ref++) {
      hits.push({ ref: String(ref), score: 0, matchData: { metadata: {} } });
    }
    return hits;
  }

  /**
   * What the page lists and how it counts each filter value: {shown, counts, browsing}.
   * With words, the hits that pass the filters, and counts among the hits. Without words
   * (browsing), every document that passes the filters once one is chosen (none before),
   * and counts among every document, so that each option says how many it would list.
   * ``documents`` (facet values by ref) may be null while they load, if no filter is chosen: counts are then null.
   */
  function resultsFor(hits, queryText, filters, documents, todayIso) {
    var browsing = !hasWords(queryText);
    if (!documents && !hasFilters(filters)) {
      return { shown: browsing ? [] : hits, counts: null, browsing: browsing };
    }
    var candidates = browsing ? everyDocument(documents.length) : hits;
    return {
      shown: browsing && !hasFilters(filters) ? [] : applyFilters(candidates, documents, filters, todayIso),
      counts: facetCounts(candidates, documents, filters, todayIso),
      browsing: browsing
    };
  }

  /** A filter value spelt as the page's options are: country codes in upper case, other values in lower case. */
  function filterValue(name, value) {
    return name === 'country' ? value.toUpperCase() : value.toLowerCase();
  }

  /**
   * The first MAX_QUERY_LENGTH characters of a query from a URL, without a word cut there (cutAtWord):
   * what the search box (its maxlength) holds and search reads. A longer one filled the box past its
   * limit and was quoted whole in the status; cut mid-word, its last word's start was searched as a prefix.
   */
  function queryFromUrl(text) {
    return Folding.cutAtWord(text);
  }

  /** Read the query and filters from a URL query string (filter values in either case: country=rw or RW). */
  function stateFromSearch(searchString) {
    var params = new URLSearchParams(searchString);
    var state = { q: queryFromUrl(params.get('q') || '') };
    FILTERS.forEach(function (name) { state[name] = filterValue(name, params.get(name) || ''); });
    return state;
  }

  /** Write the query and filters as a URL query string ("" when empty), in a fixed order. */
  function searchFromState(state) {
    var params = new URLSearchParams();
    ['q'].concat(FILTERS).forEach(function (name) {
      if (state[name]) {
        params.set(name, state[name]);
      }
    });
    var text = params.toString();
    return text ? '?' + text : '';
  }

  /** Today's date as YYYY-MM-DD in local time. */
  function isoDate(date) {
    var month = String(date.getMonth() + 1).padStart(2, '0');
    var day = String(date.getDate()).padStart(2, '0');
    return date.getFullYear() + '-' + month + '-' + day;
  }

  return {
    FILTERS: FILTERS,
    highlight: highlight,
    matchNote: matchNote,
    matchedCountries: matchedCountries,
    deadlineState: deadlineState,
    listingOrder: listingOrder,
    deadlineText: deadlineText,
    applyFilters: applyFilters,
    facetCounts: facetCounts,
    hasFilters: hasFilters,
    resultsFor: resultsFor,
    stateFromSearch: stateFromSearch,
    searchFromState: searchFromState,
    isoDate: isoDate
  };
}));
