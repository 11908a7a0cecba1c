"""People, organisations and places, each with one canonical name per entity (`entity_names`).

What the model tags is taken as a name is written: never across a line break, without a possessive ending, and
checked against the rest of the article: the label most mentions of a name carry wins, a name the
model tagged elsewhere is found where it missed it, and a person or place named inside a longer
name ("the Andy Warhol Foundation", "University of Texas") is listed too.
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict

from spacy.tokens import Doc, Span, Token

from claimex.boilerplate import LONGEST_DATELINE
from claimex.doc_text import span_text, text_of, token_texts
from claimex.entities_places import people_split_into_places, places_inside_organisations
from claimex.entity_names import GROUPS, ORGANISATIONS, PEOPLE, PLACES, CanonicalNames, initials
from claimex.resources import read_lexicon
from claimex.schema import Entity

NAMED = PEOPLE | ORGANISATIONS | PLACES | GROUPS
POSSESSIVE_ENDINGS = ("'s", "’s", "'", "’")
HEAD_LINES = 8
"""Lines at the top of an article where a dateline can stand alone."""
UNLISTED_KINDS = {"EVENT", "PRODUCT"}
"""Named kinds no record lists: events (`Paralympic Games`) and products (`Space Shuttle Atlantis`)."""
NESTED_LABELS = PEOPLE | {"GPE", "LOC"}
"""What a longer name can hold as a name of its own: a person or a place (not an organisation in an organisation)."""
WORD = re.compile(r"\w+")


def find_entities(doc: Doc, dateline_place: Span | None = None) -> list[Entity]:
    """Every person, organisation and place in `doc`, in text order, with canonical names.
    `dateline_place`, the place of the article's dateline, is a place whatever the model made of it."""
    mentions = [_as_site(piece) for ent in _with_coordinated_names(doc) if ent.label_ in NAMED
                for piece in _name_pieces(ent) if not (_is_event(piece) or _names_an_office(piece))]
    mentions = people_split_into_places(_without_false_names(doc, mentions))
    if dateline_place is not None:
        mentions = [m for m in mentions if m.end <= dateline_place.start or dateline_place.end <= m.start]
        mentions.append(Span(doc, dateline_place.start, dateline_place.end, label="GPE"))
    kinds: dict = {}
    mentions = _with_majority_labels(mentions + _bracketed_acronyms(doc, mentions), kinds)
    repeated = _repeated_names(doc, mentions)
    mentions = [m for m in _with_majority_labels(mentions + repeated + places_inside_organisations(mentions + repeated),
                                                 kinds)
                if m.label_ not in UNLISTED_KINDS]
    mentions.sort(key=lambda m: (m.start, -m.end))
    names = CanonicalNames()
    found = []
    for mention in mentions:
        start, text = _trimmed(mention)
        if not text:
            continue
        name, label = names.resolve(mention, text)
        found.append(Entity(text=text, start=start, end=start + len(text), label=label, name=name))
    return found


def _without_false_names(doc: Doc, mentions: list[Span]) -> list[Span]:
    """The model's names less what is no name: words without a capital letter (`jargon-free`), a person's or a
    country's or city's name with a digit (`STS-1`, `IE6`), or a person's name of one word the article also writes
    in lower case (`Homeopathy` opening a sentence) unless a person's full name ends with it."""
    surnames = {m[-1].text for m in mentions if m.label_ in PEOPLE and len(m) > 1}
    text = text_of(doc)
    words_of_text = functools.cache(lambda: frozenset(WORD.findall(text)))

    def written_in_lower_case(word: str) -> bool:
        lowered = word.lower()
        if word in surnames:
            return False
        if WORD.fullmatch(lowered):  # one word: is it among the text's words (a search per word is slow)
            return lowered in words_of_text()
        return re.search(rf"\b{re.escape(lowered)}\b", text) is not None

    def is_false(mention: Span) -> bool:
        name = span_text(mention)
        if not any(c.isupper() for c in name):
            return True
        has_digit = any(c.isdigit() for c in name)
        if mention.label_ == "GPE":
            return has_digit
        return mention.label_ in PEOPLE and (has_digit or (len(mention) == 1 and written_in_lower_case(name)))

    return [m for m in mentions if not is_false(m)]


@functools.cache
def _word_sets() -> dict:
    """models/entities.json's word lists as sets (`kind_nouns` as a set per label), read once."""
    rules = read_lexicon("entities.json")
    return {"credit_labels": frozenset(rules["credit_labels"]), "facility_heads": frozenset(rules["facility_heads"]),
            "event_heads": frozenset(rules["event_heads"]), "office_nouns": frozenset(rules["office_nouns"]),
            "kind_nouns": {label: frozenset(words) for label, words in rules["kind_nouns"].items()}}


