"""The HTML report: escaped text highlighted by character ranges, a row per claim, no network resources,
and (when Chromium is installed) a page that renders, highlights and sorts in a real browser."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from claimex.cli import app
from claimex.report import highlighted_html, render_report
from claimex.schema import Claim

CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)

MARKET = """Market traders protest new <stall> fees & rules

Traders at the covered market said the new fees would "drive us out" by the summer.
The fee rises to $35 a day in July, according to the council's <b>notice</b>.
"It is a disgrace," said trader Omar Haddad. <script>alert("x")</script> was painted on a wall.
"""


def span(text: str, piece: str, **extra) -> dict:
    start = text.index(piece)
    return {"text": piece, "start": start, "end": start + len(piece), **extra}


class ArticleText(HTMLParser):
    """The visible text of each `div.article`, without the claim-number links."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.articles: list[str] = []
        self.depth = 0
        self.in_number = False

    def handle_starttag(self, tag, attrs):
        classes = (dict(attrs).get("class") or "").split()
        if self.depth:
            self.depth += 1
            self.in_number = self.in_number or (tag == "a" and "n" in classes)
        elif tag == "div" and "article" in classes:
            self.articles.append("")
            self.depth = 1

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1
            self.in_number = self.in_number and tag != "a"

    def handle_data(self, data):
        if self.depth and not self.in_number:
            self.articles[-1] += data


def article_texts(page: str) -> list[str]:
    parser = ArticleText()
    parser.feed(page)
    return parser.articles


def test_report_highlights_walk_the_character_ranges():
    text = 'Police said <b>5</b> "rioters" may flee.'
    claim = Claim(id="x", doc="d", kind="indirect", sentence={"index": 0, "start": 0, "end": len(text)},
                  content=span(text, '<b>5</b> "rioters" may flee'), source=span(text, "Police"),
                  cue=span(text, "said", lemma="say"), hedges=[span(text, "may")])
    assert highlighted_html(text, [claim], "a1") == (
        '<span class="source" data-claims="1" title="claim 1">Police</span> '
        '<span class="cue" data-claims="1" title="claim 1">said</span> '
        '<a class="n attributed" id="a1-c1" href="#a1-r1">1</a>'
        '<span class="content" data-claims="1" title="claim 1">&lt;b&gt;5&lt;/b&gt; &quot;rioters&quot; </span>'
        '<span class="content hedge" data-claims="1" title="claim 1">may</span>'
        '<span class="content" data-claims="1" title="claim 1"> flee</span>.'
    )


def test_report_page_keeps_every_character_of_each_article_escaped(runner, tmp_path):
    path = tmp_path / "market.txt"
    path.write_text(MARKET, encoding="utf-8")
    out = tmp_path / "report.html"
    result = runner.invoke(app, ["report", str(path), "-o", str(out)])
    assert result.exit_code == 0 and result.stdout == "" and result.stderr == ""
    page = out.read_text(encoding="utf-8")
    assert article_texts(page) == [MARKET]
    assert '<script>alert("x")' not in page and "&lt;script&gt;alert(&quot;x&quot;)" in page
    assert "<stall>" not in page and "<b>notice" not in page


def test_report_has_a_section_and_a_table_row_per_claim(runner, tmp_path):
    paths = []
    for name, text in (("market.txt", MARKET), ("short.txt", "The minister said the road will open in May.\n")):
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(str(tmp_path / name))
    claims = [line for line in runner.invoke(app, ["extract", "--format", "jsonl", *paths]).stdout.splitlines()]
    result = runner.invoke(app, ["extract", "--format", "html", *paths])
    assert result.exit_code == 0 and result.stderr == ""
    page = result.stdout
    assert page.startswith("<!DOCTYPE html>") and page.count("<section") == 2
    assert len(re.findall(r'<tr id="a\d+-r\d+"', page)) == len(claims)
    assert len(re.findall(r'<a class="n[^"]*" id="a\d+-c\d+"', page)) == len(claims)
    assert 'class="source"' in page and 'class="cue"' in page
    assert page == runner.invoke(app, ["report", *paths]).stdout


