"""The Dask engine on a LocalCluster (2 workers, 1 thread each, no dashboard): the bytes one process gives,
whatever the partitioning, with bad inputs and a worker that dies mid-run."""

from __future__ import annotations

import functools
import subprocess
import sys
from pathlib import Path

import pytest

db = pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")

from claimex import dask as claimex_dask  # noqa: E402
from claimex import api  # noqa: E402
from claimex.api import extract_many, sentences_many  # noqa: E402
from claimex.cli import app  # noqa: E402
from claimex.ingest import read_inputs  # noqa: E402
from claimex.output import jsonl_line  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = str(ROOT / "samples")
ARTICLES = [str(path) for path in sorted((ROOT / "samples").glob("*.txt"))]  # samples/ without its pairs
ONE_PROCESS = {"claims": extract_many, "sentences": sentences_many}


@pytest.fixture(scope="module")
def client():
    with claimex_dask.local_cluster(2) as cluster, distributed.Client(cluster) as client:
        client.register_plugin(claimex_dask.PreloadPipeline(), name="claimex-pipeline")
        yield client


@functools.lru_cache(maxsize=None)
def _one_process(kind: str, named_texts: tuple[tuple[str, str], ...]) -> str:
    """The JSON lines `claimex extract` (or `sentences`) writes for the texts in one process."""
    return "".join(jsonl_line(record) for records in ONE_PROCESS[kind](named_texts) for record in records)


def _lines(outcomes) -> str:
    return "".join(jsonl_line(record) for outcome in outcomes for record in outcome.records)


def _texts(inputs: list[str]) -> tuple[tuple[str, str], ...]:
    return tuple((document.name, document.text) for document in read_inputs(inputs))


@pytest.mark.parametrize(("kind", "partitions"), [("claims", 1), ("claims", 2), ("claims", 7), ("sentences", 2)])
def test_dask_output_is_the_one_process_output_whatever_the_partitioning(nlp, client, kind, partitions):
    inputs = [SAMPLES] if kind == "claims" else ARTICLES
    items = list(claimex_dask.work_items(inputs))
    assert all(isinstance(item, claimex_dask.FileToRead) for item in items)
    bag = db.from_sequence(items, npartitions=1).repartition(partitions)
    assert bag.npartitions == partitions
    produced = _lines(claimex_dask.in_order(client, claimex_dask.outcomes(bag, kind=kind)))
    assert produced == _one_process(kind, _texts(inputs)) != ""


def test_records_bag_of_json_lines_written_by_the_workers(nlp, client, tmp_path):
    texts = _texts(ARTICLES)
    lines = claimex_dask.records(texts, partition_size=2, as_json=True)
    client.gather(client.compute(lines.to_textfiles(str(tmp_path / "*.jsonl"), last_endline=True, compute=False)))
    written = [path.read_text(encoding="utf-8") for path in sorted(tmp_path.glob("*.jsonl"), key=lambda p: int(p.stem))]
    assert len(written) == 2  # one file per partition
    assert "".join(written) == _one_process("claims", texts)


def test_cli_dask_engine_with_bad_inputs_among_good_ones(nlp, client, runner, tmp_path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "collection.jsonl").write_text('{"id": 1, "text": "The mayor said so."}\n', encoding="utf-8")
    inputs = [*ARTICLES, str(tmp_path / "binary.txt"), str(tmp_path / "missing.txt"), str(tmp_path / "empty.txt"),
              str(tmp_path / "collection.jsonl"), str(ROOT / "samples" / "ferry-strike.txt")]
    one = runner.invoke(app, ["extract", "--format", "jsonl", *inputs])
    spread = runner.invoke(app, ["extract", "--format", "jsonl", "--engine", "dask", "--partition-size", "2",
                                 "--scheduler", client.scheduler.address, *inputs])
    assert (spread.exit_code, one.exit_code) == (1, 1)
    assert spread.stdout == one.stdout != ""
    assert spread.stderr.splitlines() == one.stderr.splitlines()
    assert len(spread.stderr.splitlines()) == 4


