"""`claimex extract` on real inputs: files, folders, stdin, JSON lines, HTML, bad bytes; data on stdout only,
one line per failed input on stderr, exit 0 (all read), 1 (some failed) or 2 (usage)."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimex import api, ingest
from claimex.cli import app
from claimex.schema import Claim

ARTICLE = "The council approved the budget on Monday, the mayor said. The vote was close.\n"
OTHER = "Officials said the bridge would reopen in May.\n"


def write(path: Path, data: str | bytes) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return str(path)


def claims(stdout: str) -> list[Claim]:
    return [Claim.model_validate_json(line) for line in stdout.splitlines()]


def docs(stdout: str) -> list[str]:
    """The `doc` of each claim, each once, in order of output."""
    return list(dict.fromkeys(claim.doc for claim in claims(stdout)))


def test_a_folder_gives_its_text_and_html_files_recursively_in_order_of_path(runner, tmp_path):
    folder = tmp_path / "news"
    write(folder / "b.txt", ARTICLE)
    write(folder / "a.md", OTHER)
    write(folder / "sub" / "c.txt", ARTICLE)
    write(folder / ".drafts" / "d.txt", ARTICLE)
    write(folder / "notes.pdf", ARTICLE)
    result = runner.invoke(app, ["extract", str(folder)])
    assert (result.exit_code, result.stderr) == (0, "")
    assert docs(result.stdout) == [str(folder / "a.md"), str(folder / "b.txt"), str(folder / "sub" / "c.txt")]


def test_output_is_byte_identical_whatever_the_order_of_the_folder_listing(runner, tmp_path, reverse_folder_listing):
    for name in ["z.txt", "m.txt", "a.txt", "sub/k.txt"]:
        write(tmp_path / name, f"{name} was filed on Monday, the clerk said.\n")
    first = runner.invoke(app, ["extract", str(tmp_path)])
    reverse_folder_listing()
    second = runner.invoke(app, ["extract", str(tmp_path)])
    assert first.exit_code == second.exit_code == 0
    assert first.stdout_bytes == second.stdout_bytes and len(docs(first.stdout)) == 4


def test_dash_reads_stdin_as_bytes_and_names_the_document_dash(runner):
    result = runner.invoke(app, ["extract", "-"], input="The mayor said “we will win” in the café.\n".encode("cp1252"))
    assert (result.exit_code, result.stderr) == (0, "")
    [claim] = claims(result.stdout)
    assert (claim.doc, claim.content.text, claim.source.text) == ("-", "“we will win” in the café", "The mayor")


def test_each_bad_input_is_one_line_on_stderr_and_the_others_still_come_out(runner, tmp_path):
    good = write(tmp_path / "good.txt", ARTICLE)
    inputs = {
        write(tmp_path / "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"): "looks like binary data, not text",
        str(tmp_path / "missing.txt"): "no such file",
        write(tmp_path / "empty.txt", b" \n\n"): "is empty",
        str(Path(good) / "inner.txt"): "cannot be read (Not a directory)",
        str((tmp_path / "nothing").resolve()): "is a folder with no .txt, .md, .html or .htm files in it",
    }
    (tmp_path / "nothing").mkdir()
    write(tmp_path / "nothing" / "data.csv", "a,b\n")
    result = runner.invoke(app, ["extract", *inputs, good])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"claimex: {name}: {reason}" for name, reason in inputs.items()]
    assert docs(result.stdout) == [good]


def test_only_bad_inputs_give_exit_1_and_no_output(runner, tmp_path):
    result = runner.invoke(app, ["extract", write(tmp_path / "empty.txt", "")])
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", f"claimex: {tmp_path / 'empty.txt'}: is empty\n")


def test_jsonl_collection_gives_one_document_per_line_named_path_hash_id(runner, tmp_path):
    lines = [json.dumps({"id": "n1", "text": ARTICLE}), json.dumps({"text": OTHER}), "{broken", "",
             json.dumps({"id": "n4", "title": "no text"})]
    collection = write(tmp_path / "articles.jsonl", "\n".join(lines) + "\n")
    result = runner.invoke(app, ["extract", "--jsonl-field", "text", collection])
    assert result.exit_code == 1
    assert docs(result.stdout) == [f"{collection}#n1", f"{collection}#2"]
    assert result.stderr.splitlines() == [
        f"claimex: {collection}:3: is not JSON (Expecting property name enclosed in double quotes)",
        f"claimex: {collection}:5: has no text in a 'text' field",
    ]


def test_jsonl_id_names_the_id_field_and_needs_jsonl_field(runner, tmp_path):
    collection = write(tmp_path / "a.jsonl", json.dumps({"id": "x", "url": "https://e.org/1", "body": ARTICLE}) + "\n")
    result = runner.invoke(app, ["extract", "--jsonl-field", "body", "--jsonl-id", "url", collection])
    assert (result.exit_code, docs(result.stdout)) == (0, [f"{collection}#https://e.org/1"])
    usage = runner.invoke(app, ["extract", "--jsonl-id", "url", collection])
    assert (usage.exit_code, usage.stdout) == (2, "")
    assert usage.stderr == "claimex: --jsonl-id works with --jsonl-field\n"


PAGE = """<!DOCTYPE html>
<html><head><title>Budget</title><script>var note = "The mayor said nothing at all.";</script></head>
<body><nav><a href="/">Home</a> | <a href="/news">News</a> | <a href="/sport">Sport said</a></nav>
<article><h1>Council passes budget</h1>
<p>The council approved the budget on Monday, the mayor said.</p>
<p>"We will appeal," said Jane Doe, a union leader.</p></article>
<footer>Copyright 2024 The Gazette. Follow us on Twitter.</footer>
<script>track("the reader said hello")</script></body></html>
"""


def test_html_claims_come_from_the_article_text_with_offsets_into_it(runner, tmp_path):
    page = write(tmp_path / "page.html", PAGE)
    extracted = ingest.article_document(page, PAGE.encode("utf-8")).text
    result = runner.invoke(app, ["extract", page])
    assert (result.exit_code, result.stderr) == (0, "")
    found = claims(result.stdout)
    assert {claim.doc for claim in found} == {f"{page}#text"}
    assert {claim.content.text for claim in found} >= {"The council approved the budget on Monday", '"We will appeal,"'}
    for claim in found:
        assert extracted[claim.content.start : claim.content.end] == claim.content.text
        assert not any(word in claim.content.text for word in ("<", "nothing at all", "hello", "Home", "Sport", "Twitter"))


BOILERPLATE = """bool(false) data condition: ($a < $b)
Advertisement
Advertise on the Town Crier
Sign up to receive our newsletter
Get the best of the Gazette in your inbox every morning
Share this article
Share on Facebook | Share on Twitter | Email
Click to share on WhatsApp (Opens in new window)
We use cookies to improve your experience. By continuing you agree to our cookie policy.
Manage cookie preferences
By Amira Haddad
Photograph: Jane Roe/Reuters
Image caption: The mayor said the budget was fine.
Jane Roe/Getty Images
Reporting by Jane Roe and Tom Li; Editing by John Smith
Continue reading the main story
Read more: Mayor says budget will pass
Follow the Gazette on Facebook
Already a subscriber? Log in
Most read
"""


def test_boilerplate_lines_give_no_claims(runner, tmp_path):
    text = BOILERPLATE + ARTICLE
    result = runner.invoke(app, ["extract", write(tmp_path / "page.txt", text)])
    assert result.exit_code == 0
    start = len(BOILERPLATE)
    assert [(claim.content.text, claim.content.start) for claim in claims(result.stdout)] == [
        ("The council approved the budget on Monday", start), ("The vote was close.", start + 59)]


def test_an_internal_error_fails_only_its_input_in_one_line(runner, tmp_path, monkeypatch):
    paths = [write(tmp_path / f"{name}.txt", ARTICLE) for name in "abc"]
    real = api.claims_from_doc

    def broken_on_b(doc, name, published=None):
        if name.endswith("b.txt"):
            raise RuntimeError("boom")
        return real(doc, name, published)

    monkeypatch.setattr(api, "claims_from_doc", broken_on_b)
    result = runner.invoke(app, ["extract", *paths])
    assert result.exit_code == 1
    assert result.stderr == f"claimex: internal error on {paths[1]}: RuntimeError: boom\n"
    assert docs(result.stdout) == [paths[0], paths[2]]
    debug = runner.invoke(app, ["extract", "--debug", *paths])
    assert debug.exit_code == 1
    assert debug.stderr.startswith("Traceback (most recent call last):")
    assert debug.stderr.endswith(f"RuntimeError: boom\nclaimex: internal error on {paths[1]}: RuntimeError: boom\n")


def test_an_internal_error_outside_any_input_is_one_line_without_debug(runner, tmp_path, monkeypatch):
    from claimex import output

    def broken_write(self, name, text, records):
        raise ValueError("disk on fire")

    monkeypatch.setattr(output.JsonlWriter, "write", broken_write)
    result = runner.invoke(app, ["extract", write(tmp_path / "a.txt", ARTICLE)])
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == "claimex: internal error: ValueError: disk on fire\n"
    debug = runner.invoke(app, ["extract", "--debug", str(tmp_path / "a.txt")])
    assert isinstance(debug.exception, ValueError)


def test_empty_stdin_is_named_dash(runner):
    result = runner.invoke(app, ["extract", "-"], input=b"")
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", "claimex: -: is empty\n")


def test_output_file_appears_only_when_the_run_completes(runner, tmp_path, monkeypatch):
    paths = [write(tmp_path / f"{name}.txt", ARTICLE) for name in "ab"]
    out = tmp_path / "out" / "claims.jsonl"
    out.parent.mkdir()
    real = api.claims_from_doc

    def interrupted_on_b(doc, name, published=None):
        if name.endswith("b.txt"):
            raise KeyboardInterrupt
        return real(doc, name, published)

    monkeypatch.setattr(api, "claims_from_doc", interrupted_on_b)
    died = runner.invoke(app, ["extract", *paths, "--output", str(out)])
    assert died.exit_code != 0
    assert list(out.parent.iterdir()) == []
    monkeypatch.setattr(api, "claims_from_doc", real)
    done = runner.invoke(app, ["extract", *paths, "--output", str(out)])
    assert (done.exit_code, done.stdout) == (0, "")
    assert [path.name for path in out.parent.iterdir()] == ["claims.jsonl"]
    assert len(claims(out.read_text(encoding="utf-8"))) == 4
    again = runner.invoke(app, ["extract", *paths, "--output", str(out)])
    assert again.exit_code == 2 and "--force" in again.stderr


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.one_of(st.binary(max_size=400), st.text(max_size=400).map(lambda text: text.encode("utf-8"))))
def test_any_bytes_give_valid_claims_or_one_line_per_failure(runner, tmp_path, data):
    path = write(tmp_path / "input.txt", data)
    result = runner.invoke(app, ["extract", path])
    assert result.exit_code in (0, 1), result.output
    for line in result.stdout.splitlines():
        Claim.model_validate_json(line)
    if result.exit_code == 1:
        [line] = result.stderr.splitlines()
        assert line.startswith((f"claimex: {path}: ", f"claimex: {path}#text: "))  # #text: read as an HTML page
    else:
        assert result.stderr == ""
