"""Sentence boundaries on news-style text: the claimex_sentences rules as the parser follows them."""

from __future__ import annotations

import pytest

from claimex.pipeline import load_pipeline

SENTENCE_STAGES = {"claimex_boilerplate", "tok2vec", "claimex_sentences", "parser"}


@pytest.fixture(scope="module")
def nlp():
    """The claimex pipeline cut down to what decides sentences."""
    pipeline = load_pipeline()
    with pipeline.select_pipes(enable=[name for name in pipeline.pipe_names if name in SENTENCE_STAGES]):
        yield pipeline


def sentences(nlp, text: str) -> list[str]:
    return [sent.text.strip() for sent in nlp(text).sents]


def check(nlp, expected: list[str]) -> None:
    text = " ".join(expected)
    assert sentences(nlp, text) == expected


@pytest.mark.parametrize(
    "expected",
    [
        ["Sen. Elizabeth Warren and Gov. Gavin Newsom spoke on Tuesday.", "Rep. Jim Jordan did not."],
        ["The vote is set for Jan. 15 at 10 a.m. in the Capitol.", "Officials expect a close result."],
        ["The bill, No. 5 on the list, passed 52-48.", "It now goes to the House."],
        ["J. R. R. Tolkien wrote the book.", "George W. Bush read it."],
        ["Inflation rose 3.5 percent in March.", "The deficit reached $1.2 billion, up from $900 million."],
        ["She works for the U.S. Department of Justice in Washington.", "Her office is small."],
        ["Mr. Smith and Dr. Brown met at St. Mary's Hospital.", "They talked for an hour."],
        ["The report said (see p. 4) that growth slowed.", "Analysts disagreed."],
        ["Some cities, e.g. Boston, raised taxes.", "Others cut them."],
        ["The meeting ends at 6 p.m. Tuesday, officials said."],
        ["At 5 a.m. Mr. Smith went to the bank.", "He left at 6 p.m."],
        ["Shares of Apple Inc. rose 2 percent on the Nasdaq."],
    ],
)
def test_no_split_after_abbreviation_or_initial_before_a_name_or_number(nlp, expected):
    check(nlp, expected)


@pytest.mark.parametrize(
    "expected",
    [
        ["He moved to the U.S.", "Then he founded a company."],
        ["The deal was signed by Acme Inc.", "The shares fell."],
        ["He lives on Main St.", "The house is old."],
        ["The attack began at 5 a.m.", "Police arrived an hour later."],
        ["The U.K. and the E.U. agreed on trade, fishing, etc.", "Talks resume in Brussels."],
        ["A suspect was arrested in Springfield, Ill.", "The police did not name him."],
        ["The firm was founded in 1999.", "Its founder still runs it."],
        ["Visit example.com.", "The site has details."],
    ],
)
def test_split_after_abbreviation_that_ends_a_sentence(nlp, expected):
    check(nlp, expected)


@pytest.mark.parametrize(
    "expected",
    [
        ['"We will not back down," Smith said.', '"This is our moment."'],
        ['She turned to him, "This is great." she said.'],
        ['"Stop!"', "She left the room."],
        ['"Why now?" Smith asked.', "Nobody answered."],
        ['"Why now?" asked Smith.'],
        ["'Well!' he thought, 'this is the end of it! How odd!' (It was.)"],
        ['She said: "I\'m done."', "Then she walked out."],
        ['"The economy is strong.', 'We expect growth to continue," the minister said.'],
        ["He called it a “mistake.”", "The minister disagreed."],
    ],
)
def test_quotations(nlp, expected):
    check(nlp, expected)


@pytest.mark.parametrize(
    "expected",
    [
        ["Protesters gathered outside...", "Police watched from a distance."],
        ["Protesters gathered outside…", "Police watched from a distance."],
        ["And then we just ... I don't know what happened."],
        ["The crowd waited . . . and waited."],
        ["He never said that....", "She left the store."],
    ],
)
def test_ellipses(nlp, expected):
    check(nlp, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The plan has three parts:\n1. Cut taxes.\n2. Raise spending.\n3. Reduce debt.",
            ["The plan has three parts:", "1. Cut taxes.", "2. Raise spending.", "3. Reduce debt."],
        ),
        ("1. The first item 2. The second item", ["1. The first item", "2. The second item"]),
        ("The bill would 1) cut taxes and 2) raise spending.", ["The bill would", "1) cut taxes and", "2) raise spending."]),
        ("• Schools reopen • Buses run late", ["• Schools reopen", "• Buses run late"]),
        ("a. The budget b. The schedule", ["a. The budget", "b. The schedule"]),
    ],
)
def test_lists(nlp, text, expected):
    assert sentences(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Budget cuts loom\nThe city council met on Monday to discuss the budget.",
            ["Budget cuts loom", "The city council met on Monday to discuss the budget."],
        ),
        (
            "Storm hits coast\n\nthousands lose power as the storm moves north",
            ["Storm hits coast", "thousands lose power as the storm moves north"],
        ),
        (
            "First paragraph ends with Sen.\n\nSecond paragraph starts here. It has two sentences.",
            ["First paragraph ends with Sen.", "Second paragraph starts here.", "It has two sentences."],
        ),
        ("The mayor said,\n“We will rebuild.”", ["The mayor said,\n“We will rebuild.”"]),
        ("  \n\nLeading blank lines. Then text.\n\n", ["Leading blank lines.", "Then text."]),
    ],
)
def test_headlines_and_paragraphs(nlp, text, expected):
    assert sentences(nlp, text) == expected


