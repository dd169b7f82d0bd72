"""Search stage: the abbreviations and other names clinicians use for the same thing, searched as one.

A visitor types ``ICU``, ``POCUS`` or ``OB/GYN``; entries say "intensive care unit",
"point-of-care ultrasound", "Obstetrics and Gynaecology" (and the other way round). Each
``Equivalent`` below is one thing: its names, and an index term of its own, its ``key`` with
a "_" after it ("icu_"), which no text holds. The index adds that term to a field wherever the
field has one of its names, as a synonym that does not count in the field's length
(``EquivalentFinder.spans``, search.build_index); the search page adds it,
at a lower boost, to a query with one of its names (search-query.js), and marks its names in
results found by it (search-results.js). So a query finds every name, an entry that has the
name typed ranks above one with only another name (it matches both the word and the term), and
the query fetches nothing more than the shard of that term, which sorts beside the key's word.

Names are compared word by word as folded (search.fold) and in American spelling, stop words
included ("obstetrics and gynecology" is not "obstetrics gynecology", which is listed too); a
word of up to three letters as written ("GP" is not the "GPS" of "GPS mapping"), a longer one
without the "s" or "ies" of a plural ("intensive care units", "countries"), not by its stem: the
stemmer makes "international" and "internal" one word, "intern", and "international medicine"
would have been internal medicine.

What is left out, and why, is part of the table: an abbreviation that also means something
else in the text of a catalog of medicine programs is either only ``typed`` (recognised in
queries, where a visitor who types it means the medical term, but not in entries' text) or
not listed at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable

KEY_MARK = "_"  # after a key: an index term that no folded word of text or query is (fold keeps "_", but no name ends in one)
SHORT = 3  # a name's word of up to this many letters is compared as written, a longer one as singular (name_word)
_PLURAL_KEPT = ("ss", "us", "is")  # "-s" endings that are no plural: "access", "pocus", "tuberculosis"


@dataclass(frozen=True)
class Equivalent:
    """One thing's names: ``names`` in text and queries, ``typed`` in queries only; ``why``: the reason and source."""

    key: str
    names: tuple[str, ...]
    why: str
    typed: tuple[str, ...] = ()
    whole: bool = False  # its names mean nothing of their words apart: "no fee" is not "fee" (EquivalentFinder.table)
    collection: str = ""  # a kind of entry: every entry of this collection holds the term (search.kind_terms), no text does

    @property
    def term(self) -> str:
        """The index term of the thing: its key and KEY_MARK ("icu_"), left alone by the stemmer."""
        return self.key + KEY_MARK


# The other names of cities (Equivalent below), with their reasons.
_CITIES: tuple[tuple[tuple[str, ...], str], ...] = (
    (("Ulaanbaatar", "Ulan Bator", "Ulan Baatar", "Ulaan Baatar"), "the Mongolian spelling and the older English one"),
    (("Kyiv", "Kiev"), "Ukrainian and Russian spellings (Kyiv since 1995 in Ukraine, 2019 in English usage)"),
    (("Lviv", "Lvov"), "Ukrainian and Russian spellings"),
    (("Odesa", "Odessa"), "Ukrainian and Russian spellings"),
    (("Mumbai", "Bombay"), "Mumbai since 1995; hospitals and universities keep Bombay (Bombay Hospital)"),
    (("Kolkata", "Calcutta"), "Kolkata since 2001; institutions keep Calcutta (Calcutta Medical College)"),
    (("Chennai", "Madras"), "Chennai since 1996; institutions keep Madras (Madras Medical College)"),
    (("Bengaluru", "Bangalore"), "Bengaluru since 2014; Bangalore is still common in English"),
    (("Ho Chi Minh City", "Ho Chi Minh", "Saigon", "HCMC"),
     "Ho Chi Minh City since 1976 (Thanh pho Ho Chi Minh), Saigon still in names and speech"),
    (("Hanoi", "Ha Noi"), "English and Vietnamese writing (Ha Noi folds from Hà Nội): one word or two"),
    (("Da Nang", "Danang"), "Vietnamese and English writing: two words or one"),
    (("Yangon", "Rangoon"), "Yangon since 1989; Rangoon in older names"),
    (("Beijing", "Peking"), "Beijing in pinyin; Peking in institutions' names (Peking Union Medical College)"),
)
CITY_NAMES: tuple[str, ...] = tuple(name for names, _ in _CITIES for name in names)  # (also place_names.py's)


