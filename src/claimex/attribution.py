"""Who says what: attributions read off the dependency parse and the quotation marks.

Each attribution is a cue (a reporting or cognition verb, a noun that names the act, a stance adjective,
a phrase such as "according to", a poll, or a speaker label laid out as "Name:"), an
optional source (its subject, the agent of a passive, the object of "according to") and a content
(the clausal complement, the quote, or the rest of the sentence), all as character ranges.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import numpy
from spacy.attrs import LEMMA, LOWER, ORTH, POS
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.symbols import ADJ, NOUN, VERB
from spacy.tokens import Doc, Token

from claimex.attribution_beside import add_continuing_quote, add_opening_quote, adjacent_quote_or_passage
from claimex.attribution_closing import closing_cue_content
from claimex.attribution_colon import colon_quote_attributions, labelled_quotes
from claimex.attribution_followers import apart_from_following_cues
from claimex.attribution_phrases import phrase_attribution, poll_attribution, spellings
from claimex.attribution_spans import (Attribution, CharRange, before_the_speaker, content_kind, extend_to_quotes,
                                       inside_quote, is_time_phrase, source_range, trimmed_range,
                                       without_leading_conjunction)
from claimex.cue_clauses import (CUE_MODIFIERS, bare_cue_clause, clause_after_preposition, comma_spliced,
                                 misattached_clause, passive_content, question_clause, unmarked_clause_before,
                                 writers_turn_of_phrase)
from claimex.cue_lexicon import (PASSIVE_SUBJECTS, RELATIVE_PRONOUNS, SPEAKER_NOUNS, SUBJECTS, CueWord, clause_subject,
                                 has_named_subject, has_published_subject, read_cue_words, spoken_in_the_room,
                                 subject_can_speak)
from claimex.doc_text import text_of
from claimex.headlines import headline_attributions
from claimex.layout_rules import LayoutRules
from claimex.plain_forms import plain
from claimex.quotes import find_quotes
from claimex.component import LexiconComponent

Doc.set_extension("claimex_attributions", default=())
Doc.set_extension("claimex_quotes", default=())

CLAUSES = ("ccomp", "xcomp")
# Verbs of speaking that, alone after a cue, say nothing: "declined to comment", "refused to elaborate".
BARE_SPEECH = {"comment", "elaborate", "respond", "answer", "speak", "talk", "say", "discuss", "reply", "explain"}
# Dependency labels under which a cue hangs off the clause it attributes ("X, he said, Y").
PARENTHETICAL_DEPS = {"parataxis", "ccomp", "advcl"}
# Prepositions that complete an object as part of the content: "blamed X for Y", "accused X of Y".
OBJECT_COMPLEMENTS = {"as", "for", "of"}
# The lemmas of word forms kept between documents, at most (the store is emptied when it holds more).
MOST_LEMMAS_KEPT = 20_000


@Language.factory(
    "claimex_attribution",
    default_config={"cue_verbs": "cue_verbs.txt", "cue_nouns": "cue_nouns.txt", "cue_adjectives": "cue_adjectives.txt",
                    "cue_phrases": "cue_phrases.txt", "layout_rules": "speaker_labels.json"},
    assigns=["doc._.claimex_attributions", "doc._.claimex_quotes"],
    requires=["token.dep", "token.lemma", "token.pos", "token.is_sent_start"],
)
def make_attribution_finder(nlp: Language, name: str, cue_verbs: str, cue_nouns: str, cue_adjectives: str,
                            cue_phrases: str, layout_rules: str) -> "AttributionFinder":
    """Lexicon files in models/, or paths: cue words (`read_cue_words`), stance adjectives, cue phrases,
    `LayoutRules` JSON."""
    return AttributionFinder(nlp, name, {"cue_verbs": cue_verbs, "cue_nouns": cue_nouns,
                                         "cue_adjectives": cue_adjectives, "cue_phrases": cue_phrases,
                                         "layout_rules": layout_rules})


class AttributionFinder(LexiconComponent):
    """Finds cues (verbs, nouns, stance adjectives, phrases, polls, layout) with their sources and contents,
    token by token through the document."""

    def __init__(self, nlp: Language, name: str, sources: dict[str, str]):
        super().__init__(name, sources)
        self.nlp = nlp
        self.lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
        self.lemmas: dict[tuple[int, int, int], str] = {}  # (POS, ORTH, LEMMA) -> `lemma`, as words recur

    def use_lexicons(self, lexicons: dict) -> None:
        self.cue_verbs = read_cue_words(lexicons["cue_verbs"])
        self.cue_nouns = read_cue_words(lexicons["cue_nouns"])
        self.cue_adjectives = read_cue_words(lexicons["cue_adjectives"])
        self.cue_phrases = PhraseMatcher(self.nlp.vocab, attr="NORM")
        self.cue_phrases.add("CUE_PHRASE", [self.nlp.make_doc(spelling) for phrase in lexicons["cue_phrases"]
                                            for spelling in spellings(phrase)])
        self.layout = LayoutRules.from_json(lexicons["layout_rules"])

    def annotate(self, doc: Doc) -> Doc:
        text = text_of(doc)
        quotes = find_quotes(text)
        doc._.claimex_quotes = quotes
        found: list[Attribution] = self.layout.attributions(text, quotes)
        for _, start, end in self.cue_phrases(doc):
            phrase = doc[start:end]
            attribution = phrase_attribution(phrase.sent, phrase, quotes)
            if attribution is not None:
                found.append(attribution)
        found.extend(a for a in map(poll_attribution, words_written(doc, "in")) if a is not None)
        claimed_cues = {a.cue[0] for a in found}
        for token, lemma, entry, attribute in self.cue_words(doc):
            if not (token.idx in claimed_cues or inside_quote(token, quotes)):
                attribution = attribute(token, lemma, entry, quotes)
                if attribution is not None:
                    found.append(attribution)
        found.extend(labelled_quotes(doc, quotes, found))
        found.extend(headline_attributions(doc, quotes, found, self.cue_verb))
        found.extend(colon_quote_attributions(doc, quotes, found))
        doc._.claimex_attributions = tuple(sorted(apart_from_following_cues(doc, found, self.reports_speech),
                                                  key=lambda a: a.cue))
        return doc

    def reports_speech(self, lemma: str) -> bool:
        """A cue verb of saying, not of thinking or wanting (`!clause`) nor a stance (`!named`)."""
        entry = self.cue_verbs.get(lemma)
        return entry is not None and not (entry.clause_only or entry.named_source)

    def cue_verb(self, word: str) -> tuple[str, CueWord] | None:
        """The lemma and lexicon entry of a word form read as a verb ("slams" -> "slam"), if it is a cue verb."""
        if self.lemmatizer is None:
            return None
        lemma = self._rule_lemma(word, "VERB")
        return (lemma, self.cue_verbs[lemma]) if lemma in self.cue_verbs else None

    def cue_words(self, doc: Doc) -> Iterator[tuple[Token, str, CueWord, Callable]]:
        """Each verb, noun and adjective whose lemma its part of speech's lexicon lists, with the lemma, the entry and
        the function that reads its attribution; read off the Doc's arrays, so only the cues become Tokens."""
        lexicons = {VERB: (self.cue_verbs, verb_attribution), NOUN: (self.cue_nouns, noun_attribution),
                    ADJ: (self.cue_adjectives, stance_attribution)}
        strings = doc.vocab.strings
        words = doc.to_array([POS, ORTH, LEMMA])
        indices = numpy.flatnonzero(numpy.isin(words[:, 0], list(lexicons)))
        if len(self.lemmas) > MOST_LEMMAS_KEPT:
            self.lemmas.clear()
        for i, word in zip(indices.tolist(), map(tuple, words[indices].tolist())):
            lemma = self.lemmas.get(word)
            if lemma is None:
                lemma = self.lemmas[word] = self.lemma(strings[word[1]], strings[word[2]], word[0])
            lexicon, attribute = lexicons[word[0]]
            if lemma in lexicon:
                yield doc[i], lemma, lexicon[lemma], attribute

    def lemma(self, text: str, lemma: str, pos: int) -> str:
        """The lemma, of the plain form when the word carries invisible characters ("s\u00adaid" -> "say")."""
        written = plain(text)
        if self.lemmatizer is None or written == text or not written:
            return lemma.lower()
        return self._rule_lemma(written, self.nlp.vocab.strings[pos])

    def _rule_lemma(self, word: str, pos: str) -> str:
        """The lower-case lemma the pipeline's lemmatizer gives `word` read as part of speech `pos`."""
        return self.lemmatizer.rule_lemmatize(Doc(self.nlp.vocab, words=[word], pos=[pos])[0])[0].lower()


