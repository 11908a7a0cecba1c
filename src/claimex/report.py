"""The HTML report: one self-contained page (inline CSS and JS, no network) with each article, its claims
highlighted in the text, and a sortable table of the claims.

All text goes through `html.escape`. Offsets index the input text, so the highlighted article is built by
walking the character ranges of the claims, never by searching for their words.
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Sequence
from typing import IO

from claimex.schema import Claim
from claimex.labels import date_label, highlights, number_label, source_label

Article = tuple[str, str, Sequence[Claim]]

STYLE = """
body{font:16px/1.55 system-ui,sans-serif;max-width:62rem;margin:2rem auto;padding:0 1rem;color:#1d1d1f}
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2.5rem;border-bottom:1px solid #ddd}
.legend span{margin-right:1rem;padding:0 .3rem}
.article{white-space:pre-wrap;background:#fafafa;border:1px solid #eee;padding:1rem;border-radius:6px}
.content{background:#d3f9d8}.source{background:#c5e4fd;font-weight:600}.cue{background:#f0d4fa;font-weight:600}
.hedge{text-decoration:underline wavy #e8590c}
a.n{font-size:.7em;vertical-align:super;color:#888;text-decoration:none;margin-right:.15em}
a.n.attributed{color:#2b8a3e;font-weight:700}
table{border-collapse:collapse;width:100%;margin-top:1rem;font-size:.9rem}
th,td{border-bottom:1px solid #e5e5e5;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{cursor:pointer;user-select:none;background:#f1f3f5}th[data-order=asc]::after{content:" ▲"}
th[data-order=desc]::after{content:" ▼"}tr.unattributed{color:#777}td.n a{color:inherit}
"""

SORT_SCRIPT = """
document.querySelectorAll("table.claims th").forEach(th => th.addEventListener("click", () => {
  const table = th.closest("table"), column = th.cellIndex, ascending = th.dataset.order !== "asc";
  table.querySelectorAll("th").forEach(other => delete other.dataset.order);
  th.dataset.order = ascending ? "asc" : "desc";
  const key = row => row.cells[column].textContent.trim();
  const numeric = (a, b) => a !== "" && b !== "" && !isNaN(a) && !isNaN(b);
  const rows = [...table.tBodies[0].rows].sort((x, y) => {
    const a = key(x), b = key(y), order = numeric(a, b) ? a - b : a.localeCompare(b);
    return ascending ? order : -order;
  });
  table.tBodies[0].append(...rows);
}));
"""

POLICY = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'"
TABLE_HEADINGS = ("#", "kind", "source", "cue", "content", "hedges", "numbers", "dates")


def highlighted_html(text: str, claims: Sequence[Claim], prefix: str) -> str:
    """`text` escaped, each piece wrapped in spans naming the parts of the claims that cover it, and a
    numbered link to the claim's table row where each claim's content starts."""
    marks = highlights(claims)
    claim_starts: dict[int, list[int]] = {}
    for number, claim in enumerate(claims, start=1):
        claim_starts.setdefault(claim.content.start, []).append(number)
    cuts = sorted({0, len(text), *claim_starts, *(mark.start for mark in marks), *(mark.end for mark in marks)})
    pieces = []
    for start, end in zip(cuts, cuts[1:]):
        for number in claim_starts.get(start, []):
            attributed = " attributed" if claims[number - 1].kind != "unattributed" else ""
            pieces.append(f'<a class="n{attributed}" id="{prefix}-c{number}" href="#{prefix}-r{number}">{number}</a>')
        segment = html.escape(text[start:end])
        covering = [mark for mark in marks if mark.start <= start < mark.end]
        if covering:
            classes = " ".join(sorted({mark.part for mark in covering}))
            numbers = " ".join(str(number) for number in sorted({mark.claim for mark in covering}))
            segment = f'<span class="{classes}" data-claims="{numbers}" title="claim {numbers}">{segment}</span>'
        pieces.append(segment)
    return "".join(pieces)


def claims_table_html(claims: Sequence[Claim], prefix: str) -> str:
    """A sortable table, one row per claim; the number links back to the claim in the text."""
    head = "".join(f"<th>{html.escape(heading)}</th>" for heading in TABLE_HEADINGS)
    rows = []
    for number, claim in enumerate(claims, start=1):
        cells = [
            claim.kind, source_label(claim.source, claim.source_from) if claim.source else "", claim.cue.text if claim.cue else "",
            claim.content.text,
            "; ".join(hedge.text for hedge in claim.hedges), "; ".join(number_label(number) for number in claim.numbers),
            "; ".join(date_label(date) for date in claim.dates),
        ]
        body = "".join(f"<td>{html.escape(cell)}</td>" for cell in cells)
        rows.append(f'<tr id="{prefix}-r{number}" class="{claim.kind}">'
                    f'<td class="n"><a href="#{prefix}-c{number}">{number}</a></td>{body}</tr>')
    return f'<table class="claims"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def _summary(claims: Sequence[Claim]) -> str:
    kinds = Counter(claim.kind for claim in claims)
    by_kind = ", ".join(f"{count} {kind}" for kind, count in kinds.most_common())
    return f"{len(claims)} claims ({by_kind})" if claims else "no claims"


def render_report(articles: Sequence[Article], title: str = "claimex report") -> str:
    """The whole page for these (name, text, claims) articles."""
    sections, contents = [], []
    for index, (name, text, claims) in enumerate(articles, start=1):
        prefix, summary = f"a{index}", html.escape(_summary(claims))
        contents.append(f'<li><a href="#{prefix}">{html.escape(name)}</a>: {summary}</li>')
        sections.append(
            f'<section id="{prefix}"><h2>{html.escape(name)}</h2><p>{summary}</p>'
            f'<div class="article">{highlighted_html(text, claims, prefix)}</div>'
            f"{claims_table_html(claims, prefix)}</section>"
        )
    legend = ('<p class="legend"><span class="source">source</span><span class="cue">cue</span>'
              '<span class="content">content</span><span class="hedge">hedge</span>'
              "click a column heading to sort; numbers link text and table</p>")
    return (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(title)}</title><style>{STYLE}</style></head>\n<body><h1>{html.escape(title)}</h1>"
        f'{legend}<ul class="toc">{"".join(contents)}</ul>\n{chr(10).join(sections)}\n'
        f"<script>{SORT_SCRIPT}</script></body></html>\n"
    )


class ReportWriter:
    """Collects every article, then writes the page at `finish()`."""

    takes_parts = False

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.articles: list[Article] = []

    def write(self, name: str, text: str, records: Sequence[Claim]) -> None:
        self.articles.append((name, text, records))

    def finish(self) -> None:
        self.stream.write(render_report(self.articles))
