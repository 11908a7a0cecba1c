"""Texts over spaCy's max_length: where they are cut, and records over the whole text at the cost of a piece."""

from __future__ import annotations

import tracemalloc

import pytest

from claimex import api
from claimex.claims import claims_from_doc, sentences_from_doc
from claimex.long_texts import shifted_record, text_pieces
from claimex.schema import Claim, Sentence

LONG_BLOCK = (
    "Advertisement\n\n"
    "The council approved the budget on Monday, the mayor said. \"We will appeal,\" said Jane Doe, "
    "a union leader, who may sue.\n\n"
    "According to officials, the vote was close. It was probably a mistake, critics argued.\n\n"
)


def test_text_pieces_cut_after_paragraphs_and_join_back_to_the_text():
    paragraph = "One sentence here. Another one there.\n\n"
    text = paragraph * 50
    pieces = text_pieces(text, 400)
    assert "".join(pieces) == text
    assert all(len(piece) <= 400 and piece.endswith("\n\n") for piece in pieces)
    assert text_pieces(text, len(text)) == [text]


def test_text_pieces_fall_back_to_sentences_then_anywhere():
    sentences = "One sentence here. Another one there. " * 30
    assert all(piece.endswith(". ") for piece in text_pieces(sentences, 200))
    solid = "x" * 1000
    assert text_pieces(solid, 300) == ["x" * 300] * 3 + ["x" * 100]


@pytest.fixture()
def short_max_length(nlp, monkeypatch):
    """Makes the pipeline's max_length `length` for the rest of the test."""
    return lambda length: monkeypatch.setattr(nlp, "max_length", length)


@pytest.mark.parametrize("many, to_records", [(api.extract_many, claims_from_doc),
                                               (api.sentences_many, sentences_from_doc)])
def test_a_text_over_max_length_gives_the_records_it_would_give_whole(nlp, short_max_length, many, to_records):
    text = LONG_BLOCK * 40
    whole = next(many([("long.txt", text)]))
    short_max_length(1500)
    assert len(text_pieces(text, nlp.max_length)) > 5
    pieces = next(many([("long.txt", text)]))
    assert len(whole) >= 40 * 4
    assert [record.model_dump() for record in pieces] == [record.model_dump() for record in whole]


def test_a_long_text_that_fails_part_way_gets_no_records_and_the_next_text_goes_on(nlp, short_max_length,
                                                                                    monkeypatch):
    real, calls = api.claims_from_doc, []

    def fails_on_third_piece(doc, name, published=None):
        calls.append(name)
        if name == "long.txt" and calls.count(name) == 3:
            raise RuntimeError("boom")
        return real(doc, name, published)

    monkeypatch.setattr(api, "claims_from_doc", fails_on_third_piece)
    short_max_length(1500)
    failed = []
    results = list(api.extract_many([("long.txt", LONG_BLOCK * 40), ("short.txt", LONG_BLOCK)],
                                    on_error=lambda name, error: failed.append(name)))
    assert failed == ["long.txt"]
    assert results[0] == []
    assert {claim.doc for claim in results[1]} == {"short.txt"}


