"""claimex diff: alignment on hand-built claims (fast), then article pairs through the command."""

from __future__ import annotations

import csv
import io
import json

import pytest
from pydantic import ValidationError

from claimex.cli import app
from claimex.diff import DEFAULT_THRESHOLD, diff_claims, read_claims_jsonl, similarity
from claimex.diff_schema import ClusterRecord, DiffRecord
from claimex.schema import Claim, Content, Cue, DateMention, Entity, NumberMention, SentenceRef, Source, Span


def claim(text: str, *, source: str | None = None, numbers=(), dates=(), places=(), hedges=(),
          organisations=(), cue: str | None = None, kind: str | None = None, named: bool | str = True) -> Claim:
    """A claim whose content is `text` at offset 0; each mention is given by its surface text in `text`
    (numbers as (text, NumberMention fields), dates as (text, ISO value)); `cue` is the cue's lemma;
    `named`: the source's canonical name, True for the source's text, False for none."""
    def at(piece: str) -> dict:
        start = text.index(piece)
        return {"text": piece, "start": start, "end": start + len(piece)}

    def entities(names, label):
        return [Entity(**at(name), label=label, name=name) for name in names]

    return Claim(
        id=f"{abs(hash((text, source, cue))):x}", doc="-", kind=kind or ("indirect" if source else "unattributed"),
        sentence=SentenceRef(index=0, start=0, end=len(text)),
        content=Content(text=text, start=0, end=len(text)),
        source=Source(text=source, start=len(text) + 2, end=len(text) + 2 + len(source), name=named if isinstance(named, str) else source if named else None)
        if source else None,
        cue=Cue(text=cue, lemma=cue, start=len(text) + 1, end=len(text) + 1 + len(cue)) if cue else None,
        numbers=[NumberMention(**at(piece), **fields) for piece, fields in numbers],
        dates=[DateMention(**at(piece), value=value) for piece, value in dates],
        places=entities(places, "GPE"),
        organisations=entities(organisations, "ORG"),
        hedges=[Span(**at(piece)) for piece in hedges],
    )


def one(a: Claim, b: Claim) -> DiffRecord:
    records = diff_claims([a], [b])
    assert len(records) == 1, [record.status for record in records]
    return records[0]


def fields(record: DiffRecord) -> list[str]:
    return [difference.field for difference in record.differences]


def test_reworded_claim_with_an_approximate_number_in_words_is_the_same():
    a = claim("Nearly forty families fled their homes in Millbrook", source="Ortiz",
              numbers=[("Nearly forty", {"value": 40, "qualifier": "approximately"})], places=["Millbrook"])
    b = claim("40 families were forced to flee their homes in Millbrook", source="Mayor Elena Ortiz",
              numbers=[("40", {"value": 40})], places=["Millbrook"])
    record = one(a, b)
    assert record.status == "same"
    assert record.similarity >= DEFAULT_THRESHOLD
    assert (record.a.id, record.b.id) == (a.id, b.id)


def test_changed_figure_is_a_conflict_with_values_and_surface_texts():
    a = claim("The council will pay 1,200 dollars to each household", numbers=[("1,200 dollars", {"value": 1200, "unit": "USD"})])
    b = claim("The council will pay about 900 dollars to each household",
              numbers=[("about 900 dollars", {"value": 900, "unit": "USD", "qualifier": "approximately"})])
    record = one(a, b)
    assert record.status == "conflict"
    [difference] = record.differences
    assert (difference.field, difference.a, difference.b) == ("number", 1200, 900)
    assert (difference.a_text, difference.b_text) == ("1,200 dollars", "about 900 dollars")


def test_number_value_is_read_from_digits_when_missing():
    a = claim("The hospital treated 1,500 patients", numbers=[("1,500", {"value": None})])
    same = claim("The hospital treated 1500 patients", numbers=[("1500", {"value": 1500})])
    other = claim("The hospital treated 1,800 patients", numbers=[("1,800", {"value": None})])
    assert one(a, same).status == "same"
    assert [(d.a, d.b) for d in one(a, other).differences] == [(1500, 1800)]


