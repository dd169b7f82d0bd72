"""Search stage: the words of medicine that are one family but not one stem, searched as related words.

lunr's Porter stemmer keeps ``surgery`` (``surgeri``), ``surgical`` (``surgic``) and ``surgeon``
apart, as it does ``anesthesia`` and ``anesthesiology``, ``cardiac`` and ``cardiology``,
``psychiatric`` and ``psychiatry``: a visitor who typed one missed the entries that only say
another. Swapping the stemmer for a more aggressive one is ruled out (lunr.js stems queries in the
browser with its own, which the index must match, and a stronger stemmer joins unrelated words too),
so this is a table written for the purpose: each family is a specialty (or a field of care), its
adjective and the clinicians who practise it, as English-language training names them. Words of one
stem already (``pediatric`` and ``pediatrics``, ``obstetric`` and ``obstetrics``, ``radiologic`` and
``radiology``, British spellings, which are indexed as American ones) need no entry; a family is
listed for the stems it joins.

The manifest holds the stems of each family one of whose stems the catalog's index has
(``family_table``): the search page adds, to a word whose stem is in one, the other
stems at a lower boost, as related words, which do not count as the word (search-query.js,
useFamilies): the entries with the word itself come first, and the status says so ("the 4 with
the word itself first", or "No entry has “surgical”. Showing results for related words
(“surgery”)"). Left out on purpose: ``medical``/``medicine`` and ``clinic``/``clinical``/
``clinician`` (in nearly every entry: a related word would list the whole catalog), and
synonyms that are not one word's family (``vaccine`` and ``immunization``).
"""

from __future__ import annotations

from typing import Callable, Collection

FAMILIES: tuple[tuple[str, ...], ...] = (
    ("surgery", "surgical", "surgeon"),
    ("neurosurgery", "neurosurgical", "neurosurgeon"),
    ("anesthesia", "anesthesiology", "anesthesiologist", "anesthetist", "anesthetic"),
    ("pediatrics", "pediatrician"),
    ("obstetrics", "obstetrician"),
    ("gynecology", "gynecologist"),
    ("psychiatry", "psychiatric", "psychiatrist"),
    ("psychology", "psychologist"),
    ("cardiology", "cardiac", "cardiologist"),
    ("orthopedics", "orthopedist"),
    ("radiology", "radiologist"),
    ("oncology", "oncologist"),
    ("neurology", "neurologist"),
    ("dermatology", "dermatologist"),
    ("urology", "urologist"),
    ("nephrology", "nephrologist"),
    ("ophthalmology", "ophthalmologist", "ophthalmic"),
    ("pathology", "pathologist"),
    ("hematology", "hematologist"),
    ("endocrinology", "endocrinologist"),
    ("gastroenterology", "gastroenterologist"),
    ("pulmonology", "pulmonologist"),
    ("neonatology", "neonatal", "neonatologist"),
    ("epidemiology", "epidemiologist"),
    ("pharmacy", "pharmacist"),
    ("pharmacology", "pharmacologist"),
    ("dentistry", "dental", "dentist"),
    ("midwifery", "midwife", "midwives"),
    ("physiotherapy", "physiotherapist"),
    ("nutrition", "nutritionist"),
    ("infection", "infectious"),
    ("trauma", "traumatic"),
)


def family_stems(words: tuple[str, ...], stem_of: Callable[[str], str]) -> list[str]:
    """The distinct stems of a family's words (``stem_of``: a word as the index stems it, folded and respelled), sorted."""
    return sorted({stem_of(word) for word in words})


def family_table(terms: Collection[str], stem_of: Callable[[str], str],
                 families: tuple[tuple[str, ...], ...] = FAMILIES) -> list[list[str]]:
    """For the search page's manifest: the stems of each family of which the index holds one (``terms``).

    All its stems, not only those held: a query for a word the catalog lacks ("anesthesiology") finds its family by its
    stem, and looks for the others ("anesthesia"); a family none of whose stems is held would find nothing.
    """
    table = []
    for words in families:
        stems = family_stems(words, stem_of)
        if any(stem in terms for stem in stems):
            table.append(stems)
    return table