def _is_credit_label(token: Token) -> bool:
    """A credit word followed by a colon (`Image:`)."""
    return token.lower_ in _word_sets()["credit_labels"] and token.i + 1 < len(token.doc) and token.nbor().text == ":"


def _is_event(mention: Span) -> bool:
    """A name headed by an event noun (`Paralympic Games`, `Lantern Festival`): an event, whatever the model said."""
    return mention.root.lower_ in _word_sets()["event_heads"]


def _names_an_office(mention: Span) -> bool:
    """An organisation's name of capitalised ordinary words, without article, that a government office noun takes as
    its own (`Home Secretary`, `Secretary of State`, `Minister of Education`): the office's name, no organisation."""
    root, offices = mention.root, _word_sets()["office_nouns"]
    if (mention.label_ not in ORGANISATIONS or any(t.is_upper for t in mention)
            or any(child.dep_ in ("det", "poss") for child in root.children)):
        return False
    if root.dep_ == "pobj" and root.head.lower_ == "of":
        return root.head.head.lemma_.lower() in offices
    return root.dep_ == "compound" and root.head.i >= mention.end and root.head.lemma_.lower() in offices


def _as_site(mention: Span) -> Span:
    """An organisation's name headed by a building or site noun (`Museum of Flight`) names a place; one for a
    purpose (`Centre for Disease Control`) an institution."""
    root = mention.root
    if (mention.label_ in ORGANISATIONS and root.lower_ in _word_sets()["facility_heads"]
            and not any(child.lower_ == "for" for child in root.children)):
        return Span(mention.doc, mention.start, mention.end, label="FAC")
    return mention


def credit_label(span: Span) -> Token | None:
    """The label of a credit line in `span` (`Image` in `Harbour at dusk Image: Jane Doe.`): a credit word
    followed by a colon and then words with no verb."""
    for token in span[:-2]:
        if (_is_credit_label(token)
                and not any(t.pos_ in ("VERB", "AUX") for t in span.doc[token.i + 2 : span.end])):
            return token
    return None


def find_dateline(doc: Doc) -> tuple[Span, tuple[int, int]] | None:
    """The place words of the article's dateline and the dateline's character range: a boilerplate line
    opening (`KABUL, July 18 (Wikinews) —`) or a short line of the article's head (`LONDON, 4 June 2024`)
    whose first words, in capitals, end at a comma or a bracket, with a date after them."""
    openings = [(start, end, False) for start, end in doc._.claimex_boilerplate]
    for start, end, needs_date in openings + [(start, end, True) for start, end in _head_lines(doc)]:
        opening = doc.char_span(start, end, alignment_mode="expand")
        if opening is None or not opening[0].is_upper:
            continue
        stop = next((t.i for t in opening if t.text in (",", "(")), None)
        place = doc[opening.start : stop] if stop is not None else None
        if (place and all(t.is_upper or t.is_punct for t in place)
                and (not needs_date or any(t.ent_type_ == "DATE" for t in doc[stop : opening.end]))):
            return place, (start, end)
    return None


def _head_lines(doc: Doc) -> list[tuple[int, int]]:
    """Character ranges of the short lines among the first few of the text, without surrounding whitespace."""
    ranges, offset = [], 0
    for line in text_of(doc).splitlines(keepends=True)[:HEAD_LINES]:
        stripped = line.strip()
        if stripped and len(stripped) <= LONGEST_DATELINE:
            start = offset + line.index(stripped)
            ranges.append((start, start + len(stripped)))
        offset += len(line)
    return ranges


def _with_coordinated_names(doc: Doc) -> list[Span]:
    """The model's entities, a name whose first word is coordinated ("Maritime and Transport Workers Union", which
    the model cuts at "and") made one again: the one-word entity before "and" modifies a word of the one after it."""
    merged: list[Span] = []
    for ent in doc.ents:
        last = merged[-1] if merged else None
        if (last is not None and len(last) == 1 and ent.start == last.end + 1 and doc[last.end].lower_ in ("and", "&")
                and last.root.dep_ in ("nmod", "compound") and ent.start <= last.root.head.i < ent.end):
            merged[-1] = Span(doc, last.start, ent.end, label=ent.label)
        else:
            merged.append(ent)
    return merged


