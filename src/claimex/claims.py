"""From a processed Doc to claim and sentence records: pure functions, no I/O."""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib

from spacy.tokens import Doc

from claimex.attribution_spans import Attribution, CharRange
from claimex.boilerplate import in_boilerplate, outside_boilerplate
from claimex.context_quotes import ContextSpeakers, standalone_quotes
from claimex.dates import find_dates
from claimex.doc_text import span_text, text_of
from claimex.entities import GROUPS, ORGANISATIONS, PEOPLE, PLACES, credit_label, find_dateline, find_entities
from claimex.numbers import find_numbers
from claimex.schema import (MENTION_FIELDS, Claim, Content, Cue, Dateline, NestedClaim, Sentence, SentenceRef, Source,
                            Span)
from claimex.sources import source_name

DESCRIPTIONS = {"prep", "appos", "acl", "relcl"}
"""Dependencies that make a verbless line describe what it names (`of the Green Party`, `, the city's engineer`)."""


def sentences_from_doc(doc: Doc, doc_name: str, published: dt.date | None = None) -> list[Sentence]:
    """One record per sentence, with the mentions inside it."""
    mentions = DocMentions(doc, published)
    return [
        Sentence(doc=doc_name, index=i, start=start, end=end, text=text_of(doc)[start:end],
                 dateline=mentions.dateline_within(start, end), **mentions.within(start, end))
        for i, (start, end) in enumerate(mentions.sentences)
    ]


def claims_from_doc(doc: Doc, doc_name: str, published: dt.date | None = None) -> list[Claim]:
    """Every attributed claim, and every factual sentence that nobody is quoted for."""
    mentions = DocMentions(doc, published)
    sentences = mentions.sentences
    sentence_starts = [start for start, _ in sentences]
    claims = []
    covered: list[CharRange] = []
    attributions = [a for a in doc._.claimex_attributions if not in_boilerplate(doc, *a.cue)]
    speakers = ContextSpeakers(sentences)
    for attribution, inner in nest_attributions(attributions):
        covered.extend([attribution.cue, *attribution.content])
        index = max(0, bisect.bisect_right(sentence_starts, attribution.cue[0]) - 1)
        claim = _attributed_claim(doc, doc_name, attribution, inner, index, sentences[index], mentions)
        claims.append(claim)
        if claim.source is not None and claim.kind in ("direct", "mixed"):
            speakers.record(min(claim.content.start, claim.cue.start), max(claim.content.end, claim.cue.end),
                            claim.source)
    for (start, end), index in standalone_quotes(text_of(doc), doc._.claimex_quotes, sentences, covered):
        if in_boilerplate(doc, start, end):
            continue
        covered.append((start, end))
        content = Content(text=text_of(doc)[start:end], start=start, end=end)
        source = speakers.before(index)
        if source is not None:
            speakers.record(start, end, source)
        claims.append(_claim(doc, doc_name, "direct", index, sentences[index], content, source, None, mentions,
                             source_from="context" if source is not None else None))
    for index, (start, end) in enumerate(sentences):
        statement = _unattributed_statement(doc, start, end, covered)
        if statement is not None:
            content = Content(text=text_of(doc)[statement[0]:statement[1]], start=statement[0], end=statement[1])
            claims.append(_claim(doc, doc_name, "unattributed", index, (start, end), content, None, None, mentions))
    return sorted(claims, key=lambda claim: (claim.sentence.index, claim.content.start))


def nest_attributions(attributions: list[Attribution]) -> list[tuple[Attribution, list[Attribution]]]:
    """Each outermost attribution with those whose cue lies inside its content (one level: what a
    quoted speaker attributes to others stays inside the quote's claim), both in text order."""
    widest_first = sorted(attributions, key=lambda a: (a.content[0][0] - a.content[-1][1], a.cue))
    outer: list[tuple[Attribution, list[Attribution]]] = []
    for attribution in widest_first:
        host = next((inner for candidate, inner in outer if _cue_inside(attribution, candidate)), None)
        if host is None:
            outer.append((attribution, []))
        else:
            host.append(attribution)
    return sorted(((a, sorted(inner, key=lambda i: i.cue)) for a, inner in outer), key=lambda pair: pair[0].cue)


def _cue_inside(attribution: Attribution, host: Attribution) -> bool:
    return any(start <= attribution.cue[0] < end for start, end in host.content)


def sentence_ranges(doc: Doc) -> list[CharRange]:
    """Character ranges of the sentences, without surrounding whitespace; blank ones left out."""
    ranges = []
    for sent in doc.sents:
        text = span_text(sent)
        stripped = text.strip()
        if stripped:
            start = sent.start_char + text.index(stripped)
            ranges.append((start, start + len(stripped)))
    return ranges


