"""The output forms through the command line: the same claims as JSON lines, in CSV, TSV, a table and
`show`; data on stdout, nothing else there; usage errors for bad --fields."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from claimex.api import extract
from claimex.cli import app
from claimex.output import CLAIM_COLUMNS, SENTENCE_COLUMNS, jsonl_line

HARBOUR = """Harbour council delays vote on tram extension

The city council postponed its vote on the tram extension until March, its chair said on Tuesday.

"We need more time to read the figures," said councillor Dana Reyes. The extension would cost about $40 million, \
according to the transport office.

Critics said the plan could raise fares by 5 percent.
"""

LIBRARY = """Notice board hacked at town library

=HYPERLINK("http://evil.example/steal","Click for prizes") appeared on the library's screens on Friday.

"We have never seen anything like it," said librarian Tom Kale.
"""

ORCHARD = """Frost hits apple growers

Growers in the valley lost nearly half of this year's crop to a late frost, their association said on Monday.
Insurers reportedly expect claims to top 2,000.
"""


def write(folder: Path, name: str, text: str) -> str:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def jsonl_claims(runner, paths: list[str]) -> list[dict]:
    result = runner.invoke(app, ["extract", "--format", "jsonl", *paths])
    assert result.exit_code == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def rows(output: str, delimiter: str = ",") -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(output, newline=""), delimiter=delimiter))


@pytest.mark.parametrize("form, delimiter", [("csv", ","), ("tsv", "\t")])
def test_cli_output_delimited_rows_are_the_jsonl_claims(runner, tmp_path, form, delimiter):
    path = write(tmp_path, "harbour.txt", HARBOUR)
    claims = jsonl_claims(runner, [path])
    result = runner.invoke(app, ["extract", "--format", form, path])
    assert result.exit_code == 0 and result.stderr == ""
    table = rows(result.stdout, delimiter)
    assert len(claims) >= 4 and len(table) == len(claims)
    assert list(table[0]) == list(CLAIM_COLUMNS)
    for row, claim in zip(table, claims):
        assert (row["id"], row["kind"], row["content"], row["start"]) == (
            claim["id"], claim["kind"], claim["content"]["text"], str(claim["content"]["start"]))
        assert row["source"] == (claim["source"]["text"] if claim["source"] else "")
        assert HARBOUR[int(row["start"]):int(row["end"])] == row["content"]


def test_cli_output_csv_of_several_files_in_a_folder_has_a_row_per_claim(runner, tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    paths = [write(folder, name, text) for name, text in
             (("harbour.txt", HARBOUR), ("library.txt", LIBRARY), ("orchard.txt", ORCHARD))]
    claims = jsonl_claims(runner, paths)
    result = runner.invoke(app, ["extract", "--format", "csv", *paths])
    assert result.exit_code == 0, result.stderr
    table = rows(result.stdout)
    assert [(row["doc"], row["id"]) for row in table] == [(claim["doc"], claim["id"]) for claim in claims]
    assert {row["doc"] for row in table} == set(paths)
    assert result.stdout.count(",".join(CLAIM_COLUMNS)) == 1  # one header for all files


def test_cli_output_csv_neutralises_a_quoted_formula(runner, tmp_path):
    path = write(tmp_path, "library.txt", LIBRARY)
    result = runner.invoke(app, ["extract", "--format", "csv", "--fields", "content", path])
    contents = [row["content"] for row in rows(result.stdout)]
    assert any(content.startswith("'=HYPERLINK(") for content in contents)
    assert not any(content.startswith(("=", "+", "-", "@")) for content in contents)


def test_cli_output_fields_choose_the_columns_and_their_order(runner, tmp_path):
    path = write(tmp_path, "harbour.txt", HARBOUR)
    result = runner.invoke(app, ["extract", "--format", "tsv", "--fields", "kind,source,cue", path])
    assert result.exit_code == 0
    table = rows(result.stdout, "\t")
    assert list(table[0]) == ["kind", "source", "cue"]
    assert {"kind": "direct", "source": "councillor Dana Reyes", "cue": "said"} in table


@pytest.mark.parametrize("options, message", [
    (["--format", "csv", "--fields", "kind,speaker"], "speaker"),
    (["--format", "jsonl", "--fields", "kind"], "--fields"),
])
def test_cli_output_bad_fields_are_usage_errors(runner, tmp_path, options, message):
    result = runner.invoke(app, ["extract", *options, write(tmp_path, "harbour.txt", HARBOUR)])
    assert result.exit_code == 2
    assert message in result.stderr and result.stdout == ""


def test_cli_output_sentences_csv_has_a_row_per_sentence(runner, tmp_path):
    path = write(tmp_path, "orchard.txt", ORCHARD)
    lines = runner.invoke(app, ["sentences", "--format", "jsonl", path]).stdout.splitlines()
    result = runner.invoke(app, ["sentences", "--format", "csv", path])
    table = rows(result.stdout)
    assert list(table[0]) == list(SENTENCE_COLUMNS)
    assert [row["text"] for row in table] == [json.loads(line)["text"] for line in lines]


def test_cli_output_sentences_have_no_html_report(runner, tmp_path):
    result = runner.invoke(app, ["sentences", "--format", "html", write(tmp_path, "orchard.txt", ORCHARD)])
    assert result.exit_code == 2 and "report" in result.stderr and result.stdout == ""


def test_cli_output_default_off_a_terminal_is_the_jsonl_contract_byte_for_byte(runner, tmp_path):
    path = write(tmp_path, "harbour.txt", HARBOUR)
    expected = "".join(jsonl_line(claim) for claim in extract(HARBOUR, doc=path))
    assert runner.invoke(app, ["extract", path]).stdout == expected
    assert runner.invoke(app, ["extract", "--format", "jsonl", path]).stdout == expected


def test_cli_output_table_lists_each_claim_for_people(runner, tmp_path):
    path = write(tmp_path, "harbour.txt", HARBOUR)
    claims = jsonl_claims(runner, [path])
    result = runner.invoke(app, ["extract", "--format", "table", path], env={"COLUMNS": "140"})
    assert result.exit_code == 0 and result.stderr == ""
    assert f"{path}: {len(claims)} claims" in result.stdout
    assert "{" not in result.stdout
    reyes = next(line for line in result.stdout.splitlines() if "councillor Dana" in line)
    assert reyes.split()[:4] == ["3", "councillor", "Dana", "said"]
    assert '"We need more time to read the figures,"' in reyes and " direct " in reyes


def test_cli_output_sentences_table(runner, tmp_path):
    path = write(tmp_path, "orchard.txt", ORCHARD)
    result = runner.invoke(app, ["sentences", "--format", "table", path], env={"COLUMNS": "140"})
    assert result.exit_code == 0
    assert f"{path}: 3 sentences" in result.stdout and "Insurers reportedly expect" in result.stdout


def test_cli_output_show_highlights_the_article(runner, tmp_path):
    path = write(tmp_path, "harbour.txt", HARBOUR)
    claims = jsonl_claims(runner, [path])
    plain = runner.invoke(app, ["show", path], env={"COLUMNS": "200"})
    assert plain.exit_code == 0 and plain.stderr == ""
    assert f"{path}: {len(claims)} claims" in plain.stdout and "\x1b" not in plain.stdout
    body = [line.rstrip() for line in plain.stdout.splitlines()[2:]]
    paragraph = HARBOUR.splitlines()[4]
    line = next(line for line in body if line.endswith(paragraph))
    start = HARBOUR.index(paragraph)
    starting_here = [str(number) for number, claim in enumerate(claims, start=1)
                     if start <= claim["content"]["start"] <= start + len(paragraph)]
    assert len(starting_here) == 2 and line[:-len(paragraph)].split() == starting_here
    coloured = runner.invoke(app, ["show", path], env={"COLUMNS": "200", "FORCE_COLOR": "1"})
    assert "\x1b[1;36mcouncillor Dana Reyes\x1b[0m" in coloured.stdout


def test_cli_output_csv_into_a_file_leaves_stdout_empty(runner, tmp_path):
    path = write(tmp_path, "harbour.txt", HARBOUR)
    out = tmp_path / "claims.csv"
    result = runner.invoke(app, ["extract", "--format", "csv", path, "-o", str(out)])
    assert result.exit_code == 0 and result.stdout == "" and result.stderr == ""
    assert len(rows(out.read_text(encoding="utf-8"))) == len(jsonl_claims(runner, [path]))
