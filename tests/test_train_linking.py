"""Predicted role spans -> Attribution records (claimex_role_attribution), on sentences written here;
the role spans are set by hand as a trained recogniser would set them."""

from __future__ import annotations

import re

import pytest

from claimex.role_attribution import ROLES_KEY, RoleAttribution

# Text with roles marked {S|source} {C|cue} {T|content}; expected (source, cue, contents) per attribution.
CASES = [
    ("{S|The mayor} {C|said} {T|the bridge will reopen in May}.",
     [("The mayor", "said", ["the bridge will reopen in May"])]),
    ("{T|“We are ready,”} {S|the coach} {C|said}. {S|Fans} {C|doubted} {T|it}.",
     [("the coach", "said", ["“We are ready,”"]), ("Fans", "doubted", ["it"])]),
    ("{T|“The plan,”} {S|she} {C|said}, {T|“is dead.”}",
     [("she", "said", ["“The plan,”", "“is dead.”"])]),
    ("{C|According to} {S|the police}, {T|two men were arrested}.",
     [("the police", "According to", ["two men were arrested"])]),
    ("{C|It was reported} {T|that the talks had failed}.",
     [(None, "It was reported", ["that the talks had failed"])]),
    ("{S|Analysts} {C|expect} {T|a rate cut}.\n\n{T|Prices rose in May}.",
     [("Analysts", "expect", ["a rate cut"])]),
    ("{S|Analysts} {C|expect} {T|a rate cut}.\n\n{T|Prices rose in May}, {S|the bank} {C|said}.",
     [("Analysts", "expect", ["a rate cut"]), ("the bank", "said", ["Prices rose in May"])]),
]


def _marked(marked: str) -> tuple[str, list[tuple[str, int, int]]]:
    text, spans, position = "", [], 0
    for match in re.finditer(r"\{([SCT])\|([^}]*)\}", marked):
        text += marked[position:match.start()]
        label = {"S": "SOURCE", "C": "CUE", "T": "CONTENT"}[match.group(1)]
        spans.append((label, len(text), len(text) + len(match.group(2))))
        text += match.group(2)
        position = match.end()
    return text + marked[position:], spans


def _with_roles(nlp, marked: str):
    text, spans = _marked(marked)
    doc = nlp(text)
    doc.spans[ROLES_KEY] = [doc.char_span(s, e, label=label) for label, s, e in spans]
    return doc


@pytest.mark.parametrize("marked, expected", CASES)
def test_roles_link_into_attributions(nlp, marked, expected):
    doc = RoleAttribution(keep_rules=False)(_with_roles(nlp, marked))
    text = doc.text
    found = [(text[a.source[0]:a.source[1]] if a.source else None, text[a.cue[0]:a.cue[1]],
              [text[s:e] for s, e in a.content]) for a in doc._.claimex_attributions]
    assert found == expected


def test_the_rules_stay_where_the_model_is_silent(nlp):
    marked = "{S|The mayor} {C|said} {T|the bridge will reopen}. Later the governor said that taxes would fall."
    doc = RoleAttribution(keep_rules=True)(_with_roles(nlp, marked))
    cues = [doc.text[a.cue[0]:a.cue[1]] for a in doc._.claimex_attributions]
    assert cues == ["said", "said"]
    assert doc._.claimex_attributions[1].source == (doc.text.index("the governor"), doc.text.index("the governor") + 12)


def test_the_rules_keep_a_cue_the_model_missed_even_inside_its_spans(nlp):
    marked = "{S|The mayor} said {T|the bridge will reopen}."
    doc = RoleAttribution(keep_rules=True)(_with_roles(nlp, marked))
    assert [doc.text[a.cue[0]:a.cue[1]] for a in doc._.claimex_attributions] == ["said"]
    assert RoleAttribution(keep_rules=False)(_with_roles(nlp, marked))._.claimex_attributions == ()


def test_a_cue_without_source_borrows_it_from_the_rules(nlp):
    doc = RoleAttribution(keep_rules=False)(_with_roles(nlp, "The mayor {C|said} {T|the bridge will reopen}."))
    (attribution,) = doc._.claimex_attributions
    assert doc.text[slice(*attribution.source)] == "The mayor"


def test_a_cue_without_content_borrows_it_from_the_rules_or_is_dropped(nlp):
    doc = RoleAttribution(keep_rules=False)(_with_roles(nlp, "{S|The mayor} {C|said} the bridge will reopen."))
    (attribution,) = doc._.claimex_attributions
    assert doc.text[slice(*attribution.content[0])] == "the bridge will reopen"
    doc = RoleAttribution(keep_rules=False)(_with_roles(nlp, "{S|The mayor} {C|smiled} at the bridge."))
    assert doc._.claimex_attributions == ()


def test_without_a_role_recogniser_nothing_changes(nlp):
    doc = nlp("The mayor said the bridge will reopen.")
    before = doc._.claimex_attributions
    assert RoleAttribution(keep_rules=False)(doc)._.claimex_attributions == before
    assert before


@pytest.mark.parametrize("marked, rules_content", [
    ("“{T|The budget is} balanced and fair,” {S|the minister} {C|said}.", "“The budget is balanced and fair,”"),
    ("{C|According to} {S|the report}, {T|exports} fell by a tenth in June.", "exports fell by a tenth in June"),
])
def test_the_rules_content_stands_where_quotation_marks_or_according_to_draw_it(nlp, marked, rules_content):
    doc = RoleAttribution(keep_rules=False)(_with_roles(nlp, marked))
    (attribution,) = doc._.claimex_attributions
    assert [doc.text[s:e] for s, e in attribution.content] == [rules_content]