class DocMentions:
    """Dates, places, numbers, organisations and people of one Doc, looked up by character range."""

    def __init__(self, doc: Doc, published: dt.date | None):
        dateline = find_dateline(doc)
        self.dateline_range = dateline[1] if dateline else None
        entities = find_entities(doc, dateline[0] if dateline else None)
        found = {
            "dates": find_dates(doc, published),
            "numbers": find_numbers(doc),
            "places": [e for e in entities if e.label in PLACES],
            "organisations": [e for e in entities if e.label in ORGANISATIONS],
            "people": [e for e in entities if e.label in PEOPLE],
        }
        self.by_field = {field: found[field] for field in MENTION_FIELDS}
        self.groups = [e for e in entities if e.label in GROUPS]
        # The people, organisations and groups, who can be the source of a claim.
        self.speakers = self.by_field["people"] + self.by_field["organisations"] + self.groups
        self.starts = {field: [m.start for m in found] for field, found in self.by_field.items()}
        self.sentences = sentence_ranges(doc)
        self.sentence_ends = [end for _, end in self.sentences]

    def within(self, start: int, end: int) -> dict[str, list]:
        """The mentions that lie wholly inside [start, end), by record field (the models themselves, so
        the record takes them without validating them again)."""
        inside = {}
        for field, found in self.by_field.items():
            first = bisect.bisect_left(self.starts[field], start)
            last = bisect.bisect_left(self.starts[field], end)
            inside[field] = [m for m in found[first:last] if m.end <= end]
        return inside

    def dateline_within(self, start: int, end: int) -> Dateline | None:
        """The article's place and date, if its dateline opens [start, end)."""
        if self.dateline_range is None or not start <= self.dateline_range[0] < end:
            return None
        inside = self.within(*self.dateline_range)
        place = next((e for e in inside["places"] if e.start == self.dateline_range[0]), None)
        return Dateline(place=place, date=next(iter(inside["dates"]), None))

    def in_sentences_of(self, start: int, end: int) -> dict[str, list]:
        """The mentions of the whole sentences that [start, end) touches: a claim's source, cue and content
        and the rest of their sentences."""
        first = bisect.bisect_right(self.sentence_ends, start)
        last = bisect.bisect_left(self.sentence_ends, end)
        if first < len(self.sentences):
            start = min(start, self.sentences[first][0])
        if last < len(self.sentences) and self.sentences[last][0] < end:
            end = max(end, self.sentences[last][1])
        return self.within(start, end)


def _attributed_claim(doc: Doc, doc_name: str, attribution: Attribution, inner: list[Attribution], index: int,
                      sentence: CharRange, mentions: DocMentions) -> Claim:
    content, source, cue = _parts(doc, attribution, mentions)
    nested = [NestedClaim(kind=a.kind, **dict(zip(("content", "source", "cue"), _parts(doc, a, mentions))))
              for a in inner]
    return _claim(doc, doc_name, attribution.kind, index, sentence, content, source, cue, mentions, nested)


def _parts(doc: Doc, attribution: Attribution, mentions: DocMentions) -> tuple[Content, Source | None, Cue]:
    """The content, source and cue spans of an attribution."""
    text = text_of(doc)
    fragments = attribution.content
    start, end = fragments[0][0], fragments[-1][1]
    content = Content(
        text=text[start:end], start=start, end=end,
        fragments=[Span(text=text[s:e], start=s, end=e) for s, e in fragments] if len(fragments) > 1 else None,
    )
    cue_start, cue_end = attribution.cue
    cue = Cue(text=text[cue_start:cue_end], start=cue_start, end=cue_end, lemma=attribution.cue_lemma)
    source = None
    if attribution.source is not None:
        s, e = attribution.source
        source = Source(text=text[s:e], start=s, end=e, name=source_name(doc, (s, e), mentions.speakers))
    return content, source, cue


def _claim(doc: Doc, doc_name: str, kind: str, index: int, sentence: CharRange, content: Content,
           source: Source | None, cue: Cue | None, mentions: DocMentions, nested: list[NestedClaim] = (),
           source_from: str | None = None) -> Claim:
    """The claim record; a source taken from the context lies elsewhere, so it adds no mentions."""
    if source is not None and source_from is None:
        source_from = "sentence"
    in_claim = source if source_from == "sentence" else None
    parts = [content] + [part for part in (in_claim, cue) if part is not None]
    start, end = min(p.start for p in parts), max(p.end for p in parts)
    # The article's own statement: its whole sentence (a dateline that opens it too), up to a credit line after it.
    found = mentions.within(sentence[0], end) if kind == "unattributed" else mentions.in_sentences_of(start, end)
    return Claim(
        id=claim_id(kind, content, cue),
        doc=doc_name,
        kind=kind,
        sentence=SentenceRef(index=index, start=sentence[0], end=sentence[1]),
        content=content,
        source=source,
        source_from=source_from,
        cue=cue,
        nested=list(nested),
        hedges=[Span(text=text_of(doc)[s:e], start=s, end=e) for s, e in doc._.claimex_hedges if start <= s and e <= end],
        **found,
    )


def claim_id(kind: str, content: Span, cue: Span | None) -> str:
    """A claim's stable id: a hash of its kind, where its content and cue lie, and the content's words."""
    fingerprint = f"{kind}|{content.start}|{content.end}|{cue.start if cue else ''}|{content.text}"
    return hashlib.sha1(fingerprint.encode("utf-8")).hexdigest()[:16]


def _unattributed_statement(doc: Doc, start: int, end: int, covered: list[CharRange]) -> CharRange | None:
    """Where a sentence of the article's own states something: no attribution in it, not boilerplate, not a
    question, not a credit line (`Image: Jane Doe.`), and with a verb (a headline's `Dozens hurt in storm` too) or
    a description (a caption's `Elena Ortiz of the Green Party`, `Ana Ruiz, the city's engineer`); a bare title
    (`Election results`) or date line states nothing. The range without a dateline opening or a closing credit."""
    if in_boilerplate(doc, start, end) or any(s < end and start < e for s, e in covered):
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or text_of(doc)[start:end].rstrip("\"”’' )").endswith("?"):
        return None
    credit = credit_label(span)
    if credit is not None:
        span = span.doc[span.start : credit.i]
    if all(token.ent_type_ in ("DATE", "TIME") or token.is_punct or token.is_space for token in span):
        return None
    if not any(token.pos_ == "VERB" or (token.dep_ == "ROOT" and token.pos_ == "AUX") or token.dep_ in DESCRIPTIONS
               for token in span):
        return None
    start, end = outside_boilerplate(doc, start, span.end_char if credit is not None else end)
    return start, start + len(text_of(doc)[start:end].rstrip())
