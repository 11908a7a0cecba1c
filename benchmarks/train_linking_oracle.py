"""How far the linking of roles into attributions (claimex_role_attribution) goes on its own: the
gold Source / Cue / Content spans of a brat corpus given as if a model had predicted them, linked,
and written as claim JSON lines for the scorers' --pred.

    python benchmarks/train_linking_oracle.py CORPUS_SPLIT_DIR > oracle.jsonl
    python ../shared/eval/score_attribution.py CORPUS_SPLIT_DIR --pred oracle.jsonl
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from claimex.claims import claims_from_doc
from claimex.pipeline import load_pipeline
from claimex.role_attribution import ROLES_KEY, RoleAttribution
from claimex.train.brat import read_corpus


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--keep-rules", action="store_true", help="keep rule attributions where no gold span lies")
    args = parser.parse_args()
    nlp = load_pipeline()
    link = RoleAttribution(keep_rules=args.keep_rules)
    articles = read_corpus(args.corpus)
    for article, doc in zip(articles, nlp.pipe(a.text for a in articles)):
        spans = [doc.char_span(s.start, s.end, label=s.label, alignment_mode="expand") for s in article.spans]
        doc.spans[ROLES_KEY] = [span for span in spans if span is not None]
        path = str(args.corpus / "text" / f"{article.name}.txt")
        for claim in claims_from_doc(link(doc), path):
            sys.stdout.write(claim.model_dump_json() + "\n")


if __name__ == "__main__":
    main()
