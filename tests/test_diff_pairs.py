"""claimex diff on whole article pairs written for these tests (samples/pairs/wire): each has a rewording, a
changed figure, a dropped and an added claim, and a same-topic claim with a different fact. Every claim
of both sides must come out with its expected status, partner and difference fields."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimex.api import extract_many
from claimex.diff import diff_claims

WIRE = Path(__file__).resolve().parent.parent / "samples" / "pairs" / "wire"
STORIES = sorted(path.name.removesuffix(".expected.json") for path in WIRE.glob("*.expected.json"))


def test_there_are_five_stories_each_with_every_kind_of_change():
    assert len(STORIES) >= 5
    for story in STORIES:
        entries = json.loads((WIRE / f"{story}.expected.json").read_text(encoding="utf-8"))
        statuses = [entry["status"] for entry in entries]
        assert {"same", "only_a", "only_b"} <= set(statuses), story
        assert any("number" in entry.get("differences", ()) for entry in entries), story


@pytest.fixture(scope="module")
def extracted(nlp) -> dict[str, tuple[list, list]]:
    texts = [(f"{story}.{side}", (WIRE / f"{story}.{side}.txt").read_text(encoding="utf-8"))
             for story in STORIES for side in "ab"]
    claims = list(extract_many(texts))
    return {story: (claims[2 * index], claims[2 * index + 1]) for index, story in enumerate(STORIES)}


def _find(claims, piece: str | None) -> str | None:
    if piece is None:
        return None
    [found] = [claim.id for claim in claims if piece in claim.content.text]
    return found


@pytest.mark.parametrize("story", STORIES)
def test_every_claim_of_the_pair_comes_out_right(extracted, story):
    a, b = extracted[story]
    entries = json.loads((WIRE / f"{story}.expected.json").read_text(encoding="utf-8"))
    expected = {(_find(a, entry.get("a")), _find(b, entry.get("b"))): (entry["status"], sorted(entry.get("differences", ())))
                for entry in entries}
    got = {(record.a.id if record.a else None, record.b.id if record.b else None):
           (record.status, sorted(difference.field for difference in record.differences)) for record in diff_claims(a, b)}
    assert got == expected


@pytest.mark.parametrize("story", STORIES)
def test_pairs_explain_their_score(extracted, story):
    a, b = extracted[story]
    for record in diff_claims(a, b):
        if record.status in ("same", "conflict"):
            parts = record.score_parts
            assert parts is not None and 0 <= parts.lexical <= 1 and 0 <= parts.meaning <= 1
            assert record.similarity >= 0.55
        else:
            assert record.score_parts is None