def test_report_loads_nothing_from_the_network():
    text = "See https://example.org for details, the council said."
    claim = Claim(id="x", doc="d", kind="indirect", sentence={"index": 0, "start": 0, "end": len(text)},
                  content=span(text, "See https://example.org for details"), source=span(text, "the council"),
                  cue=span(text, "said", lemma="say"))
    page = render_report([("d", text, [claim])])
    outside_the_article = page.replace(highlighted_html(text, [claim], "a1"), "").replace(
        "See https://example.org for details", "")
    assert not re.search(r"https?:|//[a-z]|\bsrc=|<link|@import|url\(", outside_the_article)
    assert "default-src 'none'" in page


BROWSER_PROBE = """<script>
const heading = [...document.querySelectorAll("th")].find(th => th.textContent === "source");
const sourceColumn = () => [...heading.closest("table").tBodies[0].rows].map(row => row.cells[2].textContent).join("|");
document.body.dataset.original = sourceColumn();
heading.click();
document.body.dataset.sorted = sourceColumn();
heading.click();
document.body.dataset.reversed = sourceColumn();
document.body.dataset.sourceBackground = getComputedStyle(document.querySelector("span.source")).backgroundColor;
document.body.dataset.contentBackground = getComputedStyle(document.querySelector("span.content")).backgroundColor;
</script></body>"""


def chromium(*arguments: str, profile: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         f"--user-data-dir={profile}", *arguments], capture_output=True, text=True, timeout=120)


@pytest.mark.skipif(CHROMIUM is None, reason="no Chromium installed")
def test_report_renders_highlights_and_sorts_in_chromium(runner, tmp_path):
    path = tmp_path / "market.txt"
    path.write_text(MARKET, encoding="utf-8")
    page = runner.invoke(app, ["report", str(path)]).stdout
    probed = tmp_path / "probed.html"
    probed.write_text(page.replace("</body>", BROWSER_PROBE), encoding="utf-8")
    dom = chromium("--dump-dom", probed.as_uri(), profile=tmp_path / "profile").stdout
    body = re.search(r"<body([^>]*)>", dom).group(1)
    attribute = {name: html.unescape(value) for name, value in re.findall(r'data-([a-z-]+)="([^"]*)"', body)}
    sources = attribute["sorted"].split("|")
    assert len(sources) == dom.count("<tr id=") >= 4
    assert sources == sorted(sources, key=str.casefold) != attribute["original"].split("|")
    assert attribute["reversed"].split("|") == sources[::-1]
    assert attribute["source-background"] == "rgb(197, 228, 253)"
    assert attribute["content-background"] == "rgb(211, 249, 216)"
    screenshot = tmp_path / "report.png"
    chromium("--window-size=1000,900", f"--screenshot={screenshot}", (tmp_path / "probed.html").as_uri(),
             profile=tmp_path / "profile")
    assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and screenshot.stat().st_size > 10_000


def test_report_numbers_and_dates_columns_show_values_beside_the_words():
    from claimex.report import claims_table_html

    text = "The fee rises to $35 a day on 3 July 2025, and to forty dollars later, the council said."
    claim = Claim(
        id="c", doc="d", kind="indirect", sentence={"index": 0, "start": 0, "end": len(text)},
        content=span(text, "The fee rises to $35 a day on 3 July 2025, and to forty dollars later"),
        source=span(text, "the council"), cue=span(text, "said", lemma="say"),
        numbers=[span(text, "$35", value=35, unit="USD"), span(text, "forty dollars", value=40, unit="USD")],
        dates=[span(text, "3 July 2025", value="2025-07-03"), span(text, "later", value=None)],
    )
    cells = re.findall(r"<td>(.*?)</td>", claims_table_html([claim], "a1"))
    assert cells[-2:] == ["$35 = 35; forty dollars = 40", "3 July 2025 = 2025-07-03; later"]
