"""Search stage: the published catalog -> a lunr index, its shards, the documents results show, and lunr.js.

The index is built with lunr.py and serialised for ``lunr.Index.load`` in lunr.js
2.3.9 (the search page's refs are document numbers in ``Catalog.published`` order). Text is folded
(accents removed, lower-cased, punctuation to spaces) before indexing;
static/js/search-folding.js folds every query the same way, so "bogota" finds "Bogotá".

Files, all under search/: the whole index for other tools (``WHOLE_INDEX``, index.json: a name
that does not change, refs the pages' addresses), and, each with a hash of its bytes in its name,
a manifest (fields, shard map, facet values and country names; the search page's entry point),
each document's facet values (fetched after the first results), term shards and a term list
(search_shards.py), a word list (every indexed word before stemming, the common English words
near them that are spelt as meant, typos.py, and the names of places the catalog lacks,
place_names.py: for the similar-words retry), result documents in small chunks, and a copy of
lunr.js from node_modules.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
import unicodedata
import zlib
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache, partial
from html import unescape
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from lunr.builder import Builder
from lunr.pipeline import Pipeline
from lunr.stemmer import PorterStemmer
from lunr.stop_word_filter import WORDS as STOP_WORDS, stop_word_filter
from lunr.token import Token
from lunr.trimmer import trimmer
from markupsafe import Markup

from . import humanize, parallel, urls
from .catalog import Catalog, Item, countries_of
from .countries import country_name, search_aliases
from .equivalents import KIND_TERMS, EquivalentFinder, one_word_names
from .regions import search_names
from .errors import SearchAssetError
from .facets import listing_key
from .options import LUNR_JS
from .place_names import unknown_place_names
from .schema import CATEGORIES, Elective, Entry, Money, Partner, Project
from .search_index import ADDED, CompactIndex
from .search_shards import js_order, pack_shards, term_rows
from .typos import common_words_near
from .word_families import family_table

REF = "ref"  # the search page's lunr refs are document numbers, the order of Catalog.published (WHOLE_INDEX's are addresses)
COLLECTIONS = ("projects", "partners", "electives", "pages")
DOCUMENT_CHUNK = 16  # result documents per file: a page of results fetches few small files
# Field name -> boost, tuned on the realistic queries of tests/js/search-ranking.test.mjs.
_ASCII_NON_WORD = re.compile(r"[^a-z0-9_]+")
FIELD_BOOSTS: dict[str, int] = {"title": 10, "topics": 5, "summary": 3, "places": 3, "partners": 2, "body": 1, "years": 1}
# Fields whose terms keep their word numbers (lunr's "index" metadata), so that the search page can tell a
# quoted phrase's words standing together from the same words apart. Not the body: with its word numbers
# a two-word query at 10,000 synthetic entries took up to 200 KB instead of 138 KB, two common words up
# to 259 KB instead of 144 KB, quoted or not (docs/search.md); those of these short fields add at most 12 KB.
POSITION_FIELDS: tuple[str, ...] = ("title", "topics", "summary", "places", "partners")


class LunrJsStemmer(PorterStemmer):
    """lunr.py's Porter stemmer with step 1c as lunr.js 2.3.9 has it, so index and query stems agree.

    lunr.js turns a final "y" into "i" only after a non-vowel that is not the first
    letter ("cry" -> "cri", "way" -> "way"); lunr.py does so whenever the stem has a
    vowel ("way" -> "wai"), so "Norway" typed in the browser would miss "norwai".
    """

    def step1c(self) -> None:
        if self.ends("y") and self.k - self.k0 >= 2 and self.b[self.k - 1] not in "aeiou":
            self.b = self.b[: self.k] + "i" + self.b[self.k + 1 :]


_STEMMER = LunrJsStemmer()


@lru_cache(maxsize=65536)
def _stem_word(word: str) -> str:
    return _STEMMER.stem(word)


def stemmer(token: Token, i: int | None = None, tokens: list[Token] | None = None) -> Token:
    """Pipeline function serialised as lunr.js's own "stemmer" (memoised: words repeat a lot)."""
    return token.update(lambda word, metadata=None: _stem_word(word))


stemmer.label = "stemmer"  # type: ignore[attr-defined]


def stem(word: str) -> str:
    """Stem one folded word as the index and lunr.js do."""
    return str(stemmer(Token(word)))


# The whole index, for other tools (the search page fetches shards of it): a name that does not change, and each
# document's ref is its page's address under the site, "electives/nanjing-surgery/" (the search page's shards number them).
WHOLE_INDEX = "index.json"


