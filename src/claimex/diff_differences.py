"""What two aligned claims disagree on, each difference typed for a fact-checker.

number, date, place: a mention on each side with values that cannot be the same. source: two different
speakers. negation, hedge: one side has one, the other not. cue: the cues vouch differently (`said` /
`conceded`, see models/diff_cue_strength.json). quote: the quoted words differ beyond the mentions
already reported. absorbed: one content carries a run of words that is another claim of the other
article (a quote that swallowed a second speaker's words).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

from rapidfuzz import process, utils
from rapidfuzz.distance import OSA, JaroWinkler

from claimex.diff_schema import Difference
from claimex.resources import read_lexicon
from claimex.schema import Claim, DateMention, NumberMention, Source, Span

APPROXIMATE_TOLERANCE = 0.05
"""How far apart two numbers may be when either is approximate ("about 900", "nearly 40")."""

ROUNDING_SHARE = 0.25
"""How far from an approximate round number a value may be, as a share of the place it is rounded to: "about
300" is 275 to 325, "nearly 40" 37.5 to 42.5 (a value rounded to 100 would reach 250, which "nearly 300" is not)."""

BOUND_REACH = 0.25
"""How far past a bound a value may lie and still be what it bounds: "more than 40" is 41 to 50, not 80."""

WORD_MATCH = 0.88
"""Least Jaro-Winkler similarity for two words to count as the same word ("family", "families")."""

NAME_VARIANT_LEAST = 5
"""Fewest letters of a name's word for one letter changed, dropped or swapped to be a variant spelling."""

SHORT_FORM_LEAST = 3
"""Fewest letters of a name cut short ("Fed" for "Federal Reserve", "Ala." for "Alabama")."""

ABSORBED_LEAST_WORDS = 2
"""Fewest content words of a claim left without counterpart that one side must carry, and its partner lack,
to have absorbed it."""

ABSORBED_SHARE = 0.6
"""Share of that claim's content words that must be carried."""

NEGATION = re.compile(r"\b(?:not|no|never|none|nobody|nothing|neither|nor|without)\b|n't\b", re.IGNORECASE)
WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")
POSSESSIVE = re.compile(r"['’]s$")
QUOTED = re.compile(r"“([^”]*)”|\"([^\"]*)\"")
CURRENCY_CODE = re.compile(r"[A-Z]{3}")
TENSE_HEDGES = frozenset({"would"})
"""Hedge words that reported speech brings in by itself ("will" becomes "would"): no hedge of their own."""

T = TypeVar("T")


def differences(a: Claim, b: Claim, alone_a: Sequence[Claim] = (), alone_b: Sequence[Claim] = ()) -> list[Difference]:
    """Every typed difference of an aligned pair; `alone_*`: the claims of each article left without counterpart."""
    return [
        *(_number_difference(x, y) for x, y in _unmatched_pairs(a.numbers, b.numbers, numbers_agree, _comparable_numbers)),
        *(Difference(field="date", a=x.value, b=y.value, a_text=x.text, b_text=y.text)
          for x, y in _unmatched_pairs(a.dates, b.dates, dates_agree, lambda x, y: x.kind == y.kind)),
        *(Difference(field="place", a=x.name, b=y.name, a_text=x.text, b_text=y.text)
          for x, y in _unmatched_pairs(a.places, b.places, lambda x, y: names_agree(x.name, y.name),
                                       lambda x, y: _word_before(a, x) == _word_before(b, y))),
        *_source_difference(a, b),
        *_flag_difference("negation", negation(a), negation(b)),
        *_flag_difference("hedge", hedge(a), hedge(b)),
        *_cue_difference(a, b),
        *_quote_difference(a, b),
        *_absorbed_difference(a, b, alone_b, "a"),
        *_absorbed_difference(b, a, alone_a, "b"),
    ]


def _unmatched_pairs(xs: Sequence[T], ys: Sequence[T], agree: Callable[[T, T], bool],
                     comparable: Callable[[T, T], bool]) -> list[tuple[T, T]]:
    """Mentions left over once each agreeing pair is removed, paired in text order where comparable."""
    left_y = list(ys)
    left_x = []
    for x in xs:
        partner = next((y for y in left_y if agree(x, y)), None)
        if partner is None:
            left_x.append(x)
        else:
            left_y.remove(partner)
    pairs = []
    for x in left_x:
        partner = next((y for y in left_y if comparable(x, y)), None)
        if partner is not None:
            pairs.append((x, partner))
            left_y.remove(partner)
    return pairs


def _word_before(claim: Claim, mention: Span) -> str | None:
    """The content's word just before a mention, lower-cased ("in" for "in Newry"), if any: two places fill
    the same slot when the same word leads to them ("in Belfast" / "in Newry"; not "to Beijing" / "in Laos")."""
    before = claim.content.text[:max(0, mention.start - claim.content.start)]
    words = WORD.findall(before.lower()) if claim.content.start <= mention.start <= claim.content.end else []
    return words[-1] if words else None