def words_written(doc: Doc, lower: str) -> Iterator[Token]:
    """The tokens whose lower-case form is `lower`, found in the Doc's array."""
    return (doc[i] for i in numpy.flatnonzero(doc.to_array(LOWER) == doc.vocab.strings[lower]).tolist())


def verb_attribution(cue: Token, lemma: str, entry: CueWord, quotes: tuple[CharRange, ...]) -> Attribution | None:
    """The attribution a cue verb heads, or None when it has no content."""
    if (entry.clause_only and spoken_in_the_room(cue)) or writers_turn_of_phrase(cue):
        return None
    if entry.named_source and not has_named_subject(cue):
        return None
    if entry.speaking_subject and not subject_can_speak(cue):
        return None
    fragments = _content(cue, entry, quotes)
    fragments = [f for f in fragments if f is not None]
    if not fragments:
        return None
    cue_range = _cue_range(cue, entry)
    fragments = before_the_speaker(extend_to_quotes(fragments, quotes, cue_range), quotes, cue_range, text_of(cue.doc))
    fragments = add_opening_quote(add_continuing_quote(fragments, quotes, cue), quotes, cue)
    return Attribution(
        cue=cue_range,
        cue_lemma=lemma,
        source=source_range(cue),
        content=tuple(fragments),
        kind=content_kind(fragments, quotes),
    )


