"""Reading inputs: encodings, binary data, folders, stdin, JSON lines, HTML."""

from __future__ import annotations

import codecs
import io

import pytest

from claimex import ingest
from claimex.ingest import BINARY, Document, InputError, decode_document, folder_files, read_inputs

ARTICLE = "The council approved the budget on Monday, the mayor said. The vote was close.\n"
QUOTED = "The mayor said “we will win” — and the café closed. It cost €5.\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (QUOTED.encode("utf-8"), "utf-8"),
        (QUOTED.encode("utf-8-sig"), "utf-8-sig"),
        (QUOTED.encode("utf-16"), "utf-16"),
        (codecs.BOM_UTF16_BE + QUOTED.encode("utf-16-be"), "utf-16"),
        (QUOTED.encode("cp1252"), "cp1252"),
    ],
    ids=["utf-8", "utf-8 with BOM", "utf-16 LE with BOM", "utf-16 BE with BOM", "cp1252"],
)
def test_decode_gives_the_text_without_bom_and_records_the_encoding(data, encoding):
    assert decode_document("a.txt", data) == Document("a.txt", QUOTED, encoding)


def test_decode_legacy_encodings_other_than_western_are_detected():
    french = "Le maire a déclaré que le café était fermé : « non ».\n"
    russian = "Президент заявил, что выборы пройдут в марте. Об этом сообщили в Кремле.\n"
    assert decode_document("fr.txt", french.encode("latin-1")).text == french
    decoded = decode_document("ru.txt", russian.encode("cp1251"))
    assert (decoded.text, decoded.encoding) == (russian, "cp1251")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "is empty"),
        (b" \n\t\r\n", "is empty"),
        ("\ufeff  \n".encode("utf-8"), "is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", BINARY),
        (bytes(range(1, 32)) * 4, BINARY),
        (b"\xff\xfe\x00\xd8", "starts with a UTF-16 byte-order mark but is not valid UTF-16"),
    ],
    ids=["empty", "blank", "BOM only", "PNG", "control bytes", "broken UTF-16"],
)
def test_decode_names_inputs_that_are_not_text(data, reason):
    assert decode_document("x.txt", data) == InputError("x.txt", reason)


def test_decode_keeps_text_with_a_stray_control_character():
    text = ARTICLE * 3 + "\x1a"
    assert decode_document("a.txt", text.encode("utf-8")).text == text


def test_folder_files_are_recursive_sorted_and_skip_hidden_and_other_files(tmp_path, reverse_folder_listing):
    for name in ["b.txt", "a.MD", "sub/c.html", "sub/deeper/d.htm", "notes.pdf", ".hidden.txt", ".git/e.txt"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(ARTICLE, encoding="utf-8")
    expected = [tmp_path / "a.MD", tmp_path / "b.txt", tmp_path / "sub/c.html", tmp_path / "sub/deeper/d.htm"]
    assert folder_files(tmp_path, ingest.TEXT_SUFFIXES + ingest.HTML_SUFFIXES) == (expected, [])

    reverse_folder_listing()
    assert folder_files(tmp_path, ingest.TEXT_SUFFIXES + ingest.HTML_SUFFIXES) == (expected, [])


def test_read_inputs_names_each_bad_input_and_reads_the_rest(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "empty").mkdir()
    not_a_folder = str(good / "inner.txt")
    names = [str(tmp_path / "missing.txt"), str(tmp_path / "empty"), not_a_folder, str(good)]
    assert list(read_inputs(names)) == [
        InputError(names[0], "no such file"),
        InputError(names[1], "is a folder with no .txt, .md, .html or .htm files in it"),
        InputError(not_a_folder, "cannot be read (Not a directory)"),
        Document(str(good), ARTICLE, "utf-8"),
    ]


def test_read_inputs_reads_stdin_as_bytes():
    documents = list(read_inputs(["-"], stdin=io.BytesIO(QUOTED.encode("cp1252"))))
    assert documents == [Document("-", QUOTED, "cp1252")]


def test_an_error_of_claimex_own_fails_only_its_input(tmp_path, monkeypatch):
    paths = [tmp_path / "a.txt", tmp_path / "b.txt"]
    for path in paths:
        path.write_text(ARTICLE, encoding="utf-8")
    real_decode = ingest.decode_document

    def broken_on_a(name, data):
        if name.endswith("a.txt"):
            raise RuntimeError("boom")
        return real_decode(name, data)

    monkeypatch.setattr(ingest, "decode_document", broken_on_a)
    failed, read = read_inputs(map(str, paths))
    assert (failed.message, type(failed.cause)) == (f"internal error on {paths[0]}: RuntimeError: boom", RuntimeError)
    assert read == Document(str(paths[1]), ARTICLE, "utf-8")


def test_jsonl_lines_are_documents_named_by_id_or_line_number():
    data = "\n".join([
        '{"id": "n1", "body": "First article."}',
        '{"body": "Second article."}',
        "",
        "not json",
        '["a list"]',
        '{"id": 7, "title": "no body"}',
        '{"id": 8, "body": "  "}',
        '{"id": 9, "body": "Third article."}\r',
    ]).encode("utf-8")
    assert list(ingest.jsonl_documents("c.jsonl", data, "body", "id")) == [
        Document("c.jsonl#n1", "First article.", "utf-8"),
        Document("c.jsonl#2", "Second article.", "utf-8"),
        InputError("c.jsonl:4", "is not JSON (Expecting value)"),
        InputError("c.jsonl:5", "is not a JSON object"),
        InputError("c.jsonl:6", "has no text in a 'body' field"),
        InputError("c.jsonl#8", "is empty"),
        Document("c.jsonl#9", "Third article.", "utf-8"),
    ]


PAGE = """<!DOCTYPE html>
<html><head><title>Budget</title><script>var note = "The mayor said nothing at all";</script>
<style>p { color: red }</style></head>
<body><nav><a href="/">Home</a> | <a href="/news">News</a> | <a href="/sport">Sport</a></nav>
<article><h1>Council passes budget</h1>
<p>The council approved the budget on Monday, the mayor said.</p>
<p>"We will appeal," said Jane Doe, a union leader.</p></article>
<footer>Copyright 2024 The Gazette. <a href="/privacy">Privacy policy</a></footer>
<script>track("reader said hello")</script></body></html>
"""


def test_html_gives_the_article_text_only_and_says_so_in_the_name():
    document = ingest.article_document("page.html", PAGE.encode("utf-8"))
    assert document.name == "page.html#text"
    assert "The council approved the budget on Monday, the mayor said." in document.text
    assert '"We will appeal," said Jane Doe, a union leader.' in document.text
    for furniture in ("<", "var note", "track(", "Home", "Sport", "Privacy", "color"):
        assert furniture not in document.text


def test_html_is_recognised_by_its_opening_whatever_the_name():
    assert ingest.article_document("-", PAGE.encode("utf-8")).name == "-#text"
    assert ingest.article_document("notes.txt", b"I wrote <html> in a note.").name == "notes.txt"


def test_html_without_article_text_is_an_input_error():
    page = b"<html><head><script>var said = 1;</script></head><body><img src='a.png'></body></html>"
    assert ingest.article_document("blank.html", page) == InputError(
        "blank.html#text", "no article text found in the HTML")