@dataclass(frozen=True)
class SearchAssets:
    """Links to the search files, for the search page's data attributes and script tag."""

    index: str
    manifest: str
    lunr: str


@dataclass(frozen=True)
class SearchBundle:
    """The search files to write (route, finished file to link or copy into place), and where they live."""

    files: tuple[tuple[str, Path], ...]
    assets: SearchAssets
    digests: dict[str, str]  # the SHA-256 of each file whose name carries none (``WHOLE_INDEX``), by route


class _FoldTable(dict[int, str]):
    """``str.translate`` table, filled on first sight of each character: marks dropped, non-word characters to spaces."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        value = "" if unicodedata.category(char).startswith("M") else char if char.isalnum() or char == "_" else " "
        self[code] = value
        return value


_FOLD_TABLE = _FoldTable()

# Letters of the scripts written without spaces between words: Thai, Lao, Myanmar, Khmer, Han
# (Chinese, Japanese kanji), kana and Hangul (Korean compounds). search-folding.js has the same ranges.
UNSPACED_LETTERS = (
    "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u2e80-\u2fdf\u3005-\u3007\u3021-\u3029\u3038-\u303c"
    "\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\U00020000-\U0003ffff"
)
_UNSPACED_RUN = re.compile(f"[{UNSPACED_LETTERS}]+")


def _letter_pairs(run: re.Match[str]) -> str:
    letters = run.group()
    return " " + (" ".join(letters[start:start + 2] for start in range(len(letters) - 1)) or letters) + " "


# An English possessive's "s" after a letter or digit, with either apostrophe ("children's", "Guatemala’s").
_POSSESSIVE = re.compile(r"['’](?<=[^\W_]['’])s(?!\w)")


# Initials written with dots ("U.K.", "U.S.A.", "e.g."), as one word ("uk"): as letters, a body's "U.K." was not found
# by "UK". Letters may carry combining marks (the text is decomposed when this applies); INITIALS in search-folding.js.
_MARK = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_INITIALS = re.compile(rf"(?<![\w.{_MARK}])[^\W\d_][{_MARK}]*(?:\.[^\W\d_][{_MARK}]*)+(?![\w{_MARK}])")


# Initials that join into a stop word, which the index leaves out, as the word they stand for: a body's "U.S." was
# "us", not indexed, and found by neither "U.S." nor "USA" (INITIAL_WORDS in search-folding.js).
INITIAL_WORDS = {"us": "usa"}
_DOT_LETTER = re.compile(r"\.[^\W\d_]")  # (starts with a literal, so it is quick to search for)
_MARKS = re.compile(f"[{_MARK}]")


def _join_initials(text: str) -> str:
    """``_INITIALS.sub`` of the dots, tried only before a dot and a letter: as a search, it doubled the time of fold."""
    parts: list[str] = []
    last = 0
    for dot in _DOT_LETTER.finditer(text):
        start = dot.start() - 1
        while start >= last and _MARKS.match(text, start):
            start -= 1
        match = _INITIALS.match(text, start) if start >= last else None
        if match:
            joined = match.group().replace(".", "")
            parts += (text[last:start], INITIAL_WORDS.get(_MARKS.sub("", joined), joined))
            last = match.end()
    return "".join((*parts, text[last:])) if parts else text


def _drop_possessives(text: str) -> str:
    """Drop the "'s" of possessives, which would otherwise be indexed and searched as a word "s"."""
    return _POSSESSIVE.sub("", text) if "'s" in text or "’s" in text else text


# British spellings are indexed and searched as American ones, so that "paediatrics" finds
# "pediatrics" and "center" finds "centre" (contributors and visitors write both): the start of a
# folded word, its end, or the whole word (``respell``; search-folding.js has the same rules).
SPELLING_STARTS = {
    "anaesth": "anesth", "caesar": "cesar", "diarrhoe": "diarrhe", "foet": "fet", "gynaec": "gynec",
    "haem": "hem", "oedem": "edem", "oesoph": "esoph", "oestr": "estr", "orthopaed": "orthoped", "paed": "ped",
}
SPELLING_ENDS = {"aemia": "emia", "aemias": "emias", "aemic": "emic", "isation": "ization", "isations": "izations"}
SPELLING_WORDS = {
    "ageing": "aging", "behaviour": "behavior", "centre": "center", "centres": "centers", "counselling": "counseling",
    "defence": "defense", "fibre": "fiber", "labour": "labor", "licence": "license", "litre": "liter", "litres": "liters",
    "practise": "practice", "practised": "practiced", "practising": "practicing", "programme": "program",
    "programmes": "programs", "theatre": "theater", "theatres": "theaters", "travelling": "traveling",
    "tumour": "tumor", "tumours": "tumors",
}
_SPELLINGS = {**SPELLING_STARTS, **SPELLING_ENDS, **SPELLING_WORDS}
_BRITISH_SPELLING = re.compile(
    r"^(?:" + "|".join(SPELLING_STARTS) + r")|(?:" + "|".join(SPELLING_ENDS) + r")$|^(?:" + "|".join(SPELLING_WORDS) + r")$"
)


@functools.lru_cache(maxsize=200_000)
def respell(word: str) -> str:
    """One folded word in American spelling ("paediatrics": "pediatrics"); indexed words go through it.

    Applied word by word (each distinct word once) rather than to whole texts, where the
    pattern would be tried at every letter of every body. search-folding.js applies the same
    rules to folded text (its words are the words this function receives).
    """
    return _BRITISH_SPELLING.sub(lambda match: _SPELLINGS[match.group()], word)


def fold(text: str) -> str:
    """Lower-case, drop possessives' "'s" and accents, join initials ("U.K.": "uk"), and turn every non-word character into a space.

    A run of letters of a script written without spaces becomes a word of its own,
    as its overlapping pairs of letters ("北京协和医院": 北京 京协 协和 和医 医院), so that
    a word inside it ("协和", "医院") is found as well as the whole; Hangul is
    recomposed into syllables first.
    """
    text = _drop_possessives(text.lower())
    if text.isascii():
        return " ".join(_ASCII_NON_WORD.sub(" ", _join_initials(text)).split())
    folded = unicodedata.normalize("NFC", _join_initials(unicodedata.normalize("NFKD", text)).translate(_FOLD_TABLE))
    return " ".join(_UNSPACED_RUN.sub(_letter_pairs, folded).split())


def indexed_form(word: str) -> str:
    """A word as the index holds its words: folded, in American spelling (words of several parts as folded)."""
    if word.isascii() and word.isalpha() and word.islower():
        return respell(word)  # (folding leaves such a word as it is)
    return " ".join(map(respell, fold(word).split()))


_END_TAG = re.compile(r"</[^>]*>")
_START_TAG = re.compile(r'<(?:[^>"]|"[^"]*")*>')  # sanitised HTML: attribute values are double-quoted


def plain_text(html: str) -> str:
    """Return the visible text of sanitised body HTML: a space for each start tag, end tags dropped.

    Only for nh3's output (no comments, scripts or unquoted attributes), where two
    regular expressions give what an HTML parser would, many times faster.
    """
    text = _START_TAG.sub(" ", _END_TAG.sub("", str(html)))
    return " ".join(unescape(text).split())


def _labels(item: Item[Entry]) -> list[str]:
    """Enum values people search for, as the site shows them: format, category, audience, direction, kind, status,
    and what a project is looking for ("seeking trainees": its seeking values).

    An elective's direction as its label, "Outbound (our learners abroad)": its value and the
    words pages and filters explain it with.
    """
    meta = item.meta
    if isinstance(meta, Elective):
        return [humanize.label(meta.format), humanize.label(meta.category), *map(humanize.label, meta.audience),
                humanize.label(meta.direction)]
    if isinstance(meta, Project):
        return [humanize.label(meta.kind), humanize.label(meta.status), *map(humanize.label, meta.seeking)]
    if isinstance(meta, Partner):
        return [humanize.label(meta.kind)]
    return []


LONGEST_WEEKS = 12  # weeks of a duration's range indexed one by one; a longer range ("26–52 weeks") gives its two ends


def duration_words(meta: Entry) -> list[str]:
    """An elective's duration as words a visitor types ("4 weeks"): each number of weeks it may take, then "weeks"
    ("2 3 4 weeks" for 2–4 weeks), so that "4 weeks" and "3 weeks" find it; "4 weeks" found the texts that say "4" and
    "weeks" anywhere, a guide first and 6-week electives before 4-week ones."""
    duration = getattr(meta, "duration_weeks", None) if isinstance(meta, Elective) else None
    if duration is None:
        return []
    low, high = (duration, duration) if isinstance(duration, int) else (duration.min, duration.max)
    numbers = range(low, high + 1) if high - low <= LONGEST_WEEKS else (low, high)
    return [" ".join(map(str, numbers)) + (" week" if high == 1 else " weeks")]


def _partner_names(catalog: Catalog, item: Item[Entry]) -> list[str]:
    """Names of the partners an entry points at (host or project partners)."""
    meta = item.meta
    slugs: Iterable[str] = ()
    if isinstance(meta, Elective) and meta.host:
        slugs = (meta.host,)
    elif isinstance(meta, Project):
        slugs = meta.partners
    return [catalog.partner_by_slug[slug].title for slug in slugs if slug in catalog.partner_by_slug]


def _people(catalog: Catalog, item: Item[Entry]) -> list[str]:
    """Who an entry names besides itself: its partners or host, a project's lead and its funding (who funds it)."""
    meta = item.meta
    return [*_partner_names(catalog, item), getattr(meta, "lead", None) or "", getattr(meta, "funding", None) or ""]