def noun_attribution(cue: Token, lemma: str, entry: CueWord, quotes: tuple[CharRange, ...]) -> Attribution | None:
    """"Trump's claim that ...", "criticism of the plan by the union": a noun that names the act (not "statement"
    right after a verb: "said in a statement that ..." is the verb's cue, as `_cue_range` draws it)."""
    if lemma == "statement" and cue.head.lower_ == "in" and cue.head.head.pos_ == "VERB" \
            and 0 < cue.head.i - cue.head.head.i <= 2:
        return None
    clauses = [child for child in cue.children if child.dep_ in ("acl", "ccomp") and
               any(t.dep_ == "mark" and t.lower_ == "that" for t in child.children)]
    objects = _prepositional_objects(cue, entry)
    if clauses:
        content = trimmed_range(list(clauses[0].subtree))
    elif objects:
        content = trimmed_range(_before_set_off_clause(list(objects[0].subtree), objects[0]))
    else:
        return None
    if content is None:
        return None
    end = _cue_end(cue, entry)
    cue_range = (cue.idx, end.idx + len(end.text))
    fragments = extend_to_quotes([content], quotes, cue_range)
    return Attribution(cue=cue_range, cue_lemma=lemma, source=_noun_source(cue),
                       content=tuple(fragments), kind=content_kind(fragments, quotes))


