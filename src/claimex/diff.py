"""What articles agree on, what conflicts, and what only one reports: claims aligned one-to-one.

Two claims are scored on three things (docs/diff.md has the measurements behind each choice):
- words: their contents' words, lower-cased, stop words dropped, numbers, dates and hedges cut out, each
  word counted by its closest counterpart on the other side (Jaro-Winkler, so "evacuated" meets
  "evacuation"), a number or date both give with the same value counting as one more shared word;
- meaning: the cosine of the two contents' sentence vectors (`diff_meaning`), so that "described the fine
  as" meets "said the fine was";
- structure: the same source adds a little; claims naming only different people or organisations, or
  parallel but for a swapped fact ("nurses" / "cleaners will strike"), are marked down.
Pairs at or above the threshold are paired by the best global assignment over the article, one-to-one.
A pair is a `conflict` when it has a typed difference (`diff_differences`), else `same`. With more than
two articles, claims are gathered into clusters, one claim per article each.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from pydantic import ValidationError
from rapidfuzz import process
from rapidfuzz.distance import JaroWinkler

from claimex.diff_assignment import best_pairs
from claimex.diff_differences import (WORD, WORD_MATCH, attributed_to, differences, masked_content, names_agree,
                                      number_value, quoted_words)
from claimex.diff_schema import ClaimRef, ClusterMember, ClusterRecord, DiffRecord, ScoreParts
from claimex.schema import Claim, Entity

DEFAULT_THRESHOLD = 0.55
"""Least similarity for two claims to be aligned (chosen on samples/pairs and the tests' article pairs)."""

LEXICAL_WEIGHT = 0.5
"""Share of the words in the blend; the meaning has the rest."""

MEANING_FLOOR = 0.2
"""Cosine of two unrelated contents' vectors, about (the median over the claim pairs of samples/pairs that
are not counterparts is 0.14, the 75th percentile 0.27): the meaning part is the cosine rescaled from
[MEANING_FLOOR, 1] to [0, 1]."""

SAME_SOURCE_BONUS = 0.05
"""Added when both claims are attributed to the same source."""

OTHER_ACTORS_FACTOR = 0.5
"""Similarity is multiplied by this when both claims name people or organisations and none in common, or when
a fact is swapped (`swapped_words`: "the pool will open" / "the library will open")."""

REPLACED_BELOW = 0.15
"""Two words name different things when the cosine of their vectors is below this. Synonyms in WordLlama's
vectors score 0.15 to 0.8 ("strike"/"walkout" 0.15, "buy"/"purchase" 0.8), words of one kind that name
different things about 0 or less ("guitar"/"flute" -0.02, "man"/"woman" -0.3): benchmarks/diff_words.py."""

MOST_UNSHARED = 2
"""Most words of each side that no word of the other is spelled like, for two claims to be parallel: a swapped
fact is a word or two ("nurses" / "cleaners"); more unshared words are rewording, which the score weighs."""


SWAP_MOST_WORDS = 8
"""Most content words of the shorter claim for a swapped word to make another fact: a clause says who did
what to what, where and how in about that many ("a new pharmacy at the clinic would open"). In a longer
claim one unlike word among many shared is as often a detail reworded ("the attackers targeted" / "had
focused on the guards") and the claim's facts are checked by the typed differences."""


@dataclass(frozen=True)
class Features:
    """What the scoring reads from one claim, computed once."""

    words: list[str]
    vectors: np.ndarray
    """One unit row per word of `words`."""
    anchors: frozenset[tuple]
    actors: list[str]
    source: str | None
    quotes: bool
    """Whether the content quotes words (a swapped quoted word is a `quote` difference, not another claim)."""
    named: frozenset[str]
    """Words of the places, people and organisations named: changed, they are typed differences."""


def diff_claims(a: Sequence[Claim], b: Sequence[Claim], threshold: float = DEFAULT_THRESHOLD) -> list[DiffRecord]:
    """Every claim of A and of B once: aligned pairs in A's order with the claims of A alone, then B's alone."""
    similarities, parts = score_matrix(a, b, threshold)
    matched = dict(best_pairs(similarities.tolist(), threshold))
    taken = set(matched.values())
    alone_a = [claim for i, claim in enumerate(a) if i not in matched]
    alone_b = [claim for j, claim in enumerate(b) if j not in taken]
    records = []
    for i, claim in enumerate(a):
        if i in matched:
            j = matched[i]
            records.append(compare(claim, b[j], similarities[i][j], parts[i][j], alone_a, alone_b))
        else:
            records.append(DiffRecord(status="only_a", similarity=None, a=claim_ref(claim), b=None))
    records.extend(DiffRecord(status="only_b", similarity=None, a=None, b=claim_ref(claim))
                   for j, claim in enumerate(b) if j not in taken)
    return records


def cluster_claims(documents: Sequence[tuple[str, Sequence[Claim]]],
                   threshold: float = DEFAULT_THRESHOLD) -> list[ClusterRecord]:
    """Claims of several articles gathered into clusters, one claim per article each: each article's claims are
    assigned to the clusters so far (scored by their most similar member) or open new ones."""
    clusters: list[list[tuple[str, Claim]]] = []
    for name, claims in documents:
        members = [(index, claim) for index, cluster in enumerate(clusters) for _, claim in cluster]
        similarities, _ = score_matrix(claims, [claim for _, claim in members], threshold)
        by_cluster = np.zeros((len(claims), len(clusters)))
        for column, (index, _) in enumerate(members):
            by_cluster[:, index] = np.maximum(by_cluster[:, index], similarities[:, column])
        matched = dict(best_pairs(by_cluster.tolist(), threshold))
        for i, claim in enumerate(claims):
            if i in matched:
                clusters[matched[i]].append((name, claim))
            else:
                clusters.append([(name, claim)])
    names = [name for name, _ in documents]
    return [_cluster_record(index, cluster, names) for index, cluster in enumerate(clusters)]


def _cluster_record(index: int, cluster: list[tuple[str, Claim]], names: list[str]) -> ClusterRecord:
    (first_name, first), *others = cluster
    members = [ClusterMember(doc=first_name, claim=claim_ref(first), status="first", similarity=None)]
    for name, claim in others:
        similarities, parts = score_matrix([first], [claim])
        found = differences(first, claim)
        members.append(ClusterMember(doc=name, claim=claim_ref(claim), status="conflict" if found else "same",
                                     similarity=float(similarities[0][0]), score_parts=parts[0][0],
                                     differences=found))
    carriers = {member.doc for member in members}
    disagreeing = [member.doc for member in members if member.status == "conflict"]
    status = "single" if len(carriers) == 1 else "conflict" if disagreeing else "agree"
    return ClusterRecord(cluster=index, status=status, claims=members,
                         carried_by=[member.doc for member in members if member.status != "conflict"],
                         disagreeing=disagreeing, missing_from=[name for name in names if name not in carriers])


def score_matrix(a: Sequence[Claim], b: Sequence[Claim],
                 threshold: float = 0.0) -> tuple[np.ndarray, list[list[ScoreParts | None]]]:
    """Similarity of every claim of A with every claim of B, and the parts of each score. A pair whose words
    and meaning cannot reach `threshold` keeps that lower score, and no parts (they are not worked out)."""
    from claimex.diff_meaning import meaning_model

    features_a, features_b = [features(claim) for claim in a], [features(claim) for claim in b]
    cosines = meaning_model().similarities([_meaning_text(claim) for claim in a], [_meaning_text(claim) for claim in b])
    vocabulary_a, words_a = _indexed([x.words for x in features_a])
    vocabulary_b, words_b = _indexed([y.words for y in features_b])
    spelling = np.zeros((len(vocabulary_a), len(vocabulary_b)))
    if vocabulary_a and vocabulary_b:
        spelling = process.cdist(vocabulary_a, vocabulary_b, scorer=JaroWinkler.normalized_similarity,
                                 score_cutoff=WORD_MATCH)
    shared = np.array([[len(x.anchors & y.anchors) for y in features_b] for x in features_a]).reshape(len(a), len(b))
    lexical = word_overlaps(spelling, words_a, words_b, shared)
    meaning = np.round(np.clip((cosines.astype(np.float64) - MEANING_FLOOR) / (1 - MEANING_FLOOR), 0.0, 1.0), 3)
    similarities = np.round(LEXICAL_WEIGHT * lexical + (1 - LEXICAL_WEIGHT) * meaning, 3)
    parts: list[list[ScoreParts | None]] = [[None] * len(b) for _ in a]
    for i, j in zip(*np.nonzero(similarities + SAME_SOURCE_BONUS >= threshold)):
        spelled_alike = spelling[np.ix_(words_a[i], words_b[j])] > 0
        similarities[i, j], parts[i][j] = blend(features_a[i], features_b[j], float(lexical[i, j]),
                                                float(meaning[i, j]), int(shared[i, j]), spelled_alike)
    return similarities, parts


def word_overlaps(spelling: np.ndarray, words_a: list[list[int]], words_b: list[list[int]],
                  shared: np.ndarray) -> np.ndarray:
    """Soft Dice overlap of every claim of A with every claim of B. `spelling`: Jaro-Winkler similarity of each
    word of A's vocabulary to each of B's, 0 below WORD_MATCH; `words_*`: each claim's words in its side's
    vocabulary. Each word scores its best match on the other side; each shared anchor (`shared`) counts as
    a word matched on both sides."""
    rows, columns = len(words_a), len(words_b)
    best_in_a = np.zeros((rows, spelling.shape[1]))  # [i, w]: how well claim i of A spells B's word w
    for i, words in enumerate(words_a):
        if words:
            best_in_a[i] = spelling[words].max(axis=0)
    best_in_b = np.zeros((columns, spelling.shape[0]))  # [j, v]: how well claim j of B spells A's word v
    for j, words in enumerate(words_b):
        if words:
            best_in_b[j] = spelling[:, words].max(axis=1)
    in_a, in_b = np.zeros((rows, spelling.shape[0])), np.zeros((spelling.shape[1], columns))
    for i, words in enumerate(words_a):
        in_a[i, words] = 1
    for j, words in enumerate(words_b):
        in_b[words, j] = 1
    matched = best_in_a @ in_b + in_a @ best_in_b.T + 2 * shared
    counts_a, counts_b = in_a.sum(axis=1), in_b.sum(axis=0)
    empty = (counts_a[:, None] == 0) | (counts_b[None, :] == 0)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(empty, 0.0, np.round(matched / (np.add.outer(counts_a, counts_b) + 2 * shared), 3))


def _indexed(word_lists: list[list[str]]) -> tuple[list[str], list[list[int]]]:
    """The distinct words of all lists, and each list as positions in them."""
    vocabulary: dict[str, int] = {}
    positions = [[vocabulary.setdefault(word, len(vocabulary)) for word in words] for words in word_lists]
    return list(vocabulary), positions


def similarity(a: Claim, b: Claim) -> float:
    """How alike two claims are, 0 to 1."""
    return float(score_matrix([a], [b])[0][0, 0])


def blend(x: Features, y: Features, lexical: float, meaning: float, shared: int,
          spelled_alike: np.ndarray) -> tuple[float, ScoreParts]:
    """The similarity of two claims from their words' and meaning's scores and their structure, with its parts."""
    parts = ScoreParts(
        lexical=lexical,
        meaning=meaning,
        shared_values=shared,
        same_source=None if x.source is None or y.source is None else names_agree(x.source, y.source),
        other_actors=bool(x.actors and y.actors) and not any(names_agree(p, q) for p in x.actors for q in y.actors),
        replaced=swapped_words(x, y, spelled_alike),
    )
    score = LEXICAL_WEIGHT * parts.lexical + (1 - LEXICAL_WEIGHT) * parts.meaning
    score = min(1.0, score + (SAME_SOURCE_BONUS if parts.same_source else 0.0))
    different = parts.other_actors or parts.replaced
    return round(score * (OTHER_ACTORS_FACTOR if different else 1.0), 3), parts


def swapped_words(x: Features, y: Features, spelled_alike: np.ndarray) -> list[str]:
    """The words of a fact swapped in otherwise parallel claims of one clause (SWAP_MOST_WORDS) ("the nurses will
    strike" / "the cleaners will strike"): the only words of each side (one or two, MOST_UNSHARED) that the other
    does not spell, filling
    the same place next to a word both share, and unlike in meaning every such word of the other side. Not
    between two quotes, nor names, whose changes are typed differences (`quote`, `place`, `source`).
    `spelled_alike[k, l]`: X's word k is spelled like Y's word l."""
    if not spelled_alike.size or (x.quotes and y.quotes):
        return []
    rows, columns = spelled_alike.shape
    alone_x = [k for k in range(rows) if not spelled_alike[k].any() and x.words[k] not in x.named]
    alone_y = [l for l in range(columns) if not spelled_alike[:, l].any() and y.words[l] not in y.named]
    if not 1 <= len(alone_x) <= MOST_UNSHARED or not 1 <= len(alone_y) <= MOST_UNSHARED:
        return []
    if min(rows, columns) > SWAP_MOST_WORDS:
        return []
    cosines = x.vectors[alone_x] @ y.vectors[alone_y].T
    if cosines.max() >= REPLACED_BELOW:
        return []
    same_place = [(k, l) for k in alone_x for l in alone_y
                  if (k > 0 and l > 0 and spelled_alike[k - 1, l - 1])
                  or (k + 1 < rows and l + 1 < columns and spelled_alike[k + 1, l + 1])]
    swapped_x = _runs({k for k, _ in same_place}, alone_x)
    swapped_y = _runs({l for _, l in same_place}, alone_y)
    if swapped_x != set(alone_x) or swapped_y != set(alone_y):
        return []
    return [*(x.words[k] for k in sorted(swapped_x)), *(y.words[l] for l in sorted(swapped_y))]


def _runs(found: set[int], alone: list[int]) -> set[int]:
    """`found` with the words of `alone` next to them ("lightning strike" swapped for "deliberately")."""
    return found | {k for k in alone if found and (k - 1 in found or k + 1 in found)}


def features(claim: Claim) -> Features:
    from claimex.diff_meaning import meaning_model

    words = content_words(claim)
    return Features(words, meaning_model().embed(words), frozenset(anchors(claim)),
                    [entity.name or entity.text for entity in _actors(claim)], attributed_to(claim),
                    quoted_words(claim) is not None,
                    frozenset(word for entity in (*claim.places, *claim.people, *claim.organisations)
                              for word in WORD.findall(entity.text.lower())))


def _actors(claim: Claim) -> list[Entity]:
    """The people and organisations named in the content (not in the source). Nationalities and groups named
    by an adjective ("Iraqi officials", "British police") are no actor: they describe who acts."""
    return [entity for entity in (*claim.people, *claim.organisations)
            if claim.content.start <= entity.start and entity.end <= claim.content.end and entity.label != "NORP"]


def anchors(claim: Claim) -> set[tuple]:
    """The known values of the claim's numbers and dates: two claims giving the same one likely agree."""
    return ({("number", mention.kind, value) for mention in claim.numbers if (value := number_value(mention)) is not None}
            | {("date", mention.value) for mention in claim.dates if mention.value is not None})


def content_words(claim: Claim) -> list[str]:
    """The distinct lower-cased words of the content without stop words, numbers, dates and hedges."""
    from spacy.lang.en.stop_words import STOP_WORDS

    words = (word for word in WORD.findall(_meaning_text(claim).lower()) if word not in STOP_WORDS and len(word) > 1)
    return list(dict.fromkeys(words))


def _meaning_text(claim: Claim) -> str:
    """The content without its numbers, dates and hedges, so that a changed figure keeps the likeness."""
    return masked_content(claim, [*claim.numbers, *claim.dates, *claim.hedges])


def compare(a: Claim, b: Claim, score: float, parts: ScoreParts, alone_a: Sequence[Claim] = (),
            alone_b: Sequence[Claim] = ()) -> DiffRecord:
    """The record of an aligned pair: `conflict` with its differences, or `same`. `alone_*`: the claims of
    each side left without a counterpart, which the other side's content may have absorbed."""
    found = differences(a, b, alone_a, alone_b)
    return DiffRecord(status="conflict" if found else "same", similarity=float(score),
                      a=claim_ref(a), b=claim_ref(b), differences=found, score_parts=parts)


def claim_ref(claim: Claim) -> ClaimRef:
    return ClaimRef(id=claim.id, text=claim.content.text, source=attributed_to(claim),
                    start=claim.content.start, end=claim.content.end)


def read_claims_jsonl(text: str) -> list[Claim] | None:
    """The claims of a file `claimex extract` wrote, or None when some line is not a claim."""
    lines = [line for line in text.splitlines() if line.strip()]
    try:
        return [Claim.model_validate_json(line) for line in lines] if lines else None
    except ValidationError:
        return None
