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
 * words and phrases). This file runs a search and gathers what the search page and the Node tests use
 * into one object.
 */
(function (root, factory) {
  'use strict';
  if (typeof module === 'object' && module.exports) {
    module.exports = factory(require('./search-phrases.js'), require('./search-folding.js'), require('./search-query.js'),
      require('./search-typos.js'), require('./search-ranking.js'));
  } else {
    root.SearchCore = factory(root.SearchPhrases, root.SearchFolding, root.SearchQuery,
      root.SearchTypos, root.SearchRanking);
  }
}(typeof self !== 'undefined' ? self : this, function (Phrases, Folding, Query, Typos, Ranking) {
  'use strict';

  var MAX_QUERY_LENGTH = Folding.MAX_QUERY_LENGTH;
  var WORD = Folding.WORD;
  var fold = Folding.fold;
  var hasWords = Folding.hasWords;
  var isStopWord = Query.isStopWord;
  var readQuery = Query.readQuery;
  var parseQuery = Query.parseQuery;
  var buildQuery = Query.buildQuery;
  var Vocabulary = Typos.Vocabulary;
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
   * The promise of ``load`` (called on ``self``) for a key, made once and kept in ``cache``; a promise
   * that fails is forgotten, so that the next query fetches again: a file that could not be loaded
   * on a flaky connection failed every later query that needed it until the page was reloaded.
   */
  function remember(cache, key, load, self) {
    if (!cache.has(key)) {
      var promise = load.call(self);
      cache.set(key, promise);
      promise.catch(function () {
        if (cache.get(key) === promise) {
          cache.delete(key);
        }
      });
    }
    return cache.get(key);
  }

  /**
   * The parts of a sharded index that queries touch (see site_gen/search_shards.py).
   * Shards hold consecutive terms with postings and field-vector weights (and, in the fields the
   * manifest's "positions" names, the terms' word numbers, as lunr's "index" metadata); every shard a
   * query could expand into is loaded before lunr runs it, so scores equal the whole index's.
   */
  function ShardedIndex(lunr, manifest, fetchJson) {
    this.lunr = lunr;
    this.manifest = manifest;
    this.fetchJson = fetchJson;
    this.fields = manifest.fields;
    this.positionFields = manifest.positions || [];
    this.pipeline = lunr.Pipeline.load(manifest.pipeline);
    this.starts = manifest.shards.map(function (shard) { return shard[0]; });
    this.loading = new Map();
    this.terms = [];
    this.invertedIndex = Object.create(null);
    this.parts = new Map();
    this.fieldVectors = Object.create(null);
    this.chunks = new Map();
    this.files = new Map();  // the term list and the word list, once asked for
    this.index = null;
    for (var doc = 0; doc < manifest.documentCount; doc++) {
      for (var field = 0; field < this.fields.length; field++) {
        this.fieldVectors[this.fields[field] + '/' + doc] = new lunr.Vector([]);
      }
    }
  }

  /** The number of the shard that holds (or would hold) a term. */
  ShardedIndex.prototype.shardOf = function (term) {
    var low = 0;
    var high = this.starts.length - 1;
    while (low < high) {
      var middle = (low + high + 1) >> 1;
      if (this.starts[middle] <= term) {
        low = middle;
      } else {
        high = middle - 1;
      }
    }
    return low;
  };

  /** Shards holding every term that starts with a prefix. */
  ShardedIndex.prototype.shardsWithPrefix = function (prefix) {
    var numbers = [this.shardOf(prefix)];
    var last = this.shardOf(prefix + '\uffff');
    for (var number = numbers[0] + 1; number <= last; number++) {
      numbers.push(number);
    }
    return numbers;
  };

  /** Every term of the index, for fuzzy and leading-wildcard expansion (fetched once). */
  ShardedIndex.prototype.allTerms = function () {
    var lunr = this.lunr;
    return remember(this.files, 'terms', function () {
      return this.fetchJson(this.manifest.terms).then(function (terms) { return lunr.TokenSet.fromArray(terms); });
    }, this);
  };

  /** The catalog's words, for the similar-words retry (fetched once). */
  ShardedIndex.prototype.vocabulary = function () {
    return remember(this.files, 'words', function () {
      return this.fetchJson(this.manifest.words).then(function (file) { return new Vocabulary(file.words, file.english); });
    }, this);
  };

  /** Shards a query term can expand into, as lunr.Index#query expands it. */
  ShardedIndex.prototype.shardsForTerm = async function (term, editDistance) {
    var star = term.indexOf('*');
    if (!editDistance && star === -1) {
      return [this.shardOf(term)];
    }
    if (!editDistance && star === term.length - 1) {
      return this.shardsWithPrefix(term.slice(0, -1));
    }
    var clause = editDistance ? { term: term, editDistance: editDistance } : { term: term };
    var expanded = (await this.allTerms()).intersect(this.lunr.TokenSet.fromClause(clause)).toArray();
    return expanded.map(this.shardOf, this);
  };

  /** Load every shard that a query (filled in by ``fill``) touches. */
  ShardedIndex.prototype.prepare = async function (fill) {
    var query = new this.lunr.Query(this.fields);
    fill(query);
    var pending = [];
    for (var i = 0; i < query.clauses.length; i++) {
      var clause = query.clauses[i];
      var terms = clause.usePipeline ? this.pipeline.runString(clause.term, { fields: clause.fields }) : [clause.term];
      for (var j = 0; j < terms.length; j++) {
        pending.push(this.shardsForTerm(terms[j], clause.editDistance));
      }
    }
    var numbers = [].concat.apply([], await Promise.all(pending));
    await Promise.all(numbers.map(this.loadShard, this));
  };

  ShardedIndex.prototype.loadShard = function (number) {
    return remember(this.loading, number, function () {
      var self = this;
      return this.fetchJson(this.manifest.shards[number][1]).then(function (rows) { self.addRows(number, rows); });
    }, this);
  };

  /** Add a shard's terms: postings into the inverted index, weights into field-vector parts. */
  ShardedIndex.prototype.addRows = function (number, rows) {
    var fields = this.fields;
    var positions = this.positionFields;
    this.terms[number] = rows.map(function (row) { return row[0]; });
    for (var r = 0; r < rows.length; r++) {
      var row = rows[r];
      var posting = { _index: row[1] };
      for (var f = 0; f < fields.length; f++) {
        posting[fields[f]] = this.addField(fields[f], row[1], row[2 + f], positions.indexOf(fields[f]) !== -1);
      }
      this.invertedIndex[row[0]] = posting;
    }
    this.index = null;
  };

  /** A field's postings of one term ({ref: metadata}), its weights put into field-vector parts. */
  ShardedIndex.prototype.addField = function (field, termIndex, flat, hasPositions) {
    var refs = {};
    var doc = 0;
    var width = hasPositions ? 3 : 2;
    for (var i = 0; flat && i < flat.length; i += width) {
      doc += flat[i];
      refs[doc] = hasPositions ? { index: wordNumbers(flat[i + 2]) } : {};
      var key = field + '/' + doc;
      if (!this.parts.has(key)) {
        this.parts.set(key, []);
      }
      this.parts.get(key).push([termIndex, flat[i + 1] / 1000]);
      this.fieldVectors[key] = null;
    }
    return refs;
  };

  /** A term's word numbers in a field (lunr's "index" metadata) from a shard: one number, or the first and the gaps after it. */
  function wordNumbers(packed) {
    if (typeof packed === 'number') {
      return [packed];
    }
    var numbers = [packed[0]];
    for (var i = 1; i < packed.length; i++) {
      numbers.push(numbers[i - 1] + packed[i]);
    }
    return numbers;
  }

  /** The lunr.Index over everything loaded so far (rebuilt after loads). */
  ShardedIndex.prototype.current = function () {
    if (!this.index) {
      var lunr = this.lunr;
      var vectors = this.fieldVectors;
      this.parts.forEach(function (pairs, key) {
        if (vectors[key] === null) {
          pairs.sort(function (a, b) { return a[0] - b[0]; });
          vectors[key] = new lunr.Vector([].concat.apply([], pairs));
        }
      });
      var terms = [].concat.apply([], this.terms.filter(Boolean));
      this.index = new lunr.Index({
        invertedIndex: this.invertedIndex, fieldVectors: vectors, tokenSet: lunr.TokenSet.fromArray(terms),
        fields: this.fields, pipeline: this.pipeline
      });
    }
    return this.index;
  };

  ShardedIndex.prototype.query = function (fill) {
    return this.current().query(fill);
  };

  /** The result documents of some refs, in the same order (fetching their chunks). */
  ShardedIndex.prototype.documents = async function (refs) {
    var size = this.manifest.chunkSize;
    var chunks = await Promise.all(refs.map(function (ref) { return this.chunk(Math.floor(Number(ref) / size)); }, this));
    return refs.map(function (ref, position) { return chunks[position][Number(ref) % size]; });
  };

  ShardedIndex.prototype.chunk = function (number) {
    return remember(this.chunks, number, function () { return this.fetchJson(this.manifest.chunks[number]); }, this);
  };

  /** Facet values of every document by ref: {collection, category, deadline, countries}. */
  ShardedIndex.prototype.facetDocuments = function () {
    var facets = this.manifest.facets;
    return facets.rows.map(function (row) {
      var deadline = row[2] ? String(row[2]).replace(/^(\d{4})(\d\d)(\d\d)$/, '$1-$2-$3') : undefined;
      return {
        collection: facets.collections[row[0]],
        category: row[1] >= 0 ? facets.categories[row[1]] : undefined,
        deadline: deadline,
        countries: row[3].map(function (number) { return facets.countries[number][0]; })
      };
    });
  };

  /** Country names by ISO code. */
  ShardedIndex.prototype.countryNames = function () {
    var names = {};
    this.manifest.facets.countries.forEach(function (pair) { names[pair[0]] = pair[1]; });
    return names;
  };

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
    ShardedIndex: ShardedIndex,
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