def number_value(mention: NumberMention) -> int | float | None:
    """The mention's value; read from its digits when the numbers stage left it empty."""
    if mention.value is not None:
        return mention.value
    digits = DIGITS.search(mention.text)
    if digits is None:
        return None
    number = float(digits.group().replace(",", ""))
    return int(number) if number.is_integer() else number


def numbers_agree(x: NumberMention, y: NumberMention) -> bool:
    """Same amount: equal values, within a range, a bound or an order of magnitude, close when either is
    approximate, or unknown (a value that cannot be read is no difference)."""
    if x.kind != y.kind:
        return False
    for one, other in ((x, y), (y, x)):
        value = number_value(other)
        if value is None:
            continue
        if one.low is not None and one.high is not None and one.low <= value <= one.high:
            return True
        if one.magnitude and one.value and other.magnitude is None and one.value <= value < one.value * 10:
            return True
        if _within_bound(one, value):
            return True
    value_x, value_y = number_value(x), number_value(y)
    if value_x is None or value_y is None:
        return True
    if value_x == value_y:
        return True
    approximate = [mention for mention in (x, y) if mention.qualifier == "approximately"]
    tolerance = max([APPROXIMATE_TOLERANCE * max(abs(value_x), abs(value_y)),
                     *(ROUNDING_SHARE * _rounding(number_value(mention)) for mention in approximate)])
    return bool(approximate) and abs(value_x - value_y) <= tolerance


def _within_bound(bound: NumberMention, value: int | float) -> bool:
    """`value` on the side of a bound ("more than 40", "under 5 percent") and no further than BOUND_REACH of it."""
    limit = number_value(bound)
    if limit is None or bound.qualifier is None:
        return False
    reach = BOUND_REACH * abs(limit)
    if bound.qualifier in ("more_than", "at_least"):
        return limit <= value <= limit + reach and (value != limit or bound.qualifier == "at_least")
    if bound.qualifier in ("less_than", "at_most"):
        return limit - reach <= value <= limit and (value != limit or bound.qualifier == "at_most")
    return False


def _rounding(value: int | float) -> float:
    """The place of a number's last non-zero digit: what an approximate round number is rounded to (300: 100,
    320: 10, 1.5: 0.1)."""
    if value == 0:
        return 1.0
    digits = f"{abs(value):.6f}".rstrip("0").rstrip(".")
    whole, _, fraction = digits.partition(".")
    if fraction:
        return 10.0 ** -len(fraction)
    return 10.0 ** (len(whole) - len(whole.rstrip("0")))


def _comparable_numbers(x: NumberMention, y: NumberMention) -> bool:
    return x.kind == y.kind and _unit_class(x.unit) == _unit_class(y.unit)


def _unit_class(unit: str | None) -> str:
    """percent, a currency code, or "count" for counted nouns and bare numbers."""
    if unit == "percent" or (unit and CURRENCY_CODE.fullmatch(unit)):
        return unit
    return "count"


def _number_difference(x: NumberMention, y: NumberMention) -> Difference:
    return Difference(field="number", a=number_value(x), b=number_value(y), a_text=x.text, b_text=y.text)


def dates_agree(x: DateMention, y: DateMention) -> bool:
    """Same date, one a more precise form of the other ("2024-03" and "2024-03-05"), or either unresolved."""
    if x.value is None or y.value is None:
        return True
    return x.value.startswith(y.value) or y.value.startswith(x.value)


@functools.lru_cache(maxsize=65536)
def names_agree(x: str | None, y: str | None) -> bool:
    """Same name, or one part of the other ("Ortiz", "Mayor Elena Ortiz"), with the spelling varying ("Kinsley",
    "Michael Kinsely"), or one the initials or the cut short form of the other ("SEC", "Securities and Exchange
    Commission"; "Colo.", "Colorado"); true when either is unknown."""
    x_words, y_words = _name_words(x), _name_words(y)
    if not x_words or not y_words:
        return True
    shorter, longer = sorted((x_words.split(), y_words.split()), key=len)
    if all(any(_name_spelling(word, other) for other in longer) for word in shorter):
        return True
    return any(_short_form(one, other) for one, other in ((x, y), (y, x)))


def _name_spelling(x: str, y: str) -> bool:
    """One name's word, spelled alike, with an "s" added ("Poor", "Poors") or one letter changed, dropped or
    swapped ("Kinsley", "Kinsely"; not "Iran", "Iraq": too short to tell)."""
    return (x == y or x.removesuffix("s") == y.removesuffix("s")
            or (min(len(x), len(y)) >= NAME_VARIANT_LEAST and OSA.distance(x, y) <= 1))


