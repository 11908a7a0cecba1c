"""A cue clause that closes its sentence after a comma: `Prices will rise, he said.`, `The port stays open, said
Ana Ruiz, its director.` The words before the comma are the content, however the parser joined the two."""

from __future__ import annotations

from spacy.tokens import Token

from claimex.attribution_spans import CharRange, trimmed_range, without_leading_conjunction
from claimex.cue_lexicon import SUBJECTS

# What a closing cue verb may have after it, besides its subject: a time or place ("said on Monday", "said in a
# statement", "said by telephone"), an adverb ("said later").
AFTER_THE_CUE = {"prep", "npadvmod", "advmod", "agent"}
# What may stand before the cue verb in its clause, besides the subject: "has said", "did not say", "also said".
BEFORE_THE_CUE = {"aux", "neg", "advmod"}


def closing_cue_content(cue: Token, addressee: bool) -> CharRange | None:
    """The clause before a cue clause that ends its sentence and follows a comma; `addressee` lets the cue
    keep an object ("..., he told reporters.")."""
    subjects = [child for child in cue.children if child.dep_ in SUBJECTS]
    if not subjects:
        return None
    # "X, said Ana Ruiz": the subject after the cue; the parser may take the clause before for another one.
    subject, doc, sentence = subjects[-1], cue.doc, cue.sent
    start = subject.left_edge.i if subject.i < cue.i else cue.i
    if start <= sentence.start or any(t.head != cue or t.dep_ not in BEFORE_THE_CUE
                                      for t in doc[subject.right_edge.i + 1 if subject.i < cue.i else start:cue.i]):
        return None
    allowed = AFTER_THE_CUE | ({"nsubj", "dobj"} if addressee else {"nsubj"})
    owned = {t.i for child in cue.rights if child.dep_ in allowed for t in child.subtree}
    if any(t.i not in owned and not (t.is_punct or t.is_space) for t in doc[cue.i + 1:sentence.end]):
        return None
    comma = doc[start - 1] if not doc[start - 1].is_quote else doc[start - 2]
    if comma.text != "," or comma.i <= sentence.start:
        return None
    before = without_leading_conjunction(list(doc[sentence.start:start]))
    if not any(t.pos_ in ("VERB", "AUX") for t in before):
        return None
    return trimmed_range(before)
