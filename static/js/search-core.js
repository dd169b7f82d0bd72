/*
 * Search core: query handling without the DOM, shared by the search page and Node tests.
 *
 * Queries are folded exactly like site_gen/search.py folds indexed text (lower case,
 * accents dropped, punctuation to spaces), then parsed with lunr's own query syntax.
 * The last word being typed also matches as a prefix; a query that finds nothing is
 * retried with every word at edit distance 1.
 */
(function (root, factory) {
  'use strict';
  if (typeof module === 'object' && module.exports) {
    module.exports = factory();
  } else {
    root.SearchCore = factory();
  }
}(typeof self !== 'undefined' ? self : this, function () {
  'use strict';

  var FILTERS = ['collection', 'category', 'country', 'deadline'];
  var MARKS = /\p{M}/gu;
  var NON_WORD = /[^\p{L}\p{N}_]+/gu;
  // lunr's query syntax survives query folding: + - : * ~ ^
  var NON_QUERY = /[^\p{L}\p{N}_\s+\-:*~^]+/gu;
  var SYNTAX = /[+\-:*~^]+/g;
  var WORD = /[\p{L}\p{N}_\p{M}]+/gu;

  /** Fold text as the index builder does: lower case, no accents, words separated by one space. */
  function fold(text) {
    return text.toLowerCase().normalize('NFKD').replace(MARKS, '').replace(NON_WORD, ' ').trim();
  }

  /** Fold a query but keep lunr's syntax characters. */
  function foldQuery(text) {
    return text.toLowerCase().normalize('NFKD').replace(MARKS, '').replace(NON_QUERY, ' ');
  }

  function isPlain(lunr, clause) {
    return clause.usePipeline && clause.wildcard === lunr.Query.wildcard.NONE && !clause.editDistance &&
      clause.presence !== lunr.Query.presence.PROHIBITED;
  }

  /** Let the word being typed match as a prefix, and match a stem shorter than what was typed. */
  function expandLastWord(lunr, query) {
    var index = query.clauses.length - 1;
    var clause = query.clauses[index];
    if (!clause || !isPlain(lunr, clause) || clause.term.length < 2) {
      return;
    }
    var stem = lunr.stemmer(new lunr.Token(clause.term)).toString();
    var prefix = { term: stem, fields: clause.fields, boost: clause.boost, usePipeline: false,
      wildcard: lunr.Query.wildcard.TRAILING, presence: clause.presence };
    if (clause.presence === lunr.Query.presence.REQUIRED) {
      query.clauses.splice(index, 1);
      query.clause(prefix);
      return;
    }
    query.clause(prefix);
    // A word typed past its stem ("pediatri" of "pediatrics", stem "pediatr") matches
    // that stem. Stemmers cut suffixes that start with a vowel (-ic, -al, -ence), so
    // only such tails are dropped: "maternl" stays a typo for the similar-words retry.
    for (var length = clause.term.length - 1; length >= Math.max(3, clause.term.length - 3); length--) {
      if (!/^[aeiou]/.test(clause.term.slice(length))) {
        continue;
      }
      query.clause({ term: clause.term.slice(0, length), fields: clause.fields, boost: clause.boost / 2,
        usePipeline: false, presence: lunr.Query.presence.OPTIONAL });
    }
  }

  /** Fill a lunr.Query from folded query text. */
  function buildQuery(lunr, query, text, options) {
    new lunr.QueryParser(text, query).parse();
    if (options.fuzzy) {
      query.clauses.forEach(function (clause) {
        if (isPlain(lunr, clause) && clause.term.length >= 3) {
          clause.editDistance = 1;
        }
      });
    } else if (options.typing) {
      expandLastWord(lunr, query);
    }
  }

  function runQuery(lunr, index, text, options) {
    try {
      return index.query(function (query) { buildQuery(lunr, query, text, options); });
    } catch (error) {
      if (!(error instanceof lunr.QueryParseError)) {
        throw error;
      }
      return index.query(function (query) { buildQuery(lunr, query, text.replace(SYNTAX, ' '), options); });
    }
  }

  /**
   * Search an index: returns {hits, similar}. Hits are lunr results; similar is true
   * when nothing matched exactly and the hits come from the edit-distance-1 retry.
   */
  function search(lunr, index, queryText) {
    var text = foldQuery(queryText);
    if (!text.trim()) {
      return { hits: [], similar: false };
    }
    var typing = !/\s$/.test(text);
    var hits = runQuery(lunr, index, text, { typing: typing });
    if (hits.length) {
      return { hits: hits, similar: false };
    }
    hits = runQuery(lunr, index, text, { fuzzy: true });
    return { hits: hits, similar: hits.length > 0 };
  }

  /** The index terms a set of hits matched, for highlighting. */
  function matchedTerms(hits) {
    var terms = new Set();
    hits.forEach(function (hit) {
      Object.keys(hit.matchData.metadata).forEach(function (term) { terms.add(term); });
    });
    return terms;
  }

  /** Split text into [text, isMatch] segments: words whose folded stem is a matched term. */
  function highlight(lunr, text, terms) {
    var segments = [];
    var last = 0;
    text.replace(WORD, function (word, offset) {
      var matches = fold(word).split(' ').some(function (part) {
        return part && (terms.has(part) || terms.has(lunr.stemmer(new lunr.Token(part)).toString()));
      });
      if (matches) {
        if (offset > last) {
          segments.push([text.slice(last, offset), false]);
        }
        segments.push([word, true]);
        last = offset + word.length;
      }
      return word;
    });
    if (last < text.length) {
      segments.push([text.slice(last), false]);
    }
    return segments;
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

  /** Read the query and filters from a URL query string. */
  function stateFromSearch(searchString) {
    var params = new URLSearchParams(searchString);
    var state = { q: params.get('q') || '' };
    FILTERS.forEach(function (name) { state[name] = params.get(name) || ''; });
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
    fold: fold,
    foldQuery: foldQuery,
    search: search,
    matchedTerms: matchedTerms,
    highlight: highlight,
    deadlineState: deadlineState,
    deadlineText: deadlineText,
    applyFilters: applyFilters,
    facetCounts: facetCounts,
    stateFromSearch: stateFromSearch,
    searchFromState: searchFromState,
    isoDate: isoDate
  };
}));
