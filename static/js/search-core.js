/*
 * Search core: query handling without the DOM, shared by the search page and Node tests.
 *
 * Queries are folded exactly like site_gen/search.py folds indexed text (lower case,
 * accents dropped, punctuation to spaces), then parsed with lunr's own query syntax.
 * The last word being typed also matches as a prefix; a query that finds nothing is
 * retried with each word replaced by the catalog's words one typo away from it, as typed
 * (before stemming: "hosptial" is one swap from "hospital", but far from its stem "hospit").
 * Hits that match more of the query's words come first (rankByWords), then by lunr's score.
 * Words in quotes (search-phrases.js) are required, and searched as spelt: never replaced by
 * similar words. Hits where a phrase's words stand together, in order, in a field whose word
 * numbers the index keeps (the manifest's "positions": titles, topics, summaries, places and
 * partners) come before those that only have its words (rankByPhrases).
 *
 * Parts in their own files, each a browser global and a CommonJS module as search-phrases.js is
 * (search-folding.js: query text folded as the index is; search-query.js: a query read and turned into
 * lunr clauses; search-typos.js: the typo retry's similar words; search-ranking.js: hits ranked by
 * words and phrases; search-shards.js: the sharded index). This file runs a search and gathers what
 * the search page and the Node tests use into one object.
 */
