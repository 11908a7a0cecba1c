"""The spaCy components a trained model adds: the role spans kept apart from the named entities."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

ROLES_COMPONENT = "claimex_roles"
SPANS_COMPONENT = "claimex_role_spans"
ROLES_KEY = "claimex_roles"


@Language.component(SPANS_COMPONENT, assigns=["doc.spans", "doc.ents"])
def move_roles_to_spans(doc: Doc) -> Doc:
    """The role recogniser writes `doc.ents`; keep its spans in `doc.spans` and leave the entities
    unset for the named-entity recogniser that follows."""
    doc.spans[ROLES_KEY] = list(doc.ents)
    doc.set_ents([], default="missing")
    return doc