def stance_attribution(cue: Token, lemma: str, entry: CueWord, quotes: tuple[CharRange, ...]) -> Attribution | None:
    """"She is confident that the bill will pass", "he made clear that he would stay", "they are skeptical of the
    deal": a stance adjective after a linking verb ("is", "seems", "remains") or "make" with a clause of its own
    subject, or the object of its preposition, held by a subject that can speak."""
    verb = cue.head
    made = cue.dep_ == "ccomp" and verb.lemma_ == "make" and lemma == "clear"  # "made (it) clear that": a small clause
    if (cue.dep_ not in ("acomp", "oprd") and not made) or verb.i > cue.i or spoken_in_the_room(verb):
        return None
    subject = next((child for child in verb.children if child.dep_ in SUBJECTS), None) or clause_subject(verb)[1]
    if subject is None or subject.lower_ in ("it", "this", "that", "there") or not subject_can_speak(verb):
        return None
    clauses = [child for child in (*cue.children, *verb.children) if child.i > cue.i and child.dep_ in (
        "ccomp", "advcl", "csubj") and any(c.dep_ in SUBJECTS | PASSIVE_SUBJECTS for c in child.children) and not any(
        c.dep_ == "mark" and c.lower_ != "that" for c in child.children)]
    objects = [grand for child in cue.children if child.dep_ == "prep" and child.lower_ in entry.prepositions
               and child.i == cue.i + 1 for grand in child.children if grand.dep_ in ("pobj", "pcomp")]
    if "to" in entry.prepositions:  # "eager to tap the donors": an infinitive after the adjective
        clauses += [child for child in cue.children if child.dep_ == "xcomp" and child.left_edge.lower_ == "to"]
    if not (clauses or objects):
        return None
    content = trimmed_range(list((clauses or objects)[0].subtree))
    if content is None:
        return None
    last = cue if clauses else cue.doc[cue.i + 1]
    cue_range = (_cue_range(verb, entry)[0], last.idx + len(last.text))
    fragments = extend_to_quotes([content], quotes, cue_range)
    return Attribution(cue=cue_range, cue_lemma=lemma, source=source_range(verb), content=tuple(fragments),
                       kind=content_kind(fragments, quotes))


def _noun_source(cue: Token) -> CharRange | None:
    """The possessor ("Trump's claim"), the agent ("a warning by/from the agency"), or the subject of
    the verb the noun is the object of ("she made the claim")."""
    for child in cue.children:
        if child.dep_ == "poss":
            return trimmed_range([t for t in child.subtree if t.dep_ != "case"])
        if child.dep_ == "prep" and child.lower_ in ("by", "from"):
            objects = [g for g in child.children if g.dep_ == "pobj"]
            if objects:
                return trimmed_range(list(objects[0].subtree))
    if cue.dep_ == "dobj":
        subjects = [child for child in cue.head.children if child.dep_ in SUBJECTS]
        if subjects:
            return trimmed_range(list(subjects[0].subtree))
    return None


def _content(cue: Token, entry: CueWord, quotes: tuple[CharRange, ...]) -> list[CharRange | None]:
    """What the cue attributes, by the first rule that applies: a clause; an object; the clause
    the cue is set into; a quotation or a colon-introduced passage right beside the cue."""
    if entry.quote_only:
        return _set_off_content(cue, quotes, entry)
    if entry.it_only:
        said_it = any(child.dep_ == "dobj" and child.lower_ == "it" for child in cue.children)
        return _set_off_content(cue, quotes, entry) if said_it else []
    clauses = [child for child in cue.children if (child.dep_ in CLAUSES or unmarked_clause_before(child))
               and _says_something(child)]
    if clauses:
        first = _with_controlled_object(cue, clauses[0], entry)
        return [trimmed_range(first)] + [trimmed_range(list(c.subtree)) for c in clauses[1:] if c.dep_ == "ccomp"]
    misattached = misattached_clause(cue)
    if misattached is not None:
        return [trimmed_range(list(misattached.subtree))]
    question = question_clause(cue)
    if question is not None:
        return [trimmed_range(list(question.subtree))]
    after_preposition = clause_after_preposition(cue, entry)
    if after_preposition is not None:
        return [trimmed_range(list(after_preposition.subtree)[1:])]
    if entry.clause_only and not (entry.published_object and has_published_subject(cue)):
        return (_parenthetical_content(cue) if bare_cue_clause(cue) else None) or []
    passive = passive_content(cue)
    if passive is not None:
        return passive
    objects = _prepositional_objects(cue, entry) or [child for child in cue.children if child.dep_ == "dobj"
                                                     and (_complements(child) or not _needs_complement(child, entry))]
    if objects:
        return [_object_range(objects[0])]
    return _set_off_content(cue, quotes, entry)


