"""Field types of the content schema: convert raw YAML strings by field type.

Every converter takes what the load stage produced (str, None, list or dict)
and returns a typed value or raises a ``PydanticCustomError`` whose message is
written for contributors. Nothing is coerced from a value of the wrong shape.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Annotated, Any, Callable, Literal, TypeVar
from urllib.parse import SplitResult, quote, urlsplit, urlunsplit

import email_validator
import pycountry
from pydantic import AfterValidator, BeforeValidator, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from .countries import code_named
from .slugs import SLUG_PATTERN, SLUG_RE as _SLUG_RE, suggest_slug, tag_slug
from .suggest import CURLY_QUOTES, did_you_mean

T = TypeVar("T")
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_YEAR_RE = re.compile(r"^\d{4}$")
_INT_RE = re.compile(r"^[+-]?\d+$")
_NUMBER_RE = re.compile(r"^\d+(\.\d+)?$")
_LANGUAGE_RE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")
_BRANCH_RE = re.compile(r"^[A-Za-z0-9._/-]+$")
COUNTRY_CODES: tuple[str, ...] = tuple(sorted(country.alpha_2 for country in pycountry.countries))
CURRENCY_CODES: tuple[str, ...] = tuple(sorted(currency.alpha_3 for currency in pycountry.currencies))
_COUNTRY_SET = frozenset(COUNTRY_CODES)
_CURRENCY_SET = frozenset(CURRENCY_CODES)


def fail(message: str, at: str | None = None) -> None:
    """Raise a contributor-facing validation error (optionally for a sub-field)."""
    raise PydanticCustomError("content", message, {"at": at} if at else None)


def quoted(value: Any) -> str:
    """Show a raw value the way a contributor typed it."""
    if isinstance(value, str):
        shown = value if len(value) <= 60 else value[:57] + "..."
        return "'" + shown.replace("\n", " ") + "'"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a set of fields"
    return "an empty value"


def _unprintable_pattern() -> re.Pattern[str]:
    """Controls (not tab or newline), C1 controls, bidirectional controls, surrogates and the non-characters of every plane."""
    ranges = ["\\x00-\\x08", "\\x0b-\\x1f", "\\x7f-\\x9f", "\\ud800-\\udfff", "\\ufdd0-\\ufdef"]
    ranges += ["\\u202a-\\u202e", "\\u2066-\\u2069"]  # bidirectional embeddings, overrides and isolates: they reorder what people see
    ranges += [f"\\U{plane:04x}fffe-\\U{plane:04x}ffff" for plane in range(17)]
    return re.compile("[" + "".join(ranges) + "]")


_UNPRINTABLE = _unprintable_pattern()


def _unprintable(text: str) -> str | None:
    """The first control, surrogate or non-character in ``text`` (tab and newline are fine)."""
    found = _UNPRINTABLE.search(text)
    return found.group() if found else None


_HIDDEN = re.compile("[\u00ad\u200b-\u200d\u2060\ufeff]")  # soft hyphen, zero-width spaces and joiners, word joiner


def _scalar(value: Any, example: str, is_text: bool = False) -> str:
    """The value as one stripped string; a code, number, date or address (not ``is_text``) in curly quotes is refused."""
    if value is None:
        fail(f"is empty — give a value, e.g. {example}")
    if isinstance(value, list) and len(value) == 1 and isinstance(value[0], str):  # 'country: [RW]'
        fail(f"expected a single value, not a list — write it without brackets: {value[0].strip()}")
    if is_text and isinstance(value, list) and len(value) > 1 and all(isinstance(item, str) for item in value):  # 'summary: [A, B]'
        written = ", ".join(item.strip() for item in value)
        fail(f"expected a single value, not a list — write it without brackets: {written if len(written) <= 60 else written[:57] + '...'}")
    if isinstance(value, dict) and len(value) == 1 and all(isinstance(part, str) for part in (*value, *value.values())):
        written = next(f"{key}: {inner}" for key, inner in value.items())  # '[surgery: general]': ': ' makes it a field
        fail(f"{quoted(written)} is read as a field because of its ': ' — put it in double quotes: \"{written}\"")
    if not isinstance(value, str):
        fail(f"expected a single value, not {quoted(value)} — e.g. {example}")
    bad = _unprintable(value)
    if bad is not None:
        fail(f"contains the invisible character U+{ord(bad):04X} — remove it")
    result = value.strip()
    if not is_text and (hidden := _HIDDEN.search(result)) is not None:  # 'RW\u200b', a soft hyphen: pasted, and unseen in the editor
        fail(f"{quoted(result)} holds the invisible character U+{ord(hidden.group()):04X} — delete it: {_HIDDEN.sub('', result)}")
    if not is_text and len(result) > 1 and (result[0] in "\"'") != (result[-1] in "\"'") and result.strip("\"'").strip():
        # ('country: SA"', 'host: "kigali-…'): one quote typed, the other missed; YAML keeps the quote as part of the value
        fail(f"{quoted(result)} has a stray quote — remove it: {result.strip(chr(34) + chr(39)).strip()}")
    if not is_text and len(result) > 1 and result[0] in CURLY_QUOTES and result[-1] in CURLY_QUOTES:
        fail(f"{quoted(result)} is in curly quotes, which YAML reads as part of the value — remove them: {result.strip(CURLY_QUOTES).strip()}")
    return result


def _typed(
    python_type: Any, convert: Callable[[Any], Any], schema: dict[str, Any], *after: Callable[[Any], Any]
) -> Any:
    return Annotated[python_type, BeforeValidator(convert), *map(AfterValidator, after), WithJsonSchema(schema)]


def text(min_length: int = 1, max_length: int = 10_000) -> Any:
    """A plain string of bounded length."""

    def convert(value: Any) -> str:
        result = _scalar(value, "'Some text'", is_text=True)
        if len(result) < min_length:
            fail(f"{quoted(result)} is too short ({len(result)} character{'' if len(result) == 1 else 's'}; at least {min_length})")
        if len(result) > max_length:
            fail(f"is too long ({len(result)} characters; at most {max_length}) — shorten it")
        return result

    return _typed(str, convert, {"type": "string", "minLength": min_length, "maxLength": max_length})


def _matching(
    pattern: re.Pattern[str], example: str, problem: str, fix: Callable[[str], str | None] = lambda written: None,
) -> Callable[[Any], str]:
    """A converter for text that must match ``pattern``; ``problem`` completes "'x' is not ...", or ``fix(x)`` where it
    knows what was meant ('English' for a language tag)."""

    def convert(value: Any) -> str:
        result = _scalar(value, example)
        if not pattern.match(result) or ".." in result:
            fail(f"{quoted(result)} is not {fix(result) or problem}")
        return result

    return convert


_LONG_HYPHENS = re.compile("[\u2010-\u2015\u2212]")  # hyphens and dashes a word processor puts for '-'


def _slug_meant(written: str) -> str | None:
    """The fix for a file name, a capitalised slug or a partner's name written where its slug belongs."""
    dash = _LONG_HYPHENS.search(written)
    if dash is not None and _SLUG_RE.match(_LONG_HYPHENS.sub("-", written)):  # a hyphen a word processor changed
        return f"a valid slug — '{dash.group()}' is not the '-' key: write '{_LONG_HYPHENS.sub('-', written)}'"
    meant = written.rstrip("/").rsplit("/", 1)[-1].removesuffix(".md").lower()
    if written and meant != written and _SLUG_RE.match(meant):
        return f"a valid slug — write the slug alone, without folder, '.md' or capitals: '{meant}'"
    if re.search(r"[A-Za-z]", written) and " " in written:
        return f"a valid slug — name the partner by its file name without '.md', e.g. '{suggest_slug(written)}'"
    return None


