"""The content schema: one pydantic model per collection, declared once.

These models drive validation, the ``new`` command's templates, the JSON Schema
export and the contributors' field reference. Field order is the order people
see in templates and docs.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag, TypeAdapter, ValidationError, model_validator

from .fieldtypes import (
    Amount,
    Boolean,
    CostText,
    Branch,
    CountryCode,
    country_code_for,
    CurrencyCode,
    DateOrYear,
    Email,
    BaseUrl,
    HttpUrl,
    RepositoryUrl,
    IsoDate,
    LanguageTag,
    HostSlug,
    PartnerSlug,
    Slug,
    Summary,
    Tag as TagText,
    Text,
    Title,
    Count,
    Weeks,
    Year,
    enum,
    fail,
    list_of,
)

PARTNER_KINDS = ("university", "hospital", "clinic", "ministry", "ngo", "government", "foundation", "other")
PROJECT_KINDS = ("education", "training", "research", "consultation", "capacity-building", "clinical-care")
PROJECT_STATUSES = ("planned", "active", "completed")
SEEKING = ("collaborators", "funding", "faculty", "trainees", "partners")
CATEGORIES = ("clinical", "community-health", "research")
FORMATS = ("elective", "clerkship", "observership", "residency-rotation", "fellowship")
DIRECTIONS = ("outbound", "inbound")
AUDIENCES = ("medical-student", "resident", "fellow", "physician", "nurse", "public-health", "other")


class Strict(BaseModel):
    """Base for every model: unknown fields are errors, values are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class SiteConfig(Strict):
    """Settings of the whole site, from ``content/site.yaml``."""

    title: Annotated[Text, Field(description="Site name, shown in every page title.", examples=["Global Health Programs Catalog"])]
    description: Annotated[Text, Field(description="One or two sentences: the meta description and the feed subtitle.", examples=["Projects, partners and electives of the Office of International Medicine."])]
    base_url: Annotated[BaseUrl, Field(description="Where the site is published; may include a path. Every link works under it.", examples=["https://org.github.io/catalog/"])]
    language: Annotated[LanguageTag, Field(description="BCP 47 language tag of the content (`<html lang>`).", examples=["en"])] = "en"
    contact_email: Annotated[Email | None, Field(description="Email address of the office, shown in the footer.", examples=["global@example.edu"])] = None
    disclaimer: Annotated[Text | None, Field(description="Shown on every elective page: the catalog lists organisations it does not endorse.", examples=["Listing is not endorsement."])] = None
    repository: Annotated[RepositoryUrl | None, Field(description="Source repository URL; enables 'Edit this page' and 'Suggest an update' links.", examples=["https://github.com/org/catalog"])] = None
    branch: Annotated[Branch, Field(description="Branch the edit links point at.", examples=["main"])] = "main"


class Entry(Strict):
    """Fields every entry has, in every collection."""

    title: Annotated[Title, Field(description="Name of the entry, 3–200 characters.", examples=["Pediatrics Elective in Kigali"])]
    summary: Annotated[Summary, Field(description="One or two plain sentences (at most 300 characters) for cards, search results and the meta description.", examples=["Four weeks on the paediatric wards of a teaching hospital."])]
    tags: Annotated[list_of(TagText, "[maternal health, surgery]", max_items=50), Field(description="Free topics; each gets a /topics/<tag>/ page.", examples=[["maternal health", "global surgery"]])] = ()
    updated: Annotated[IsoDate | None, Field(description="Date of the last meaningful change (YYYY-MM-DD), not after today; orders the feed.", examples=["2026-08-14"])] = None
    draft: Annotated[Boolean, Field(description="true keeps the entry out of the published site (it is still checked).", examples=[False])] = False

    @property
    def is_published(self) -> bool:
        return not self.draft


class Page(Entry):
    """A free page: about, resources, planning guide, disclaimer."""


class Partner(Entry):
    """An institution abroad that the office works with."""

    kind: Annotated[enum(*PARTNER_KINDS), Field(description="What sort of institution it is.", examples=["hospital"])]
    country: Annotated[CountryCode, Field(description="ISO 3166-1 alpha-2 country code, in capitals.", examples=["CN"])]
    city: Annotated[Text | None, Field(description="City.", examples=["Nanjing"])] = None
    website: Annotated[HttpUrl | None, Field(description="The institution's website (http or https).", examples=["https://hospital.example.org"])] = None
    since: Annotated[Year | None, Field(description="Year the partnership began.", examples=[2019])] = None


class Project(Entry):
    """A project, program or activity abroad."""

    kind: Annotated[enum(*PROJECT_KINDS), Field(description="What sort of work it is.", examples=["capacity-building"])]
    status: Annotated[enum(*PROJECT_STATUSES), Field(description="Where the project stands.", examples=["active"])]
    countries: Annotated[list_of(CountryCode, "[CN]", min_items=1, max_items=250, written_as=country_code_for), Field(description="ISO alpha-2 codes of the countries where it happens (at least one).", examples=[["CN", "SA"]])]
    partners: Annotated[list_of(PartnerSlug, "[nanjing-riverside-hospital]"), Field(description="Slugs of partner files (content/partners/<slug>.md).", examples=[["nanjing-riverside-hospital"]])] = ()
    start: Annotated[DateOrYear | None, Field(description="Start: a date (YYYY-MM-DD) or a year.", examples=["2024-09-01"])] = None
    end: Annotated[DateOrYear | None, Field(description="End: a date or a year, not before start.", examples=["2027"])] = None
    lead: Annotated[Text | None, Field(description="Faculty or staff lead.", examples=["Dr. Amina Okafor"])] = None
    contact: Annotated[Email | None, Field(description="Contact email for the project.", examples=["global@example.edu"])] = None
    people_reached: Annotated[Count | None, Field(description="People trained, treated or reached (a whole number); summed in the site's figures.", examples=[1200])] = None
    funding: Annotated[Text | None, Field(description="Who funds it.", examples=["School of Medicine global health fund"])] = None
    seeking: Annotated[list_of(enum(*SEEKING), "[collaborators, funding]"), Field(description="What the project is open to; such projects appear on /collaborate/.", examples=[["collaborators", "funding"]])] = ()

    @model_validator(mode="after")
    def _end_not_before_start(self) -> "Project":
        mistake = _period_mistake(self.start, self.end)
        if mistake is not None:
            fail(mistake, at="end")
        return self

    @classmethod
    def mistakes_despite(cls, data: dict[str, Any]) -> list[tuple[str, str]]:
        """(field, message) of the rules between fields, read from front matter whose other fields have mistakes.

        pydantic runs the model's own check only when every field is valid: a
        wrong ``kind`` hid an end before the start until it was fixed.
        """
        try:
            start, end = (_DATE_OR_YEAR.validate_python(data.get(name)) for name in ("start", "end"))
        except ValidationError:
            return []
        mistake = _period_mistake(start, end)
        return [("end", mistake)] if mistake is not None else []