def _with_controlled_object(cue: Token, clause: Token, entry: CueWord) -> list[Token]:
    """A clause with the object it is about, as annotators draw it: "urged [Republicans to join]",
    "called on [Trump to stop]", "demanding [Obama make a pledge]"; never an addressee before a clause
    with its own subject or "that" ("told reporters [that ...]", "told reporters [he would go]")."""
    tokens = list(clause.subtree)
    if any(child.dep_ in SUBJECTS or child.dep_ == "mark" for child in clause.children):
        return tokens
    if clause.dep_ == "ccomp" and (clause.tag_ != "VB" or any(c.dep_ == "aux" for c in clause.children)):
        return tokens
    objects = [child for child in cue.children if child.dep_ == "dobj"] + [
        grand for child in cue.children if child.dep_ == "prep" and child.lower_ in entry.prepositions
        and not is_time_phrase(child) for grand in child.children if grand.dep_ == "pobj"]
    objects = [o for o in objects if cue.i < o.i and o.right_edge.i + 1 == clause.left_edge.i
               and o.ent_type_ not in ("DATE", "TIME")]
    if not objects:
        return tokens
    return [t for t in cue.doc[objects[0].left_edge.i:clause.left_edge.i]] + tokens


def _set_off_content(cue: Token, quotes: tuple[CharRange, ...], entry: CueWord) -> list[CharRange | None]:
    """The clause the cue is set into ("X, he said, Y"), else a quotation or passage beside it, else the
    clause before a cue clause that closes the sentence ("X, he said.")."""
    parenthetical = _parenthetical_content(cue)
    if parenthetical is not None:
        return parenthetical
    beside = adjacent_quote_or_passage(cue, quotes)
    return [beside if beside is not None else closing_cue_content(cue, addressee=entry.complement_only)]


def _parenthetical_content(cue: Token) -> list[CharRange | None] | None:
    """"The rules, they believe, will change": the clause a cue clause is set into, split around it."""
    if (cue.dep_ in PARENTHETICAL_DEPS or comma_spliced(cue)) and _is_parenthetical(cue):
        return _clause_without(cue.head, cue)
    return None


def _prepositional_objects(cue: Token, entry: CueWord) -> list[Token]:
    """"called for an inquiry": the object of a preposition that belongs to the cue (never a time:
    "called a meeting for May"; never after an object it completes: "accused [Ana of lying]")."""
    first_object = min((child.i for child in cue.children if child.dep_ == "dobj"), default=len(cue.doc))
    return [grand for child in cue.children if child.dep_ in ("prep", "prt") and child.lower_ in entry.prepositions
            and not is_time_phrase(child) and not (child.lower_ in OBJECT_COMPLEMENTS and first_object < child.i)
            for grand in child.children if grand.dep_ in ("pobj", "pcomp")]


def _says_something(clause: Token) -> bool:
    """Not a bare verb of speaking: "declined to comment" and "refused to elaborate" attribute nothing
    ("promised to resign" does)."""
    return clause.lemma_.lower() not in BARE_SPEECH or any(
        t.i != clause.i and not (t.is_punct or t.is_space or t.dep_ in ("aux", "neg", "prt")) for t in clause.subtree)


def _needs_complement(head: Token, entry: CueWord) -> bool:
    """Whether an object alone is no proposition: "told reporters" (the addressee), "showed him" (but
    "showed him ahead", "showed her with a lead" say where the person stands)."""
    names_person = head.pos_ == "PRON" or head.ent_type_ == "PERSON" or head.lemma_.lower() in SPEAKER_NOUNS
    standing = any(sibling.i > head.i and sibling.dep_ in ("prep", "advmod", "acomp") for sibling in head.head.children)
    return entry.complement_only or (entry.person_needs_complement and names_person and not standing)


def _complements(head: Token) -> list[Token]:
    """What completes an object (of the cue or of its preposition) into a proposition: "called the plan
    reckless", "blamed him for the delay"."""
    own = [child for child in head.children if child.dep_ == "acl" and child.tag_ == "VBG"]
    verb = head.head.head if head.dep_ == "pobj" else head.head  # "referred to [Ana as a hero]"
    return own + [sibling for sibling in verb.children
                  if sibling.i > head.i and (sibling.dep_ in ("oprd", "xcomp", "ccomp", "dobj") or
                                             (sibling.dep_ == "prep" and sibling.lower_ in OBJECT_COMPLEMENTS
                                              and not is_time_phrase(sibling)))]


