"""The writers, on claims built by hand: CSV/TSV rows and formula neutralising, JSON lines, the terminal
table, the highlighted article and the progress bar. No spaCy model is needed here."""

from __future__ import annotations

import csv
import io

import pytest
from rich.console import Console

from claimex.output import (
    CLAIM_COLUMNS, DelimitedWriter, JsonlWriter, columns_for, jsonl_line, neutralise_formula, pick_columns,
)
from claimex.schema import Claim, Sentence
from claimex.table import claims_table, highlighted_article, sentences_table, show

TEXT = "The mayor said the bridge could reopen on 3 May, costing $2 million.\nThe river is high."


def span(text: str, piece: str, **extra) -> dict:
    start = text.index(piece)
    return {"text": piece, "start": start, "end": start + len(piece), **extra}


def mayor_claim(text: str = TEXT, content: str = "the bridge could reopen on 3 May, costing $2 million") -> Claim:
    return Claim(
        id="c1", doc="bridge.txt", kind="indirect", sentence={"index": 0, "start": 0, "end": text.index("\n")},
        content=span(text, content), source=span(text, "The mayor", name="Ana Ruiz"), source_from="sentence",
        cue=span(text, "said", lemma="say"), hedges=[span(text, "could")],
        dates=[span(text, "3 May", value="2025-05-03")],
        numbers=[span(text, "$2 million", value=2000000, unit="USD")],
    )


def river_claim(text: str = TEXT) -> Claim:
    sentence = "The river is high."
    return Claim(id="c2", doc="bridge.txt", kind="unattributed",
                 sentence={"index": 1, **{k: v for k, v in span(text, sentence).items() if k != "text"}},
                 content=span(text, sentence), source=None, cue=None)


def parse(output: str, delimiter: str = ",") -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(output, newline=""), delimiter=delimiter))


def test_output_csv_has_the_documented_columns_in_order():
    assert list(CLAIM_COLUMNS) == [
        "doc", "id", "sentence", "kind", "source", "source_name", "source_from", "cue", "content", "hedges", "dates",
        "places", "numbers", "organisations", "people", "number_values", "date_values", "start", "end"]


@pytest.mark.parametrize("delimiter", [",", "\t"])
def test_output_delimited_rows_carry_each_claim(delimiter):
    stream = io.StringIO(newline="")
    writer = DelimitedWriter(stream, CLAIM_COLUMNS, delimiter=delimiter)
    writer.write("bridge.txt", TEXT, [mayor_claim(), river_claim()])
    writer.finish()
    assert stream.getvalue().startswith(delimiter.join(CLAIM_COLUMNS) + ("\r\n" if delimiter == "," else "\n"))
    mayor, river = parse(stream.getvalue(), delimiter)
    assert mayor == {
        "doc": "bridge.txt", "id": "c1", "sentence": "0", "kind": "indirect", "source": "The mayor",
        "source_name": "Ana Ruiz", "source_from": "sentence", "cue": "said", "content": "the bridge could reopen on 3 May, costing $2 million",
        "hedges": "could", "dates": "3 May", "places": "", "numbers": "$2 million", "organisations": "", "people": "",
        "number_values": "2000000", "date_values": "2025-05-03", "start": "15", "end": "67"}
    assert TEXT[int(mayor["start"]):int(mayor["end"])] == mayor["content"]
    assert (river["kind"], river["source"], river["cue"], river["content"]) == (
        "unattributed", "", "", "The river is high.")


def test_output_lists_are_joined_and_values_stay_aligned_with_their_mentions():
    text = 'Police said 3 or "many" people left on Monday and Tuesday.'
    claim = Claim(
        id="c", doc="d", kind="indirect", sentence={"index": 0, "start": 0, "end": len(text)},
        content=span(text, '3 or "many" people left on Monday and Tuesday'), source=span(text, "Police"),
        cue=span(text, "said", lemma="say"),
        numbers=[span(text, "3", value=3), span(text, '"many"', value=None)],
        dates=[span(text, "Monday", value=None), span(text, "Tuesday", value="2024-06-04")],
    )
    stream = io.StringIO(newline="")
    DelimitedWriter(stream, CLAIM_COLUMNS).write("d", text, [claim])
    (row,) = parse(stream.getvalue())
    assert row["numbers"] == '3; "many"' and row["number_values"] == "3; "
    assert row["dates"] == "Monday; Tuesday" and row["date_values"] == "; 2024-06-04"