def _several_slugs(written: str) -> list[str]:
    """The slugs in 'a, b' or 'a b' (two partners written as one value), or [] if it is not that."""
    parts = [part for part in re.split(r"[\s,;]+", written) if part]
    return parts if len(parts) > 1 and all(_SLUG_RE.match(part) for part in parts) else []


def _host_meant(written: str) -> str | None:
    several = _several_slugs(written)
    if several:
        return f"a valid slug — an elective has one host: write the main one alone, e.g. '{several[0]}', and name the others in the text"
    return _slug_meant(written)


def _partner_meant(written: str) -> str | None:
    several = _several_slugs(written)
    if several:
        return f"a valid slug — it names {len(several)} partners: separate them with commas: [{', '.join(several)}]"
    return _slug_meant(written)




def _language_meant(written: str) -> str | None:
    """The tag for a locale written with '_' ('en_US') or for a language's name ('English')."""
    if "_" in written and _LANGUAGE_RE.match(written.replace("_", "-")):
        return f"a BCP 47 language tag — write it with a hyphen: {written.replace('_', '-')}"
    language = pycountry.languages.get(name=written) if written else None
    if language is not None and getattr(language, "alpha_2", None):
        return f"a BCP 47 language tag — write the code for {language.name}: {language.alpha_2}"
    return None


_language_tag = _matching(_LANGUAGE_RE, "en", "a BCP 47 language tag — e.g. en, fr, pt-BR", _language_meant)
_branch = _matching(_BRANCH_RE, "main", "a branch name — e.g. main")


def _country_named(written: str) -> str | None:
    """The alpha-2 code of a country written by name or by its three-letter code, if it is one."""
    named = code_named(written)  # (names ISO does not list: 'UK' is reserved, not assigned; 'Ivory Coast')
    if named is not None:
        return named
    if len(written) == 3 and written.isalpha():
        match = pycountry.countries.get(alpha_3=written.upper())
        return match.alpha_2 if match is not None else None
    for key in ("name", "common_name", "official_name"):
        match = pycountry.countries.get(**{key: written})
        if match is not None:
            return str(match.alpha_2)
    return None