(function (root, factory) {
  'use strict';
  if (typeof module === 'object' && module.exports) {
    module.exports = factory(require('./search-phrases.js'), require('./search-folding.js'), require('./search-query.js'),
      require('./search-typos.js'), require('./search-ranking.js'), require('./search-shards.js'));
  } else {
    root.SearchCore = factory(root.SearchPhrases, root.SearchFolding, root.SearchQuery,
      root.SearchTypos, root.SearchRanking, root.SearchShards);
  }
}(typeof self !== 'undefined' ? self : this, function (Phrases, Folding, Query, Typos, Ranking, Shards) {
  'use strict';

  var MAX_QUERY_LENGTH = Folding.MAX_QUERY_LENGTH;
  var WORD = Folding.WORD;
  var fold = Folding.fold;
  var hasWords = Folding.hasWords;
  var isStopWord = Query.isStopWord;
  var readQuery = Query.readQuery;
  var parseQuery = Query.parseQuery;
  var buildQuery = Query.buildQuery;
  var isRetried = Typos.isRetried;
  var similarTerms = Typos.similarTerms;
  var meetsRequired = Typos.meetsRequired;
  var keepGroups = Ranking.keepGroups;
  var rankByWords = Ranking.rankByWords;
  var withPhrases = Ranking.withPhrases;

  var FILTERS = ['collection', 'category', 'country', 'deadline'];

  /** Run one query (text that parses) on a whole lunr.Index or a ShardedIndex: {hits (ranked by rankByWords), matched}. */
  async function runQuery(lunr, source, text, options) {
    var groups = [];
    var fill = function (query) {
      groups.length = 0;
      buildQuery(lunr, query, text, options, groups);
    };
    if (source.prepare) {
      await source.prepare(fill);
    }
    var hits = source.query(fill);
    return rankByWords(lunr, source, text, options, keepGroups(lunr, source.pipeline, hits, groups));
  }


  /** Whether every word a query looks for is a stop word: no similar word of those is worth showing. */
  function isOnlyStopWords(lunr, clauses) {
    var sought = clauses.filter(function (clause) { return clause.presence !== lunr.Query.presence.PROHIBITED; });
    return sought.length > 0 && sought.every(function (clause) { return isStopWord(lunr, clause.term); });
  }

  /**
   * Retry a query with some of its words (``clauses``) each replaced by the similar words of the
   * catalog (``source.vocabulary()``); null when none of them has a similar word. A required word
   * stays required: one of its similar words must match, as lunr requires one of the terms a
   * wildcard expands to. ``typing`` lets the last word match as a prefix, as in the first search.
   */
  async function searchSimilar(lunr, source, parsed, clauses, typing) {
    if (!clauses.length) {
      return null;
    }
    var vocabulary = await source.vocabulary();
    var similar = new Map();
    var required = [];
    clauses.forEach(function (clause) {
      var terms = similarTerms(vocabulary, source.pipeline, clause);
      similar.set(clause.term, terms);
      if (clause.presence === lunr.Query.presence.REQUIRED) {
        required.push({ terms: terms, fields: clause.fields });
      }
    });
    if (!Array.from(similar.values()).some(function (terms) { return terms.length; })) {
      return null;
    }
    var found = await runQuery(lunr, source, parsed.text, { similar: similar, typing: typing });
    return found.hits.filter(function (hit) { return meetsRequired(hit, required); });
  }

  /**
   * The words of a query that found something which themselves matched nothing ("opthalmology" in
   * "opthalmology elective", "guatamala" in "surgery guatamala"), among those the similar-words
   * retry may replace; ``matched`` holds the words some hit matched (rankByWords: each word expanded
   * as the search expanded it, the last one while typing as a prefix, letters written without spaces in pairs).
   */
  function unmatchedWords(lunr, parsed, matched, quoted) {
    return parsed.clauses.filter(function (clause) { return isRetried(lunr, clause, quoted) && !matched.has(clause.term); });
  }

  /**
   * Search a whole index or a sharded one: resolves to {hits, similar, common, unmatched, missing}, and
   * with phrases in quotes {phrases, together} (rankByPhrases). Hits are lunr results; similar is
   * true when the hits come from the similar-words retry: of every word when nothing matched, or
   * of the words in ``unmatched`` (as folded) when only they matched nothing; ``missing`` names the
   * words that matched nothing, beside words that did, when the retry found nothing for them; common
   * is true when nothing matched because every word sought is a stop word (nothing is retried then).
   * The source is a ShardedIndex, or a lunr.Index given a ``vocabulary()`` method (resolving to a
   * Vocabulary) for the retry. Only the first MAX_QUERY_LENGTH characters of the folded query count.
   */
  async function search(lunr, source, queryText) {
    if (!hasWords(queryText)) {
      return { hits: [], similar: false, common: false };
    }
    var query = readQuery(lunr, source.fields, queryText);
    var parsed = parseQuery(lunr, source.fields, query.parts);
    var found = await runQuery(lunr, source, parsed.text, { typing: query.typing });
    if (found.hits.length) {
      return withPhrases(lunr, source, query.phrases, await searchSimilarForUnmatched(lunr, source, parsed, found, query));
    }
    if (isOnlyStopWords(lunr, parsed.clauses)) {
      return { hits: [], similar: false, common: true };
    }
    var retried = parsed.clauses.filter(function (clause) { return isRetried(lunr, clause, query.quoted); });
    var hits = await searchSimilar(lunr, source, parsed, retried, false) || [];
    return withPhrases(lunr, source, query.phrases, { hits: hits, similar: hits.length > 0, common: false });
  }

  /**
   * A query that found something, for its other words, but with a word that matched nothing:
   * that word is retried with its similar words, the others kept ({hits, similar: true, unmatched:
   * [the words retried]}); the hits as they are when no such word has a similar word, naming the
   * words no hit has ({hits, similar: false, missing: [...]}: "free" in "free elective", as site
   * search engines say "Missing: free"). ``found`` is what runQuery found: {hits, matched};
   * ``query`` what readQuery read.
   */
  async function searchSimilarForUnmatched(lunr, source, parsed, found, query) {
    var unmatched = unmatchedWords(lunr, parsed, found.matched, query.quoted);
    var retried = await searchSimilar(lunr, source, parsed, unmatched, query.typing);
    if (!retried || !retried.length) {
      var outcome = { hits: found.hits, similar: false, common: false };
      if (unmatched.length) {
        outcome.missing = unmatched.map(function (clause) { return clause.term; });
      }
      return outcome;
    }
    return { hits: retried, similar: true, common: false, unmatched: unmatched.map(function (clause) { return clause.term; }) };
  }





  /**
   * Split text into [text, isMatch] segments: words whose folded stem is a matched term. Stop
   * words are never indexed, so never matched: "and" is not marked when "Andes" (stem "and") is.
   */
  function highlight(lunr, text, terms) {
    var segments = [];
    var last = 0;
    text.replace(WORD, function (word, offset) {
      var matches = fold(word).split(' ').some(function (part) {
        return part && !isStopWord(lunr, part) && (terms.has(part) || terms.has(lunr.stemmer(new lunr.Token(part)).toString()));
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
   */
  function resultsFor(hits, queryText, filters, documents, todayIso) {
    var browsing = !hasWords(queryText);
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
   * The first MAX_QUERY_LENGTH characters of a query from a URL: what the search box (its maxlength)
   * holds and search reads. A longer one filled the box past its limit and was quoted whole in the status.
   */
  function queryFromUrl(text) {
    return text.length > MAX_QUERY_LENGTH ? text.slice(0, MAX_QUERY_LENGTH).replace(/[\ud800-\udbff]$/, '') : text;
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
    MAX_QUERY_LENGTH: Folding.MAX_QUERY_LENGTH,
    MAX_WORD_LENGTH: Folding.MAX_WORD_LENGTH,
    EDIT_DISTANCE_WORD_LENGTH: Query.EDIT_DISTANCE_WORD_LENGTH,
    fold: Folding.fold,
    foldQuery: Folding.foldQuery,
    hasWords: Folding.hasWords,
    withoutUnfinishedWord: Folding.withoutUnfinishedWord,
    endsInShortWord: Folding.endsInShortWord,
    queryLabel: Phrases.label,
    hasQuotes: Phrases.hasQuotes,
    search: search,
    isWithinOneEdit: Typos.isWithinOneEdit,
    isEndForm: Typos.isEndForm,
    americanCompletions: Folding.americanCompletions,
    Vocabulary: Typos.Vocabulary,
    ShardedIndex: Shards.ShardedIndex,
    matchedTerms: Ranking.matchedTerms,
    highlight: highlight,
    deadlineState: deadlineState,
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