@pytest.mark.parametrize(
    "expected",
    [
        ["She works at Yahoo! in the accounting department."],
        ["Researchers at Yahoo! Research agreed."],
        ["It was done.", "eBay said nothing more."],
        ["The price fell 5 percent.", "(Analysts had expected a rise.)"],
        ["The museum opened in 1920. (1921)."],
        ["What now?!", "Nobody knows."],
    ],
)
def test_other_sentence_starts_and_continuations(nlp, expected):
    check(nlp, expected)


@pytest.mark.parametrize(
    "text",
    [
        "Sen. Smith (D-Mass.) said: \"No.\"\n\n  Headline here\nBody text... More . . . text.\r\nEnd",
        "It ended .. Then silence .... Later, the U.S. Army left.",
        "   ",
        "",
        "No final punctuation",
    ],
)
def test_sentences_cover_the_text_exactly(nlp, text):
    doc = nlp(text)
    sents = list(doc.sents) if len(doc) else []
    assert "".join(sent.text_with_ws for sent in sents) == text
    for sent in sents:
        assert doc.text[sent.start_char : sent.end_char] == sent.text
    assert all(sent.text.strip() for sent in sents[1:]), "a sentence of whitespace only"


def test_boundary_inside_a_token_splits_the_token_not_the_text(nlp):
    text = "It ended .. Then silence."
    doc = nlp(text)
    assert doc.text == text
    assert [sent.text.strip() for sent in doc.sents] == ["It ended .", ".", "Then silence."]


def test_every_token_gets_a_decision_before_the_parser(nlp):
    doc = nlp.get_pipe("claimex_sentences")(nlp.make_doc("Sen. Smith spoke. The U.S. Army left."))
    assert [token.is_sent_start for token in doc] == [True, False, False, False, True, False, False, False, False]


@pytest.mark.parametrize(
    "text, expected",
    [
        # one line break inside a paragraph continues the sentence; a blank line ends it
        ("The ferry left the harbour on a cold\nmorning in May. Nobody was hurt.",
         ["The ferry left the harbour on a cold\nmorning in May.", "Nobody was hurt."]),
        ("Prices rose by 4 percent, the bank said\n, adding that rents rose too.",
         ["Prices rose by 4 percent, the bank said\n, adding that rents rose too."]),
        ("The union met.\n\nit voted to strike.", ["The union met.", "it voted to strike."]),
        ("Flood warning\nThe river burst its banks.", ["Flood warning", "The river burst its banks."]),
        # no space after the full stop
        ("The bill failed.Lawmakers went home.", ["The bill failed.", "Lawmakers went home."]),
        ("See www.example.Com for details.", ["See www.example.Com for details."]),
        # citation and footnote markers stay with the sentence they close
        ("The dam was finished in 1962.[4] It still stands.", ["The dam was finished in 1962.[4]", "It still stands."]),
        ("The plan was costed in the report.12 13 Critics disagree.",
         ["The plan was costed in the report.12 13", "Critics disagree."]),
        # an abbreviation that ends a sentence, and currency and title abbreviations inside one
        ("Thousands left for the U.S. Hundreds came back.", ["Thousands left for the U.S.", "Hundreds came back."]),
        ("Tickets cost Rs. 250 at the gate.", ["Tickets cost Rs. 250 at the gate."]),
        ("The talks with Gov. Ortiz end on Feb. 12 in Lagos.", ["The talks with Gov. Ortiz end on Feb. 12 in Lagos."]),
        # full-width and ideographic stops
        ("港口关闭了。 The ferry stayed.", ["港口关闭了。", "The ferry stayed."]),
        ("The port shut． Trade stopped！ Why？ Nobody said.",
         ["The port shut．", "Trade stopped！", "Why？", "Nobody said."]),
        # a question answered after a dash
        ("Who pays? - Commuters, as usual.", ["Who pays?", "- Commuters, as usual."]),
        # a parenthesised sentence between quotations
        ('"We are ready," he said. (The union last struck in 2019.) "We will win."',
         ['"We are ready," he said.', "(The union last struck in 2019.)", '"We will win."']),
    ],
)
def test_wire_copy_boundaries(nlp, text, expected):
    assert sentences(nlp, text) == expected