_REGIONS = frozenset({"africa", "asia", "europe", "oceania", "global", "worldwide", "international", "multiple", "various", "online",
                      "east africa", "west africa", "sub-saharan africa", "latin america", "south america", "central america",
                      "north america", "middle east", "southeast asia", "south asia", "caribbean"})


def _flag_code(written: str) -> str | None:
    """'RW' for the flag 🇷🇼 (two regional indicator letters)."""
    if len(written) == 2 and all("\U0001F1E6" <= char <= "\U0001F1FF" for char in written):
        code = "".join(chr(ord(char) - 0x1F1E6 + ord("A")) for char in written)
        return code if code in _COUNTRY_SET else None
    return None


def _country(value: Any) -> str:
    result = _scalar(value, "CN")
    if result not in _COUNTRY_SET:
        hint = ""
        several = [part.upper() for part in re.split(r"[\s;/-]+", result) if part]  # ('RW - BI': a list item indented too far)
        named = _country_named(result)
        if result.upper() in _COUNTRY_SET:
            hint = f" — write it in capitals: '{result.upper()}'"
        elif named is not None and len(result) == 3 and result.isupper() and code_named(result) is None:
            hint = f" — use the two-letter code '{named}'"
        elif named is not None:
            hint = f" — use the code '{named}' for {result}"
        elif len(several) > 1 and all(part in _COUNTRY_SET for part in several):
            hint = f" — separate the codes with commas: [{', '.join(several)}]"
        elif (flag := _flag_code(result)) is not None:
            hint = f" — write the code of the flag's country: {flag}"
        elif result.lower() in _REGIONS:
            hint = " — name each country by its own code, e.g. RW"
        elif len(found := {code for part in re.split(r"[,()]", result) if (code := country_code_for(part)) in _COUNTRY_SET}) == 1:
            hint = f" — write the code alone: {found.pop()}"  # ('Kigali, Rwanda', 'Rwanda (RW)')
        fail(f"{quoted(result)} is not an ISO 3166-1 alpha-2 country code{hint}")
    return result


def country_code_for(written: str) -> str:
    """The code to suggest for a country as written: 'China' -> 'CN', 'cn' -> 'CN' (unchanged when unknown)."""
    written = written.strip()
    if written.upper() in _COUNTRY_SET:
        return written.upper()
    return _country_named(written) or written


# Signs that name one currency ('$' and '¥' name several, so get no hint).
_CURRENCY_SIGNS = {"€": "EUR", "£": "GBP", "US$": "USD", "USD$": "USD", "₹": "INR", "₦": "NGN", "₵": "GHS", "KSH": "KES",
                   "KSHS": "KES", "R$": "BRL", "₱": "PHP", "₫": "VND", "₩": "KRW", "₺": "TRY", "CHF.": "CHF"}


def _currency(value: Any) -> str:
    result = _scalar(value, "USD")
    if result not in _CURRENCY_SET:
        symbol = _CURRENCY_SIGNS.get(result.upper())
        hint = (f" — write it in capitals: '{result.upper()}'" if result.upper() in _CURRENCY_SET
                else f" — write the code: {symbol}" if symbol else " — e.g. USD, EUR, KES")
        fail(f"{quoted(result)} is not an ISO 4217 currency code{hint}")
    return result


@lru_cache(maxsize=4096)
def is_email(text: str) -> bool:
    """Whether email_validator accepts ``text`` as an address, kept per address: a catalog names its offices' addresses in many entries."""
    try:
        email_validator.validate_email(text, check_deliverability=False)
    except email_validator.EmailNotValidError:
        return False
    return True


_ADDRESS_IN_TEXT = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def _email_hint(written: str) -> str:
    """The fix for an address written with other text: 'Dr. Doe (doe@x.edu)', 'x@y.edu.', 'a@x.edu; b@x.edu', 'x[at]y.edu'."""
    spelt = re.sub(r"\s*[\[(]at[\])]\s*", "@", written.strip(), flags=re.IGNORECASE)
    found = list(dict.fromkeys(address.rstrip(".") for address in _ADDRESS_IN_TEXT.findall(spelt) if is_email(address.rstrip("."))))
    if len(found) > 1:
        return f"give one address: {found[0]}"
    if found and found[0] != written:
        return f"write the address alone: {found[0]}"
    joined = re.sub(r"\s*@\s*", "@", written)
    if joined != written and is_email(joined):
        return f"remove the space: {joined}"
    if re.match(r"https?://", written):
        return "give an email address here, e.g. name@example.edu (a web page is not one)"
    return "e.g. name@example.edu"


