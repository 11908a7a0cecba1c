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
        start, text = _trimmed(ent)
        if not text:
            continue
        name, label = names.resolve(ent, text)
        found.append(Entity(text=text, start=start, end=start + len(text), label=label, name=name))
    return found


class CanonicalNames:
    """Links short mentions and acronyms to the fullest earlier mention of the same entity."""

    def __init__(self) -> None:
        self.full_names: dict[str, list[str]] = {}  # label group -> names seen, in order
        self.acronyms: dict[str, str] = {}

    def resolve(self, ent: Span, text: str) -> tuple[str, str]:
        """The canonical name of the mention, and its label (a surname of a known person is a person)."""
        if text in self.acronyms:
            return self.acronyms[text], ent.label_
        expansion = _expanded_acronym(ent, text)
        if expansion:
            self.acronyms[text] = expansion
            self.full_names.setdefault("organisation", []).append(expansion)
            return expansion, ent.label_
        person = _longest_containing(self.full_names.get("person", []), text)
        if person and ent.label_ not in PEOPLE and len(text.split()) == 1:
            return person, "PERSON"
        group = _group(ent.label_)
        known = self.full_names.setdefault(group, [])
        if group == "organisation" and text.isupper():
            match = next((k for k in reversed(known) if _initials(k) == text), None)
            if match:
                self.acronyms[text] = match
                return match, ent.label_
        name = _longest_containing(known, text) or text
        if name == text and text not in known:
            known.append(text)
        return name, ent.label_


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


def _expanded_acronym(ent: Span, text: str) -> str | None:
    """"Organization for Security and Co-operation in Europe (OSCE)": for an acronym in brackets, the
    words before the bracket whose capitalised initials spell it."""
    doc = ent.doc
    if not (text.isupper() and 2 <= len(text) <= 10 and ent.start >= 2 and ent.end < len(doc)
            and doc[ent.start - 1].text == "(" and doc[ent.end].text == ")"):
        return None
    words = []
    for token in reversed(doc[max(0, ent.start - 1 - 3 * len(text)) : ent.start - 1]):
        if token.is_punct and token.text != "-":
            break
        words.insert(0, token)
        spelled = _initials(" ".join(t.text for t in words))
        if spelled == text and words[0].text[:1].isupper() and words[0].lower_ != "the":
            return doc[words[0].i : ent.start - 1].text.strip()
        if len(spelled) > len(text):
            break
    return None


def _initials(name: str) -> str:
    """Capitals that open the name's words and their hyphenated parts, without a leading "The"."""
    words = name.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    return "".join(part[0] for word in words for part in word.split("-") if part[:1].isupper())


def _trimmed(ent: Span) -> tuple[int, str]:
    """The mention's start and text without a possessive ending or a leading article."""
    text, start = ent.text, ent.start_char
    if ent.label_ not in PEOPLE and text[:4].lower() == "the " and len(text) > 4:
        text, start = text[4:], start + 4
    for ending in POSSESSIVE_ENDINGS:
        if text.endswith(ending) and len(text) > len(ending):
            return start, text[: -len(ending)]
    return start, text
