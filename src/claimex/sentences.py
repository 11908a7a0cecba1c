"""Sentence boundaries for news text, decided by rules before the parser runs.

The splitter reads `doc.text` in one left-to-right pass over line breaks, list items and
terminal punctuation (. ! ? … and their closing quotes/brackets), decides each boundary, and
sets `is_sent_start` on every token (True or False), so the parser follows it. The text is never
changed; a token is split only when a boundary falls inside it (`reste .... Next`).

Quotations: punctuation closing a quotation ends the sentence only if what follows starts one
(`"Great." she said` stays whole, `"Stop!" She left.` splits; `"Why?" Smith asked.` stays whole).
Inside a quotation of several sentences, periods end sentences (as Wikinews gold does), but
! and ? do not when the quotation continues its sentence.
"""

from __future__ import annotations

import heapq
import re
from dataclasses import dataclass

import numpy
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from claimex.doc_text import text_of
from claimex.component import LexiconComponent

CLOSERS = "\"”’')]»"
OPEN_QUOTES = "\"“‘'«"
BULLETS = "•⁃▪‣◦"
# A sentence never starts with one of these: the text before them continues.
CONTINUATIONS = ",;:)]}!?…%-–—("

# Line breaks; terminal punctuation (with its closers and any citation or footnote markers: `1994.[3]`,
# `budget.4 5 Critics`) followed by whitespace or the end, or an ideographic stop followed by anything;
# and a period glued to the capitalised word after it (`passed.Turnout`).
EVENTS = re.compile(  # the lookahead, a first character every alternative needs, spares trying each one everywhere
    r"(?=[\s.!?…‽。．！？])(?:(?P<newline>[^\S\n]*\n\s*)"
    r"|(?:(?P<spaced>\.(?: \.(?!\.))+)|(?P<term>[.!?…‽。．！？]+))(?P<close>[.!?…\"”“’')\]»」』]*)"
    r"(?P<cite>(?:\[\d{1,3}\])+|(?<=[a-z][.!?])\d{1,3}(?: \d{1,3})*(?= +[A-Z]))?(?=\s|$|(?<=[。！？」』]))"
    r"|(?P<glued>\.)(?<=[a-z]{2}\.)(?=[A-Z][a-z]))"
)
WIDE_STOPS = str.maketrans({"．": ".", "！": "!", "？": "?", "。": "!"})  # an ideographic stop ends like "!"
LINE_CONTINUATIONS = ",;:)]}%"
NOT_IN_WORD_BEFORE = "\"“‘'([«" + BULLETS  # (nor a space) in the word before a punctuation cluster
WORD_AFTER = re.compile(r"[\"“‘'(\[«]*(\S*)")
CAMEL_CASE = re.compile(r"[a-z]+[A-Z]")  # eHow, iPhone: a lower-case start that opens a sentence
PRONOUN_I = re.compile(r"I(?:['’][a-z]+)?\b")  # capitalised everywhere, so no sign of a new sentence
LABEL = re.compile(r"[A-Z][\w-]*:\s")  # "in Washington D.C. Image: ..." opens a new sentence
MULTI_PERIOD = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
LIST_LABEL = re.compile(r"\d{1,3}|[a-zA-Z]|[ivx]+")
LIST_ITEM = re.compile(  # the lookahead: a bullet or a label, so that no empty match is made between them
    r"(?<!\S)(?=[" + BULLETS + r"]|(?:\d{1,2}|[a-z])[.)])"
    r"(?:(?P<bullet>[" + BULLETS + r"])\s*)?(?:(?P<label>\d{1,2}|[a-z])(?P<style>\.\)|[.)])(?=\s))?"
)
QUOTES_AND_BRACKETS = re.compile(r"[\"“”‘’'()\[\]\n]")
SPACES = re.compile(r"\s*")


@dataclass(frozen=True)
class SentenceLexicon:
    """Word lists the rules consult, read from `models/sentences_*`."""

    titles: frozenset[str]
    before_numbers: frozenset[str]
    never_final: frozenset[str]
    times: frozenset[str]
    endable: frozenset[str]
    after_time: frozenset[str]
    prepositions: frozenset[str]
    exclamation_words: frozenset[str]
    starters: frozenset[str]
    attribution: re.Pattern

    @classmethod
    def from_lexicons(cls, abbreviations: dict, starters: list[str], speech_verbs: list[str]) -> "SentenceLexicon":
        sets = {key: frozenset(abbreviations[key]) for key in cls.__dataclass_fields__ if key in abbreviations}
        return cls(
            **sets,
            starters=frozenset(starters),
            attribution=re.compile(r"(?:[A-Z][\w'’.-]*\s+){1,4}(?:" + "|".join(speech_verbs) + r")\b"),
        )

    @staticmethod
    def has(words: frozenset[str], word: str) -> bool:
        """Entries in lower case match any case; entries with capitals match exactly."""
        return word in words or word.lower() in words