def _spelled_alike(word: str, others: list[str]) -> bool:
    return any(JaroWinkler.normalized_similarity(word, other) >= WORD_MATCH for other in others)


def _short_form(short: str, full: str) -> bool:
    """`short` gives the initials of `full`'s capitalised words ("U.S.", "United States"), or is the start of
    its first word cut short ("Fed", "Federal Reserve"; "Ala.", "Alabama")."""
    letters = re.sub(r"[^\w]", "", short)
    capitalised = [word for word in WORD.findall(full) if word[0].isupper()]
    if len(letters) >= 2 and letters.isupper() and letters == "".join(word[0] for word in capitalised):
        return True
    words = WORD.findall(short)
    return (len(words) == 1 and len(words[0]) >= SHORT_FORM_LEAST and bool(capitalised)
            and capitalised[0] != words[0] and capitalised[0].startswith(words[0]))


@functools.lru_cache(maxsize=65536)
def _name_words(name: str | None) -> str:
    from spacy.lang.en.stop_words import STOP_WORDS

    return " ".join(word for word in utils.default_process(name or "").split() if word not in STOP_WORDS)


def attributed_to(claim: Claim) -> str | None:
    """Who the claim is attributed to: the source's canonical name, else its words; None if unattributed."""
    return (claim.source.name or claim.source.text) if claim.source else None


def _source_difference(a: Claim, b: Claim) -> list[Difference]:
    """Two sources that cannot be one. News names a speaker once and then describes them ("Lieberman", "the
    Connecticut Democrat"; "Taiwan", "the island nation"), so only these cannot be one: two names that do not
    agree (`names_agree`); or two descriptions without a word in common ("police", "the fire brigade"; but "a
    senior official", "a government official" may be one), where a name's own description counts ("union
    leader Priya Nair" against "the agency") and a bare name or pronoun ("Ortiz", "he") may be anyone described.
    A document ("the indictment") speaks for whoever is behind it ("prosecutors"): no difference."""
    if a.source is None or b.source is None:
        return []
    if any(names_agree(x, y) for x in (a.source.name, a.source.text) for y in (b.source.name, b.source.text)
           if x and y):
        return []
    if _is_document(a.source) or _is_document(b.source):
        return []
    if a.source.name is None or b.source.name is None:
        description_a, description_b = _description(a.source), _description(b.source)
        if not description_a or not description_b or any(_spelled_alike(word, description_b) for word in description_a):
            return []
    return [Difference(field="source", a=attributed_to(a), b=attributed_to(b), a_text=a.source.text, b_text=b.source.text)]


def _description(source: Source) -> list[str]:
    """The words describing a source, without stop words, titles ("Mr", "Dr") and its name's words ("union
    leader Priya Nair": union, leader)."""
    name = _name_words(source.name).split()
    return [word for word in _name_words(source.text).split() if len(word) > 2 and not _spelled_alike(word, name)]


def _is_document(source: Source) -> bool:
    """Whether the source is a document or a record ("the indictment", "a study released on Monday"), which
    speaks for whoever is behind it (models/diff_document_sources.txt)."""
    documents = _document_sources()
    return any(word in documents or word.removesuffix("s") in documents for word in _name_words(source.text).split())


def masked_content(claim: Claim, spans: Iterable[Span]) -> str:
    """The content's pieces (without an interrupting cue), with `spans` blanked out."""
    pieces = claim.content.fragments or [claim.content]
    chars = {offset for span in spans for offset in range(span.start, span.end)}
    return " ".join(
        "".join(" " if piece.start + k in chars else char for k, char in enumerate(piece.text)) for piece in pieces
    )


def negation(claim: Claim) -> str | None:
    """The first negating word of the content ("not", "n't", "never"), if any."""
    found = NEGATION.search(masked_content(claim, []))
    return found.group() if found else None


def hedge(claim: Claim) -> str | None:
    """The first hedge of the claim ("may", "reportedly"), leaving out the "would" of reported speech and a hedge
    that qualifies a figure ("an estimated 3,000 people"): the figure's value is compared, as "about 3,000"."""
    return next((span.text for span in claim.hedges
                 if span.text.lower() not in TENSE_HEDGES and not _on_a_figure(claim, span)), None)


def _on_a_figure(claim: Claim, span: Span) -> bool:
    """Whether `span` lies within a number mention or only spaces part it from the next one."""
    offset = claim.content.start
    return any(number.start <= span.start and span.end <= number.end
               or (number.start >= span.end and not claim.content.text[span.end - offset:number.start - offset].strip())
               for number in claim.numbers)