def _email(value: Any) -> str:
    result = _scalar(value, "name@example.edu")
    if not is_email(result):
        inner = re.fullmatch(r"(?:mailto:(.+)|[^<>]*<([^<>]+)>)", result.strip(), re.IGNORECASE)
        address = next((part for part in inner.groups() if part), "") if inner else ""
        if address and is_email(address.strip()):
            fail(f"{quoted(result)} is not a valid email address — write the address alone: {address.strip()}")
        fail(f"{quoted(result)} is not a valid email address — {_email_hint(result)}")
    return result


# A host name as written in a link, after IDNA: labels of letters, digits, '-' and '_' (an
# IPv4 address is one too); a bracketed IPv6 address is checked by ``urlsplit`` itself.
_HOST_NAME_RE = re.compile(r"^[a-z0-9_-]+(\.[a-z0-9_-]+)*\.?$")


def host_problem(value: str) -> str | None:
    """What is wrong with the host or port of an http(s) URL, if anything: "an invalid host name", "an invalid port"."""
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number from 0 to 65535
    except ValueError:
        return "an invalid host name or port"
    host = parts.hostname or ""
    if parts.netloc.rpartition("@")[2].startswith("["):
        return None  # (an IPv6 address: urlsplit refuses an invalid one)
    try:
        ascii_host = host.encode("idna").decode("ascii")
    except UnicodeError:
        return "an invalid host name"
    return None if _HOST_NAME_RE.match(ascii_host) else "an invalid host name"


def _http_url(value: Any, example: str = "give a full http(s) URL, e.g. https://example.edu/page") -> str:
    result = _scalar(value, "https://example.edu/page")
    try:
        parts = urlsplit(result)
    except ValueError:
        fail(f"{quoted(result)} has an invalid host name — {example}")
    if result.startswith("<") and result.endswith(">") and len(result) > 2:  # <https://…>, as Markdown writes a bare address
        fail(f"{quoted(result)} is not a web address — write it without '<' and '>': {result[1:-1].strip()}")
    if parts.scheme in ("http", "https") and parts.netloc and " " not in parts.netloc and " " in result.strip():
        fail(f"{quoted(result)} has a space in it — write each space as %20: {result.strip().replace(' ', '%20')}")
    if parts.scheme not in ("http", "https") or not parts.netloc or any(ch.isspace() for ch in result):
        words = re.fullmatch(r"[\w\s?!-]+", result) is not None  # ('TBD', 'see website': no address at all; every caller's field is optional)
        hint = _scheme_hint(result) or (f"{example}, or leave the field out" if words else example)
        fail(f"{quoted(result)} is not a web address — {hint}")
    if "@" in parts.netloc:  # https://example.org@other.example/ leads to other.example
        fail(f"{quoted(result)} holds a user name before '@', so the link would lead to {parts.hostname or 'another site'} — {example}")
    problem = host_problem(result)
    if problem is not None:
        fail(f"{quoted(result)} has {problem} — {example}")
    return result


def _scheme_hint(written: str) -> str | None:
    """'add https:// in front: https://x.org/…' for an address written without its scheme, or with 'https//'."""
    text = written.strip()
    missing_colon = re.match(r"(https?)//", text, re.IGNORECASE)
    if missing_colon:
        return f"write '{missing_colon.group(1).lower()}://': {missing_colon.group(1).lower()}://{text[len(missing_colon.group()):]}"
    host = text.split("/", 1)[0]
    if not re.search(r"\s|:", text) and re.fullmatch(r"[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+", host):
        return f"add https:// in front: https://{text}"
    addresses = re.findall(r"https?://[^\s,;]+", text)
    if len(addresses) > 1:  # 'https://a.org, https://b.org'
        return f"give one address: {addresses[0]}"
    if is_email(text):
        return "give a web address here, e.g. https://example.edu/page (an email address is not one)"
    return None


def _repository_url(value: Any) -> str:
    """A repository's own address: the edit links add '/edit/<branch>/<file>' and '/issues/new?…' to it."""
    example = "give the repository's address, e.g. https://github.com/org/catalog"
    result = _http_url(value, example)
    parts = urlsplit(result)
    if parts.query or parts.fragment or "?" in result or "#" in result:
        fail(f"{quoted(result)} has a '?' or '#' part, which every edit link would carry — {example}")
    if not parts.path.strip("/"):
        fail(f"{quoted(result)} names a site, not a repository — {example}")
    if parts.path.rstrip("/").endswith(".git"):
        fail(f"{quoted(result)} is the address to clone, not the repository's page — write it without '.git', e.g. {result.rstrip('/')[:-4]}")
    owner_and_name = _repository_root(parts)
    if owner_and_name is not None:
        fail(f"{quoted(result)} is a page inside the repository — write the repository's own address: {owner_and_name}")
    if _on_github(parts) and len(parts.path.strip("/").split("/")) < 2:
        fail(f"{quoted(result)} names an account, not a repository — {example}")
    return result


