"""The library's entry points: everything in `claimex.__all__` is there, and a failing text fails alone."""

from __future__ import annotations

import pytest

import claimex
from claimex import api

ARTICLE = "The council approved the budget on Monday, the mayor said.\n"


def test_every_name_in_all_is_importable():
    assert all(getattr(claimex, name) is not None for name in claimex.__all__)
    assert {"extract_many", "sentences_many", "load_pipeline"} <= set(claimex.__all__)


@pytest.fixture()
def broken_on_b(monkeypatch):
    real = api.claims_from_doc

    def broken(doc, name, published=None):
        if name == "b":
            raise RuntimeError("boom")
        return real(doc, name, published)

    monkeypatch.setattr(api, "claims_from_doc", broken)


@pytest.mark.parametrize("workers", [1, 2])
def test_extract_many_reports_a_failing_text_and_goes_on_with_the_others(broken_on_b, workers):
    failed = []
    results = list(claimex.extract_many([(name, ARTICLE) for name in "abc"], workers=workers,
                                        on_error=lambda name, error: failed.append((name, str(error)))))
    assert failed == [("b", "boom")]
    assert [[claim.doc for claim in claims][:1] for claims in results] == [["a"], [], ["c"]]


def test_extract_many_without_on_error_raises_after_the_texts_before(broken_on_b):
    results = claimex.extract_many([(name, ARTICLE) for name in "abc"])
    assert next(results)[0].doc == "a"
    with pytest.raises(RuntimeError, match="boom"):
        next(results)