def _other_text(item: Item[Entry], body: str) -> str:
    """The body's text, and an elective's cost when it is text ("No tuition; ...") or nothing ("No fee", as its page says
    "No fee (0 USD)": "free" and "no fee" find it, equivalents.py): what it says beyond its fields' values. An amount's
    figures stay out ("1,200 USD" would be the words "1", "200" and "usd")."""
    cost = getattr(item.meta, "cost", None)
    if isinstance(cost, Money) and cost.amount == 0:
        return f"{body} No fee"
    return f"{body} {cost}" if isinstance(cost, str) else body


def area_words(codes: Iterable[str]) -> list[str]:
    """The words of the names of the areas the countries are in (regions.search_names), one per stem.

    Once, so that an entry in three African countries, or in "Sub-Saharan Africa, Africa",
    does not count "Africa" more often than an entry in one ("Americas" and "America" alike).
    """
    words: dict[str, str] = {}
    for code in codes:
        for name in search_names(code):
            for word in fold(name).split():
                words.setdefault(stem(word), word)
    return list(words.values())


# Between the values of a field of several (topics, places, partners): a stop word, which the index leaves out but
# counts as a word, so that the last word of one value and the first of the next are not next to each other and
# "global surgery" is no phrase of the tags "global health" and "surgery" (Elasticsearch's position_increment_gap).
# An archaic word, which no phrase people type holds.
VALUE_GAP = " twas "