def test_approximate_numbers_agree_within_tolerance_exact_ones_do_not():
    a = claim("About 500 people attended the rally", numbers=[("About 500", {"value": 500, "qualifier": "approximately"})])
    close = claim("Some 510 people attended the rally", numbers=[("510", {"value": 510})])
    exact_a = claim("Exactly 500 people attended the rally", numbers=[("500", {"value": 500})])
    assert one(a, close).status == "same"
    assert one(exact_a, close).status == "conflict"


def test_numbers_are_paired_with_numbers_of_the_same_unit():
    a = claim("Turnout rose 5 percent to 2,000 voters",
              numbers=[("5 percent", {"value": 5, "unit": "percent"}), ("2,000", {"value": 2000, "unit": "voters"})])
    b = claim("Turnout rose to 3,000 voters, up 7 percent",
              numbers=[("3,000", {"value": 3000, "unit": "voters"}), ("7 percent", {"value": 7, "unit": "percent"})])
    assert [(d.a, d.b) for d in one(a, b).differences] == [(5, 7), (2000, 3000)]


def test_a_number_only_one_side_gives_is_no_difference():
    a = claim("Flood water forced families from their homes")
    b = claim("Flood water forced 40 families from their homes", numbers=[("40", {"value": 40})])
    assert one(a, b).status == "same"


def test_ranges_and_orders_of_magnitude_agree_with_values_inside_them():
    a = claim("Between 10 and 20 people were hurt in the crash",
              numbers=[("Between 10 and 20", {"value": 10, "qualifier": "range", "low": 10, "high": 20})])
    b = claim("15 people were hurt in the crash", numbers=[("15", {"value": 15})])
    many = claim("Hundreds of people were hurt in the crash", numbers=[("Hundreds", {"value": 100, "magnitude": "hundreds"})])
    three_hundred = claim("300 people were hurt in the crash", numbers=[("300", {"value": 300})])
    assert one(a, b).status == "same"
    assert one(many, three_hundred).status == "same"
    assert one(b, three_hundred).status == "conflict"


def test_changed_date_is_a_conflict_but_a_more_precise_date_is_not():
    a = claim("The library will close for repairs on June 3", dates=[("June 3", "2024-06-03")])
    later = claim("The library will close for repairs on June 10", dates=[("June 10", "2024-06-10")])
    in_june = claim("The library will close for repairs in June", dates=[("June", "2024-06")])
    record = one(a, later)
    assert fields(record) == ["date"]
    assert (record.differences[0].a, record.differences[0].b) == ("2024-06-03", "2024-06-10")
    assert one(a, in_june).status == "same"


def test_changed_place_and_changed_source_are_conflicts():
    a = claim("The count in Newry was delayed by a power cut", source="election officials", places=["Newry"])
    b = claim("The count in Omagh was delayed by a power cut", source="the police", places=["Omagh"])
    record = one(a, b)
    assert fields(record) == ["place", "source"]
    assert (record.differences[1].a, record.differences[1].b) == ("election officials", "the police")


def test_negation_and_hedge_are_conflicts():
    a = claim("The old levee had not failed")
    b = claim("The old levee had failed")
    assert [(d.field, d.a, d.b, d.a_text) for d in one(a, b).differences] == [("negation", True, False, "not")]
    may = claim("The bridge may reopen next week", hedges=["may"])
    will = claim("The bridge will reopen next week")
    assert [(d.field, d.a_text, d.b_text) for d in one(may, will).differences] == [("hedge", "may", None)]


def test_would_of_reported_speech_is_no_hedge():
    a = claim("The bridge will reopen next week")
    b = claim("The bridge would reopen next week", hedges=["would"])
    assert one(a, b).status == "same"


def test_claims_sharing_words_about_different_things_do_not_align():
    a = claim("Parking charges at stations will rise in spring")
    b = claim("Bicycle parking at stations will be free from March")
    assert [record.status for record in diff_claims([a], [b])] == ["only_a", "only_b"]


def test_claims_naming_different_organisations_do_not_align():
    a = claim("Support for the Labour Party fell sharply in the west of the city", organisations=["the Labour Party"])
    b = claim("Support for the Liberal Party fell sharply in the west of the city",
              organisations=["the Liberal Party"])
    assert [record.status for record in diff_claims([a], [b])] == ["only_a", "only_b"]