def _object_range(head: Token) -> CharRange | None:
    """An object with what completes it ("described the plan as reckless", "blamed him for the
    delay"), without a clause set off by a comma after it ("the plan, which ..."); of a relative pronoun
    before its verb, only what completes it when something does ("a move [that] the mayor called ["the least
    we can do"]"; "the claims, [which] he denied")."""
    completing = [sibling for sibling in _complements(head) if sibling.dep_ != "ccomp" and sibling.head is not head]
    relative = head.lower_ in RELATIVE_PRONOUNS and head.i < head.head.i and completing
    tokens = [] if relative else _before_set_off_clause(list(head.subtree), head)
    for sibling in completing:
        tokens.extend(sibling.subtree)
    return trimmed_range(tokens)


def _before_set_off_clause(tokens: list[Token], head: Token) -> list[Token]:
    """Tokens up to a comma that opens a relative or adverbial clause after the head."""
    for token in tokens:
        if token.i > head.i and token.text == "," and token.i + 1 < len(token.doc):
            following = token.doc[token.i + 1]
            if following.dep_ in ("relcl", "advcl", "acl", "appos") or following.head.dep_ in ("relcl", "advcl", "acl"):
                return [t for t in tokens if t.i < token.i]
    return tokens


def _cue_range(cue: Token, entry: CueWord) -> CharRange:
    """The cue as annotators draw it: the verb with the auxiliaries, negation and adverbs right before
    it ("has also said", "did not say"; not "when" in "when asked"), its particle or preposition, "in a statement", and a colon."""
    doc = cue.doc
    verb = cue.head if cue.dep_ == "acomp" and cue.head.i < cue.i else cue  # "were worried", "is convinced"
    first = verb
    while first.i > 0 and doc[first.i - 1].head in (cue, verb, first) and doc[first.i - 1].dep_ in CUE_MODIFIERS \
            and doc[first.i - 1].tag_ != "WRB":
        first = doc[first.i - 1]
    last = _cue_end(cue, entry)
    statement = [grand for child in cue.children if child.dep_ == "prep" and child.lower_ == "in" and child.i == last.i + 1
                 for grand in child.children if grand.dep_ == "pobj" and grand.lemma_.lower() == "statement"]
    if statement:
        last = statement[0]
    if last.i + 1 < len(doc) and doc[last.i + 1].text == ":":
        last = doc[last.i + 1]
    return first.idx, last.idx + len(last.text)


def _cue_end(cue: Token, entry: CueWord) -> Token:
    """The cue's last word: the verb, or its particle or own preposition right after it."""
    following = [child for child in cue.children if child.i == cue.i + 1 and (
        child.dep_ == "prt" or child.lower_ in entry.prepositions or (entry.it_only and child.lower_ == "it"))]
    clause = clause_after_preposition(cue, entry)
    if clause is not None and clause.left_edge.i == cue.i + 1:
        following.append(clause.left_edge)
    return following[0] if following else cue


def _is_parenthetical(cue: Token) -> bool:
    """A cue clause set off by punctuation from the clause it attributes: `X, he said, Y`."""
    if not any(child.dep_ in SUBJECTS for child in cue.children):
        return False
    words = [t for t in cue.subtree if not (t.is_punct or t.is_space)]
    doc = cue.doc
    before = doc[words[0].i - 1] if words[0].i > 0 else None
    after = doc[words[-1].i + 1] if words[-1].i + 1 < len(doc) else None
    return any(t is not None and (t.is_punct or t.is_quote) and t.text not in ".!?" for t in (before, after))


def _clause_without(head: Token, cue: Token) -> list[CharRange | None]:
    """The clause under `head`, minus the cue's own subtree, split around it, without a conjunction that
    joins it to the sentence before ("But the plan, she said, ...")."""
    cue_tokens = {t.i for t in cue.subtree}
    tokens = without_leading_conjunction([t for t in head.subtree if t.i not in cue_tokens])
    before = [t for t in tokens if t.i < cue.left_edge.i]
    after = [t for t in tokens if t.i > cue.right_edge.i]
    return [trimmed_range(before), trimmed_range(after)]
