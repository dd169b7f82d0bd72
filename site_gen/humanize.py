"""Field values as people read them: dates, durations, costs, deadlines, labels."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import Any

import pycountry

from .schema import Elective, Money, WeeksRange

LABELS: dict[str, str] = {
    "medical-student": "Medical students",
    "resident": "Residents",
    "fellow": "Fellows",
    "physician": "Physicians",
    "nurse": "Nurses",
    "public-health": "Public health professionals",
    "other": "Other professionals",
    "community-health": "Community health",
    "residency-rotation": "Residency rotation",
    "capacity-building": "Capacity building",
    "clinical-care": "Clinical care",
    "ngo": "NGO",
    "outbound": "Outbound (our learners abroad)",
    "inbound": "Inbound (international scholars)",
}


def label(value: str) -> str:
    """Return the human label of an enum value ("residency-rotation" -> "Residency rotation")."""
    return LABELS.get(value) or value.replace("-", " ").capitalize()


def long_date(value: date | int) -> str:
    """"1 March 2026" (a bare year stays a year)."""
    if isinstance(value, int):
        return str(value)
    return f"{value.day} {value:%B %Y}"


def weeks(duration: int | WeeksRange | None) -> str:
    """"4 weeks", "1 week" or "4–8 weeks"."""
    if duration is None:
        return ""
    if isinstance(duration, WeeksRange):
        if duration.min == duration.max:
            return weeks(duration.min)
        return f"{duration.min}–{duration.max} weeks"
    return f"{duration} week{'s' if duration != 1 else ''}"


def amount(value: Decimal) -> str:
    """"1,200", "99.50" or "0.125": never fewer decimals than written (some currencies have three)."""
    if value == value.to_integral_value():
        return f"{int(value):,}"
    exponent = value.as_tuple().exponent
    places = max(2, -exponent) if isinstance(exponent, int) else 2
    return f"{value:,.{places}f}"


def cost(value: str | Money | None) -> str:
    """"1,200 USD", "No fee (0 USD)" for an amount of nothing (shown as "0 USD"), or the text as written."""
    if value is None:
        return ""
    if isinstance(value, Money):
        written = f"{amount(value.amount)} {value.currency}"
        return f"No fee ({written})" if value.amount == 0 else written
    return value


_CEFR_LEVEL = re.compile(r"^(?P<language>.+?) (?P<level>[ABC][12])$")


def language(text: str) -> str:
    """A language requirement by name: "es" -> "Spanish", "English C1" -> "English (level C1)"."""
    code = _language_code(text)
    if code is not None:
        return re.sub(r" \(.*\)$", "", str(code.name))  # ('Swahili (macrolanguage)', 'Modern Greek (1453-)')
    match = _CEFR_LEVEL.match(text)
    return f"{match['language']} (level {match['level']})" if match else text


def _language_code(text: str) -> Any:
    """The language a code written in lower case names ("es", "spa"), or None.

    A code of three letters counts only for a language that also has one of two: ISO 639-3
    gives one to thousands of languages, and with them to words ("any" is Anyin, "tbd" Kaki Ae).
    """
    if not text.islower() or len(text) not in (2, 3):
        return None
    code = pycountry.languages.get(**{"alpha_2" if len(text) == 2 else "alpha_3": text})
    return code if code is not None and hasattr(code, "alpha_2") else None


def deadline_state(elective: Elective, today: date) -> str:
    """"open" (deadline today or later), "closed", or "rolling" (no deadline)."""
    if elective.deadline is None:
        return "rolling"
    return "open" if elective.deadline >= today else "closed"


# Beyond about three months a count of days says less than the date ("Closes in 516 days"):
# static/js/deadline.js has the same bound.
COUNTED_DAYS = 90


def deadline_text(elective: Elective, today: date) -> str:
    """"Closes in 12 days", "Closes today", "Closes on 29 February 2028", "Closed on 1 March 2026", "Rolling admissions"."""
    deadline = elective.deadline
    if deadline is None:
        return "Rolling admissions"
    days = (deadline - today).days
    if days < 0:
        return f"Closed on {long_date(deadline)}"
    if days == 0:
        return "Closes today"
    if days == 1:
        return "Closes tomorrow"
    if days > COUNTED_DAYS:
        return f"Closes on {long_date(deadline)}"
    return f"Closes in {days} days"


def count_of(count: int, singular: str, plural: str | None = None) -> str:
    """"1 entry", "3 entries": a count with its noun in the right number."""
    return f"{count:,} {singular if count == 1 else (plural or singular + 's')}"


@lru_cache(maxsize=65536)
def sort_key(text: str) -> str:
    """Text as people expect it ordered in a list: case and accents ignored ("Åland" among the A's, not after "Zambia").

    Memoised: every listing and filter page sorts the same titles again.
    """
    if text.isascii():
        return text.casefold()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.category(char).startswith("M"))