@Language.factory(
    "claimex_sentences",
    default_config={
        "abbreviations": "sentences_abbreviations.json",
        "starters": "sentences_starters.txt",
        "speech_verbs": "sentences_speech_verbs.txt",
    },
    assigns=["token.is_sent_start"],
)
def make_sentence_splitter(nlp: Language, name: str, abbreviations: str, starters: str,
                           speech_verbs: str) -> "SentenceSplitter":
    """Files in models/, or paths: `abbreviations` (JSON word lists by role, see `SentenceLexicon`), `starters`
    (words that open a sentence after an abbreviation) and `speech_verbs`, one per line."""
    return SentenceSplitter(name, {"abbreviations": abbreviations, "starters": starters, "speech_verbs": speech_verbs})


class SentenceSplitter(LexiconComponent):
    """Sets `is_sent_start` on every token from rules for news text (keeping starts set earlier)."""

    def use_lexicons(self, lexicons: dict) -> None:
        self.lex = SentenceLexicon.from_lexicons(**lexicons)

    def annotate(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        starts = self.sentence_starts(text_of(doc))
        token_starts = doc.to_array(IDX)
        containing = token_starts[numpy.searchsorted(token_starts, starts, side="right") - 1]
        inside = [p for p, token_start in zip(starts, containing.tolist()) if token_start != p]
        if inside:
            split_tokens_at(doc, token_starts, inside)
        set_before = doc.to_array([SENT_START, IDX])
        flags = numpy.where(numpy.isin(set_before[:, 1], starts), 1, -1)
        flags[set_before[:, 0] == 1] = 1
        flags[0] = 1
        doc.from_array([SENT_START], flags.astype("uint64"))
        return doc

    def sentence_starts(self, text: str) -> list[int]:
        """Character offsets where a sentence (after the first) starts, in order."""
        first = len(text) - len(text.lstrip())
        if first == len(text):
            return []
        zones = protected_zones(text, self.lex.attribution)
        starts: list[int] = []
        last = first  # start of the current sentence, always a non-space character
        zone_i, open_zones = 0, []

        def add(p: int) -> None:
            nonlocal last
            if last < p < len(text):
                starts.append(p)
                last = p

        def protected(s: int, y: int, by_quotes: bool) -> bool:
            """Whether s..y lies inside a zone that shields periods (or, if `by_quotes`, any zone)."""
            nonlocal zone_i, open_zones
            while zone_i < len(zones) and zones[zone_i][0] < s:
                open_zones.append(zones[zone_i])
                zone_i += 1
            open_zones = [z for z in open_zones if z[1] > s]
            return any(close > y and (by_quotes or shields_periods) for _, close, shields_periods in open_zones)

        for pos, kind, m in heapq.merge(list_items(text), self._events(text)):
            if kind == "newline":
                blank_line = "\n" in m.group().split("\n", 1)[1]
                if blank_line or text[pos - 1 : pos] not in (",", ";", "(") and not _line_continues(text, pos, m.end()):
                    add(m.end())
            elif kind == "glued":
                if GLUED_WORD.search(text, max(0, pos - 40), pos) and not protected(pos, pos + 1, by_quotes=False):
                    add(m.end())
            elif kind == "item":
                if not protected(pos, pos, by_quotes=True):
                    add(pos)
            else:
                y = SPACES.match(text, m.end()).end()
                if y >= len(text) or "\n" in text[m.end() : y]:
                    continue
                if protected(pos, y, by_quotes=m.group("term") is not None and not m.group("term").startswith(".")):
                    continue
                for p in self._cluster_starts(text, m, y, last):
                    add(p)
        return starts

    @staticmethod
    def _events(text: str):
        """(offset, kind, match) for line breaks and punctuation clusters, in text order."""
        for m in EVENTS.finditer(text):
            kind = "newline" if m.group("newline") is not None else "glued" if m.group("glued") else "cluster"
            yield m.start(), kind, m

    def _cluster_starts(self, text: str, m: re.Match, y: int, last: int) -> list[int]:
        """Sentence starts produced by one punctuation cluster `m` whose next word begins at `y`."""
        s, term, nxt = m.start(), (m.group("term") or "").translate(WIDE_STOPS), text[y]
        if any(c in term for c in "?!") and nxt in "-–—" and re.match(r"[-–—] +[A-Z]", text[y:]):
            return [y]  # "Who pays? - Taxpayers, as ever.": the dash opens the answer
        if nxt == "(" and term == "." and not text[y + 1 : y + 2].isdigit():
            pass  # "... in the paper. (A millionth of a meter.)", but not "... at the bar. (2012)."
        elif nxt.islower() and not CAMEL_CASE.match(text, y) or nxt in CONTINUATIONS:
            return []
        elif nxt == "." and text[y : y + 2] != "..":
            return []
        word = _word_before(text, s)
        if m.group("spaced") is not None:
            if m.group("spaced").count(".") == 3:
                return []
            # "word. . . . Next": the period ends the sentence, the spaced ellipsis opens the next.
            return [s + 2] if word else [y]
        if any(c in term for c in "?!‽"):
            if "!" in term and word in self.lex.exclamation_words:
                return []
            return [] if self._speaker_follows(text, m, y) else [y]
        if term == ".":
            if self._speaker_follows(text, m, y):
                return []
            return [y] if self._period_ends_sentence(text, word, s, y, last) else []
        standalone = s == 0 or text[s - 1].isspace()
        if term == "..." or "…" in term or not standalone:
            starts_sentence = nxt.isupper() and not PRONOUN_I.match(text, y) or nxt.isdigit() or nxt in OPEN_QUOTES
            return [y] if starts_sentence else []
        # A free-standing run of 2 or 4+ dots after words: the first dot ends that sentence.
        return ([s + 1] if s > last else []) + [y]

    def _speaker_follows(self, text: str, m: re.Match, y: int) -> bool:
        """`"Why not?" Smith asked.`: a closing quote followed by a capitalised speaker and a speech verb."""
        return any(c in m.group("close") for c in "\"”’'") and self.lex.attribution.match(text, y, y + 80) is not None

    def _period_ends_sentence(self, text: str, word: str, s: int, y: int, last: int) -> bool:
        """Whether `word.` followed by the (not lower-case) text at `y` ends a sentence."""
        lex = self.lex
        if not word:
            return True
        if lex.has(lex.titles, word) or lex.has(lex.never_final, word):
            return False
        if LIST_LABEL.fullmatch(word) and not text[last : s - len(word)].strip(" \t" + BULLETS):
            return False  # the label of a list item: "2. The second item"
        if len(word) == 1 and word.isalpha() and word != "I":
            return False  # an initial or a one-letter abbreviation: "Jonas E. Smith", "p. 55"
        is_abbreviation = (
            word == "I"
            or lex.has(lex.endable, word)
            or lex.has(lex.before_numbers, word)
            or lex.has(lex.times, word)
            or MULTI_PERIOD.fullmatch(word) is not None
        )
        if text[y].isdigit():
            return not is_abbreviation
        if lex.has(lex.times, word):
            return not (self._next_word(text, y) in lex.after_time or self._opens_with_time_phrase(text, last, s))
        if is_abbreviation and not lex.has(lex.before_numbers, word) or lex.has(lex.endable, word):
            next_word = self._next_word(text, y)
            return text[y] in OPEN_QUOTES or next_word in lex.starters or LABEL.match(text, y) is not None
        return True

    @staticmethod
    def _next_word(text: str, y: int) -> str:
        word = WORD_AFTER.match(text, y, y + 40).group(1).rstrip(",;:!?\"”’')]")
        return word if word.endswith(".") and len(word) <= 5 else word.rstrip(".")

    def _opens_with_time_phrase(self, text: str, last: int, s: int) -> bool:
        """`At 5 a.m. Mr. Smith left.`: the sentence so far is only a short time phrase."""
        words = text[last:s].split() if s - last < 40 else []
        return 0 < len(words) <= 4 and words[0] in self.lex.prepositions


def _word_before(text: str, s: int) -> str:
    """The characters (at most 80) right before offset s that are no space, quotation mark, bracket or bullet; before
    a line break that ends them, those before it (as `$` matches there)."""
    end = s - 1 if s and text[s - 1] == "\n" else s
    start = end
    while start > s - 80 and start > 0 and not (text[start - 1].isspace() or text[start - 1] in NOT_IN_WORD_BEFORE):
        start -= 1
    return text[start:end]


GLUED_WORD = re.compile(r"(?:^|\s)[a-z]{2,}$")  # a plain word, not a URL or an abbreviation ("e.g.")


def _line_continues(text: str, pos: int, end: int) -> bool:
    """A single line break inside a sentence, as in wire copy and e-mail (`on a wet\nevening`): the next line
    opens with a lower-case word or a continuation mark, and the line before does not end a sentence."""
    if end >= len(text):
        return False
    nxt = text[end]
    continues = (nxt.islower() and not CAMEL_CASE.match(text, end)) or nxt in LINE_CONTINUATIONS
    return continues and text[:pos].rstrip()[-1:] not in ".!?…。！？"


def protected_zones(text: str, attribution: re.Pattern) -> list[tuple[int, int, bool]]:
    """(open, close, shields_periods) for brackets and quotations that continue their sentence, by open.

    No sentence ends inside brackets. Inside a quotation that continues its sentence (opened
    mid-sentence, or followed by `, he said` or `- Name`) only periods end sentences, as in news
    quotes of several sentences: `'...stairs! How brave...!' he thought.` stays whole.
    Pairs never span a line break.
    """
    zones: list[tuple[int, int, bool]] = []
    brackets: list[int] = []
    double = curly = single = None
    for m in QUOTES_AND_BRACKETS.finditer(text):
        c, p = m.group(), m.start()
        if c == "\n":
            brackets, double, curly, single = [], None, None, None
        elif c in "([":
            brackets.append(p)
        elif c in ")]":
            if brackets:
                zones.append((brackets.pop(), p, True))
        elif c == '"':
            if double is None:
                double = p
            else:
                _add_quote(text, double, p, zones, attribution)
                double = None
        elif c == "“":
            curly = p
        elif c == "”" and curly is not None:
            _add_quote(text, curly, p, zones, attribution)
            curly = None
        elif single is None and (c == "‘" or c == "'") and _opens_single(text, p):
            single = p
        elif single is not None and c in "’'" and _closes_single(text, p):
            _add_quote(text, single, p, zones, attribution)
            single = None
    zones.sort()
    return zones


def _opens_single(text: str, p: int) -> bool:
    before = text[p - 1] if p else " "
    return (before.isspace() or before in "([“\"—–-") and text[p + 1 : p + 2].isalpha()


def _closes_single(text: str, p: int) -> bool:
    after = text[p + 1 : p + 2]
    return not text[p - 1].isspace() and not after.isalnum()


def _add_quote(text: str, open_: int, close: int, zones: list, attribution: re.Pattern) -> None:
    after = SPACES.match(text, close + 1).end()
    next_char = text[after : after + 1]
    continues = (
        _char_before(text, open_) not in "\n.!?…" + CLOSERS
        or text[close - 1] in ",;:"
        or next_char.islower()
        or next_char in (",", ";", ":", "-", "–", "—")
        or attribution.match(text, after, after + 80) is not None
    )
    if continues:
        zones.append((open_, close, False))


def _char_before(text: str, p: int) -> str:
    """The last non-blank character before offset p on its line, or a line break."""
    p -= 1
    while p >= 0 and text[p] in " \t":
        p -= 1
    return text[p] if p >= 0 else "\n"


def list_items(text: str) -> list[tuple[int, str, None]]:
    """(offset, "item", None) for each item of an inline list: bullets, and runs like 1. 2. / a) b)."""
    items: set[int] = set()
    previous: dict[str, tuple[str, int]] = {}
    for m in LIST_ITEM.finditer(text):
        label = m.group("label")
        if m.group("bullet"):
            items.add(m.start())
        if label is None:
            continue
        key = ("digit" if label.isdigit() else "letter") + m.group("style")
        prior = previous.get(key)
        previous[key] = (label, m.start())
        if prior and _follows(prior[0], label) and "\n" not in text[prior[1] : m.start()]:
            items.update((prior[1], m.start()))
    return [(p, "item", None) for p in sorted(items)]


def _follows(prior: str, label: str) -> bool:
    if label.isdigit():
        return prior.isdigit() and int(label) == int(prior) + 1
    return not prior.isdigit() and ord(label) == ord(prior) + 1


def split_tokens_at(doc: Doc, token_starts, offsets: list[int]) -> None:
    """Split the tokens that contain the given character offsets, keeping the text."""
    cuts: dict[int, list[int]] = {}
    for p in offsets:
        i = int(numpy.searchsorted(token_starts, p, side="right")) - 1
        cuts.setdefault(i, []).append(p - int(token_starts[i]))
    with doc.retokenize() as retokenizer:
        for i, points in cuts.items():
            token = doc[i]
            bounds = [0, *sorted(points), len(token.text)]
            pieces = [token.text[a:b] for a, b in zip(bounds, bounds[1:])]
            retokenizer.split(token, pieces, heads=[(token, k) for k in range(len(pieces))])