def test_alignment_is_one_to_one_best_first():
    partial = claim("Volunteers filled sandbags at the fire station")
    exact = claim("Overnight, volunteers filled sandbags at the fire station")
    b = claim("Volunteers filled sandbags at the fire station overnight")
    assert DEFAULT_THRESHOLD <= similarity(partial, b) < similarity(exact, b)
    records = diff_claims([partial, exact], [b])
    assert [(record.status, record.a.id) for record in records] == [("only_a", partial.id), ("same", exact.id)]


def test_threshold_decides_alignment():
    a = claim("The plant has struggled since energy prices doubled")
    b = claim("Energy costs doubled, hurting the plant's profits")
    score = similarity(a, b)
    assert 0 < score < 1
    assert [r.status for r in diff_claims([a], [b], threshold=score)] == ["same"]
    assert [r.status for r in diff_claims([a], [b], threshold=score + 0.01)] == ["only_a", "only_b"]


def test_records_are_strict():
    record = one(claim("The old levee had failed"), claim("The old levee had failed"))
    with pytest.raises(ValidationError):
        DiffRecord.model_validate({**record.model_dump(), "extra": 1})
    assert DiffRecord.model_validate_json(record.model_dump_json()) == record


def test_read_claims_jsonl_accepts_claims_only():
    lines = claim("The old levee had failed").model_dump_json() + "\n\n"
    assert [c.content.text for c in read_claims_jsonl(lines)] == ["The old levee had failed"]
    assert read_claims_jsonl('{"schema_version": "1.0", "doc": "-", "index": 0}\n') is None
    assert read_claims_jsonl("The old levee had failed.\n") is None


ARTICLE_A = """Published: 2024-05-14

The Eastgate library will close for repairs on June 3, the city's culture department said.

The repairs will cost 2.4 million dollars, according to the city council.

Head librarian Amara Osei said the reading room had not flooded.

The library could reopen in September, Osei said.

About 120 volunteers helped move the books to a warehouse in Belfast, Osei said.

A man was arrested outside the library on Friday, police said.

Parking charges at the town hall will rise in July, the council said.

The library has lent more than 80,000 books since it opened, Osei said.
"""

ARTICLE_B = """Published: 2024-05-14

The city's culture department said the Eastgate library would close for repairs on June 10.

The repairs will cost 1.9 million dollars, according to the city council.

Amara Osei, the head librarian, said the reading room had flooded.

The library will reopen in September, Osei said.

Nearly 120 volunteers helped move the books to a warehouse in Newry, Osei said.

A man was arrested outside the library on Friday, the fire brigade said.

Bicycle racks will be put up outside the town hall, the council said.

Since it opened, the library has lent more than 80,000 books, said head librarian Amara Osei.
"""

EXPECTED = {  # a distinctive piece of A's content -> (status, piece of B's content, difference fields)
    "on June 3": ("conflict", "on June 10", ["date"]),
    "2.4 million": ("conflict", "1.9 million", ["number"]),
    "had not flooded": ("conflict", "had flooded", ["negation"]),
    "could reopen": ("conflict", "will reopen", ["hedge"]),
    "in Belfast": ("conflict", "in Newry", ["place"]),
    "man was arrested": ("conflict", "man was arrested", ["source"]),
    "Parking charges": ("only_a", None, []),
    "80,000 books since": ("same", "80,000 books", []),
}