@lru_cache(maxsize=2)
def equivalent_finder(typed: bool = False) -> EquivalentFinder:
    """The equivalents (site_gen/equivalents.py) as the index finds them in text, or with ``typed`` as queries may name them."""
    return EquivalentFinder(fold, respell, typed=typed)


@dataclass
class SearchMemo:
    """Search records of earlier builds, by the hash of everything each is made of, and what this build made and used.

    ``known`` comes from the build cache (``BuildCache.search_records``); ``made`` and ``used`` go back to it
    (``keep_search_records``). ``source_keys`` are the memo keys of the sources read (shown path -> key).
    """

    known: dict[str, Any] = field(default_factory=dict)
    source_keys: dict[str, str] = field(default_factory=dict)
    made: dict[str, Any] = field(default_factory=dict)
    used: list[str] = field(default_factory=list)

    def get(self, key: str | None, make: Callable[[], Any], kind: type,
            pack: Callable[[Any], Any] = lambda value: value, unpack: Callable[[Any], Any] = lambda kept: kept) -> Any:
        """The record of ``key``, made with ``make`` when it is not known (or ``key`` is None: not memoised); kept as
        ``pack`` makes it, of type ``kind`` (anything else is made again), and read back with ``unpack``."""
        if key is None:
            return make()
        self.used.append(key)
        kept = self.known.get(key)
        if isinstance(kept, kind):
            return unpack(kept)
        value = make()
        self.made[key] = pack(value)
        return value

    def outcome(self) -> tuple[dict[str, Any], list[str]]:
        """What goes back to the cache: the records made, the keys used."""
        return self.made, self.used


def _digest(*parts: str) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
    return digest.hexdigest()


def fields_key(catalog: Catalog, item: Item[Entry], body: str, source_key: str | None) -> str | None:
    """The key of an item's folded fields: what ``folded_fields`` reads beyond the generator's code: its source's bytes
    (``source_key``), the names of the partners it names, and its rendered body (None without a source key)."""
    if source_key is None:
        return None
    return "fields " + _digest(source_key, *_partner_names(catalog, item), "\1", body)


def pack_fields(fields: dict[str, str]) -> bytes:
    """An entry's folded fields as kept in the cache: their texts in FIELD_BOOSTS's order, NUL between them (folded text
    has none), compressed. Kept as text, every entry's body stayed in the search process until the build's end and went
    through the cache: a 100,000-entry build's largest process grew by half a gigabyte, past 3 GiB."""
    return zlib.compress("\0".join(fields[name] for name in FIELD_BOOSTS).encode("utf-8"), 1)


def unpack_fields(data: bytes) -> dict[str, str]:
    """``pack_fields``'s fields again."""
    return dict(zip(FIELD_BOOSTS, zlib.decompress(data).decode("utf-8").split("\0")))


