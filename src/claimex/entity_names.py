"""Canonical names: a later short mention ("Benedek", "OSCE") carries the name of the fullest earlier mention
it can refer to ("Wolfgang Benedek", "Organization for Security and Co-operation in Europe")."""

from __future__ import annotations

from spacy.tokens import Span

from claimex.plain_forms import plain

PEOPLE = {"PERSON"}
ORGANISATIONS = {"ORG"}
PLACES = {"GPE", "LOC", "FAC"}
GROUPS = {"NORP"}
"""Nationalities, religious and political groups ("Afghan", "Muslims"): not organisations, so no record lists
them; they can still be what a source's "they" refers to."""


class CanonicalNames:
    """Links short mentions and acronyms to the fullest earlier mention of the same entity."""

    def __init__(self) -> None:
        self.full_names: dict[str, list[str]] = {}  # label group -> names seen, in order
        self.labels: dict[str, str] = {}  # name -> the label it was first seen with
        self.acronyms: dict[str, str] = {}

    def resolve(self, ent: Span, text: str) -> tuple[str, str]:
        """The canonical name of the mention, and its label (a surname of a known person is a person; an acronym
        is what its expansion is). The name is written plain: one space between words, no invisible characters."""
        text = " ".join(plain(text).split())
        if text[:4] in ("The ", "the ") and len(text) > 4:
            text = text[4:]
        if text in self.acronyms:
            return self.acronyms[text], self.labels.get(self.acronyms[text], ent.label_)
        expansion = _expanded_acronym(ent, text)
        if expansion:
            return self._acronym(text, expansion, ent.label_)
        person = _longest_containing(self.full_names.get("person", []), text)
        if person and ent.label_ not in PEOPLE and person.split()[-1] == text:
            return person, "PERSON"
        group = _group(ent.label_)
        known = self.full_names.setdefault(group, [])
        if text.isupper() and (group == "organisation" or len(ent) == 1):
            names = known if group == "place" else self.full_names.get("place", []) + known
            match = next((k for k in reversed(names) if initials(k) == text), None)
            if match:
                return self._acronym(text, match, ent.label_)
        name = _longest_containing(known, text) or text
        if name == text and text not in known:
            known.append(text)
            self.labels.setdefault(text, ent.label_)
        return name, ent.label_

    def _acronym(self, acronym: str, expansion: str, own_label: str) -> tuple[str, str]:
        self.acronyms[acronym] = expansion
        if expansion not in self.labels:
            self.full_names.setdefault("organisation", []).append(expansion)
            self.labels[expansion] = own_label
        return expansion, self.labels[expansion]


def _group(label: str) -> str:
    if label in PEOPLE:
        return "person"
    return "organisation" if label in ORGANISATIONS | GROUPS else "place"


def _longest_containing(known: list[str], text: str) -> str | None:
    """The longest known name that has `text` as whole words (a surname, a short form)."""
    words = text.split()
    candidates = [k for k in known if k != text and words[0] in k and _contains_words(k.split(), words)]
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
        spelled = initials(" ".join(t.text for t in words))
        if spelled == text and words[0].text[:1].isupper() and words[0].lower_ != "the":
            return doc[words[0].i : ent.start - 1].text.strip()
        if len(spelled) > len(text):
            break
    return None


def initials(name: str) -> str:
    """Capitals that open the name's words and their hyphenated parts, without a leading "The"."""
    words = name.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    return "".join(part[0] for word in words for part in word.split("-") if part[:1].isupper())
