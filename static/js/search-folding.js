/*
 * Query text folded as site_gen/search.py folds indexed text, without lunr or the DOM (search-core.js).
 *
 * Lower case, accents and possessive "'s" dropped, punctuation to spaces (a query keeps lunr's
 * syntax characters), letters written without spaces in overlapping pairs, British spellings as
 * American ones; and what the page asks of a query's text while it is typed: whether it has words,
 * and whether its last word is too short to search yet.
 */
(function (root, factory) {
  'use strict';
  if (typeof module === 'object' && module.exports) {
    module.exports = factory();
  } else {
    root.SearchFolding = factory();
  }
}(typeof self !== 'undefined' ? self : this, function () {
  'use strict';

  // Bounds that keep every query quick, whatever is pasted or put in the URL: every word of
  // a query is looked up, and matching a word as a prefix or to similar words costs more the
  // longer it is. No real word is longer than 30 letters: a longer one is matched exactly.
  var MAX_QUERY_LENGTH = 300;  // characters of the folded query (the search boxes' maxlength)
  var MAX_WORD_LENGTH = 30;

  // The word being typed matches as a prefix from its third letter: one or two Latin letters or
  // digits would expand to a large part of a big index.
  var TOO_SHORT_FOR_PREFIX = /^[\x00-\x7f]{0,2}$/;
  var MARKS = /\p{M}/gu;
  var NON_WORD = /[^\p{L}\p{N}_]+/gu;
  var WORD_CHARACTER = /[\p{L}\p{N}_]/u;
  // lunr's query syntax survives query folding: + - : * ~ ^
  var NON_QUERY = /[^\p{L}\p{N}_\s+\-:*~^]+/gu;
  var SYNTAX = /[+\-:*~^]+/g;
  // Initials written with dots ("U.K.", "U.S.A."), as their word: as letters, "U.K." found the entries with a "K".
  var INITIALS = /(?<![\p{L}\p{N}_.])\p{L}(?:\.\p{L})+(?![\p{L}\p{N}_])/gu;
  // A "+" inside a word joins words ("HIV+TB"), as punctuation does: lunr's "+" (required) starts a word.
  var INNER_PLUS = /(?<=[\p{L}\p{N}_])\++/gu;
  var WORD = /[\p{L}\p{N}_\p{M}]+/gu;
  // An English possessive's "s" after a letter or digit, with either apostrophe: _POSSESSIVE in site_gen/search.py.
  var POSSESSIVE = /(?<=[\p{L}\p{N}])['\u2019]s(?![\p{L}\p{N}_])/gu;
  // Letters of the scripts written without spaces between words (Thai, Lao, Myanmar, Khmer, Han, kana,
  // Hangul): the ranges of UNSPACED_LETTERS in site_gen/search.py.
  var UNSPACED_RUN = /[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u2e80-\u2fdf\u3005-\u3007\u3021-\u3029\u3038-\u303c\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\u{20000}-\u{3ffff}]+/gu;

  // British spellings are searched as American ones: SPELLING_STARTS, SPELLING_ENDS and
  // SPELLING_WORDS in site_gen/search.py (the start of a word, its end, a whole word).
  var SPELLING_STARTS = {
    anaesth: 'anesth', caesar: 'cesar', diarrhoe: 'diarrhe', foet: 'fet', gynaec: 'gynec',
    haem: 'hem', oedem: 'edem', oesoph: 'esoph', oestr: 'estr', orthopaed: 'orthoped', paed: 'ped'
  };
  var SPELLING_ENDS = { aemia: 'emia', aemias: 'emias', aemic: 'emic', isation: 'ization', isations: 'izations' };
  var SPELLING_WORDS = {
    ageing: 'aging', behaviour: 'behavior', centre: 'center', centres: 'centers', counselling: 'counseling',
    defence: 'defense', fibre: 'fiber', labour: 'labor', licence: 'license', litre: 'liter', litres: 'liters',
    practise: 'practice', practised: 'practiced', practising: 'practicing', programme: 'program',
    programmes: 'programs', theatre: 'theater', theatres: 'theaters', travelling: 'traveling',
    tumour: 'tumor', tumours: 'tumors'
  };
  var SPELLINGS = Object.assign({}, SPELLING_STARTS, SPELLING_ENDS, SPELLING_WORDS);
  // A word's edge: no letter, digit or "_" beside it, except a letter written without spaces, which the
  // index holds apart (a query's "centre中心" is searched as "centre" and "中心", as "centre 中心" is indexed).
  var SPACED_WORD_CHARACTER = '(?!' + UNSPACED_RUN.source.slice(0, -1) + ')[\\p{L}\\p{N}_]';
  var WORD_START = '(?<!' + SPACED_WORD_CHARACTER + ')';
  var WORD_END = '(?!' + SPACED_WORD_CHARACTER + ')';
  var BRITISH_SPELLING = new RegExp(
    WORD_START + '(?:' + Object.keys(SPELLING_STARTS).join('|') + ')' +
    '|(?:' + Object.keys(SPELLING_ENDS).join('|') + ')' + WORD_END +
    '|' + WORD_START + '(?:' + Object.keys(SPELLING_WORDS).join('|') + ')' + WORD_END, 'gu');

  function americanSpelling(text) {
    return text.replace(BRITISH_SPELLING, function (found) { return SPELLINGS[found]; });
  }

  /** [british, american] pairs of a SPELLING_* table. */
  function spellingPairs(table) {
    return Object.keys(table).map(function (british) { return [british, table[british]]; });
  }

  var START_PAIRS = spellingPairs(SPELLING_STARTS);
  var END_PAIRS = spellingPairs(SPELLING_ENDS);
  var WORD_PAIRS = spellingPairs(SPELLING_WORDS);
  var values = function (pairs) { return pairs.map(function (pair) { return pair[1]; }).join('|'); };
  // A word that may have a British spelling: a quick test before britishSpellings looks closer.
  var AMERICAN_SPELLING = new RegExp('^(?:' + values(START_PAIRS) + ')|(?:' + values(END_PAIRS) + ')$|^(?:' + values(WORD_PAIRS) + ')$');

  /**
   * The British spellings that americanSpelling turns into a word of the index ("center": "centre",
   * "organizations": "organisations"), none for most words. The index holds only American spellings,
   * so a British word typed with a typo ("cnetre", "organisaton") is one edit from one of these.
   */
  function britishSpellings(word) {
    if (!AMERICAN_SPELLING.test(word)) {
      return [];
    }
    var starts = [''].concat(START_PAIRS.filter(function (pair) { return word.indexOf(pair[1]) === 0; }));
    var ends = [''].concat(END_PAIRS.filter(function (pair) { return word.slice(-pair[1].length) === pair[1]; }));
    var forms = WORD_PAIRS.filter(function (pair) { return pair[1] === word; }).map(function (pair) { return pair[0]; });
    starts.forEach(function (start) {
      ends.forEach(function (end) {
        var form = start ? start[0] + word.slice(start[1].length) : word;
        form = end ? form.slice(0, form.length - end[1].length) + end[0] : form;
        forms.push(form);
      });
    });
    return forms.filter(function (form, index) {
      return form !== word && forms.indexOf(form) === index && americanSpelling(form) === word;
    });
  }

  /** A run of letters written without spaces, as the index holds it: its overlapping pairs of letters (or its one letter). */
  function letterPairs(run) {
    var letters = Array.from(run);
    var pairs = [];
    for (var start = 0; start < letters.length - 1; start++) {
      pairs.push(letters[start] + letters[start + 1]);
    }
    return pairs.length ? pairs : letters;
  }

  function splitUnspaced(text) {
    return text.replace(UNSPACED_RUN, function (run) { return ' ' + letterPairs(run).join(' ') + ' '; });
  }

  // Initials that join into a stop word, as the word they stand for ("U.S.": "usa"): INITIAL_WORDS in site_gen/search.py.
  var INITIAL_WORDS = new Map([['us', 'usa']]);

  function joinInitials(initials) {
    var joined = initials.replace(/\./g, '');
    return INITIAL_WORDS.get(joined) || joined;
  }

  /**
   * Fold text as the index builder does: lower case, no possessive "'s" or accents, initials without their dots
   * ("U.K.": "uk"), words separated by one space, unspaced runs in pairs.
   */
  function fold(text) {
    var folded = text.toLowerCase().replace(POSSESSIVE, '').normalize('NFKD').replace(MARKS, '').replace(INITIALS, joinInitials)
      .replace(NON_WORD, ' ').normalize('NFC');
    return americanSpelling(splitUnspaced(folded).split(' ').filter(Boolean).join(' '));
  }

  /**
   * Fold a query but keep lunr's syntax characters (unspaced runs are split clause by clause: splitUnspacedClauses);
   * initials lose their dots (INITIALS) and a "+" inside a word parts it (INNER_PLUS: "HIV+TB" found nothing).
   */
  function foldQuery(text) {
    var folded = text.toLowerCase().replace(POSSESSIVE, '').normalize('NFKD').replace(MARKS, '')
      .replace(INITIALS, joinInitials).replace(INNER_PLUS, ' ');
    return americanSpelling(folded.replace(NON_QUERY, ' ').normalize('NFC'));
  }

  // The end of a word written with spaces (letters of unspaced scripts are words of their own pairs).
  var TRAILING_WORD = new RegExp('(?:' + SPACED_WORD_CHARACTER + '|\\p{M})+$', 'u');
  var LEADING_WORD = new RegExp('^(?:' + SPACED_WORD_CHARACTER + '|\\p{M})', 'u');

  /**
   * The first MAX_QUERY_LENGTH characters of a text, without the word the cut falls in, whose start was matched as a
   * prefix ("… surgery surg": "surgical"), unless it is the only word (so long, it is matched exactly); no half character.
   */
  function cutAtWord(text) {
    if (text.length <= MAX_QUERY_LENGTH) {
      return text;
    }
    var kept = text.slice(0, MAX_QUERY_LENGTH).replace(/[\ud800-\udbff]$/, '');
    if (!LEADING_WORD.test(text.slice(kept.length))) {
      return kept;
    }
    var whole = kept.replace(TRAILING_WORD, '');
    return WORD_CHARACTER.test(whole) ? whole : kept;
  }

  /** The part of a query that is searched: folded, at most MAX_QUERY_LENGTH characters (cutAtWord). */
  function searchedText(queryText) {
    return cutAtWord(foldQuery(queryText));
  }

  /**
   * Whether a query has a word to search for. One made only of punctuation or lunr's syntax
   * ("-", "+", ":", "*") has none: lunr would match every document with it.
   */
  function hasWords(queryText) {
    return WORD_CHARACTER.test(searchedText(queryText));
  }

  /**
   * The query to search while its box is being typed in: without its last word when no space follows
   * it yet and it is too short to match as a prefix (TOO_SHORT_FOR_PREFIX, as folded, with or without
   * lunr's + - or field:). "me" on the way to "medical" said "too common", "nu" on the way to "nursing"
   * "No results", and "surgery c" ranked entries with a "C" first: the words before it are searched as
   * finished words instead, and a query left without words asks for words. A word with lunr's * ~ or ^,
   * or followed by punctuation, is searched as typed.
   */
  function withoutUnfinishedWord(queryText) {
    var last = /\S+$/.exec(queryText);
    var folded = last ? foldQuery(last[0]) : '';
    // Punctuation after a word ends it, as a space does ("(1)>" is folded to " 1  "): search reads it as finished.
    if (!folded || /[*~^]/.test(folded) || /\s$/.test(folded)) {
      return queryText;
    }
    // A + or - with no word after it yet ("surgery +" on the way to "surgery +elective").
    if (/^[+-]+$/.test(folded)) {
      return queryText.slice(0, last.index);
    }
    var words = folded.replace(/^[+-]/, '').replace(/^[^:]*:/, '').split(/[\s-]+/).filter(Boolean);
    return words.length && TOO_SHORT_FOR_PREFIX.test(words[words.length - 1]) ? queryText.slice(0, last.index) : queryText;
  }

  /**
   * Whether a query ends in a word withoutUnfinishedWord leaves out while it is typed ("TB", "surgery UK",
   * "+m"): the page searches it whole once the visitor pauses, instead of only the words before it (or
   * asking for words) until Enter or a space.
   */
  function endsInShortWord(queryText) {
    return hasWords(queryText) && withoutUnfinishedWord(queryText) !== queryText;
  }

  function sharedStart(a, b) {
    var length = 0;
    while (length < a.length && a[length] === b[length]) {
      length++;
    }
    return length;
  }

  /**
   * What a word being typed may become in American spelling, once past where the British one differs:
   * the start of words ("anaest" of "anaesth": "anesth", matched as a prefix) and whole words ("centr"
   * of "centre": "center"; "organisat" of "organisation": "organization", matched as words). The
   * index holds only American spellings (americanSpelling turns whole words, starts and ends).
   */
  function americanCompletions(term) {
    var prefixes = [];
    var words = [];
    var add = function (list, value) {
      if (list.indexOf(value) === -1) {
        list.push(value);
      }
    };
    var isTyped = function (british, american, typed) {
      return typed < british.length && typed > sharedStart(british, american);
    };
    START_PAIRS.forEach(function (pair) {
      if (pair[0].indexOf(term) === 0 && isTyped(pair[0], pair[1], term.length)) {
        add(prefixes, pair[1]);
      }
    });
    WORD_PAIRS.forEach(function (pair) {
      if (pair[0].indexOf(term) === 0 && isTyped(pair[0], pair[1], term.length)) {
        add(words, pair[1]);
      }
    });
    END_PAIRS.forEach(function (pair) {
      for (var typed = 3; typed < term.length; typed++) {
        if (term.slice(-typed) === pair[0].slice(0, typed) && isTyped(pair[0], pair[1], typed)) {
          add(words, term.slice(0, -typed) + pair[1]);
        }
      }
    });
    return { prefixes: prefixes, words: words };
  }

  return {
    MAX_QUERY_LENGTH: MAX_QUERY_LENGTH,
    MAX_WORD_LENGTH: MAX_WORD_LENGTH,
    TOO_SHORT_FOR_PREFIX: TOO_SHORT_FOR_PREFIX,
    SYNTAX: SYNTAX,
    WORD: WORD,
    INITIALS: INITIALS,
    cutAtWord: cutAtWord,
    splitUnspaced: splitUnspaced,
    fold: fold,
    foldQuery: foldQuery,
    hasWords: hasWords,
    withoutUnfinishedWord: withoutUnfinishedWord,
    endsInShortWord: endsInShortWord,
    britishSpellings: britishSpellings,
    americanCompletions: americanCompletions
  };
}));