def _flag_difference(field: str, in_a: str | None, in_b: str | None) -> list[Difference]:
    """A difference when exactly one side has the word (`in_a`, `in_b`: its text, or None)."""
    if (in_a is None) == (in_b is None):
        return []
    return [Difference(field=field, a=in_a is not None, b=in_b is not None, a_text=in_a, b_text=in_b)]


def cue_strength(claim: Claim) -> str | None:
    """The class of the claim's cue in models/diff_cue_strength.json ("neutral", "conceding", ...), if listed."""
    if claim.cue is None:
        return None
    lemma = claim.cue.lemma.lower()
    return next((name for name, lemmas in _cue_classes().items() if lemma in lemmas), None)


@functools.lru_cache(maxsize=1)
def _document_sources() -> frozenset[str]:
    return frozenset(read_lexicon("diff_document_sources.txt"))


@functools.lru_cache(maxsize=1)
def _cue_classes() -> dict[str, frozenset[str]]:
    return {name: frozenset(lemmas) for name, lemmas in read_lexicon("diff_cue_strength.json").items()
            if not name.startswith("_")}


def _cue_difference(a: Claim, b: Claim) -> list[Difference]:
    strength_a, strength_b = cue_strength(a), cue_strength(b)
    if strength_a is None or strength_b is None or strength_a == strength_b:
        return []
    return [Difference(field="cue", a=strength_a, b=strength_b, a_text=a.cue.text, b_text=b.cue.text)]


def quoted_words(claim: Claim) -> list[str] | None:
    """The lower-cased words inside the content's double quotes (all of a direct quote's content when it has
    none), without stop words ("this" for "it" changes no claim) and without the mentions and negations
    reported as their own differences; None when nothing is quoted."""
    from spacy.lang.en.stop_words import STOP_WORDS

    masked = masked_content(claim, [*claim.numbers, *claim.dates, *claim.places, *claim.hedges])
    pieces = [next(group for group in found.groups() if group is not None) for found in QUOTED.finditer(masked)]
    if not pieces and claim.kind == "direct":
        pieces = [masked]
    if not pieces:
        return None
    words = (POSSESSIVE.sub("", word) for piece in pieces for word in WORD.findall(NEGATION.sub(" ", piece).lower()))
    return [word for word in words if word not in STOP_WORDS]


def _quote_difference(a: Claim, b: Claim) -> list[Difference]:
    """A difference when each quote has words the other lacks (near spellings match, "realised"/"realized"):
    words replaced, not a quote cut shorter."""
    words_a, words_b = quoted_words(a), quoted_words(b)
    if not words_a or not words_b:
        return []
    only_a, only_b = _unmatched_words(words_a, words_b), _unmatched_words(words_b, words_a)
    if not only_a or not only_b:
        return []
    return [Difference(field="quote", a=" ".join(only_a), b=" ".join(only_b), a_text=None, b_text=None)]


def _unmatched_words(words: list[str], others: list[str]) -> list[str]:
    """The words with no counterpart of Jaro-Winkler similarity WORD_MATCH or more in `others`, where a compound
    meets its parts however it is written ("head-kicker", "head kicker"; "website", "web site")."""
    parts = [*others, *(part for word in others if "-" in word for part in word.split("-"))]
    scores = process.cdist(words, parts, scorer=JaroWinkler.normalized_similarity, score_cutoff=WORD_MATCH)
    joined = {"".join(pair) for pair in zip(others, others[1:])} | {word.replace("-", "") for word in others}
    return [word for word, best in zip(words, scores.max(axis=1)) if best == 0
            and word.replace("-", "") not in joined
            and not ("-" in word and all(_spelled_alike(part, parts) for part in word.split("-") if len(part) > 2))]


def _absorbed_difference(claim: Claim, partner: Claim, partners_alone: Sequence[Claim], side: str) -> list[Difference]:
    """A difference when `claim` (on `side`, "a" or "b") carries most words of a claim of its partner's article
    left without counterpart, words the partner itself lacks: a content that swallowed a second claim. The
    difference gives, on `side`, that other claim's id and content."""
    missing = _words(claim) - _words(partner)
    for other in partners_alone:
        words = _words(other)
        carried = words & missing
        if len(carried) >= ABSORBED_LEAST_WORDS and len(carried) >= ABSORBED_SHARE * len(words):
            found = {side: other.id, f"{side}_text": other.content.text}
            return [Difference(**{"field": "absorbed", "a": None, "b": None, "a_text": None, "b_text": None, **found})]
    return []


def _words(claim: Claim) -> frozenset[str]:
    return _piece_words(tuple(piece.text for piece in claim.content.fragments or [claim.content]))


@functools.lru_cache(maxsize=65536)
def _piece_words(pieces: tuple[str, ...]) -> frozenset[str]:
    """The lower-cased words of a content's pieces, without stop words."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(word for piece in pieces for word in WORD.findall(piece.lower()) if word not in STOP_WORDS)
