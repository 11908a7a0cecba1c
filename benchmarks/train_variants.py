"""A trained model's attributions with and without the rules kept where it is silent, from one pass
over a corpus: claim JSON lines for the scorers' --pred.

    python benchmarks/train_variants.py MODEL_DIR CORPUS_SPLIT_DIR OUT_PREFIX
    # writes OUT_PREFIX.model+rules.jsonl (what `claimex extract --model` gives) and OUT_PREFIX.model.jsonl
"""

from __future__ import annotations

import argparse
from pathlib import Path

from claimex.claims import claims_from_doc
from claimex.pipeline import load_pipeline
from claimex.role_attribution import RoleAttribution


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model")
    parser.add_argument("corpus", type=Path)
    parser.add_argument("prefix")
    args = parser.parse_args()
    nlp = load_pipeline(args.model)
    variants = {"model+rules": RoleAttribution(keep_rules=True), "model": RoleAttribution(keep_rules=False)}
    outputs = {name: open(f"{args.prefix}.{name}.jsonl", "w", encoding="utf-8") for name in variants}
    files = sorted((args.corpus / "text").glob("*.txt"))
    texts = (path.read_text(encoding="utf-8") for path in files)
    with nlp.select_pipes(disable=["claimex_role_attribution"]):
        for path, doc in zip(files, nlp.pipe(texts)):
            rules = doc._.attributions
            for name, link in variants.items():
                doc._.attributions = rules
                for claim in claims_from_doc(link(doc), str(path)):
                    outputs[name].write(claim.model_dump_json() + "\n")
    for stream in outputs.values():
        stream.close()


if __name__ == "__main__":
    main()
