"""Places the model's tags leave out or make up.

Inside an organisation's name (`University of Manitoba`, `US State Department`) the model tags the organisation
and not the place its name holds; such a place is listed as well, as a person or place the model tagged elsewhere
in the article already is (`entities._repeated_names`). And a person's name it splits into two places side by side
(`Valentina Paris`) is the person's. A place is known by name: the ISO 3166 countries and first-level subdivisions in
`models/places.json`.
"""

from __future__ import annotations

import functools

from spacy.tokens import Span

from claimex.resources import read_lexicon

ORGANISATION_LABELS = {"ORG"}
PLACE_LABEL = "GPE"


@functools.cache
def _place_names() -> frozenset[str]:
    places = read_lexicon("places.json")
    return frozenset(places["countries"]) | frozenset(places["subdivisions"]) | frozenset(places["abbreviations"])


def places_inside_organisations(mentions: list[Span]) -> list[Span]:
    """For each organisation's name, the known place its words open (`United Kingdom Home Office`) or end after
    their last `of` (`Society of Canada`), as a place mention; none where a mention already covers those words."""
    taken = {(m.start, m.end) for m in mentions}
    found = []
    for mention in mentions:
        if mention.label_ not in ORGANISATION_LABELS or len(mention) < 2:
            continue
        place = _place_in(mention)
        if place is not None and (place.start, place.end) not in taken:
            found.append(Span(mention.doc, place.start, place.end, label=PLACE_LABEL))
            taken.add((place.start, place.end))
    return found


def _place_in(mention: Span) -> Span | None:
    names = _place_names()
    last_of = max((t.i for t in mention[:-1] if t.lower_ == "of"), default=None)
    if last_of is not None and mention.doc[last_of + 1 : mention.end].text in names:
        return mention.doc[last_of + 1 : mention.end]
    start = mention.start + (mention[0].text == "The")
    for end in range(mention.end - 1, start, -1):  # the longest opening run that leaves the organisation a word
        if mention.doc[start:end].text in names:
            return mention.doc[start:end]
    return None


def people_split_into_places(mentions: list[Span]) -> list[Span]:
    """Two one-word places with one space and nothing else between them, the first no known place and never
    standing alone (`Valentina Paris`), as the one person's name they write."""
    names = _place_names()
    alone = {m.text for i, m in enumerate(mentions) if m.label_ == PLACE_LABEL and not _split_pair(mentions, i)}
    merged, skip = [], False
    for i, mention in enumerate(mentions):
        if skip:
            skip = False
            continue
        if _split_pair(mentions, i) and mention.text not in names and mention.text not in alone:
            merged.append(Span(mention.doc, mention.start, mentions[i + 1].end, label="PERSON"))
            skip = True
        else:
            merged.append(mention)
    return merged


def _split_pair(mentions: list[Span], i: int) -> bool:
    """Whether mentions i and i + 1, or i - 1 and i, are one-word places side by side with one space between."""
    def pair(first: Span, second: Span) -> bool:
        return (first.label_ == second.label_ == PLACE_LABEL and len(first) == len(second) == 1
                and first.end == second.start and first[0].whitespace_ == " " and first[0].is_title)

    return ((i + 1 < len(mentions) and pair(mentions[i], mentions[i + 1]))
            or (i > 0 and pair(mentions[i - 1], mentions[i])))