def _on_github(parts: SplitResult) -> bool:
    return (parts.hostname or "").lower() in ("github.com", "www.github.com")


def _repository_root(parts: SplitResult) -> str | None:
    """The repository's address when ``parts`` is a page inside it, as the browser shows one (GitHub's
    '/org/catalog/tree/main', GitLab's '/group/catalog/-/tree/main'), else None: the edit links add
    '/edit/<branch>/<file>' to the repository's address."""
    segments = parts.path.split("/")
    if _on_github(parts) and len([segment for segment in segments if segment]) > 2:
        cut = 3
    elif "-" in segments:  # (GitLab's routes; no group or project is named '-')
        cut = segments.index("-")
    else:
        return None
    return urlunsplit(parts._replace(path="/".join(segments[:cut])))


def normal_base_url(value: str) -> str:
    """The site's base URL as every link is made from it: ASCII (IDNA host, %-escaped path), ending in '/'.

    ``ValueError`` with a message for people when it cannot be a base URL.
    """
    example = "e.g. https://org.github.io/catalog/"
    try:
        parts = urlsplit(value)
    except ValueError:
        raise ValueError(f"{quoted(value)} has an invalid host name — {example}") from None
    if parts.scheme not in ("http", "https") or not parts.hostname or any(char.isspace() for char in value):
        raise ValueError(f"{quoted(value)} is not a web address — {_scheme_hint(value) or 'give a full http(s) URL, ' + example}")
    if parts.query or parts.fragment or "?" in value or "#" in value:
        raise ValueError(f"{quoted(value)} has a '?' or '#' part — give only the address the site lives at, {example}")
    if parts.username is not None or parts.password is not None:
        raise ValueError(f"{quoted(value)} holds a user name or password — remove it, {example}")
    problem = host_problem(value)
    if problem is not None:
        raise ValueError(f"{quoted(value)} has {problem} — {example}")
    if _has_empty_or_dot_segment(parts.path):
        # (a base path '//' makes '//static/x.js', which browsers fetch from a host named 'static')
        raise ValueError(f"{quoted(value)} has an empty, '.' or '..' part in its path — write each folder once, {example}")
    host = parts.hostname.encode("idna").decode("ascii")
    if parts.netloc.rpartition("@")[2].startswith("["):
        host = f"[{parts.hostname}]"  # (an IPv6 address keeps its brackets)
    port = f":{parts.port}" if parts.port is not None else ""
    path = quote(parts.path or "/", safe="/%!$&'()*+,;=:@-._~")
    return f"{parts.scheme}://{host}{port}{path if path.endswith('/') else path + '/'}"


def _has_empty_or_dot_segment(path: str) -> bool:
    """'//', '/./' or '/../' in a URL path ('%2e' counts as '.', as browsers read it; one final '/' is no segment)."""
    if path in ("", "/"):
        return False
    segments = path.split("/")[1:]
    inner = segments[:-1] if path.endswith("/") else segments
    return any(segment.lower().replace("%2e", ".") in ("", ".", "..") for segment in inner)


def _base_url(value: Any) -> str:
    result = _scalar(value, "https://org.github.io/catalog/")
    try:
        return normal_base_url(result)
    except ValueError as error:
        fail(str(error))
    raise AssertionError("unreachable")