def test_a_failing_document_gives_its_error_and_the_others_their_records_once(nlp, monkeypatch):
    real, calls = api.claims_from_doc, []

    def failing_on_boom(doc, name, published=None):
        calls.append(name)
        if name == "boom":
            raise ValueError("bad luck")
        return real(doc, name, published)

    monkeypatch.setattr(api, "claims_from_doc", failing_on_boom)
    texts = [("a", "The mayor said the bridge will reopen."), ("boom", "Anything."), ("b", "\"We won,\" she said.")]
    outcomes = claimex_dask.partition_outcomes([*texts, claimex_dask.FileToRead("no/such/file.txt")],
                                               "claims", None, None)
    assert [(o.name, o.error) for o in outcomes] == [
        ("a", None), ("boom", "internal error on boom: ValueError: bad luck"), ("b", None),
        ("no/such/file.txt", "no/such/file.txt: no such file")]
    assert calls.count("a") == 1  # the text before the failure is not processed again
    assert _lines([outcomes[0], outcomes[2]]) == _one_process("claims", (texts[0], texts[2]))


def test_work_items_send_files_by_path_and_collections_as_text(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for name in ("b.txt", "a.html", "notes.csv"):
        (folder / name).write_text("The mayor said so.", encoding="utf-8")
    (tmp_path / "empty").mkdir()
    collection = tmp_path / "c.jsonl"
    collection.write_text('{"id": "x", "body": "One."}\n{"id": "y", "body": "Two."}\n', encoding="utf-8")
    assert list(claimex_dask.work_items([str(folder), str(tmp_path / "one.txt")])) == [
        claimex_dask.FileToRead(str(folder / "a.html")), claimex_dask.FileToRead(str(folder / "b.txt")),
        claimex_dask.FileToRead(str(tmp_path / "one.txt"))]
    assert list(claimex_dask.work_items([str(collection)], jsonl_field="body")) == [
        (f"{collection}#x", "One."), (f"{collection}#y", "Two.")]
    [empty] = claimex_dask.work_items([str(tmp_path / "empty")])
    assert empty == next(iter(read_inputs([str(tmp_path / "empty")])))


def test_the_pickled_task_is_small_and_carries_no_pipeline(nlp):
    cloudpickle = pytest.importorskip("cloudpickle")
    for documents in (list(claimex_dask.work_items([SAMPLES])), _texts([SAMPLES])):
        graph = dict(claimex_dask.outcomes(documents, partition_size=8).__dask_graph__())
        sizes = [len(cloudpickle.dumps(task)) for task in graph.values()]
        assert max(sizes) < 100_000


def test_engine_dask_without_the_extra_says_which_to_install(runner, monkeypatch, tmp_path):
    for module in ("dask", "dask.bag", "distributed"):
        monkeypatch.setitem(sys.modules, module, None)
    monkeypatch.delitem(sys.modules, "claimex.dask")
    result = runner.invoke(app, ["extract", "--engine", "dask", SAMPLES])
    assert result.exit_code == 2
    assert result.stderr == "claimex: --engine dask needs the dask extra: pip install 'claimex[dask]'\n"


def test_dask_options_need_the_dask_engine(runner):
    result = runner.invoke(app, ["sentences", "--partition-size", "4", SAMPLES])
    assert result.exit_code == 2 and "--engine dask" in result.stderr


def test_the_default_install_imports_no_dask():
    code = "import sys, claimex.api, claimex.cli; print(sorted({'dask', 'distributed'} & set(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.stdout.strip() == "[]", result.stderr


def test_a_worker_killed_mid_run_loses_and_repeats_no_document(nlp, client):
    texts = tuple((f"{name}#{copy}", text) for copy in range(3) for name, text in _texts(ARTICLES))
    stream = claimex_dask.in_order(client, claimex_dask.outcomes(texts, partition_size=1), ahead=4)
    produced = [next(stream)]
    cluster = client.cluster
    cluster.sync(cluster.workers[min(cluster.workers)].kill)
    assert len(client.scheduler_info()["workers"]) == 1
    produced.extend(stream)
    assert [outcome.name for outcome in produced] == [name for name, _ in texts]
    assert _lines(produced) == _one_process("claims", texts)