_DATE_OR_YEAR = TypeAdapter(DateOrYear | None)


def _period_mistake(start: date | int | None, end: date | int | None) -> str | None:
    if start is not None and end is not None and _period_key(end, True) < _period_key(start, False):
        return f"'{end}' is before start '{start}' — the end must not come before the start"
    return None


def _period_key(value: date | int, is_end: bool) -> date:
    """Compare a date or a year: a year counts as its whole span."""
    if isinstance(value, int):
        return date(value, 12, 31) if is_end else date(value, 1, 1)
    return value


class WeeksRange(Strict):
    """A duration that varies: ``{min: 4, max: 8}`` weeks."""

    min: Annotated[Weeks, Field(description="Shortest duration in weeks.")]
    max: Annotated[Weeks, Field(description="Longest duration in weeks.")]

    @model_validator(mode="after")
    def _min_not_above_max(self) -> "WeeksRange":
        if self.min > self.max:
            fail(f"min ({self.min}) is more than max ({self.max}) — swap them", at="max")
        return self


class Money(Strict):
    """A cost as an amount in a currency."""

    amount: Annotated[Amount, Field(description="Amount, a number without currency signs.")]
    currency: Annotated[CurrencyCode, Field(description="ISO 4217 currency code, e.g. USD.")]


def _shape(value: Any) -> str:
    return "mapping" if isinstance(value, dict) else "scalar"


Duration = Annotated[
    Union[Annotated[Weeks, Tag("scalar")], Annotated[WeeksRange, Tag("mapping")]],
    Discriminator(_shape),
]
Cost = Annotated[
    Union[Annotated[CostText, Tag("scalar")], Annotated[Money, Tag("mapping")]],
    Discriminator(_shape),
]


class Elective(Entry):
    """An opportunity a person can apply to."""

    category: Annotated[enum(*CATEGORIES), Field(description="The kind of international elective.", examples=["clinical"])]
    format: Annotated[enum(*FORMATS), Field(description="How it is organised.", examples=["elective"])]
    direction: Annotated[enum(*DIRECTIONS), Field(description="outbound: our learners go abroad; inbound: international scholars come to us.", examples=["outbound"])]
    audience: Annotated[list_of(enum(*AUDIENCES), "[medical-student]", min_items=1), Field(description="Who may apply (at least one).", examples=[["medical-student", "resident"]])]
    countries: Annotated[list_of(CountryCode, "[RW]", min_items=1, max_items=250, written_as=country_code_for), Field(description="ISO alpha-2 codes of the countries where it takes place.", examples=[["RW"]])]
    host: Annotated[HostSlug | None, Field(description="Slug of the host partner (content/partners/<slug>.md).", examples=["kigali-teaching-hospital"])] = None
    specialties: Annotated[list_of(TagText, "[pediatrics, surgery]", max_items=50), Field(description="Clinical or research specialties.", examples=[["pediatrics"]])] = ()
    duration_weeks: Annotated[Duration | None, Field(description="Weeks: a number, or {min: 4, max: 8}.", examples=[4, {"min": 4, "max": 8}])] = None
    cost: Annotated[Cost | None, Field(description="Cost: text, or {amount: 1200, currency: USD}; an amount of 0 is shown as \"No fee (0 USD)\".", examples=["No tuition", {"amount": 1200, "currency": "USD"}])] = None
    languages: Annotated[list_of(TagText, "[English, Spanish B2]", max_items=20), Field(description="Language requirements.", examples=[["English", "Spanish (B2)"]])] = ()
    deadline: Annotated[IsoDate | None, Field(description="Application deadline (YYYY-MM-DD); past deadlines show as closed.", examples=["2026-11-30"])] = None
    apply_url: Annotated[HttpUrl | None, Field(description="Where to apply (http or https).", examples=["https://example.edu/apply"])] = None
    contact: Annotated[Email | None, Field(description="Contact email for questions.", examples=["electives@example.edu"])] = None


ENTRY_MODELS: dict[str, type[Entry]] = {
    "partners": Partner,
    "projects": Project,
    "electives": Elective,
    "pages": Page,
}
Money.model_rebuild()
__all__ = [
    "SiteConfig", "Entry", "Page", "Partner", "Project", "Elective", "WeeksRange", "Money",
    "ENTRY_MODELS", "Decimal", "Literal",
]

# Sub-models reached through a mapping-valued field, for "did you mean" hints.
NESTED_MODELS: dict[str, type[Strict]] = {"cost": Money, "duration_weeks": WeeksRange}
