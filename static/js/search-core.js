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
 * words and phrases; search-shards.js: the sharded index; search-results.js: highlights, deadlines,
 * filters, URL state). This file runs a search and gathers what the search page and the Node tests use
 * into one object.
 */
(function (root, factory) {
  'use strict';
  if (typeof module === 'object' && module.exports) {
    module.exports = factory(require('./search-phrases.js'), require('./search-folding.js'), require('./search-query.js'),
      require('./search-typos.js'), require('./search-ranking.js'), require('./search-shards.js'), require('./search-results.js'));
  } else {
    root.SearchCore = factory(root.SearchPhrases, root.SearchFolding, root.SearchQuery, root.SearchTypos,
      root.SearchRanking, root.SearchShards, root.SearchResults);
  }
}(typeof self !== 'undefined' ? self : this, function (Phrases, Folding, Query, Typos, Ranking, Shards, Results) {
  'use strict';

  var hasWords = Folding.hasWords;
  var isStopWord = Query.isStopWord;
  var readQuery = Query.readQuery;
  var parseQuery = Query.parseQuery;
  var buildQuery = Query.buildQuery;
  var isRetried = Typos.isRetried;
  var isChecked = Typos.isChecked;
  var similarTerms = Typos.similarTerms;
  var meetsRequired = Typos.meetsRequired;
  var keepGroups = Ranking.keepGroups;
  var rankByWords = Ranking.rankByWords;
  var withPhrases = Ranking.withPhrases;

  // A query with nothing to search once lunr's syntax standing alone is left out ("*", "title:", "*e*"): the page
  // asks for words, as for an empty box, not "No results for “*”".
  var NOTHING_TO_SEARCH = Object.freeze({ hits: [], similar: false, common: false, empty: true });

  /** The words of a stem in the catalog, as a function of a sharded index (undefined for a whole index, which has no such table). */
  function stemWordsOf(source) {
    return source.stemWords && source.stemWords.bind(source);
  }

  /**
   * Run one query (text that parses) on a whole lunr.Index or a ShardedIndex: {hits (ranked by rankByWords), matched}.
   * A pattern such as "*gery" is searched as the stems of the words of source.vocabulary() it matches (usePatterns).
   */
  async function runQuery(lunr, source, text, options) {
    options = Object.assign({ equivalents: source.equivalents, families: source.families,
      stemWords: stemWordsOf(source) }, options);
    var patterns = Query.wordPatterns(lunr, source.fields, text);
    if (patterns.length) {
      var vocabulary = await source.vocabulary();
      var terms = new Map();
      patterns.forEach(function (pattern) { terms.set(pattern, stemsOf(source.pipeline, vocabulary.matching(pattern))); });
      options = Object.assign({}, options, { patterns: terms });
    }
    var groups = [];
    var fill = function (query) {
      groups.length = 0;
      buildQuery(lunr, query, text, options, groups);
    };
    if (source.prepare) {
      await source.prepare(fill);
      // The rows of the words' stems, now loaded, say which have other words (Query.useForms), and name their form
      // terms, whose rows are in the same shards: nothing more is fetched.
      await source.prepare(fill);
    }
    var hits = source.query(fill);
    return rankByWords(lunr, source, text, options, keepGroups(lunr, source.pipeline, hits, groups));
  }

  /** The index terms of some words, each once, sorted. */
  function stemsOf(pipeline, words) {
    var terms = new Set();
    words.forEach(function (word) { pipeline.runString(word).forEach(function (term) { terms.add(term); }); });
    return Array.from(terms).sort();
  }

  /**
   * Whether a query only leaves words out ("-surgery", -"global surgery"): lunr then lists every entry without them,
   * in the catalog's order (every score is 0), which the page says ("49 entries without “surgery”").
   */
  function isOnlyExcluding(lunr, clauses, phrases) {
    return clauses.every(function (clause) { return clause.presence === lunr.Query.presence.PROHIBITED; }) &&
      phrases.every(function (phrase) { return phrase.negated; });
  }

  /** Whether every word a query looks for is a stop word (not "and~1"): no similar word of those is worth showing. */
  function isOnlyStopWords(lunr, clauses) {
    var sought = clauses.filter(function (clause) { return clause.presence !== lunr.Query.presence.PROHIBITED; });
    return sought.length > 0 && sought.every(function (clause) { return !clause.editDistance && isStopWord(lunr, clause.term); });
  }

  /**
   * Retry a query with some of its words (``clauses``) each replaced by the similar words of the
   * catalog (``source.vocabulary()``); null when none of them has a similar word. A required word
   * stays required: one of its similar words must match, as lunr requires one of the terms a
   * wildcard expands to. ``typing`` lets the last word match as a prefix, as in the first search.
   * ``together`` (no word of the query matched): a correction of several words is used only whole, every word
   * replaced: "ulan bator" listed entries about a "plan" (ulan) as "similar words", bator having none; a word
   * the catalog lacks with nothing like it says the query is about something else.
   */
  async function searchSimilar(lunr, source, parsed, clauses, typing, quoted, together) {
    if (!clauses.length) {
      return null;
    }
    var vocabulary = await source.vocabulary();
    var places = placesOf(lunr, vocabulary, parsed.clauses, quoted).terms;
    var similar = new Map();
    var similarWords = new Map();  // term -> the similar words it is the stem of
    var required = [];
    clauses.forEach(function (clause) {
      if (places.has(clause.term)) {
        similar.set(clause.term, []);  // (a place the catalog lacks is no misspelling: "oman" is not "Omar")
        return;
      }
      var terms = similarTerms(vocabulary, source.pipeline, clause, similarWords);
      // Without a similar word, two words written without their space ("hanoi": "ha noi"), each required; not a word
      // spelt as meant ("imgs", where no entry names an international medical graduate, was "im gs", two country codes,
      // and "observership for imgs" listed the one entry in both, not the observerships).
      var parts = terms.length || vocabulary.english.has(clause.term) ? [] : Typos.splitTerms(vocabulary, source.pipeline, clause, similarWords);
      similar.set(clause.term, terms.concat.apply(terms, parts));
      if (clause.presence === lunr.Query.presence.REQUIRED && !parts.length) {
        required.push({ terms: terms, fields: clause.fields });
      }
      parts.forEach(function (part) { required.push({ terms: part, fields: clause.fields }); });
    });
    var corrected = Array.from(similar.values()).filter(function (terms) { return terms.length; }).length;
    var placed = Array.from(similar.keys()).filter(function (term) { return places.has(term); }).length;
    // (a place the catalog lacks is said missing: the other words may still be typos, "surgrey oman")
    if (!corrected || (together && corrected < similar.size - placed)) {
      return null;
    }
    var found = await runQuery(lunr, source, parsed.text, { similar: similar, similarWords: similarWords, typing: typing, quoted: quoted });
    var stemWords = stemWordsOf(source);
    required.forEach(function (group) {
      // A required word needs a similar word itself, not another word of its stem (Query.useSimilarTerms).
      group.terms = [].concat.apply([], group.terms.map(function (term) {
        return Query.similarForms(stemWords, term, similarWords.get(term) || []) || [term];
      }));
    });
    return found.hits.filter(function (hit) { return meetsRequired(hit, required); });
  }

  /**
   * The places of a query's words (``clauses``: plain words, not in quotes) that the catalog lacks (Vocabulary's
   * ``places``, site_gen/place_names.py), those with a word that ``matched`` (when given) does not hold: {names (folded,
   * each once), terms (every word of them)}.
   */
  function placesOf(lunr, vocabulary, clauses, quoted, matched) {
    var words = clauses.map(function (clause) {
      return Query.isPlain(lunr, clause) && !quoted.has(clause.term) ? clause.term : null;
    });
    var names = [];
    var terms = new Set();
    var spans = vocabulary.placeSpans(words);
    spans.filter(function (span) {
      // (not a name inside a longer one: "south sudan" is not also "sudan")
      return !spans.some(function (other) {
        return other !== span && other.start <= span.start && span.end <= other.end && other.end - other.start > span.end - span.start;
      });
    }).forEach(function (span) {
      var spanned = words.slice(span.start, span.end + 1);
      if (!matched || spanned.some(function (word) { return !matched.has(word); })) {
        if (names.indexOf(span.name) === -1) {
          names.push(span.name);
        }
        spanned.forEach(function (word) { terms.add(word); });
      }
    });
    return { names: names, terms: terms };
  }

  /**
   * A query that found something, with a place that no entry has ("la paz", where "la" found the entries in Laos, its
   * code; "ivory coast", where "coast" found the Gulf Coast Specialist Centre): searched again without the place's words,
   * which the status names as missing: {places (placesOf's), parsed and found (the query without them, as parseQuery and
   * runQuery give them)}; null when no place is missing; found with no hits when nothing but the place is looked for.
   * (The place's other words are not what the visitor looked for.)
   */
  async function withoutMissingPlaces(lunr, source, parsed, found, query) {
    if (!unmatchedWords(lunr, parsed, found.matched, query.quoted).length) {
      return null;
    }
    var places = placesOf(lunr, await source.vocabulary(), parsed.clauses, query.quoted, found.matched);
    if (!places.names.length) {
      return null;
    }
    var kept = parsed.clauses.some(function (clause) { return places.terms.has(clause.term) && found.matched.has(clause.term); });
    if (!kept) {
      return { places: places, parsed: parsed, found: found };
    }
    var text = parsed.text.split(/\s+/).filter(function (word) { return !places.terms.has(word.replace(/^\+/, '')); }).join(' ');
    var without = hasWords(text) ? parseQuery(lunr, source.fields, [{ text: text + (query.typing ? '' : ' ') }]) : null;
    if (!without || !without.clauses.length || without.clauses.every(function (clause) {
      return clause.presence === lunr.Query.presence.PROHIBITED;  // ("la paz -bolivia": every entry but Bolivia's)
    })) {
      return { places: places, parsed: parsed, found: { hits: [], matched: new Set() } };
    }
    return { places: places, parsed: without,
      found: await runQuery(lunr, source, without.text, { typing: query.typing, quoted: query.quoted }) };
  }

  /**
   * The words of a query that found something which themselves matched nothing ("opthalmology" in
   * "opthalmology elective", "guatamala" in "surgery guatamala"), among those whose match is checked
   * (isChecked: the words the similar-words retry may replace, and numbers); ``matched`` holds the words some hit matched (rankByWords: each word expanded
   * as the search expanded it, the last one while typing as a prefix, letters written without spaces in pairs).
   */
  function unmatchedWords(lunr, parsed, matched, quoted) {
    return parsed.clauses.filter(function (clause) { return isChecked(lunr, clause, quoted) && !matched.has(clause.term); });
  }

  /**
   * Search a whole index or a sharded one: resolves to {hits, similar, common, unmatched, missing}, and
   * with phrases in quotes {phrases, together} (rankByPhrases). Hits are lunr results; similar is
   * true when the hits come from the similar-words retry: of every word when nothing matched, or
   * of the words in ``unmatched`` (as folded) when only they matched nothing; ``missing`` names the
   * words that matched nothing, beside words that did, when the retry found nothing for them; common
   * is true when nothing matched because every word sought is a stop word (nothing is retried then);
   * empty (NOTHING_TO_SEARCH) when the query has no word to search: the page treats it as an empty box; excluding
   * when it only leaves words out (isOnlyExcluding); places: the names of places the catalog lacks that it has (the
   * status names them; withoutMissingPlaces); with hits, words: the words looked for, folded (for highlight), and
   * complete when some hits lack a word (searchSimilarForUnmatched).
   * The source is a ShardedIndex, or a lunr.Index given a ``vocabulary()`` method (resolving to a
   * Vocabulary) for the retry. Only the first MAX_QUERY_LENGTH characters of the folded query count.
   */
  async function search(lunr, source, queryText) {
    if (!hasWords(queryText)) {
      return NOTHING_TO_SEARCH;
    }
    var query = readQuery(lunr, source.fields, queryText);
    var parsed = parseQuery(lunr, source.fields, query.parts);
    // Without clauses lunr lists every entry: what -"phrase" alone asks (rankByPhrases leaves some out), but
    // not a query whose only word matched every term (parseInto), such as "title:*" or "*e*".
    if (!parsed.clauses.length && !query.phrases.some(function (phrase) { return phrase.negated; })) {
      return NOTHING_TO_SEARCH;
    }
    var outcome = await searchParsed(lunr, source, query, parsed);
    if (outcome.hits.length && !outcome.similar) {
      outcome = await inListingOrder(lunr, source, parsed, query, outcome);
    }
    if (outcome.hits.length) {
      outcome.words = searchedWords(lunr, parsed.clauses).concat(outcome.related || outcome.relatedInstead || []);
    }
    return outcome;
  }

  // Words that, beside the electives' name ("open electives", "electives open now"), ask for those open for applications:
  // a state of the deadline on the visitor's day, which no index holds. "open electives" listed first two closed
  // observerships whose next cycle "opens" in 2027. The electives' listing order puts the open ones first.
  // ("electives closing soon", "upcoming electives": the same order, nearest deadline first.)
  var OPEN_WORDS = new Set(['open', 'now', 'currently', 'closing', 'soon', 'upcoming']);

  /**
   * A query that is only the name of a kind of entry ("electives", "partners", "projects"; site_gen/equivalents.py),
   * its entries in the order of the kind's listing (listingOrder), before the texts that only mention the word: they
   * came by lunr's score, which put the entries with the fewest tags first, an order that meant nothing. With
   * ``listed``: the kind's collection, and ``listedRefs``: the refs of its entries. A whole index, without the facets' file, keeps lunr's order.
   * Beside the electives' name, OPEN_WORDS ask for that order too.
   */
  async function inListingOrder(lunr, source, parsed, query, outcome) {
    var missing = outcome.missing || [];  // ("quiet elective": the electives, as for "elective")
    var opened = parsed.clauses.filter(function (clause) { return OPEN_WORDS.has(clause.term) && clause.fields.length !== 1; });
    var words = parsed.clauses.filter(function (clause) {
      return !isStopWord(lunr, clause.term) && missing.indexOf(clause.term) === -1 && opened.indexOf(clause) === -1;
    });
    var named = Query.equivalentClauses(lunr, parsed.clauses, source.equivalents, query.quoted).filter(function (clause) {
      return clause.span.meant && words.every(function (word) {
        var position = parsed.clauses.indexOf(word);
        return clause.span.start <= position && position <= clause.span.end && word.presence !== lunr.Query.presence.PROHIBITED;
      });
    });
    if (named.length !== 1 || !words.length || !source.facetDocuments) {
      return outcome;
    }
    var term = named[0].term;
    var kind = outcome.hits.filter(function (hit) { return term in hit.matchData.metadata; });
    var documents = await source.facetDocuments();
    var collections = new Set(kind.map(function (hit) { return documents[Number(hit.ref)].collection; }));
    var collection = Array.from(collections)[0];
    // (a kind's term is in every entry of its collection, and no other: "free", in 5 electives, is not a kind)
    var all = documents.filter(function (doc) { return doc.collection === collection; }).length;
    if (collections.size !== 1 || kind.length !== all || (opened.length && collection !== 'electives')) {
      return outcome;
    }
    var key = Results.listingOrder(collection, Results.isoDate(new Date()));
    var ordered = kind.map(function (hit) { return [key(documents[Number(hit.ref)], Number(hit.ref)), hit]; });
    ordered.sort(function (a, b) { return compareKeys(a[0], b[0]); });
    var rest = outcome.hits.filter(function (hit) { return !(term in hit.matchData.metadata); });
    var listed = Object.assign({}, outcome, { hits: ordered.map(function (pair) { return pair[1]; }).concat(rest), listed: collection,
      listedRefs: new Set(kind.map(function (hit) { return hit.ref; })) });
    if (opened.length) {
      delete listed.complete;  // ("open" is the deadline's state, not a word the electives must have)
      var stillMissing = missing.filter(function (term) { return !OPEN_WORDS.has(term); });
      if (stillMissing.length) {
        listed.missing = stillMissing;
      } else {
        delete listed.missing;
      }
    }
    return listed;
  }

  /** Compare two arrays of numbers, item by item. */
  function compareKeys(a, b) {
    for (var i = 0; i < a.length; i++) {
      if (a[i] !== b[i]) {
        return a[i] - b[i];
      }
    }
    return 0;
  }

  /** The words a query looks for, folded, each once (not -excluded ones): highlight tells its words by them. */
  function searchedWords(lunr, clauses) {
    return distinctTerms(clauses.filter(function (clause) { return clause.presence !== lunr.Query.presence.PROHIBITED; }));
  }

  /** search() once the query is read and parsed, and has something to search. */
  async function searchParsed(lunr, source, query, parsed) {
    // Stop words alone, once followed by a space: a stop word's stem may be another word's ("and": "Andes").
    if (!query.typing && isOnlyStopWords(lunr, parsed.clauses)) {
      return { hits: [], similar: false, common: true };
    }
    var found = await runQuery(lunr, source, parsed.text, { typing: query.typing, quoted: query.quoted });
    if (found.hits.length && isOnlyExcluding(lunr, parsed.clauses, query.phrases)) {
      return Object.assign(await withPhrases(lunr, source, query.phrases, { hits: found.hits, similar: false, common: false }), { excluding: true });
    }
    if (found.hits.length) {
      var placed = await withoutMissingPlaces(lunr, source, parsed, found, query);
      if (placed && !placed.found.hits.length) {
        return { hits: [], similar: false, common: false, places: placed.places.names };
      }
      var outcome = placed ? await searchSimilarForUnmatched(lunr, source, placed.parsed, placed.found, query, placed.places)
        : await searchSimilarForUnmatched(lunr, source, parsed, found, query);
      return withPhrases(lunr, source, query.phrases, outcome);
    }
    if (isOnlyStopWords(lunr, parsed.clauses)) {
      return { hits: [], similar: false, common: true };
    }
    var retried = parsed.clauses.filter(function (clause) { return isRetried(lunr, clause, query.quoted); });
    var hits = await searchSimilar(lunr, source, parsed, retried, false, query.quoted, true) || [];
    var nothing = { hits: hits, similar: hits.length > 0, common: false };
    if (retried.length) {
      // (a place the catalog lacks: the status says so, "No entry names the place “oman”", rather than "No results" alone)
      var places = placesOf(lunr, await source.vocabulary(), parsed.clauses, query.quoted).names;
      if (places.length) {
        nothing.places = places;
      }
    }
    return withPhrases(lunr, source, query.phrases, nothing);
  }

  /**
   * A query that found something, for its other words, but with a word that matched nothing:
   * that word is retried with its similar words, the others kept ({hits, similar: true, unmatched:
   * [the words retried]}); the hits as they are when no such word has a similar word, naming the
   * words no hit has ({hits, similar: false, missing: [...]}: "free" in "free elective", as site
   * search engines say "Missing: free"), or, when every word matched but not every hit has each, with ``complete``:
   * the refs of the hits with every word, which come first; with ``related`` as well as ``missing`` when no hit has any
   * word looked for, only other words of their stems (the words, as the catalog has them, where the index names them);
   * with ``relatedOf`` and ``relatedInstead`` beside ``missing`` when some hits have a word looked for and some a related
   * word of a missing one (relatedInstead below). ``found`` is what runQuery found: {hits, matched, complete, stemFound};
   * ``query`` what readQuery read; ``places`` (withoutMissingPlaces) the places no entry has, left out of the search:
   * named first among the missing words, and as ``places``.
   */
  async function searchSimilarForUnmatched(lunr, source, parsed, found, query, places) {
    var outcome = await unmatchedOutcome(lunr, source, parsed, found, query, places ? places.terms : new Set());
    if (places && places.names.length) {
      // (a place no entry has, searched without: withoutMissingPlaces; named as missing, whole: "la paz", not "paz")
      outcome.missing = places.names.concat(outcome.missing || []);
      outcome.places = places.names;
      delete outcome.complete;  // (its hits may have every other word: the status names the place missing instead)
    }
    return outcome;
  }

  /** searchSimilarForUnmatched, its words of places no entry has (``placeTerms``) left out. */
  async function unmatchedOutcome(lunr, source, parsed, found, query, placeTerms) {
    var unmatched = unmatchedWords(lunr, parsed, found.matched, query.quoted).filter(function (clause) {
      return !placeTerms.has(clause.term);
    });
    // (a word whose related words some hit has, "surgical" where entries say "surgery", is no typo: not retried)
    var typos = unmatched.filter(function (clause) {
      return isRetried(lunr, clause, query.quoted) && !(found.relatedFound && found.relatedFound.has(clause.term));
    });
    var retried = await searchSimilar(lunr, source, parsed, typos, query.typing, query.quoted);
    if (!retried || !retried.length) {
      if (unmatched.length && !found.matched.size) {
        // No hit has a word looked for, only other words of their stems: listed, saying so and naming those words
        // ("vaccine" where entries say "vaccinations"; "internal" where they say "international").
        var stemWords = stemWordsOf(source);
        var related = unmatched.map(function (clause) { return Query.relatedWords(lunr, stemWords, clause.term, source.families); });
        return { hits: found.hits, similar: false, common: false, missing: distinctTerms(unmatched),
          related: Array.from(new Set([].concat.apply([], related))) };
      }
      var outcome = { hits: found.hits, similar: false, common: false };
      if (unmatched.length) {
        outcome.missing = distinctTerms(unmatched);
        Object.assign(outcome, relatedInstead(lunr, source, outcome.missing, found));
      } else if (found.complete && found.complete.size < found.hits.length) {
        outcome.complete = found.complete;  // (some hits lack a word: the status says how many have each)
        outcome.oneWord = found.oneWord;
      }
      return outcome;
    }
    return { hits: retried, similar: true, common: false, unmatched: distinctTerms(typos) };
  }

  /**
   * Of the words no hit has, beside words that some hit has, those that some hit has a related word of ("surgical" in
   * "surgical kenya", where entries say "surgery"; ``found``: rankByWords's hits and stemFound), as {relatedOf: [[such a
   * word, the related word most hits have], ...], the status naming one to stay short ("midwives", not "midwifery");
   * relatedInstead: every related word, as the catalog has them, marked}; {} when there are none.
   */
  function relatedInstead(lunr, source, missing, found) {
    var stemWords = stemWordsOf(source);
    var relatedOf = [];
    var related = new Set();
    missing.forEach(function (term) {
      var words = found.stemFound && found.stemFound.has(term) ? Query.relatedWords(lunr, stemWords, term, source.families) : [];
      if (words.length) {
        relatedOf.push([term, mostFound(source, words, found.hits)]);
        words.forEach(function (word) { related.add(word); });
      }
    });
    return related.size ? { relatedOf: relatedOf, relatedInstead: Array.from(related) } : {};
  }

  /** Of some words, the one whose index term the most hits have (the first of those). */
  function mostFound(source, words, hits) {
    var counts = words.map(function (word) {
      var terms = source.pipeline.runString(word);
      return hits.filter(function (hit) {
        return terms.some(function (term) { return term in hit.matchData.metadata; });
      }).length;
    });
    return words[counts.indexOf(Math.max.apply(null, counts))];
  }

  /** The words of some clauses, each once: "xyzzy surgery xyzzy" said "No entry has “xyzzy” or “xyzzy”". */
  function distinctTerms(clauses) {
    return Array.from(new Set(clauses.map(function (clause) { return clause.term; })));
  }

  return {
    FILTERS: Results.FILTERS,
    MAX_QUERY_LENGTH: Folding.MAX_QUERY_LENGTH,
    MAX_WORD_LENGTH: Folding.MAX_WORD_LENGTH,
    EDIT_DISTANCE_WORD_LENGTH: Query.EDIT_DISTANCE_WORD_LENGTH,
    fold: Folding.fold,
    foldQuery: Folding.foldQuery,
    hasWords: Folding.hasWords,
    withoutUnfinishedWord: Folding.withoutUnfinishedWord,
    endsInShortWord: Folding.endsInShortWord,
    queryLabel: Phrases.label,
    excludedLabel: Phrases.excludedLabel,
    hasQuotes: Phrases.hasQuotes,
    search: search,
    isWithinOneEdit: Typos.isWithinOneEdit,
    isEndForm: Typos.isEndForm,
    americanCompletions: Folding.americanCompletions,
    Vocabulary: Typos.Vocabulary,
    ShardedIndex: Shards.ShardedIndex,
    matchedTerms: Ranking.matchedTerms,
    highlight: Results.highlight,
    sameWord: Query.sameWord,
    matchNote: Results.matchNote,
    matchedCountries: Results.matchedCountries,
    deadlineState: Results.deadlineState,
    deadlineText: Results.deadlineText,
    applyFilters: Results.applyFilters,
    facetCounts: Results.facetCounts,
    hasFilters: Results.hasFilters,
    resultsFor: Results.resultsFor,
    stateFromSearch: Results.stateFromSearch,
    searchFromState: Results.searchFromState,
    isoDate: Results.isoDate
  };
}));
