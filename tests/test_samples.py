"""Golden outputs: each article in samples/ gives exactly its committed claims and sentences.

After an intended change, rewrite them with `pytest tests/test_samples.py --update-golden`
and read the diff before committing it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from claimex.api import extract_many, sentences_many
from claimex.output import jsonl_line

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted((ROOT / "samples").glob("*.txt"))
RECORD_KINDS = {"claims": extract_many, "sentences": sentences_many}


@pytest.mark.parametrize("article", SAMPLES, ids=[p.stem for p in SAMPLES])
@pytest.mark.parametrize("kind", sorted(RECORD_KINDS))
def test_samples_match_their_golden_output(nlp, article, kind, update_golden):
    name = os.path.relpath(article, ROOT)
    [records] = RECORD_KINDS[kind]([(name, article.read_text(encoding="utf-8"))])
    produced = "".join(jsonl_line(record) for record in records)
    golden = article.with_suffix(f".{kind}.jsonl")
    if update_golden:
        golden.write_text(produced, encoding="utf-8")
    assert golden.exists(), f"{golden.name} missing: run pytest --update-golden"
    assert produced == golden.read_text(encoding="utf-8")


def test_samples_exist_in_news_style():
    assert len(SAMPLES) >= 3
