"""People, organisations and places, each carrying the canonical name of the entity it refers to."""

from __future__ import annotations

import pytest

from claimex.entities import find_entities


def names(nlp, text: str) -> list[tuple[str, str, str]]:
    return [(e.text, e.label, e.name) for e in find_entities(nlp(text))]


def test_entities_acronym_in_brackets_links_to_the_full_name(nlp):
    text = ("Observers from the Organization for Security and Co-operation in Europe (OSCE) arrived on Monday. "
            "The OSCE said the vote was fair.")
    osce = [n for t, _, n in names(nlp, text) if t == "OSCE"]
    assert osce == ["Organization for Security and Co-operation in Europe"] * 2


def test_entities_surname_carries_the_full_name(nlp):
    text = "Wolfgang Benedek led the mission. Benedek said the count was slow."
    assert ("Benedek", "PERSON", "Wolfgang Benedek") in names(nlp, text)


def test_entities_acronym_by_initials_links_to_an_earlier_organisation(nlp):
    text = "The Coastal Infrastructure Agency inspected the bridge. CIA engineers found rust."
    assert any(t == "CIA" and n == "Coastal Infrastructure Agency" for t, _, n in names(nlp, text))


@pytest.mark.parametrize(
    ("text", "mention", "label_group"),
    [
        ("Protesters gathered in Lisbon on Friday.", "Lisbon", {"GPE"}),
        ("Shares in Siemens fell on Tuesday.", "Siemens", {"ORG"}),
        ("Mayor Elena Ortiz opened the bridge.", "Elena Ortiz", {"PERSON"}),
    ],
)
def test_entities_places_organisations_people(nlp, text, mention, label_group):
    found = {t: label for t, label, _ in names(nlp, text)}
    assert found.get(mention) in label_group


def test_entities_drop_the_possessive_and_keep_offsets(nlp):
    text = "Ortiz's office confirmed the date."
    doc = nlp(text)
    [person] = [e for e in find_entities(doc) if e.label == "PERSON"]
    assert person.text == "Ortiz" and text[person.start : person.end] == "Ortiz"