def _name_pieces(ent: Span) -> list[Span]:
    """The model's entity as names: cut at a line break, at an inner possessive ("Saudi Arabia's Civil
    Defense Authority") and at a credit label ("Lisbon Image: Jane Doe"), an unclosed bracket left off, a
    lower-case leading article left off."""
    pieces, start = [], ent.start
    for token in ent:
        breaks = (_breaks_line(token) or (token.lower_ in ("'s", "’s") and token.i < ent.end - 1)
                  or _is_credit_label(token))
        if breaks or (token.text == "(" and ")" not in ent[token.i - ent.start:].text):
            if token.i > start:
                pieces.append(Span(ent.doc, start, token.i, label=ent.label))
            start = token.i + 1
    if ent.end > start:
        pieces.append(Span(ent.doc, start, ent.end, label=ent.label))
    return [piece for piece in (_without_article(p) for p in pieces) if piece is not None]


def _breaks_line(token: Token) -> bool:
    """A line break; a no-break or other Unicode space between two words of a name is only a space."""
    return "".join(token.text.splitlines()) != token.text


def _without_article(piece: Span) -> Span | None:
    """A lower-case "the" is no part of the name; a capitalised one inside a sentence is ("The Independent")."""
    start, first = piece.start, piece[0]
    if first.lower_ == "the" and (first.text == "the" or first.is_sent_start) and piece.label_ not in PEOPLE:
        start += 1
    if not any(character.isalpha() for character in span_text(piece.doc[start : piece.end])):
        return None
    return Span(piece.doc, start, piece.end, label=piece.label)


def _bracketed_acronyms(doc: Doc, mentions: list[Span]) -> list[Span]:
    """An acronym the model missed where a name introduces it (`Johnson Space Center (JSC)`), as what the name is."""
    tagged = {token.i for mention in mentions for token in mention}
    found = []
    for mention in mentions:
        if mention.end + 2 < len(doc) and doc[mention.end].text == "(" and doc[mention.end + 2].text == ")":
            acronym = doc[mention.end + 1]
            if acronym.i not in tagged and acronym.is_upper and initials(mention.text) == acronym.text:
                found.append(Span(doc, acronym.i, acronym.i + 1, label=mention.label))
    return found


def _with_majority_labels(mentions: list[Span], kinds: dict) -> list[Span]:
    """Each mention with the label a common noun beside one of the name's mentions gives it (`the band Arcade
    Fire`), else the label most mentions of the same name carry. `kinds` keeps what each mention's words
    told, for the next call on the same mentions."""
    votes: dict[str, Counter] = defaultdict(Counter)
    told: dict[str, str] = {}
    for mention, text in zip(mentions, texts := [span_text(mention) for mention in mentions]):
        votes[text][mention.label_] += 1
        key = (mention.start, mention.end, mention.label_)
        if key not in kinds:
            kinds[key] = _kind_by_noun(mention), _opening_kind(mention)
        kind, opening = kinds[key]
        if kind is not None:
            told.setdefault(text, kind)
        if opening is not None:
            kind, rest = opening
            told.setdefault(text, kind)
            told.setdefault(span_text(rest), kind)
    relabelled = []
    for mention, text in zip(mentions, texts):
        label = told.get(text) or _winning_label(votes[text], mention.label_)
        if label != mention.label_:
            mention = Span(mention.doc, mention.start, mention.end, label=label)
        relabelled.append(mention)
    return relabelled


def _opening_kind(mention: Span) -> tuple[str, Span] | None:
    """`Cyclone Phailin`, `Space Shuttle Columbia`: an event's name opened by its kind, or a product's with its kind
    before the last word; the kind and the name after the kind word. A name headed by a product's kind (`Space
    Shuttle`) is a product too."""
    kinds = _word_sets()["kind_nouns"]
    if len(mention) > 1 and mention[0].lower_ in kinds["EVENT"]:
        return "EVENT", mention[1:]
    kind_word = next((t for t in reversed(mention[:-1]) if t.lower_ in kinds["PRODUCT"]), None)
    if kind_word is not None:
        return "PRODUCT", mention[kind_word.i - mention.start + 1 :]
    return ("PRODUCT", mention) if mention.root.lemma_.lower() in kinds["PRODUCT"] else None