def indexed_records(catalog: Catalog, bodies: dict[tuple[str, str], Markup], memo: SearchMemo | None = None) -> Iterator[dict[str, str]]:
    """The folded fields of each published item with its number as ref, in order; the fields of an item whose inputs are those of an earlier build are that build's."""
    memo = memo if memo is not None else SearchMemo()
    for number, item in enumerate(catalog.published):
        body = bodies[item.key]
        key = fields_key(catalog, item, body, memo.source_keys.get(item.source))
        fields = memo.get(key, lambda: folded_fields(catalog, item, body), bytes, pack_fields, unpack_fields)
        yield {REF: str(number), **fields, **kind_terms(item.collection)}


KIND_FIELD = "topics"  # where an entry's kind stands (beside its labels), as a term no text has (equivalents.KIND_TERMS)


def kind_terms(collection: str) -> dict[str, str]:
    """The term of an entry's kind, to add to KIND_FIELD (search_index.ADDED): "electives asia" and "partners in kenya"
    find that kind first (equivalents.py); none for a page."""
    term = KIND_TERMS.get(collection)
    return {ADDED + KIND_FIELD: term} if term else {}


# A project's years from start to end are each indexed; a span longer than this (a typo such as 1025–2025) only its ends.
LONGEST_SPAN = 50


def _year(value: date | int | None) -> int | None:
    return value.year if isinstance(value, date) else value


def entry_years(meta: Entry) -> list[str]:
    """The years an entry's dates name, for the "years" field: a project's from its start to its end (each year it runs),
    or the one it names when it has only one; an elective's deadline year (when it takes applications). ``2027`` found
    only the entries whose text says 2027, not the project starting then nor the elective closing then. Partners' ``since``
    is left out: a visitor typing a year looks for what runs or takes applications in it, and a deadline that has passed
    is still found (as it is listed: closed, never hidden). No clock is read: an open-ended project names its start."""
    if isinstance(meta, Elective):
        return [str(meta.deadline.year)] if meta.deadline else []
    if not isinstance(meta, Project):
        return []
    start, end = _year(meta.start), _year(meta.end)
    if start is None or end is None:
        return [str(year) for year in (start, end) if year is not None]
    years = range(start, end + 1) if end - start <= LONGEST_SPAN else (start, end)
    return [str(year) for year in years]


def folded_fields(catalog: Catalog, item: Item[Entry], body: str) -> dict[str, str]:
    """The folded text of each indexed field of one item, keyed by field name."""
    meta = item.meta
    codes = countries_of(item)
    places = [*map(country_name, codes), *(alias for code in codes for alias in search_aliases(code)), *codes,
              getattr(meta, "city", None) or "", *area_words(codes)]
    raw = {
        "title": meta.title,
        "topics": VALUE_GAP.join([*meta.tags, *getattr(meta, "specialties", ()), *map(humanize.language, getattr(meta, "languages", ())), *_labels(item)]),
        "summary": meta.summary,
        "places": VALUE_GAP.join(filter(None, places)),
        "partners": VALUE_GAP.join(filter(None, _people(catalog, item))),
        "body": _other_text(item, plain_text(body)),
        "years": " ".join([*entry_years(meta), *duration_words(meta)]),
    }
    return {name: fold(text) for name, text in raw.items()}


def _facts(item: Item[Entry]) -> list[str]:
    """Short facts shown under a result."""
    meta = item.meta
    if isinstance(meta, Elective):
        facts = [humanize.label(meta.format), humanize.label(meta.category), humanize.label(meta.direction), humanize.weeks(meta.duration_weeks)]
    elif isinstance(meta, Project):
        facts = [humanize.label(meta.kind), humanize.label(meta.status), _period(meta)]
    elif isinstance(meta, Partner):
        facts = [humanize.label(meta.kind), meta.city or ""]
    else:
        facts = []
    return [fact for fact in facts if fact]


def _period(meta: Project) -> str:
    """A project's years as a result shows them ("2024–2027", "2027", "From 2023", "Until 2025"): a visitor who typed
    a year (``entry_years``) sees why the project was found."""
    start, end = _year(meta.start), _year(meta.end)
    if start is not None and end is not None:
        return str(start) if start == end else f"{start}–{end}"
    return f"From {start}" if start is not None else f"Until {end}" if end is not None else ""


