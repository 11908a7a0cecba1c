"""What two articles agree on, what conflicts, and what only one reports: claims aligned one-to-one.

Two claims are alike by the words of their content: lower-cased, stop words dropped, and the numbers,
dates and hedges cut out, so that a changed figure or an added "may" leaves the likeness intact. Each
word counts by its closest counterpart on the other side (Jaro-Winkler, so that "evacuated" meets
"evacuation"); a number or date both give with the same value counts as one more shared word, and
claims naming only different people or organisations are marked down (different actors, different
events). Pairs at or above the threshold are taken best first, one-to-one. A pair is a
`conflict` when a number, date, place, source, negation or hedge differs, else `same`.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterable, Sequence
from typing import IO, TypeVar

from pydantic import ValidationError
from rapidfuzz import fuzz, process, utils
from rapidfuzz.distance import JaroWinkler
from rich.table import Table
from rich.text import Text

from claimex.diff_schema import ClaimRef, DiffRecord, Difference
from claimex.schema import Claim, DateMention, Entity, NumberMention, Span

DEFAULT_THRESHOLD = 0.55
"""Least similarity for two claims to be aligned: on samples/pairs (benchmarks/diff_pairs.py) no wrong pair
from 0.55 up, while 0.5 lets in two claims about different things that share half their words."""

WORD_MATCH = 0.88
"""Least Jaro-Winkler similarity for two words to count as the same word ("family", "families")."""

NAME_MATCH = 90
"""Least rapidfuzz token-set ratio for two names to be the same ("Ortiz", "Mayor Elena Ortiz")."""

OTHER_ACTORS_FACTOR = 0.5
"""Similarity is multiplied by this when both claims name people or organisations and none in common."""

APPROXIMATE_TOLERANCE = 0.05
"""How far apart two numbers may be when either is approximate ("about 900", "nearly 40")."""

NEGATION = re.compile(r"\b(?:not|no|never|none|nobody|nothing|neither|nor|without)\b|n't\b", re.IGNORECASE)
WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")
CURRENCY_CODE = re.compile(r"[A-Z]{3}")
TENSE_HEDGES = frozenset({"would"})
"""Hedge words that reported speech brings in by itself ("will" becomes "would"): no hedge of their own."""

STATUS_ORDER = {"conflict": 0, "same": 1, "only_a": 2, "only_b": 3}

T = TypeVar("T")


def diff_claims(a: Sequence[Claim], b: Sequence[Claim], threshold: float = DEFAULT_THRESHOLD) -> list[DiffRecord]:
    """Every claim of A and of B once: aligned pairs in A's order with the claims of A alone, then B's alone."""
    pairs = align(a, b, threshold)
    matched = {i: (j, score) for i, j, score in pairs}
    taken = {j for _, j, _ in pairs}
    records = []
    for i, claim in enumerate(a):
        if i in matched:
            j, score = matched[i]
            records.append(compare(claim, b[j], score))
        else:
            records.append(DiffRecord(status="only_a", similarity=None, a=claim_ref(claim), b=None))
    records.extend(DiffRecord(status="only_b", similarity=None, a=None, b=claim_ref(claim))
                   for j, claim in enumerate(b) if j not in taken)
    return records


def align(a: Sequence[Claim], b: Sequence[Claim], threshold: float) -> list[tuple[int, int, float]]:
    """One-to-one pairs (index in A, index in B, similarity), the most similar first, none below `threshold`."""
    words_a = [content_words(claim) for claim in a]
    words_b = [content_words(claim) for claim in b]
    candidates = sorted(
        ((score, i, j) for i, claim_a in enumerate(a) for j, claim_b in enumerate(b)
         if (score := _similarity(claim_a, claim_b, words_a[i], words_b[j])) >= threshold),
        key=lambda candidate: (-candidate[0], candidate[1], candidate[2]),
    )
    pairs, used_a, used_b = [], set(), set()
    for score, i, j in candidates:
        if i not in used_a and j not in used_b:
            pairs.append((i, j, score))
            used_a.add(i)
            used_b.add(j)
    return pairs


def similarity(a: Claim, b: Claim) -> float:
    """How alike the contents of two claims are, 0 to 1."""
    return _similarity(a, b, content_words(a), content_words(b))


def _similarity(a: Claim, b: Claim, words_a: Sequence[str], words_b: Sequence[str]) -> float:
    score = word_similarity(words_a, words_b, len(anchors(a) & anchors(b)))
    return round(score * OTHER_ACTORS_FACTOR, 3) if other_actors(a, b) else score


def word_similarity(words_a: Sequence[str], words_b: Sequence[str], shared_anchors: int = 0) -> float:
    """Soft Dice overlap: each word scores its best Jaro-Winkler match on the other side (0 below WORD_MATCH);
    each shared anchor counts as a word matched on both sides."""
    if not words_a or not words_b:
        return 0.0
    scores = process.cdist(words_a, words_b, scorer=JaroWinkler.normalized_similarity, score_cutoff=WORD_MATCH)
    matched = float(scores.max(axis=1).sum() + scores.max(axis=0).sum()) + 2 * shared_anchors
    return round(matched / (len(words_a) + len(words_b) + 2 * shared_anchors), 3)


def other_actors(a: Claim, b: Claim) -> bool:
    """Whether both contents name people or organisations, and none of A's is one of B's."""
    actors_a, actors_b = _actors(a), _actors(b)
    return bool(actors_a and actors_b) and not any(
        names_agree(x.name, y.name) for x in actors_a for y in actors_b)


def _actors(claim: Claim) -> list[Entity]:
    """The people and organisations named in the content (not in the source)."""
    return [entity for entity in (*claim.people, *claim.organisations)
            if claim.content.start <= entity.start and entity.end <= claim.content.end]


def anchors(claim: Claim) -> set[tuple]:
    """The known values of the claim's numbers and dates: two claims giving the same one likely agree."""
    return ({("number", mention.kind, value) for mention in claim.numbers if (value := number_value(mention)) is not None}
            | {("date", mention.value) for mention in claim.dates if mention.value is not None})


