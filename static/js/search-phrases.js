/*
 * Quoted phrases in a search query, without lunr or the DOM: shared by search-core.js and Node tests.
 *
 * A phrase is the text between two quotes: straight ("), curly (“ ” „ ‟, as phones and Macs type
 * them), guillemets (« ») or full-width (＂); any of them opens or closes one, so a phrase typed with
 * ” at both ends, or « », is read as it was meant. A quote left open closes at the end of the query
 * (while typing, the phrase being typed); empty quotes are ignored. Right before its opening quote a
 * phrase may have lunr's + or - and a field name and colon: -"global surgery", title:"global surgery".
 * A name that is not one of the index's fields is read as a word before the phrase, as lunr's syntax
 * is dropped from foo:health, which searches "foo" and "health": foo:"maternal health" is
 * foo "maternal health" (and -foo:"global surgery" foo -"global surgery").
 * Single quotes around words are a phrase too (singleQuotesAsDouble): ‘global surgery’, as phones and British
 * style write it, 'global surgery', ‚…‘ and ‹…›; one between letters is an apostrophe (children’s, O'Brien).
 */
(function (root, factory) {
  'use strict';
  if (typeof module === 'object' && module.exports) {
    module.exports = factory();
  } else {
    root.SearchPhrases = factory();
  }
}(typeof self !== 'undefined' ? self : this, function () {
  'use strict';

  var QUOTES = /["\u201c\u201d\u201e\u201f\u00ab\u00bb\uff02]/;
  // What may stand right before a phrase's opening quote, after a space or at the start: + or -, then field:
  var GLUED = /(?:^|\s)([+-]?)(?:(\p{L}[\p{L}\p{N}_]*):)?$/u;
  var SINGLE_QUOTES = /['\u2018\u2019\u201a\u201b\u2039\u203a]/;
  var STARTS_WORD = /^[\p{L}\p{N}]/u;

  /**
   * Text with the single quotes that stand around words turned into straight double quotes. One opens a phrase at
   * the start of a word (after the start, a space, or + - or field: as GLUED allows, before a letter or digit) and
   * closes the phrase it opened at the end of a word (after a character that is no space, not before a letter or
   * digit). Any other is an apostrophe, left as it is: children’s, O'Brien, the nurses’ in nurses’ housing. One
   * left open closes at the end, as a double quote does. Single quotes inside double ones are apostrophes.
   */
  function singleQuotesAsDouble(text) {
    if (!SINGLE_QUOTES.test(text)) {
      return text;
    }
    var out = '';
    var open = false;
    var inDouble = false;
    for (var i = 0; i < text.length; i++) {
      var character = text.charAt(i);
      var after = text.slice(i + 1, i + 3);
      if (QUOTES.test(character) && !open) {
        inDouble = !inDouble;
      } else if (SINGLE_QUOTES.test(character) && !inDouble) {
        if (!open && STARTS_WORD.test(after) && GLUED.test(text.slice(Math.max(0, i - 40), i))) {
          open = true;
          character = '"';
        } else if (open && i > 0 && /\S/.test(text.charAt(i - 1)) && !STARTS_WORD.test(after)) {
          open = false;
          character = '"';
        }
      }
      out += character;
    }
    return out;
  }

  /**
   * The parts of a query between its quotes, in order: {text} outside quotes, and {text, quoted: true,
   * closed, presence ("+", "-" or ""), field ("" or the name before the colon, in lower case)} inside.
   * The + - or field: before a phrase is taken out of the text before it. With ``fields`` (the index's),
   * a name that is none of them stays in that text as a word, without its colon.
   */
  function split(text, fields) {
    var pieces = singleQuotesAsDouble(text).split(QUOTES);
    var parts = [{ text: pieces[0] }];
    for (var i = 1; i < pieces.length; i++) {
      if (i % 2 === 0) {
        parts.push({ text: pieces[i] });
        continue;
      }
      var before = parts[parts.length - 1];
      var glued = GLUED.exec(before.text);
      var presence = glued ? glued[1] : '';
      var field = glued && glued[2] ? glued[2] : '';
      before.text = before.text.slice(0, before.text.length - presence.length - (field ? field.length + 1 : 0));
      if (field && fields && fields.indexOf(field.toLowerCase()) === -1) {
        before.text += field + ' ';
        field = '';
      }
      parts.push({ text: pieces[i], quoted: true, closed: i < pieces.length - 1, presence: presence, field: field.toLowerCase() });
    }
    return parts;
  }

  /** Text with the pieces between its quotes (and before the first, after the last) each passed through ``fold``, and straight quotes between them. */
  function foldBetweenQuotes(text, fold) {
    return singleQuotesAsDouble(text).split(QUOTES).map(function (piece) { return fold(piece); }).join('"');
  }

  /** Whether a query has words in quotes (empty quotes, or quotes around spaces, do not count). */
  function hasQuotes(text) {
    return split(text).some(function (part) { return part.quoted && /\S/.test(part.text); });
  }

  /**
   * How the status names a query: in curly quotes as typed (“surgery China”); with phrases, each
   * phrase in curly quotes, closed, with its + - or field: before it, and the other words as typed
   * (“maternal health” Kenya). Spaces are collapsed; empty quotes are left out. With ``fields``, a name
   * before a phrase that is not a field is shown as the word it is searched as: foo “maternal health”.
   */
  function label(text, fields) {
    if (!hasQuotes(text)) {
      return '“' + split(text).map(function (part) { return part.text; }).join(' ').replace(/\s+/g, ' ').trim() + '”';
    }
    return split(text, fields).map(function (part) {
      var words = part.text.replace(/\s+/g, ' ').trim();
      if (!part.quoted) {
        return part.text.replace(/\s+/g, ' ');
      }
      return words ? ' ' + part.presence + (part.field ? part.field + ':' : '') + '“' + words + '” ' : ' ';
    }).join('').replace(/\s+/g, ' ').trim();
  }

  /**
   * How the status names the words and phrases a query leaves out ("-surgery -“global health”"): each in curly quotes,
   * without its "-", joined by "or": “surgery” or “global health”.
   */
  function excludedLabel(text, fields) {
    var names = [];
    split(text, fields).forEach(function (part) {
      var words = part.text.replace(/\s+/g, ' ').trim();
      if (part.quoted && part.presence === '-' && words) {
        names.push('“' + words + '”');
      } else if (!part.quoted) {
        (part.text.match(/(?:^|\s)-+[^\s-]\S*/g) || []).forEach(function (word) { names.push('“' + word.trim().replace(/^-+/, '') + '”'); });
      }
    });
    return names.join(' or ');
  }

  /**
   * Whether a phrase's words stand together, in order: ``offsets`` are the places of the words looked
   * for in the phrase (stop words, which the index leaves out, take up their places between them),
   * ``positions`` for each of those words, the word numbers where it stands in one field (a Set).
   */
  function together(offsets, positions) {
    if (!positions.length || !positions.every(function (found) { return found.size; })) {
      return false;
    }
    var first = Array.from(positions[0]);
    return first.some(function (start) {
      for (var k = 1; k < offsets.length; k++) {
        if (!positions[k].has(start + offsets[k] - offsets[0])) {
          return false;
        }
      }
      return true;
    });
  }

  return { singleQuotesAsDouble: singleQuotesAsDouble, split: split, excludedLabel: excludedLabel, foldBetweenQuotes: foldBetweenQuotes, hasQuotes: hasQuotes, label: label, together: together };
}));
