"""Benchmark input: write a deterministic synthetic catalog of N entries.

``python benchmarks/generate_catalog.py --entries 10000 --seed 1 --out /tmp/cat``
writes ``site.yaml`` and ``partners/ projects/ electives/ pages/`` with every
field of the content model, bodies of 150-600 words (headings, lists, tables,
links between entries) and valid references. Same arguments, same bytes.
"""

from __future__ import annotations

import argparse
import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pycountry

from site_gen.schema import (  # the contract's code lists, so generated entries always validate
    AUDIENCES, CATEGORIES, DIRECTIONS, FORMATS, PARTNER_KINDS, PROJECT_KINDS, SEEKING,
    PROJECT_STATUSES as STATUSES,
)

PARTNER_SHARE, PROJECT_SHARE = 0.10, 0.25
COUNTRIES = tuple(sorted(country.alpha_2 for country in pycountry.countries))
CURRENCIES = ("USD", "EUR", "GBP", "KES", "INR", "BRL", "CNY", "ZAR")
TOPICS = tuple(
    """maternal health|child health|global surgery|infectious disease|tuberculosis|malaria|hiv|mental health|
    primary care|emergency medicine|medical education|nursing|public health|nutrition|telemedicine|
    ophthalmology|oncology|cardiology|diabetes|trauma care|anaesthesia|neonatology|radiology|
    health systems|health policy|epidemiology|one health|water and sanitation|vaccination|palliative care|
    rehabilitation|dermatology|obstetrics|paediatrics|rural health|migrant health|disaster medicine|
    laboratory medicine|pharmacy|dentistry|research ethics|quality improvement|digital health|
    community health workers|non-communicable disease|antimicrobial resistance|sickle cell disease|
    neglected tropical diseases|orthopaedics|point-of-care ultrasound""".replace("\n", "").split("|")
)
SPECIALTIES = ("pediatrics", "surgery", "internal medicine", "obstetrics", "psychiatry", "family medicine",
               "emergency medicine", "infectious disease", "anaesthesia", "radiology", "pathology", "ophthalmology")
LANGUAGES = ("English", "French", "Spanish (B2)", "Portuguese", "Arabic", "Mandarin", "Swahili", "Hindi")
PLACES = ("Riverside", "Hillside", "Lakeshore", "Central", "Northern", "Coastal", "Highland", "Valley",
          "Harbour", "Union", "Memorial", "Unity", "Sunrise", "Cedar", "Baobab", "Jacaranda")
INSTITUTIONS = ("Teaching Hospital", "University", "District Hospital", "Health Centre", "Institute of Public Health",
                "Medical College", "Foundation Clinic", "Ministry of Health Office", "Children's Hospital")
CITIES = ("Kigali", "Nanjing", "Cusco", "Kumasi", "Hue", "Recife", "Pokhara", "Mbarara", "Oaxaca", "Bergen",
          "Hyderabad", "Riyadh", "Addis Ababa", "Bogotá", "Kisumu", "Madrid", "Manila", "Lusaka", "Tbilisi", "Hanoi")
FIRST = ("Amina", "Mateo", "Li", "Priya", "Kwame", "Sofia", "Omar", "Hana", "Jonas", "Chipo", "Diego", "Mei")
LAST = ("Okafor", "Quispe", "Wang", "Sharma", "Mensah", "Silva", "Haddad", "Tanaka", "Berg", "Banda", "Ruiz", "Chen")
WORDS = tuple(
    """patients clinicians training hospital community district referral ward rounds outpatient clinic
    supervision learners faculty partners research protocol consent data analysis outcomes mortality
    screening follow-up nurses midwives surgeons residents students teaching curriculum simulation skills
    assessment feedback evaluation funding equipment laboratory pharmacy supply chain transport households
    villages outreach prevention treatment diagnosis imaging ultrasound theatre anaesthesia recovery
    infection control hygiene guidelines protocols audit quality improvement leadership mentorship
    language culture respect safety accommodation visa vaccination insurance travel orientation weekly
    monthly quarterly annual report presentation conference publication manuscript ethics approval""".split()
)


@dataclass(frozen=True)
class Plan:
    """How many entries of each collection, and the partner slugs others point at."""

    partners: int
    projects: int
    electives: int
    pages: int


