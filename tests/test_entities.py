"""People, organisations and places, each carrying the canonical name of the entity it refers to."""

from __future__ import annotations

import pytest

import claimex
from claimex.entities import find_entities
from claimex.output import CLAIM_COLUMNS
from claimex.schema import MENTION_FIELDS, Claim, Sentence


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


def mentions_of(records, field: str) -> list[str]:
    return [mention.text for record in records for mention in getattr(record, field)]


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Afghan officials met American diplomats and Muslim leaders in Kabul on Monday.", {"Afghan", "American", "Muslim"}),
        ("Protests by Catholics and Protestants filled the square in Belfast.", {"Catholics", "Protestants"}),
    ],
)
def test_entities_nationalities_and_groups_are_not_organisations(text, absent):
    [sentence] = claimex.extract_sentences(text)
    assert not absent & set(mentions_of([sentence], "organisations"))


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Germany said on Tuesday that it would send more aid.", "Germany"),
        ("Brazil beat Sweden 2-0 in the final on Sunday.", "Sweden"),
    ],
)
def test_entities_a_country_acting_as_government_or_team_stays_a_place(text, place):
    [sentence] = claimex.extract_sentences(text)
    assert place in mentions_of([sentence], "places") and place not in mentions_of([sentence], "organisations")


@pytest.mark.parametrize(
    ("text", "field", "name"),
    [
        ("The United States National Security Council met on Monday to discuss the crisis.", "organisations",
         "United States National Security Council"),
        ("Lee Cheuk-yan of the Labour Party won the seat in the election.", "people", "Lee Cheuk-yan"),
        ("Delegates from the United Nations arrived in Geneva on Monday.", "organisations", "United Nations"),
        ("NASA Administrator\n\nCharles Bolden spoke at the launch on Monday.", "people", "Charles Bolden"),
        ("Officials said Priya\u00a0Nair had left the union in March.", "people", "Priya\u00a0Nair"),
        ("Officials at the Maritime and Transport Workers Union said the strike would go on.", "organisations",
         "Maritime and Transport Workers Union"),
        ("The Arts and Crafts Council of Ireland met in Dublin on Monday.", "organisations",
         "Arts and Crafts Council of Ireland"),
        ("The Federal\u2009Bureau of Investigation opened an inquiry on Monday.", "organisations",
         "Federal\u2009Bureau of Investigation"),
    ],
)
def test_entities_keep_the_name_whole_without_article_or_line_break(text, field, name):
    found = mentions_of(claimex.extract_sentences(text), field)
    assert name in found
    assert not any("\n" in mention or mention.lower().startswith("the ") for mention in found)


def test_entities_a_name_in_scraped_text_has_the_plain_name_of_its_typed_form():
    text = "Officials said Priya\u00a0Nair had left the union. Priya Nair returned to the union in May."
    people = [mention for sentence in claimex.extract_sentences(text) for mention in sentence.people]
    assert [(text[p.start:p.end], p.name) for p in people][:2] == [("Priya\u00a0Nair", "Priya Nair"),
                                                                   ("Priya Nair", "Priya Nair")]


def test_entities_two_organisations_joined_by_and_stay_two():
    found = mentions_of(claimex.extract_sentences("Google and Microsoft Corp said they would appeal the fine."),
                        "organisations")
    assert "Google" in found and not any(" and " in mention for mention in found)


def test_entities_capitalised_article_inside_a_sentence_is_kept_but_not_in_the_name(nlp):
    text = "The photographs were lent by The Andy Warhol Foundation last year."
    [foundation] = [e for e in find_entities(nlp(text)) if e.label == "ORG"]
    assert text[foundation.start : foundation.end] == foundation.text
    assert foundation.name == "Andy Warhol Foundation" and foundation.text.endswith("Andy Warhol Foundation")


@pytest.mark.parametrize(
    "text",
    [
        "Saudi Arabia's Civil Defense Authority said the fire was out by noon.",
        "Google's engineers fixed the bug on Friday.",
        "U.S. President Donald Trump's administration denied visas to the team from Kabul.",
    ],
)
def test_entities_never_hold_a_possessive(nlp, text):
    found = find_entities(nlp(text))
    assert found and not any(ending in e.text for e in found for ending in ("'s", "’s"))
    assert all(text[e.start : e.end] == e.text for e in found)