# Each is in everyday clinical use in English-speaking training (US, UK and WHO usage, as the reasons say); its reason
# says what it stands for and, where a name is only typed or was left out, what else it means in a catalog's text.
EQUIVALENTS: tuple[Equivalent, ...] = (
    Equivalent("icu", ("ICU", "ICUs", "intensive care unit", "intensive care", "critical care unit", "critical care"),
               "intensive care unit; intensive care medicine is also called critical care medicine"),
    Equivalent("nicu", ("NICU", "neonatal intensive care unit", "neonatal intensive care", "neonatal ICU"),
               "neonatal intensive care unit (an ICU too: its long name holds 'intensive care unit')"),
    Equivalent("picu", ("PICU", "pediatric intensive care unit", "pediatric intensive care", "pediatric ICU"),
               "paediatric intensive care unit (British spellings are searched as American ones)"),
    Equivalent("pocus", ("POCUS", "point-of-care ultrasound", "point-of-care ultrasonography", "bedside ultrasound"),
               "point-of-care ultrasound, which emergency physicians also call bedside ultrasound"),
    Equivalent("obgyn", ("OBGYN", "OB/GYN", "obstetrics and gynecology", "obstetrics & gynecology", "obs and gynae",
                         "obs & gynae"),
               "obstetrics and gynaecology: OB/GYN and OB-GYN fold to 'ob gyn', & and / to a space; UK 'obs & gynae'",
               typed=("O&G",)),
    Equivalent("er", ("ER", "emergency department", "emergency room", "accident and emergency"),
               "emergency department: ER (US), A&E (UK); not ED, which in this catalog's texts is as often "
               "education ('med ed', Ed.D.), a name or an editor", typed=("A&E",)),
    Equivalent("em", ("emergency medicine",),
               "emergency medicine: EM only typed, as in texts 'em' is also Portuguese for 'in' (Residência em ...) "
               "and 'them'", typed=("EM",)),
    Equivalent("im", ("internal medicine",),
               "internal medicine: IM only typed, as in clinical texts IM is intramuscular ('IM ceftriaxone')",
               typed=("IM",)),
    Equivalent("gp", ("GP", "general practice", "general practitioner", "family medicine", "family practice",
                      "family physician"),
               "general practice is family medicine (WONCA: 'general practice/family medicine'); a GP practises it"),
    Equivalent("ent", ("ENT", "otolaryngology", "otorhinolaryngology", "ear nose and throat", "ear nose throat"),
               "ear, nose and throat: otolaryngology"),
    Equivalent("peds", ("peds", "pediatrics", "pediatric", "pediatrician"),
               "paediatrics: peds (US) and paeds (UK: searched as 'peds', as British spellings are)"),
    Equivalent("tb", ("TB", "tuberculosis"), "tuberculosis"),
    Equivalent("hiv", ("HIV", "human immunodeficiency virus"), "human immunodeficiency virus (not AIDS: 'aids' is a word)"),
    Equivalent("mch", ("MCH", "maternal and child health", "maternal child health", "maternal & child health"),
               "maternal and child health (WHO); maternal-child health folds to 'maternal child health'"),
    Equivalent("qi", ("quality improvement",),
               "quality improvement: QI only typed, as in texts Qi is a common Chinese surname and the qi of "
               "traditional Chinese medicine", typed=("QI",)),
    Equivalent("chw", ("CHW", "CHWs", "community health worker"), "community health worker (WHO)"),
    Equivalent("ncd", ("NCD", "NCDs", "non-communicable disease", "noncommunicable disease"),
               "non-communicable disease (WHO)"),
    Equivalent("lmic", ("LMIC", "low- and middle-income countries", "low and middle income country",
                        "low-income and middle-income countries"), "low- and middle-income countries (World Bank)"),
    Equivalent("amr", ("AMR", "antimicrobial resistance"), "antimicrobial resistance (WHO)"),
    Equivalent("physician", ("physician", "doctor", "medical doctor"),
               "a doctor of medicine: what visitors call the audience 'Physicians' ('doctors' found an institute that "
               "'trains doctors', not the observership for international physicians); MDs only typed, as 'MD' is also "
               "Moldova's code and the degree students study for ('MD students')", typed=("MDs",)),
    Equivalent("medstudent", ("medical student", "med student"),
               "the audience 'Medical students': 'med' is what students call medical ('med students' went to the "
               "similar words)"),
    Equivalent("usmle", ("USMLE", "United States Medical Licensing Examination"),
               "the US licensing examination international graduates take"),
    Equivalent("usa", ("USA", "United States", "United States of America"),
               "the United States: 'U.S.' and 'U.S.A.' fold to 'usa' (search.INITIAL_WORDS), and the query 'US' is searched "
               "as 'usa'; a text's 'US' is the stop word 'us' once folded, so it is not a name here"),
    Equivalent("st", ("St", "saint"), "'St.' is 'Saint' in the names of hospitals and colleges (St. Paul's)"),
    Equivalent("img", ("international medical graduate", "foreign medical graduate", "international physician",
                       "foreign physician", "international doctor", "foreign doctor"),
               "a physician who qualified abroad (ECFMG's 'international medical graduate', formerly 'foreign medical "
               "graduate'; 'international physicians' in US observership programs); IMG and FMG only typed, as in texts "
               "'img' may be an image",
               typed=("IMG", "IMGs", "FMG", "FMGs")),
    Equivalent("telemedicine", ("telemedicine", "telehealth", "tele-medicine", "tele-health"),
               "care at a distance: WHO uses telemedicine and telehealth for the same services (telehealth the wider)"),
    Equivalent("nofee", ("no fee", "no fees", "no tuition", "tuition free", "fee free", "free of charge",
                         "no cost", "no charge", "without fee", "without fees"),
               "an elective the learner pays nothing to take (an amount of 0 is indexed as its page shows it, 'No fee (0 USD)'); "
               "'free' only typed, as in texts it is as often 'smoke-free', 'free time' or 'free clinic'; a query's "
               "'no fee' means no word 'fee' (whole)",
               typed=("free",), whole=True),
    Equivalent("stipend", ("stipend", "stipends", "salary", "salaried"),
               "a place that pays the learner; 'paid' only typed ('paid elective', 'paid fellowship'), as in texts it is "
               "what the learner pays ('paid by the student'), which the word itself still finds",
               typed=("paid",)),
    *(Equivalent(names[0].lower().replace(" ", ""), names, "a city's other name: " + why) for names, why in _CITIES),
    # The kinds of entry (collection): a visitor who types "electives asia", "partners in kenya" or "projects in peru"
    # means that kind, as "free" means what costs nothing; in texts the words are mostly something else (a partner
    # "hosts electives", a project "works with partners", is "seeking partners"), so they are only typed, meant as the
    # term alone. "program(s)" is left out: the bundled catalog's electives, partners and projects all say it.
    Equivalent("elective", (), "an opportunity a person applies to (the electives, clerkships, observerships, "
               "residency rotations and fellowships of /electives/); not 'rotation', which is as often the guide "
               "('Planning an International Rotation') as a residency rotation, found by its format",
               typed=("elective", "electives"), collection="electives"),
    Equivalent("project", (), "a project, program or activity of /projects/", typed=("project", "projects"),
               collection="projects"),
    Equivalent("partner", (), "a partner institution of /partners/ (universities, hospitals, ministries…: 'hospitals' "
               "stays a word, as projects' texts name the hospitals they work in)",
               typed=("partner", "partners", "institution", "institutions", "partner institution"), collection="partners"),
)
# The cities are the few whose other name a catalog and a visitor are both likely to write (Bombay Hospital, a visitor's
# Mumbai); a country's other names are its places' (site_gen/countries.py: Ivory Coast, Burma, Swaziland, Turkey, Czech
# Republic), so they are not here.
# Left out on purpose: ED (education, 'med ed'), MS (multiple sclerosis, Master of Science, Ms., medical student),
# OR (a stop word), OT (operating theatre or occupational therapy), AIDS and WASH (English words), OB alone.

