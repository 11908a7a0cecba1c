"""Write the place names claimex ships (models/places.json) from an installed `pycountry` wheel.

    pip install pycountry==26.2.16 && python benchmarks/places_iso3166_export.py

pycountry carries the ISO 3166 tables of Debian's iso-codes (LGPL-2.1+, see models/places.LICENSE): every
country (ISO 3166-1: its name, common name and official name) and every subdivision (ISO 3166-2). claimex
keeps the countries and the first-level states, provinces, territories and regions, whose names read the same
in English news, and reads them as a plain list: the wheel adds about 23 MB to an install and a quarter of a
second to every start, where this file adds 30 kB and a few milliseconds.
"""

from __future__ import annotations

import json
from importlib.metadata import version
from pathlib import Path

MODELS = Path(__file__).resolve().parent.parent / "models"
FIRST_LEVEL = {"State", "Province", "Territory", "Region", "Country", "Union territory", "Federal district"}
GENERIC_WORDS = {"Capital", "Central", "Centre", "East", "Eastern", "Islands", "North", "Northern", "South",
                 "Southern", "West", "Western"}
"""Subdivision names that are also everyday words in an organisation's name (`Centre for ...`)."""
ABBREVIATIONS = ["U.K.", "U.S.", "UK", "US", "USA"]
"""The countries' abbreviations news writes inside names (`US State Department`); two-letter ISO codes are left
out, most being words as well (`IT`, `IN`, `AT`)."""


def main() -> None:
    import pycountry

    countries = {name for country in pycountry.countries
                 for name in (country.name, getattr(country, "common_name", None),
                              getattr(country, "official_name", None)) if name}
    subdivisions = {s.name for s in pycountry.subdivisions
                    if s.parent_code is None and s.type in FIRST_LEVEL and s.name not in GENERIC_WORDS}
    lexicon = {
        "_doc": "Place names the entities stage finds inside organisations' names (src/claimex/entities_places.py): "
                f"ISO 3166-1 country names and ISO 3166-2 first-level subdivision names, from pycountry "
                f"{version('pycountry')} by benchmarks/places_iso3166_export.py (licence: models/places.LICENSE), "
                "and the abbreviations of countries news writes in names.",
        "countries": sorted(countries),
        "subdivisions": sorted(subdivisions - countries),
        "abbreviations": ABBREVIATIONS,
    }
    (MODELS / "places.json").write_text(json.dumps(lexicon, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