@pytest.mark.parametrize(
    ("text", "repeat", "name", "count"),
    [
        ("Marty Rathbun left the church in 2004. Rathbun's blog drew thousands of readers.",
         "Rathbun", "Marty Rathbun", 1),
        ("Judge Ruth Whitmore heard the case. Whitmore adjourned it until June.", "Whitmore", "Ruth Whitmore", 1),
        ("The Andy Warhol Foundation lent the photographs. Andy Warhol took them in 1970.",
         "Andy Warhol", "Andy Warhol", 2),
        # a surname the tagger read as a common noun inside a sentence
        ("Ruth Waters, the museum's curator, welcomed the guests. Later in the evening, Waters showed them the "
         "archive.", "Waters", "Ruth Waters", 1),
    ],
)
def test_entities_a_person_named_elsewhere_is_found_again_even_inside_a_longer_name(nlp, text, repeat, name, count):
    people = [e for e in find_entities(nlp(text)) if e.label == "PERSON" and e.text == repeat]
    assert len(people) == count and {e.name for e in people} == {name}


@pytest.mark.parametrize(
    ("text", "field", "mention"),
    [
        ("Mayor Elena Ortiz said the bridge would reopen on Friday.", "people", "Elena Ortiz"),
        ("U.S. President Donald Trump's administration denied visas to the team from Kabul.", "people", "Donald Trump"),
        ("The bridge will reopen on Friday, the mayor told reporters in Lisbon on Monday.", "places", "Lisbon"),
        ("The bridge will reopen on Friday, the mayor told reporters in Lisbon on Monday.", "dates", "Monday"),
    ],
)
def test_entities_a_claim_lists_the_mentions_of_its_source_cue_and_whole_sentence(text, field, mention):
    claims = claimex.extract(text)
    assert claims and all(mention in mentions_of([claim], field) for claim in claims)


def test_entities_a_claim_lists_nothing_from_the_next_sentence():
    text = "The bridge will reopen on Friday, the mayor said. Traffic in Lisbon was quiet on Monday."
    [said] = [claim for claim in claimex.extract(text) if claim.cue is not None]
    assert mentions_of([said], "dates") == ["Friday"] and mentions_of([said], "places") == []


def test_entities_sentences_without_a_claim_keep_their_people_organisations_and_places():
    text = ("Harbour workers strike in Portvale\n\n"
            "Mayor Elena Ortiz and the Coastal Infrastructure Agency in Lisbon?\n\n"
            "Dock workers walked out yesterday, their union said.")
    sentences = claimex.extract_sentences(text)
    claimed = {claim.sentence.index for claim in claimex.extract(text)}
    [question] = [s for s in sentences if s.text.endswith("?")]
    assert question.index not in claimed
    assert mentions_of([question], "people") == ["Elena Ortiz"]
    assert mentions_of([question], "organisations") == ["Coastal Infrastructure Agency"]
    assert mentions_of([question], "places") == ["Lisbon"]


@pytest.mark.parametrize(
    ("text", "place", "date", "relative", "value"),
    [
        ("Harbour workers strike\n\nPORTVALE, March 3, 2025 — Dock workers walked out yesterday, their union said.",
         "PORTVALE", "2025-03-03", "yesterday", "2025-03-02"),
        ("Mayor opens bridge\n\nLONDON, 4 June 2024 — The mayor opened the new bridge on Monday, her office said.",
         "LONDON", "2024-06-04", "Monday", "2024-06-03"),
        ("Mayor opens bridge\n\nLONDON, 4 June 2024\n\nThe mayor opened the new bridge on Monday, her office said.",
         "LONDON", "2024-06-04", "Monday", "2024-06-03"),
    ],
)
def test_entities_the_dateline_gives_the_article_place_and_the_reference_date(text, place, date, relative, value):
    sentences = claimex.extract_sentences(text)
    [dateline] = [s.dateline for s in sentences if s.dateline is not None]
    assert (dateline.place.text, dateline.place.label, dateline.date.value) == (place, "GPE", date)
    [mention] = [d for claim in claimex.extract(text) for d in claim.dates if d.text == relative]
    assert mention.value == value


@pytest.mark.parametrize(
    "text",
    ["NATO leaders met in Brussels on Monday, officials said.", "NATO, the EU and the UN\n\nLeaders met in Brussels."],
)
def test_entities_a_line_that_only_opens_in_capitals_is_no_dateline(text):
    assert all(s.dateline is None for s in claimex.extract_sentences(text))


