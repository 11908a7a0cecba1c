"""`claimex diff` on third-party sentence pairs (MSRP paraphrase, SICK entailment/contradiction), scored as
the pairs' FORMAT.md asks. Measurement only: nothing here tunes the matcher.

    python benchmarks/diff_eval.py [--pairs ../shared/eval/pairs] [--split test|train] [--cache claims.jsonl]

Each side of a pair is extracted as a one-sentence article; the pair's decision is the status of the
best-scoring aligned claim pair (same / conflict), else none. `--cache` keeps the extracted claims in a
file (keyed by the sentence text), so that a second run scores the matcher alone.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from pathlib import Path

from claimex.api import extract_many
from claimex.diff import diff_claims
from claimex.schema import Claim

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PAIRS = ROOT.parent / "shared" / "eval" / "pairs"
DECISIONS = ("same", "conflict", "none")
SICK_LABELS = ("ENTAILMENT", "NEUTRAL", "CONTRADICTION")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=Path, default=DEFAULT_PAIRS)
    parser.add_argument("--split", choices=("test", "train"), default="test",
                        help="test to report; train (the development files) to study errors")
    parser.add_argument("--cache", type=Path, help="JSONL file of extracted claims, read and extended")
    args = parser.parse_args()
    msrp = _read(args.pairs / f"msrp_{args.split}.jsonl")
    sick = _read(args.pairs / f"sick_{args.split}.jsonl")
    claims = extracted({text for pair in (*msrp, *sick) for text in (pair["a"], pair["b"])}, args.cache)
    started = time.perf_counter()
    msrp_decisions = [decision(claims[pair["a"]], claims[pair["b"]]) for pair in msrp]
    sick_decisions = [decision(claims[pair["a"]], claims[pair["b"]]) for pair in sick]
    elapsed = time.perf_counter() - started
    print(f"matcher time: {elapsed:.1f} s for {len(msrp) + len(sick)} pairs")
    report_msrp(msrp, msrp_decisions)
    report_sick(sick, sick_decisions)


def _read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def extracted(texts: set[str], cache: Path | None) -> dict[str, list[Claim]]:
    """The claims of each text, from the cache where it has them, else extracted (and added to the cache)."""
    known: dict[str, list[Claim]] = {}
    if cache is not None and cache.exists():
        for line in cache.read_text(encoding="utf-8").splitlines():
            entry = json.loads(line)
            known[entry["text"]] = [Claim.model_validate(claim) for claim in entry["claims"]]
    missing = sorted(texts - known.keys())
    if missing:
        for text, claims in zip(missing, extract_many((f"s{index}", text) for index, text in enumerate(missing))):
            known[text] = claims
        if cache is not None:
            with cache.open("a", encoding="utf-8") as stream:
                for text in missing:
                    claims = [claim.model_dump(mode="json") for claim in known[text]]
                    stream.write(json.dumps({"text": text, "claims": claims}) + "\n")
    return known


def decision(a: list[Claim], b: list[Claim]) -> str:
    """same / conflict from the best-scoring aligned pair; none when nothing aligns."""
    aligned = [record for record in diff_claims(a, b) if record.status in ("same", "conflict")]
    if not aligned:
        return "none"
    return max(aligned, key=lambda record: record.similarity).status


def report_msrp(pairs: list[dict], decisions: list[str]) -> None:
    gold = [pair["paraphrase"] for pair in pairs]
    predicted = [found == "same" for found in decisions]
    true_positive = sum(g and p for g, p in zip(gold, predicted))
    false_positive = sum(p and not g for g, p in zip(gold, predicted))
    false_negative = sum(g and not p for g, p in zip(gold, predicted))
    right = sum(g == p for g, p in zip(gold, predicted))
    negatives = sum(not g for g in gold)
    print(f"MSRP ({len(pairs)} pairs): accuracy {right / len(pairs):.3f}  "
          f"F1 {_f1(true_positive, false_positive, false_negative):.3f}  "
          f"precision {_ratio(true_positive, true_positive + false_positive)}  "
          f"recall {_ratio(true_positive, true_positive + false_negative)}  "
          f"negatives kept apart {_ratio(negatives - false_positive, negatives)}")
    print("  decisions: " + ", ".join(f"{name} {count}" for name, count in Counter(decisions).most_common()))


def report_sick(pairs: list[dict], decisions: list[str]) -> None:
    conflict_gold = [pair["label"] == "CONTRADICTION" for pair in pairs]
    same_gold = [pair["label"] == "ENTAILMENT" and pair["relatedness"] >= 4 for pair in pairs]
    strict_gold = [gold and pair["ba"] == "entails" for gold, pair in zip(same_gold, pairs)]
    print(f"SICK ({len(pairs)} pairs):")
    for name, gold in (("conflict", conflict_gold), ("same", same_gold)):
        flagged = [found == name for found in decisions]
        right = sum(f and g for f, g in zip(flagged, gold))
        print(f"  {name:8s} precision {_ratio(right, sum(flagged))}  recall {_ratio(right, sum(gold))}")
    flagged_same = [found == "same" for found in decisions]
    wrong = sum(f and pair["label"] != "ENTAILMENT" for f, pair in zip(flagged_same, pairs))
    strict = sum(f and g for f, g in zip(flagged_same, strict_gold))
    print(f"  same on NEUTRAL or CONTRADICTION pairs: {wrong}; "
          f"recall on same-both-ways gold: {_ratio(strict, sum(strict_gold))}")
    table = Counter((found, pair["label"]) for found, pair in zip(decisions, pairs))
    print("  decision \\ gold " + "".join(f"{label:>15s}" for label in SICK_LABELS))
    for found in DECISIONS:
        print(f"  {found:16s}" + "".join(f"{table[found, label]:15d}" for label in SICK_LABELS))


def _f1(true_positive: int, false_positive: int, false_negative: int) -> float:
    denominator = 2 * true_positive + false_positive + false_negative
    return 2 * true_positive / denominator if denominator else 0.0


def _ratio(right: int, total: int) -> str:
    return f"{right / total if total else 0:.3f} ({right}/{total})"


if __name__ == "__main__":
    main()