def plan(entries: int) -> Plan:
    """Split ``entries`` into ~10% partners, ~25% projects, a few pages, the rest electives."""
    pages = max(1, min(20, entries // 200))
    partners = max(1, round(entries * PARTNER_SHARE))
    projects = max(1, round(entries * PROJECT_SHARE))
    return Plan(partners, projects, max(1, entries - partners - projects - pages), pages)


def sentence(rng: random.Random, words: int) -> str:
    """One plain sentence of about ``words`` words."""
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def paragraph(rng: random.Random, words: int) -> str:
    """A paragraph of sentences adding up to about ``words`` words."""
    out, left = [], words
    while left > 0:
        size = min(left, rng.randint(8, 18))
        out.append(sentence(rng, size))
        left -= size
    return " ".join(out)


def body(rng: random.Random, links: list[tuple[str, str]]) -> str:
    """A 150-600 word Markdown body with headings, a list, a table and links."""
    target = rng.randint(150, 600)
    parts = [f"## Overview\n\n{paragraph(rng, target // 3)}"]
    items = "\n".join(f"- **{rng.choice(WORDS).capitalize()}**: {sentence(rng, rng.randint(5, 12))}" for _ in range(rng.randint(3, 6)))
    parts.append(f"## What it involves\n\n{items}")
    rows = "\n".join(f"| Week {week} | {sentence(rng, 4)} | {sentence(rng, 4)} |" for week in range(1, rng.randint(3, 6)))
    parts.append(f"## A typical schedule\n\n| Period | Morning | Afternoon |\n|---|---|---|\n{rows}")
    parts.append(f"## Practical information\n\n{paragraph(rng, target // 3)}")
    if links:
        refs = ", ".join(f"[{title}]({path})" for title, path in links)
        parts.append(f"See also {refs}. Questions: https://example.edu/global-health")
    ordered = "\n".join(f"{n}. {sentence(rng, rng.randint(4, 9))}" for n in range(1, rng.randint(3, 5)))
    parts.append(f"### How to prepare\n\n{ordered}")
    return "\n\n".join(parts) + "\n"


def yaml_list(values: list[str]) -> str:
    """A flow-style YAML list with every value quoted (``NO`` stays Norway)."""
    return "[" + ", ".join(f'"{value}"' for value in values) + "]"


def front_matter(fields: dict[str, str]) -> str:
    """Front matter from already-serialised YAML values, in insertion order."""
    return "---\n" + "".join(f"{key}: {value}\n" for key, value in fields.items()) + "---\n\n"


def common(rng: random.Random, title: str, summary: str) -> dict[str, str]:
    """The fields every entry has: title, summary, tags, updated (and sometimes draft)."""
    updated = date(2024, 1, 1) + timedelta(days=rng.randint(0, 1000))
    fields = {"title": f'"{title}"', "summary": f'"{summary}"',
              "tags": yaml_list(rng.sample(TOPICS, rng.randint(1, 4))), "updated": updated.isoformat()}
    if rng.random() < 0.02:
        fields["draft"] = "true"
    return fields


def partner(rng: random.Random, index: int) -> tuple[str, str, str]:
    """Return (slug, title, file text) of one partner institution."""
    city = rng.choice(CITIES)
    title = f"{rng.choice(PLACES)} {rng.choice(INSTITUTIONS)} of {city} {index}"
    slug = f"partner-{city.lower().replace(' ', '-').replace('á', 'a')}-{index}"
    fields = common(rng, title, f"A partner institution in {city}: {sentence(rng, 12)}")
    fields.pop("draft", None)  # drafts are not published: keep every reference target public
    fields |= {"kind": rng.choice(PARTNER_KINDS), "country": f'"{rng.choice(COUNTRIES)}"', "city": f'"{city}"',
               "website": f"https://partner-{index}.example.org", "since": str(rng.randint(1995, 2026))}
    return slug, title, front_matter(fields) + body(rng, [])


def project(rng: random.Random, index: int, partners: list[tuple[str, str]]) -> str:
    """Return the file text of one project pointing at a few partners."""
    chosen = rng.sample(partners, min(len(partners), rng.randint(1, 3)))
    start = rng.randint(2010, 2026)
    fields = common(rng, f"{rng.choice(TOPICS).capitalize()} project {index}", f"A project on {rng.choice(TOPICS)}: {sentence(rng, 14)}")
    fields |= {
        "kind": rng.choice(PROJECT_KINDS), "status": rng.choice(STATUSES),
        "countries": yaml_list(rng.sample(COUNTRIES, rng.randint(1, 3))),
        "partners": yaml_list([slug for slug, _ in chosen]),
        "start": f"{start}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}", "end": str(start + rng.randint(1, 6)),
        "lead": f'"Dr. {rng.choice(FIRST)} {rng.choice(LAST)}"', "contact": f"project{index}@example.edu",
        "people_reached": str(rng.randint(0, 50000)), "funding": f'"{rng.choice(PLACES)} foundation grant"',
        "seeking": yaml_list(rng.sample(SEEKING, rng.randint(0, 2))),
    }
    return front_matter(fields) + body(rng, [(title, f"../partners/{slug}.md") for slug, title in chosen])


def elective(rng: random.Random, index: int, partners: list[tuple[str, str]]) -> str:
    """Return the file text of one elective hosted by a partner."""
    host, host_title = rng.choice(partners)
    low = rng.randint(2, 8)
    fields = common(rng, f"{rng.choice(SPECIALTIES).capitalize()} {rng.choice(FORMATS)} {index}", f"An opportunity in {rng.choice(SPECIALTIES)}: {sentence(rng, 14)}")
    fields |= {
        "category": rng.choice(CATEGORIES), "format": rng.choice(FORMATS), "direction": rng.choice(DIRECTIONS),
        "audience": yaml_list(rng.sample(AUDIENCES, rng.randint(1, 3))),
        "countries": yaml_list(rng.sample(COUNTRIES, rng.randint(1, 2))), "host": host,
        "specialties": yaml_list(rng.sample(SPECIALTIES, rng.randint(1, 3))),
        "duration_weeks": f"{{min: {low}, max: {low + rng.randint(0, 8)}}}" if rng.random() < 0.5 else str(low),
        "cost": f"{{amount: {rng.randint(0, 5000)}, currency: {rng.choice(CURRENCIES)}}}" if rng.random() < 0.7 else '"No tuition"',
        "languages": yaml_list(rng.sample(LANGUAGES, rng.randint(1, 2))),
        "deadline": (date(2025, 1, 1) + timedelta(days=rng.randint(0, 900))).isoformat(),
        "apply_url": f"https://example.edu/apply/{index}", "contact": f"electives{index}@example.edu",
    }
    return front_matter(fields) + body(rng, [(host_title, f"../partners/{host}.md")])


def page(rng: random.Random, index: int) -> str:
    """Return the file text of one free page."""
    return front_matter(common(rng, f"Guide {index}", sentence(rng, 12))) + body(rng, [])


SITE_YAML = """\
title: Synthetic Benchmark Catalog
description: A generated catalog of partners, projects and electives for measuring build speed.
base_url: https://example.org/catalog/
language: en
contact_email: global@example.edu
disclaimer: Listing is not endorsement.
repository: https://github.com/example/catalog
branch: main
"""


def generate(entries: int, seed: int, out: Path) -> Plan:
    """Write the catalog into ``out`` (created if missing) and return its plan."""
    rng = random.Random(seed)
    counts = plan(entries)
    out.mkdir(parents=True, exist_ok=True)
    (out / "site.yaml").write_text(SITE_YAML, encoding="utf-8")
    for folder in ("partners", "projects", "electives", "pages"):
        (out / folder).mkdir(exist_ok=True)
    partners = []
    for index in range(counts.partners):
        slug, title, text = partner(rng, index)
        partners.append((slug, title))
        (out / "partners" / f"{slug}.md").write_text(text, encoding="utf-8")
    for index in range(counts.projects):
        (out / "projects" / f"project-{index}.md").write_text(project(rng, index, partners), encoding="utf-8")
    for index in range(counts.electives):
        (out / "electives" / f"elective-{index}.md").write_text(elective(rng, index, partners), encoding="utf-8")
    for index in range(counts.pages):
        (out / "pages" / f"guide-{index}.md").write_text(page(rng, index), encoding="utf-8")
    return counts


def main() -> None:
    """Command line: ``--entries N --seed S --out DIR``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=1000, help="number of entries (default 1000)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--out", type=Path, required=True, help="catalog folder to write")
    args = parser.parse_args()
    counts = generate(args.entries, args.seed, args.out)
    print(f"wrote {counts.partners} partners, {counts.projects} projects, {counts.electives} electives, {counts.pages} pages to {args.out}")


if __name__ == "__main__":
    main()
