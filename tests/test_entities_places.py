"""A country, state or province named inside an organisation's name is listed as a place of its own."""

from __future__ import annotations

import pytest

from claimex.entities import find_entities


def labelled(nlp, text: str) -> set[tuple[str, str]]:
    return {(e.text, e.label) for e in find_entities(nlp(text))}


@pytest.mark.parametrize(
    ("text", "organisation", "place"),
    [
        ("Researchers at the University of Manitoba found the gene.", "University of Manitoba", "Manitoba"),
        ("The United Kingdom Home Office rejected the claims.", "United Kingdom Home Office", "United Kingdom"),
        ("A spokesman for the US State Department declined to comment.", "US State Department", "US"),
        ("Staff at the Massachusetts Institute of Technology built the robot.",
         "Massachusetts Institute of Technology", "Massachusetts"),
    ],
)
def test_entities_a_place_inside_an_organisations_name_is_listed_too(nlp, text, organisation, place):
    found = labelled(nlp, text)
    assert {(organisation, "ORG"), (place, "GPE")} <= found, found


@pytest.mark.parametrize(
    ("text", "organisation"),
    [
        ("She works for the Centre for Disease Control.", "Centre for Disease Control"),
        ("Members of the Institute of Physics met on Monday.", "Institute of Physics"),
    ],
)
def test_entities_an_organisation_whose_words_name_no_country_or_state_holds_no_place(nlp, text, organisation):
    found = labelled(nlp, text)
    assert (organisation, "ORG") in found and not {label for _, label in found} - {"ORG"}, found


ARTICLE = """Universities sign climate pact

OTTAWA — Scientists from the University of Manitoba and the Massachusetts Institute of Technology signed a pact \
on Monday to share ice-core data.

"The data belong to everyone," said Jane Doe, a glaciologist at the University of Manitoba. The US State \
Department welcomed the pact in a statement."""


def test_entities_an_article_lists_the_places_its_universities_and_ministries_name(nlp):
    found = labelled(nlp, ARTICLE)
    places = {text for text, label in found if label == "GPE"}
    assert {"Manitoba", "Massachusetts", "US"} <= places, found
    assert ("Jane Doe", "PERSON") in found, found


@pytest.mark.parametrize(
    ("text", "person", "later"),
    [
        ("Valentina Paris, a nurse from Perth, told the court she had not been paid for two years. Paris said the "
         "agency kept her passport.", "Valentina Paris", "Paris"),
        ("Valentina Paris, 34, says the agency kept her passport. Paris now lives in Perth.", "Valentina Paris",
         "Paris"),
    ],
)
def test_entities_a_name_the_model_split_into_two_places_is_a_person(nlp, text, person, later):
    found = find_entities(nlp(text))
    assert (person, "PERSON") in {(e.text, e.label) for e in found}, found
    assert {e.label for e in found if e.text == later} == {"PERSON"}, found
    assert ("Perth", "GPE") in {(e.text, e.label) for e in found}, found


def test_entities_a_city_before_the_person_it_names_stays_a_place(nlp):
    found = [(e.text, e.label) for e in find_entities(nlp("She flew from Paris to meet Valentina Paris, 34, in Perth."))]
    assert found[0] == ("Paris", "GPE"), found