def result_document(item: Item[Entry], url_maker: urls.Urls) -> dict[str, Any]:
    """What a search result shows and filters on, for one item."""
    meta = item.meta
    document: dict[str, Any] = {
        "ref": f"{item.collection}/{item.slug}",
        "title": meta.title,
        "url": url_maker.href(urls.entry(item.collection, item.slug)),
        "summary": meta.summary,
        "collection": item.collection,
        "countries": list(countries_of(item)),
        "facts": _facts(item),
    }
    if isinstance(meta, Elective):
        document["category"] = meta.category
        if meta.deadline is not None:
            document["deadline"] = meta.deadline.isoformat()
    return document


def search_facets(catalog: Catalog) -> dict[str, list[tuple[str, str]]]:
    """The (value, label) options of each filter on the search page.

    Only values some entry has: "Electives (0)" in a catalog without electives could never match.
    Both deadline states stay while there are electives (a deadline closes in the visitor's browser).
    Nor a single value every entry has (only electives, all in Rwanda): a filter that cannot narrow the results.
    """
    categories = {item.meta.category for item in catalog.electives}
    facets = {
        "collection": [(name, name.capitalize()) for name in COLLECTIONS if catalog.collection(name)],
        "category": [(name, humanize.label(name)) for name in CATEGORIES if name in categories],
        "country": sorted(((code, country_name(code)) for code in catalog.by_country), key=lambda option: (humanize.sort_key(option[1]), option[0])),
        "deadline": [("open", "Open for applications"), ("closed", "Closed")] if catalog.electives else [],
    }
    return {name: [] if len(options) == 1 and _everyone_has(catalog, name, options[0][0]) else options for name, options in facets.items()}


def _everyone_has(catalog: Catalog, facet: str, value: str) -> bool:
    """Whether every published entry has this value of a search filter (as search-core.js matches it)."""
    def has(item: Item[Entry]) -> bool:
        if facet == "collection":
            return item.collection == value
        if facet == "category":
            return isinstance(item.meta, Elective) and item.meta.category == value
        return facet == "country" and value in countries_of(item)
    return all(has(item) for item in catalog.published)