@pytest.fixture()
def article_pair(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    return tmp_path


def run_diff(runner, *args: str):
    result = runner.invoke(app, ["diff", *args])
    assert result.exit_code == 0, result.stderr
    return result


def test_article_pair_gives_every_status_and_difference(nlp, runner, article_pair):
    result = run_diff(runner, str(article_pair / "a.txt"), str(article_pair / "b.txt"))
    records = [DiffRecord.model_validate_json(line) for line in result.stdout.splitlines()]
    for piece, (status, b_piece, difference_fields) in EXPECTED.items():
        [record] = [record for record in records if record.a and piece in record.a.text]
        assert record.status == status, piece
        if b_piece is not None:
            assert b_piece in record.b.text, piece
        assert fields(record) == difference_fields, piece
    only_b = [record.b.text for record in records if record.status == "only_b"]
    assert any("Bicycle racks" in text for text in only_b)
    assert len(records) == len({r.a.id for r in records if r.a}) + len(only_b)


def test_jsonl_claims_give_the_same_diff_as_the_articles(nlp, runner, article_pair):
    a, b = str(article_pair / "a.txt"), str(article_pair / "b.txt")
    for name in (a, b):
        extracted = runner.invoke(app, ["extract", name, "--format", "jsonl", "-o", name.replace(".txt", ".jsonl")])
        assert extracted.exit_code == 0, extracted.stderr
    from_articles = run_diff(runner, a, b).stdout
    assert run_diff(runner, a.replace(".txt", ".jsonl"), b.replace(".txt", ".jsonl")).stdout == from_articles
    assert run_diff(runner, a.replace(".txt", ".jsonl"), b).stdout == from_articles


def test_table_lists_conflicts_first(nlp, runner, article_pair):
    result = run_diff(runner, str(article_pair / "a.txt"), str(article_pair / "b.txt"), "--format", "table")
    statuses = [word for line in result.stdout.splitlines() for word in line.split()
                if word in ("conflict", "same", "only_a", "only_b")]
    assert statuses[0] == "conflict"
    assert statuses == sorted(statuses, key=["conflict", "same", "only_a", "only_b"].index)
    assert "1.9" in result.stdout and "Newry" in result.stdout


def test_csv_has_a_header_and_a_row_per_record(nlp, runner, article_pair):
    a, b = str(article_pair / "a.txt"), str(article_pair / "b.txt")
    rows = list(csv.DictReader(io.StringIO(run_diff(runner, a, b, "--format", "csv").stdout)))
    jsonl = run_diff(runner, a, b).stdout.splitlines()
    assert len(rows) == len(jsonl)
    assert [row["status"] for row in rows] == [json.loads(line)["status"] for line in jsonl]
    assert any(row["differences"].startswith("number:") for row in rows)


def test_threshold_one_leaves_reworded_claims_alone(nlp, runner, article_pair):
    result = run_diff(runner, str(article_pair / "a.txt"), str(article_pair / "b.txt"), "--threshold", "1")
    statuses = {json.loads(line)["status"] for line in result.stdout.splitlines()}
    assert "only_a" in statuses and "only_b" in statuses
    assert all(json.loads(line)["similarity"] in (None, 1.0) for line in result.stdout.splitlines())


def test_missing_input_and_non_claim_jsonl_fail_with_a_message(runner, tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (tmp_path / "bad.jsonl").write_text('{"not": "a claim"}\n', encoding="utf-8")
    missing = runner.invoke(app, ["diff", str(tmp_path / "a.txt"), str(tmp_path / "nope.txt")])
    assert missing.exit_code == 1 and "no such file" in missing.stderr and missing.stdout == ""
    bad = runner.invoke(app, ["diff", str(tmp_path / "a.txt"), str(tmp_path / "bad.jsonl")])
    assert bad.exit_code == 2 and "not claims" in bad.stderr and bad.stdout == ""


ARTICLE_C = """Published: 2024-05-14

The Eastgate library will close for repairs on June 3, the city's culture department said.

The repairs will cost 2.4 million dollars, according to the city council.
"""


def test_three_articles_give_clusters(nlp, runner, article_pair):
    (article_pair / "c.txt").write_text(ARTICLE_C, encoding="utf-8")
    names = [str(article_pair / f"{side}.txt") for side in "abc"]
    records = [ClusterRecord.model_validate_json(line) for line in run_diff(runner, *names).stdout.splitlines()]
    [cost] = [record for record in records if "2.4 million" in record.claims[0].claim.text]
    assert cost.status == "conflict"
    assert cost.carried_by == [names[0], names[2]] and cost.disagreeing == [names[1]] and cost.missing_from == []
    [parking] = [record for record in records if "Parking charges" in record.claims[0].claim.text]
    assert parking.status == "single" and parking.missing_from == names[1:]
    folder = run_diff(runner, str(article_pair), "--format", "csv").stdout
    rows = list(csv.DictReader(io.StringIO(folder)))
    assert len(rows) == len(records) and rows[0]["status"] in ("agree", "conflict", "single")
    table = run_diff(runner, *names, "--format", "table").stdout
    assert "carried by" in table and "missing from" in table


def test_output_file_like_extract(nlp, runner, article_pair):
    a, b, out = str(article_pair / "a.txt"), str(article_pair / "b.txt"), article_pair / "diff.tsv"
    assert run_diff(runner, a, b, "--format", "tsv", "--output", str(out)).stdout == ""
    rows = out.read_text(encoding="utf-8").splitlines()
    assert rows[0].split("\t")[:3] == ["status", "similarity", "a_id"] and len(rows) > 5
    again = runner.invoke(app, ["diff", a, b, "--output", str(out)])
    assert again.exit_code == 2 and "--force" in again.stderr and out.read_text(encoding="utf-8").splitlines() == rows
    run_diff(runner, a, b, "--output", str(out), "--force")
    assert json.loads(out.read_text(encoding="utf-8").splitlines()[0])["schema_version"] == "1.0"


def test_one_article_is_not_a_diff(runner, article_pair):
    result = runner.invoke(app, ["diff", str(article_pair / "a.txt")])
    assert result.exit_code == 2 and "at least two" in result.stderr


def test_output_into_a_missing_folder_is_one_line(nlp, runner, article_pair):
    target = article_pair / "nodir" / "diff.jsonl"
    result = runner.invoke(app, ["diff", str(article_pair / "a.txt"), str(article_pair / "b.txt"), "-o", str(target)])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.strip().splitlines() == [f"claimex: {target}: no such folder"]


@pytest.mark.parametrize("a_text, a_fields, b_text, b_fields, same", [
    ("more than 40", {"value": 40, "qualifier": "more_than"}, "43", {"value": 43}, True),
    ("at least 40", {"value": 40, "qualifier": "at_least"}, "40", {"value": 40}, True),
    ("more than 40", {"value": 40, "qualifier": "more_than"}, "38", {"value": 38}, False),  # the wrong side
    ("more than 40", {"value": 40, "qualifier": "more_than"}, "90", {"value": 90}, False),  # too far past it
    ("fewer than 2,000", {"value": 2000, "qualifier": "less_than"}, "1,850", {"value": 1850}, True),
    ("about 300", {"value": 300, "qualifier": "approximately"}, "322", {"value": 322}, True),  # rounds to 300
    ("nearly 300", {"value": 300, "qualifier": "approximately"}, "250", {"value": 250}, False),
    ("about 320", {"value": 320, "qualifier": "approximately"}, "350", {"value": 350}, False),
    ("nearly 1.5", {"value": 1.5, "qualifier": "approximately"}, "1.46", {"value": 1.46}, True),
])
def test_bounds_and_round_numbers_agree_with_the_values_they_stand_for(a_text, a_fields, b_text, b_fields, same):
    a = claim(f"The storm cut power to {a_text} homes in the valley", numbers=[(a_text, a_fields)])
    b = claim(f"The storm cut power to {b_text} homes in the valley", numbers=[(b_text, b_fields)])
    assert (one(a, b).status == "same") is same


@pytest.mark.parametrize("text_a, place_a, text_b, place_b, different", [
    ("The trade talks will be held in Lima next month", "Lima", "The trade talks will be held in Quito next month", "Quito", True),
    ("Lima will host the trade talks next month", "Lima", "Quito will host the trade talks next month", "Quito", True),
    # a place in another slot is other information, not another value
    ("The minister flew to Lima for the trade talks", "Lima", "The minister from Quito joined the trade talks", "Quito", False),
])
def test_places_differ_in_the_same_slot(text_a, place_a, text_b, place_b, different):
    record = one(claim(text_a, places=[place_a]), claim(text_b, places=[place_b]))
    assert ("place" in fields(record)) is different


def test_a_hedge_on_a_figure_qualifies_the_figure_not_the_claim():
    estimated = claim("An estimated 3,000 people marched through the city centre",
                      numbers=[("3,000", {"value": 3000})], hedges=["estimated"])
    plain = claim("3,000 people marched through the city centre", numbers=[("3,000", {"value": 3000})])
    assert one(estimated, plain).status == "same"
    within = claim("An estimated 3,000 people marched through the city centre",
                   numbers=[("An estimated 3,000", {"value": 3000})], hedges=["estimated"])
    assert one(within, plain).status == "same"
    may = claim("3,000 people may march through the city centre", numbers=[("3,000", {"value": 3000})], hedges=["may"])
    assert fields(one(may, plain)) == ["hedge"]