def content_words(claim: Claim) -> list[str]:
    """The distinct lower-cased words of the content without stop words, numbers, dates and hedges."""
    from spacy.lang.en.stop_words import STOP_WORDS

    masked = _masked_content(claim, [*claim.numbers, *claim.dates, *claim.hedges])
    words = (word for word in WORD.findall(masked.lower()) if word not in STOP_WORDS and len(word) > 1)
    return list(dict.fromkeys(words))


def _masked_content(claim: Claim, spans: Iterable[Span]) -> str:
    """The content's pieces (without an interrupting cue), with `spans` blanked out."""
    pieces = claim.content.fragments or [claim.content]
    chars = {offset for span in spans for offset in range(span.start, span.end)}
    return " ".join(
        "".join(" " if piece.start + k in chars else char for k, char in enumerate(piece.text)) for piece in pieces
    )


def compare(a: Claim, b: Claim, score: float) -> DiffRecord:
    """The record of an aligned pair: `conflict` with its differences, or `same`."""
    found = differences(a, b)
    return DiffRecord(status="conflict" if found else "same", similarity=score,
                      a=claim_ref(a), b=claim_ref(b), differences=found)


def differences(a: Claim, b: Claim) -> list[Difference]:
    """What two claims about the same thing disagree on: numbers, dates, places, source, negation, hedge."""
    return [
        *(_number_difference(x, y) for x, y in _unmatched_pairs(a.numbers, b.numbers, numbers_agree, _comparable_numbers)),
        *(Difference(field="date", a=x.value, b=y.value, a_text=x.text, b_text=y.text)
          for x, y in _unmatched_pairs(a.dates, b.dates, dates_agree, lambda x, y: x.kind == y.kind)),
        *(Difference(field="place", a=x.name, b=y.name, a_text=x.text, b_text=y.text)
          for x, y in _unmatched_pairs(a.places, b.places, lambda x, y: names_agree(x.name, y.name), _always)),
        *_source_difference(a, b),
        *_negation_difference(a, b),
        *_hedge_difference(a, b),
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


def _always(x: object, y: object) -> bool:
    return True


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
    """Same amount: equal values, within a range or an order of magnitude, close when either is approximate,
    or unknown (a value that cannot be read is no difference)."""
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
    value_x, value_y = number_value(x), number_value(y)
    if value_x is None or value_y is None:
        return True
    if value_x == value_y:
        return True
    approximate = "approximately" in (x.qualifier, y.qualifier)
    return approximate and abs(value_x - value_y) <= APPROXIMATE_TOLERANCE * max(abs(value_x), abs(value_y))


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


def names_agree(x: str | None, y: str | None) -> bool:
    """Same name, or one part of the other ("Ortiz", "Mayor Elena Ortiz"); true when either is unknown."""
    x_words, y_words = _name_words(x), _name_words(y)
    return not x_words or not y_words or fuzz.token_set_ratio(x_words, y_words) >= NAME_MATCH


def _name_words(name: str | None) -> str:
    from spacy.lang.en.stop_words import STOP_WORDS

    return " ".join(word for word in utils.default_process(name or "").split() if word not in STOP_WORDS)


def source_name(claim: Claim) -> str | None:
    """Who the claim is attributed to: the source's canonical name, else its words; None if unattributed."""
    return (claim.source.name or claim.source.text) if claim.source else None


def _source_difference(a: Claim, b: Claim) -> list[Difference]:
    if a.source is None or b.source is None or names_agree(source_name(a), source_name(b)):
        return []
    return [Difference(field="source", a=source_name(a), b=source_name(b), a_text=a.source.text, b_text=b.source.text)]


def negation(claim: Claim) -> str | None:
    """The first negating word of the content ("not", "n't", "never"), if any."""
    found = NEGATION.search(_masked_content(claim, []))
    return found.group() if found else None


def _negation_difference(a: Claim, b: Claim) -> list[Difference]:
    in_a, in_b = negation(a), negation(b)
    if (in_a is None) == (in_b is None):
        return []
    return [Difference(field="negation", a=in_a is not None, b=in_b is not None, a_text=in_a, b_text=in_b)]


def hedge(claim: Claim) -> str | None:
    """The first hedge of the claim ("may", "reportedly"), leaving out the "would" of reported speech."""
    return next((span.text for span in claim.hedges if span.text.lower() not in TENSE_HEDGES), None)


def _hedge_difference(a: Claim, b: Claim) -> list[Difference]:
    in_a, in_b = hedge(a), hedge(b)
    if (in_a is None) == (in_b is None):
        return []
    return [Difference(field="hedge", a=in_a is not None, b=in_b is not None, a_text=in_a, b_text=in_b)]


def claim_ref(claim: Claim) -> ClaimRef:
    return ClaimRef(id=claim.id, text=claim.content.text, source=source_name(claim),
                    start=claim.content.start, end=claim.content.end)


def read_claims_jsonl(text: str) -> list[Claim] | None:
    """The claims of a file `claimex extract` wrote, or None when some line is not a claim."""
    lines = [line for line in text.splitlines() if line.strip()]
    try:
        return [Claim.model_validate_json(line) for line in lines] if lines else None
    except ValidationError:
        return None


def by_status(records: Iterable[DiffRecord]) -> list[DiffRecord]:
    """Conflicts first, then matches, then the claims only A has and those only B has."""
    return sorted(records, key=lambda record: STATUS_ORDER[record.status])


def diff_table(records: Iterable[DiffRecord]) -> Table:
    """A and B side by side, conflicts first, the words that differ highlighted."""
    table = Table("status", "sim", "A", "B", "differences", show_lines=True)
    for record in by_status(records):
        table.add_row(
            record.status,
            "" if record.similarity is None else f"{record.similarity:.2f}",
            _claim_cell(record.a, [words for d in record.differences for words in (d.a_text, d.a)]),
            _claim_cell(record.b, [words for d in record.differences for words in (d.b_text, d.b)]),
            "\n".join(describe(difference) for difference in record.differences),
        )
    return table


def _claim_cell(ref: ClaimRef | None, highlights: Iterable[object]) -> Text:
    if ref is None:
        return Text("")
    cell = Text(f"{ref.source}: " if ref.source else "", style="dim")
    cell.append(ref.text)
    cell.highlight_words([words for words in highlights if isinstance(words, str) and words], style="bold red", case_sensitive=True)
    return cell


def describe(difference: Difference) -> str:
    """One difference in words: `number: "1,200" (1200) / "about 900" (900)`."""
    def side(text: str | None, value: object) -> str:
        return "—" if text is None else f'"{text}"' if text == str(value) else f'"{text}" ({value})'

    return f"{difference.field}: {side(difference.a_text, difference.a)} / {side(difference.b_text, difference.b)}"


CSV_COLUMNS = ("status", "similarity", "a_id", "a_source", "a_text", "b_id", "b_source", "b_text", "differences")


def write_csv(records: Iterable[DiffRecord], stream: IO[str]) -> None:
    """RFC 4180 rows, one per record, differences joined with "; "."""
    from claimex.output import neutralise_formula

    rows = csv.writer(stream, lineterminator="\r\n")
    rows.writerow(CSV_COLUMNS)
    for record in records:
        cells = (
            record.status, "" if record.similarity is None else record.similarity,
            *(_ref_cells(record.a)), *(_ref_cells(record.b)),
            "; ".join(describe(difference) for difference in record.differences),
        )
        rows.writerow(neutralise_formula(str(cell)) for cell in cells)


def _ref_cells(ref: ClaimRef | None) -> tuple[str, str, str]:
    return ("", "", "") if ref is None else (ref.id, ref.source or "", ref.text)
