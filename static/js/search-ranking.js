/*
 * The order of a query's hits (search-core.js): hits that match more of the query's words first
 * (rankByWords), then those where more of its phrases' words stand together (rankByPhrases).
 */
(function (root, factory) {
  'use strict';
  if (typeof module === 'object' && module.exports) {
    module.exports = factory(require('./search-phrases.js'), require('./search-folding.js'), require('./search-query.js'));
  } else {
    root.SearchRanking = factory(root.SearchPhrases, root.SearchFolding, root.SearchQuery);
  }
}(typeof self !== 'undefined' ? self : this, function (Phrases, Folding, Query) {
  'use strict';

  var isStopWord = Query.isStopWord;
  var parseInto = Query.parseInto;
  var expandLastWord = Query.expandLastWord;
  var splitUnspacedClauses = Query.splitUnspacedClauses;
  var limitEditDistances = Query.limitEditDistances;
  var usePatterns = Query.usePatterns;
  var useSimilarTerms = Query.useSimilarTerms;
  var useForms = Query.useForms;

  /** The hits that match, for each group of clauses (expandLastWord), one of its clauses in one of its fields. */
  function keepGroups(lunr, pipeline, hits, groups) {
    if (!groups.length || !hits.length) {
      return hits;
    }
    var byTerm = wordsByTerm(lunr, pipeline, groups.map(function (clauses) { return { clauses: clauses }; }), hits);
    var found = new Uint8Array(groups.length);
    return hits.filter(function (hit) { return wordsOfHit(hit, byTerm, found).length === groups.length; });
  }

  /**
   * The words of a query that count for ranking, each with the clauses buildQuery expands it into
   * (a pattern's terms, letters written without spaces in pairs, the last word while typing as a prefix and its
   * American spellings, a typo's similar words, the term of an equivalent it is (part of) the name of):
   * {words: [{term, clauses}], one per distinct word as folded,
   * pairs: [[word number, word number, distance]]}. Left out: excluded words (-word) and stop words, which the
   * index does not hold. The forms of the word being typed that are not the word (its prefix, shorter stems) are
   * marked ``partial``. ``pairs``: words next to each other in the query (stop words between them counted, as in a phrase).
   */
  function queryWords(lunr, fields, text, options) {
    var parsed = parseInto(lunr, text, new lunr.Query(fields)).clauses;
    var words = new Map();
    var pairs = [];
    var previous = null;
    parsed.forEach(function (clause, position) {
      var stopWord = clause.usePipeline && isStopWord(lunr, clause.term);
      if (clause.presence === lunr.Query.presence.PROHIBITED || stopWord) {
        previous = stopWord ? previous : null;
        return;
      }
      var query = new lunr.Query(fields);
      query.clause(Object.assign({}, clause));
      splitUnspacedClauses(query);
      limitEditDistances(query);
      var asTyped = query.clauses.slice();
      usePatterns(lunr, query, options.patterns, []);
      var typing = null;
      if (options.typing && position === parsed.length - 1) {
        var typed = query.clauses.length;
        typing = query.clauses[typed - 1];
        expandLastWord(lunr, query, []);
        query.clauses.slice(typed).forEach(function (form) {
          form.partial = !form.usePipeline;
        });
      }
      if (options.similar) {
        useSimilarTerms(lunr, query, options.similar, options.similarWords, options.stemWords, options.families);
      }
      useForms(lunr, query, asTyped, options.stemWords, [], typing);  // (the stem of the word being typed: partial)
      Query.useFamilies(lunr, query, asTyped, options.families, options.quoted);  // (related words: uncounted)
      var word = words.get(clause.term) || { term: clause.term, clauses: [], number: words.size };
      word.clauses = word.clauses.concat(query.clauses);
      words.set(clause.term, word);
      if (previous && previous.number !== word.number && isPlainWord(lunr, clause) && isPlainWord(lunr, previous.clause) &&
          clause.fields.join() === previous.clause.fields.join()) {
        pairs.push([previous.number, word.number, position - previous.position]);
      }
      previous = { number: word.number, position: position, clause: clause };
    });
    // An equivalent's term ("icu_") is a form of each word of its name: "intensive care unit" is three words matched.
    // A word of a name meant as the term alone ("partners", "free": Query.useMeantNames) is matched only where the term
    // is (``meant``: withMeaning).
    Query.equivalentClauses(lunr, parsed, options.equivalents, options.quoted).forEach(function (named) {
      for (var position = named.span.start; position <= named.span.end; position++) {
        var word = words.get(parsed[position].term);
        if (word && word.clauses.indexOf(named) === -1) {
          word.clauses = word.clauses.concat([named]);
          if (named.span.meant) {
            word.meant = (word.meant || []).concat([named]);
          }
        }
      }
    });
    return { words: Array.from(words.values()), pairs: pairs };
  }

  /** Whether a clause is a word as it is (not a pattern, a word~n or letters written without spaces, which are searched in pairs). */
  function isPlainWord(lunr, clause) {
    return clause.usePipeline && !clause.editDistance && clause.wildcard === lunr.Query.wildcard.NONE &&
      Folding.splitUnspaced(clause.term) === clause.term;
  }

  /**
   * For each index term that some hit matched, the words that may have matched it, and in which
   * fields: Map term -> [[word number, fields]]. Each clause is expanded as lunr expands it (its
   * pipeline, wildcards, edit distance), among the terms the hits matched; ``wholeOnly`` leaves out
   * the clauses marked ``partial`` (queryWords). A clause marked ``uncounted`` (a word's stem, where the stem has other
   * words: Query.useForms) matches no word: its form terms do.
   */
  function wordsByTerm(lunr, pipeline, words, hits, wholeOnly) {
    var matched = lunr.TokenSet.fromArray(Array.from(matchedTerms(hits)).sort());
    var byTerm = new Map();
    words.forEach(function (word, number) {
      word.clauses.forEach(function (clause) {
        if ((wholeOnly && clause.partial) || clause.uncounted) {
          return;
        }
        var searched = clause.usePipeline ? pipeline.runString(clause.term, { fields: clause.fields }) : [clause.term];
        searched.forEach(function (term) {
          var tokens = lunr.TokenSet.fromClause(clause.editDistance ? { term: term, editDistance: clause.editDistance } : { term: term });
          matched.intersect(tokens).toArray().forEach(function (found) {
            byTerm.set(found, (byTerm.get(found) || []).concat([[number, clause.fields]]));
          });
        });
      });
    });
    return byTerm;
  }

  /** Whether a term's match data (field -> metadata) holds one of some fields. */
  function inFields(fieldsMatched, fields) {
    for (var i = 0; i < fields.length; i++) {
      if (fields[i] in fieldsMatched) {
        return true;
      }
    }
    return false;
  }

  /**
   * The numbers of the words (wordsByTerm) that a hit matched in a field their clause searches,
   * each once, into ``found`` (a Uint8Array by word number, cleared first).
   */
  function wordsOfHit(hit, byTerm, found) {
    var numbers = [];
    var metadata = hit.matchData.metadata;
    found.fill(0);
    for (var term in metadata) {
      var candidates = byTerm.get(term);
      for (var i = 0; candidates && i < candidates.length; i++) {
        var number = candidates[i][0];
        if (!found[number] && inFields(metadata[term], candidates[i][1])) {
          found[number] = 1;
          numbers.push(number);
        }
      }
    }
    return numbers;
  }

  /**
   * A hit's words (wordsOfHit's numbers) less those meant as an equivalent's term alone (queryWords' ``meant``) where
   * the hit has not the term: "partners in kenya" counted "partners" in two projects in Kenya that "work with partners",
   * whose titles' Kenya then put them above the partner in Kenya. The word's own matches still weigh in lunr's score
   * and put its words side by side ("research elective" in a title).
   */
  function withMeaning(numbers, words, hit) {
    return numbers.filter(function (number) {
      var meant = words[number].meant;
      return !meant || meant.some(function (clause) {
        var fields = hit.matchData.metadata[clause.term];
        return fields && inFields(fields, clause.fields);
      });
    });
  }

  /**
   * Rank hits by the query's words they match, and say which words some hit matched: {hits, matched, and with two
   * words or more, or one that other words of its stem also found ("medication": "medical"), complete: the refs of the
   * hits with every word (the word itself), and oneWord}.
   * Hits that match more of the words come first, then those with more of the query's neighbouring
   * words next to each other in a field whose word numbers the index keeps (pairsTogether), then by
   * lunr's score (its order kept among equals). lunr adds up each word's score, so an entry with one common word in its title
   * outranked entries with every word in their topics and summary ("medical students"). A word
   * counts once, when any of its expansions (queryWords) matched; the word being typed, when some hit
   * has it whole, counts only where it is whole ("elective in peru": not "Perfume" beside "elective").
   * This is the "words" rule of site search engines, stricter than Lucene's classic coord (score ×
   * share of words matched), which one common word in a title still overcame, followed by their "proximity".
   */
  function rankByWords(lunr, source, text, options, hits) {
    var query = queryWords(lunr, source.fields, text, options);
    var words = query.words;
    var matched = new Set();
    if (!words.length || !hits.length) {
      return { hits: hits, matched: matched };
    }
    var byTerm = wordsByTerm(lunr, source.pipeline, words, hits);
    var found = new Uint8Array(words.length);
    var numbersOfHits = [];
    // With one word, only whether some hit matched it is wanted (a stop word being typed matches as a prefix too),
    // unless other words of its stem found some hits: those with the word come first.
    var ranked = words.length > 1 || words[0].clauses.some(function (clause) { return clause.formed || clause.related; });
    for (var position = 0; position < hits.length && (ranked || !matched.size); position++) {
      var numbers = withMeaning(wordsOfHit(hits[position], byTerm, found), words, hits[position]);
      numbers.forEach(function (number) { matched.add(words[number].term); });
      numbersOfHits.push(numbers);
    }
    if (!ranked) {
      return { hits: hits, matched: matched };
    }
    var counts = wordCounts(lunr, source, words, hits, numbersOfHits);
    var pairs = pairsTogether(words, query.pairs, hits, byTerm, counts);
    var order = hits.map(function (hit, position) { return position; });
    order.sort(function (a, b) { return counts[b] - counts[a] || pairs[b] - pairs[a] || a - b; });
    var complete = new Set();
    counts.forEach(function (count, position) {
      if (count === words.length) {
        complete.add(hits[position].ref);
      }
    });
    return { hits: order.map(function (position) { return hits[position]; }), matched: matched, complete: complete,
      oneWord: words.length === 1, relatedFound: relatedFound(words, hits, matched),
      stemFound: relatedFound(words, hits, matched, source.pipeline) };
  }

  /**
   * The words (as folded) that no hit matched but some hit has a related word of (Query.useFamilies: "surgical" where
   * entries only say "surgery"): the similar-words retry leaves them as they are; with the query ``pipeline``, also
   * another word of their stem ("vaccine" where entries say "vaccination"; its stem's clause, as lunr runs it): the
   * status names those words.
   */
  function relatedFound(words, hits, matched, pipeline) {
    var found = new Set();
    words.forEach(function (word) {
      var related = word.clauses.filter(function (clause) { return clause.related || (pipeline && clause.formed); });
      var terms = related.map(function (clause) {
        return clause.usePipeline ? pipeline.runString(clause.term, { fields: clause.fields }) : [clause.term];
      });
      if (!matched.has(word.term) && related.length && hits.some(function (hit) {
        return related.some(function (clause, number) {
          return terms[number].some(function (term) {
            var fields = hit.matchData.metadata[term];
            return fields && inFields(fields, clause.fields);
          });
        });
      })) {
        found.add(word.term);
      }
    });
    return found;
  }

  /**
   * How many of the words each hit matched (``numbersOfHits``: wordsOfHit's, by hit), a word being typed that
   * some hit has whole counted only where it is whole: "peru" is a word, not only the start of "perfume".
   */
  function wordCounts(lunr, source, words, hits, numbersOfHits) {
    if (!words.some(function (word) { return word.clauses.some(function (clause) { return clause.partial; }); })) {
      return numbersOfHits.map(function (numbers) { return numbers.length; });
    }
    var wholeByTerm = wordsByTerm(lunr, source.pipeline, words, hits, true);
    var found = new Uint8Array(words.length);
    var whole = hits.map(function (hit) { return wordsOfHit(hit, wholeByTerm, found); });
    var isWhole = new Uint8Array(words.length);
    whole.forEach(function (numbers) { numbers.forEach(function (number) { isWhole[number] = 1; }); });
    return numbersOfHits.map(function (numbers, position) {
      return numbers.filter(function (number) { return !isWhole[number] || whole[position].indexOf(number) !== -1; }).length;
    });
  }

  /**
   * For each hit with every word (``counts``), how many of the query's pairs of neighbouring words ([word, word,
   * distance]) stand that far apart, in order, in one of its fields whose word numbers the index keeps (as a phrase
   * is checked); 0 for the others. Among hits with some of the words, those with two of them together are not
   * put first: "maternal health kenya" would list every entry on maternal health anywhere before the
   * community health elective in Kenya.
   */
  function pairsTogether(words, pairs, hits, byTerm, counts) {
    var termsOfWords = words.map(function () { return []; });
    byTerm.forEach(function (candidates, term) {
      candidates.forEach(function (candidate) { termsOfWords[candidate[0]].push([term, candidate[1]]); });
    });
    return hits.map(function (hit, position) {
      if (!pairs.length || counts[position] < words.length) {
        return 0;
      }
      return pairs.filter(function (pair) {
        return isPairIn(hit.matchData.metadata, termsOfWords[pair[0]], termsOfWords[pair[1]], pair[2]);
      }).length;
    });
  }

  /**
   * Whether a hit's match data (``metadata``) has a term of the first word (``firstTerms``: [term, fields searched])
   * and one of the second ``distance`` words after it in a field that keeps word numbers.
   */
  function isPairIn(metadata, firstTerms, secondTerms, distance) {
    for (var i = 0; i < firstTerms.length; i++) {
      var first = metadata[firstTerms[i][0]];
      for (var field in first) {
        for (var j = 0; first[field].index && firstTerms[i][1].indexOf(field) !== -1 && j < secondTerms.length; j++) {
          var second = metadata[secondTerms[j][0]] && metadata[secondTerms[j][0]][field];
          if (second && second.index && secondTerms[j][1].indexOf(field) !== -1 && follows(first[field].index, second.index, distance)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** Whether some number of ``first`` plus ``distance`` is in ``second``. */
  function follows(first, second, distance) {
    for (var i = 0; i < first.length; i++) {
      if (second.indexOf(first[i] + distance) !== -1) {
        return true;
      }
    }
    return false;
  }

  /** Field -> word (wordsByTerm's numbers) -> the word numbers where a hit has it, in the fields that keep them. */
  function numbersByField(hit, byTerm) {
    var byField = {};
    var metadata = hit.matchData.metadata;
    Object.keys(metadata).forEach(function (term) {
      var candidates = byTerm.get(term);
      Object.keys(candidates ? metadata[term] : {}).forEach(function (field) {
        var numbers = metadata[term][field].index;
        var words = numbers ? byField[field] || (byField[field] = []) : null;
        candidates.forEach(function (candidate) {
          if (words && candidate[1].indexOf(field) !== -1) {
            words[candidate[0]] = (words[candidate[0]] || []).concat(numbers);
          }
        });
      });
    });
    return byField;
  }

  /**
   * A search's outcome with its query's phrases applied (rankByPhrases): {phrases, together} added,
   * the hits without those with a phrase after "-", those with more phrases first. As it is without phrases.
   */
  async function withPhrases(lunr, source, phrases, outcome) {
    if (!phrases.length) {
      return outcome;
    }
    var ranked = await rankByPhrases(lunr, source, phrases, outcome.hits);
    return Object.assign({}, outcome, ranked);
  }

  /**
   * Leave out the hits with a phrase after "-", and put first the hits with more of the other phrases,
   * keeping their order among equals: {hits, phrases, together}. ``phrases``: how many phrases were
   * looked for (a phrase restricted to fields that keep no word numbers cannot be); ``together``: the
   * refs of the hits with every one of them. The others have the phrases' words (they are required),
   * but apart, or together only where word numbers are not kept (an entry's body).
   */
  async function rankByPhrases(lunr, source, phrases, hits) {
    var sought = [];
    var excluded = new Set();
    for (var number = 0; number < phrases.length && hits.length; number++) {
      var refs = await phraseRefs(lunr, source, phrases[number]);
      if (refs && phrases[number].negated) {
        refs.forEach(function (ref) { excluded.add(ref); });
      } else if (refs) {
        sought.push(refs);
      }
    }
    var kept = hits.filter(function (hit) { return !excluded.has(hit.ref); });
    var counts = kept.map(function (hit) { return sought.filter(function (found) { return found.has(hit.ref); }).length; });
    var order = kept.map(function (hit, position) { return position; });
    order.sort(function (a, b) { return counts[b] - counts[a] || a - b; });
    var together = new Set();
    kept.forEach(function (hit, position) {
      if (sought.length && counts[position] === sought.length) {
        together.add(hit.ref);
      }
    });
    return { hits: order.map(function (position) { return kept[position]; }), phrases: sought.length, together: together };
  }

  /** The fields whose word numbers an index keeps: a ShardedIndex's manifest says; a whole lunr.Index's postings tell (every field is looked at). */
  function positionFields(source) {
    return source.positionFields || source.fields;
  }

  /**
   * The refs of the documents where a phrase's words stand together, in order, in one field whose word
   * numbers the index keeps (lunr's "index" metadata); null when none of the phrase's fields keeps them.
   * A lunr query for the phrase's words, each required, in those fields finds the documents to look at;
   * a phrase's last word while it is typed is each of its forms (expandLastWord), a word whose stem has other words
   * its form terms (Query.useForms: "International Medicine" is no phrase "internal medicine").
   */
  async function phraseRefs(lunr, source, phrase) {
    var kept = positionFields(source);
    var fields = (phrase.fields || source.fields).filter(function (field) { return kept.indexOf(field) !== -1; });
    if (!fields.length) {
      return null;
    }
    var offsets = [];
    phrase.words.forEach(function (word, offset) {
      if (!isStopWord(lunr, word)) {
        offsets.push(offset);
      }
    });
    var groups = [];
    var expanded = 0;
    var stemWords = source.stemWords && source.stemWords.bind(source);
    var fill = function (query) {
      groups.length = 0;
      offsets.forEach(function (offset) {
        query.clause({ term: phrase.words[offset], fields: fields, presence: lunr.Query.presence.REQUIRED });
      });
      var typed = query.clauses.slice();
      if (phrase.typing) {
        expandLastWord(lunr, query, groups);
      }
      expanded = query.clauses.length;
      useForms(lunr, query, typed, stemWords, groups, phrase.typing ? typed[typed.length - 1] : null);
    };
    if (source.prepare) {
      await source.prepare(fill);
    }
    var query = new lunr.Query(fields);
    fill(query);
    // Word k is clause k, or its form terms; the last word's forms while typed follow it.
    var words = offsets.map(function (offset, k) {
      var clause = query.clauses[k];
      return { clauses: clause.forms || (k < offsets.length - 1 ? [clause] : query.clauses.slice(k, expanded)) };
    });
    var hits = keepGroups(lunr, source.pipeline, source.query(fill), groups);
    var byTerm = wordsByTerm(lunr, source.pipeline, words, hits);
    var refs = new Set();
    hits.forEach(function (hit) {
      var found = fields.some(function (field) { return Phrases.together(offsets, wordPositions(hit, byTerm, field, words.length)); });
      if (found) {
        refs.add(hit.ref);
      }
    });
    return refs;
  }

  /** For each word (wordsByTerm's numbers) of a phrase, the word numbers where a hit has it in a field (Sets). */
  function wordPositions(hit, byTerm, field, count) {
    var positions = [];
    for (var k = 0; k < count; k++) {
      positions.push(new Set());
    }
    var metadata = hit.matchData.metadata;
    Object.keys(metadata).forEach(function (term) {
      var found = metadata[term][field];
      (found && found.index ? byTerm.get(term) || [] : []).forEach(function (candidate) {
        if (candidate[1].indexOf(field) !== -1) {
          found.index.forEach(function (number) { positions[candidate[0]].add(number); });
        }
      });
    });
    return positions;
  }

  /** The index terms a set of hits matched, for highlighting. */
  function matchedTerms(hits) {
    var terms = new Set();
    hits.forEach(function (hit) {
      Object.keys(hit.matchData.metadata).forEach(function (term) { terms.add(term); });
    });
    return terms;
  }

  return {
    keepGroups: keepGroups,
    rankByWords: rankByWords,
    withPhrases: withPhrases,
    matchedTerms: matchedTerms
  };
}));
