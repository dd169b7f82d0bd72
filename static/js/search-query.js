/*
 * A search query read and turned into lunr clauses (search-core.js runs them): the words in quotes
 * required (search-phrases.js), the last word being typed also as a prefix, its American spellings
 * and shorter stems, lunr's own edit distances bounded, a typo's similar words in its place.
 */
(function (root, factory) {
  'use strict';
  if (typeof module === 'object' && module.exports) {
    module.exports = factory(require('./search-phrases.js'), require('./search-folding.js'));
  } else {
    root.SearchQuery = factory(root.SearchPhrases, root.SearchFolding);
  }
}(typeof self !== 'undefined' ? self : this, function (Phrases, Folding) {
  'use strict';

  var MAX_WORD_LENGTH = Folding.MAX_WORD_LENGTH;
  var TOO_SHORT_FOR_PREFIX = Folding.TOO_SHORT_FOR_PREFIX;
  var SYNTAX = Folding.SYNTAX;
  var splitUnspaced = Folding.splitUnspaced;
  var foldQuery = Folding.foldQuery;
  var americanCompletions = Folding.americanCompletions;

  // A word matched as the start of a longer one counts for less than the word itself: "care" must
  // rank entries about care above one that only mentions a "career" (a rare word, so a heavy one).
  var PREFIX_BOOST_DIVISOR = 3;
  // The longest word lunr's own "word~1", "word~2" may match at each edit distance: its
  // automaton grows with both (at distance 2, 20 letters take 2 ms, 30 letters 0.2 s).
  var EDIT_DISTANCE_WORD_LENGTH = [Infinity, MAX_WORD_LENGTH, 20];
  var WORD_CHARACTER = /[\p{L}\p{N}_]/u;
  // A + or - with a space after it is a plus sign or a dash, not lunr's + or -, which lunr gave to the
  // next word: "Global Surgery - Kenya", pasted from a title, left out every entry in Kenya.
  var DETACHED_SIGN = /(^|\s)[+-]+(?=\s|$)/g;
  // A country's code that is one of lunr's stop words, where a visitor means the country: "US" and "U.S." (folded
  // "us") are searched as "usa", the name site_gen/countries.py's SEARCH_ALIASES indexes for the United States. As
  // "us" they said "too common" or, with no space after them, matched "use" (the index's "us" is its stem). The
  // other such codes (IN, NO, IT, AT, BE, IS, MY, TO) are meant as words far more often, and stay stop words.
  var COUNTRY_WORDS = new Map([['us', 'usa']]);
  // Words that say a visitor is asking, not what about ("i want to do research in kenya", "looking for a surgery
  // elective"): searched as a stop word, in their place (ASKING_STAND_IN), beside other words; alone, as words. As words,
  // "want" counted as much as "kenya" (an entry in China that "wants" research came second) and was named missing where
  // no entry says it. Only words that a catalog's texts hardly mean otherwise: not "need" (needs assessment), "find"
  // (case-finding), "information" (health information systems) or "options".
  var ASKING_WORDS = new Set(['want', 'looking', 'interested', 'please', 'hello', 'hi', 'thanks']);
  var ASKING_STAND_IN = 'the';
  // A year of study ("4th year", "final year", "fourth-year") beside other words says who the visitor is, not what
  // they look for: "i am a 4th year medical student looking for a surgery elective in africa" listed a surgery elective in
  // China first, which says "year" (in "one year"), before the elective in South Africa for medical students, and said
  // "No entry has “4th”". Searched as stop words (ASKING_STAND_IN) when other words remain; alone, as words ("first year").
  var STUDY_YEAR = /(^|\s)(?:[1-9](?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|final|last|penultimate)[\s-]+years?(?=\s|$)/g;
  // Equivalent names (site_gen/equivalents.py; the manifest's "equivalents": [term, [name, ...], and the number of the
  // first name whose words are meant as the term (MEANT_WORD_SHARE), when there is one]): a query that names
  // one ("ICU", "intensive care unit", "OB/GYN") also looks for its term ("icu_"), which the index adds to each field
  // that names it, at this share of the words' boost: an entry with the words typed matches both and ranks above one
  // with only another name. A name's word of up to SHORT_NAME_WORD letters is compared as written ("=gp"), a longer
  // one as singular ("units": "unit"; not by its stem, which made "international medicine" internal medicine).
  var EQUIVALENT_BOOST = 0.5;
  // A name whose words a query means as the term alone (the table's third item, site_gen/equivalents.py): a name only
  // typed ("free", "paid", "IM": in texts the word is mostly something else, "smoke-free", "paid by the student", "IM
  // ceftriaxone"), or one whose words apart mean something else ("no fee" is no "fee"): the term weighs what the words
  // would, and the words MEANT_WORD_SHARE of that, so the entries with the term come first ("free" listed an entry whose
  // campus is "smoke-free", "no fee" one with a fee, above those that cost nothing).
  var MEANT_WORD_SHARE = 0.1;
  var SHORT_NAME_WORD = 3;
  var PLURAL_KEPT = /(?:ss|us|is)$/;  // "-s" endings that are no plural: "access", "pocus", "tuberculosis"
  var compiledNames = new WeakMap();
  // Two words of one stem are one word when, after the start they share, neither has more than LONGEST_ENDING letters
  // left ("nurs": "e", "es", "ing"; "residen": "t", "ts", "cy"; "matern": "al", "ity"), or when they are inflections of
  // one base (INFLECTIONS: "study" and "studying", "plan" and "planning"); not "interna": "l", "tional", "communi": "ty",
  // "cation", "medica": "l", "tion", which the stemmer gives one stem. Measured on the bundled catalog's words: 3 keeps
  // every inflection but those and leaves out each of those pairs (4 would make "medication" "medical").
  // site_gen/search_forms.py has the same rule.
  var LONGEST_ENDING = 3;
  var INFLECTIONS = [['ings', ''], ['ing', ''], ['ied', 'y'], ['ies', 'y'], ['ed', ''], ['s', '']];
  var MIN_BASE = 3;
  var NOT_DOUBLED = /[aeiouslz]/;  // a doubled letter kept before -ing and -ed: "falling", "missing"
  // A stem whose words in the catalog are more than one family of one word ("internal", "international") has an index
  // term for each family, its form term ("~intern~internal", site_gen/search_forms.py): a word looks for those of its
  // families beside its stem, at this share of its boost, and counts only where one matched. The stem's weight counts
  // every word of the stem ("International" in a title); the form term's adds where the word itself stands, so among
  // entries with the word, one with it in its title comes first. Measured on 73 queries of the bundled catalog: at 0
  // (form terms only counted, every score lunr's), "internal" listed the observership for International Physicians
  // above the Internal Medicine Clerkship; 0.5 and 1 differed in 4 queries' third results; 1 weighs the word as its stem.
  var FORM_MARK = '~';
  var FORM_BOOST = 1;
  // Words of one family of medicine that lunr's stemmer keeps apart ("surgery", "surgical", "surgeon"; "cardiac",
  // "cardiology": site_gen/word_families.py, whose stems the index holds are the manifest's "families"): a word whose stem
  // is in one also looks for the family's other stems, at this share of its boost, as related words that do not count as
  // the word (``uncounted``, ``related``: search-ranking.js): the entries with the word itself come first, those with
  // only a related word after them ("surgical" missed the entries that only say "surgery").
  var RELATED_BOOST = 0.1;
  var compiledFamilies = new WeakMap();

  /**
   * Text without a field's name that ends it with no word after it ("title:", "surgery title: "), on the way to
   * "title:surgery": parseQuery's fallback searched the word "title". "foo:" stays a word, "title: kenya" lunr's.
   */
  function withoutDanglingField(text, fields) {
    var names = fields.map(function (field) { return field.replace(/[^\p{L}\p{N}_]/gu, '\\$&'); }).join('|');
    return text.replace(new RegExp('(^|\\s)[+-]*(?:' + names + '):+\\s*$'), '$1');
  }

  /**
   * Replace each clause whose word holds a run of letters written without spaces by one clause per
   * part as the index holds them ("协和医院": 协和, 和医, 医院), each with the clause's presence, fields
   * and boost; a leading or trailing "*" stays on the first or last part.
   */
  function splitUnspacedClauses(query) {
    var clauses = [];
    query.clauses.forEach(function (clause) {
      var term = clause.term;
      var leading = term.charAt(0) === '*' ? '*' : '';
      var trailing = term.length > 1 && term.charAt(term.length - 1) === '*' ? '*' : '';
      var inner = term.slice(leading.length, term.length - trailing.length);
      var parts = inner.indexOf('*') === -1 ? splitUnspaced(inner).split(' ').filter(Boolean) : [];
      if (parts.length < 2) {
        clauses.push(clause);
        return;
      }
      parts.forEach(function (part, index) {
        clauses.push(Object.assign({}, clause, {
          term: (index === 0 ? leading : '') + part + (index === parts.length - 1 ? trailing : ''),
        }));
      });
    });
    query.clauses = clauses;
  }

  /**
   * A query as it is searched: {parts, phrases, quoted, typing}, from its first MAX_QUERY_LENGTH
   * characters as folded, without a word cut there (cutAtWord). ``parts`` make the text lunr parses
   * (parseQuery): the words outside quotes as typed ({text, typed: true}; a + or - with a space after it
   * left out, and a field's name with no word after it at the end: withoutDanglingField), and the words
   * in quotes as required words ("+word", "+title:word"), but stop words, which the index does not hold, as they are.
   * A phrase after "-" is not in that text (its words may well be there apart): rankByPhrases leaves out
   * the hits with its words together;
   * "-" before one word in quotes is "-word". ``phrases``: the phrases with two or more words the
   * index holds, {words (folded, stop words in their places), fields (null for every field), negated,
   * typing}. ``quoted``: the words in quotes, which the typo retry leaves as they are. ``typing``: the
   * last word is being typed (neither a space nor a closing quote follows it): in a phrase left open,
   * the phrase's last word (not after "-", whose words are matched whole).
   */
  function readQuery(lunr, fields, queryText) {
    var folded = Folding.cutAtWord(Phrases.foldBetweenQuotes(queryText, foldQuery));
    var query = { parts: [], phrases: [], quoted: new Set(), typing: !/[\s"]$/.test(folded) };
    var parts = Phrases.split(folded, fields);  /* (foo:"…": "foo" a word, as in foo:health) */
    var asking = hasOtherWords(lunr, folded) ? ASKING_WORDS : null;
    parts.forEach(function (part, number) {
      if (!part.quoted) {
        var text = number === parts.length - 1 ? withoutDanglingField(part.text, fields) : part.text;
        text = asking ? withoutAskingWords(text, query.typing && number === parts.length - 1) : text;
        text = withoutStudyYear(lunr, text, query.typing && number === parts.length - 1);
        text = number === 0 ? withoutImAsI(text) : text;
        query.parts.push({ text: text.replace(DETACHED_SIGN, '$1'), typed: true });
        return;
      }
      var words = splitUnspaced(part.text.replace(SYNTAX, ' ')).split(' ').filter(Boolean);
      var field = part.field;
      var indexed = words.filter(function (word) { return !isStopWord(lunr, word); });
      var typing = query.typing && number === parts.length - 1;
      words.forEach(function (word) { query.quoted.add(word); });
      if (part.presence === '-') {
        query.typing = query.typing && !typing;
        if (indexed.length === 1) {
          query.parts.push({ text: ' -' + (field ? field + ':' : '') + indexed[0] + ' ' });
        }
      } else {
        query.parts.push({ text: ' ' + words.map(function (word) {
          return isStopWord(lunr, word) ? word : '+' + (field ? field + ':' : '') + word;
        }).join(' ') + ' ' });
      }
      if (indexed.length > 1) {
        query.phrases.push({ words: words, fields: field ? [field] : null, negated: part.presence === '-', typing: typing && part.presence !== '-' });
      }
    });
    return query;
  }

  /** Whether folded query text has a word that is neither a stop word nor one of ASKING_WORDS. */
  function hasOtherWords(lunr, folded) {
    return folded.split(/[^\p{L}\p{N}_]+/u).some(function (word) {
      return word && !ASKING_WORDS.has(word) && !isStopWord(lunr, word);
    });
  }

  /** Unquoted query text with each of ASKING_WORDS as a stop word, in its place; not the last word while it is typed. */
  function withoutAskingWords(text, typing) {
    return text.replace(/(^|\s)([\p{L}]+)(?=\s|$)/gu, function (whole, before, word, at) {
      var last = at + whole.length === text.length;
      return ASKING_WORDS.has(word) && !(typing && last) ? before + ASKING_STAND_IN : whole;
    });
  }

  /**
   * Unquoted query text with "im" that starts a sentence ("im a final year student", "im looking for") as a stop word:
   * "I'm" typed without its apostrophe, not internal medicine (the "im" of "im elective"), which listed a partner hospital
   * in Bogotá first.
   */
  function withoutImAsI(text) {
    return text.replace(/^(\s*)im(?=\s+(?:a|an|the|looking|interested|from|currently|planning|trying|going|hoping)\s+\S)/, '$1' + ASKING_STAND_IN);
  }

  /** Unquoted query text with each year of study (STUDY_YEAR) as stop words, when other words remain; not while typed. */
  function withoutStudyYear(lunr, text, typing) {
    var replaced = text.replace(STUDY_YEAR, function (whole, before, at) {
      return typing && at + whole.length === text.length ? whole : before + ASKING_STAND_IN + ' ' + ASKING_STAND_IN;
    });
    return replaced !== text && hasOtherWords(lunr, replaced) ? replaced : text;
  }

  function isPlain(lunr, clause) {
    return clause.usePipeline && clause.wildcard === lunr.Query.wildcard.NONE && !clause.editDistance &&
      clause.presence !== lunr.Query.presence.PROHIBITED;
  }

  /**
   * Let the word being typed match as a prefix, and match a stem shorter than what was typed. A
   * required word ("+electiv") needs one of these forms, not each: its clauses become optional and
   * are added to ``groups`` as one group, of which keepGroups keeps the hits that match one. (Kept
   * required, "+electiv" and even "+elective" while typing found nothing and went to the typo retry:
   * the index holds "elect", neither "electiv" nor a word starting with "elective".)
   */
  function expandLastWord(lunr, query, groups) {
    var index = query.clauses.length - 1;
    var clause = query.clauses[index];
    if (!clause || !isPlain(lunr, clause) || clause.country || TOO_SHORT_FOR_PREFIX.test(clause.term) || clause.term.length > MAX_WORD_LENGTH) {
      return;
    }
    var required = clause.presence === lunr.Query.presence.REQUIRED;
    if (required) {
      clause.presence = lunr.Query.presence.OPTIONAL;
    }
    expandWord(lunr, query, clause);
    if (required) {
      groups.push(query.clauses.slice(index));
    }
  }

  /** Add a word's other forms while it is being typed: its prefix, American spellings, shorter stems. */
  function expandWord(lunr, query, clause) {
    // The prefix is what was typed, not its stem: "elective" (stem "elect") must not match
    // "electrocardiogram" and "clinical" (stem "clinic") "Clínica"; the clause itself finds the
    // stem. A stem that is not the start of the word ("surgery": "surgeri") is found by the clause
    // too: as the prefix, it made "phys" (stem "phi") match "Philippines" instead of "physician",
    // and "psy" and "keny" nothing.
    var prefix = { term: clause.term, fields: clause.fields, boost: clause.boost / PREFIX_BOOST_DIVISOR, usePipeline: false,
      wildcard: lunr.Query.wildcard.TRAILING, presence: clause.presence };
    query.clause(prefix);
    // The index holds American spellings: "centr", on the way to "centre", also matches "center".
    var american = americanCompletions(clause.term);
    american.prefixes.forEach(function (start) {
      query.clause({ term: start, fields: clause.fields, boost: prefix.boost, usePipeline: false,
        wildcard: lunr.Query.wildcard.TRAILING, presence: clause.presence });
    });
    american.words.forEach(function (word) {
      query.clause({ term: word, fields: clause.fields, boost: prefix.boost, usePipeline: true, presence: clause.presence });
    });
    // A word typed past its stem ("pediatri" of "pediatrics", stem "pediatr") matches
    // that stem. Stemmers cut suffixes that start with a vowel (-ic, -al, -ence), so
    // only such tails are dropped: "maternl" stays a typo for the similar-words retry.
    for (var length = clause.term.length - 1; length >= Math.max(3, clause.term.length - 3); length--) {
      if (!/^[aeiou]/.test(clause.term.slice(length))) {
        continue;
      }
      query.clause({ term: clause.term.slice(0, length), fields: clause.fields, boost: clause.boost / 2,
        usePipeline: false, presence: lunr.Query.presence.OPTIONAL, typedAs: clause.term });
    }
  }

  /**
   * Whether a clause is a pattern with a "*" before its end ("*gery", "su*ry", "*urg*"), matched against the
   * catalog's words (usePatterns): lunr matches it against stems, and "*gery" found nothing ("surgeri").
   */
  function isWordPattern(clause) {
    var star = clause.term.indexOf('*');
    return star !== -1 && star < clause.term.length - 1 && !clause.editDistance;
  }

  /** The patterns (isWordPattern) of folded query text that parses, each once. */
  function wordPatterns(lunr, fields, text) {
    var query = parseInto(lunr, text, new lunr.Query(fields));
    splitUnspacedClauses(query);
    var patterns = query.clauses.filter(isWordPattern).map(function (clause) { return clause.term; });
    return patterns.filter(function (pattern, index) { return patterns.indexOf(pattern) === index; });
  }

  /**
   * Replace each pattern (isWordPattern) by one clause per stem of the catalog's words it matches (``patterns``:
   * Map pattern -> terms), as lunr expands a pattern into terms; a required one needs one of them (a group for
   * keepGroups). One that matches no word is lunr's ("*geri"). A "*" at the end only ("nurse*") is lunr's prefix,
   * and also the word's stem when that is not its start: "nurse*" and "surgery*" found nothing ("nurs", "surgeri").
   */
  function usePatterns(lunr, query, patterns, groups) {
    var clauses = query.clauses;
    query.clauses = [];
    clauses.forEach(function (clause) {
      var terms = patterns && isWordPattern(clause) ? patterns.get(clause.term) : undefined;
      var required = clause.presence === lunr.Query.presence.REQUIRED;
      var presence = required ? lunr.Query.presence.OPTIONAL : clause.presence;
      var start = query.clauses.length;
      if (terms && terms.length) {
        terms.forEach(function (term) {
          query.clause({ term: term, fields: clause.fields, boost: clause.boost, usePipeline: false, presence: presence });
        });
      } else if (isPrefixPattern(clause) && !stemOf(lunr, clause.term.slice(0, -1)).startsWith(clause.term.slice(0, -1))) {
        // The stem before the pattern, which expandLastWord looks at; stemmed here, as lunr stems a clause in place.
        query.clause({ term: stemOf(lunr, clause.term.slice(0, -1)), fields: clause.fields, boost: clause.boost,
          usePipeline: false, presence: presence });
        query.clause(Object.assign({}, clause, { presence: presence }));
      } else {
        query.clauses.push(clause);
        return;
      }
      if (required) {
        groups.push(query.clauses.slice(start));
      }
    });
  }

  /** Whether a clause is a word with one "*", at its end ("nurse*"), as lunr parses it. */
  function isPrefixPattern(clause) {
    return clause.term.indexOf('*') === clause.term.length - 1 && clause.term.length > 1 && !clause.editDistance;
  }

  /** A word's stem (the index's search pipeline is lunr's stemmer). */
  function stemOf(lunr, word) {
    return lunr.stemmer(new lunr.Token(word)).toString();
  }

  /**
   * Replace each word that has similar words (a Map: word -> index terms) by one optional clause per term, and, where a
   * term's similar words (``words``: term -> words) are not all of its stem's words (``stemWords``), their form terms,
   * as a word typed looks for its own (useForms): "commnity" is "community", not "communication"; and the other stems of
   * a term's family (``families``: the manifest's), as useFamilies adds a word's, related and uncounted: a typo is the
   * word it is one letter from, and "surgrey guatemala" missed the entries in Guatemala that "surgery guatemala" lists
   * for their "surgical" or "surgeon", after those with "surgery".
   */
  function useSimilarTerms(lunr, query, similar, words, stemWords, families) {
    var clauses = query.clauses;
    query.clauses = [];
    clauses.forEach(function (clause) {
      var terms = isPlain(lunr, clause) ? similar.get(clause.term) : undefined;
      if (!terms || !terms.length) {
        query.clauses.push(clause);
        return;
      }
      terms.forEach(function (term) {
        var stem = { term: term, fields: clause.fields, boost: clause.boost, usePipeline: false, presence: lunr.Query.presence.OPTIONAL };
        var forms = words ? similarForms(stemWords, term, words.get(term) || []) : null;
        query.clause(stem);
        (forms || []).forEach(function (form) {
          query.clause({ term: form, fields: clause.fields, boost: clause.boost * FORM_BOOST, usePipeline: false,
            presence: lunr.Query.presence.OPTIONAL });
        });
        stem.uncounted = stem.formed = Boolean(forms);
        var family = families && families.length ? familiesByStem(families).get(term) : undefined;
        (family || []).forEach(function (other) {
          if (other !== term && !terms.includes(other)) {
            query.clause({ term: other, fields: clause.fields, boost: clause.boost * RELATED_BOOST, usePipeline: false,
              wildcard: lunr.Query.wildcard.NONE, presence: lunr.Query.presence.OPTIONAL, uncounted: true, related: true });
          }
        });
      });
    });
  }

  /** The form terms of some words of one stem (formTerms of each, together), or null when the stem alone is right for one. */
  function similarForms(stemWords, stem, words) {
    var all = [];
    for (var i = 0; stemWords && i < words.length; i++) {
      var terms = formTerms(stemWords(stem), stem, words[i]);
      if (!terms) {
        return null;
      }
      terms.forEach(function (term) {
        if (all.indexOf(term) === -1) {
          all.push(term);
        }
      });
    }
    return stemWords && words.length ? all : null;
  }

  /** Lower lunr's own edit distances ("word~3") to the largest that EDIT_DISTANCE_WORD_LENGTH allows for the word. */
  function limitEditDistances(query) {
    query.clauses.forEach(function (clause) {
      if (!clause.editDistance) {
        return;
      }
      var distance = Math.min(clause.editDistance, EDIT_DISTANCE_WORD_LENGTH.length - 1);
      while (clause.term.length > EDIT_DISTANCE_WORD_LENGTH[distance]) {
        distance--;
      }
      if (distance) {
        clause.editDistance = distance;
      } else {
        delete clause.editDistance;
      }
    });
  }

  /**
   * Whether a clause matches every term of the index, or nearly: a "*" standing alone, as in "surgery *",
   * "kenya -*" or the "*" lunr reads after "surg~2", or one letter or digit between two, "*e*". Such a
   * clause listed every entry (or, after "-", none) and took up to a second at 1,000 entries.
   */
  function isEveryTerm(clause) {
    var letters = clause.term.replace(/\*/g, '');
    return !WORD_CHARACTER.test(letters) || (letters.length < 2 && /^\*.*\*$/.test(clause.term));
  }

  /**
   * Parse folded query text into ``query`` (a lunr.Query), without the clauses that match every term (isEveryTerm),
   * a country's code that is a stop word as the country's name (COUNTRY_WORDS).
   */
  function parseInto(lunr, text, query) {
    new lunr.QueryParser(text, query).parse();
    query.clauses = query.clauses.filter(function (clause) { return !isEveryTerm(clause); });
    query.clauses.forEach(function (clause) { useCountryWord(lunr, clause); });
    return query;
  }

  /**
   * A word of COUNTRY_WORDS ("us", not "us*" or "us~1") as its country's name, marked ``country``: matched whole (not
   * as the start of "usage" while it is typed) and not replaced by similar words ("use") when the catalog lacks it.
   */
  function useCountryWord(lunr, clause) {
    var name = COUNTRY_WORDS.get(clause.term);
    if (name && clause.usePipeline && !clause.editDistance && clause.wildcard === lunr.Query.wildcard.NONE) {
      clause.term = name;
      clause.country = true;
    }
  }

  /** Fill a lunr.Query from folded query text that parses; ``groups`` receives expandLastWord's. */
  function buildQuery(lunr, query, text, options, groups) {
    parseInto(lunr, text, query);
    splitUnspacedClauses(query);
    limitEditDistances(query);
    var named = equivalentClauses(lunr, query.clauses, options.equivalents, options.quoted);
    useMeantNames(query.clauses, named);
    var words = query.clauses.slice();
    usePatterns(lunr, query, options.patterns, groups);
    var typing = options.typing ? query.clauses[query.clauses.length - 1] : null;
    if (options.typing) {
      expandLastWord(lunr, query, groups);
    }
    if (options.similar) {
      useSimilarTerms(lunr, query, options.similar, options.similarWords, options.stemWords, options.families);
    }
    useForms(lunr, query, words, options.stemWords, groups, typing);
    useFamilies(lunr, query, words, options.families, options.quoted);
    named.forEach(function (clause) {
      query.clause(clause);
      requireEither(lunr, clause, groups);
    });
    dropStopWords(lunr, query);
  }

  /** Lower the words of a name meant as its term (``named``: equivalentClauses' spans) to MEANT_WORD_SHARE of their boost. */
  function useMeantNames(clauses, named) {
    var lowered = new Set();
    named.forEach(function (clause) {
      for (var position = clause.span.start; clause.span.meant && position <= clause.span.end; position++) {
        if (!lowered.has(position)) {
          lowered.add(position);
          clauses[position].boost *= MEANT_WORD_SHARE;
        }
      }
    });
  }

  /**
   * A required word that names an equivalent ("+pocus", "+ICU") is met by the equivalent's term too: each required
   * word of the name becomes optional, in a group (keepGroups keeps the hits that match one of a group) with the term,
   * or the group expandLastWord made of its forms. Kept required, "+pocus elective" found no entry saying
   * "point-of-care ultrasound" only, and none at all where no text says "POCUS": it went to the similar words ("focus").
   */
  function requireEither(lunr, named, groups) {
    (named.required || []).forEach(function (clause) {
      var group = clause.forms || groups.filter(function (clauses) { return clauses.indexOf(clause) !== -1; })[0];
      if (clause.forms) {
        clause.presence = lunr.Query.presence.OPTIONAL;  // (the group of its forms is what it requires: useForms)
      }
      if (group) {
        group.push(named);
      } else if (clause.presence === lunr.Query.presence.REQUIRED) {
        clause.presence = lunr.Query.presence.OPTIONAL;
        groups.push([clause, named]);
      }
    });
  }

  /** A folded word without one inflectional ending ("planning", "planned": "plan"; "studies": "study"): word_base in site_gen/search_forms.py. */
  function wordBase(word) {
    for (var i = 0; i < INFLECTIONS.length; i++) {
      var ending = INFLECTIONS[i][0];
      var replacement = INFLECTIONS[i][1];
      if (word.slice(-ending.length) !== ending) {
        continue;
      }
      var base = word.slice(0, -ending.length) + replacement;
      if (base.length < MIN_BASE || (ending === 's' && PLURAL_KEPT.test(word))) {
        return word;
      }
      if (!replacement && ending !== 's' && base.length > MIN_BASE && base.charAt(base.length - 1) === base.charAt(base.length - 2) &&
          !NOT_DOUBLED.test(base.charAt(base.length - 1))) {
        base = base.slice(0, -1);
      }
      return base;
    }
    return word;
  }

  /**
   * Whether two folded words of one stem are one word (LONGEST_ENDING): their endings after their common start are
   * short, or they have one base (wordBase). same_word in site_gen/search_forms.py.
   */
  function sameWord(a, b) {
    var common = 0;
    while (common < a.length && a[common] === b[common]) {
      common++;
    }
    return Math.max(a.length, b.length) - common <= LONGEST_ENDING || wordBase(a) === wordBase(b);
  }

  /** A word of a stem's shard row without the FORM_MARK that starts a family (formTerms's ``words``). */
  function plainWord(word) {
    return word.charAt(0) === FORM_MARK ? word.slice(1) : word;
  }

  /**
   * The form terms a word looks for, from its stem's words in the catalog (``words``, the stem's shard row's: in families,
   * each after the word it is named by, written with FORM_MARK before it, when the stem has form terms): those of the
   * families with a word it is (sameWord); none when no word of the stem is the word ("internal" where the catalog only
   * says "international"); null when the stem alone is right: every word of the stem is the word, the stem is unknown,
   * or it has no form terms and only some of its words are the word.
   */
  function formTerms(words, stem, term) {
    if (!words) {
      return null;
    }
    var families = [];
    words.forEach(function (word) {
      if (word.charAt(0) === FORM_MARK || !families.length) {
        families.push({ name: word.charAt(0) === FORM_MARK ? word.slice(1) : null, words: [] });
      }
      families[families.length - 1].words.push(plainWord(word));
    });
    var picked = families.filter(function (family) {
      return family.words.some(function (word) { return sameWord(term, word); });
    });
    if (!picked.length) {
      return [];
    }
    if (picked.length < families.length && families[0].name !== null) {
      return picked.map(function (family) { return FORM_MARK + stem + FORM_MARK + family.name; });
    }
    return null;  // (a stem without form terms some of whose words are the word: it stays as it was)
  }

  /**
   * Whether one of a stem's words in the catalog (formTerms's ``words``) starts with a folded word: typing "intern" may
   * be on the way to "international"; "internal" is not, so it is no word of a catalog that only says "international".
   */
  function startsWordOf(words, term) {
    return words.some(function (word) { return plainWord(word).indexOf(term) === 0; });
  }

  /**
   * Leave out the shorter stems of a word being typed (expandWord: ``typedAs``) none of whose words in the catalog is
   * the word (sameWord: "midwife" is "midwifery", "português" "portuguese") or starts with it: "internal", typed past
   * the stem "intern", listed the entries that only say "International".
   */
  function dropStemsNotTyped(query, stemWords) {
    for (var i = query.clauses.length - 1; i >= 0; i--) {
      var clause = query.clauses[i];
      var known = clause.typedAs !== undefined && stemWords(clause.term);
      if (known && !startsWordOf(known, clause.typedAs) && !isSameAsWordOf(known, clause.typedAs)) {
        query.clauses.splice(i, 1);
      }
    }
  }

  /** Whether one of a stem's words in the catalog (formTerms's ``words``) is a folded word (sameWord). */
  function isSameAsWordOf(words, term) {
    return words.some(function (word) { return sameWord(plainWord(word), term); });
  }

  var MOST_RELATED_WORDS = 3;

  /**
   * The catalog's words of a folded word's stem that are not the word (sameWord), then those of the other stems of its
   * family (``families``: relatedStems), at most MOST_RELATED_WORDS, as a status names them when no result has the word
   * itself ("vaccine": "vaccinations"; "surgical": "surgery"); none when the index does not name its stems' words
   * (``stemWords`` null: a whole index).
   */
  function relatedWords(lunr, stemWords, term, families) {
    var known = stemWords ? stemWords(stemOf(lunr, term)) || [] : [];
    var words = known.map(plainWord).filter(function (word) { return !sameWord(word, term); });
    relatedStems(lunr, families, term).forEach(function (stem) {
      // (a family's: site_gen/word_families.py; "surgical": "surgery", "surgeon")
      words = words.concat((stemWords && stemWords(stem) || []).map(plainWord));
    });
    return words.slice(0, MOST_RELATED_WORDS);
  }

  /** Whether a folded word is one of a stem's words in the catalog (formTerms's ``words``). */
  function isWordOf(words, term) {
    return words.indexOf(term) !== -1 || words.indexOf(FORM_MARK + term) !== -1;
  }

  /**
   * Make each of a query's words (``words``: its clauses as typed) whose stem the catalog also has as other words
   * (``stemWords``: stem -> its words, formTerms) look for its form terms too, optional, at FORM_BOOST of its boost, and
   * count only where one matched: its stem's clause is marked ``uncounted`` (search-ranking.js), and ``formed``. A
   * required word requires one of them (a group for keepGroups, also ``forms`` on its clause: requireEither); an excluded
   * word leaves out the entries with one of them, not those with another word of its stem. The word being typed
   * (``typing``) is also a prefix: once it is a word of the catalog ("internal", not "observ" on the way to
   * "observership"), its stem's clause is marked ``partial`` instead, as its prefix is, so it counts only where whole
   * when some hit has it whole; before, it matches and counts as it did.
   */
  function useForms(lunr, query, words, stemWords, groups, typing) {
    if (!stemWords) {
      return;
    }
    dropStemsNotTyped(query, stemWords);
    words.forEach(function (clause) {
      var excluded = clause.presence === lunr.Query.presence.PROHIBITED;
      if ((!isPlain(lunr, clause) && !(excluded && clause.usePipeline && !clause.editDistance && clause.wildcard === lunr.Query.wildcard.NONE)) ||
          clause.country || isStopWord(lunr, clause.term) || query.clauses.indexOf(clause) === -1) {
        return;
      }
      var stem = stemOf(lunr, clause.term);
      var known = stemWords(stem);
      var terms = formTerms(known, stem, clause.term);
      var unfinished = Boolean(terms) && clause === typing && !isWordOf(known, clause.term);
      if (!terms || (unfinished && (terms.length || startsWordOf(known, clause.term)))) {
        return;  // (a word being typed that is no word of the catalog yet, "observ", is a prefix as before)
      }
      var forms = terms.map(function (term) {
        return { term: term, fields: clause.fields, boost: clause.boost * FORM_BOOST, usePipeline: false,
          wildcard: lunr.Query.wildcard.NONE, presence: excluded ? clause.presence : lunr.Query.presence.OPTIONAL };
      });
      if (excluded) {
        query.clauses.splice.apply(query.clauses, [query.clauses.indexOf(clause), 1].concat(forms));
        return;
      }
      forms.forEach(function (form) { query.clause(form); });
      clause.formed = true;
      if (clause === typing && !unfinished) {
        clause.partial = true;
        return;
      }
      clause.uncounted = true;  // (also a word being typed that no word of its stem is or starts with: "internal")
      if (clause.presence === lunr.Query.presence.REQUIRED) {
        clause.forms = forms;
        groups.push(forms);
      }
    });
  }

  /** A families table (the manifest's "families": [[stem, ...], ...]) as a Map: stem -> its family, made once per table. */
  function familiesByStem(table) {
    var byStem = compiledFamilies.get(table);
    if (!byStem) {
      byStem = new Map();
      table.forEach(function (stems) { stems.forEach(function (stem) { byStem.set(stem, stems); }); });
      compiledFamilies.set(table, byStem);
    }
    return byStem;
  }

  /** The other stems of the family of a folded word's stem (``families``: the manifest's), none for most words. */
  function relatedStems(lunr, families, term) {
    var stem = stemOf(lunr, term);
    var family = families && families.length ? familiesByStem(families).get(stem) : undefined;
    return family ? family.filter(function (other) { return other !== stem; }) : [];
  }

  /**
   * Make each of a query's words (``words``: its clauses as typed) whose stem is in a family (relatedStems) look for the
   * family's other stems too: optional, at RELATED_BOOST of its boost, ``uncounted`` (they are not the word) and
   * ``related``. Not a required or excluded word, nor one in quotes (``quoted``): those are searched as spelt.
   */
  function useFamilies(lunr, query, words, families, quoted) {
    if (!families || !families.length) {
      return;
    }
    words.forEach(function (clause) {
      if (!isPlain(lunr, clause) || clause.presence !== lunr.Query.presence.OPTIONAL || clause.country ||
          (quoted && quoted.has(clause.term)) || query.clauses.indexOf(clause) === -1) {
        return;
      }
      relatedStems(lunr, families, clause.term).forEach(function (term) {
        query.clause({ term: term, fields: clause.fields, boost: clause.boost * RELATED_BOOST, usePipeline: false,
          wildcard: lunr.Query.wildcard.NONE, presence: lunr.Query.presence.OPTIONAL, uncounted: true, related: true });
      });
    });
  }

  /**
   * A folded word as equivalent names compare it: "=" and the word, up to SHORT_NAME_WORD letters; a longer one as
   * singular ("countries": "country"): name_word in site_gen/equivalents.py.
   */
  function nameWord(word) {
    if (word.length <= SHORT_NAME_WORD) {
      return '=' + word;
    }
    if (/ies$/.test(word)) {
      return word.slice(0, -3) + 'y';
    }
    return /s$/.test(word) && !PLURAL_KEPT.test(word) ? word.slice(0, -1) : word;
  }

  /**
   * An equivalents table as a Map: a name's first word (nameWord) -> [[its words], term, whether a query means its words
   * as the term alone (entry[2] and the names after it)], made once per table.
   */
  function namesByFirstWord(table) {
    var byFirst = compiledNames.get(table);
    if (!byFirst) {
      byFirst = new Map();
      table.forEach(function (entry) {
        var meantFrom = entry.length > 2 ? entry[2] : entry[1].length;
        entry[1].forEach(function (name, number) {
          var parts = name.split(' ');
          byFirst.set(parts[0], (byFirst.get(parts[0]) || []).concat([[parts, entry[0], number >= meantFrom]]));
        });
      });
      compiledNames.set(table, byFirst);
    }
    return byFirst;
  }

  /**
   * Where folded words (null for a word that cannot be part of a name) name an equivalent: [{start, end (its last
   * word), term, meant (its words are meant as the term alone: namesByFirstWord)}], every name found, overlapping ones
   * too ("neonatal intensive care unit": NICU and ICU), as the index finds them (EquivalentFinder.spans in
   * site_gen/equivalents.py; one inside a longer name of its term is left out).
   */
  /**
   * Where ``words`` (null for one that cannot be part of a name) spell a name of ``byFirst`` (a name's first word ->
   * the names, each an array whose first item is the name's words): [{start, end (its last word), name}], every name
   * found, overlapping ones too. (Equivalents here; places the catalog lacks in search-typos.js.)
   */
  function nameSpans(words, byFirst) {
    var spans = [];
    words.forEach(function (first, start) {
      (first !== null && byFirst.get(first) || []).forEach(function (name) {
        var parts = name[0];
        for (var k = 1; k < parts.length; k++) {
          if (words[start + k] !== parts[k]) {
            return;
          }
        }
        spans.push({ start: start, end: start + parts.length - 1, name: name });
      });
    });
    return spans;
  }

  function equivalentSpans(lunr, words, table) {
    var spans = [];
    if (!table || !table.length) {
      return spans;
    }
    var compared = words.map(function (word) { return word === null ? null : nameWord(word); });
    nameSpans(compared, namesByFirstWord(table)).forEach(function (span) {
      spans.push({ start: span.start, end: span.end, term: span.name[1], meant: span.name[2] });
    });
    return spans.filter(function (span) {
      return !spans.some(function (other) {
        return other !== span && other.term === span.term && other.start <= span.start && span.end <= other.end &&
          (other.start !== span.start || other.end !== span.end);
      });
    });
  }

  /**
   * The clauses of the equivalents that a query's clauses name (equivalentSpans), each once per fields and presence:
   * optional, at EQUIVALENT_BOOST of the first word's boost (a name meant as the term, at the word's: useMeantNames), with
   * ``span`` (clause numbers) and, for a name of required
   * words ("+ICU"), ``required``: its clauses (requireEither). Words in quotes (``quoted``: a Set of folded words) are
   * searched as spelt, as are a pattern, a word~1 and an excluded word.
   */
  function equivalentClauses(lunr, clauses, table, quoted) {
    var words = clauses.map(function (clause) {
      return isPlain(lunr, clause) && !(quoted && quoted.has(clause.term)) ? clause.term : null;
    });
    var seen = new Set();
    var named = [];
    equivalentSpans(lunr, words, table).forEach(function (span) {
      var first = clauses[span.start];
      var fields = first.fields.join();
      var key = span.term + ' ' + fields + ' ' + first.presence;
      if (seen.has(key) || clauses.slice(span.start, span.end + 1).some(function (clause) {
        return clause.fields.join() !== fields || clause.presence !== first.presence;
      })) {
        return;
      }
      seen.add(key);
      if (span.meant && first.fields.length === 1) {
        span = Object.assign({}, span, { meant: false });  // (a word searched in one field, "title:elective", is that word there)
      }
      var clause = { term: span.term, fields: first.fields, boost: first.boost * (span.meant ? 1 : EQUIVALENT_BOOST), usePipeline: false,
        wildcard: lunr.Query.wildcard.NONE, presence: lunr.Query.presence.OPTIONAL, span: span };
      if (first.presence === lunr.Query.presence.REQUIRED) {
        clause.required = clauses.slice(span.start, span.end + 1);
      }
      named.push(clause);
    });
    return named;
  }

  /**
   * Leave out the stop words of a query, unless it has nothing else (lunr lists every entry for a query
   * without clauses; search-core.js says such a query is too common). The index leaves them out, but lunr
   * stems a query's words and no more, and a stop word's stem may be another word's: "and" is the stem of
   * "Andes", so "surgery and kenya" listed an entry in the Andes with neither word. The last word being
   * typed still matches as a prefix ("the": "theatre"): expandLastWord's clauses do not use the pipeline.
   */
  function dropStopWords(lunr, query) {
    var kept = query.clauses.filter(function (clause) {
      return !(clause.usePipeline && !clause.editDistance && isStopWord(lunr, clause.term));
    });
    if (kept.length) {
      query.clauses = kept;
    }
  }

  /**
   * The clauses of a query's folded text (readQuery's parts, joined), or, when lunr cannot parse the
   * syntax typed, of that text with the typed parts' syntax taken out: {text, clauses}.
   */
  function parseQuery(lunr, fields, parts) {
    var text = parts.map(function (part) { return part.text; }).join('');
    try {
      return { text: text, clauses: parseInto(lunr, text, new lunr.Query(fields)).clauses };
    } catch (error) {
      if (!(error instanceof lunr.QueryParseError)) {
        throw error;
      }
      var plain = parts.map(function (part) { return part.typed ? part.text.replace(SYNTAX, ' ') : part.text; }).join('');
      return { text: plain, clauses: parseInto(lunr, plain, new lunr.Query(fields)).clauses };
    }
  }

  /** Whether a word is one of lunr's stop words ("the", "for"), which the index leaves out. */
  function isStopWord(lunr, word) {
    return !lunr.stopWordFilter(new lunr.Token(word));
  }

  return {
    EDIT_DISTANCE_WORD_LENGTH: EDIT_DISTANCE_WORD_LENGTH,
    FORM_MARK: FORM_MARK,
    sameWord: sameWord,
    relatedWords: relatedWords,
    formTerms: formTerms,
    useForms: useForms,
    useFamilies: useFamilies,
    isStopWord: isStopWord,
    isPlain: isPlain,
    readQuery: readQuery,
    parseInto: parseInto,
    parseQuery: parseQuery,
    buildQuery: buildQuery,
    equivalentSpans: equivalentSpans,
    nameSpans: nameSpans,
    equivalentClauses: equivalentClauses,
    expandLastWord: expandLastWord,
    splitUnspacedClauses: splitUnspacedClauses,
    limitEditDistances: limitEditDistances,
    wordPatterns: wordPatterns,
    usePatterns: usePatterns,
    useSimilarTerms: useSimilarTerms,
    similarForms: similarForms
  };
}));
