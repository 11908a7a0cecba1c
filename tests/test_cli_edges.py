"""The edges a new user hits: --output paths and modes, JSON lines read as prose, spreadsheets, --version,
show --color, repeated ids in a JSON-lines collection, and Ctrl-C with several workers."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from claimex.cli import app

ARTICLE = "The council approved the budget on Monday, the mayor said. The vote was close.\n"
SPLIT_LINE = '"We will rebuild the\nbridge by May," said Mayor Elena Ortiz. It cost\t$40 million, officials said.\n'


def write(path: Path, data: str) -> str:
    path.write_text(data, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("given, message", [
    ("nodir/out.jsonl", "nodir/out.jsonl: no such folder"),
    ("a.txt/out.jsonl", "a.txt/out.jsonl: no such folder"),
    (".", ".: is a folder; give the name of a file in it"),
])
def test_an_output_path_that_cannot_be_a_file_is_one_usage_line(runner, tmp_path, monkeypatch, given, message):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "a.txt", ARTICLE)
    result = runner.invoke(app, ["extract", "a.txt", "--output", given])
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", f"claimex: {message}\n")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["a.txt"]


@pytest.mark.parametrize("umask, mode", [(0o022, 0o644), (0o027, 0o640), (0o077, 0o600)])
def test_an_output_file_has_the_mode_of_a_new_file_under_the_umask(runner, tmp_path, umask, mode):
    source = write(tmp_path / "a.txt", ARTICLE)
    previous = os.umask(umask)
    try:
        result = runner.invoke(app, ["extract", source, "--output", str(tmp_path / "out.jsonl")])
    finally:
        os.umask(previous)
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "out.jsonl").stat().st_mode & 0o777 == mode


@pytest.mark.parametrize("name, lines", [
    ("articles.jsonl", [{"id": 1, "text": ARTICLE}]),
    ("articles.NDJSON", [{"id": 1, "text": ARTICLE}]),
    ("articles.txt", [{"id": 1, "text": ARTICLE}, {"id": 2, "text": ARTICLE}]),
])
def test_json_lines_without_jsonl_field_are_one_line_with_the_hint(runner, tmp_path, name, lines):
    path = write(tmp_path / name, "".join(json.dumps(line) + "\n" for line in lines))
    other = write(tmp_path / "other.txt", ARTICLE)
    result = runner.invoke(app, ["extract", path, other])
    assert result.exit_code == 1
    assert result.stderr == (f"claimex: {path}: looks like JSON lines, not an article: pass --jsonl-field FIELD "
                             "to read the text in each line's FIELD\n")
    assert {json.loads(line)["doc"] for line in result.stdout.splitlines()} == {other}


def test_an_article_that_mentions_braces_is_still_an_article(runner, tmp_path):
    path = write(tmp_path / "a.txt", "{Draft} " + ARTICLE)
    result = runner.invoke(app, ["extract", path])
    assert result.exit_code == 0 and result.stdout


def test_a_repeated_id_in_a_json_lines_collection_is_an_error_line(runner, tmp_path):
    lines = [{"id": "a", "text": ARTICLE}, {"id": "b", "text": ARTICLE}, {"id": "a", "text": "Officials said so.\n"},
             {"text": ARTICLE}, {"id": 4, "text": ARTICLE}]
    path = write(tmp_path / "c.jsonl", "".join(json.dumps(line) + "\n" for line in lines))
    result = runner.invoke(app, ["extract", "--jsonl-field", "text", path])
    assert result.exit_code == 1
    assert result.stderr == (f"claimex: {path}:3: repeats the id a of line 1\n"
                             f"claimex: {path}:5: repeats the id 4 of line 4\n")
    docs = list(dict.fromkeys(json.loads(line)["doc"] for line in result.stdout.splitlines()))
    assert docs == [f"{path}#a", f"{path}#b", f"{path}#4"]


def test_csv_for_excel_begins_with_a_byte_order_mark(runner, tmp_path):
    source = write(tmp_path / "a.txt", ARTICLE)
    plain = runner.invoke(app, ["extract", source, "-f", "csv"]).stdout_bytes
    assert plain.startswith(b"doc,id,")
    assert runner.invoke(app, ["extract", source, "-f", "csv", "--excel"]).stdout_bytes == b"\xef\xbb\xbf" + plain
    runner.invoke(app, ["extract", source, "-f", "csv", "-o", str(tmp_path / "x.csv")])
    assert (tmp_path / "x.csv").read_bytes() == b"\xef\xbb\xbf" + plain
    runner.invoke(app, ["extract", source, "-f", "csv", "--no-excel", "-o", str(tmp_path / "y.csv")])
    assert (tmp_path / "y.csv").read_bytes() == plain
    refused = runner.invoke(app, ["extract", source, "-f", "tsv", "--excel"])
    assert (refused.exit_code, refused.stderr) == (2, "claimex: --excel works with --format csv\n")


@pytest.mark.parametrize("command, cell", [("extract", "We will rebuild the bridge by May,"),
                                           ("sentences", "It cost $40 million, officials said.")])
def test_tsv_has_one_line_per_record_and_no_carriage_returns(runner, tmp_path, command, cell):
    source = write(tmp_path / "a.txt", SPLIT_LINE)
    records = runner.invoke(app, [command, source, "-f", "jsonl"]).stdout.splitlines()
    tsv = runner.invoke(app, [command, source, "-f", "tsv"]).stdout_bytes.decode("utf-8")
    assert "\r" not in tsv and tsv.endswith("\n")
    lines = tsv.split("\n")[:-1]
    assert len(lines) == len(records) + 1
    assert {line.count("\t") for line in lines} == {lines[0].count("\t")}
    assert any(cell in line.split("\t") or f'"""{cell}"""' in line.split("\t") for line in lines)


def test_version_prints_the_package_version(runner):
    from claimex import __version__

    result = runner.invoke(app, ["--version"])
    assert (result.exit_code, result.stdout) == (0, f"claimex {__version__}\n")


@pytest.mark.parametrize("color, coloured", [("always", True), ("never", False), ("auto", False)])
def test_show_color_always_never_or_auto(runner, tmp_path, color, coloured):
    source = write(tmp_path / "a.txt", ARTICLE)
    result = runner.invoke(app, ["show", source, "--color", color])
    assert result.exit_code == 0
    assert ("\x1b[" in result.stdout) is coloured
    assert "The council approved the budget" in result.stdout


def _children(pid: int) -> list[str]:
    try:
        return Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return []


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs /proc to see the worker processes")
def test_ctrl_c_with_two_workers_ends_quietly_with_130_and_no_output_file(tmp_path):
    source = write(tmp_path / "a.txt", ARTICLE)
    out = tmp_path / "out.jsonl"
    command = [sys.executable, "-m", "claimex", "extract", source, "-", "--workers", "2", "--output", str(out)]
    # stdin stays open, so the run waits for it with both workers started
    run = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           start_new_session=True)
    deadline = time.monotonic() + 120
    while len(_children(run.pid)) < 2 and time.monotonic() < deadline:
        time.sleep(0.2)
    time.sleep(1)
    os.killpg(run.pid, signal.SIGINT)
    stdout, stderr = run.communicate(timeout=60)
    assert (run.returncode, stdout, stderr) == (130, b"", b"")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["a.txt"]
