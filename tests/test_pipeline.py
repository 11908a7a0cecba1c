"""claimex's components the spaCy way: configured by their factories, lexicons read in `initialize`,
saved with `nlp.to_disk` and found by `spacy.load` through the `spacy_factories` entry points."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from claimex.api import extract_many, sentences_many
from claimex.cli import app
from claimex.component import NotInitialized
from claimex.output import jsonl_line
from claimex.pipeline import load_pipeline, resolve_model
from claimex.resources import read_lexicon

ROOT = Path(__file__).resolve().parents[1]
CLAIMEX_COMPONENTS = ["claimex_boilerplate", "claimex_sentences", "claimex_attribution", "claimex_hedges"]
ARTICLE = (
    "Advertisement\n\n"
    "LONDON (Reuters) - The council approved the budget on Monday, the mayor said. \"We will appeal,\" said "
    "Jane Doe, a union leader, who may sue.\n\n"
    "According to officials, the vote was reportedly close. Critics argued it was a mistake.\n"
)
# Loads a saved pipeline in a fresh process that has not imported claimex, and prints its claims and
# sentences as JSON lines, as `claimex extract` / `claimex sentences` would.
FRESH_PROCESS = """
import sys, spacy
folder, *paths = sys.argv[1:]
assert not any(module.startswith("claimex") for module in sys.modules)
nlp = spacy.load(folder)
from claimex.claims import claims_from_doc, sentences_from_doc
from claimex.dates import find_published_date
from claimex.output import jsonl_line
for path in paths:
    text = open(path, encoding="utf-8").read()
    doc = nlp(text)
    for to_records in (claims_from_doc, sentences_from_doc):
        for record in to_records(doc, path, find_published_date(text)):
            sys.stdout.write(jsonl_line(record))
"""


@pytest.fixture(scope="module")
def saved(nlp, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("saved") / "pipeline"
    nlp.to_disk(folder)
    return folder


def _articles(tmp_path: Path) -> list[Path]:
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    return [*sorted((ROOT / "samples").glob("*.txt")), article]


def test_pipeline_saved_with_to_disk_gives_the_same_records_in_a_fresh_process(saved, tmp_path):
    paths = _articles(tmp_path)
    named = [(str(path), path.read_text(encoding="utf-8")) for path in paths]
    expected = "".join(jsonl_line(record) for claims, sentences in zip(extract_many(named), sentences_many(named))
                       for record in [*claims, *sentences])
    fresh = subprocess.run([sys.executable, "-c", FRESH_PROCESS, str(saved), *map(str, paths)],
                           capture_output=True, text=True, timeout=300)
    assert fresh.returncode == 0, fresh.stderr
    assert fresh.stdout == expected
    assert '"source"' in expected


def test_cli_model_folder_saved_with_claimex_components_gives_the_same_claims(saved, runner, tmp_path):
    paths = [str(path) for path in _articles(tmp_path)]
    installed = runner.invoke(app, ["extract", "--format", "jsonl", *paths])
    from_folder = runner.invoke(app, ["extract", "--format", "jsonl", "--model", str(saved), *paths])
    assert from_folder.exit_code == 0, from_folder.stderr
    assert from_folder.stdout == installed.stdout != ""


def test_saved_pipeline_runs_on_the_lexicons_in_its_folder(nlp, saved, tmp_path):
    folder = tmp_path / "edited"
    shutil.copytree(saved, folder)
    lexicons_file = folder / "claimex_hedges" / "lexicons.json"
    lexicons = json.loads(lexicons_file.read_text(encoding="utf-8"))
    lexicons["lexicon"].append("in all likelihood")
    lexicons_file.write_text(json.dumps(lexicons), encoding="utf-8")
    text = "The plant will in all likelihood close."
    start = text.index("in all")
    assert nlp(text)._.claimex_hedges == ()
    assert spacy.load(folder)(text)._.claimex_hedges == ((start, start + len("in all likelihood")),)


def test_pipeline_has_claimex_components_in_their_places(nlp):
    names = nlp.pipe_names
    assert names[0] == "claimex_boilerplate"
    assert names.index("claimex_sentences") < names.index("parser")
    assert names.index("claimex_plain_forms") < names.index("tok2vec")
    assert names[-3:] == ["claimex_attribution", "claimex_role_attribution", "claimex_hedges"]


@pytest.mark.parametrize("name", CLAIMEX_COMPONENTS)
def test_component_lexicons_round_trip_through_bytes(nlp, name):
    component = nlp.get_pipe(name)
    blank = spacy.blank("en")
    copy = blank.add_pipe(nlp.get_pipe_meta(name).factory, name=name)
    copy.from_bytes(component.to_bytes())
    assert copy.lexicons == json.loads(json.dumps(component.lexicons)) != {}


@pytest.mark.parametrize(("config", "text", "hedges"), [
    ({}, "It is reportedly closed.", ((6, 16),)),
    ({}, "It is closed.", ()),
    ({"lexicon": "OWN"}, "It is closed, by and large.", ((14, 26),)),
    ({"lexicon": "OWN"}, "It is reportedly closed.", ()),
])
def test_factory_default_config_and_own_lexicon_file(tmp_path, config, text, hedges):
    if config:
        own = tmp_path / "own_hedges.txt"
        own.write_text("# my hedges\nby and large\n\n", encoding="utf-8")
        config = {"lexicon": str(own)}
    blank = spacy.blank("en")
    blank.add_pipe("claimex_hedges", config=config)
    blank.initialize()
    assert blank(text)._.claimex_hedges == hedges


def test_component_used_before_initialize_says_so():
    blank = spacy.blank("en")
    blank.add_pipe("claimex_hedges")
    with pytest.raises(NotInitialized, match="initialize"):
        blank("It is reportedly closed.")


def test_factories_are_published_as_spacy_entry_points():
    from importlib.metadata import entry_points

    published = {point.name: point.value for point in entry_points(group="spacy_factories")}
    assert {name: published.get(name, "").split(":")[0] for name in CLAIMEX_COMPONENTS} == {
        "claimex_boilerplate": "claimex.boilerplate", "claimex_sentences": "claimex.sentences",
        "claimex_attribution": "claimex.attribution", "claimex_hedges": "claimex.hedges"}


def test_doc_extensions_carry_the_claimex_prefix(nlp):
    doc = nlp(ARTICLE)
    assert doc._.claimex_boilerplate and doc._.claimex_attributions and doc._.claimex_hedges
    assert not any(Doc.has_extension(name) for name in ("boilerplate", "quotes", "hedges", "attributions"))


@pytest.mark.parametrize(("content", "name", "expected"), [
    ("# comment\nalpha\n\n  beta  \n", "words.txt", ("alpha", "beta")),
    ('{"a": [1, 2]}', "rules.json", {"a": [1, 2]}),
])
def test_read_lexicon_reads_lines_or_json(tmp_path, content, name, expected):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    assert read_lexicon(path) == expected


def test_the_default_pipeline_is_loaded_once_however_it_is_named(nlp):
    assert load_pipeline() is load_pipeline(None) is load_pipeline(resolve_model()) is nlp
