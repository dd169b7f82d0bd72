/*
 * The typo retry's words (search-core.js retries a query with them): the catalog's words one edit
 * away from a word typed (a letter added, dropped or changed, two neighbours swapped), with the
 * rules of site_gen/typos.py: a common English word is spelt as meant.
 */
(function (root, factory) {
  'use strict';
  if (typeof module === 'object' && module.exports) {
    module.exports = factory(require('./search-folding.js'), require('./search-query.js'));
  } else {
    root.SearchTypos = factory(root.SearchFolding, root.SearchQuery);
  }
}(typeof self !== 'undefined' ? self : this, function (Folding, Query) {
  'use strict';

  var MAX_WORD_LENGTH = Folding.MAX_WORD_LENGTH;
  var britishSpellings = Folding.britishSpellings;
  var isPlain = Query.isPlain;
  var isStopWord = Query.isStopWord;

  /**
   * Whether a clause is a word whose match is checked, named when no hit has it: a plain word of 3 to 30
   * letters, not a stop word, and not in quotes (``quoted``: quotes ask for the words as spelt).
   */
  function isChecked(lunr, clause, quoted) {
    return isPlain(lunr, clause) && clause.term.length >= 3 && clause.term.length <= MAX_WORD_LENGTH &&
      !isStopWord(lunr, clause.term) && !quoted.has(clause.term);
  }

  /**
   * Whether the similar-words retry may replace a clause: a word checked (isChecked) that is not a number, nor a
   * country's code searched as its name ("US": usa, whose similar words would be "use").
   * A number is no misspelt word: "2015" listed the entries of 2016, 2012 and 2025 as "similar words".
   */
  function isRetried(lunr, clause, quoted) {
    return isChecked(lunr, clause, quoted) && !clause.country && !/^\p{N}+$/u.test(clause.term);
  }

  /**
   * The index terms of the catalog's words one typo away from a word, sorted (stemmed as lunr stems a query); with
   * ``byTerm``, a Map that receives each term's similar words (for their form terms: Query.useSimilarTerms).
   */
  function similarTerms(vocabulary, pipeline, clause, byTerm) {
    var terms = new Set();
    vocabulary.similar(clause.term).forEach(function (word) {
      pipeline.runString(word, { fields: clause.fields }).forEach(function (term) {
        terms.add(term);
        if (byTerm) {
          byTerm.set(term, (byTerm.get(term) || []).concat([word]));
        }
      });
    });
    return Array.from(terms).sort();
  }

  var MIN_SPLIT_PART = 2;  // letters of each word a word written without its space is split into ("ha noi")

  /**
   * A word that is two words of the catalog written without the space between them ("hanoi", where entries say
   * "Hà Nội", folded "ha noi"; "bachmai", "healthcare"), as the index terms of each: [[the first's], [the second's]];
   * of several splits, the one whose shorter word is longest; [] when there is none (or a part is a stop word). With
   * ``byTerm``, as similarTerms: each term's words.
   */
  function splitTerms(vocabulary, pipeline, clause, byTerm) {
    var word = clause.term;
    var best = null;
    for (var at = MIN_SPLIT_PART; at <= word.length - MIN_SPLIT_PART; at++) {
      var shorter = Math.min(at, word.length - at);
      if (vocabulary.has(word.slice(0, at)) && vocabulary.has(word.slice(at)) && (!best || shorter > best.shorter)) {
        best = { parts: [word.slice(0, at), word.slice(at)], shorter: shorter };
      }
    }
    var terms = best ? best.parts.map(function (part) {
      return pipeline.runString(part, { fields: clause.fields }).map(function (term) {
        if (byTerm) {
          byTerm.set(term, (byTerm.get(term) || []).concat([part]));
        }
        return term;
      });
    }) : [];
    return terms.every(function (part) { return part.length; }) ? terms : [];
  }

  /** Whether a hit holds, for every required word, one of its similar terms in one of the word's fields. */
  function meetsRequired(hit, groups) {
    var metadata = hit.matchData.metadata;
    return groups.every(function (group) {
      return group.terms.some(function (term) {
        return metadata[term] && group.fields.some(function (field) { return field in metadata[term]; });
      });
    });
  }

  /** Whether two words are equal or one edit apart: a letter added, dropped or changed, or two neighbours swapped. */
  function isWithinOneEdit(a, b) {
    if (Math.abs(a.length - b.length) > 1) {
      return false;
    }
    var start = 0;
    while (start < a.length && a[start] === b[start]) {
      start++;
    }
    if (a.length > b.length) {
      return a.slice(start + 1) === b.slice(start);
    }
    if (a.length < b.length) {
      return a.slice(start) === b.slice(start + 1);
    }
    return start === a.length || a.slice(start + 1) === b.slice(start + 1) ||
      (a[start] === b[start + 1] && a[start + 1] === b[start] && a.slice(start + 2) === b.slice(start + 2));
  }

  /** Whether one word is the other with a letter added at the end ("health", "healthy"): is_end_form in site_gen/typos.py. */
  function isEndForm(a, b) {
    return Math.abs(a.length - b.length) === 1 && (a.indexOf(b) === 0 || b.indexOf(a) === 0);
  }

  /**
   * The catalog's indexed words as written (folded, before stemming), by length, for the similar-words retry,
   * with the British spellings of its words (britishSpellings), each standing for the word of the index;
   * ``english``: the common English words near them that are spelt as meant (site_gen/typos.py); ``places``: the
   * folded names of places with a word the catalog lacks ("oman", "la paz": site_gen/place_names.py), never misspelt.
   */
  function Vocabulary(words, english, places) {
    this.words = words;
    this.patterns = new Map();  // a wildcard pattern -> the words it matches (matching)
    this.byLength = new Map();
    this.english = new Set(english || []);
    this.places = new Map();  // a place name's first word -> [[the name's words]] (Query.nameSpans)
    (places || []).forEach(function (name) {
      var parts = name.split(' ');
      this.places.set(parts[0], (this.places.get(parts[0]) || []).concat([[parts]]));
    }, this);
    this.spelledFor = new Map();  // a British spelling -> the catalog's word
    words.forEach(function (word) {
      this.add(word);
      britishSpellings(word).forEach(function (form) {
        if (!this.spelledFor.has(form)) {
          this.spelledFor.set(form, word);
          this.add(form);
        }
      }, this);
    }, this);
  }

  Vocabulary.prototype.add = function (word) {
    if (!this.byLength.has(word.length)) {
      this.byLength.set(word.length, []);
    }
    this.byLength.get(word.length).push(word);
  };

  var SHORT_WORD_LENGTH = 4;  // letters of a word whose similar words start with its first letter
  // Letters of a word of the catalog too short to be a longer word's similar word: such words are countries' codes
  // ("mh", "ph", "ms"), and a longer word the catalog lacks is an acronym ("mph", "msf"), seldom a code with a letter
  // too many: "mph" listed 15 entries in the Marshall Islands and the Philippines as its similar words.
  var SHORTEST_SIMILAR = 2;

  /**
   * The words within one edit of a word or of a British spelling of theirs (itself included when it is a word of the
   * catalog), shortest first. A common English word is spelt as meant, not a typo of another word: "free" is not
   * "fee", nor "dental" "mental". Only its own shorter or longer form is similar to it, a letter dropped or added at
   * the end ("healthy": "health"; "asian": "asia"), which the stemmer keeps apart. A word of up to SHORT_WORD_LENGTH
   * letters keeps its first letter: one letter is a quarter of it or more, and typists seldom miss the first
   * (names the catalog lacks were "typos": "ulan" of "plan", "hong" and "kong" of "long", "jose" of "dose"). Nor is a
   * word of SHORTEST_SIMILAR letters similar to a longer one.
   */
  Vocabulary.prototype.similar = function (word) {
    var found = [];
    var spelt = this.english.has(word);
    var short = word.length <= SHORT_WORD_LENGTH;
    for (var length = word.length - 1; length <= word.length + 1; length++) {
      (this.byLength.get(length) || []).forEach(function (candidate) {
        if (isWithinOneEdit(word, candidate) && (!spelt || isEndForm(word, candidate)) && (!short || candidate[0] === word[0]) &&
            !(candidate.length <= SHORTEST_SIMILAR && candidate.length < word.length)) {
          var meant = this.spelledFor.get(candidate) || candidate;
          if (found.indexOf(meant) === -1) {
            found.push(meant);
          }
        }
      }, this);
    }
    return found;
  };

  /**
   * Where folded words (null for one that cannot be part of a name) name a place of ``places``: [{start, end (its last
   * word), name}], every name found, overlapping ones too.
   */
  Vocabulary.prototype.placeSpans = function (words) {
    return Query.nameSpans(words, this.places).map(function (span) {
      return { start: span.start, end: span.end, name: span.name[0].join(' ') };
    });
  };

  /** Whether a folded word is one of the catalog's words (not a British spelling of one). */
  Vocabulary.prototype.has = function (word) {
    if (!this.known) {
      this.known = new Set(this.words);
    }
    return this.known.has(word);
  };

  /** The catalog's words (not British spellings) that a pattern matches, "*" standing for any letters ("*gery": "surgery"); kept. */
  Vocabulary.prototype.matching = function (pattern) {
    if (!this.patterns.has(pattern)) {
      var parts = pattern.split('*').map(function (part) { return part.replace(/[\\^$.|?+()[\]{}\/]/g, '\\$&'); });
      var expression = new RegExp('^' + parts.join('.*') + '$', 'u');
      this.patterns.set(pattern, this.words.filter(function (word) { return expression.test(word); }));
    }
    return this.patterns.get(pattern);
  };

  return {
    isWithinOneEdit: isWithinOneEdit,
    isEndForm: isEndForm,
    Vocabulary: Vocabulary,
    isChecked: isChecked,
    isRetried: isRetried,
    similarTerms: similarTerms,
    splitTerms: splitTerms,
    meetsRequired: meetsRequired
  };
}));
