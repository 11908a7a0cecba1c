"""What text every match of a pattern must contain, read from the pattern itself: a window of text without any
of it cannot hold a match, so the pattern need not run there.

The reading walks Python's own parse of the expression (`re._parser`) and answers a set of literals and digits,
one of which every match consumes; where it cannot be sure (a negated class, an optional part, a back-reference,
a case-insensitive flag) it answers nothing, and the pattern runs everywhere as before.
"""

from __future__ import annotations

import re
from typing import Optional

try:  # the standard library's own parser of expressions
    import re._constants as sre
    import re._parser as sre_parse
except ImportError:  # Python 3.10
    import sre_constants as sre  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

DIGIT = ""  # stands for any digit among the strings (no string needed is empty)
Needs = Optional[frozenset[str]]  # strings (or DIGIT) of which one occurs in every match; None: not known


def required_text(source: str) -> Optional[re.Pattern]:
    """A pattern that finds, in any text holding a match of `source`, a part of that match (or None)."""
    parsed = sre_parse.parse(source)
    if parsed.state.flags & re.IGNORECASE:
        return None
    needs = _sequence(list(parsed))
    if not needs:
        return None
    # A string holding another string (or a digit) occurs only where the other does: the shortest are enough.
    digit = DIGIT in needs
    strings = {n for n in needs - {DIGIT} if not (digit and re.search(r"\d", n))}
    shortest = [n for n in strings if not any(other != n and other in n for other in strings)]
    return re.compile("|".join(([r"\d"] if digit else []) + ([_trie(sorted(shortest))] if shortest else [])))


def _trie(strings: list[str]) -> str:
    """An expression for any of `strings` (none a prefix of another) that shares their common starts, so that a
    search tries one alternative per character instead of all of them."""
    by_first: dict[str, list[str]] = {}
    for string in strings:
        by_first.setdefault(string[0], []).append(string[1:])
    branches = [re.escape(first) + (_trie(rests) if rests != [""] else "") for first, rests in by_first.items()]
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


def _sequence(items: list) -> Needs:
    """The most telling need among the items that must all match in turn, runs of literals read as one string."""
    candidates: list[frozenset[str]] = []
    run = ""
    for op, av in items + [(None, None)]:
        if op is sre.LITERAL:
            run += chr(av)
            continue
        if run:
            candidates.append(frozenset([run]))
            run = ""
        needs = _item(op, av) if op is not None else None
        if needs:
            candidates.append(needs)
    return max(candidates, key=_telling, default=None)


def _telling(needs: frozenset[str]) -> tuple[int, int]:
    """Longer literals first, then fewer of them (a digit counts as one character)."""
    return min(max(len(n), 1) for n in needs), -len(needs)


def _item(op, av) -> Needs:
    if op is sre.SUBPATTERN:
        group, add_flags, del_flags, pattern = av
        return None if add_flags & re.IGNORECASE else _sequence(list(pattern))
    if op is getattr(sre, "ATOMIC_GROUP", None):
        return _sequence(list(av))
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", None)):
        low, _, pattern = av
        return _sequence(list(pattern)) if low >= 1 else None
    if op is sre.BRANCH:
        branches = [_sequence(list(branch)) for branch in av[1]]
        return None if any(b is None for b in branches) else frozenset().union(*branches)
    if op is sre.IN:
        return _character_class(av)
    return None  # look-arounds and anchors consume nothing; anything else is not read


def _character_class(items: list) -> Needs:
    """A class of digits needs a digit; a class of a few literal characters needs one of them."""
    def is_digit(op, av) -> bool:
        return (op is sre.CATEGORY and av == sre.CATEGORY_DIGIT) or (op is sre.LITERAL and 48 <= av <= 57) \
            or (op is sre.RANGE and 48 <= av[0] <= av[1] <= 57)

    if all(is_digit(op, av) for op, av in items):
        return frozenset([DIGIT])
    if all(op is sre.LITERAL for op, _ in items):
        return frozenset(chr(av) for _, av in items)
    return None
