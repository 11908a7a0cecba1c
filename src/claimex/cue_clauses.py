"""What a cue verb governs, in the shapes the parser hangs off it unexpectedly: a "that" clause taken
for a relative one, an "if" clause of asking taken for an adverbial one, "calling for X to Y", a passive with
its agent, a clause before the cue, a cue clause set off by commas, a participle after a clause."""

from __future__ import annotations

from spacy.tokens import Token

from claimex.attribution_spans import CharRange, trimmed_range
from claimex.cue_lexicon import PASSIVE_SUBJECTS, RELATIVE_PRONOUNS, SUBJECTS, CueWord, can_speak

# Words before a cue verb that annotators count as part of the cue: "has said", "did not say", "also noted".
CUE_MODIFIERS = {"aux", "auxpass", "neg", "advmod"}


def misattached_clause(cue: Token) -> Token | None:
    """"predicted at the debate that they would win", "told the Post on Monday that ...": a "that" clause with
    its own subject that the parser took for a relative clause of a noun between the cue and the clause
    (a relative "that" is the clause's subject or object, never its complementiser)."""
    for child in cue.children:
        if child.i < cue.i or not (child.dep_ in ("prep", "npadvmod") or (
                child.dep_ == "dobj" and (child.pos_ == "PRON" or child.ent_type_ in ("PERSON", "ORG")))):
            continue
        for token in child.subtree:
            if token.dep_ == "relcl" and token.head.pos_ in ("NOUN", "PROPN") and any(
                    c.dep_ == "mark" and c.lower_ == "that" for c in token.children) and any(
                    c.dep_ in SUBJECTS for c in token.children):
                return token
    return None


def passive_content(cue: Token) -> list[CharRange | None] | None:
    """"The meeting was first reported by Politico", "the remarks were taken by some as a threat": a passive cue
    whose agent can speak says something of its subject, with its "as" complement."""
    agents = [grand for child in cue.children if child.dep_ == "agent" for grand in child.children
              if grand.dep_ == "pobj"]
    subjects = [child for child in cue.children if child.dep_ in PASSIVE_SUBJECTS]
    if not (agents and subjects) or not can_speak(agents[0]) or subjects[0].lower_ in ("it", "this", "that") \
            or subjects[0].lower_ in RELATIVE_PRONOUNS:
        return None  # "it was declared by ...": "it" says nothing of what was reported
    complements = [child for child in cue.rights if child.dep_ == "oprd" or (child.dep_ == "prep" and child.lower_ == "as")]
    return [trimmed_range(list(subjects[0].subtree))] + [trimmed_range(list(child.subtree)) for child in complements[:1]]


def question_clause(cue: Token) -> Token | None:
    """"asked if he would run", "asked the mayor whether ...": a clause opened by "if" or "whether" that the parser
    hung off the cue as an adverbial one, with nothing but the cue's object between them."""
    if cue.tag_ == "VB" and not any(child.dep_ in SUBJECTS for child in cue.children):
        return None  # "Imagine the spectacle if ...": an imperative asks nothing
    for child in cue.rights:
        opener = child.left_edge
        if child.dep_ == "advcl" and opener.dep_ == "mark" and opener.lower_ in ("if", "whether") and all(
                t.head == cue and t.dep_ in ("dobj", "dative", "npadvmod", "advmod") or t.head.i < opener.i
                and t.head.i > cue.i for t in cue.doc[cue.i + 1:opener.i]):
            return child
    return None


def clause_after_preposition(cue: Token, entry: CueWord) -> Token | None:
    """"calling for the city to build more housing": the cue's own preposition, which the parser took for the
    opener of an infinitive clause with its own subject."""
    for child in cue.rights:
        opener = child.left_edge
        if child.dep_ == "advcl" and opener.dep_ == "mark" and opener.head == child \
                and opener.lower_ in entry.prepositions and not entry.clause_only:
            return child
    return None


def bare_cue_clause(cue: Token) -> bool:
    """", they believe,", ", his aides fear.": a cue after a comma or dash with its subject and nothing else of its
    own (no object, no clause, no "when")."""
    first = next(t.i for t in cue.subtree if not t.is_punct)
    return first > 0 and cue.doc[first - 1].text in (",", "—", "–") and any(
        child.dep_ in SUBJECTS for child in cue.children) and all(
        child.dep_ in SUBJECTS or (child.dep_ in CUE_MODIFIERS and child.tag_ != "WRB") or child.is_punct
        for child in cue.children)


def unmarked_clause_before(child: Token) -> bool:
    """"After the storm, the port remains open, its director told the Gazette": a clause before the cue
    with its own subject and no "if", "when" or "because", that the parser took for an adverbial one."""
    return child.dep_ == "advcl" and child.i < child.head.i and not any(
        c.dep_ == "mark" or c.tag_ == "WRB" for c in child.children) \
        and any(c.dep_ in SUBJECTS for c in child.children) and "," in (child.right_edge.text, child.right_edge.nbor().text)


def comma_spliced(cue: Token) -> bool:
    """"Talks will resume, his aide told the Post": a cue the parser joined to the clause before it as a
    conjunct, with no "and" or "but" between them."""
    return cue.dep_ == "conj" and cue.head.i < cue.i and not any(
        child.dep_ == "cc" and cue.head.i < child.i < cue.left_edge.i for child in cue.head.children)


def participle_of_a_clause(cue: Token) -> bool:
    """"She defended the plan, telling reporters ...", "he smiled and joked ...": a participle set off by a comma, or a
    verb joined by "and", after a clause that has a subject, whose speaker it shares."""
    head = cue.head
    if head.i >= cue.i or not any(child.dep_ in SUBJECTS for child in head.children):
        return False
    joined = cue.dep_ == "conj" and any(child.dep_ == "cc" and head.i < child.i < cue.i for child in head.children)
    return joined or (cue.tag_ == "VBG" and cue.dep_ in ("advcl", "xcomp", "conj")
                      and cue.doc[cue.left_edge.i - 1].text == ",")


def infinitive_of_a_clause(cue: Token) -> bool:
    """"He went on to say, "..."": an infinitive after a verb with a subject, whose speaker it shares."""
    head = cue.head
    return (cue.dep_ == "xcomp" and cue.tag_ == "VB" and head.pos_ == "VERB" and head.i < cue.i
            and any(child.dep_ == "aux" and child.lower_ == "to" for child in cue.children)
            and any(child.dep_ in SUBJECTS for child in head.children))


def writers_turn_of_phrase(cue: Token) -> bool:
    """"That said, ...", "Having said that, ...", "Let's say ...", "It's worth noting ...", "Needless to say",
    "It goes without saying": the writer's own turn of phrase, no one's report."""
    if cue.head.lemma_.lower() in ("let", "worth", "needless") or (
            cue.dep_ == "pcomp" and cue.head.lower_ == "without" and cue.head.head.lemma_ == "go"):
        return True
    doc = cue.doc
    children = list(cue.children)
    before = doc[cue.i - 1] if cue.i > 0 else None
    that_said = before is not None and before.is_sent_start and before.lower_ in ("that", "this") and (
        before.head == cue and cue.i + 1 < len(doc) and doc[cue.i + 1].text == ",")
    having_said = any(c.lower_ == "having" for c in children) and any(
        c.dep_ == "dobj" and c.lower_ in ("that", "this") for c in children)
    return that_said or having_said