def _json_bytes(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def pipelines() -> tuple[Pipeline, Pipeline]:
    """The indexing pipeline (trimmer, stop words, stemmer) and the search pipeline (stemmer) of the catalog's index."""
    pipeline, search_pipeline = Pipeline(), Pipeline()
    pipeline.add(trimmer, stop_word_filter, stemmer)
    search_pipeline.add(stemmer)
    return pipeline, search_pipeline


def configure(builder: Builder) -> Builder:
    """Give a lunr.py builder the catalog's pipelines, ref and boosted fields (what ``build_index`` does without it)."""
    builder.pipeline, builder.search_pipeline = pipelines()
    builder.ref(REF)
    for name, boost in FIELD_BOOSTS.items():
        builder.field(name, boost=boost)
    return builder


def build_index(records: Iterable[dict[str, str]], equivalents: bool = True, forms: bool = True) -> CompactIndex:
    """Index folded field records, in the order given (document numbers are positions).

    With ``equivalents``, a field that names one (site_gen/equivalents.py) also holds its term ("icu_"), as a
    synonym (``CompactIndex._add_synonyms``), and a record's added terms (its kind: ``kind_terms``) are kept; with ``forms``, each word of a stem whose words are not all one word
    its form term ("~intern~internal", site_gen/search_forms.py); without both, the index is lunr.py's for the same records.
    """
    synonyms = equivalent_finder().spans if equivalents else None
    if not equivalents:
        records = ({name: text for name, text in record.items() if not name.startswith(ADDED)} for record in records)
    index = CompactIndex(FIELD_BOOSTS, *pipelines(), ref=REF, normalise=respell, positions=POSITION_FIELDS, synonyms=synonyms,
                         forms=forms)
    for record in records:
        index.add(record)
    index.finish()
    return index


def hashed_route(stem: str, hexdigest: str, suffix: str) -> str:
    """Route of a search file whose name carries (the start of) the SHA-256 of its bytes."""
    return urls.search_file(f"{stem}.{hexdigest[:12]}{suffix}")


def search_inputs_key(catalog: Catalog, source_keys: dict[str, str], lunr_js: bytes) -> str | None:
    """Hash of everything the search files are made of: each published source's bytes, the base URL, lunr.js.

    (The generator's code is covered by the cache, which is dropped when the code
    changes.) None when a source has no key, i.e. was not read through the memo.
    """
    digest = hashlib.sha256(f"{catalog.site.base_url}\0".encode() + hashlib.sha256(lunr_js).digest())
    for item in catalog.published:
        key = source_keys.get(item.source)
        if key is None:
            return None
        digest.update(key.encode() + b"\0")
    return digest.hexdigest()


def reusable_bundle(output: Path, recorded: dict[str, Any], key: str | None) -> SearchBundle | None:
    """The search files of the last build, in its output, when made of the same inputs.

    Every file must still be there with the bytes its name's hash (or the recorded hash) promises;
    anything else (a deleted or edited file, another key) means building anew.
    """
    if key is None or recorded.get("key") != key:
        return None
    files = []
    try:
        digests: dict[str, str] = recorded["digests"]
        for route in recorded["files"]:
            path = output / route
            with path.open("rb") as handle:
                digest = hashlib.file_digest(handle, "sha256").hexdigest()
            if route in digests:
                if digest != digests[route]:
                    return None
            else:
                stem, _, suffix = route.rsplit("/", 1)[-1].split(".", 2)
                if hashed_route(stem, digest, "." + suffix) != route:
                    return None
            files.append((route, path))
        return SearchBundle(tuple(files), SearchAssets(*recorded["assets"]), digests)
    except (OSError, KeyError, TypeError, ValueError):
        return None


def bundle_record(bundle: SearchBundle, key: str | None) -> dict[str, Any]:
    """What ``reusable_bundle`` needs to find this bundle again (kept in the build cache's state)."""
    assets = bundle.assets
    return {"key": key, "files": [route for route, _ in bundle.files], "assets": [assets.index, assets.manifest, assets.lunr],
            "digests": bundle.digests} if key else {}


def read_lunr_js(path: Path = LUNR_JS) -> bytes:
    """Read lunr.js as installed by ``npm ci``; explain how to get it when missing."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise SearchAssetError(f"lunr.js is missing ({path}): run `npm ci` in the project folder to install it") from None


def facet_table(items: tuple[Item[Entry], ...]) -> dict[str, Any]:
    """The facets' values and country names (the manifest's); ``facet_rows`` numbers countries in this order."""
    countries = _facet_countries(items)
    return {
        "collections": list(COLLECTIONS), "categories": list(CATEGORIES),
        "countries": [[code, country_name(code)] for code in countries],
        "countryTerms": {code: terms for code in countries if (terms := country_terms(code))},
    }


def facet_rows(items: tuple[Item[Entry], ...]) -> list[list[Any]]:
    """Facet values of every document, compact: [collection, category or -1, deadline YYYYMMDD or 0, [countries]],
    and for an entry its place in the order of its listing that does not change with the day (facets.listing_key:
    a project's status, the title): a query that is only "electives" lists them as /electives/ does, by deadline on the
    visitor's day, then by this (static/js/search-results.js's listingOrder).

    A file of their own: the search page needs them only for its filters and their counts, so it fetches them after
    the first results (before them when a filter is chosen). In the manifest they were 44 KB of its 58 KB gzip at
    10,000 entries, all fetched before any result.
    """
    numbers = {code: number for number, code in enumerate(_facet_countries(items))}
    ranks = {id(item): rank for collection in COLLECTIONS if collection != "pages"
             for rank, item in enumerate(sorted((item for item in items if item.collection == collection), key=listing_key))}
    rows = []
    for item in items:
        meta = item.meta
        category = CATEGORIES.index(meta.category) if isinstance(meta, Elective) else -1
        deadline = int(meta.deadline.strftime("%Y%m%d")) if isinstance(meta, Elective) and meta.deadline else 0
        row = [COLLECTIONS.index(item.collection), category, deadline, [numbers[code] for code in countries_of(item)]]
        if item.collection != "pages":
            row.append(ranks[id(item)])
        rows.append(row)
    return rows


def _facet_countries(items: tuple[Item[Entry], ...]) -> list[str]:
    return sorted({code for item in items for code in countries_of(item)})


def country_terms(code: str) -> list[str]:
    """The index terms a country's other names give its entries' places, but its name and code do not ("usa", "uk").

    A result marks its country's name when its entry was found by one of them or by its code ("US", "UK", "CN"; the
    search page knows the codes): nothing it shows had the word, so nothing was marked.
    """
    own = {stem(word) for name in (country_name(code), code) for word in fold(name).split()}
    words = (word for name in search_aliases(code) for word in fold(name).split())
    return sorted({stem(word) for word in words if word not in STOP_WORDS} - own, key=js_order)


class _Spool:
    """Writes search files into a folder under their hashed names, one at a time (a large catalog's never sit in memory)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def stream(self, stem: str, suffix: str, produce: Callable[[Callable[[bytes], Any]], None]) -> tuple[str, Path]:
        """Let ``produce`` write a file in pieces; name it by the hash of its bytes."""
        digest, unfinished = self._write(stem, produce)
        route = hashed_route(stem, digest, suffix)
        path = self.folder / route.rsplit("/", 1)[-1]
        unfinished.replace(path)
        return route, path

    def stream_as(self, name: str, produce: Callable[[Callable[[bytes], Any]], None]) -> tuple[str, Path, str]:
        """Let ``produce`` write a file in pieces under a name that does not change; also give its bytes' SHA-256."""
        digest, unfinished = self._write(name, produce)
        path = self.folder / name
        unfinished.replace(path)
        return urls.search_file(name), path, digest

    def _write(self, stem: str, produce: Callable[[Callable[[bytes], Any]], None]) -> tuple[str, Path]:
        unfinished = self.folder / f"{stem}.partial"
        digest = hashlib.sha256()
        with unfinished.open("wb") as handle:
            def write(data: bytes) -> None:
                digest.update(data)
                handle.write(data)
            produce(write)
        return digest.hexdigest(), unfinished

    def put(self, stem: str, suffix: str, data: bytes) -> tuple[str, Path]:
        return self.stream(stem, suffix, lambda write: write(data))

    def json(self, stem: str, value: Any) -> tuple[str, Path]:
        return self.put(stem, ".json", _json_bytes(value))


def search_bundle(
    catalog: Catalog, bodies: dict[tuple[str, str], Markup], url_maker: urls.Urls, folder: Path, lunr_js: Path | bytes = LUNR_JS,
    memo: SearchMemo | None = None, split: bool = False,
) -> SearchBundle:
    """Write the whole index, its shards, the result documents, the manifest and lunr.js (a path or its bytes) into ``folder``.

    With a ``memo``, the folded fields of entries and the common English words of earlier builds are reused
    where what they are made of is the same (``SearchMemo``): the files are byte for byte those made without.
    With ``split``, the whole index is written in a process of its own while this one writes the other files.
    """
    memo = memo if memo is not None else SearchMemo()
    items = catalog.published
    script = lunr_js if isinstance(lunr_js, bytes) else read_lunr_js(lunr_js)
    spool = _Spool(folder)
    index = build_index(indexed_records(catalog, bodies, memo))
    routes = [urls.entry(item.collection, item.slug) for item in items]
    writing = parallel.in_fork(lambda: spool.stream_as(WHOLE_INDEX, partial(index.write_json, refs=routes)), enabled=split)
    ordered = sorted(index.terms, key=js_order)
    shards = [(shard[0][0], spool.json("shard", shard)) for shard in pack_shards(term_rows(index, ordered))]
    terms = spool.json("terms", ordered)
    equivalents = equivalent_finder(typed=True).table(index.terms)
    kept = {entry[0] for entry in equivalents}
    indexed_words = [word for word in index.words() if word not in kept]  # (no text has them: not the catalog's words)
    sorted_words = sorted(indexed_words, key=js_order)
    english_key = "english " + _digest(*sorted_words, "\1", *ordered)  # (what common_words_near reads, as sets)
    english = memo.get(english_key, lambda: common_words_near(indexed_words, index.terms, indexed_form, stem), list)
    spelt = sorted({*english, *(one_word_names(indexed_form) - set(indexed_words))})  # (abbreviations the catalog lacks too)
    places = unknown_place_names(indexed_form, indexed_words)
    words = spool.json("words", {"words": sorted_words, "english": spelt, "places": places})
    chunks = [spool.json("documents", [result_document(item, url_maker) for item in items[start:start + DOCUMENT_CHUNK]])
              for start in range(0, len(items), DOCUMENT_CHUNK)]
    rows = spool.json("facets", facet_rows(items))
    manifest = spool.json("manifest", {
        "fields": index.field_names, "positions": index.position_fields, "pipeline": index.search_pipeline, "documentCount": len(items),
        "shards": [[first, url_maker.href(route)] for first, (route, _) in shards], "terms": url_maker.href(terms[0]),
        "words": url_maker.href(words[0]),
        "chunkSize": DOCUMENT_CHUNK, "chunks": [url_maker.href(route) for route, _ in chunks], "facets": {**facet_table(items), "rows": url_maker.href(rows[0])},
        "equivalents": equivalents, "families": family_table(set(index.terms), lambda word: stem(indexed_form(word))),
    })
    lunr_file = spool.put("lunr", ".min.js", script)
    whole_route, whole_path, whole_digest = writing()
    files = ((whole_route, whole_path), manifest, lunr_file, terms, words, rows, *(file for _, file in shards), *chunks)
    assets = SearchAssets(*(url_maker.href(route) for route in (whole_route, manifest[0], lunr_file[0])))
    return SearchBundle(files, assets, {whole_route: whole_digest})