def test_entities_the_same_name_gets_one_label_over_the_article(nlp):
    text = "Dean Kamen founded the contest in 1989. The prize was presented by Dean Kamen on Friday."
    assert {(e.text, e.label) for e in find_entities(nlp(text))} == {("Dean Kamen", "PERSON")}


def test_entities_one_list_of_mention_fields_for_records_and_csv_columns():
    for model in (Claim, Sentence):
        fields = [name for name in model.model_fields if name in MENTION_FIELDS]
        assert tuple(fields) == MENTION_FIELDS
    assert [c for c in CLAIM_COLUMNS if c in MENTION_FIELDS] == list(MENTION_FIELDS)


@pytest.mark.parametrize(
    ("text", "site"),
    [
        ("The Museum of Flight in Seattle will show the trainer from June.", "Museum of Flight"),
        ("Engineers at the Kennedy Space Center prepared the launch on Friday.", "Kennedy Space Center"),
        ("The White House said on Monday that the talks would go on.", "White House"),
    ],
)
def test_entities_a_named_building_or_site_is_a_place_even_where_it_acts(nlp, text, site):
    found = {e.text: e.label for e in find_entities(nlp(text))}
    assert found.get(site) in ("FAC", "GPE", "LOC")


def test_entities_an_acronym_a_name_introduces_in_brackets_is_found_and_typed_as_the_name(nlp):
    text = ("Visitors to the Johnson Space Center (JSC) can see the capsule. "
            "Engineers at the Kennedy Space Center prepared the launch. KSC managers approved it on Friday.")
    acronyms = [(e.text, e.label, e.name) for e in find_entities(nlp(text)) if e.text in ("JSC", "KSC")]
    assert acronyms == [("JSC", "FAC", "Johnson Space Center"), ("KSC", "FAC", "Kennedy Space Center")]


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        ("The band Arcade Fire played two new songs on Friday.", "Arcade Fire", "ORG"),
        ("She studied at Instituto Gonzaga, a catholic school in Milan.", "Instituto Gonzaga", "ORG"),
        ("Members of the Sea Org sign a long contract. He left the Sea Org group in 2004.", "Sea Org", "ORG"),
        ("The flood reached the town of Preston before dawn.", "Preston", "GPE"),
    ],
)
def test_entities_a_kind_noun_beside_a_name_gives_its_type_over_the_article(nlp, text, name, label):
    labels = {e.label for e in find_entities(nlp(text)) if e.text == name}
    assert labels == {label}


def test_entities_a_centre_for_a_purpose_stays_an_organisation(nlp):
    text = "The Australian Centre for Control of Iodine Deficiency Disorders published the survey on Monday."
    labels = {e.label for e in find_entities(nlp(text)) if e.text.endswith("Disorders")}
    assert labels == {"ORG"}


def test_entities_a_code_with_a_digit_is_no_person(nlp):
    text = "The STS-1 crew and the STS-2 crew met Dean Kamen in Houston."
    people = [e.text for e in find_entities(nlp(text)) if e.label == "PERSON"]
    assert people == ["Dean Kamen"]


def test_entities_a_capitalised_word_the_article_also_writes_in_lower_case_is_no_person(nlp):
    text = "Aerogel is light. Engineers at the lab made the aerogel from silica, Ana Ruiz said."
    people = [e.text for e in find_entities(nlp(text)) if e.label == "PERSON"]
    assert "Aerogel" not in people


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("She won two medals at the Paralympic Games in Sochi.", "Paralympic Games"),
        ("Thousands visited the Taipei Lantern Festival on Monday.", "Taipei Lantern Festival"),
        ("Crowds filled the Toronto Comic Expo.", "Toronto Comic Expo"),
    ],
)
def test_entities_an_event_is_no_organisation_place_or_person(nlp, text, event):
    assert event not in [e.text for e in find_entities(nlp(text))]


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Cyclone Phailin reached the coast on Saturday. Phailin brought winds of 200 km/h.",
         {"Cyclone Phailin", "Phailin"}),
    ],
)
def test_entities_a_storm_named_by_its_kind_is_an_event_in_every_mention(nlp, text, absent):
    assert not absent & {e.text for e in find_entities(nlp(text))}
