"""Cosine of WordLlama word vectors (as `claimex diff` uses them) for synonyms and for words naming different
things of one kind: the grounds for diff.REPLACED_BELOW.

    python benchmarks/diff_words.py
"""

from __future__ import annotations

from claimex.diff import REPLACED_BELOW
from claimex.diff_meaning import meaning_model

SYNONYMS = [("forest", "woodland"), ("fled", "evacuated"), ("said", "described"), ("doubled", "twice"),
            ("buy", "purchase"), ("shortage", "lack"), ("strike", "walkout"), ("increase", "rise"),
            ("cut", "reduce"), ("cheap", "inexpensive"), ("boy", "child"), ("jobs", "posts")]
DIFFERENT = [("guitar", "flute"), ("man", "woman"), ("pool", "library"), ("nurses", "cleaners"),
             ("school", "hospital"), ("cancer", "diabetes"), ("fell", "rose"), ("dog", "cat"),
             ("bridge", "road"), ("trains", "buses"), ("wheat", "barley"), ("north", "south")]


def main() -> None:
    model = meaning_model()
    print(f"REPLACED_BELOW = {REPLACED_BELOW}")
    for title, pairs in (("synonyms", SYNONYMS), ("different things", DIFFERENT)):
        cosines = [float(model.similarities([a], [b])[0, 0]) for a, b in pairs]
        below = sum(cosine < REPLACED_BELOW for cosine in cosines)
        print(f"{title}: {below}/{len(pairs)} below the threshold")
        for (a, b), cosine in zip(pairs, cosines):
            print(f"  {a:>10s} / {b:<12s} {cosine:6.3f}")


if __name__ == "__main__":
    main()