def _kind_by_noun(mention: Span) -> str | None:
    """The label of a kind noun the text puts beside the name: in apposition (`Instituto Gonzaga, a school`; `its
    group the Sea Org`), before it (`the band Arcade Fire`), as what `of` names (`the town of Preston`, but `the
    director of NASA` names no person), as what it is called (`a group called the Sea Org`), or as the head it
    modifies (`the Sea Org group`: organisations only, as `Lisbon council` or `Google engineers` name no kind of
    Lisbon or Google)."""
    root = mention.root
    nouns = [child for child in root.children
             if child.dep_ == "appos" or (child.dep_ == "compound" and child.i < mention.start)]
    if root.dep_ == "appos":
        nouns.append(root.head)
    elif root.dep_ == "pobj" and root.head.lower_ == "of":
        nouns.append(root.head.head)
    elif root.dep_ == "oprd" and root.head.lemma_ in ("call", "name"):
        subject = next((c for c in root.head.children if c.dep_ == "nsubj"), root.head)
        nouns.append(root.head.head if root.head.dep_ == "acl" else subject)
    kinds = _word_sets()["kind_nouns"]
    for noun in nouns:
        if noun.pos_ == "NOUN" and noun.text.islower():
            kind = next((label for label, words in kinds.items() if noun.lemma_ in words), None)
            if kind is not None and not (kind in PEOPLE and noun.i == root.head.head.i and root.dep_ == "pobj"):
                return kind
    head = root.head
    if (root.dep_ == "compound" and head.i == mention.end and head.pos_ == "NOUN" and head.text.islower()
            and head.lemma_ in kinds["ORG"] and mention.label_ != "GPE"):
        return "ORG"
    return None


def _winning_label(votes: Counter, own: str) -> str:
    """The most frequent label; on a tie, a person's (a name the model once read as a person's is one), else its own."""
    most = max(votes.values())
    tied = [label for label, count in votes.items() if count == most]
    if len(tied) == 1:
        return tied[0]
    return "PERSON" if "PERSON" in tied else own if own in tied else tied[0]


def _repeated_names(doc: Doc, mentions: list[Span]) -> list[Span]:
    """Where the model missed a name it tagged elsewhere in the article: the same proper-noun words, outside
    every mention, or a person or place inside a longer mention of another name."""
    labels = {_words(m): m.label_ for m in mentions if _is_proper_name(m)}
    surnames = {_words(m[-1:]) for m in mentions if m.label_ in PEOPLE and len(m) > 1 and _is_proper_name(m[-1:])}
    for surname in surnames:
        labels.setdefault(surname, "PERSON")
    nestable = {words for words, label in labels.items()
                if label in NESTED_LABELS and (len(words) > 1 or label not in PEOPLE or words in surnames)}
    by_first_word: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for words in sorted(labels, key=len, reverse=True):
        by_first_word[words[0]].append(words)
    covering: list[Span | None] = [None] * len(doc)
    for mention in mentions:
        covering[mention.start : mention.end] = [mention] * len(mention)
    texts = token_texts(doc)
    found, free_from = [], 0
    for i, text in enumerate(texts):
        if i < free_from or text not in by_first_word:  # most words open no known name: no search at all
            continue
        words = next((words for words in by_first_word[text] if tuple(texts[i : i + len(words)]) == words
                      and _reads_as_name(doc[i : i + len(words)], words in surnames)
                      and _may_add(doc[i : i + len(words)], words in nestable, covering)), None)
        if words:
            found.append(Span(doc, i, i + len(words), label=labels[words]))
            free_from = i + len(words)
    return found


def _may_add(candidate: Span, nestable: bool, covering: list[Span | None]) -> bool:
    """Free words (not a handle or a hashtag), or a person or place wholly inside a longer mention of another
    name that is not a person's."""
    hosts = set(covering[candidate.start : candidate.end])
    if hosts == {None}:
        return candidate.start == 0 or candidate.doc[candidate.start - 1].text not in ("@", "#")
    [host] = hosts if len(hosts) == 1 else [None]
    return nestable and host is not None and host.label_ not in PEOPLE and len(host) > len(candidate)


def _words(span: Span) -> tuple[str, ...]:
    return tuple(token.text for token in span)


def _reads_as_name(span: Span, surname: bool) -> bool:
    """Proper-noun words; or a known person's surname capitalised inside a sentence, whatever the tagger made of it
    (`Waters` in `Later that evening, Waters showed them ...`)."""
    return _is_proper_name(span) or (surname and not span[0].is_sent_start and span[0].text[:1].isupper())


def _is_proper_name(span: Span) -> bool:
    return all(token.pos_ == "PROPN" and token.text[:1].isupper() for token in span)


def _trimmed(ent: Span) -> tuple[int, str]:
    """The mention's start and text without a possessive ending."""
    text = span_text(ent)
    for ending in POSSESSIVE_ENDINGS:
        if text.endswith(ending) and len(text) > len(ending):
            return ent.start_char, text[: -len(ending)]
    return ent.start_char, text
