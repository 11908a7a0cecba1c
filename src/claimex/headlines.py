"""Cues in headlines: "Governor Endorses Smith For Senate", "Mayor Calls For Inquiry Into Fire".

The tagger reads a capitalised verb as part of a name, and a headline's clipped grammar misleads the parser,
so a title-case line, or an article's first line, is read word by word: the words before the first verb of
the cue lexicon in the present tense ("Endorses", "slams") are its source, the rest of the line its content.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from claimex.attribution_spans import (Attribution, CharRange, content_kind, inside_quote, trimmed_range,
                                       without_full_stop)
from claimex.cue_lexicon import CueWord
from claimex.doc_text import text_of

# Small words a title-case headline may leave in lower case ("Trump Calls for an End to the Deal").
SMALL_WORDS = {"a", "an", "the", "and", "or", "but", "nor", "of", "to", "in", "on", "at", "for", "by", "with",
               "from", "as", "into", "over", "about", "after", "before", "vs", "vs.", "is", "are", "be", "not"}
# Words after which a capitalised word in -s is a plural noun ("These 2 States", "More Votes"), not a verb.
BEFORE_PLURALS = {"these", "those", "more", "most", "many", "few", "several", "all", "some", "no", "his", "her",
                  "their", "its", "our", "my", "your"}
LONGEST_HEADLINE = 30  # tokens


def headline_attributions(doc: Doc, quotes: tuple[CharRange, ...], claimed: list[Attribution],
                          cue_verb: Callable[[str], tuple[str, CueWord] | None]) -> list[Attribution]:
    """Attributions of the title-case lines of `doc` that hold no cue yet; `cue_verb` gives the lemma and
    lexicon entry of a lower-case word form, or None."""
    text = text_of(doc)
    found = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        span = doc.char_span(start, end, alignment_mode="expand") if line.strip() else None
        opens_an_article = start == 0 and text[end:end + 2] == "\n\n"  # a headline above a body
        headline = span is not None and (_title_case(span) or (opens_an_article and _one_short_sentence(span)))
        if headline and not any(start <= a.cue[0] < end for a in claimed):
            attribution = _headline_attribution(span, quotes, cue_verb)
            if attribution is not None:
                found.append(attribution)
        start = end + 1
    return found


def _title_case(line: Span) -> bool:
    """A short line whose words, but small ones, all open with a capital."""
    return _short(line) and all(t.text[0].isupper() for t in line if t.is_alpha and t.lower_ not in SMALL_WORDS)


def _one_short_sentence(line: Span) -> bool:
    """An article's first line is its headline, in whatever case, when it is one short sentence."""
    return _short(line) and not any(t.text in ".!?" for t in line[:-1])


def _short(line: Span) -> bool:
    return len(line) <= LONGEST_HEADLINE and 3 <= sum(t.is_alpha for t in line)


def _headline_attribution(line: Span, quotes: tuple[CharRange, ...],
                          cue_verb: Callable[[str], tuple[str, CueWord] | None]) -> Attribution | None:
    """The first cue verb in -s before any small word, after words that can name its speaker."""
    for token in line[1:]:
        if token.lower_ in SMALL_WORDS or inside_quote(token, quotes) or token.text in ",:;":
            return None
        # a capitalised verb the tagger takes for a name, or a verb in lower case it tags as one
        verb_like = token.text[0].isupper() or token.pos_ == "VERB"
        found = cue_verb(token.lower_) if token.lower_.endswith("s") and token.is_alpha and verb_like else None
        if found is None or found[1].quote_only or found[1].it_only:
            continue
        lemma, entry = found
        before = [t for t in line if t.i < token.i]
        if not any(t.pos_ in ("PROPN", "NOUN") for t in before) or before[-1].lower_ in BEFORE_PLURALS \
                or before[-1].like_num:
            return None
        last = _cue_end(token, line, entry)
        source, content = trimmed_range(before), trimmed_range([t for t in line if t.i > last.i])
        if source is None or content is None:
            return None
        content = without_full_stop(text_of(line.doc), *content)
        return Attribution(cue=(token.idx, last.idx + len(last.text)), cue_lemma=lemma, source=source,
                           content=(content,), kind=content_kind([content], quotes))
    return None


def _cue_end(verb: Token, line: Span, entry: CueWord) -> Token:
    """The verb, or the preposition it takes right after it ("Calls For")."""
    following = line.doc[verb.i + 1] if verb.i + 1 < line.end else None
    return following if following is not None and following.lower_ in entry.prepositions else verb
