"""Names that are none of a person, an organisation or a place: products (vehicles, craft) named by their kind, the
names of government offices, codes with digits the model takes for a country or city, and words without a capital."""

from __future__ import annotations

import pytest

from claimex.entities import find_entities


def listed(nlp, text: str) -> set[str]:
    return {e.text for e in find_entities(nlp(text))}


@pytest.mark.parametrize(
    ("text", "absent", "kept"),
    [
        ("Space Shuttle Endeavour landed in Florida on Monday.", {"Space Shuttle Endeavour"}, {"Florida"}),
        ("The agency said Space Shuttle Discovery would go to a museum in Virginia.", {"Space Shuttle Discovery"},
         {"Virginia"}),
        ("The cruise ship, Oriana, docked in Malta.", {"Oriana"}, {"Malta"}),
        ("Engineers at the Space Shuttle Program in Houston said the orbiter was safe.", {"Space Shuttle Program"},
         {"Houston"}),
    ],
)
def test_entities_a_vehicle_named_by_its_kind_is_no_person_organisation_or_place(nlp, text, absent, kept):
    found = listed(nlp, text)
    assert not absent & found and kept <= found, found


@pytest.mark.parametrize(
    ("text", "absent", "kept"),
    [
        # A code with a digit is no country or city.
        ("Microsoft urged users to move from IE6 to a newer browser.", "IE6", "Microsoft"),
        ("About 12 percent of users in China still run IE6, the firm said.", "IE6", "China"),
        # Words without a capital letter are no name.
        ("Scientists should aim for jargon-free writing, Ortiz said.", "jargon", "Ortiz"),
        ("Researchers counted vehicle miles driven in Ohio.", "vehicle miles", "Ohio"),
    ],
)
def test_entities_what_is_no_name_is_left_out_and_the_names_beside_it_kept(nlp, text, absent, kept):
    found = listed(nlp, text)
    assert absent not in found and kept in found, found


ARTICLE = """Retired orbiters go on show

Space Shuttle Atlantis will stay in Florida, the space agency said on Tuesday. Atlantis flew its last mission \
in July.

Space Shuttle Endeavour goes to a museum in Los Angeles. Endeavour was built to replace Space Shuttle Challenger, \
which was lost in 1986.

"These ships belong to the country," said Maria Ortiz, a spokeswoman for the agency."""


def test_entities_an_article_about_orbiters_lists_no_orbiter(nlp):
    found = find_entities(nlp(ARTICLE))
    texts = {e.text for e in found}
    assert not {"Space Shuttle Atlantis", "Atlantis", "Space Shuttle Endeavour", "Endeavour",
                "Space Shuttle Challenger"} & texts, texts
    assert {"Florida", "Los Angeles", "Maria Ortiz"} <= texts, texts


@pytest.mark.parametrize(
    ("text", "absent", "kept"),
    [
        ("The Home Secretary said the plan would work.", {"Home"}, set()),
        ("Labour's Shadow Home Secretary attacked the plan.", {"Shadow Home"}, {"Labour"}),
        ("The Secretary of State met the envoy in Cairo.", {"State"}, {"Cairo"}),
        ("The Minister of Education resigned on Monday.", {"Education"}, set()),
        ("The Department of State issued a warning.", set(), {"Department of State"}),
        ("The Secretary of the Treasury spoke in Ohio.", set(), {"Treasury", "Ohio"}),
    ],
)
def test_entities_the_name_of_a_government_office_is_no_organisation(nlp, text, absent, kept):
    found = listed(nlp, text)
    assert not absent & found and kept <= found, found


def test_entities_the_director_of_an_organisation_leaves_it_an_organisation(nlp):
    found = {(e.text, e.label) for e in find_entities(nlp("The director of NASA spoke to reporters."))}
    assert ("NASA", "ORG") in found, found
