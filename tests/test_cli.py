"""The command line: data on stdout, one-line errors on stderr, exit codes 0, 1 and 2."""

from __future__ import annotations

import json
from pathlib import Path

from claimex.cli import app
from claimex.schema import Claim, Sentence

ARTICLE = "The council approved the budget on Monday, the mayor said. The vote was close.\n"


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_cli_extract_prints_one_valid_claim_per_line(runner, tmp_path):
    path = write(tmp_path, "a.txt", ARTICLE)
    result = runner.invoke(app, ["extract", "--format", "jsonl", path])
    assert result.exit_code == 0, result.stderr
    claims = [Claim.model_validate_json(line) for line in result.stdout.splitlines()]
    assert [(c.doc, c.kind) for c in claims] == [(path, "indirect"), (path, "unattributed")]
    assert result.stderr == ""


def test_cli_sentences_prints_one_sentence_per_line(runner, tmp_path):
    path = write(tmp_path, "a.txt", ARTICLE)
    result = runner.invoke(app, ["sentences", "--format", "jsonl", path])
    assert result.exit_code == 0, result.stderr
    sentences = [Sentence.model_validate_json(line) for line in result.stdout.splitlines()]
    assert [(s.index, s.text) for s in sentences] == [
        (0, "The council approved the budget on Monday, the mayor said."), (1, "The vote was close.")]


def test_cli_missing_file_is_named_on_stderr_and_the_rest_still_comes_out(runner, tmp_path):
    good = write(tmp_path, "good.txt", ARTICLE)
    missing = str(tmp_path / "missing.txt")
    result = runner.invoke(app, ["extract", missing, good])
    assert result.exit_code == 1
    assert result.stderr.strip() == f"claimex: {missing}: no such file"
    assert {json.loads(line)["doc"] for line in result.stdout.splitlines()} == {good}


def test_cli_bad_published_date_is_a_usage_error(runner, tmp_path):
    result = runner.invoke(app, ["extract", "--published", "03/05/2017", write(tmp_path, "a.txt", ARTICLE)])
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.stderr and result.stdout == ""


def test_cli_unknown_model_is_a_usage_error(runner, tmp_path):
    result = runner.invoke(app, ["extract", "--model", "no_such_pipeline", write(tmp_path, "a.txt", ARTICLE)])
    assert result.exit_code == 2
    assert "no_such_pipeline" in result.stderr and result.stdout == ""


def test_cli_output_file_is_not_overwritten_without_force(runner, tmp_path):
    path = write(tmp_path, "a.txt", ARTICLE)
    out = tmp_path / "claims.jsonl"
    out.write_text("keep me\n", encoding="utf-8")
    refused = runner.invoke(app, ["extract", path, "--output", str(out)])
    assert refused.exit_code == 2 and "--force" in refused.stderr
    assert out.read_text(encoding="utf-8") == "keep me\n"
    forced = runner.invoke(app, ["extract", path, "--output", str(out), "--force"])
    assert forced.exit_code == 0 and forced.stdout == ""
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2


def test_cli_python_dash_m_runs_the_same_app():
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "claimex", "--help"], capture_output=True, text=True)
    assert result.returncode == 0
    assert "extract" in result.stdout and "sentences" in result.stdout


def test_cli_two_workers_write_the_same_bytes_in_the_same_order(runner, tmp_path):
    paths = [write(tmp_path, f"{i:02d}.txt", f"Story {i}. The council voted {i} times, the mayor said.\n")
             for i in range(7)]
    one = runner.invoke(app, ["extract", "--format", "jsonl", "--batch-size", "2", *paths])
    two = runner.invoke(app, ["extract", "--format", "jsonl", "--batch-size", "2", "--workers", "2", *paths])
    assert one.exit_code == two.exit_code == 0
    assert two.stdout == one.stdout
    assert list(dict.fromkeys(json.loads(line)["doc"] for line in one.stdout.splitlines())) == paths


def test_cli_every_command_has_help_and_is_in_the_readme():
    import typer.main

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    commands = typer.main.get_command(app).commands
    assert {"extract", "sentences", "show", "report", "diff", "schema"} <= set(commands)
    for name, command in commands.items():
        assert command.help, f"`claimex {name}` has no help text"
        assert f"claimex {name}" in readme, f"`claimex {name}` is not in the README"


def test_cli_help_and_schema_do_not_import_spacy():
    import subprocess
    import sys

    code = ("import sys; from claimex.cli import app\n"
            "try:\n    app(args=sys.argv[1:], prog_name='claimex')\nexcept SystemExit:\n    pass\n"
            "print('spacy' in sys.modules, file=sys.stderr)")
    for args in (["--help"], ["schema"]):
        result = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True)
        assert result.stderr.strip().splitlines()[-1] == "False", args


def test_cli_model_folder_gives_the_same_claims_as_the_installed_package(runner, tmp_path):
    import spacy

    from claimex.pipeline import resolve_model

    folder = tmp_path / "pipeline"
    spacy.load(resolve_model()).to_disk(folder)
    path = write(tmp_path, "a.txt", ARTICLE)
    installed = runner.invoke(app, ["extract", "--format", "jsonl", path])
    from_folder = runner.invoke(app, ["extract", "--format", "jsonl", "--model", str(folder), path])
    assert from_folder.exit_code == 0, from_folder.stderr
    assert from_folder.stdout == installed.stdout != ""


def test_cli_error_lines_print_paths_as_they_are(runner, tmp_path):
    missing = str(tmp_path / "[red]notes.txt")
    result = runner.invoke(app, ["extract", "--output", write(tmp_path, "[b]out.jsonl", "x"), missing])
    assert result.exit_code == 2
    assert "[b]out.jsonl exists" in result.stderr
    result = runner.invoke(app, ["diff", missing, missing])
    assert result.exit_code == 1
    assert result.stderr.strip() == f"claimex: {missing}: no such file"