@pytest.mark.parametrize("cell, written", [
    ('=HYPERLINK("http://evil.example","prize")', '\'=HYPERLINK("http://evil.example","prize")'),
    ("+44 was printed", "'+44 was printed"),
    ("-2+3", "'-2+3"),
    ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
    ("\t=1+1", "'\t=1+1"),
    ("\r=1+1", "'\r=1+1"),
    ("-3", "-3"),
    ("+2.5", "+2.5"),
    ("-1e6", "-1e6"),
    ("a = b", "a = b"),
    ("", ""),
])
def test_output_formula_cells_get_a_leading_quote_and_plain_numbers_do_not(cell, written):
    assert neutralise_formula(cell) == written


def test_output_a_quoted_formula_in_a_claim_is_not_live_in_the_csv():
    text = '=HYPERLINK("http://evil.example","Click") appeared on the screens.'
    claim = Claim(id="f", doc="d", kind="unattributed", sentence={"index": 0, "start": 0, "end": len(text)},
                  content=span(text, text), source=None, cue=None)
    stream = io.StringIO(newline="")
    DelimitedWriter(stream, CLAIM_COLUMNS).write("d", text, [claim])
    (row,) = parse(stream.getvalue())
    assert row["content"] == "'" + text
    assert not any(value.startswith(("=", "+", "@")) for value in row.values())


def test_output_fields_pick_and_order_columns():
    assert list(pick_columns(CLAIM_COLUMNS, "content, source,kind")) == ["content", "source", "kind"]
    assert list(columns_for(Sentence, None))[:3] == ["doc", "sentence", "text"]
    with pytest.raises(ValueError, match="speaker"):
        pick_columns(CLAIM_COLUMNS, "source,speaker")
    with pytest.raises(ValueError):
        pick_columns(CLAIM_COLUMNS, " , ")


def test_output_jsonl_writer_writes_the_contract_lines():
    stream = io.StringIO()
    JsonlWriter(stream).write("bridge.txt", TEXT, [mayor_claim(), river_claim()])
    assert stream.getvalue() == jsonl_line(mayor_claim()) + jsonl_line(river_claim())
    lines = stream.getvalue().splitlines()
    assert [Claim.model_validate_json(line) for line in lines] == [mayor_claim(), river_claim()]


def render(renderable, width: int = 120) -> str:
    console = Console(file=io.StringIO(), width=width, highlight=False)
    console.print(renderable)
    return console.file.getvalue()


def test_output_table_shows_source_cue_content_kind_numbers_and_dates():
    wide = render(claims_table("bridge.txt", [mayor_claim(), river_claim()], width=120), width=120)
    assert "bridge.txt: 2 claims" in wide
    header = wide.splitlines()[1].split()
    assert header == ["#", "source", "cue", "content", "kind", "numbers", "dates"]
    mayor_row = next(line for line in wide.splitlines() if line.lstrip().startswith("1 "))
    for cell in ("The mayor (Ana Ruiz)", "said", "the bridge could reopen", "indirect", "$2 million",
                 "3 May = 2025-05-03"):
        assert cell in mayor_row
    narrow = render(claims_table("bridge.txt", [mayor_claim()], width=80), width=80)
    assert "numbers: $2 million = 2000000" in narrow and "dates: 3 May = 2025-05-03" in narrow


