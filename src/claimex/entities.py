"""People, organisations and places, each with one canonical name per entity.

A later short mention ("Benedek", "OSCE") carries the name of the fullest earlier mention it can
refer to ("Wolfgang Benedek", "Organization for Security and Co-operation in Europe").
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from claimex.schema import Entity

PEOPLE = {"PERSON"}
ORGANISATIONS = {"ORG", "NORP"}
PLACES = {"GPE", "LOC", "FAC"}
POSSESSIVE_ENDINGS = ("'s", "’s", "'", "’")


def find_entities(doc: Doc) -> list[Entity]:
    """Every person, organisation and place in `doc`, in text order, with canonical names."""
    names = CanonicalNames()
    found = []
    for ent in doc.ents:
        if ent.label_ not in PEOPLE | ORGANISATIONS | PLACES:
            continue
        text = _without_possessive(ent.text)
        found.append(
            Entity(text=text, start=ent.start_char, end=ent.start_char + len(text), label=ent.label_,
                   name=names.resolve(ent, text))
        )
    return found


class CanonicalNames:
    """Links short mentions and acronyms to the fullest earlier mention of the same entity."""

    def __init__(self) -> None:
        self.full_names: dict[str, list[str]] = {}  # label group -> names seen, in order
        self.acronyms: dict[str, str] = {}

    def resolve(self, ent: Span, text: str) -> str:
        group = _group(ent.label_)
        known = self.full_names.setdefault(group, [])
        name = self.acronyms.get(text) or _longest_containing(known, text) or text
        if name == text and text not in known:
            known.append(text)
        acronym = _parenthesised_acronym(ent)
        if acronym:
            self.acronyms[acronym] = name
        if group == "organisation" and text.isupper() and text not in self.acronyms:
            match = next((k for k in reversed(known) if _initials(k) == text), None)
            if match:
                self.acronyms[text] = match
                return match
        return name


def _group(label: str) -> str:
    if label in PEOPLE:
        return "person"
    return "organisation" if label in ORGANISATIONS else "place"


def _longest_containing(known: list[str], text: str) -> str | None:
    """The longest known name that has `text` as whole words (a surname, a short form)."""
    words = text.split()
    candidates = [k for k in known if k != text and _contains_words(k.split(), words)]
    return max(candidates, key=len) if candidates else None


def _contains_words(name: list[str], words: list[str]) -> bool:
    width = len(words)
    return any(name[i : i + width] == words for i in range(len(name) - width + 1))


def _parenthesised_acronym(ent: Span) -> str | None:
    """"Organization for Security and Co-operation in Europe (OSCE)": the acronym in brackets."""
    doc = ent.doc
    if ent.end + 2 < len(doc) and doc[ent.end].text == "(" and doc[ent.end + 2].text == ")":
        candidate = doc[ent.end + 1].text
        if candidate.isupper() and 2 <= len(candidate) <= 10:
            return candidate
    return None


def _initials(name: str) -> str:
    return "".join(word[0] for word in name.split() if word[0].isupper())


def _without_possessive(text: str) -> str:
    for ending in POSSESSIVE_ENDINGS:
        if text.endswith(ending) and len(text) > len(ending):
            return text[: -len(ending)]
    return text