def test_a_text_over_a_million_characters_is_processed_whole_with_offsets_into_it(nlp):
    article = "The council approved the budget on Monday, the mayor said. \"We will appeal,\" said Jane Doe.\n"
    text = article + "\n\n" * (nlp.max_length // 2) + article
    assert len(text) > nlp.max_length
    claims = next(api.extract_many([("huge.txt", text)]))
    second = len(text) - len(article)
    assert [(claim.kind, claim.content.start) for claim in claims] == [
        ("indirect", 0), ("direct", 59), ("indirect", second), ("direct", second + 59)]
    for claim in claims:
        assert text[claim.content.start : claim.content.end] == claim.content.text
        assert text[claim.cue.start : claim.cue.end] == claim.cue.text


def test_a_record_from_a_piece_moves_its_offsets_and_sentence_numbers_only():
    text = "Prices rose on Monday by 5 percent."
    [sentence] = api.extract_sentences(text)
    moved = shifted_record(sentence, 100, 7)
    assert isinstance(moved, Sentence)
    assert (moved.index, moved.start, moved.end) == (7, 100, 100 + len(text))
    assert [(date.text, date.start, date.value) for date in moved.dates] == [
        (date.text, date.start + 100, date.value) for date in sentence.dates]
    assert moved.numbers[0].value == sentence.numbers[0].value == 5


def test_a_claim_from_a_piece_gets_the_id_of_the_same_claim_in_place():
    article = '"We will appeal," said Jane Doe.\n\n'
    [first, second] = api.extract(article * 2)
    [alone] = api.extract(article)
    assert first.id != second.id
    assert shifted_record(alone, len(article), 1).model_dump() == second.model_dump()


def _peak_memory(named_text: tuple[str, str]) -> int:
    tracemalloc.start()
    try:
        next(api.extract_many([named_text]))
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_long_text_takes_about_the_memory_of_one_piece(nlp, short_max_length):
    piece = LONG_BLOCK * 25
    short_max_length(len(piece) + 10)
    text = piece * 8
    assert len(text_pieces(text, nlp.max_length)) >= 8
    one_piece, whole = _peak_memory(("piece.txt", piece)), _peak_memory(("long.txt", text))
    assert whole < 1.5 * one_piece


def test_progress_is_told_the_characters_done_after_each_piece(nlp, short_max_length):
    text = LONG_BLOCK * 20
    short_max_length(1500)
    told = []
    list(api.records_many(claims_from_doc, [("long.txt", text)], progress=lambda done, total: told.append((done, total))))
    assert len(told) == len(text_pieces(text, 1500))
    assert [done for done, _ in told] == sorted(done for done, _ in told)
    assert told[-1] == (len(text), len(text))


def test_a_long_text_comes_out_piece_by_piece_and_each_writer_gets_what_it_needs(nlp, short_max_length, runner,
                                                                                   tmp_path):
    from claimex.cli import app

    text = LONG_BLOCK * 20
    whole = api.extract(text, doc="long.txt")
    short_max_length(1500)
    parts = list(api.records_many(claims_from_doc, [("long.txt", text), ("short.txt", LONG_BLOCK)]))
    assert [part.complete for part in parts] == [False] * len(text_pieces(text, 1500)) + [True, True]
    assert [record for part in parts[:-1] for record in part.records] == whole
    path = tmp_path / "long.txt"
    path.write_text(text, encoding="utf-8")
    jsonl = runner.invoke(app, ["extract", str(path), "-f", "jsonl"]).stdout.splitlines()
    assert [Claim.model_validate_json(line).model_copy(update={"doc": "long.txt"}) for line in jsonl] == whole
    table = runner.invoke(app, ["extract", str(path), "-f", "table"]).stdout
    assert table.count(f"{path}:") == 1 and f"{path}: {len(whole)}" in table


def test_a_long_text_failing_part_of_the_way_fails_alone(nlp, short_max_length, monkeypatch, runner, tmp_path):
    from claimex.cli import app

    short_max_length(1500)
    real, calls = api.claims_from_doc, []

    def broken_on_third_piece(doc, name, published=None):
        calls.append(name)
        if name.endswith("long.txt") and len(calls) == 3:
            raise RuntimeError("boom")
        return real(doc, name, published)

    monkeypatch.setattr(api, "claims_from_doc", broken_on_third_piece)
    long, short = tmp_path / "long.txt", tmp_path / "short.txt"
    long.write_text(LONG_BLOCK * 20, encoding="utf-8")
    short.write_text(LONG_BLOCK, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(long), str(short), "-f", "table"])
    assert result.exit_code == 1
    assert result.stderr == f"claimex: internal error on {long}: RuntimeError: boom\n"
    assert f"{long}:" not in result.stdout and f"{short}: {len(api.extract(LONG_BLOCK))}" in result.stdout