def test_output_sentences_table_gives_numbers_and_dates_their_values():
    text = TEXT[:TEXT.index("\n")]
    sentence = Sentence(doc="bridge.txt", index=0, start=0, end=len(text), text=text,
                        dates=[span(text, "3 May", value="2025-05-03")],
                        numbers=[span(text, "$2 million", value=2000000, unit="USD")])
    narrow = render(sentences_table("bridge.txt", [sentence], width=80), width=80)
    assert "numbers: $2 million = 2000000" in narrow and "dates: 3 May = 2025-05-03" in narrow


def test_output_table_never_reads_article_text_as_markup_or_terminal_codes():
    text = "The mayor said [bold]the [/] plan \x1b[31mfailed\x1b[0m."
    claim = Claim(id="m", doc="[red]x.txt", kind="indirect", sentence={"index": 0, "start": 0, "end": len(text)},
                  content=span(text, "[bold]the [/] plan \x1b[31mfailed\x1b[0m"), source=span(text, "The mayor"),
                  cue=span(text, "said", lemma="say"))
    output = render(claims_table("[red]x.txt", [claim]))
    assert "[red]x.txt" in output and "[bold]the [/] plan" in output
    assert "\x1b" not in output


def test_output_highlighted_article_styles_exactly_the_claim_ranges():
    claims = [mayor_claim(), river_claim()]
    article = highlighted_article(TEXT, claims)
    assert article.plain == TEXT
    styled = {(span.start, span.end): str(span.style) for span in article.spans}
    source, cue, hedge = claims[0].source, claims[0].cue, claims[0].hedges[0]
    assert styled[(source.start, source.end)] == "bold cyan"
    assert styled[(cue.start, cue.end)] == "bold reverse magenta"
    assert styled[(claims[0].content.start, claims[0].content.end)] == "italic green"
    assert styled[(hedge.start, hedge.end)] == "underline yellow"
    assert (claims[1].content.start, claims[1].content.end) not in styled  # unattributed: numbered, not coloured


def test_output_show_prints_the_article_with_claim_numbers_in_the_margin():
    console = Console(file=io.StringIO(), width=100, highlight=False)
    show(console, "bridge.txt", TEXT, [mayor_claim(), river_claim()])
    lines = [line.rstrip() for line in console.file.getvalue().splitlines()]
    assert "bridge.txt: 2 claims" in lines[0]
    assert lines[2].split(maxsplit=1) == ["1", TEXT.splitlines()[0]]
    assert lines[3].split(maxsplit=1) == ["2", TEXT.splitlines()[1]]


def test_output_show_colours_only_when_colour_is_allowed(monkeypatch):
    def coloured(**options) -> str:
        console = Console(file=io.StringIO(), width=100, force_terminal=True, **options)
        show(console, "bridge.txt", TEXT, [mayor_claim()])
        return console.file.getvalue()

    assert "\x1b[1;36mThe mayor" in coloured()
    monkeypatch.setenv("NO_COLOR", "1")
    without = coloured()
    assert "\x1b[1mThe mayor" in without and "36m" not in without and "32m" not in without


@pytest.mark.parametrize("values", [[None], [None, "2024-06-04"], ["2024-06-03", None], [None, None],
                                    ["2024-06-03", None, "2024-06-05"]])
def test_output_date_values_line_up_with_dates_item_for_item(values):
    words = ["Monday", "Tuesday", "Wednesday"][: len(values)]
    text = f"Police said it happened on {' and '.join(words)}."
    claim = Claim(
        id="c", doc="d", kind="indirect", sentence={"index": 0, "start": 0, "end": len(text)},
        content=span(text, text[12:-1]), source=span(text, "Police"), cue=span(text, "said", lemma="say"),
        dates=[span(text, word, value=value) for word, value in zip(words, values)],
    )
    stream = io.StringIO(newline="")
    DelimitedWriter(stream, CLAIM_COLUMNS, delimiter="\t").write("d", text, [claim])
    (row,) = parse(stream.getvalue(), "\t")
    assert row["dates"].split("; ") == words
    assert row["date_values"].split("; ") == ["" if value is None else value for value in values]
