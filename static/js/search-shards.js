/*
 * The search index as shards fetched when a query needs them (site_gen/search_shards.py writes
 * them): a source search-core.js searches as it searches a whole lunr.Index.
 */
(function (root, factory) {
  'use strict';
  if (typeof module === 'object' && module.exports) {
    module.exports = factory(require('./search-typos.js'), require('./search-query.js'));
  } else {
    root.SearchShards = factory(root.SearchTypos, root.SearchQuery);
  }
}(typeof self !== 'undefined' ? self : this, function (Typos, Query) {
  'use strict';

  var Vocabulary = Typos.Vocabulary;
  var FORM_MARK = Query.FORM_MARK;  // before a form term ("~intern~internal") and a stem's word that has one

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
    this.equivalents = manifest.equivalents || [];  // [term, [name, ...], names only typed]: site_gen/equivalents.py, search-query.js
    this.families = manifest.families || [];  // [[stem, ...], ...]: site_gen/word_families.py, search-query.js
    this.pipeline = lunr.Pipeline.load(manifest.pipeline);
    this.starts = manifest.shards.map(function (shard) { return shard[0]; });
    this.loading = new Map();
    this.terms = [];
    this.words = Object.create(null);  // stem -> its words, from its row (stemWords)
    this.unordered = false;
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

  /** The number of the shard that holds (or would hold) a term; a form term ("~intern~internal") is in its stem's. */
  ShardedIndex.prototype.shardOf = function (term) {
    if (term.charAt(0) === FORM_MARK && term.indexOf(FORM_MARK, 1) !== -1) {
      term = term.slice(1, term.indexOf(FORM_MARK, 1));
    }
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
      return this.fetchJson(this.manifest.words).then(function (file) { return new Vocabulary(file.words, file.english, file.places); });
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

  /** Add a shard's terms: postings into the inverted index, weights into field-vector parts, a stem's words (after its fields). */
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
      if (row.length > 2 + fields.length) {
        this.words[row[0]] = row[2 + fields.length];
      }
      this.unordered = this.unordered || row[0].charAt(0) === FORM_MARK;
    }
    this.index = null;
  };

  /**
   * The catalog's words of a loaded stem (each with FORM_MARK before it where it has a form term: Query.formTerms);
   * undefined for a term not loaded or not in the index.
   */
  ShardedIndex.prototype.stemWords = function (stem) {
    return this.words[stem] || (stem in this.invertedIndex && stem.charAt(0) !== FORM_MARK ? [stem] : undefined);
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
      if (this.unordered) {
        terms.sort();  // (form terms follow their stems in shards; a token set is built from terms in order)
      }
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

  /**
   * Facet values of every document by ref: {collection, category, deadline, countries, listed}, from a file of their own
   * (fetched once, when first asked for): the search page needs them for its filters and their counts, not for results.
   */
  ShardedIndex.prototype.facetDocuments = async function () {
    var facets = this.manifest.facets;
    var rows = await remember(this.files, facets.rows, function () { return this.fetchJson(facets.rows); }, this);
    return rows.map(function (row) {
      var deadline = row[2] ? String(row[2]).replace(/^(\d{4})(\d\d)(\d\d)$/, '$1-$2-$3') : undefined;
      return {
        collection: facets.collections[row[0]],
        category: row[1] >= 0 ? facets.categories[row[1]] : undefined,
        deadline: deadline,
        countries: row[3].map(function (number) { return facets.countries[number][0]; }),
        listed: row[4]  // (its place in its listing's order, less the deadline's: Results.listingOrder)
      };
    });
  };

  /** Country names by ISO code. */
  ShardedIndex.prototype.countryNames = function () {
    var names = {};
    this.manifest.facets.countries.forEach(function (pair) { names[pair[0]] = pair[1]; });
    return names;
  };

  /** Code -> the index terms of the country's other names that its name and code lack ("US": ["usa"]). */
  ShardedIndex.prototype.countryTerms = function () {
    return this.manifest.facets.countryTerms || {};
  };

  return {
    ShardedIndex: ShardedIndex
  };
}));
