"""The cue lexicon and who may be a cue's speaker: lexicon lines as entries, and the tests on a cue's subject."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

SUBJECTS = {"nsubj", "csubj"}
PASSIVE_SUBJECTS = {"nsubjpass", "csubjpass"}
SPEAKERS_OF_THE_ROOM = {"i", "you", "we"}
RELATIVE_PRONOUNS = {"who", "that", "which", "whom"}
NAMED_SOURCES = {"PERSON", "ORG", "NORP", "GPE"}
# Entity labels of phrases that cannot speak: "30 days to respond", "$5 million" (a share of people can:
# "12 percent said").
NOT_SPEAKERS = {"DATE", "TIME", "MONEY", "QUANTITY"}
SPEAKER_NOUNS = {
    "official", "spokesman", "spokeswoman", "spokesperson", "leader", "critic", "supporter", "lawmaker",
    "senator", "governor", "president", "minister", "candidate", "nominee", "campaign", "party", "group",
    "union", "company", "administration", "government", "committee", "democrat", "republican", "voter",
    "expert", "analyst", "activist", "advocate", "aide", "adviser", "advisor", "source", "economist",
    "people", "person", "resident", "reporter", "doctor", "physician", "lawyer", "attorney", "judge", "court",
    "police", "officer", "agency", "department", "majority", "percent", "member", "insider", "family",
    "friend", "author", "writer", "editor", "board", "council", "chief", "director", "executive", "ceo",
    "mayor", "chairman", "chairwoman", "chair", "secretary", "prosecutor", "sheriff", "commissioner",
    "representative", "congressman", "congresswoman", "legislator", "politician", "professor", "teacher",
    "student", "worker", "employee", "manager", "owner", "founder", "host", "journalist", "columnist",
    "commentator", "pundit", "strategist", "pollster", "consultant", "surrogate", "staffer", "staff", "team",
    "firm", "bank", "network", "newspaper", "outlet", "magazine", "organization", "organisation", "panel",
    "jury", "tribunal", "watchdog", "inquiry", "demonstrator", "protester", "crowd",
}
# What a finding is reported "in": "In the latest poll, Smith leads by four points."
POLL_NOUNS = {"poll", "survey"}
# Endings of nouns for people by what they do: engineer, researcher, economist, physician, consultant.
AGENT_SUFFIXES = ("er", "or", "ist", "ian", "ant", "ent")
# What publishes a finding: "the report shows", "a poll found".
PUBLISHED_NOUNS = {
    "report", "study", "poll", "survey", "analysis", "research", "document", "letter", "memo", "statement",
    "review", "audit", "investigation", "paper", "article", "book", "filing", "complaint", "lawsuit", "ruling",
    "record", "email", "data", "finding", "researcher", "scientist", "ad", "video", "footage", "website",
    "datum", "average", "transcript", "slide", "chart", "figure", "forecast", "model", "tally", "count", "estimate",
}


@dataclass(frozen=True)
class CueWord:
    """A cue word's entry in a lexicon (models/cue_verbs.txt, cue_nouns.txt, cue_adjectives.txt)."""

    prepositions: frozenset[str]
    clause_only: bool
    named_source: bool = False
    complement_only: bool = False
    speaking_subject: bool = False
    person_needs_complement: bool = False
    quote_only: bool = False
    it_only: bool = False
    published_object: bool = False


def read_cue_words(lines: tuple[str, ...]) -> dict[str, CueWord]:
    """`lemma [preposition ...] [!clause] [!named] [!complement] [!speaker] [!person] [!quote] [!it] [!published]`
    lines as a lemma -> CueWord table."""
    table = {}
    for line in lines:
        lemma, *rest = line.split()
        table[lemma] = CueWord(frozenset(w for w in rest if not w.startswith("!")), "!clause" in rest, "!named" in rest,
                               "!complement" in rest, "!speaker" in rest, "!person" in rest, "!quote" in rest,
                               "!it" in rest, "!published" in rest)
    return table


def clause_subject(cue: Token) -> tuple[Token, Token | None]:
    """The verb whose clause the cue belongs to (up through xcomp and conj), and that clause's subject."""
    verb = cue
    while verb.dep_ in ("xcomp", "conj") and verb.head is not verb:
        verb = verb.head
    return verb, next((child for child in verb.children if child.dep_ in SUBJECTS), None)


def has_named_subject(cue: Token) -> bool:
    """The subject can speak or publish: it names a person or a body ("Clinton wants", "the union
    opposes"), a document or study ("the report finds"), or is "he", "she" or "they"; "the plan would
    support" is no stance of anyone's, and "the results show" no one's claim."""
    _, head = clause_subject(cue)
    if head is None:
        return False
    return (head.ent_type_ in NAMED_SOURCES or head.pos_ == "PROPN" or head.lower_ in ("he", "she", "they")
            or head.lemma_.lower() in SPEAKER_NOUNS or head.lemma_.lower() in PUBLISHED_NOUNS)


def has_published_subject(cue: Token) -> bool:
    """The subject is a document, study or poll: "the survey found ...", "a 2009 paper found ..."."""
    _, head = clause_subject(cue)
    return head is not None and head.lemma_.lower() in PUBLISHED_NOUNS


def subject_can_speak(cue: Token) -> bool:
    """False when the cue's subject is something that cannot speak or publish ("the price tags seem",
    "the results show"); true when it can, or when no active subject names anyone ("is expected to")."""
    verb, head = clause_subject(cue)
    if head is None:
        return True
    if head.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
        head = verb.head
    return can_speak(head)


def can_speak(head: Token) -> bool:
    """A noun phrase that names someone who can speak or publish: a name, a pronoun, "the union", "a study",
    "researchers"."""
    lemma = head.lemma_.lower()
    return (head.pos_ in ("PROPN", "PRON") or lemma in SPEAKER_NOUNS or lemma in PUBLISHED_NOUNS
            or (len(lemma) > 4 and lemma.endswith(AGENT_SUFFIXES))
            or any(t.ent_type_ in NAMED_SOURCES for t in head.subtree))


def spoken_in_the_room(cue: Token) -> bool:
    """"I think", "you know", "we believe": the interlocutors of a quoted exchange, not sources."""
    subjects = [child for child in cue.children if child.dep_ in SUBJECTS]
    return bool(subjects) and subjects[0].lower_ in SPEAKERS_OF_THE_ROOM