# The term of each kind of entry, by collection (search.kind_terms adds it to each entry of the collection).
KIND_TERMS: dict[str, str] = {equivalent.collection: equivalent.term for equivalent in EQUIVALENTS if equivalent.collection}


def one_word_names(folded: Callable[[str], str]) -> set[str]:
    """Every name of one word (``folded`` as search.fold folds it), those only typed too ("icu", "img", "saigon"): the
    typo retry takes none for a misspelling (search.py adds those the catalog lacks to the word list's spelt words), as
    "IMG" in a catalog without an international medical graduate listed entries with "im" or "ing" as similar words."""
    words = (folded(name).split() for equivalent in EQUIVALENTS for name in _names(equivalent, True))
    return {parts[0] for parts in words if len(parts) == 1}


def name_word(word: str) -> str:
    """A folded word as names are compared: "=" and the word, up to SHORT letters ("=gp"); a longer one as singular
    ("units": "unit", "countries": "country"); nameWord in search-query.js."""
    if len(word) <= SHORT:
        return "=" + word
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and not word.endswith(_PLURAL_KEPT) else word


def _names(equivalent: Equivalent, typed: bool) -> tuple[str, ...]:
    return (*equivalent.names, *equivalent.typed) if typed else equivalent.names


class EquivalentFinder:
    """Finds the equivalents named in folded text (its words, as search.fold gives them).

    ``folded``: how a name is folded into words (search.fold); ``respelled``: a folded word as the index
    spells it (search.respell). ``typed``: also the names only recognised in queries (for the search page's table).
    """

    def __init__(self, folded: Callable[[str], str], respelled: Callable[[str], str],
                 equivalents: Iterable[Equivalent] = EQUIVALENTS, typed: bool = False) -> None:
        self._respelled = respelled
        self._words: dict[str, str] = {}  # folded word -> how names' words are compared (name_word)
        self.forms: dict[str, list[tuple[str, ...]]] = {}  # term -> its names, as compared
        self._by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        self.meant_from: dict[str, int] = {}  # term -> the number of its first form whose words a query means as the term
        for equivalent in equivalents:
            for name in _names(equivalent, typed):
                form = tuple(map(self.name_word, folded(name).split()))
                if form not in self.forms.setdefault(equivalent.term, []):
                    if equivalent.whole or name not in equivalent.names:
                        self.meant_from.setdefault(equivalent.term, len(self.forms[equivalent.term]))
                    self.forms[equivalent.term].append(form)
                    self._by_first.setdefault(form[0], []).append((form, equivalent.term))
        self._firsts = frozenset(self._by_first)
        self._triggers: set[str] = set()  # folded words seen that start some name
        self._seen: set[str] = set()

    def name_word(self, word: str) -> str:
        """A folded word as names are compared (name_word), in American spelling."""
        found = self._words.get(word)
        if found is None:
            found = self._words[word] = name_word(self._respelled(word))
        return found

    def spans(self, words: list[str]) -> list[tuple[str, int, int]]:
        """Where a field's folded words name an equivalent: (its term, first word number, last), every name found,
        overlapping ones too ("neonatal intensive care unit": NICU's and ICU's), but not one inside a longer name of
        the same term ("intensive care" in "intensive care unit": ICU once)."""
        distinct = set(words)
        for word in distinct - self._seen:  # (most words were seen before: a set difference is quick)
            self._seen.add(word)
            if self.name_word(word) in self._firsts:
                self._triggers.add(word)
        if self._triggers.isdisjoint(distinct):
            return []
        found = []
        for start, word in enumerate(words):
            if word not in self._triggers:
                continue
            for form, term in self._by_first[self.name_word(word)]:
                end = start + len(form)
                if end <= len(words) and all(self.name_word(words[at]) == part for at, part in zip(range(start + 1, end), form[1:])):
                    found.append((term, start, end - 1))
        return [span for span in found if not any(
            other != span and other[0] == span[0] and other[1] <= span[1] and span[2] <= other[2] for other in found)]

    def terms_in(self, text: str) -> list[str]:
        """The terms of the equivalents that folded text names, each once, in the order they first appear."""
        return list(dict.fromkeys(term for term, _, _ in self.spans(text.split())))

    def table(self, terms: Iterable[str]) -> list[list[object]]:
        """For the search page's manifest: [term, [name as compared, words joined by spaces, ...]] of the terms given, and
        a third item when a query means some names' words as the term alone (search-query.js: useMeantNames): the number
        of the first of those, the names only typed ("free", "IM") or every name of a ``whole`` equivalent ("no fee")."""
        kept = set(terms)
        return [[term, [" ".join(form) for form in forms], *([self.meant_from[term]] if term in self.meant_from else [])]
                for term, forms in self.forms.items() if term in kept]
