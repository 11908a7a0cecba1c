"""`claimex train` on a tiny brat corpus written for these tests (tests/data/brat_tiny): corpus errors,
the same model from the same seed, and the trained pipeline loaded by `claimex extract --model`."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from claimex.cli import app
from claimex.train import CorpusError, read_corpus, train_model

TINY = Path(__file__).parent / "data" / "brat_tiny"
# A model small enough to train in seconds; the numbers mean nothing but the code path is the real one.
TINY_SETTINGS = {
    "training.max_epochs": 2,
    "components.claimex_roles.model.tok2vec.embed.width": 32,
    "components.claimex_roles.model.tok2vec.encode.width": 32,
    "components.claimex_roles.model.tok2vec.encode.depth": 1,
    "components.claimex_roles.model.hidden_width": 16,
}


def _train(output: Path, seed: int = 0) -> Path:
    return train_model(TINY / "train", TINY / "dev", output, seed=seed, overrides=TINY_SETTINGS, log=lambda _: None)


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory) -> Path:
    return _train(tmp_path_factory.mktemp("model") / "tiny")


def test_the_tiny_corpus_reads_with_every_role():
    articles = read_corpus(TINY / "train")
    assert len(articles) == 4
    for article in articles:
        assert {span.label for span in article.spans} == {"SOURCE", "CUE", "CONTENT"}
        assert all(article.text[s.start:s.end].strip() == article.text[s.start:s.end] for s in article.spans)


def _broken_copy(tmp_path: Path, edit) -> tuple[Path, Path]:
    """A copy of the tiny training corpus with one .ann file changed by `edit(lines) -> lines`."""
    corpus = tmp_path / "corpus"
    shutil.copytree(TINY / "train", corpus)
    ann = sorted((corpus / "attributions").glob("*.ann"))[0]
    ann.write_text("\n".join(edit(ann.read_text(encoding="utf-8").splitlines())) + "\n", encoding="utf-8")
    return corpus, ann


@pytest.mark.parametrize("edit, line, message", [
    (lambda lines: lines[:1] + ["T99\tSpeaker 0 4\tthe"] + lines[1:], 2, "unknown label 'Speaker'"),
    (lambda lines: lines + ["T99\tContent 5 99999\twhatever"], None, "span 5-99999 lies outside the text"),
    (lambda lines: lines[:2] + ["T99\tCue 9 4\tbackwards"] + lines[2:], 3, "lies outside the text"),
    (lambda lines: lines + ["T99\tCue four five\tsaid"], None, "are not `<start> <end>"),
])
def test_a_broken_annotation_names_the_file_and_line(tmp_path, edit, line, message):
    corpus, ann = _broken_copy(tmp_path, edit)
    line = line or len(ann.read_text(encoding="utf-8").splitlines())
    with pytest.raises(CorpusError) as error:
        read_corpus(corpus)
    assert str(error.value).startswith(f"{ann}:{line}: ")
    assert message in str(error.value)


def test_a_missing_text_file_names_the_annotation_file(tmp_path):
    corpus, ann = _broken_copy(tmp_path, lambda lines: lines)
    text = corpus / "text" / (ann.stem.rsplit("_", 1)[0] + ".txt")
    text.unlink()
    with pytest.raises(CorpusError, match=f"^{ann}:1: its text file {text} is missing$"):
        read_corpus(corpus)


def test_the_command_reports_a_bad_corpus_in_one_line(tmp_path, runner):
    corpus, ann = _broken_copy(tmp_path, lambda lines: lines[:1] + ["T99\tSpeaker 0 4\tthe"] + lines[1:])
    result = runner.invoke(app, ["train", str(corpus), "--dev", str(TINY / "dev"), "--output", str(tmp_path / "m")])
    assert result.exit_code == 2
    assert result.stderr.strip() == f"claimex: {ann}:2: unknown label 'Speaker' (known: Attribution, " \
        "Attribution-no-source, Content, Cue, Discard, Discuss, Source)"
    assert result.stdout == ""
    assert not (tmp_path / "m").exists()


def test_the_command_will_not_overwrite_a_folder(tmp_path, runner):
    (tmp_path / "m").mkdir()
    (tmp_path / "m" / "notes.txt").write_text("mine", encoding="utf-8")
    result = runner.invoke(app, ["train", str(TINY / "train"), "--dev", str(TINY / "dev"), "--output", str(tmp_path / "m")])
    assert result.exit_code == 2
    assert result.stderr.strip() == f"claimex: {tmp_path / 'm'}: already exists and is not an empty folder; choose another --output"
    assert (tmp_path / "m" / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_the_same_seed_gives_the_same_model(tmp_path, tiny_model):
    again = _train(tmp_path / "again")
    weights = Path("claimex_roles") / "model"
    assert (again / weights).read_bytes() == (tiny_model / weights).read_bytes()


def test_the_trained_pipeline_holds_the_role_recogniser_before_the_parser(tiny_model):
    import spacy

    names = spacy.load(tiny_model).pipe_names
    assert names.index("claimex_roles") < names.index("claimex_role_spans") < names.index("parser")


@pytest.mark.parametrize("how", ["option", "environment"])
def test_extract_loads_the_trained_model(tmp_path, runner, tiny_model, how):
    article = tmp_path / "article.txt"
    text = "Water rates will rise\n\nThe water board said on Monday that rates will rise by ten percent.\n"
    article.write_text(text, encoding="utf-8")
    args = ["extract", "--format", "jsonl", str(article)]
    if how == "option":
        result = runner.invoke(app, args[:1] + ["--model", str(tiny_model)] + args[1:])
    else:
        result = runner.invoke(app, args, env={"CLAIMEX_MODEL": str(tiny_model)})
    assert result.exit_code == 0, result.stderr
    claims = [json.loads(line) for line in result.stdout.splitlines()]
    assert claims
    for claim in claims:
        for part in ("content", "source", "cue"):
            if claim[part] is not None:
                assert text[claim[part]["start"]:claim[part]["end"]] == claim[part]["text"]