_MONTHS = {name: number for number, names in enumerate([
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"), ("july", "jul"),
    ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"), ("december", "dec")], start=1) for name in names}
_NUMERIC_DATE_RE = re.compile(r"(\d{1,4})[-/.](\d{1,2})[-/.](\d{1,4})")
_WORDS_DATE_RE = re.compile(r"(?:(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?|([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?),?\s+(\d{4})")


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _dates_meant(written: str) -> list[str]:
    """The real dates a date written another way may mean: '2026/3/1', 'March 1, 2026', '30/11/2026' (two for '01/03/2026')."""
    text = written.strip().lower()
    found = _NUMERIC_DATE_RE.fullmatch(text)
    if found:
        first, second, third = (int(part) for part in found.groups())
        if len(found.group(1)) == 4:
            meant = [_iso(first, second, third)]
        elif len(found.group(3)) == 4:
            meant = [_iso(third, second, first), _iso(third, first, second)]  # (day first, or month first)
        else:
            meant = []
        return list(dict.fromkeys(day for day in meant if day))
    found = _WORDS_DATE_RE.fullmatch(text)
    if found:
        day, month = (found.group(1), found.group(2)) if found.group(1) else (found.group(4), found.group(3))
        meant_day = _iso(int(found.group(5)), _MONTHS.get(month, 0), int(day)) if month in _MONTHS else None
        return [meant_day] if meant_day else []
    return []


def _date_hint(written: str) -> str:
    """What follows "write it as YYYY-MM-DD" for a date written another way: the date meant, or an example."""
    meant = _dates_meant(_LONG_HYPHENS.sub("-", written))  # ('2026–11–30': long dashes from a word processor)
    if len(meant) == 1:
        return f": {meant[0]}"
    if len(meant) == 2:
        return f": {meant[0]} or {meant[1]}, whichever you mean"
    if re.match(r"\d{4}-\d{2}-\d{2}[T ]", written):
        return f", the date alone: {written[:10]}"
    dates = re.findall(r"\b\d{4}-\d{2}-\d{2}\b", written)
    if len(dates) > 1:  # two cycles' deadlines
        return f", one date only: {dates[0]}"
    if re.fullmatch(r"\d{8}", written) and _iso(int(written[:4]), int(written[4:6]), int(written[6:])):
        return f": {_iso(int(written[:4]), int(written[4:6]), int(written[6:]))}"
    if re.fullmatch(r"[34]\d{4}", written):  # a spreadsheet's day number (days since 1899-12-30), pasted from a cell
        return f": {date(1899, 12, 30) + timedelta(days=int(written))} (a spreadsheet's number for that date)"
    month = _month_meant(written)
    if month is not None:  # 'May 2026', '2026-05': the day is missing
        year, number = month
        last = (date(year + number // 12, number % 12 + 1, 1) - timedelta(days=1)).day
        return f", with the day: {year}-{number:02d}-DD, e.g. {year}-{number:02d}-{last} for the end of the month"
    return ", e.g. 2026-03-01" + ("" if re.search(r"\d", written) else ", or leave the field out")


_MONTH_YEAR_RE = re.compile(r"([a-z]+)\.?,?\s+(\d{4})|(\d{4})[-/.](\d{1,2})|(\d{1,2})[-/.](\d{4})")


def _month_meant(written: str) -> tuple[int, int] | None:
    """(year, month) of a month written without its day ('May 2026', 'may, 2026', '2026-05', '05/2026'), else None."""
    found = _MONTH_YEAR_RE.fullmatch(written.strip().lower())
    if found is None:
        return None
    if found.group(1):
        number = _MONTHS.get(found.group(1), 0)
        year = int(found.group(2))
    else:
        year, number = (int(found.group(3)), int(found.group(4))) if found.group(3) else (int(found.group(6)), int(found.group(5)))
    return (year, number) if 1 <= number <= 12 and 1 <= year <= 9999 else None


def _date(value: Any) -> date:
    result = _scalar(value, "2026-03-01")
    if not _DATE_RE.match(result):
        fail(f"{quoted(result)} is not a date — write it as YYYY-MM-DD{_date_hint(result)}")
    try:
        return date.fromisoformat(result)
    except ValueError:
        fail(f"{quoted(result)} is not a real date — check the month and day")
    raise AssertionError("unreachable")


def _year(value: Any) -> int:
    result = _scalar(value, "2019")
    if not _YEAR_RE.match(result):
        first = re.match(r"(\d{4})\D", result)  # '2019-2020', '2014-03-01': the year it began
        fail(f"{quoted(result)} is not a year — " + (f"write the year alone: {first.group(1)}" if first else "write four digits, e.g. 2019"))
    return int(result)


def _date_or_year(value: Any) -> date | int:
    result = _scalar(value, "2026-03-01 or 2026")
    if _YEAR_RE.match(result):
        return _year(result)
    if _DATE_RE.match(result) or _dates_meant(result):
        return _date(result)
    years = re.findall(r"(?<!\d)\d{4}(?!\d)", result)
    if len(years) == 1:  # 'Fall 2024', '2021-01'
        fail(f"{quoted(result)} is not a date or a year — write the year alone: {years[0]}, or a date as YYYY-MM-DD")
    fail(f"{quoted(result)} is not a date or a year — write a date as YYYY-MM-DD or a year, e.g. 2024"
         + ("" if re.search(r"\d", result) else ", or leave the field out"))
    raise AssertionError("unreachable")


_RANGE_RE = re.compile(r"\s*(\d+)\s*(?:-|–|to)\s*(\d+)\s*(?:weeks?)?\s*", re.IGNORECASE)
_WITH_UNIT_RE = re.compile(r"\s*(\d+)\s*weeks?\s*", re.IGNORECASE)


def _whole_number(minimum: int, example: int, ranges: bool = False) -> Callable[[Any], int]:
    """Digits only, at least ``minimum``; with ``ranges``, "4-8" and "4 weeks" are told how to write them."""
    def convert(value: Any) -> int:
        result = _scalar(value, str(example))
        if not _INT_RE.match(result):
            range_written = _RANGE_RE.fullmatch(result) if ranges else None
            unit_written = _WITH_UNIT_RE.fullmatch(result) if ranges else None
            if range_written:
                fail(f"{quoted(result)} is not a whole number — write a range as {{min: {range_written.group(1)}, max: {range_written.group(2)}}}")
            if unit_written:
                fail(f"{quoted(result)} is not a whole number — write the number alone: {unit_written.group(1)}")
            if re.fullmatch(r"\d{1,3}(?:[, ]\d{3})+", result):  # '1,200': thousands written as people write them
                fail(f"{quoted(result)} is not a whole number — write the digits alone: {re.sub(r'[, ]', '', result)}")
            numbers = re.findall(r"\d+", result)
            if not ranges and len(numbers) == 1:  # '~500', '500+', 'about 500', '236 physicians'
                fail(f"{quoted(result)} is not a whole number — write the number alone: {numbers[0]}")
            fail(f"{quoted(result)} is not a whole number — write digits only, e.g. {example}")
        if len(result.lstrip("+-").lstrip("0")) > 10:  # (int() refuses more than 4,300 digits; no count needs eleven)
            fail(f"{quoted(result)} is too {'small' if result.startswith('-') else 'large'} — it must be {minimum} to 1000000000")
        number = int(result)
        if number < minimum:
            fail(f"{number} is too small — it must be {minimum} or more")
        if number > 10**9:
            fail(f"{number} is too large — it must be at most 1000000000")
        return number

    return convert


_AMOUNT_WRITTEN_RE = re.compile(r"(?:[$€£¥]|[A-Z]{3})?\s*(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*(?:[A-Z]{3}|[$€£¥])?")


def _amount(value: Any) -> Decimal:
    result = _scalar(value, "1200")
    if not _NUMBER_RE.match(result):
        found = _AMOUNT_WRITTEN_RE.fullmatch(result)  # '$1,200', '850 USD', 'KES 10,000': the number is there
        if found:
            fail(f"{quoted(result)} is not an amount — write the number alone: {found.group(1).replace(',', '')}{found.group(2) or ''}")
        fail(f"{quoted(result)} is not an amount — write a number without currency signs or commas, e.g. 1200 or 99.50")
    try:
        number = Decimal(result)
    except InvalidOperation:
        fail(f"{quoted(result)} is not an amount")
    if number > 10**9:
        fail(f"{quoted(result)} is too large — it must be at most 1000000000")
    return number


def _boolean(value: Any) -> bool:
    result = _scalar(value, "true")
    if result.lower() in ("true", "false"):
        return result.lower() == "true"
    fail(f"{quoted(result)} is not true or false — write true or false")
    raise AssertionError("unreachable")


def enum(*values: str) -> Any:
    """One value out of a fixed list, with a did-you-mean hint."""

    def convert(value: Any) -> str:
        result = _scalar(value, values[0])
        if result not in values:
            fail(f"{quoted(result)} is not one of: {', '.join(values)}{did_you_mean(result, values)}")
        return result

    return Annotated[Literal[values], BeforeValidator(convert)]  # type: ignore[valid-type]


_ITEM_SEPARATORS = re.compile(r"[,;•·▪◦\t]")


def list_of(item: Any, example: str, min_items: int = 0, max_items: int = 1000, written_as: Callable[[str], str] = str.strip) -> Any:
    """A YAML list of ``item`` values: never a bare scalar, no duplicates.

    ``written_as`` turns each comma-separated part of a bare scalar into the item to
    suggest in brackets (a country's name into its code).
    """

    def require_list(value: Any) -> list[Any]:
        if isinstance(value, list):
            if len(value) > max_items:
                fail(f"has {len(value):,} items; at most {max_items:,} are allowed")
            return value
        if value is None:  # ('tags:' and nothing after it: an optional list may also be left out)
            fail(f"is empty — write a list, e.g. {example}" + ("" if min_items else ", or delete the line"))
        shown = quoted(value)
        if isinstance(value, str):
            # (commas, or the semicolons and bullets of a list pasted from a document; the first five items show the way)
            parts = [part for part in _ITEM_SEPARATORS.split(value, 5) if part.strip()]
            suggested = ", ".join(written_as(part) for part in parts[:5]) + (", …" if len(parts) > 5 else "")
            fail(f"{shown} is not a list — write it in brackets: [{suggested}]")
        fail(f"expected a list, not {shown} — e.g. {example}")
        raise AssertionError("unreachable")

    def check_items(values: list[Any]) -> list[Any]:
        if len(values) < min_items:
            fail(f"is empty — list at least {min_items}, e.g. {example}")
        seen: set[Any] = set()
        for value in values:
            if value in seen:
                fail(f"{quoted(str(value))} is listed twice — keep one")
            seen.add(value)
        return values

    bounds = {"maxItems": max_items, "uniqueItems": True} | ({"minItems": min_items} if min_items else {})  # JSON Schema only
    return Annotated[list[item], BeforeValidator(require_list), AfterValidator(check_items), Field(json_schema_extra=bounds)]


Text = text()


def _money_as_list(value: Any) -> Any:
    """Refuse an amount and a currency written as a list (``cost: [1200, USD]``): the mapping is what is meant."""
    if isinstance(value, list) and len(value) == 2 and all(isinstance(part, (str, int, float)) for part in value):
        parts = [str(part).strip() for part in value]
        amounts = [part for part in parts if re.fullmatch(r"\d+(?:\.\d+)?", part.replace(",", ""))]
        codes = [part for part in parts if re.fullmatch(r"[A-Za-z]{3}", part)]
        if len(amounts) == 1 and len(codes) == 1:
            fail(f"an amount and a currency are written as fields, not a list — write: {{amount: {amounts[0].replace(',', '')}, currency: {codes[0].upper()}}}")
    return value


CostText = Annotated[Text, BeforeValidator(_money_as_list)]  # (a cost's text; a mapping is an amount in a currency)
def _has_letters(value: str) -> str:
    if not any(unicodedata.category(char)[0] in "LN" for char in value):
        fail(f"{quoted(value)} has no letters or digits — write words people can read")
    return value


# The titles of the templates contributors copy (content/_templates/): a file pasted unchanged.
TEMPLATE_TITLES = frozenset({"new elective", "new project", "new partner", "new page"})


def _not_a_placeholder(value: str) -> str:
    if value.casefold() in TEMPLATE_TITLES:
        fail(f"{quoted(value)} is the template's placeholder — write the entry's own title (and replace the other examples)")
    return value


Title = Annotated[text(3, 200), AfterValidator(_has_letters), AfterValidator(_not_a_placeholder)]
Summary = Annotated[text(1, 300), AfterValidator(_has_letters)]
# A topic page's folder is named after its tag's slug, and file systems refuse names
# over 255 bytes: 100 letters of many scripts take 2 to 4 bytes each in UTF-8.
MAX_TAG_SLUG_BYTES = 200


def _has_slug(value: str) -> str:
    slug = tag_slug(value)
    if not slug:
        fail(f"{quoted(value)} has no letters or digits — a tag names a topic, e.g. 'maternal health'")
    if len(slug.encode("utf-8")) > MAX_TAG_SLUG_BYTES:
        fail(f"{quoted(value)} is too long for the address of its topic page ({len(slug.encode('utf-8'))} bytes in UTF-8;"
             f" at most {MAX_TAG_SLUG_BYTES}) — shorten it")
    return value


Tag = Annotated[text(1, 100), AfterValidator(_has_slug)]


def _slug_type(meant: Callable[[str], str | None]) -> Any:
    """A slug field whose hint for a wrong value comes from ``meant``."""
    convert = _matching(_SLUG_RE, "'nanjing-riverside-hospital'", "a valid slug — use lower-case letters, digits and single hyphens", meant)
    return _typed(str, convert, {"type": "string", "pattern": SLUG_PATTERN})


Slug = _slug_type(_slug_meant)
HostSlug = _slug_type(_host_meant)  # (two partners in one value: an elective has one host)
PartnerSlug = _slug_type(_partner_meant)  # (two partners in one value: separate them)
CountryCode = _typed(str, _country, {"type": "string", "enum": list(COUNTRY_CODES)})
CurrencyCode = _typed(str, _currency, {"type": "string", "enum": list(CURRENCY_CODES)})
Email = _typed(str, _email, {"type": "string", "format": "email"})
HttpUrl = _typed(str, _http_url, {"type": "string", "format": "uri", "pattern": "^https?://"})
RepositoryUrl = _typed(str, _repository_url, {"type": "string", "format": "uri", "pattern": "^https?://[^/?#]+/[^?#]*[^?#/][^?#]*$"})
BaseUrl = _typed(str, _base_url, {"type": "string", "format": "uri", "pattern": "^https?://[^?#]*$"})
IsoDate = _typed(date, _date, {"type": "string", "format": "date"})
Year = _typed(int, _year, {"type": "integer", "minimum": 1000, "maximum": 9999})
DateOrYear = _typed(
    date | int,
    _date_or_year,
    {"anyOf": [{"type": "string", "format": "date"}, {"type": "integer", "minimum": 1000, "maximum": 9999}]},
)
Count = _typed(int, _whole_number(0, 1200), {"type": "integer", "minimum": 0})
Weeks = _typed(int, _whole_number(1, 4, ranges=True), {"type": "integer", "minimum": 1})
Amount = _typed(Decimal, _amount, {"type": "number", "minimum": 0})
Boolean = _typed(bool, _boolean, {"type": "boolean"})
LanguageTag = _typed(str, _language_tag, {"type": "string", "pattern": _LANGUAGE_RE.pattern})
Branch = _typed(str, _branch, {"type": "string", "pattern": _BRANCH_RE.pattern})
